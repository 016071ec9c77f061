/**
 * The report pages (/can-bo/bao-cao), role view_reports: the report of a period, its print view,
 * its CSV / XLSX files, and the records behind any number (/ho-so, with CSV / XLSX of them).
 */
import { Hono, type Context } from 'hono'
import { vnDateOf } from '../../domain/calendar.ts'
import { can } from '../../domain/permissions.ts'
import { currentOfficialQuarter, customPeriod, periodWindow, CALENDAR_PERIODS, OFFICIAL_PERIODS, type Period, type PeriodKind } from '../../domain/report-periods.ts'
import { MEASURES, isMeasureKey, type MeasureKey } from '../../domain/report-measures.ts'
import { vnDate, windowProblems, type ReportWindow } from '../../domain/report-window.ts'
import { XLSX_MEDIA_TYPE } from '../../domain/xlsx.ts'
import { CHANNELS, CONTENT_TYPES, fieldLabel } from '../../domain/codes.ts'
import { TIMELINESS_SERIES } from '../../domain/report-charts.ts'
import { listAgencies } from '../../db/agencies.ts'
import { loadSettings } from '../../db/settings.ts'
import { ReportPage, type PeriodForm, type ReportLinks } from '../../../views/pages/reports/ReportPage.tsx'
import { ReportPrintPage } from '../../../views/pages/reports/ReportPrintPage.tsx'
import { RecordsPage, type RecordSection } from '../../../views/pages/reports/RecordsPage.tsx'
import type { AppEnv } from '../env.ts'
import { ApiError } from '../errors.ts'
import { pageRequires } from '../auth/pages.ts'
import { formDateMessages, parseDateInput } from '../form.ts'
import { recordsCsv, recordsRows, recordsXlsx, reportCsv, reportXlsx, type CsvTable } from '../report-exports.ts'
import { LIST_KINDS, apiHref, listHref, measureHref, measureList, type ListKind, type RecordList } from '../report-links.ts'
import { RECORDS_EXPORT_LIMIT, RECORDS_PAGE_SIZE, loadRecords, type Records } from '../report-records.ts'
import { buildReport } from '../reports.ts'
import { render } from '../render.tsx'

const PERIOD_KINDS = new Set<string>([...Object.keys(OFFICIAL_PERIODS), ...Object.keys(CALENDAR_PERIODS), 'tuy-chon'])
const CSV_TABLES = new Set<string>(['tong-hop', 'van-ban', '01-TCD', '02-TCD', '01-XLD'])

type Query = Record<string, string | undefined>

/** The period a page asks for: ?ky=&nam=&thang= or ?from=&to= (defaults: the current official quarter). */
function periodOf(q: Query, today: string): { form: PeriodForm; period: Period | null; errors: Record<string, string> } {
  const current = currentOfficialQuarter(today)
  const custom = !q.ky && (q.from || q.to)
  const ky = custom ? 'tuy-chon' : PERIOD_KINDS.has(q.ky ?? '') ? q.ky! : current.kind
  const form: PeriodForm = {
    ky,
    nam: (q.nam ?? String(current.year)).trim().slice(0, 6),
    thang: q.thang ?? String(Number(today.slice(5, 7))),
    // typed as dd/mm/yyyy like every other date of the staff pages; YYYY-MM-DD (links, the API) too
    from: parseDateInput(q.from ?? '').slice(0, 10),
    to: parseDateInput(q.to ?? '').slice(0, 10),
    agency: (q.agency ?? '').slice(0, 64),
  }
  const errors: Record<string, string> = {}
  if (ky === 'tuy-chon') {
    for (const p of formDateMessages(windowProblems(form.from, form.to))) errors[p.path] = p.message
  } else if (!/^\d{4}$/.test(form.nam)) {
    errors.nam = 'Năm phải gồm 4 chữ số, ví dụ 2026.'
  }
  if (Object.keys(errors).length > 0) return { form, period: null, errors }
  const period = periodWindow({ kind: ky as PeriodKind, year: Number(form.nam), month: Number(form.thang), from: form.from, to: form.to })
  if (!period) return { form, period: null, errors: { ky: 'Không xác định được kỳ báo cáo này.' } }
  return { form, period, errors }
}

const periodQuery = (form: PeriodForm) => {
  const p = new URLSearchParams({ ky: form.ky })
  if (form.ky === 'tuy-chon') {
    p.set('from', form.from)
    p.set('to', form.to)
  } else {
    p.set('nam', form.nam)
    if (form.ky === 'thang') p.set('thang', form.thang)
  }
  if (form.agency) p.set('agency', form.agency)
  return p
}

async function reportOf(c: Context<AppEnv>, options: { forms: boolean; charts: boolean }) {
  const { db, now } = c.get('deps')
  const agencies = (await listAgencies(db)).map((a) => ({ code: a.code, name: a.name }))
  const { form, period, errors } = periodOf(c.req.query(), vnDateOf(now()))
  if (form.agency && !agencies.some((a) => a.code === form.agency)) errors.agency = 'Không có cơ quan này trong danh bạ.'
  if (!period || Object.keys(errors).length > 0) return { form, agencies, errors, report: null }
  const report = await buildReport(db, { window: period, period, agencyCode: form.agency || null, ...options, today: vnDateOf(now()) })
  return { form, agencies, errors, report }
}

const fileName = (period: ReportWindow) => `bao-cao-tiep-cong-dan_${period.from}_${period.to}`

/** What a list's filters select, in words (a chart's segment opens such a list): the page says what it lists. */
function listFilterWords(params: URLSearchParams, agencyName: (code: string | null) => string): string[] {
  const words: string[] = []
  const label = <T extends Record<string, string>>(table: T, code: string | null) => (code && code in table ? table[code as keyof T] : null)
  const type = label(CONTENT_TYPES, params.get('contentType'))
  if (type) words.push(type.toLowerCase())
  const field = params.get('field')
  if (field) words.push(`lĩnh vực ${fieldLabel(field).toLowerCase()}`)
  const channel = label(CHANNELS, params.get('channel'))
  if (channel) words.push(`nguồn ${channel.toLowerCase()}`)
  const agency = params.get('agency')
  if (agency) words.push(`thuộc thẩm quyền của ${agencyName(agency)}`)
  const timeliness = TIMELINESS_SERIES.find((s) => s.key === params.get('timeliness'))
  if (timeliness) {
    const asOf = params.get('asOf')
    words.push(`${timeliness.label.toLowerCase()}${asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? ` (tính đến hết ngày ${vnDate(asOf)})` : ''}`)
  }
  return words
}

export const reportPages = new Hono<AppEnv>()
  .use(pageRequires('view_reports'))
  .get('/', async (c) => {
    const { form, agencies, errors, report } = await reportOf(c, { forms: true, charts: true })
    const q = periodQuery(form)
    const links: ReportLinks | null = report
      ? {
          measure: (keys: MeasureKey[]) => measureHref(keys, { window: report.period, agency: report.agency?.code ?? null }),
          list: (params) => listHref('don', params),
          csv: (table) => `/can-bo/bao-cao/tai-xuong.csv?${q}&bang=${table}`,
          xlsx: `/can-bo/bao-cao/tai-xuong.xlsx?${q}`,
          print: `/can-bo/bao-cao/in?${q}`,
          api: `/api/v1/reports/tiep-cong-dan?${new URLSearchParams({ from: report.period.from, to: report.period.to, ...(report.agency ? { agency: report.agency.code } : {}), include: 'bieu-mau,bieu-do' })}`,
        }
      : null
    return render(c, <ReportPage report={report} form={form} agencies={agencies} errors={errors} links={links} />, report ? 200 : 422)
  })
  .get('/in', async (c) => {
    const { form, agencies, errors, report } = await reportOf(c, { forms: true, charts: false })
    if (!report) return render(c, <ReportPage report={null} form={form} agencies={agencies} errors={errors} links={null} />, 422)
    return render(c, <ReportPrintPage report={report} printedOn={vnDateOf(c.get('deps').now())} backHref={`/can-bo/bao-cao?${periodQuery(form)}`} />)
  })
  .get('/tai-xuong.csv', async (c) => {
    const table = c.req.query('bang') ?? 'tong-hop'
    if (!CSV_TABLES.has(table)) throw new ApiError(404, 'not_found', 'Không có bảng này.')
    const { form, agencies, errors, report } = await reportOf(c, { forms: /^\d/.test(table), charts: false })
    if (!report) return render(c, <ReportPage report={null} form={form} agencies={agencies} errors={errors} links={null} />, 422)
    c.header('Content-Disposition', `attachment; filename="${fileName(report.period)}_${table}.csv"`)
    return c.body(reportCsv(report, table as CsvTable), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/tai-xuong.xlsx', async (c) => {
    const { form, agencies, errors, report } = await reportOf(c, { forms: true, charts: true })
    if (!report) return render(c, <ReportPage report={null} form={form} agencies={agencies} errors={errors} links={null} />, 422)
    c.header('Content-Disposition', `attachment; filename="${fileName(report.period)}.xlsx"`)
    return c.body(reportXlsx(report, c.get('deps').now().toISOString()), 200, { 'Content-Type': XLSX_MEDIA_TYPE })
  })
  .get('/ho-so', async (c) => {
    const result = await recordsOf(c, RECORDS_PAGE_SIZE)
    return render(
      c,
      <RecordsPage
        title={result.title}
        subtitle={result.subtitle}
        sections={result.sections}
        backHref={result.backHref}
        agencyName={result.agencyName}
        showSummaries={result.showSummaries}
        errors={result.errors}
      />,
      result.errors.length > 0 ? 422 : 200,
    )
  })
  .get('/ho-so.csv', async (c) => {
    const result = await recordsOf(c, RECORDS_EXPORT_LIMIT)
    if (result.errors.length > 0) throw new ApiError(422, 'validation_failed', result.errors.join(' '))
    c.header('Content-Disposition', 'attachment; filename="danh-sach-ho-so.csv"')
    return c.body(recordsCsv(recordsRows(result.sections, result.agencyName, result.showSummaries)), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/ho-so.xlsx', async (c) => {
    const result = await recordsOf(c, RECORDS_EXPORT_LIMIT)
    if (result.errors.length > 0) throw new ApiError(422, 'validation_failed', result.errors.join(' '))
    c.header('Content-Disposition', 'attachment; filename="danh-sach-ho-so.xlsx"')
    const rows = recordsRows(result.sections, result.agencyName, result.showSummaries)
    return c.body(recordsXlsx(`${result.title}. ${result.subtitle ?? ''}`, rows, c.get('deps').now().toISOString()), 200, { 'Content-Type': XLSX_MEDIA_TYPE })
  })

/** The sections of a drill-down request: one per measure of ?chi-tieu=, or one list of ?loai=. */
async function recordsOf(c: Context<AppEnv>, limit: number) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  const url = new URL(c.req.url)
  const q = url.searchParams
  const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
  const names = new Map(agencies.map((a) => [a.code, a.name]))
  const agencyName = (code: string | null) => (code ? (names.get(code) ?? code) : '')
  const errors: string[] = []
  const wanted: Array<{ heading: string; list: RecordList }> = []
  let title = 'Danh sách hồ sơ'
  let subtitle: string | null = null
  let backHref = '/can-bo/bao-cao'
  const keys = (q.get('chi-tieu') ?? '').split(',').filter(Boolean)
  if (keys.length > 0) {
    const from = q.get('from') ?? undefined
    const to = q.get('to') ?? undefined
    for (const p of windowProblems(from, to)) errors.push(p.message)
    const unknown = keys.filter((k) => !isMeasureKey(k))
    if (unknown.length > 0) errors.push(`Không có chỉ tiêu: ${unknown.join(', ')}.`)
    if (keys.length > 30) errors.push('Tối đa 30 chỉ tiêu một lần.')
    const agency = q.get('agency') || null
    if (agency && !names.has(agency)) errors.push('Không có cơ quan này trong danh bạ.')
    if (errors.length === 0) {
      const window = { from: from!, to: to! }
      const period = customPeriod(window)
      title = keys.length === 1 ? MEASURES[keys[0] as MeasureKey].label : `Cộng ${keys.length} chỉ tiêu`
      subtitle = `${period.range}${agency ? `; đơn thuộc thẩm quyền của ${agencyName(agency)}` : ''}.`
      backHref = `/can-bo/bao-cao?${new URLSearchParams({ from: window.from, to: window.to, ...(agency ? { agency } : {}) })}`
      for (const key of keys as MeasureKey[]) {
        wanted.push({ heading: MEASURES[key].label, list: measureList(key, { window, agency, largeGroupThreshold: settings.largeGroupThreshold }) })
      }
    }
  } else {
    const kind = q.get('loai') ?? ''
    if (!(kind in LIST_KINDS)) errors.push('Cần chọn loại danh sách (loai) hoặc chỉ tiêu (chi-tieu).')
    else {
      const params = new URLSearchParams([...q].filter(([k]) => k !== 'loai' && k !== 'sau'))
      title = `Danh sách: ${LIST_KINDS[kind as ListKind].toLowerCase()}`
      const from = params.get('from')
      const to = params.get('to')
      const filters = listFilterWords(params, agencyName)
      subtitle = [from && to ? customPeriod({ from, to }).range : null, ...filters].filter(Boolean).join('; ') + '.'
      if (subtitle === '.') subtitle = null
      if (from && to && from <= to) backHref = `/can-bo/bao-cao?${new URLSearchParams({ from, to })}`
      wanted.push({ heading: title, list: { kind: kind as ListKind, params, counts: 'rows' } })
    }
  }
  const sections: RecordSection[] = []
  const single = wanted.length === 1
  for (const w of wanted) {
    const cursor = single ? q.get('sau') : null
    // a paged list gets a page; matters, sessions and replies are listed whole
    const paged = w.list.kind === 'don' || w.list.kind === 'luot'
    const result = await loadRecords(db, {
      kind: w.list.kind,
      params: w.list.params,
      cursor,
      limit: paged ? limit : RECORDS_EXPORT_LIMIT,
      largeGroupThreshold: settings.largeGroupThreshold,
      now: now(),
      searchIdentityOfDenunciations: false,
    })
    if (!result.ok) {
      errors.push(...result.errors.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message}`))
      continue
    }
    const records: Records = result.records
    const listUrl = listHref(w.list.kind, w.list.params)
    const next = records.nextCursor ? (single ? withParam(url, 'sau', records.nextCursor) : listUrl) : null
    sections.push({
      heading: w.heading,
      value: null,
      counts: w.list.counts,
      records,
      apiHref: apiHref(w.list),
      nextHref: next,
      csvHref: single ? `/can-bo/bao-cao/ho-so.csv?${withoutParam(url, 'sau')}` : listUrl.replace('/ho-so?', '/ho-so.csv?'),
      xlsxHref: single ? `/can-bo/bao-cao/ho-so.xlsx?${withoutParam(url, 'sau')}` : listUrl.replace('/ho-so?', '/ho-so.xlsx?'),
    })
  }
  return { title, subtitle, sections, backHref, agencyName, showSummaries: can(user.roles, 'view_letters'), errors }
}

const withParam = (url: URL, key: string, value: string) => {
  const u = new URL(url)
  u.searchParams.set(key, value)
  return `${u.pathname}?${u.searchParams}`
}

const withoutParam = (url: URL, key: string) => {
  const p = new URLSearchParams(url.searchParams)
  p.delete(key)
  return p.toString()
}
