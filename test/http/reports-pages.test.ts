import { describe, expect, it } from 'vitest'
import { Browser, testApp, type TestApp } from '../support/app.ts'
import { insertLetters, insertVisits } from '../support/report-data.ts'

async function user(t: TestApp, username: string, roles: string[]) {
  const admin = await t.token()
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: 'mat-khau-can-bo-123', roles }, admin)
  expect(res.status).toBe(201)
  const browser = new Browser(t)
  await browser.login(username, 'mat-khau-can-bo-123')
  return { browser, token: await t.token(username, 'mat-khau-can-bo-123') }
}

describe('the report page', () => {
  it('is for roles that view reports, and the navigation says so', async () => {
    const t = await testApp({ now: new Date('2026-03-02T02:00:00Z') })
    const reporter = await user(t, 'baocao', ['bao_cao'])
    const receptionist = await user(t, 'tiepdan', ['tiep_dan'])
    const home = await (await reporter.browser.get('/can-bo')).text()
    expect(home).toContain('href="/can-bo/bao-cao"')
    expect(await (await receptionist.browser.get('/can-bo')).text()).not.toContain('href="/can-bo/bao-cao"')
    expect((await receptionist.browser.get('/can-bo/bao-cao')).status).toBe(403)
    expect((await receptionist.browser.get('/can-bo/bao-cao/ho-so?chi-tieu=don.tong&from=2026-01-01&to=2026-01-31')).status).toBe(403)
    expect((await new Browser(t).get('/can-bo/bao-cao')).status).toBe(303)
  })

  it('defaults to the official quarter of today; periods by name or by dates', async () => {
    const t = await testApp({ now: new Date('2026-03-02T02:00:00Z') })
    const { browser } = await user(t, 'baocao', ['bao_cao'])
    const page = await (await browser.get('/can-bo/bao-cao')).text()
    expect(page).toContain('Quý I năm 2026')
    expect(page).toContain('Số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026')
    expect(page).toContain('Thông tư 06/2025/TT-TTCP chưa có thời điểm chốt số liệu được kiểm chứng')
    expect(await (await browser.get('/can-bo/bao-cao?ky=nam&nam=2025')).text()).toContain('Số liệu tính từ ngày 15/12/2024 đến ngày 14/12/2025')
    expect(await (await browser.get('/can-bo/bao-cao?ky=thang&nam=2026&thang=2')).text()).toContain('Số liệu tính từ ngày 01/02/2026 đến ngày 28/02/2026')
    expect(await (await browser.get('/can-bo/bao-cao?from=2024-08-01&to=2025-07-31')).text()).toContain('Số liệu tính từ ngày 01/08/2024 đến ngày 31/07/2025')
  })

  it('bad periods are said in Vietnamese next to the field, with 422', async () => {
    const t = await testApp()
    const { browser } = await user(t, 'baocao', ['bao_cao'])
    const res = await browser.get('/can-bo/bao-cao?ky=tuy-chon&from=2026-03-10&to=2026-03-01')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Ngày kết thúc không được trước ngày bắt đầu.')
    const year = await browser.get('/can-bo/bao-cao?ky=quy-2&nam=20x6')
    expect(year.status).toBe(422)
    expect(await year.text()).toContain('Năm phải gồm 4 chữ số')
    const agency = await browser.get('/can-bo/bao-cao?ky=quy-2&nam=2026&agency=KHONG_CO')
    expect(agency.status).toBe(422)
    const drill = await browser.get('/can-bo/bao-cao/ho-so?chi-tieu=khong.co&from=2026-01-01&to=2026-01-31')
    expect(drill.status).toBe(422)
    expect(await drill.text()).toContain('Không có chỉ tiêu: khong.co.')
  })

  it('drill-down lists never show a sender, and show summaries only to roles that see letters', async () => {
    const t = await testApp()
    insertLetters(t.db.sqlite, [
      { receivedAt: '2026-01-05', track: 'don_thu', channel: 'buu_chinh', contentType: 'to_cao', signerGroup: 'mot_nguoi', decision: { at: '2026-01-06T03:00:00.000Z', outcome: 'chuyen_don' }, agency: 'SO_YT' },
    ])
    t.db.sqlite.prepare("UPDATE letters SET facts = json_set(facts, '$.summary', 'Tố cáo trưởng phòng Y nhận tiền')").run()
    t.db.sqlite.prepare("INSERT INTO letter_senders (letter_id, position, name, address, signed) SELECT id, 0, 'Nguyễn Văn Tốcáo', 'Thôn Bí Mật', 1 FROM letters").run()
    const reporter = await user(t, 'baocao', ['bao_cao'])
    const admin = await user(t, 'quantri2', ['admin'])
    const path = '/can-bo/bao-cao/ho-so?chi-tieu=don.chuyenDon&from=2026-01-01&to=2026-01-31'
    const seen = await (await reporter.browser.get(path)).text()
    expect(seen).toContain('Tố cáo trưởng phòng Y nhận tiền')
    expect(seen).not.toContain('Tốcáo')
    expect(seen).not.toContain('Thôn Bí Mật')
    const asAdmin = await (await admin.browser.get(path)).text()
    expect(asAdmin).toContain('data-total="1"')
    expect(asAdmin).not.toContain('Tố cáo trưởng phòng Y nhận tiền')
    const csv = await (await reporter.browser.get(path.replace('/ho-so?', '/ho-so.csv?'))).text()
    expect(csv).not.toContain('Tốcáo')
  })
})

describe('the period chooser', () => {
  it('takes a custom period typed as dd/mm/yyyy, shows it back that way, and says what is wrong in the same terms', async () => {
    const t = await testApp({ now: new Date('2026-03-02T02:00:00Z') })
    const reporter = await user(t, 'baocao', ['bao_cao'])
    const ok = await reporter.browser.get('/can-bo/bao-cao?ky=tuy-chon&from=01/01/2026&to=31/01/2026')
    expect(ok.status).toBe(200)
    const html = await ok.text()
    expect(html).toContain('value="01/01/2026"')
    expect(html).toContain('value="31/01/2026"')
    expect(html).toContain('from=2026-01-01')
    const bad = await reporter.browser.get('/can-bo/bao-cao?ky=tuy-chon&from=31/02/2026&to=')
    expect(bad.status).toBe(422)
    const text = await bad.text()
    expect(text).toContain('Ngày bắt đầu phải có dạng ngày/tháng/năm (dd/mm/yyyy) và là ngày có thật.')
    expect(text).toContain('value="31/02/2026"')
  })
})

describe('the drill-down list shows Vietnam dates', () => {
  it('a decision at 01:30 on 6/1 (18:30 UTC on 5/1) is on 06/01/2026 in the list and 2026-01-06 01:30 in the CSV, with the code as printed', async () => {
    const t = await testApp()
    insertLetters(t.db.sqlite, [
      { receivedAt: '2026-01-05', track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: 'mot_nguoi', decision: { at: '2026-01-05T18:30:00.000Z', outcome: 'chuyen_don' }, agency: 'SO_YT' },
    ])
    const code = (t.db.sqlite.prepare('SELECT code FROM letters').get() as { code: string }).code
    const reporter = await user(t, 'baocao', ['bao_cao'])
    const path = '/can-bo/bao-cao/ho-so?chi-tieu=don.chuyenDon&from=2026-01-01&to=2026-01-31'
    const html = await (await reporter.browser.get(path)).text()
    // (05/01 is the day it was received; 06/01 can only be the decision's)
    expect(html).toContain('<td>06/01/2026</td>')
    const csv = await (await reporter.browser.get(path.replace('/ho-so?', '/ho-so.csv?'))).text()
    expect(csv).toContain('2026-01-06 01:30')
    expect(csv).toContain(`${code.slice(0, 4)}-${code.slice(4)}`)
  })
})

describe('the list filters of the API', () => {
  it('GET /api/v1/letters: the report filters, validated', async () => {
    const t = await testApp()
    const { token } = await user(t, 'xuly', ['xu_ly_don'])
    insertLetters(t.db.sqlite, [
      { receivedAt: '2025-12-01', track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: 'mot_nguoi', decision: null },
      { receivedAt: '2025-12-02', track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: 'mot_nguoi', decision: { at: '2025-12-10T03:00:00.000Z', outcome: 'thu_ly' } },
      { receivedAt: '2025-12-03', track: 'don_thu', channel: 'hop_thu', contentType: 'to_cao', signerGroup: 'nhieu_nguoi', decision: { at: '2026-01-10T03:00:00.000Z', outcome: 'huong_dan' } },
      { receivedAt: '2026-01-05', track: 'don_thu', channel: 'truc_tiep', contentType: 'nhieu_noi_dung', firstContent: 'to_cao', signerGroup: 'khac', decision: { at: '2026-03-20T03:00:00.000Z', outcome: 'kiem_tra' } },
    ])
    const items = async (query: string) => {
      const res = await t.json(`/api/v1/letters?${query}`, 'GET', undefined, token)
      expect(res.status, query).toBe(200)
      return ((await res.json()) as { items: Array<{ receivedAt: string }> }).items.map((i) => i.receivedAt).sort()
    }
    // carried into a window starting 15/12: received before, not decided by then
    expect(await items('from=2025-12-15&to=2026-03-14&carriedOver=true')).toEqual(['2025-12-01', '2025-12-03'])
    expect(await items('from=2025-12-15&to=2026-03-14&carriedOver=include')).toEqual(['2025-12-01', '2025-12-03', '2026-01-05'])
    // decided "as of" the window end: the last letter was decided after it
    expect(await items('from=2025-12-15&to=2026-03-14&carriedOver=include&decided=true&asOf=2026-03-14')).toEqual(['2025-12-03'])
    expect(await items('decided=true')).toEqual(['2025-12-02', '2025-12-03', '2026-01-05'])
    expect(await items('outcome=kiem_tra,thu_ly')).toEqual(['2025-12-02', '2026-01-05'])
    expect(await items('outcome=kiem_tra,thu_ly&asOf=2026-03-14')).toEqual(['2025-12-02'])
    expect(await items('countedAs=to_cao')).toEqual(['2025-12-03', '2026-01-05'])
    expect(await items('signerGroup=nhieu_nguoi,khac')).toEqual(['2025-12-03', '2026-01-05'])
    expect(await items('withinCompetence=false&eligible=true')).toEqual(['2025-12-03'])
    expect(await items('contentType=khieu_nai&channel=buu_chinh,hop_thu')).toEqual(['2025-12-01', '2025-12-02'])
    for (const [query, path] of [
      ['carriedOver=true', 'from'],
      ['decided=maybe', 'decided'],
      ['countedAs=nhieu_noi_dung', 'countedAs'],
      ['perMatter=xld_du_dieu_kien&from=2026-01-01', 'perMatter'],
      ['asOf=2026-02-30', 'asOf'],
      ['outcome=thu_ly,xyz', 'outcome'],
    ] as const) {
      const res = await t.json(`/api/v1/letters?${query}`, 'GET', undefined, token)
      expect(res.status, query).toBe(422)
      expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path), query).toContain(path)
    }
  })

  it('GET /api/v1/receptions: visits, their matters and sessions, without visitors', async () => {
    const t = await testApp()
    const { token } = await user(t, 'baocao', ['bao_cao'])
    insertVisits(t.db.sqlite, [
      { date: '2025-12-20', kind: 'thuong_xuyen', persons: 1, matter: 'a' },
      { date: '2026-01-05', kind: 'thuong_xuyen', persons: 7, matter: 'a' },
      { date: '2026-01-06', kind: 'dinh_ky', persons: 2, matter: 'b', host: 'Chủ tịch' },
      { date: '2026-01-06', kind: 'dinh_ky', persons: 3, matter: 'c', host: 'Chủ tịch' },
      { date: '2026-01-07', kind: 'dot_xuat', persons: 5, matter: 'd', host: 'Phó Chủ tịch', delegated: true },
    ])
    const get = async (query: string) => {
      const res = await t.json(`/api/v1/receptions?${query}`, 'GET', undefined, token)
      expect(res.status, query).toBe(200)
      return (await res.json()) as { items: Array<Record<string, unknown>>; total?: number; persons?: number }
    }
    const all = await get('from=2026-01-01&to=2026-01-31')
    expect(all).toMatchObject({ total: 4, persons: 17 })
    expect(JSON.stringify(all)).not.toContain('visitors')
    expect((await get('from=2026-01-01&to=2026-01-31&largeGroup=true')).total).toBe(2)
    expect((await get('from=2026-01-01&to=2026-01-31&largeGroup=true&minPersons=6')).total).toBe(1)
    expect((await get('from=2026-01-01&to=2026-01-31&category=uy_quyen')).total).toBe(1)
    expect((await get('from=2026-01-01&to=2026-01-31&firstTime=false&distinct=matter')).items).toHaveLength(1)
    expect((await get('from=2026-01-01&to=2026-01-31&firstTime=true&distinct=matter')).items).toHaveLength(3)
    expect((await get('from=2026-01-01&to=2026-01-31&distinct=session')).items).toHaveLength(2)
    const page1 = await get('from=2025-12-01&to=2026-01-31&limit=2')
    expect(page1.items).toHaveLength(2)
    const bad = await t.json('/api/v1/receptions?firstTime=true', 'GET', undefined, token)
    expect(bad.status).toBe(422)
    // a receiving agency's user sees what was sent to it, not the board's visits
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'coquan', displayName: 'Sở Y tế', password: 'mat-khau-co-quan-1', roles: ['co_quan'], agencyCode: 'SO_YT' }, admin)
    expect((await t.json('/api/v1/receptions?from=2026-01-01&to=2026-01-31', 'GET', undefined, await t.token('coquan', 'mat-khau-co-quan-1'))).status).toBe(403)
    expect((await t.json('/api/v1/reports/tiep-cong-dan?from=2026-01-01&to=2026-01-31', 'GET', undefined, await t.token('coquan', 'mat-khau-co-quan-1'))).status).toBe(403)
  })
})
