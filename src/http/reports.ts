/**
 * The report use case shared by GET /api/v1/reports/tiep-cong-dan and the report pages: load the
 * grouped counts for a window, compute every measure once, and derive from those values the JSON,
 * the paragraphs, the forms, the charts and the exports — so they cannot disagree.
 */
import { listAgencies } from '../db/agencies.ts'
import type { Db } from '../db/db.ts'
import { lettersByField, lettersByMonth, loadReportData, timelinessByAgency } from '../db/reports.ts'
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

export interface ReportRequest {
  window: ReportWindow
  /** The named period the window came from (page); a custom period otherwise. */
  period?: Period
  /** Only letters whose competent agency is this one (the `agency` extension). */
  agencyCode?: string | null
  forms?: boolean
  charts?: boolean
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

export async function buildReport(db: Db, req: ReportRequest): Promise<BuiltReport> {
  const w = req.window
  const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
  const agency = req.agencyCode ? agencies.find((a) => a.code === req.agencyCode) : null
  if (req.agencyCode && !agency) throw new UnknownAgencyError(req.agencyCode)
  const agencyCode = agency?.code ?? null
  const layouts = req.forms ? FORM_CODES.map((code) => layoutFor(code, w.to).layout) : []
  const formKeys = layouts.flatMap(layoutMeasures)
  const [data, months, fields, timeliness] = await Promise.all([
    loadReportData(db, w, { agency: agencyCode, largeGroupThreshold: settings.largeGroupThreshold, scopes: scopesOf(formKeys) }),
    req.charts ? lettersByMonth(db, w, agencyCode) : [],
    req.charts ? lettersByField(db, w, agencyCode) : [],
    req.charts ? timelinessByAgency(db, w, agencyCode) : [],
  ])
  const values = measureValues(data)
  const t = tallies(values)
  const names = new Map(agencies.map((a) => [a.code, a.name]))
  return {
    period: req.period ?? customPeriod(w),
    agency: agency ? { code: agency.code, name: agency.name } : null,
    boardName: settings.boardName,
    largeGroupThreshold: settings.largeGroupThreshold,
    values,
    tallies: t,
    paragraphs: reportParagraphs(t, { boardName: settings.boardName, agencyName: agency?.name ?? null }),
    violations: invariantViolations(t),
    forms: req.forms ? FORM_CODES.map((code) => fillForm(code, w.to, values)) : [],
    charts: req.charts
      ? [monthlyChart(months, w, agencyCode), fieldChart(fields, w, agencyCode), timelinessChart(timeliness, w, (code) => names.get(code) ?? code)]
      : [],
  }
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
