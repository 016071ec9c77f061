/**
 * GET /api/v1/reports/tiep-cong-dan?from=&to= (API.md "Reports"), role view_reports.
 * Extensions: `agency=CODE` (only letters whose competent agency is CODE; visits are the board's
 * own work and are not narrowed), `include=bieu-mau,bieu-do` (the forms and the charts' data),
 * `format=csv|xlsx` (the same report as a file; csv takes `bang=tong-hop|van-ban|01-TCD|02-TCD|01-XLD`).
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import { vnDateOf } from '../../domain/calendar.ts'
import { windowProblems } from '../../domain/report-window.ts'
import { XLSX_MEDIA_TYPE } from '../../domain/xlsx.ts'
import type { AppEnv } from '../env.ts'
import { invalid } from '../errors.ts'
import { apiRequires } from '../auth/session.ts'
import { reportCsv, reportXlsx, type CsvTable } from '../report-exports.ts'
import { UnknownAgencyError, buildReport, reportJson } from '../reports.ts'
import { parseOrThrow } from '../validation.ts'

const CSV_TABLES = ['tong-hop', 'van-ban', '01-TCD', '02-TCD', '01-XLD'] as const satisfies readonly CsvTable[]

const ReportQuery = v.object({
  from: v.optional(v.string()),
  to: v.optional(v.string()),
  agency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{2,64}$/, 'Mã cơ quan không hợp lệ.'))),
  include: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
      v.check((list) => list.every((x) => x === 'bieu-mau' || x === 'bieu-do'), 'include chỉ nhận bieu-mau, bieu-do.'),
    ),
  ),
  format: v.optional(v.picklist(['json', 'csv', 'xlsx'], 'format phải là json, csv hoặc xlsx.')),
  bang: v.optional(v.picklist(CSV_TABLES, `bang phải là một trong: ${CSV_TABLES.join(', ')}.`)),
})

export const reportsApi = new Hono<AppEnv>().get('/tiep-cong-dan', apiRequires('view_reports'), async (c) => {
  const { db, now } = c.get('deps')
  const query = parseOrThrow(ReportQuery, c.req.query())
  const problems = windowProblems(query.from, query.to)
  if (problems.length > 0) throw invalid(problems)
  const window = { from: query.from!, to: query.to! }
  const format = query.format ?? 'json'
  const table = query.bang ?? 'tong-hop'
  const include = new Set(query.include ?? [])
  // a form's CSV needs that form; the workbook has everything
  const forms = include.has('bieu-mau') || format === 'xlsx' || (format === 'csv' && /^\d/.test(table))
  const charts = include.has('bieu-do') || format === 'xlsx'
  let report
  try {
    report = await buildReport(db, { window, agencyCode: query.agency ?? null, forms, charts, today: vnDateOf(now()) })
  } catch (error) {
    if (error instanceof UnknownAgencyError) throw invalid([{ path: 'agency', message: 'Không có cơ quan này trong danh bạ.' }])
    throw error
  }
  const name = `bao-cao-tiep-cong-dan_${window.from}_${window.to}`
  if (format === 'csv') {
    c.header('Content-Disposition', `attachment; filename="${name}_${table}.csv"`)
    return c.body(reportCsv(report, table), 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  }
  if (format === 'xlsx') {
    c.header('Content-Disposition', `attachment; filename="${name}.xlsx"`)
    return c.body(reportXlsx(report, now().toISOString()), 200, { 'Content-Type': XLSX_MEDIA_TYPE })
  }
  return c.json(reportJson(report))
})
