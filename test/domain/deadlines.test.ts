import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../../src/domain/calendar.ts'
import { DEFAULT_DEADLINES, type DeadlineSetting } from '../../src/domain/deadline-table.ts'
import {
  complaintLimitation,
  d16Escalation,
  deadlineRow,
  destructionReviewDate,
  dueDate,
  dueDateForOutcome,
  outcomeDeadlineRule,
  resolutionDueDate,
} from '../../src/domain/deadlines.ts'
import { SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS } from '../../src/sample/directory.ts'

const rules = DEFAULT_DEADLINES
const calendar = workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS })
const bareCalendar = workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS, endOnWorkingDay: false })

const forOutcome = (contentType: Parameters<typeof dueDateForOutcome>[0]['contentType'], outcome: Parameters<typeof dueDateForOutcome>[0]['outcome'], receivedAt: string, extra: object = {}) =>
  dueDateForOutcome({ contentType, outcome, receivedAt, rules, calendar, ...extra })

describe('deadlineRow: the row in force on the day of receipt', () => {
  it('D2 is 10 days up to 2026-06-30 and 7 working days from 2026-07-01', () => {
    expect(deadlineRow(rules, 'D2', 'thuong', '2026-06-30')).toMatchObject({ length: 10, unit: 'ngay' })
    expect(deadlineRow(rules, 'D2', 'thuong', '2026-07-01')).toMatchObject({ length: 7, unit: 'ngay_lam_viec' })
    expect(deadlineRow(rules, 'D2', null, '2020-01-01')).toMatchObject({ length: 10 })
  })

  it('a variant without a row falls back to thuong', () => {
    expect(deadlineRow(rules, 'D3', 'phuc_tap', '2026-03-02')).toMatchObject({ variant: 'phuc_tap', length: 45 })
    expect(deadlineRow(rules, 'D5', 'vung_sau', '2026-03-02')).toMatchObject({ variant: 'thuong', length: 90 })
    expect(deadlineRow(rules, 'D2', 'phuc_tap_vung_sau', '2026-07-01')).toMatchObject({ variant: 'thuong', length: 7 })
  })

  it('a rule not yet in force has no row (D16 and D17 start on 2026-07-01)', () => {
    expect(deadlineRow(rules, 'D16', 'thuong', '2026-06-30')).toBeNull()
    expect(deadlineRow(rules, 'D16', 'thuong', '2026-07-01')).toMatchObject({ length: 45 })
    expect(deadlineRow(rules, 'D17', 'thuong', '2026-06-30')).toBeNull()
  })

  it('overlapping rows: the one with the latest start wins (a newer decree overrides)', () => {
    const custom: DeadlineSetting[] = [
      ...rules,
      { rule: 'D1', variant: 'thuong', from: '2027-01-01', to: null, length: 15, unit: 'ngay', label: 'x', basis: 'Quy định mới' },
    ]
    expect(deadlineRow(custom, 'D1', 'thuong', '2026-12-31')).toMatchObject({ length: 10 })
    expect(deadlineRow(custom, 'D1', 'thuong', '2027-01-01')).toMatchObject({ length: 15 })
  })
})

describe('dueDateForOutcome: the due date of the outcome (RULES.md §5 last paragraph)', () => {
  it('maps outcomes to rules: complaint thu_ly/khong_thu_ly → D2, denunciation chuyen_don → D9, thu_ly/kiem_tra → D8, else D1', () => {
    expect(outcomeDeadlineRule('khieu_nai', 'thu_ly')).toBe('D2')
    expect(outcomeDeadlineRule('khieu_nai', 'khong_thu_ly')).toBe('D2')
    expect(outcomeDeadlineRule('khieu_nai', 'huong_dan')).toBe('D1')
    expect(outcomeDeadlineRule('khieu_nai', 'don_doc')).toBe('D1')
    expect(outcomeDeadlineRule('khieu_nai', 'luu_don')).toBe('D1')
    expect(outcomeDeadlineRule('to_cao', 'chuyen_don')).toBe('D9')
    expect(outcomeDeadlineRule('to_cao', 'thu_ly')).toBe('D8')
    expect(outcomeDeadlineRule('to_cao', 'kiem_tra')).toBe('D8')
    expect(outcomeDeadlineRule('to_cao', 'luu_don')).toBe('D1')
    expect(outcomeDeadlineRule('kien_nghi_phan_anh', 'chuyen_don')).toBe('D1')
    expect(outcomeDeadlineRule('kien_nghi_phan_anh', 'thu_ly')).toBe('D1')
    expect(outcomeDeadlineRule('nhieu_noi_dung', 'tach_don')).toBe('D1')
  })

  it('D2 complaint received 2026-06-30 gets 10 calendar days (Luật KN Art. 27)', () => {
    const r = forOutcome('khieu_nai', 'thu_ly', '2026-06-30')
    expect(r).toMatchObject({ dueDate: '2026-07-10', deadlineRule: 'D2', basis: 'Điều 27 Luật Khiếu nại 2011' })
    expect(forOutcome('khieu_nai', 'khong_thu_ly', '2026-06-26').dueDate).toBe('2026-07-06')
  })

  it('D2 complaint received 2026-07-01 gets 7 working days (NĐ 155/2026)', () => {
    const r = forOutcome('khieu_nai', 'thu_ly', '2026-07-01')
    expect(r).toMatchObject({ dueDate: '2026-07-10', deadlineRule: 'D2', basis: 'Nghị định 155/2026/NĐ-CP' })
    expect(r.row.unit).toBe('ngay_lam_viec')
    // Friday 3/7: 7 working days end Tuesday 14/7 (10 calendar days would have ended Monday 13/7)
    expect(forOutcome('khieu_nai', 'thu_ly', '2026-07-03').dueDate).toBe('2026-07-14')
  })

  it('D2 complaint received before Quốc khánh 2026 gets 7 working days skipping 31/8–2/9', () => {
    expect(forOutcome('khieu_nai', 'khong_thu_ly', '2026-08-27').dueDate).toBe('2026-09-10')
  })

  it('D2 is the same for a second complaint (NĐ 155/2026 Art. 16 cl. 1 "lần đầu hoặc lần hai")', () => {
    expect(forOutcome('khieu_nai', 'thu_ly', '2026-07-03', { complaintRound: 2 }).dueDate).toBe('2026-07-14')
  })

  it('D9 denunciation forwarded within 5 working days skips the Tết holidays', () => {
    const r = forOutcome('to_cao', 'chuyen_don', '2026-02-13')
    expect(r).toMatchObject({ dueDate: '2026-02-27', deadlineRule: 'D9', basis: 'Khoản 2 Điều 24 Luật Tố cáo 2018' })
  })

  it('D9 over the year end: received 31/12/2025 → 9/1/2026; received 8/1/2026 counts make-up Saturday 10/1 → 14/1', () => {
    expect(forOutcome('to_cao', 'chuyen_don', '2025-12-31').dueDate).toBe('2026-01-09')
    expect(forOutcome('to_cao', 'chuyen_don', '2026-01-08').dueDate).toBe('2026-01-14')
  })

  it('D8 denunciation initial processing: 7 working days, 10 when extended, across Tết', () => {
    expect(forOutcome('to_cao', 'thu_ly', '2026-02-13')).toMatchObject({ dueDate: '2026-03-03', deadlineRule: 'D8' })
    expect(forOutcome('to_cao', 'kiem_tra', '2026-02-13').dueDate).toBe('2026-03-03')
    expect(forOutcome('to_cao', 'thu_ly', '2026-02-13', { extended: true }).dueDate).toBe('2026-03-06')
  })

  it('D1 guidance: 10 calendar days; ending on 30/4/2026 (holiday) it moves to Monday 4/5 (BLDS Art. 148)', () => {
    expect(forOutcome('khieu_nai', 'huong_dan', '2026-04-20')).toMatchObject({ dueDate: '2026-05-04', deadlineRule: 'D1' })
    expect(dueDateForOutcome({ contentType: 'khieu_nai', outcome: 'huong_dan', receivedAt: '2026-04-20', rules, calendar: bareCalendar }).dueDate).toBe('2026-04-30')
  })

  it('D1 for a several-content letter (tach_don) and for feedback forwarded', () => {
    expect(forOutcome('nhieu_noi_dung', 'tach_don', '2026-03-02')).toMatchObject({ dueDate: '2026-03-12', deadlineRule: 'D1' })
    expect(forOutcome('kien_nghi_phan_anh', 'chuyen_don', '2026-03-02').deadlineRule).toBe('D1')
  })

  it('D1 year-end rollover: received 22/12/2026 → 1/1/2027 (New Year, Labour Code Art. 112) → Monday 4/1/2027', () => {
    const withNewYear = workingCalendar({ holidays: [...SAMPLE_HOLIDAYS, '2027-01-01'], extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS })
    expect(dueDateForOutcome({ contentType: 'kien_nghi_phan_anh', outcome: 'chuyen_don', receivedAt: '2026-12-22', rules, calendar: withNewYear }).dueDate).toBe('2027-01-04')
    expect(forOutcome('kien_nghi_phan_anh', 'chuyen_don', '2026-12-22').dueDate).toBe('2027-01-01')
  })

  it('the settings rows are used, and a rule missing from the settings falls back to the built-in default', () => {
    const custom: DeadlineSetting[] = [
      { rule: 'D1', variant: 'thuong', from: null, to: null, length: 15, unit: 'ngay', label: 'x', basis: 'Quy định của tỉnh' },
    ]
    expect(dueDateForOutcome({ contentType: 'kien_nghi_phan_anh', outcome: 'chuyen_don', receivedAt: '2026-03-02', rules: custom, calendar })).toMatchObject({
      dueDate: '2026-03-17',
      basis: 'Quy định của tỉnh',
    })
    expect(dueDateForOutcome({ contentType: 'to_cao', outcome: 'chuyen_don', receivedAt: '2026-02-13', rules: custom, calendar }).dueDate).toBe('2026-02-27')
  })

  it('a remote-area D2 row configured by the board is used for remote complainants', () => {
    const custom: DeadlineSetting[] = [
      ...rules,
      { rule: 'D2', variant: 'vung_sau', from: '2026-07-01', to: null, length: 10, unit: 'ngay_lam_viec', label: 'x', basis: 'y' },
    ]
    expect(dueDateForOutcome({ contentType: 'khieu_nai', outcome: 'thu_ly', receivedAt: '2026-07-03', remoteArea: true, rules: custom, calendar }).dueDate).toBe('2026-07-17')
    expect(dueDateForOutcome({ contentType: 'khieu_nai', outcome: 'thu_ly', receivedAt: '2026-07-03', remoteArea: false, rules: custom, calendar }).dueDate).toBe('2026-07-14')
  })
})

describe('resolutionDueDate: D3 / D4 for complaints, D11 for denunciations, after acceptance', () => {
  const accepted = '2026-03-02'
  const resolve = (extra: Partial<Parameters<typeof resolutionDueDate>[0]>) =>
    resolutionDueDate({ contentType: 'khieu_nai', acceptedAt: accepted, rules, calendar, ...extra })

  it('D3 first complaint: 30 days; complex 45; remote area 45; complex in a remote area 60 (ends 1/5 holiday → 4/5)', () => {
    expect(resolve({})).toMatchObject({ dueDate: '2026-04-01', deadlineRule: 'D3' })
    expect(resolve({ complex: true }).dueDate).toBe('2026-04-16')
    expect(resolve({ remoteArea: true }).dueDate).toBe('2026-04-16')
    expect(resolve({ complex: true, remoteArea: true })).toMatchObject({ dueDate: '2026-05-04', row: { variant: 'phuc_tap_vung_sau', length: 60 } })
  })

  it('D4 second complaint: 45 days; complex 60; remote 60; both 70', () => {
    expect(resolve({ complaintRound: 2 })).toMatchObject({ dueDate: '2026-04-16', deadlineRule: 'D4' })
    expect(resolve({ complaintRound: 2, complex: true }).dueDate).toBe('2026-05-04')
    expect(resolve({ complaintRound: 2, remoteArea: true }).dueDate).toBe('2026-05-04')
    expect(resolve({ complaintRound: 2, complex: true, remoteArea: true }).dueDate).toBe('2026-05-11')
  })

  it('D11 denunciation: 30 days, extended once 60, twice 90 (Luật TC Art. 30)', () => {
    expect(resolve({ contentType: 'to_cao' })).toMatchObject({ dueDate: '2026-04-01', deadlineRule: 'D11' })
    expect(resolve({ contentType: 'to_cao', extensions: 1 }).dueDate).toBe('2026-05-04')
    expect(resolve({ contentType: 'to_cao', extensions: 2 }).dueDate).toBe('2026-06-01') // 31/5 is a Sunday
  })

  it('other content (the đôn đốc check): D1', () => {
    expect(resolve({ contentType: 'kien_nghi_phan_anh' })).toMatchObject({ dueDate: '2026-03-12', deadlineRule: 'D1' })
  })
})

describe('suspension pauses (Mẫu 14a → 14b, NĐ 155/2026): the clock stops and restarts from the resumption date', () => {
  const d3 = (pauses: Array<{ from: string; to?: string | null }>) =>
    dueDate({ rules, calendar, rule: 'D3', from: '2026-03-02', pauses })

  it('D3 suspended 12/3, resumed 22/3: 10 days used, 20 left from 22/3 → Saturday 11/4 → Monday 13/4', () => {
    expect(d3([{ from: '2026-03-12', to: '2026-03-22' }])).toMatchObject({ dueDate: '2026-04-13', paused: false })
  })

  it('an open suspension (no resumption yet) means no due date', () => {
    expect(d3([{ from: '2026-03-12' }])).toMatchObject({ dueDate: null, paused: true, row: { rule: 'D3' } })
    expect(d3([{ from: '2026-03-12', to: null }]).paused).toBe(true)
  })

  it('a suspension after the deadline ran out changes nothing', () => {
    expect(d3([{ from: '2026-04-05' }])).toMatchObject({ dueDate: '2026-04-01', paused: false })
    expect(d3([{ from: '2026-04-01', to: '2026-04-20' }]).dueDate).toBe('2026-04-01')
  })

  it('a suspension resumed the same day changes nothing', () => {
    expect(d3([{ from: '2026-03-12', to: '2026-03-12' }]).dueDate).toBe('2026-04-01')
  })

  it('two suspensions add up (10 + 5 days), in any order', () => {
    const pauses = [
      { from: '2026-04-01', to: '2026-04-06' },
      { from: '2026-03-12', to: '2026-03-22' },
    ]
    expect(d3(pauses).dueDate).toBe('2026-04-16')
  })

  it('overlapping suspensions count once (12/3–25/3 in all)', () => {
    expect(d3([{ from: '2026-03-12', to: '2026-03-22' }, { from: '2026-03-15', to: '2026-03-25' }]).dueDate).toBe('2026-04-14')
  })

  it('a suspension that began before acceptance starts the clock at the resumption', () => {
    expect(d3([{ from: '2026-02-20', to: '2026-03-05' }]).dueDate).toBe('2026-04-06')
  })

  it('working-day rules count only working days used before the suspension (D8 from 1/7/2026, suspended 3/7–8/7)', () => {
    const r = dueDate({ rules, calendar, rule: 'D8', from: '2026-07-01', pauses: [{ from: '2026-07-03', to: '2026-07-08' }] })
    expect(r.dueDate).toBe('2026-07-15')
    expect(dueDate({ rules, calendar, rule: 'D8', from: '2026-07-01' }).dueDate).toBe('2026-07-10')
  })

  it('resolutionDueDate passes pauses through (D3 complex)', () => {
    const r = resolutionDueDate({
      contentType: 'khieu_nai',
      acceptedAt: '2026-03-02',
      complex: true,
      rules,
      calendar,
      pauses: [{ from: '2026-03-12', to: '2026-03-22' }],
    })
    // 16/4 + 10 days = Sunday 26/4 → Monday 27/4 is Giỗ Tổ → Tuesday 28/4
    expect(r).toMatchObject({ dueDate: '2026-04-28', deadlineRule: 'D3', paused: false })
  })
})

describe('complaint limitation (Luật KN Art. 9, 33; exclusion het_thoi_hieu)', () => {
  it('D5 first complaint: 90 days from the day the complainant knew of the decision; 12/4/2026 is a Sunday → 13/4', () => {
    const base = { round: 1 as const, knownDate: '2026-01-12', rules, calendar }
    expect(complaintLimitation({ ...base, receivedAt: '2026-04-13' })).toMatchObject({ lastDay: '2026-04-13', expired: false, rule: 'D5', countedFrom: '2026-01-12' })
    expect(complaintLimitation({ ...base, receivedAt: '2026-04-14' })).toMatchObject({ expired: true })
  })

  it('D5 with the Art. 148 move switched off ends on the bare 90th day', () => {
    const r = complaintLimitation({ round: 1, knownDate: '2026-01-12', receivedAt: '2026-04-13', rules, calendar: bareCalendar })
    expect(r).toMatchObject({ lastDay: '2026-04-12', expired: true })
  })

  it('D5 has no remote-area variant: 90 days either way', () => {
    expect(complaintLimitation({ round: 1, knownDate: '2026-01-12', remoteArea: true, receivedAt: '2026-04-14', rules, calendar })).toMatchObject({
      lastDay: '2026-04-13',
      expired: true,
    })
  })

  it('D5 time lost to objective obstacles is not counted', () => {
    expect(complaintLimitation({ round: 1, knownDate: '2026-01-12', obstacleDays: 10, receivedAt: '2026-04-20', rules, calendar })).toMatchObject({
      lastDay: '2026-04-22',
      expired: false,
    })
  })

  it('D6 second complaint: 30 days from receiving the first-level decision, 45 in a remote area', () => {
    const base = { round: 2 as const, firstDecisionDate: '2026-03-02', receivedAt: '2026-04-10', rules, calendar }
    expect(complaintLimitation(base)).toMatchObject({ lastDay: '2026-04-01', expired: true, rule: 'D6' })
    expect(complaintLimitation({ ...base, remoteArea: true })).toMatchObject({ lastDay: '2026-04-16', expired: false, row: { variant: 'vung_sau' } })
  })

  it('D6 falls back to knownDate when no first decision date is given', () => {
    expect(complaintLimitation({ round: 2, knownDate: '2026-03-02', receivedAt: '2026-03-20', rules, calendar })).toMatchObject({
      lastDay: '2026-04-01',
      countedFrom: '2026-03-02',
      expired: false,
    })
  })

  it('an unknown start date cannot show lateness', () => {
    expect(complaintLimitation({ round: 1, receivedAt: '2026-04-10', rules, calendar })).toMatchObject({ lastDay: null, expired: false })
  })
})

describe('D16 escalation of unhandled letters (NĐ 154/2026 Art. 41), only from 2026-07-01', () => {
  it('letters received before 1 July 2026 get no D16 date', () => {
    expect(d16Escalation('2026-06-30', rules, calendar)).toBeNull()
    expect(d16Escalation('2025-12-01', rules, calendar)).toBeNull()
  })

  it('45 days from 1/7/2026 end Saturday 15/8 → Monday 17/8', () => {
    expect(d16Escalation('2026-07-01', rules, calendar)).toBe('2026-08-17')
  })

  it('45 days from 17/7/2026 end on 31/8 (holiday) → Thursday 3/9 after Quốc khánh', () => {
    expect(d16Escalation('2026-07-17', rules, calendar)).toBe('2026-09-03')
  })
})

describe('D15 destruction review one year after filing', () => {
  it('filed 29/2/2028 → 28/2/2029', () => {
    expect(destructionReviewDate('2028-02-29', rules, calendar)).toBe('2029-02-28')
  })

  it('filed 28/2/2025 → Saturday 28/2/2026 → Monday 2/3/2026', () => {
    expect(destructionReviewDate('2025-02-28', rules, calendar)).toBe('2026-03-02')
  })

  it('a pause shifts a year-long period by its calendar days', () => {
    expect(dueDate({ rules, calendar, rule: 'D15', from: '2028-02-29', pauses: [{ from: '2028-03-01', to: '2028-03-08' }] }).dueDate).toBe('2029-03-07')
  })
})
