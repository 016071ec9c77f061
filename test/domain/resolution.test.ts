/**
 * Resolving an accepted case (src/domain/resolution.ts, resolution-rules.ts): the deadline with
 * suspended spans across the Quốc khánh holidays, the complex variant by the regime of the
 * acceptance day, the sending deadlines of Mẫu 14a/14b, the NĐ 155/2026 Art. 22 transition, and
 * the checks that refuse an event.
 */
import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../../src/domain/calendar.ts'
import { DEFAULT_DEADLINES } from '../../src/domain/deadline-table.ts'
import {
  acceptanceInstant,
  resolutionDeadline,
  resolutionProblems,
  resolutionState,
  resolutionTodos,
  sendDeadline,
  withdrawalTerminates,
  type ResolutionCase,
  type ResolutionEvent,
  type ResolutionInput,
} from '../../src/domain/resolution.ts'
import { groundsInForce, resolutionTemplateFor, withdrawalScopeRule } from '../../src/domain/resolution-rules.ts'
import { SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS } from '../../src/sample/directory.ts'

const rules = DEFAULT_DEADLINES
const calendar = workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS })

let seq = 0
const recorded = (input: ResolutionInput): ResolutionEvent =>
  ({ ...input, id: `e${++seq}`, documentId: null, createdAt: '2026-07-01T00:00:00Z', createdBy: 'u1', createdByName: 'Cán bộ' }) as ResolutionEvent
const suspend = (date: string, ground = 'tro_ngai_khach_quan') => recorded({ kind: 'tam_dinh_chi', date, data: { ground, reason: 'Người khiếu nại nằm viện.' } })
const resume = (date: string) => recorded({ kind: 'tiep_tuc', date, data: { reason: 'Đã ra viện.' } })
const complexity = (date: string) => recorded({ kind: 'xac_dinh_phuc_tap', date, data: { criteria: ['a', 'dd'], reason: 'Xác minh tại hai xã.', decidedBy: 'Chánh Thanh tra tỉnh' } })

const complaint = (acceptedOn: string, extra: Partial<ResolutionCase> = {}): ResolutionCase => ({
  contentType: 'khieu_nai',
  complaintRound: 1,
  remoteArea: false,
  flaggedComplex: false,
  acceptedOn,
  ...extra,
})
const deadline = (c: ResolutionCase, events: ResolutionEvent[]) => resolutionDeadline(c, resolutionState(events), rules, calendar)

describe('the resolution deadline pauses while suspended (NĐ 155/2026 Art. 28b)', () => {
  it('D3 accepted 20/7/2026, suspended 31/7, resumed 12/8: 11 days used, 19 left from 12/8 → Monday 31/8 is Quốc khánh → Thursday 3/9', () => {
    const c = complaint('2026-07-20')
    expect(deadline(c, []).dueDate).toBe('2026-08-19')
    expect(deadline(c, [suspend('2026-07-31'), resume('2026-08-12')])).toMatchObject({ dueDate: '2026-09-03', paused: false, deadlineRule: 'D3', days: 30 })
  })

  it('an open suspension stops the clock: no date, paused', () => {
    const d = deadline(complaint('2026-07-20'), [suspend('2026-07-31')])
    expect(d).toMatchObject({ dueDate: null, paused: true })
    expect(d.pauses).toEqual([{ from: '2026-07-31', to: null }])
  })

  it('two suspensions add up; resuming on the day of the suspension changes nothing', () => {
    const c = complaint('2026-07-20')
    expect(deadline(c, [suspend('2026-07-25'), resume('2026-07-25')]).dueDate).toBe('2026-08-19')
    // 5 days (25/7 → 30/7) and 7 days (5/8 → 12/8): 19/8 + 12 = 31/8 (holiday) → 3/9
    expect(deadline(c, [suspend('2026-07-25'), resume('2026-07-30'), suspend('2026-08-05'), resume('2026-08-12')]).dueDate).toBe('2026-09-03')
  })

  it('a denunciation (D11, Luật Tố cáo Art. 34) pauses the same way', () => {
    const c: ResolutionCase = { ...complaint('2026-07-20'), contentType: 'to_cao', complaintRound: null }
    const d = deadline(c, [suspend('2026-07-31', 'cho_giam_dinh'), resume('2026-08-12')])
    expect(d).toMatchObject({ deadlineRule: 'D11', dueDate: '2026-09-03' })
  })

  it('the decisions are sent within 03 working days (D18), across the holidays and the make-up Saturday', () => {
    // Friday 28/8: Sat, Sun, 31/8–2/9 off → Thu 3/9, Fri 4/9, Mon 7/9
    expect(sendDeadline('khieu_nai', { kind: 'tam_dinh_chi', date: '2026-08-28' }, rules, calendar)).toBe('2026-09-07')
    // Friday 21/8: Saturday 22/8 is a make-up working day → 22/8, 24/8, 25/8
    expect(sendDeadline('khieu_nai', { kind: 'tiep_tuc', date: '2026-08-21' }, rules, calendar)).toBe('2026-08-25')
    // a denunciation's decision: 5 working days (D14)
    expect(sendDeadline('to_cao', { kind: 'dinh_chi', date: '2026-08-21' }, rules, calendar)).toBe('2026-08-27')
    // no row before 2026-07-01 for a complaint; nothing to send for a dialogue
    expect(sendDeadline('khieu_nai', { kind: 'dinh_chi', date: '2026-06-20' }, rules, calendar)).toBeNull()
    expect(sendDeadline('khieu_nai', { kind: 'doi_thoai', date: '2026-08-21' }, rules, calendar)).toBeNull()
  })
})

describe('the complex variant (NĐ 155/2026 Art. 3a from 2026-07-01; the flag before)', () => {
  it('accepted from 1/7/2026: only a written determination switches D3 to 45 days; the flag alone is a to-do', () => {
    const c = complaint('2026-07-02', { flaggedComplex: true })
    const plain = deadline(c, [])
    // 30 days: Saturday 1/8 → Monday 3/8
    expect(plain).toMatchObject({ complex: false, dueDate: '2026-08-03', complexity: { source: 'van_ban_xac_dinh', flaggedWithoutDetermination: true } })
    expect(resolutionTodos(c, resolutionState([]), plain).map((t) => t.code)).toEqual(['xac_dinh_phuc_tap'])
    const determined = deadline(c, [complexity('2026-07-10')])
    // 45 days: Sunday 16/8 → Monday 17/8
    expect(determined).toMatchObject({ complex: true, dueDate: '2026-08-17', days: 45 })
    expect(resolutionTodos(c, resolutionState([complexity('2026-07-10')]), determined)).toEqual([])
  })

  it('accepted before 1/7/2026: the letter’s flag stays as it is, no criteria needed', () => {
    expect(deadline(complaint('2026-06-10', { flaggedComplex: true }), [])).toMatchObject({ complex: true, days: 45, dueDate: '2026-07-27' })
    expect(deadline(complaint('2026-06-10'), [complexity('2026-07-10')])).toMatchObject({ complex: false, days: 30 })
  })

  it('second round, complex and remote: D4 70 days', () => {
    const d = deadline(complaint('2026-07-02', { complaintRound: 2, remoteArea: true }), [complexity('2026-07-03')])
    expect(d).toMatchObject({ deadlineRule: 'D4', days: 70, dueDate: '2026-09-10' })
  })

  it('a second-round complaint shows the dialogue as a to-do until one is recorded', () => {
    const c = complaint('2026-07-02', { complaintRound: 2 })
    const todos = (events: ResolutionEvent[]) => resolutionTodos(c, resolutionState(events), deadline(c, events)).map((t) => t.code)
    expect(todos([])).toEqual(['doi_thoai_lan_hai'])
    const dialogue = recorded({
      kind: 'doi_thoai',
      date: '2026-07-20',
      data: { chairedBy: 'Phó Chủ tịch', place: null, participants: ['Ông A'], summary: 'Đã đối thoại.', attendance: 'vang_khong_ly_do', absenceReason: null },
    })
    expect(todos([dialogue])).toEqual([])
  })
})

describe('NĐ 155/2026 Art. 22: complaints accepted before 1/7/2026 and not yet decided follow the new rules on suspension, withdrawal and dialogue', () => {
  const ctx = (today: string, events: ResolutionEvent[] = []) => ({ contentType: 'khieu_nai' as const, acceptedOn: '2026-06-15', today, state: resolutionState(events) })
  const suspension = (date: string): ResolutionInput => ({ kind: 'tam_dinh_chi', date, data: { ground: 'cho_ket_qua_vu_viec_khac', reason: 'Chờ Tòa án.' } })
  const partial = (date: string): ResolutionInput => ({ kind: 'rut_khieu_nai', date, data: { scope: 'mot_phan', form: 'don', content: 'Yêu cầu bồi thường.', continueGround: null } })

  it('a suspension dated from 1/7/2026 is allowed on a case accepted in June; one dated in June is not (Luật KN 2011 had none)', () => {
    expect(resolutionProblems(ctx('2026-07-10'), suspension('2026-07-06'))).toEqual([])
    expect(resolutionProblems(ctx('2026-07-10'), suspension('2026-06-25'))).toEqual([{ path: 'date', message: expect.stringContaining('chỉ áp dụng từ ngày 01/07/2026') }])
    expect(groundsInForce('tam_dinh_chi', 'khieu_nai', '2026-06-30')).toEqual([])
  })

  it('a partial withdrawal likewise; a full one terminates in both regimes', () => {
    expect(resolutionProblems(ctx('2026-07-10'), partial('2026-07-06'))).toEqual([])
    expect(resolutionProblems(ctx('2026-07-10'), partial('2026-06-25')).map((p) => p.path)).toEqual(['scope'])
    expect(withdrawalScopeRule('khieu_nai', 'toan_bo', '2026-06-25')?.basis).toBe('Điều 10 Luật Khiếu nại 2011')
    expect(withdrawalTerminates({ scope: 'toan_bo', form: 'don', content: null, continueGround: null })).toBe(true)
    expect(withdrawalTerminates({ scope: 'mot_phan', form: 'don', content: 'x', continueGround: null })).toBe(false)
    expect(withdrawalTerminates({ scope: 'toan_bo', form: 'don', content: null, continueGround: 'co_dau_hieu_vi_pham' })).toBe(false)
  })

  it('the document follows the event’s date: Mẫu 14 of NĐ 124 before, of NĐ 155 after; a termination before 1/7 is not Mẫu 14a', () => {
    expect(resolutionTemplateFor('doi_thoai', 'khieu_nai', '2026-06-20')).toBe('nd124_m14_bien_ban_doi_thoai')
    expect(resolutionTemplateFor('doi_thoai', 'khieu_nai', '2026-07-06')).toBe('nd155_m14_bien_ban_doi_thoai')
    expect(resolutionTemplateFor('dinh_chi', 'khieu_nai', '2026-06-25')).toBe('kn2011_dinh_chi')
    expect(resolutionTemplateFor('dinh_chi', 'khieu_nai', '2026-07-06')).toBe('nd155_m14a_dinh_chi')
    expect(resolutionTemplateFor('tam_dinh_chi', 'khieu_nai', '2026-07-06')).toBe('nd155_m14a_tam_dinh_chi')
    expect(resolutionTemplateFor('tiep_tuc', 'khieu_nai', '2026-07-06')).toBe('nd155_m14b_tiep_tuc')
    expect(resolutionTemplateFor('rut_khieu_nai', 'khieu_nai', '2026-07-06')).toBeNull()
  })

  it('and the June case’s clock pauses from the July suspension (complexity stays with the flag)', () => {
    const c = complaint('2026-06-15', { flaggedComplex: true })
    // 45 days from 15/6 = 30/7; suspended 6/7 (21 days used) → resumed 20/7 → 24 left → 13/8
    expect(deadline(c, [suspend('2026-07-06', 'cho_ket_qua_vu_viec_khac'), resume('2026-07-20')])).toMatchObject({ complex: true, dueDate: '2026-08-13' })
  })
})

describe('what an event must respect', () => {
  const base = { contentType: 'khieu_nai' as const, acceptedOn: '2026-07-02', today: '2026-08-10' }
  const check = (input: ResolutionInput, events: ResolutionEvent[] = []) => resolutionProblems({ ...base, state: resolutionState(events) }, input)

  it('not before acceptance, not in the future', () => {
    expect(check({ kind: 'tiep_tuc', date: '2026-08-11', data: { reason: 'x' } }, [suspend('2026-07-10')])).toEqual([{ path: 'date', message: 'Ngày quyết định tiếp tục giải quyết không được sau ngày hôm nay.' }])
    expect(check({ kind: 'tam_dinh_chi', date: '2026-07-01', data: { ground: 'tro_ngai_khach_quan', reason: 'x' } })).toEqual([
      { path: 'date', message: 'Ngày quyết định tạm đình chỉ không được trước ngày thụ lý (02/07/2026).' },
    ])
  })

  it('cannot resume what is not suspended, nor suspend twice, nor resume before the suspension', () => {
    expect(check({ kind: 'tiep_tuc', date: '2026-08-01', data: { reason: 'x' } })).toEqual([{ path: '', message: 'Việc giải quyết khiếu nại không bị tạm đình chỉ: không có gì để tiếp tục.' }])
    expect(check({ kind: 'tam_dinh_chi', date: '2026-08-01', data: { ground: 'tro_ngai_khach_quan', reason: 'x' } }, [suspend('2026-07-10')]).map((p) => p.path)).toEqual([''])
    expect(check({ kind: 'tiep_tuc', date: '2026-07-05', data: { reason: 'x' } }, [suspend('2026-07-10')]).map((p) => p.path)).toEqual(['date'])
  })

  it('a ground must be one in force for that content type; a dialogue not while suspended; nothing after a termination', () => {
    expect(check({ kind: 'tam_dinh_chi', date: '2026-08-01', data: { ground: 'cho_giam_dinh', reason: 'x' } }).map((p) => p.path)).toEqual(['ground'])
    const dialogue: ResolutionInput = {
      kind: 'doi_thoai',
      date: '2026-08-01',
      data: { chairedBy: 'A', place: null, participants: ['B'], summary: 'C', attendance: 'vang_co_ly_do', absenceReason: null },
    }
    expect(check(dialogue, [suspend('2026-07-10')]).map((p) => p.path)).toEqual(['', 'absenceReason'])
    const ended = recorded({ kind: 'dinh_chi', date: '2026-07-20', data: { ground: 'rut_toan_bo', reason: 'x' } })
    expect(check({ kind: 'tiep_tuc', date: '2026-08-01', data: { reason: 'x' } }, [ended])).toEqual([{ path: '', message: 'Việc giải quyết khiếu nại đã bị đình chỉ ngày 20/07/2026: không ghi thêm được.' }])
  })

  it('complexity and dialogue are complaint procedures; a complexity determination on a case accepted before 1/7 is refused', () => {
    const denunciation = { ...base, contentType: 'to_cao' as const, state: resolutionState([]) }
    expect(resolutionProblems(denunciation, { kind: 'xac_dinh_phuc_tap', date: '2026-08-01', data: { criteria: ['a'], reason: 'x', decidedBy: 'y' } })[0]!.message).toContain('chỉ áp dụng cho khiếu nại')
    const june = { ...base, acceptedOn: '2026-06-20', state: resolutionState([]) }
    expect(resolutionProblems(june, { kind: 'xac_dinh_phuc_tap', date: '2026-08-01', data: { criteria: ['a'], reason: 'x', decidedBy: 'y' } })[0]!.message).toContain('theo đánh dấu trên đơn')
  })
})

describe('TC-14: a denunciation is extended once or twice, each time by at most 30 days (Luật Tố cáo Art. 30)', () => {
  const denunciation: ResolutionCase = { ...complaint('2026-07-20'), contentType: 'to_cao', complaintRound: null }
  const extend = (date: string, days: number) => recorded({ kind: 'gia_han', date, data: { days, reason: 'Phải xác minh tại nhiều địa phương.' } })
  const check = (input: ResolutionInput, events: ResolutionEvent[], dueDate: string | null, contentType: 'to_cao' | 'khieu_nai' = 'to_cao') =>
    resolutionProblems({ contentType, acceptedOn: '2026-07-20', today: '2026-09-30', state: resolutionState(events), dueDate }, input)

  it('the due date moves by the days each extension adds, under the row of the extension count', () => {
    expect(deadline(denunciation, []).dueDate).toBe('2026-08-19')
    // 20 days from 19/8 → 8/9
    expect(deadline(denunciation, [extend('2026-08-15', 20)])).toMatchObject({ deadlineRule: 'D11', dueDate: '2026-09-08', days: 50 })
    // a second of 30 → 8/10; the 90 days of gia_han_2 are the most
    expect(deadline(denunciation, [extend('2026-08-15', 20), extend('2026-09-05', 30)])).toMatchObject({ dueDate: '2026-10-08', days: 80 })
    // a suspension still stops the clock of an extended case
    expect(deadline(denunciation, [extend('2026-08-15', 30), suspend('2026-08-20', 'cho_giam_dinh')])).toMatchObject({ dueDate: null, paused: true })
  })

  it('a complaint is not extended this way; at most two; each 1 to 30 days; decided before the time runs out; not while suspended', () => {
    const input = (date: string, days: number): ResolutionInput => ({ kind: 'gia_han', date, data: { days, reason: 'x' } })
    expect(check(input('2026-08-10', 30), [], '2026-08-19', 'khieu_nai')[0]!.message).toContain('chỉ áp dụng cho tố cáo')
    expect(check(input('2026-08-10', 30), [], '2026-08-19')).toEqual([])
    expect(check(input('2026-08-10', 31), [], '2026-08-19').map((p) => p.path)).toEqual(['days'])
    expect(check(input('2026-08-20', 10), [], '2026-08-19')).toEqual([{ path: 'date', message: 'Thời hạn giải quyết đã hết ngày 19/08/2026: quyết định gia hạn phải ban hành trong thời hạn giải quyết.' }])
    expect(check(input('2026-09-20', 10), [extend('2026-08-10', 30), extend('2026-09-10', 30)], '2026-10-18')).toEqual([
      { path: '', message: 'Tố cáo đã được gia hạn 2 lần: không gia hạn thêm được (Điều 30 Luật Tố cáo 2018).' },
    ])
    expect(check(input('2026-08-12', 10), [suspend('2026-08-10', 'cho_giam_dinh')], null).map((p) => p.path)).toEqual([''])
  })

  it('issues the decision on extending the resolution of a denunciation', () => {
    expect(resolutionTemplateFor('gia_han', 'to_cao', '2026-08-10')).toBe('tc_gia_han')
    expect(resolutionTemplateFor('gia_han', 'khieu_nai', '2026-08-10')).toBeNull()
  })
})

describe('KN-Art.31, TC-Art.35: the resolution decision or conclusion resolves the case', () => {
  const base = { contentType: 'khieu_nai' as const, acceptedOn: '2026-07-02', today: '2026-08-10' }
  const conclude = (date: string) => recorded({ kind: 'ket_luan', date, data: { number: '15/QĐ-UBND', finding: 'dung_mot_phan', summary: 'Giải quyết lại.' } })

  it('not while suspended; nothing after it', () => {
    const input: ResolutionInput = { kind: 'ket_luan', date: '2026-08-05', data: { number: '15/QĐ-UBND', finding: 'sai', summary: 'x' } }
    expect(resolutionProblems({ ...base, state: resolutionState([]) }, input)).toEqual([])
    expect(resolutionProblems({ ...base, state: resolutionState([suspend('2026-07-20')]) }, input).map((p) => p.path)).toEqual([''])
    expect(resolutionProblems({ ...base, state: resolutionState([conclude('2026-08-01')]) }, { kind: 'tam_dinh_chi', date: '2026-08-05', data: { ground: 'tro_ngai_khach_quan', reason: 'x' } })).toEqual([
      { path: '', message: 'Quyết định giải quyết khiếu nại số 15/QĐ-UBND đã ban hành ngày 01/08/2026: vụ việc đã giải quyết xong, không ghi thêm được.' },
    ])
  })

  it('issues no document of pakn: the resolving body drafts it', () => {
    expect(resolutionTemplateFor('ket_luan', 'khieu_nai', '2026-08-10')).toBeNull()
    expect(resolutionTemplateFor('ket_luan', 'to_cao', '2026-08-10')).toBeNull()
  })
})

describe('the day of acceptance', () => {
  it('is the first of the trailing run of thu_ly decisions', () => {
    expect(acceptanceInstant([{ outcome: 'thu_ly', decidedAt: 'a' }])).toBe('a')
    expect(acceptanceInstant([{ outcome: 'luu_don', decidedAt: 'a' }, { outcome: 'thu_ly', decidedAt: 'b' }, { outcome: 'thu_ly', decidedAt: 'c' }])).toBe('b')
    expect(acceptanceInstant([{ outcome: 'thu_ly', decidedAt: 'a' }, { outcome: 'luu_don', decidedAt: 'b' }])).toBeNull()
    expect(acceptanceInstant([])).toBeNull()
  })
})
