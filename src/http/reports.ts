/**
 * The report use case shared by GET /api/v1/reports/tiep-cong-dan and the report pages: load the
 * grouped counts for a window, compute every measure once, and derive from those values the JSON,
 * the paragraphs, the forms, the charts and the exports — so they cannot disagree.
 */
import { listAgencies } from '../db/agencies.ts'
import { dataVersion } from '../db/data-version.ts'
import type { Db } from '../db/db.ts'
import { loadReportData } from '../db/reports.ts'
import { loadSettings } from '../db/settings.ts'
import { fieldChart, monthlyChart, timelinessChart, type ChartModel } from '../domain/report-charts.ts'
import { fillForm, layoutMeasures, type FilledForm } from '../domain/report-forms.ts'
import { FORM_CODES } from '../domain/report-layouts.ts'
import { MEASURES, scopesOf, type MeasureKey } from '../domain/report-measures.ts'
import { customPeriod, type Period } from '../domain/report-periods.ts'
import { reportParagraphs } from '../domain/report-text.ts'
import { invariantViolations, measureValues, tallies, type MeasureValues, type Tallies, type Violation } from '../domain/report.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import { layoutFor } from '../domain/report-forms.ts'
import { deepFreeze } from '../domain/freeze.ts'

export interface ReportRequest {
  window: ReportWindow
  /** The named period the window came from (page); a custom period otherwise. */
  period?: Period
  /** Only letters whose competent agency is this one (the `agency` extension). */
  agencyCode?: string | null
  forms?: boolean
  charts?: boolean
  /** Today (Vietnam date): lateness is judged at the window's end, or today while it has not ended. */
  today?: string
}

export interface BuiltReport {
  period: Period
  agency: { code: string; name: string } | null
  boardName: string
  largeGroupThreshold: number
  values: MeasureValues
  tallies: Tallies
  paragraphs: string[]
  violations: Violation[]
  forms: FilledForm[]
  charts: ChartModel[]
}

export class UnknownAgencyError extends Error {}

/**
 * Reports built at the current data version (src/db/data-version.ts), per database. A report is
 * a function of its request (with the day lateness is judged at) and of the rows the version
 * counts, so while the version stands a
 * built report is the report: the officer who opens a year's report and then downloads its CSV
 * and workbook and prints it waits for one build (seconds at a national volume), not four. An
 * entry built with forms and charts also answers a request without them. Entries are small (the
 * numbers, not the records); a new version makes every older entry unreachable.
 */
const CACHED_REPORTS = 8
interface CachedReport {
  version: number
  key: string
  forms: boolean
  charts: boolean
  report: BuiltReport
}
const cachedReports = new WeakMap<Db, CachedReport[]>()

export async function buildReport(db: Db, req: ReportRequest): Promise<BuiltReport> {
  const version = await dataVersion(db)
  const key = JSON.stringify([req.window.from, req.window.to, req.agencyCode ?? null, lateAsOf(req)])
  const forms = req.forms ?? false
  const charts = req.charts ?? false
  const entries = (cachedReports.get(db) ?? []).filter((e) => e.version === version)
  const hit = entries.find((e) => e.key === key && (e.forms || !forms) && (e.charts || !charts))
  if (hit) {
    const r = hit.report
    return { ...r, period: req.period ?? customPeriod(req.window), forms: forms ? r.forms : [], charts: charts ? r.charts : [] }
  }
  const { report: built, version: readAt } = await computeReport(db, req)
  const report = deepFreeze(built)
  // the counts are one snapshot (loadReportData); kept only if it is the version the settings and
  // the directory were read at too
  if (readAt === version) {
    entries.push({ version, key, forms, charts, report })
    cachedReports.set(db, entries.slice(-CACHED_REPORTS))
  }
  return report
}

/** The day lateness is judged at: the window's last day, or today while the window runs. */
const lateAsOf = (req: ReportRequest) => (req.today && req.today < req.window.to ? req.today : req.window.to)


async function computeReport(db: Db, req: ReportRequest): Promise<{ report: BuiltReport; version: number }> {
  const w = req.window
  const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
  const agency = req.agencyCode ? agencies.find((a) => a.code === req.agencyCode) : null
  if (req.agencyCode && !agency) throw new UnknownAgencyError(req.agencyCode)
  const agencyCode = agency?.code ?? null
  const layouts = req.forms ? FORM_CODES.map((code) => layoutFor(code, w.to).layout) : []
  const formKeys = layouts.flatMap(layoutMeasures)
  const { data, charts: chart, version } = await loadReportData(db, w, {
    agency: agencyCode,
    largeGroupThreshold: settings.largeGroupThreshold,
    scopes: scopesOf(formKeys),
    chartsAsOf: req.charts ? lateAsOf(req) : null,
  })
  const values = measureValues(data)
  const t = tallies(values)
  const names = new Map(agencies.map((a) => [a.code, a.name]))
  const report: BuiltReport = {
    period: req.period ?? customPeriod(w),
    agency: agency ? { code: agency.code, name: agency.name } : null,
    boardName: settings.boardName,
    largeGroupThreshold: settings.largeGroupThreshold,
    values,
    tallies: t,
    paragraphs: reportParagraphs(t, { boardName: settings.boardName, agencyName: agency?.name ?? null }),
    violations: invariantViolations(t),
    forms: req.forms ? FORM_CODES.map((code) => fillForm(code, w.to, values)) : [],
    charts: chart
      ? [monthlyChart(chart.months, w, agencyCode), fieldChart(chart.fields, w, agencyCode), timelinessChart(chart.timeliness, w, (code) => names.get(code) ?? code, lateAsOf(req))]
      : [],
  }
  return { report, version }
}

/** GET /api/v1/reports/tiep-cong-dan: API.md's shape, then this system's extensions. */
export function reportJson(r: BuiltReport) {
  const { tiepCongDan, donThu, paknHanhChinh, xuLyDon } = r.tallies
  return {
    period: { from: r.period.from, to: r.period.to },
    tiepCongDan,
    donThu,
    paknHanhChinh,
    text: r.paragraphs.join('\n'),
    // ----- extensions
    agency: r.agency,
    xuLyDon,
    kiemTra: r.violations,
    ...(r.forms.length > 0
      ? {
          chiTieu: Object.fromEntries(Object.entries(r.values).map(([key, value]) => [key, { nhan: MEASURES[key as MeasureKey].label, giaTri: value }])),
          bieuMau: r.forms.map((f) => ({
            bieu: f.layout.code,
            phienBan: f.layout.version,
            tieuDe: f.layout.title,
            canCu: f.layout.basis,
            dangHieuLuc: f.inForce,
            cot: f.cells.map((cell) => {
              const column = f.layout.columns.find((c) => c.no === cell.no)!
              return {
                so: cell.no,
                tieuDe: [...column.groups, column.heading].join(' › '),
                chiTieu: cell.measures,
                giaTri: cell.value,
                ...(cell.note ? { ghiChu: cell.note.map((p) => p.text).join('') } : {}),
              }
            }),
            kiemTraTong: f.checks,
          })),
        }
      : {}),
    ...(r.charts.length > 0
      ? {
          bieuDo: r.charts.map((chart) => ({
            ma: chart.id,
            tieuDe: chart.title,
            dayGiaTri: chart.series.map((s) => ({ ma: s.key, nhan: s.label })),
            cot: chart.bars.map((bar) => ({ ma: bar.key, nhan: bar.label, giaTri: bar.values })),
          })),
        }
      : {}),
  }
}
