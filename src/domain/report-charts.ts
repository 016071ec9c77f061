/**
 * Chart models of the report (pure): letters per month by content type, per field, and handled on
 * time or late per competent agency. Each bar segment carries the letter-list filter behind it,
 * so the server-rendered SVG can link every bar to its letters.
 */
import { CONTENT_TYPES, fieldLabel, type ContentType } from './codes.ts'
import { addCalendarDays } from './calendar.ts'
import { vnDate, type ReportWindow } from './report-window.ts'
import { formatNumber } from './report-text.ts'

export interface ChartSeries {
  key: string
  label: string
}

export interface ChartBar {
  key: string
  label: string
  /** One value per series. */
  values: number[]
  /** Letter-list query parameters behind each value (null: not listable). */
  links: Array<Record<string, string> | null>
}

export interface ChartModel {
  id: string
  title: string
  /** A sentence saying what the chart shows, for screen readers and the data table caption. */
  description: string
  series: ChartSeries[]
  bars: ChartBar[]
  orientation: 'vertical' | 'horizontal'
}

const TYPE_KEYS = Object.keys(CONTENT_TYPES) as ContentType[]
const typeSeries: ChartSeries[] = TYPE_KEYS.map((key) => ({ key, label: CONTENT_TYPES[key] }))

const total = (bar: ChartBar) => bar.values.reduce((a, b) => a + b, 0)

/** The calendar months a window touches: "2025-12", "2026-01", … */
export function monthsOf(w: ReportWindow): string[] {
  const months: string[] = []
  let cursor = `${w.from.slice(0, 7)}-01`
  while (cursor.slice(0, 7) <= w.to.slice(0, 7)) {
    months.push(cursor.slice(0, 7))
    cursor = addCalendarDays(`${cursor.slice(0, 7)}-28`, 7).slice(0, 7) + '-01'
  }
  return months
}

const lastDay = (month: string) => addCalendarDays(addCalendarDays(`${month}-28`, 7).slice(0, 7) + '-01', -1)

const base = (agency: string | null): Record<string, string> => ({ track: 'don_thu', ...(agency ? { agency } : {}) })

export function monthlyChart(rows: ReadonlyArray<{ month: string; contentType: ContentType; n: number }>, w: ReportWindow, agency: string | null): ChartModel {
  const bars: ChartBar[] = monthsOf(w).map((month) => {
    const from = `${month}-01` < w.from ? w.from : `${month}-01`
    const to = lastDay(month) > w.to ? w.to : lastDay(month)
    return {
      key: month,
      label: `${month.slice(5)}/${month.slice(0, 4)}`,
      values: TYPE_KEYS.map((t) => rows.filter((r) => r.month === month && r.contentType === t).reduce((a, r) => a + r.n, 0)),
      links: TYPE_KEYS.map((t) => ({ ...base(agency), from, to, contentType: t })),
    }
  })
  const busiest = [...bars].sort((a, b) => total(b) - total(a))[0]
  const sum = bars.reduce((a, b) => a + total(b), 0)
  return {
    id: 'don-theo-thang',
    title: 'Đơn tiếp nhận theo tháng, theo loại đơn',
    description:
      sum === 0
        ? 'Không có đơn nào tiếp nhận trong kỳ.'
        : `Tổng ${formatNumber(sum)} đơn trong ${bars.length} tháng; nhiều nhất tháng ${busiest!.label} với ${formatNumber(total(busiest!))} đơn.`,
    series: typeSeries,
    bars,
    orientation: 'vertical',
  }
}

/** At most this many bars; the rest are added into one "other" bar (not listable). */
const TOP = 12

function topBars(bars: ChartBar[], seriesCount: number, otherLabel: string): ChartBar[] {
  const sorted = [...bars].sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label, 'vi'))
  if (sorted.length <= TOP) return sorted
  const rest = sorted.slice(TOP - 1)
  const other: ChartBar = {
    key: 'khac',
    label: otherLabel,
    values: Array.from({ length: seriesCount }, (_, i) => rest.reduce((a, b) => a + (b.values[i] ?? 0), 0)),
    links: Array.from({ length: seriesCount }, () => null),
  }
  return [...sorted.slice(0, TOP - 1), other]
}

export function fieldChart(rows: ReadonlyArray<{ field: string | null; contentType: ContentType; n: number }>, w: ReportWindow, agency: string | null): ChartModel {
  const fields = [...new Set(rows.map((r) => r.field))]
  const bars = fields.map((field) => ({
    key: field ?? 'chua-xac-dinh',
    label: field ? fieldLabel(field) : 'Chưa xác định lĩnh vực',
    values: TYPE_KEYS.map((t) => rows.filter((r) => r.field === field && r.contentType === t).reduce((a, r) => a + r.n, 0)),
    links: TYPE_KEYS.map((t) => (field ? { ...base(agency), from: w.from, to: w.to, field, contentType: t } : null)),
  }))
  const shown = topBars(bars, TYPE_KEYS.length, 'Các lĩnh vực khác')
  const first = shown[0]
  return {
    id: 'don-theo-linh-vuc',
    title: 'Đơn tiếp nhận theo lĩnh vực',
    description: first ? `Lĩnh vực có nhiều đơn nhất: ${first.label} (${formatNumber(total(first))} đơn).` : 'Không có đơn nào tiếp nhận trong kỳ.',
    series: typeSeries,
    bars: shown,
    orientation: 'horizontal',
  }
}

export const TIMELINESS_SERIES: ChartSeries[] = [
  { key: 'dung_han', label: 'Xử lý đúng hạn' },
  { key: 'qua_han', label: 'Quá hạn' },
  { key: 'chua_den_han', label: 'Chưa xử lý, chưa đến hạn' },
  { key: 'khong_han', label: 'Không có hạn xử lý' },
]

/**
 * On time or late per competent agency, judged at `asOf`: the end of the window, or today while
 * the window has not ended (a letter due next week is not late yet).
 */
export function timelinessChart(
  rows: ReadonlyArray<{ agencyCode: string | null; timeliness: string; n: number }>,
  w: ReportWindow,
  agencyName: (code: string) => string,
  asOf: string = w.to,
): ChartModel {
  const agencies = [...new Set(rows.map((r) => r.agencyCode))]
  const bars = agencies.map((code) => ({
    key: code ?? 'chua-xac-dinh',
    label: code ? agencyName(code) : 'Chưa xác định cơ quan',
    values: TIMELINESS_SERIES.map((s) => rows.filter((r) => r.agencyCode === code && r.timeliness === s.key).reduce((a, r) => a + r.n, 0)),
    links: TIMELINESS_SERIES.map((s) => (code ? { track: 'don_thu', from: w.from, to: w.to, agency: code, timeliness: s.key, asOf } : null)),
  }))
  const shown = topBars(bars, TIMELINESS_SERIES.length, 'Các cơ quan khác')
  const late = bars.reduce((a, b) => a + (b.values[1] ?? 0), 0)
  const all = bars.reduce((a, b) => a + total(b), 0)
  return {
    id: 'dung-han-qua-han',
    title: 'Đúng hạn, quá hạn theo cơ quan có thẩm quyền',
    description:
      all === 0
        ? 'Không có đơn nào tiếp nhận trong kỳ.'
        : `${formatNumber(late)} trên ${formatNumber(all)} đơn xử lý quá hạn hoặc đã quá hạn mà chưa xử lý (tính đến ${asOf < w.to ? `hết ngày ${vnDate(asOf)}` : 'hết kỳ'}).`,
    series: TIMELINESS_SERIES,
    bars: shown,
    orientation: 'horizontal',
  }
}
