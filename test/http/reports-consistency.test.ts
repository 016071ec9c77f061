/**
 * One report, five readings: the page, the JSON API, the CSV files, the XLSX workbook and the
 * drill-down lists must show the same number for every measure, form column and chart bar.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/domain/csv.ts'
import { MEASURES, SUMMARY_SECTIONS, isMeasureKey } from '../../src/domain/report-measures.ts'
import { Browser, testApp, type TestApp } from '../support/app.ts'
import { insertLetters, insertVisits, letterSpec, visitSpec } from '../support/report-data.ts'
import { readXlsx, sheetRows } from '../support/xlsx-read.ts'

const W = { from: '2025-12-15', to: '2026-03-14' }
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')

let t: TestApp
let browser: Browser
let page: string
let api: Record<string, any>

beforeAll(async () => {
  t = await testApp({ now: new Date('2026-03-20T03:00:00Z') })
  // a dataset with every kind of record around the window's edges (fixed seed: reproducible)
  const [letters, visits] = fc.sample(fc.tuple(fc.array(letterSpec(W), { minLength: 150, maxLength: 150 }), fc.array(visitSpec(W), { minLength: 60, maxLength: 60 })), { numRuns: 1, seed: 20260314 })[0]!
  insertLetters(t.db.sqlite, letters)
  insertVisits(t.db.sqlite, visits)
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username: 'baocao', displayName: 'Cán bộ báo cáo', password: 'mat-khau-bao-cao-1', roles: ['bao_cao'] }, admin)
  browser = new Browser(t)
  await browser.login('baocao', 'mat-khau-bao-cao-1')
  const res = await browser.get(`/can-bo/bao-cao?from=${W.from}&to=${W.to}`)
  expect(res.status).toBe(200)
  page = await res.text()
  const token = await t.token('baocao', 'mat-khau-bao-cao-1')
  api = (await (await t.json(`/api/v1/reports/tiep-cong-dan?from=${W.from}&to=${W.to}&include=bieu-mau,bieu-do`, 'GET', undefined, token)).json()) as Record<string, any>
})

/** Every summary number of the page: data-measure → data-value. */
const pageMeasures = () => new Map([...page.matchAll(/data-measure="([^"]+)" data-value="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]))

/** Every form cell of the page: "01/TCD#3" → value. */
function pageFormCells() {
  const cells = new Map<string, number>()
  for (const table of page.matchAll(/<table class="table table--report-form" data-form="([^"]+)">([\s\S]*?)<\/table>/g)) {
    for (const m of table[2]!.matchAll(/data-col="(\d+)" data-value="(\d+)"/g)) cells.set(`${table[1]}#${m[1]}`, Number(m[2]))
  }
  return cells
}

describe('the page, the API, the CSV and the XLSX agree', () => {
  it('has numbers at all (the dataset is not empty)', () => {
    expect(api.donThu.tong).toBeGreaterThan(10)
    expect(api.tiepCongDan.luot).toBeGreaterThan(5)
    expect(api.xuLyDon.kyTruocChuyenSang).toBeGreaterThan(0)
    expect(api.kiemTra).toEqual([])
  })

  it('summary numbers: page = API', () => {
    const onPage = pageMeasures()
    expect(onPage.size).toBeGreaterThan(40)
    for (const [key, value] of onPage) expect(api.chiTieu[key]?.giaTri, key).toBe(value)
    // and the API.md objects are the same values
    expect(api.donThu.tong).toBe(api.chiTieu['don.tong'].giaTri)
    expect(api.tiepCongDan.thuongXuyen.doanDongNguoi).toBe(api.chiTieu['tcd.tx.doan'].giaTri)
  })

  it('form columns: page = API, and every control sum holds', () => {
    const cells = pageFormCells()
    let count = 0
    for (const form of api.bieuMau as Array<{ bieu: string; cot: Array<{ so: number; giaTri: number | null }>; kiemTraTong: Array<{ ok: boolean }> }>) {
      for (const col of form.cot) {
        if (col.giaTri === null) continue
        expect(cells.get(`${form.bieu}#${col.so}`), `${form.bieu} cột ${col.so}`).toBe(col.giaTri)
        count++
      }
      expect(form.kiemTraTong.every((c) => c.ok)).toBe(true)
    }
    expect(count).toBe(29 + 16 + 22)
  })

  it('charts: page tables = API', () => {
    const onPage = new Map([...page.matchAll(/data-chart="([^"]+)" data-bar="([^"]+)" data-series="([^"]+)" data-value="(\d+)"/g)].map((m) => [`${m[1]}|${m[2]}|${m[3]}`, Number(m[4])]))
    let count = 0
    for (const chart of api.bieuDo as Array<{ ma: string; dayGiaTri: Array<{ ma: string }>; cot: Array<{ ma: string; giaTri: number[] }> }>) {
      for (const bar of chart.cot) {
        bar.giaTri.forEach((value, i) => {
          expect(onPage.get(`${chart.ma}|${bar.ma}|${chart.dayGiaTri[i]!.ma}`), `${chart.ma} ${bar.ma}`).toBe(value)
          count++
        })
      }
    }
    expect(count).toBeGreaterThan(10)
    // the monthly bars add up to the letters received
    const monthly = (api.bieuDo as Array<{ ma: string; cot: Array<{ giaTri: number[] }> }>).find((c) => c.ma === 'don-theo-thang')!
    expect(monthly.cot.flatMap((b) => b.giaTri).reduce((a, b) => a + b, 0)).toBe(api.donThu.tong)
  })

  it('CSV: the summary and each form carry the same numbers, as plain numbers', async () => {
    const summary = parseCsv(await (await browser.get(`/can-bo/bao-cao/tai-xuong.csv?from=${W.from}&to=${W.to}&bang=tong-hop`)).text())
    expect(summary[0]).toEqual(['Mã chỉ tiêu', 'Nhóm', 'Chỉ tiêu', 'Số liệu'])
    for (const [key, , label, value] of summary.slice(1)) {
      expect(/^\d+$/.test(value!), key).toBe(true)
      expect(Number(value), key).toBe(api.chiTieu[key!].giaTri)
      expect(label).toBe(MEASURES[key as keyof typeof MEASURES].label)
    }
    for (const form of api.bieuMau as Array<{ bieu: string; cot: Array<{ so: number; giaTri: number | null }> }>) {
      const rows = parseCsv(await (await browser.get(`/can-bo/bao-cao/tai-xuong.csv?from=${W.from}&to=${W.to}&bang=${form.bieu.replace('/', '-')}`)).text())
      const ms = rows.at(-2)!
      const unit = rows.at(-1)!
      expect(ms[0]).toBe('MS')
      expect(unit[0]).toBe('Ban Tiếp công dân tỉnh')
      form.cot.forEach((col, i) => {
        expect(ms[i + 1]).toBe(String(col.so))
        if (col.giaTri !== null) expect(unit[i + 1], `${form.bieu} cột ${col.so}`).toBe(String(col.giaTri))
      })
    }
    // the same file from the API
    const token = await t.token('baocao', 'mat-khau-bao-cao-1')
    const fromApi = await t.json(`/api/v1/reports/tiep-cong-dan?from=${W.from}&to=${W.to}&format=csv&bang=01-XLD`, 'GET', undefined, token)
    expect(fromApi.headers.get('content-type')).toContain('text/csv')
    expect(parseCsv(await fromApi.text()).at(-1)).toEqual(parseCsv(await (await browser.get(`/can-bo/bao-cao/tai-xuong.csv?from=${W.from}&to=${W.to}&bang=01-XLD`)).text()).at(-1))
  })

  it('XLSX: a valid package whose numbers are numbers and equal the API', async () => {
    const res = await browser.get(`/can-bo/bao-cao/tai-xuong.xlsx?from=${W.from}&to=${W.to}`)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const book = readXlsx(new Uint8Array(await res.arrayBuffer()))
    expect(book.files).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels']))
    expect(book.names).toEqual(['Tổng hợp', 'Văn bản', 'Biểu 01-TCD', 'Biểu 02-TCD', 'Biểu 01-XLD', 'Biểu đồ'])
    const summary = sheetRows(book.sheets.get('Tổng hợp')!)
    const header = summary.findIndex((r) => r?.[0] === 'Mã chỉ tiêu')
    let seen = 0
    for (const row of summary.slice(header + 1)) {
      if (!row || !isMeasureKey(String(row[0]))) continue
      expect(typeof row[3], String(row[0])).toBe('number')
      expect(row[3], String(row[0])).toBe(api.chiTieu[String(row[0])].giaTri)
      seen++
    }
    expect(seen).toBe(SUMMARY_SECTIONS.reduce((a, s) => a + s.keys.length, 0))
    for (const form of api.bieuMau as Array<{ bieu: string; cot: Array<{ so: number; giaTri: number | null }> }>) {
      const rows = sheetRows(book.sheets.get(`Biểu ${form.bieu.replace('/', '-')}`)!)
      const unit = rows.find((r) => r?.[0] === 'Ban Tiếp công dân tỉnh')!
      form.cot.forEach((col, i) => {
        if (col.giaTri !== null) expect(unit[i + 1], `${form.bieu} cột ${col.so}`).toBe(col.giaTri)
      })
    }
    const text = sheetRows(book.sheets.get('Văn bản')!).flat().filter((x): x is string => typeof x === 'string')
    for (const p of String(api.text).split('\n')) expect(text).toContain(p)
    // the API gives the same workbook
    const token = await t.token('baocao', 'mat-khau-bao-cao-1')
    const fromApi = readXlsx(new Uint8Array(await (await t.json(`/api/v1/reports/tiep-cong-dan?from=${W.from}&to=${W.to}&format=xlsx`, 'GET', undefined, token)).arrayBuffer()))
    expect([...fromApi.sheets.get('Biểu 01-XLD')!]).toEqual([...book.sheets.get('Biểu 01-XLD')!])
  })

  it('the print view shows the same summary numbers', async () => {
    const print = await (await browser.get(`/can-bo/bao-cao/in?from=${W.from}&to=${W.to}`)).text()
    const numbers = new Map([...print.matchAll(/data-measure="([^"]+)" data-value="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]))
    expect(numbers.size).toBeGreaterThan(40)
    for (const [key, value] of numbers) expect(value, key).toBe(api.chiTieu[key].giaTri)
    expect(print).not.toContain('staff-nav')
  })
})

describe('every number links to exactly the records it counts', () => {
  /** Follows a drill-down page and its next pages; returns rows, totals and persons. */
  async function drill(href: string) {
    let url: string | null = href
    let rows = 0
    let persons = 0
    let totals: number[] = []
    let personTotals: number[] = []
    let first = true
    while (url) {
      const res = await browser.get(url)
      expect(res.status, url).toBe(200)
      const html = await res.text()
      rows += [...html.matchAll(/<tr data-row=/g)].length
      persons += [...html.matchAll(/data-persons="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0)
      if (first) {
        totals = [...html.matchAll(/data-total="(\d+)"/g)].map((m) => Number(m[1]))
        personTotals = [...html.matchAll(/data-persons-total="(\d+)"/g)].map((m) => Number(m[1]))
        first = false
      }
      const next = /<a href="([^"]+)" rel="next">/.exec(html)
      url = next ? decode(next[1]!) : null
    }
    return { rows, persons, total: totals.reduce((a, b) => a + b, 0), personTotal: personTotals.reduce((a, b) => a + b, 0) }
  }

  it('summary numbers and form columns', async () => {
    const links = [
      ...[...page.matchAll(/<a href="([^"]+)" data-measure="([^"]+)" data-value="(\d+)"/g)].map((m) => ({ href: decode(m[1]!), value: Number(m[3]) })),
      ...[...page.matchAll(/data-col="\d+" data-value="(\d+)"><a href="([^"]+)"/g)].map((m) => ({ href: decode(m[2]!), value: Number(m[1]) })),
    ]
    expect(links.length).toBeGreaterThan(100)
    const seen = new Set<string>()
    for (const { href, value } of links) {
      if (seen.has(href)) continue
      seen.add(href)
      const keys = new URL(href, 'http://x').searchParams.get('chi-tieu')!.split(',')
      const counted = await drill(href)
      const ofPersons = keys.every((k) => MEASURES[k as keyof typeof MEASURES].measure.of === 'persons')
      if (ofPersons) {
        expect(counted.persons, href).toBe(value)
        expect(counted.personTotal, href).toBe(value)
      } else {
        expect(counted.rows, href).toBe(value)
        expect(counted.total, href).toBe(value)
      }
    }
  }, 120_000)

  it('chart bars', async () => {
    const bars = [...page.matchAll(/data-value="(\d+)"><a href="(\/can-bo\/bao-cao\/ho-so\?loai=[^"]+)"/g)].map((m) => ({ value: Number(m[1]), href: decode(m[2]!) }))
    expect(bars.length).toBeGreaterThan(5)
    for (const { value, href } of bars) {
      const counted = await drill(href)
      expect(counted.rows, href).toBe(value)
      expect(counted.total, href).toBe(value)
    }
  }, 60_000)

  it('the equivalent API calls return the same records', async () => {
    const token = await t.token('baocao', 'mat-khau-bao-cao-1')
    for (const key of ['don.duDieuKien', 'xld.kyTruoc', 'xld.chuaXuLy', 'don.khieuNai', 'pakn.daGiaiQuyet', 'tcd02.khieuNai.vuViec'] as const) {
      const html = await (await browser.get(`/can-bo/bao-cao/ho-so?chi-tieu=${key}&from=${W.from}&to=${W.to}`)).text()
      const apiLink = decode(/<code class="api-call__request">GET (\/api\/v1\/letters\?[^<]+)<\/code>/.exec(html)![1]!)
      let cursor: string | null = null
      let n = 0
      do {
        const res = await t.json(`${apiLink}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, 'GET', undefined, token)
        expect(res.status, apiLink).toBe(200)
        const body = (await res.json()) as { items: unknown[]; nextCursor: string | null }
        n += body.items.length
        cursor = body.nextCursor
      } while (cursor)
      expect(n, key).toBe(api.chiTieu[key].giaTri)
    }
    for (const key of ['tcd.tx.luot', 'tcd.vuViecNhieuLan', 'tcd.dk.ky'] as const) {
      const html = await (await browser.get(`/can-bo/bao-cao/ho-so?chi-tieu=${key}&from=${W.from}&to=${W.to}`)).text()
      const apiLink = decode(/<code class="api-call__request">GET (\/api\/v1\/receptions\?[^<]+)<\/code>/.exec(html)![1]!)
      const body = (await (await t.json(`${apiLink}&limit=500`, 'GET', undefined, token)).json()) as { items: unknown[] }
      expect(body.items.length, key).toBe(api.chiTieu[key].giaTri)
    }
  })

  it('record exports have one row per record', async () => {
    const csv = parseCsv(await (await browser.get(`/can-bo/bao-cao/ho-so.csv?chi-tieu=xld.phaiXuLy&from=${W.from}&to=${W.to}`)).text())
    expect(csv.length - 1).toBe(api.chiTieu['xld.phaiXuLy'].giaTri)
    expect(csv[0]![0]).toBe('Mã đơn')
    const book = readXlsx(new Uint8Array(await (await browser.get(`/can-bo/bao-cao/ho-so.xlsx?chi-tieu=tcd.luot&from=${W.from}&to=${W.to}`)).arrayBuffer()))
    const rows = sheetRows(book.sheets.get('Danh sách')!).filter(Boolean)
    // title, header, one row per visit
    expect(rows.length - 2).toBe(api.chiTieu['tcd.luot'].giaTri)
    expect(rows.slice(2).reduce((a, r) => a + Number(r[3]), 0)).toBe(api.chiTieu['tcd.nguoi'].giaTri)
  })
})
