/**
 * The working-day calendar (RULES.md §5 "Working days"). Dates are 'YYYY-MM-DD' strings meaning
 * a calendar date in Vietnam. All arithmetic is done on UTC midnights of date-only values, so the
 * machine's time zone never shifts a date.
 *
 * Counting convention (Bộ luật Dân sự 2015 Art. 147 cl. 1): the day of the event (receipt,
 * acceptance…) is not counted; day 1 of a period is the next day. So N calendar days from R end
 * on R + N, and N working days from R end on the N-th working day strictly after R.
 */

/** A calendar date in Vietnam, 'YYYY-MM-DD'. */
export type IsoDate = string

const DAY_MS = 86_400_000
/** Vietnam has used UTC+7 all year, without daylight saving, since 1975. */
const VN_OFFSET_MS = 7 * 3_600_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
/** No real holiday list closes a year; a longer run of days off means broken settings. */
const MAX_DAYS_OFF_IN_A_ROW = 366

/** Whether `s` is a real calendar date in the form 'YYYY-MM-DD' (2026-02-30 is not). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(t).toISOString().slice(0, 10) === s
}

/** Days since 1970-01-01 of a date; throws on anything that is not a real 'YYYY-MM-DD' date. */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`)
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS
}

/** The date of a day number (inverse of dayNumber). */
export const fromDayNumber = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** date + n calendar days (n may be negative). No working-day adjustment. */
export const addCalendarDays = (date: IsoDate, n: number): IsoDate => fromDayNumber(dayNumber(date) + n)

/** Calendar days from a to b (b − a); negative when b is before a. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => dayNumber(b) - dayNumber(a)

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4)
  const d = (((dayNumber(date) + 3) % 7) + 7) % 7
  return d + 1
}

/** −1, 0 or 1, for sorting dates (valid ISO dates compare correctly as strings). */
export const compareDates = (a: IsoDate, b: IsoDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/** The later of two dates. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b)

/** The Vietnam (UTC+7) calendar date of an instant, whatever the machine's time zone. */
export const vnDateOf = (instant: Date): IsoDate => new Date(instant.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10)

/**
 * date + n years, same day and month. When that day does not exist (29 February in a common
 * year) the period ends on the last day of that month, 28 February — BLDS 2015 Art. 148 cl. 2
 * says so for months, and cl. 3 ends a period in years on the "corresponding day", so we apply
 * the same rule. No working-day adjustment.
 */
export function addCalendarYears(date: IsoDate, n: number): IsoDate {
  dayNumber(date) // validates
  const year = Number(date.slice(0, 4)) + n
  const mmdd = date.slice(5)
  const candidate = `${String(year).padStart(4, '0')}-${mmdd}`
  return isIsoDate(candidate) ? candidate : `${String(year).padStart(4, '0')}-02-28`
}

/** The settings the calendar is built from (a subset of `Settings`). */
export interface CalendarSettings {
  /** Public holidays and swapped days off (YYYY-MM-DD): not working days. */
  holidays: readonly IsoDate[]
  /** Weekend days that are working days ("làm bù"), e.g. Saturday 2026-01-10. */
  extraWorkingDays: readonly IsoDate[]
  /**
   * Whether a period counted in calendar days (or years) that ends on a weekend or holiday ends
   * instead on the next working day. Default true: BLDS 2015 Art. 148 cl. 5 ("Khi ngày cuối cùng
   * của thời hạn là ngày nghỉ cuối tuần hoặc ngày nghỉ lễ thì thời hạn kết thúc tại thời điểm
   * kết thúc ngày làm việc tiếp theo ngày nghỉ đó"), which applies to periods set by other laws
   * unless they provide otherwise (Art. 144). Switch it off to end on the bare calendar date.
   */
  endOnWorkingDay?: boolean
}

/** Per-call options of calendar-day arithmetic. */
export interface PeriodEndOptions {
  /** Overrides the calendar's `endOnWorkingDay` for this call. */
  endOnWorkingDay?: boolean
}

export interface WorkingCalendar {
  /** Monday–Friday that is not a holiday, or a listed make-up day. A holiday listed as a make-up day too stays a holiday. */
  isWorkingDay(date: IsoDate): boolean
  /**
   * The n-th working day strictly after `date` (n > 0); strictly before it when n < 0;
   * `date` itself when n = 0. Always a working day when n ≠ 0.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate
  /**
   * End of a period of n calendar days counted from `date` (day 1 = the next day): date + n,
   * moved to the next working day when it is a weekend or holiday and `endOnWorkingDay` holds.
   */
  addDays(date: IsoDate, n: number, options?: PeriodEndOptions): IsoDate
  /** End of a period of n years from `date` (29 Feb → 28 Feb), with the same working-day rule as addDays. */
  addYears(date: IsoDate, n: number, options?: PeriodEndOptions): IsoDate
  /**
   * Working days d with a < d ≤ b (so workingDaysBetween(a, addWorkingDays(a, n)) = n);
   * negative (−count of b < d ≤ a) when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number
  /** `date` when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate
  /** Whether calendar-day periods are moved off non-working days by default. */
  readonly endOnWorkingDay: boolean
}

/**
 * A working-day calendar from the `holidays` and `extraWorkingDays` settings. Working days are
 * Monday–Friday minus the holidays, plus the make-up days (RULES.md §5).
 */
export function workingCalendar(settings: CalendarSettings): WorkingCalendar {
  // Day numbers internally: no string parsing inside the counting loops.
  const holidays = new Set(settings.holidays.map(dayNumber))
  const extra = new Set(settings.extraWorkingDays.map(dayNumber))
  const endOnWorkingDayDefault = settings.endOnWorkingDay ?? true

  const isWorking = (n: number): boolean => {
    if (holidays.has(n)) return false
    return (((n + 3) % 7) + 7) % 7 < 5 || extra.has(n)
  }
  const isWorkingDay = (date: IsoDate): boolean => isWorking(dayNumber(date))

  const step = (from: number, dir: 1 | -1): number => {
    let n = from
    for (let i = 0; i < MAX_DAYS_OFF_IN_A_ROW; i++) {
      n += dir
      if (isWorking(n)) return n
    }
    throw new RangeError(`No working day within ${MAX_DAYS_OFF_IN_A_ROW} days of ${fromDayNumber(from)}: check the holiday setting`)
  }

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`)
    let d = dayNumber(date)
    const dir = n >= 0 ? 1 : -1
    for (let i = 0; i < Math.abs(n); i++) d = step(d, dir)
    return fromDayNumber(d)
  }

  const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate => {
    const n = dayNumber(date)
    return isWorking(n) ? date : fromDayNumber(step(n, 1))
  }

  const settle = (end: IsoDate, options?: PeriodEndOptions): IsoDate =>
    (options?.endOnWorkingDay ?? endOnWorkingDayDefault) ? nextWorkingDayOnOrAfter(end) : end

  const workingDaysBetween = (a: IsoDate, b: IsoDate): number => {
    const from = dayNumber(a)
    const to = dayNumber(b)
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1]
    let count = 0
    for (let n = lo + 1; n <= hi; n++) if (isWorking(n)) count++
    return sign * count
  }

  return {
    isWorkingDay,
    addWorkingDays,
    addDays: (date, n, options) => settle(addCalendarDays(date, n), options),
    addYears: (date, n, options) => settle(addCalendarYears(date, n), options),
    workingDaysBetween,
    nextWorkingDayOnOrAfter,
    endOnWorkingDay: endOnWorkingDayDefault,
  }
}
