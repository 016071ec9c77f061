/**
 * A report window (kỳ báo cáo): an inclusive range of Vietnam calendar dates, RULES.md §7.
 *
 * Dates of receipt and visits are stored as Vietnam dates; the time a decision was taken is a
 * UTC instant (ISO 8601, `Date#toISOString`). "Decided by the end of the window" therefore
 * compares that instant with the UTC instant at which the window's last Vietnam day ends, and
 * "not handled by the window start" with the instant at which its first day begins. Vietnam is
 * UTC+7 all year, so a Vietnam day D runs from (D − 1) 17:00Z to D 17:00Z.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from './calendar.ts'

export interface ReportWindow {
  /** First day, inclusive. */
  from: IsoDate
  /** Last day, inclusive. */
  to: IsoDate
}

/** The UTC instant at which Vietnam day `date` begins (00:00 in Vietnam). */
export const vnDayStartInstant = (date: IsoDate): string => `${addCalendarDays(date, -1)}T17:00:00.000Z`

/** The UTC instant at which Vietnam day `date` ends (24:00 in Vietnam), exclusive. */
export const vnDayEndInstant = (date: IsoDate): string => `${date}T17:00:00.000Z`

/** What is wrong with a window given as two strings, as field errors; empty when it is good. */
export function windowProblems(from: unknown, to: unknown): Array<{ path: 'from' | 'to'; message: string }> {
  const problems: Array<{ path: 'from' | 'to'; message: string }> = []
  if (from === undefined || from === null || from === '') problems.push({ path: 'from', message: 'Cần ngày bắt đầu kỳ báo cáo (YYYY-MM-DD).' })
  else if (!isIsoDate(from)) problems.push({ path: 'from', message: 'Ngày bắt đầu phải có dạng YYYY-MM-DD và là ngày có thật.' })
  if (to === undefined || to === null || to === '') problems.push({ path: 'to', message: 'Cần ngày kết thúc kỳ báo cáo (YYYY-MM-DD).' })
  else if (!isIsoDate(to)) problems.push({ path: 'to', message: 'Ngày kết thúc phải có dạng YYYY-MM-DD và là ngày có thật.' })
  if (problems.length === 0 && (from as string) > (to as string)) {
    problems.push({ path: 'to', message: 'Ngày kết thúc không được trước ngày bắt đầu.' })
  }
  return problems
}

/** "2026-03-14" → "14/03/2026", as Vietnamese documents write dates. */
export const vnDate = (date: IsoDate): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`
