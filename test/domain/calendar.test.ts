import { afterEach, describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  addCalendarYears,
  compareDates,
  dayNumber,
  daysBetween,
  isIsoDate,
  isoWeekday,
  vnDateOf,
  workingCalendar,
} from '../../src/domain/calendar.ts'
import { SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS } from '../../src/sample/directory.ts'

const cal = workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS })
const bareCal = workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS, endOnWorkingDay: false })

describe('date helpers (UTC arithmetic on date-only values)', () => {
  it('isoWeekday: 1 January 2026 is a Thursday, 4 January a Sunday, 5 January a Monday', () => {
    expect(isoWeekday('2026-01-01')).toBe(4)
    expect(isoWeekday('2026-01-04')).toBe(7)
    expect(isoWeekday('2026-01-05')).toBe(1)
    expect(isoWeekday('1969-12-31')).toBe(3)
  })

  it('addCalendarDays crosses month and year ends and leap days', () => {
    expect(addCalendarDays('2026-12-25', 10)).toBe('2027-01-04')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-01-12', '2026-04-12')).toBe(90)
  })

  it('compareDates orders YYYY-MM-DD dates', () => {
    expect(compareDates('2026-06-30', '2026-07-01')).toBe(-1)
    expect(compareDates('2026-07-01', '2026-07-01')).toBe(0)
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1)
    expect(['2026-07-01', '2025-12-31', '2026-01-10'].sort(compareDates)).toEqual(['2025-12-31', '2026-01-10', '2026-07-01'])
  })

  it('only real YYYY-MM-DD dates are accepted', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-2-3')).toBe(false)
    expect(isIsoDate('2026-07-01T00:00:00Z')).toBe(false)
    expect(() => dayNumber('2026-13-01')).toThrow(RangeError)
    expect(() => cal.addWorkingDays('01/07/2026', 1)).toThrow(RangeError)
    expect(() => workingCalendar({ holidays: ['2026-02-30'], extraWorkingDays: [] })).toThrow(RangeError)
  })

  it('vnDateOf gives the Vietnam (UTC+7) date of an instant: midnight in Hanoi is 17:00 UTC the day before', () => {
    expect(vnDateOf(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30')
    expect(vnDateOf(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01')
    expect(vnDateOf(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01')
    expect(vnDateOf(new Date('2026-07-01T00:30:00+07:00'))).toBe('2026-07-01')
  })

  describe('the machine time zone never shifts a date', () => {
    const saved = process.env.TZ
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    })
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
      it(`same results with TZ=${tz}`, () => {
        process.env.TZ = tz
        expect(isoWeekday('2026-02-16')).toBe(1)
        expect(addCalendarDays('2026-03-08', 1)).toBe('2026-03-09') // US DST starts 2026-03-08
        expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27')
        expect(vnDateOf(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07-01')
      })
    }
  })

  it('addCalendarYears: 29 February plus one year is 28 February (BLDS 2015 Art. 148)', () => {
    expect(addCalendarYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addCalendarYears('2028-02-29', 4)).toBe('2032-02-29')
    expect(addCalendarYears('2026-03-10', 1)).toBe('2027-03-10')
  })
})

describe('working days: Monday–Friday minus holidays plus make-up days (RULES.md §5)', () => {
  it('weekends are not working days, weekdays are', () => {
    expect(cal.isWorkingDay('2026-03-02')).toBe(true) // Monday
    expect(cal.isWorkingDay('2026-03-07')).toBe(false) // Saturday
    expect(cal.isWorkingDay('2026-03-08')).toBe(false) // Sunday
  })

  it('Tết 2026 (16–20 February) are not working days, nor the weekends around them', () => {
    for (let d = 14; d <= 22; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false)
    expect(cal.isWorkingDay('2026-02-13')).toBe(true)
    expect(cal.isWorkingDay('2026-02-23')).toBe(true)
  })

  it('make-up Saturdays 2026-01-10 and 2026-08-22 are working days; other Saturdays are not', () => {
    expect(cal.isWorkingDay('2026-01-10')).toBe(true)
    expect(cal.isWorkingDay('2026-08-22')).toBe(true)
    expect(cal.isWorkingDay('2026-01-17')).toBe(false)
    expect(cal.isWorkingDay('2026-08-29')).toBe(false)
  })

  it('a date listed both as holiday and as make-up day stays a holiday', () => {
    const c = workingCalendar({ holidays: ['2026-01-10'], extraWorkingDays: ['2026-01-10'] })
    expect(c.isWorkingDay('2026-01-10')).toBe(false)
  })

  it('without settings only weekends are days off', () => {
    const c = workingCalendar({ holidays: [], extraWorkingDays: [] })
    expect(c.isWorkingDay('2026-02-16')).toBe(true)
    expect(c.addWorkingDays('2026-02-13', 5)).toBe('2026-02-20')
  })
})

describe('addWorkingDays: N working days end on the N-th working day strictly after the start', () => {
  it('day 1 is the next working day, not the day of receipt', () => {
    expect(cal.addWorkingDays('2026-03-02', 1)).toBe('2026-03-03')
    expect(cal.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09') // Friday → Monday
    expect(cal.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09') // received on a Saturday
    expect(cal.addWorkingDays('2026-03-02', 0)).toBe('2026-03-02')
  })

  it('5 working days from Friday 2026-02-13 skip the Tết holidays and end on 2026-02-27', () => {
    expect(cal.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27')
  })

  it('Giỗ Tổ (Monday 27/4) and 30/4 Thursday + 1/5 Friday 2026: 3 working days from Friday 24/4 end on Monday 4/5', () => {
    expect(cal.addWorkingDays('2026-04-24', 3)).toBe('2026-05-04')
    expect(cal.addWorkingDays('2026-04-29', 1)).toBe('2026-05-04')
  })

  it('Quốc khánh 2026 (Mon 31/8 – Wed 2/9): 1 working day from Friday 28/8 ends on Thursday 3/9', () => {
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-03')
  })

  it('make-up Saturday 22/8/2026 counts: 5 working days from Thursday 20/8 end on Wednesday 26/8', () => {
    expect(cal.addWorkingDays('2026-08-21', 1)).toBe('2026-08-22')
    expect(cal.addWorkingDays('2026-08-20', 5)).toBe('2026-08-26')
  })

  it('year-end rollover: 3 working days from 31/12/2025 skip New Year 1–2/1/2026 and end on 7/1/2026', () => {
    expect(cal.addWorkingDays('2025-12-31', 3)).toBe('2026-01-07')
    expect(cal.addWorkingDays('2026-01-09', 1)).toBe('2026-01-10') // make-up Saturday
  })

  it('negative counts go backwards', () => {
    expect(cal.addWorkingDays('2026-02-23', -1)).toBe('2026-02-13')
    expect(cal.addWorkingDays('2026-01-12', -1)).toBe('2026-01-10')
  })

  it('a holiday list with no working day for a year is rejected rather than looping', () => {
    const everyDay = Array.from({ length: 400 }, (_, i) => addCalendarDays('2026-01-01', i))
    const c = workingCalendar({ holidays: everyDay, extraWorkingDays: [] })
    expect(() => c.addWorkingDays('2026-01-01', 1)).toThrow(RangeError)
  })
})

describe('workingDaysBetween counts working days d with a < d ≤ b', () => {
  it('is the inverse of addWorkingDays', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5)
    expect(cal.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5)
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0)
    expect(cal.workingDaysBetween('2026-08-28', '2026-09-03')).toBe(1)
  })

  it('counts a whole year: 2026 has 261 weekdays, 13 weekday holidays in the sample list, 2 make-up Saturdays', () => {
    let weekdays = 0
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) if (isoWeekday(d) <= 5) weekdays++
    expect(weekdays).toBe(261)
    const weekdayHolidays = SAMPLE_HOLIDAYS.filter((h) => h.startsWith('2026-') && isoWeekday(h) <= 5).length
    expect(weekdayHolidays).toBe(13)
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(261 - 13 + 2)
  })
})

describe('calendar-day periods ending on a day off move to the next working day (BLDS 2015 Art. 148 cl. 5)', () => {
  it('10 days from Friday 6/2/2026 end on Monday 16/2 (Tết) → moved to Monday 23/2', () => {
    expect(cal.addDays('2026-02-06', 10)).toBe('2026-02-23')
    expect(bareCal.addDays('2026-02-06', 10)).toBe('2026-02-16')
    expect(cal.addDays('2026-02-06', 10, { endOnWorkingDay: false })).toBe('2026-02-16')
    expect(bareCal.addDays('2026-02-06', 10, { endOnWorkingDay: true })).toBe('2026-02-23')
  })

  it('a period ending on a working day is not moved, and the default is on', () => {
    expect(cal.endOnWorkingDay).toBe(true)
    expect(cal.addDays('2026-06-30', 10)).toBe('2026-07-10')
  })

  it('a period ending on a make-up Saturday ends there', () => {
    expect(cal.addDays('2026-08-12', 10)).toBe('2026-08-22')
  })

  it('years: one year from 28/2/2025 ends Saturday 28/2/2026 → Monday 2/3/2026', () => {
    expect(cal.addYears('2025-02-28', 1)).toBe('2026-03-02')
    expect(bareCal.addYears('2025-02-28', 1)).toBe('2026-02-28')
  })

  it('nextWorkingDayOnOrAfter', () => {
    expect(cal.nextWorkingDayOnOrAfter('2026-02-16')).toBe('2026-02-23')
    expect(cal.nextWorkingDayOnOrAfter('2026-02-23')).toBe('2026-02-23')
  })
})

describe('property: addWorkingDays lands on a working day, is monotonic, and inverts workingDaysBetween', () => {
  // Every start day from 2025-01-01 to 2026-12-31 (weekends and holidays included), n = 0..25.
  const starts: string[] = []
  for (let d = '2025-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) starts.push(d)

  it('lands on a working day strictly after the start, exactly n working days later', () => {
    const failures: string[] = []
    for (const start of starts) {
      for (let n = 1; n <= 25; n++) {
        const end = cal.addWorkingDays(start, n)
        if (!cal.isWorkingDay(end)) failures.push(`${start}+${n}=${end} is a day off`)
        if (!(end > start)) failures.push(`${start}+${n}=${end} not after start`)
        if (cal.workingDaysBetween(start, end) !== n) failures.push(`${start}+${n}=${end} is not n working days later`)
        // no working day was skipped: the day before the end has n−1 working days after the start
        if (cal.workingDaysBetween(start, addCalendarDays(end, -1)) !== n - 1) failures.push(`${start}+${n}=${end} skipped a day`)
      }
    }
    expect(failures).toEqual([])
  })

  it('is strictly increasing in n and non-decreasing in the start date', () => {
    const failures: string[] = []
    for (let i = 0; i < starts.length; i++) {
      const start = starts[i]!
      let previous = cal.addWorkingDays(start, 0)
      for (let n = 1; n <= 25; n++) {
        const end = cal.addWorkingDays(start, n)
        if (!(end > previous)) failures.push(`${start}: +${n} = ${end} not after +${n - 1} = ${previous}`)
        previous = end
        const next = starts[i + 1]
        if (next !== undefined && cal.addWorkingDays(next, n) < end) failures.push(`${next}+${n} before ${start}+${n}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('calendar-day periods with Art. 148 always end on a working day, never before start + n', () => {
    const failures: string[] = []
    for (const start of starts) {
      for (const n of [1, 5, 10, 30, 45, 90]) {
        const end = cal.addDays(start, n)
        if (!cal.isWorkingDay(end) || end < addCalendarDays(start, n)) failures.push(`${start}+${n}d=${end}`)
      }
    }
    expect(failures).toEqual([])
  })
})
