/**
 * Report periods: the official cut-off windows (thời gian chốt số liệu) of TT 02/2021 and
 * TT 01/2024 (legal-rules.md §7.2 RPT-3), calendar periods, and any dates (RULES.md §7).
 *
 * The cut-off windows are data, versioned by the date they apply from: a later circular is a new
 * row, not new code. TT 06/2025's cut-off dates are UNVERIFIED (legal-2026.md §3); until they
 * are known, the TT 01/2024 row goes on applying and says so in its note.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from './calendar.ts'
import { vnDate, type ReportWindow } from './report-window.ts'

/** Official periodic reports (báo cáo định kỳ). */
export const OFFICIAL_PERIODS = {
  'quy-1': 'Quý I',
  'quy-2': 'Quý II',
  'quy-3': 'Quý III',
  'quy-4': 'Quý IV',
  '6-thang': '6 tháng',
  '9-thang': '9 tháng',
  nam: 'Năm',
} as const
export type OfficialPeriod = keyof typeof OFFICIAL_PERIODS

/** Calendar periods, for internal reports and ad hoc requests. */
export const CALENDAR_PERIODS = {
  thang: 'Tháng (theo lịch)',
  'lich-quy-1': 'Quý I (theo lịch)',
  'lich-quy-2': 'Quý II (theo lịch)',
  'lich-quy-3': 'Quý III (theo lịch)',
  'lich-quy-4': 'Quý IV (theo lịch)',
  'lich-6-thang-dau': '6 tháng đầu năm (theo lịch)',
  'lich-6-thang-cuoi': '6 tháng cuối năm (theo lịch)',
  'lich-nam': 'Cả năm (theo lịch)',
} as const
export type CalendarPeriod = keyof typeof CALENDAR_PERIODS

export type PeriodKind = OfficialPeriod | CalendarPeriod | 'tuy-chon'

/** A day of the year relative to the report year: [years to add, month, day]. */
type YearDay = readonly [yearOffset: number, month: number, day: number]

export interface CutoffTable {
  id: string
  /** Legal basis, in Vietnamese. */
  basis: string
  /** First report year-end (inclusive) the table applies to; null = always. */
  validFrom: IsoDate | null
  validTo: IsoDate | null
  /** Shown with the window when the basis is not verified. */
  note: string | null
  windows: Record<OfficialPeriod, { from: YearDay; to: YearDay }>
}

export const REPORT_CUTOFFS: readonly CutoffTable[] = [
  {
    id: 'TT01-2024',
    basis: 'Khoản 1 Điều 7 Thông tư 02/2021/TT-TTCP, giữ nguyên tại Thông tư 01/2024/TT-TTCP',
    validFrom: '2021-05-10',
    validTo: null,
    note: 'Thông tư 06/2025/TT-TTCP chưa có thời điểm chốt số liệu được kiểm chứng; tạm áp dụng mốc của Thông tư 01/2024/TT-TTCP.',
    windows: {
      'quy-1': { from: [-1, 12, 15], to: [0, 3, 14] },
      'quy-2': { from: [0, 3, 15], to: [0, 6, 14] },
      'quy-3': { from: [0, 6, 15], to: [0, 9, 14] },
      'quy-4': { from: [0, 9, 15], to: [0, 12, 14] },
      '6-thang': { from: [-1, 12, 15], to: [0, 6, 14] },
      '9-thang': { from: [-1, 12, 15], to: [0, 9, 14] },
      nam: { from: [-1, 12, 15], to: [0, 12, 14] },
    },
  },
]

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dayOf = (year: number, [offset, month, day]: YearDay): IsoDate => `${pad(year + offset, 4)}-${pad(month)}-${pad(day)}`

/** The cut-off table in force for a report whose window ends on `end` (the latest one otherwise). */
export function cutoffTableFor(end: IsoDate, tables: readonly CutoffTable[] = REPORT_CUTOFFS): CutoffTable {
  const inForce = tables.filter((t) => (t.validFrom === null || t.validFrom <= end) && (t.validTo === null || end <= t.validTo))
  const pool = inForce.length > 0 ? inForce : tables
  return [...pool].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? '')).at(-1)!
}

export interface Period extends ReportWindow {
  kind: PeriodKind
  /** e.g. "Quý I năm 2026". */
  name: string
  /** e.g. "Số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026". */
  range: string
  /** Legal basis of an official window; null for calendar and custom periods. */
  basis: string | null
  note: string | null
}

export interface PeriodChoice {
  kind: PeriodKind
  year: number
  /** 1–12, for `thang`. */
  month?: number
  /** For `tuy-chon`. */
  from?: IsoDate
  to?: IsoDate
}

const rangeText = (w: ReportWindow) => `Số liệu tính từ ngày ${vnDate(w.from)} đến ngày ${vnDate(w.to)}`

const lastDayOfMonth = (year: number, month: number): IsoDate =>
  addCalendarDays(month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1)}-01`, -1)

const CALENDAR_MONTHS: Record<Exclude<CalendarPeriod, 'thang'>, [number, number]> = {
  'lich-quy-1': [1, 3],
  'lich-quy-2': [4, 6],
  'lich-quy-3': [7, 9],
  'lich-quy-4': [10, 12],
  'lich-6-thang-dau': [1, 6],
  'lich-6-thang-cuoi': [7, 12],
  'lich-nam': [1, 12],
}

const OFFICIAL_NAMES: Record<OfficialPeriod, (year: number) => string> = {
  'quy-1': (y) => `Quý I năm ${y}`,
  'quy-2': (y) => `Quý II năm ${y}`,
  'quy-3': (y) => `Quý III năm ${y}`,
  'quy-4': (y) => `Quý IV năm ${y}`,
  '6-thang': (y) => `6 tháng đầu năm ${y}`,
  '9-thang': (y) => `9 tháng năm ${y}`,
  nam: (y) => `Năm ${y}`,
}

/** The window of a chosen period, or null when the choice is incomplete or impossible. */
export function periodWindow(choice: PeriodChoice, tables: readonly CutoffTable[] = REPORT_CUTOFFS): Period | null {
  const { kind, year } = choice
  if (kind === 'tuy-chon') {
    if (!isIsoDate(choice.from) || !isIsoDate(choice.to) || choice.from > choice.to) return null
    const w = { from: choice.from, to: choice.to }
    return { ...w, kind, name: `Từ ${vnDate(w.from)} đến ${vnDate(w.to)}`, range: rangeText(w), basis: null, note: null }
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9998) return null
  if (kind in OFFICIAL_PERIODS) {
    const official = kind as OfficialPeriod
    // the table is chosen by the year-end of the report year, then the window read from it
    const table = cutoffTableFor(`${pad(year, 4)}-12-31`, tables)
    const spec = table.windows[official]
    const w = { from: dayOf(year, spec.from), to: dayOf(year, spec.to) }
    return { ...w, kind, name: OFFICIAL_NAMES[official](year), range: rangeText(w), basis: table.basis, note: table.note }
  }
  if (kind === 'thang') {
    const month = choice.month ?? 0
    if (!Number.isInteger(month) || month < 1 || month > 12) return null
    const w = { from: `${pad(year, 4)}-${pad(month)}-01`, to: lastDayOfMonth(year, month) }
    return { ...w, kind, name: `Tháng ${month} năm ${year}`, range: rangeText(w), basis: null, note: null }
  }
  const months = CALENDAR_MONTHS[kind as Exclude<CalendarPeriod, 'thang'>]
  if (!months) return null
  const w = { from: `${pad(year, 4)}-${pad(months[0])}-01`, to: lastDayOfMonth(year, months[1]) }
  const label = CALENDAR_PERIODS[kind as CalendarPeriod].replace(' (theo lịch)', '')
  return { ...w, kind, name: `${label} năm ${year} (theo lịch)`, range: rangeText(w), basis: null, note: null }
}

/** The official quarter whose window contains `today` (the page's default period). */
export function currentOfficialQuarter(today: IsoDate, tables: readonly CutoffTable[] = REPORT_CUTOFFS): PeriodChoice {
  const year = Number(today.slice(0, 4))
  for (const y of [year, year + 1]) {
    for (const kind of ['quy-1', 'quy-2', 'quy-3', 'quy-4'] as const) {
      const p = periodWindow({ kind, year: y }, tables)
      if (p && p.from <= today && today <= p.to) return { kind, year: y }
    }
  }
  return { kind: 'quy-1', year }
}

/** A custom window described like the others (used when the page is given from/to directly). */
export const customPeriod = (w: ReportWindow): Period => periodWindow({ kind: 'tuy-chon', year: 0, from: w.from, to: w.to })!
