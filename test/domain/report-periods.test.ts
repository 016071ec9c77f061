import { describe, expect, it } from 'vitest'
import { REPORT_CUTOFFS, currentOfficialQuarter, cutoffTableFor, periodWindow } from '../../src/domain/report-periods.ts'
import { vnDayEndInstant, vnDayStartInstant, windowProblems } from '../../src/domain/report-window.ts'

describe('official report windows (TT 02/2021, TT 01/2024: 15th to 14th)', () => {
  it.each([
    ['quy-1', '2025-12-15', '2026-03-14', 'Quý I năm 2026'],
    ['quy-2', '2026-03-15', '2026-06-14', 'Quý II năm 2026'],
    ['quy-3', '2026-06-15', '2026-09-14', 'Quý III năm 2026'],
    ['quy-4', '2026-09-15', '2026-12-14', 'Quý IV năm 2026'],
    ['6-thang', '2025-12-15', '2026-06-14', '6 tháng đầu năm 2026'],
    ['9-thang', '2025-12-15', '2026-09-14', '9 tháng năm 2026'],
    ['nam', '2025-12-15', '2026-12-14', 'Năm 2026'],
  ] as const)('%s 2026 runs %s – %s', (kind, from, to, name) => {
    const p = periodWindow({ kind, year: 2026 })!
    expect(p).toMatchObject({ from, to, name })
    expect(p.range).toBe(`Số liệu tính từ ngày ${from.split('-').reverse().join('/')} đến ngày ${to.split('-').reverse().join('/')}`)
    expect(p.basis).toContain('Thông tư 01/2024/TT-TTCP')
    expect(p.note).toContain('06/2025')
  })

  it('the four quarters tile the year without gap or overlap', () => {
    const qs = (['quy-1', 'quy-2', 'quy-3', 'quy-4'] as const).map((kind) => periodWindow({ kind, year: 2027 })!)
    const year = periodWindow({ kind: 'nam', year: 2027 })!
    expect(qs[0]!.from).toBe(year.from)
    expect(qs[3]!.to).toBe(year.to)
    for (let i = 1; i < 4; i++) expect(Date.parse(qs[i]!.from) - Date.parse(qs[i - 1]!.to)).toBe(86_400_000)
  })

  it('the windows are data: a later table applies from its date', () => {
    const later = { ...REPORT_CUTOFFS[0]!, id: 'GIA_DINH', validFrom: '2030-01-01', note: null, windows: { ...REPORT_CUTOFFS[0]!.windows, 'quy-1': { from: [-1, 12, 31], to: [0, 3, 31] } } } as const
    const tables = [...REPORT_CUTOFFS, later]
    expect(cutoffTableFor('2030-12-31', tables).id).toBe('GIA_DINH')
    expect(periodWindow({ kind: 'quy-1', year: 2031 }, tables)).toMatchObject({ from: '2030-12-31', to: '2031-03-31' })
    expect(periodWindow({ kind: 'quy-1', year: 2029 }, tables)).toMatchObject({ from: '2028-12-15', to: '2029-03-14' })
  })
})

describe('calendar and custom periods', () => {
  it('months, quarters, halves and years; February of a leap year', () => {
    expect(periodWindow({ kind: 'thang', year: 2028, month: 2 })).toMatchObject({ from: '2028-02-01', to: '2028-02-29', name: 'Tháng 2 năm 2028' })
    expect(periodWindow({ kind: 'thang', year: 2026, month: 12 })).toMatchObject({ from: '2026-12-01', to: '2026-12-31' })
    expect(periodWindow({ kind: 'lich-quy-2', year: 2026 })).toMatchObject({ from: '2026-04-01', to: '2026-06-30' })
    expect(periodWindow({ kind: 'lich-6-thang-cuoi', year: 2026 })).toMatchObject({ from: '2026-07-01', to: '2026-12-31' })
    expect(periodWindow({ kind: 'lich-nam', year: 2026 })).toMatchObject({ from: '2026-01-01', to: '2026-12-31', basis: null })
    expect(periodWindow({ kind: 'tuy-chon', year: 0, from: '2024-08-01', to: '2025-07-31' })).toMatchObject({ from: '2024-08-01', to: '2025-07-31', name: 'Từ 01/08/2024 đến 31/07/2025' })
    expect(periodWindow({ kind: 'tuy-chon', year: 0, from: '2025-07-31', to: '2024-08-01' })).toBeNull()
    expect(periodWindow({ kind: 'thang', year: 2026, month: 13 })).toBeNull()
  })

  it('the default is the official quarter containing today', () => {
    expect(currentOfficialQuarter('2026-03-14')).toEqual({ kind: 'quy-1', year: 2026 })
    expect(currentOfficialQuarter('2026-03-15')).toEqual({ kind: 'quy-2', year: 2026 })
    expect(currentOfficialQuarter('2026-12-20')).toEqual({ kind: 'quy-1', year: 2027 })
  })
})

describe('windows and instants', () => {
  it('a Vietnam day runs from 17:00Z the day before to 17:00Z', () => {
    expect(vnDayStartInstant('2026-03-01')).toBe('2026-02-28T17:00:00.000Z')
    expect(vnDayEndInstant('2026-03-14')).toBe('2026-03-14T17:00:00.000Z')
    expect(vnDayStartInstant('2026-01-01')).toBe('2025-12-31T17:00:00.000Z')
  })

  it('says what is wrong with a window, field by field', () => {
    expect(windowProblems(undefined, undefined).map((p) => p.path)).toEqual(['from', 'to'])
    expect(windowProblems('2026-02-30', '2026-03-01').map((p) => p.path)).toEqual(['from'])
    expect(windowProblems('2026-03-02', '2026-03-01')).toEqual([{ path: 'to', message: 'Ngày kết thúc không được trước ngày bắt đầu.' }])
    expect(windowProblems('2026-03-01', '2026-03-01')).toEqual([])
  })
})
