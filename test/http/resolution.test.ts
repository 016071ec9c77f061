/**
 * Resolving accepted complaints and denunciations (src/http/resolution.ts): the API's actions in
 * sequence with their documents (Mẫu 14, 14a, 14b) and deadlines, every rejection changing
 * nothing, the roles, the case page's "Giải quyết" section and forms, the old and new regimes
 * around 2026-07-01, and the printable Mẫu 01/02 forms.
 */
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { RESOLUTION_HISTORY_ACTIONS } from '../../src/http/resolution.ts'
import { HISTORY_ACTIONS } from '../../views/pages/letters/labels.ts'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'
const DAY = 86_400_000

async function staff(t: TestApp, roles: string[], agencyCode?: string) {
  const username = `u${Math.floor(Math.random() * 1e9)}`
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles, agencyCode }, await t.token())
  if (res.status !== 201) throw new Error(await res.text())
  const browser = new Browser(t)
  await browser.login(username, PASSWORD)
  return { browser: Object.assign(browser, { username }), token: await t.token(username, PASSWORD), name: `Cán bộ ${username}` }
}

/** A second complaint against the commune's decision, in time: the province accepts it (D4). */
const complaint = (receivedAt: string, decisionDate: string, knownDate: string, name = 'Đặng Văn Đức') => ({
  receivedAt,
  channel: 'buu_chinh',
  contentType: 'khieu_nai',
  writtenDate: receivedAt,
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  senders: [{ name, address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', phone: '0905123456', signed: true }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi.',
  request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND.',
  complaintRound: 2,
  decision: { date: decisionDate, knownDate, number: '12/QĐ-UBND' },
})

/** A denunciation of an official of the provincial People's Committee: accepted by the province. */
const denunciation = (receivedAt: string) => ({
  receivedAt,
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: receivedAt,
  field: 'dat_dai',
  senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
  respondent: { agencyCode: 'UBND_TINH', person: 'Nguyễn Văn Tâm', isHead: false },
  act: 'Nhận tiền để hợp thức hóa đất lấn chiếm.',
  summary: 'Tố cáo cán bộ nhận hối lộ.',
  hasEvidence: true,
})

async function accepted(t: TestApp, token: string, letter: unknown) {
  const created = await t.json('/api/v1/letters', 'POST', letter, token)
  if (created.status !== 201) throw new Error(await created.text())
  const { id } = (await created.json()) as { id: string }
  const decided = await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, token)
  if (decided.status !== 200) throw new Error(await decided.text())
  const body = (await decided.json()) as { outcome?: string; decision: { outcome: string } }
  if (body.decision.outcome !== 'thu_ly') throw new Error(`not accepted: ${body.decision.outcome}`)
  return id
}

interface View {
  status: string
  acceptedOn: string
  deadline: { deadlineRule: string; dueDate: string | null; paused: boolean; complex: boolean; days: number | null; suspendedSince: string | null; closedOn: string | null }
  todos: Array<{ code: string }>
  pendingSends: Array<{ kind: string; sendBy: string }>
  events: Array<{ kind: string; date: string; documentId: string | null; details: string[]; sendBy: string | null }>
  actions: string[]
}

const post = (t: TestApp, id: string, action: string, body: unknown, token: string) => t.json(`/api/v1/letters/${id}/resolution/${action}`, 'POST', body, token)
const view = async (t: TestApp, id: string, token: string) => (await (await t.json(`/api/v1/letters/${id}/resolution`, 'GET', undefined, token)).json()) as View
async function recorded(res: Response) {
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`)
  return (await res.json()) as { events: Array<{ id: string; kind: string; documentId: string | null }>; resolution: View }
}
async function documentOf(t: TestApp, letterId: string, docId: string, token: string) {
  return (await (await t.json(`/api/v1/letters/${letterId}/documents/${docId}`, 'GET', undefined, token)).json()) as {
    template: string
    form: string | null
    source: string
    redacted: boolean
    issuedOn: string
    content: { titleLines: string[]; legalBasis: string[]; body: Array<{ text: string }>; recipients: string[] }
  }
}
const textOf = (d: Awaited<ReturnType<typeof documentOf>>) => [...d.content.titleLines, ...d.content.legalBasis, ...d.content.body.map((p) => p.text), ...d.content.recipients].join('\n')

/** Everything a rejected request must leave as it was. */
const snapshot = (t: TestApp) => ({ events: t.dump('resolution_events'), documents: t.count('documents'), history: t.count('history'), letters: t.dump('letters') })

describe('a second complaint accepted on 2 July 2026, through the API', () => {
  it('complexity, dialogue, suspension, resumption, partial and full withdrawal: deadlines, to-dos and documents', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    t.clock.now = new Date('2026-07-25T02:00:00Z')
    let { token } = await staff(t, ['xu_ly_don'])

    let v = await view(t, id, token)
    // D4 45 days from 2/7: Sunday 16/8 → Monday 17/8; a second complaint needs a dialogue
    expect(v).toMatchObject({ status: 'dang_giai_quyet', acceptedOn: '2026-07-02', deadline: { deadlineRule: 'D4', dueDate: '2026-08-17', complex: false, days: 45 } })
    expect(v.todos.map((x) => x.code)).toEqual(['doi_thoai_lan_hai'])
    expect(v.actions).toEqual(['complexity', 'dialogue', 'suspension', 'withdrawal', 'termination', 'conclusion'])

    // Art. 3a: 60 days → Monday 31/8 is a holiday (to 2/9) → Thursday 3/9
    let r = await recorded(await post(t, id, 'complexity', { date: '2026-07-10', criteria: ['a', 'c'], reason: 'Phải xác minh tại xã Sơn Tây và xã Sơn Bua; 12 hộ cùng khiếu nại.', decidedBy: 'Nguyễn Văn An, Chánh Thanh tra tỉnh' }, token))
    expect(r.resolution.deadline).toMatchObject({ dueDate: '2026-09-03', complex: true, days: 60 })
    const determination = await documentOf(t, id, r.events[0]!.documentId!, token)
    expect(determination.template).toBe('nd155_xac_dinh_phuc_tap')
    expect(textOf(determination)).toContain('Điểm a: Vụ việc có một nội dung nhưng phải xác minh ở từ hai địa điểm trở lên')
    expect(textOf(determination)).toContain('thời hạn giải quyết lần hai là 60 ngày kể từ ngày thụ lý, đến hết ngày 03/9/2026')

    r = await recorded(
      await post(
        t,
        id,
        'dialogue',
        {
          date: '2026-07-15',
          chairedBy: 'Trần Thị B, Phó Chủ tịch UBND tỉnh',
          place: 'Trụ sở Ban Tiếp công dân tỉnh',
          participants: ['Ông Trần Văn Bình, Chủ tịch UBND xã Sơn Tây', 'Đại diện Thanh tra tỉnh'],
          summary: 'Người bị khiếu nại giải trình căn cứ thu hồi đất.',
          attendance: 'vang_khong_ly_do',
        },
        token,
      ),
    )
    expect(r.resolution.todos).toEqual([])
    const minutes = await documentOf(t, id, r.events[0]!.documentId!, token)
    expect(minutes).toMatchObject({ template: 'nd155_m14_bien_ban_doi_thoai', form: 'Mẫu số 14', issuedOn: '2026-07-15' })
    expect(minutes.source).toContain('155/2026')
    expect(textOf(minutes)).toContain('Người khiếu nại: ông (bà) Đặng Văn Đức (vắng mặt không có lý do)')
    expect(textOf(minutes)).toContain('vắng mặt không có lý do; người giải quyết khiếu nại tiếp tục giải quyết khiếu nại')

    // suspended Thursday 16/7: the clock stops; the decision is sent by Tuesday 21/7 (03 working days)
    r = await recorded(await post(t, id, 'suspension', { date: '2026-07-16', ground: 'tro_ngai_khach_quan', reason: 'Người khiếu nại điều trị dài ngày tại bệnh viện.' }, token))
    expect(r.resolution).toMatchObject({ status: 'tam_dinh_chi', deadline: { dueDate: null, paused: true, suspendedSince: '2026-07-16' } })
    expect(r.resolution.events.find((e) => e.kind === 'tam_dinh_chi')!.sendBy).toBe('2026-07-21')
    // today is 25/7: that day has passed, so it is no longer listed as pending
    expect(r.resolution.pendingSends).toEqual([])
    expect(r.resolution.actions).toEqual(['complexity', 'resumption', 'withdrawal', 'termination'])
    const suspension = await documentOf(t, id, r.events[0]!.documentId!, token)
    expect(suspension).toMatchObject({ template: 'nd155_m14a_tam_dinh_chi', form: 'Mẫu số 14a', redacted: false })
    expect(suspension.content.titleLines).toEqual(['QUYẾT ĐỊNH', 'Về việc tạm đình chỉ giải quyết khiếu nại', 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI'])
    expect(textOf(suspension)).toContain('Căn cứ khoản 1 Điều 11a Luật Khiếu nại (bổ sung bởi Luật số 136/2025/QH15)')
    expect(textOf(suspension)).toContain('Điều 1. Tạm đình chỉ việc giải quyết khiếu nại của ông (bà) Đặng Văn Đức')
    expect(textOf(suspension)).toContain('Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày ban hành quyết định tiếp tục giải quyết khiếu nại')

    // resumed Monday 20/7: 14 days used, 46 left → Friday 4/9
    r = await recorded(await post(t, id, 'resumption', { date: '2026-07-20', reason: 'Người khiếu nại đã ra viện.' }, token))
    expect(r.resolution).toMatchObject({ status: 'dang_giai_quyet', deadline: { dueDate: '2026-09-04', paused: false } })
    const resumption = await documentOf(t, id, r.events[0]!.documentId!, token)
    expect(resumption).toMatchObject({ template: 'nd155_m14b_tiep_tuc', form: 'Mẫu số 14b' })
    expect(textOf(resumption)).toContain('Việc giải quyết khiếu nại đã bị tạm đình chỉ từ ngày 16/7/2026')
    expect(textOf(resumption)).toContain('Điều 2. Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày ban hành Quyết định này; hạn giải quyết khiếu nại là ngày 04/9/2026')

    // a partial withdrawal: recorded, no document, the case goes on
    r = await recorded(await post(t, id, 'withdrawal', { date: '2026-07-22', scope: 'mot_phan', form: 'don', content: 'Yêu cầu bồi thường bổ sung.' }, token))
    expect(r.events).toEqual([{ id: expect.any(String), kind: 'rut_khieu_nai', documentId: null }])
    expect(r.resolution.status).toBe('dang_giai_quyet')

    // the whole complaint withdrawn: terminated (Mẫu 14a, đình chỉ) and the letter closed
    r = await recorded(await post(t, id, 'withdrawal', { date: '2026-07-24', scope: 'toan_bo', form: 'bien_ban' }, token))
    expect(r.events.map((e) => e.kind)).toEqual(['rut_khieu_nai', 'dinh_chi'])
    expect(r.resolution).toMatchObject({ status: 'da_dinh_chi', actions: [], deadline: { closedOn: '2026-07-24' } })
    const termination = await documentOf(t, id, r.events[1]!.documentId!, token)
    expect(termination).toMatchObject({ template: 'nd155_m14a_dinh_chi', form: 'Mẫu số 14a' })
    expect(textOf(termination)).toContain('Ngày 24/7/2026, người khiếu nại có biên bản ghi nhận việc rút toàn bộ khiếu nại')
    expect(textOf(termination)).toContain('Điều 2. Nội dung khiếu nại đã rút không được xem xét, giải quyết lại')
    const letter = (t.dump('letters') as Array<{ id: string; status: string; resolved_at: string | null }>).find((l) => l.id === id)!
    expect(letter).toMatchObject({ status: 'da_giai_quyet', resolved_at: '2026-07-25T02:00:00.000Z' })
    const actions = (t.dump('history') as Array<{ entity_id: string; action: string }>).filter((h) => h.entity_id === id).map((h) => h.action)
    expect(actions).toEqual(
      expect.arrayContaining(['xac_dinh_vu_viec_phuc_tap', 'doi_thoai', 'tam_dinh_chi_giai_quyet', 'tiep_tuc_giai_quyet', 'rut_don', 'dinh_chi_giai_quyet']),
    )
    // the documents are the letter's: listed with it
    const listed = (await (await t.json(`/api/v1/letters/${id}/documents`, 'GET', undefined, token)).json()) as { items: Array<{ template: string }> }
    expect(listed.items.map((d) => d.template)).toEqual(
      expect.arrayContaining(['nd155_xac_dinh_phuc_tap', 'nd155_m14_bien_ban_doi_thoai', 'nd155_m14a_tam_dinh_chi', 'nd155_m14b_tiep_tuc', 'nd155_m14a_dinh_chi']),
    )

    // nothing after a termination
    const before = snapshot(t)
    const after = await post(t, id, 'suspension', { date: '2026-07-25', ground: 'tro_ngai_khach_quan', reason: 'x' }, token)
    expect(after.status).toBe(422)
    expect(((await after.json()) as { error: { fields: Array<{ message: string }> } }).error.fields[0]!.message).toContain('đã bị đình chỉ ngày 24/07/2026')
    expect(snapshot(t)).toEqual(before)
  })

  it('refuses with 422 and field messages, changing nothing: sequence, dates, grounds, shape', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['lanh_dao'])).token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    t.clock.now = new Date('2026-07-20T02:00:00Z')
    let { token } = await staff(t, ['lanh_dao'])
    const fields = async (res: Response) => {
      expect(res.status).toBe(422)
      return ((await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }).error.fields
    }
    const before = snapshot(t)
    expect(await fields(await post(t, id, 'resumption', { date: '2026-07-10', reason: 'x' }, token))).toEqual([{ path: '', message: 'Việc giải quyết khiếu nại không bị tạm đình chỉ: không có gì để tiếp tục.' }])
    expect(await fields(await post(t, id, 'suspension', { date: '2026-07-21', ground: 'tro_ngai_khach_quan', reason: 'x' }, token))).toEqual([
      { path: 'date', message: 'Ngày quyết định tạm đình chỉ không được sau ngày hôm nay.' },
    ])
    expect(await fields(await post(t, id, 'suspension', { date: '2026-07-01', ground: 'tro_ngai_khach_quan', reason: 'x' }, token))).toEqual([
      { path: 'date', message: 'Ngày quyết định tạm đình chỉ không được trước ngày thụ lý (02/07/2026).' },
    ])
    expect((await fields(await post(t, id, 'suspension', { date: '2026-07-10', ground: 'cho_giam_dinh', reason: 'x' }, token))).map((f) => f.path)).toEqual(['ground'])
    expect((await fields(await post(t, id, 'complexity', { date: '2026-07-10', criteria: [], reason: '', decidedBy: 'A' }, token))).map((f) => f.path)).toEqual(['criteria', 'reason'])
    expect((await fields(await post(t, id, 'complexity', { date: '2026-07-10', criteria: ['h'], reason: 'x', decidedBy: 'A' }, token))).map((f) => f.path)).toEqual(['criteria.0'])
    expect((await fields(await post(t, id, 'dialogue', { date: '31/02/2026', chairedBy: 'A', participants: [], summary: 'x', attendance: 'vang_co_ly_do' }, token))).map((f) => f.path)).toEqual([
      'date',
      'participants',
    ])
    expect((await fields(await post(t, id, 'dialogue', { date: '2026-07-10', chairedBy: 'A', participants: ['B'], summary: 'x', attendance: 'vang_co_ly_do' }, token))).map((f) => f.path)).toEqual([
      'absenceReason',
    ])
    expect((await fields(await post(t, id, 'withdrawal', { date: '2026-07-10', scope: 'mot_phan', form: 'don' }, token))).map((f) => f.path)).toEqual(['content'])
    expect((await fields(await post(t, id, 'withdrawal', { date: '2026-07-10', scope: 'toan_bo', form: 'don', continueGround: 'co_dau_hieu_vi_pham' }, token))).map((f) => f.path)).toEqual([
      'continueGround',
    ])
    expect(snapshot(t)).toEqual(before)

    // suspend, then: not twice, not resumed before the suspension
    await recorded(await post(t, id, 'suspension', { date: '2026-07-15', ground: 'cho_ket_qua_vu_viec_khac', reason: 'Chờ kết quả giải quyết tranh chấp đất đai.' }, token))
    const suspended = snapshot(t)
    expect((await fields(await post(t, id, 'suspension', { date: '2026-07-16', ground: 'tro_ngai_khach_quan', reason: 'x' }, token)))[0]!.message).toBe(
      'Vụ việc đang tạm đình chỉ từ ngày 15/07/2026: không tạm đình chỉ lần nữa.',
    )
    expect((await fields(await post(t, id, 'resumption', { date: '2026-07-14', reason: 'x' }, token)))[0]).toEqual({
      path: 'date',
      message: 'Ngày quyết định tiếp tục giải quyết không được trước ngày quyết định tạm đình chỉ đã ghi (15/07/2026).',
    })
    expect((await fields(await post(t, id, 'dialogue', { date: '2026-07-16', chairedBy: 'A', participants: ['B'], summary: 'x', attendance: 'co_mat' }, token)))[0]!.message).toContain(
      'đang tạm đình chỉ',
    )
    expect(snapshot(t)).toEqual(suspended)
    // a stale version is a conflict
    expect((await post(t, id, 'resumption', { date: '2026-07-18', reason: 'x', version: 1 }, token)).status).toBe(409)
    expect(snapshot(t)).toEqual(suspended)
    // the table refuses a second open suspension even if the checks were bypassed (a lost race on D1)
    expect(() =>
      t.db.sqlite
        .prepare("INSERT INTO resolution_events (id, letter_id, kind, date, data, created_at, created_by) VALUES ('x', ?, 'tam_dinh_chi', '2026-07-16', '{\"ground\":\"a\"}', 'now', (SELECT id FROM users LIMIT 1))")
        .run(id),
    ).toThrow(/already suspended/)
    expect(() => t.db.sqlite.prepare("UPDATE resolution_events SET date = '2026-07-01'").run()).toThrow(/append-only/)
  })

  it('answers 404, 409 and 415 where the request cannot be an event of this case', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const { token } = await staff(t, ['xu_ly_don'])
    const id = await accepted(t, token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    expect((await post(t, id, 'xoa', { date: '2026-07-02' }, token)).status).toBe(404)
    expect((await post(t, 'khong-co', 'resumption', { date: '2026-07-02', reason: 'x' }, token)).status).toBe(404)
    expect((await t.json(`/api/v1/letters/${id}/resolution/resumption`, 'POST', 'date=1', token)).status).toBe(400)
    const res = await t.request(`/api/v1/letters/${id}/resolution/resumption`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: 'x' })
    expect(res.status).toBe(415)
    // a round-1 complaint against the commune is guided, not accepted: no resolution here
    const guided = (await (await t.json('/api/v1/letters', 'POST', { ...complaint('2026-07-01', '2026-06-15', '2026-06-20', 'Phạm Văn Khoa'), complaintRound: 1 }, token)).json()) as { id: string }
    expect((await t.json(`/api/v1/letters/${guided.id}/resolution`, 'GET', undefined, token)).status).toBe(409)
    const before = snapshot(t)
    expect((await post(t, guided.id, 'suspension', { date: '2026-07-02', ground: 'tro_ngai_khach_quan', reason: 'x' }, token)).status).toBe(409)
    expect(snapshot(t)).toEqual(before)
  })

  it('roles: decide_letter records; view_letters reads; an agency and the administrator do not see the file', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const handler = await staff(t, ['xu_ly_don'])
    const id = await accepted(t, handler.token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    const body = { date: '2026-07-02', ground: 'tro_ngai_khach_quan', reason: 'Ốm nặng.' }
    const before = snapshot(t)
    for (const roles of [['tiep_dan'], ['bao_cao'], ['admin']]) {
      const { token } = await staff(t, roles)
      expect((await post(t, id, 'suspension', body, token)).status, roles.join()).toBe(403)
    }
    const reporter = await staff(t, ['bao_cao'])
    expect((await t.json(`/api/v1/letters/${id}/resolution`, 'GET', undefined, reporter.token)).status).toBe(200)
    const commune = await staff(t, ['co_quan'], 'UBND_TINH')
    expect((await t.json(`/api/v1/letters/${id}/resolution`, 'GET', undefined, commune.token)).status).toBe(403)
    expect((await t.json(`/api/v1/letters/${id}/resolution`, 'GET', undefined, await t.token())).status).toBe(403)
    expect(snapshot(t).events).toEqual(before.events)
    expect((await post(t, id, 'suspension', body, (await staff(t, ['lanh_dao'])).token)).status).toBe(201)
  })
})

describe('the old and the new regime (NĐ 155/2026 Art. 22)', () => {
  it('a complaint accepted in June: NĐ 124 minutes in June; from July the new suspension (Mẫu 14a citing NĐ 155) pauses its clock', async () => {
    const t = await testApp({ now: new Date('2026-06-15T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, complaint('2026-06-12', '2026-05-25', '2026-06-01'))
    t.clock.now = new Date('2026-06-22T02:00:00Z')
    let { token } = await staff(t, ['xu_ly_don'])
    // no suspension of a complaint before 1 July 2026; a complexity determination is not for this case
    const refused = await post(t, id, 'suspension', { date: '2026-06-20', ground: 'tro_ngai_khach_quan', reason: 'x' }, token)
    expect(refused.status).toBe(422)
    expect((await view(t, id, token)).actions).toEqual(['dialogue', 'suspension', 'withdrawal', 'termination', 'conclusion'])
    expect((await post(t, id, 'complexity', { date: '2026-06-20', criteria: ['a'], reason: 'x', decidedBy: 'y' }, token)).status).toBe(422)

    const old = await recorded(await post(t, id, 'dialogue', { date: '2026-06-20', chairedBy: 'Phó Chủ tịch UBND tỉnh', participants: ['Ông Trần Văn Bình'], summary: 'Hai bên trình bày.', attendance: 'vang_khong_ly_do' }, token))
    const oldMinutes = await documentOf(t, id, old.events[0]!.documentId!, token)
    expect(oldMinutes).toMatchObject({ template: 'nd124_m14_bien_ban_doi_thoai', form: 'Mẫu số 14', source: 'Nghị định số 124/2020/NĐ-CP' })
    // the no-show rule (Art. 30 cl. 6) is new in 2026: not in the June minutes
    expect(textOf(oldMinutes)).not.toContain('khoản 6 Điều 30')

    t.clock.now = new Date('2026-07-10T02:00:00Z')
    ;({ token } = await staff(t, ['xu_ly_don']))
    const s = await recorded(await post(t, id, 'suspension', { date: '2026-07-06', ground: 'cho_ket_qua_vu_viec_khac', reason: 'Chờ Tòa án giải quyết tranh chấp.' }, token))
    const decision = await documentOf(t, id, s.events[0]!.documentId!, token)
    expect(decision.template).toBe('nd155_m14a_tam_dinh_chi')
    expect(decision.content.legalBasis.join('\n')).toContain('được sửa đổi, bổ sung bởi Nghị định số 155/2026/NĐ-CP')
    expect(decision.content.legalBasis.join('\n')).toContain('Luật số 136/2025/QH15')
    const r = await recorded(await post(t, id, 'resumption', { date: '2026-07-09', reason: 'Tòa án đã xét xử.' }, token))
    // D4 45 days from 15/6 = 30/7; suspended 6/7 (21 used) → resumed 9/7, 24 left → 2/8 (Sunday) → 3/8
    expect(r.resolution.deadline).toMatchObject({ dueDate: '2026-08-03', complex: false })
  })

  it('a complaint withdrawn in June 2026 is terminated under Luật Khiếu nại 2011 Art. 10 (no Mẫu 14a, no sending deadline)', async () => {
    const t = await testApp({ now: new Date('2026-06-15T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, complaint('2026-06-12', '2026-05-25', '2026-06-01'))
    t.clock.now = new Date('2026-06-26T02:00:00Z')
    let { token } = await staff(t, ['xu_ly_don'])
    expect((await post(t, id, 'withdrawal', { date: '2026-06-25', scope: 'mot_phan', form: 'don', content: 'x' }, token)).status).toBe(422)
    const r = await recorded(await post(t, id, 'withdrawal', { date: '2026-06-25', scope: 'toan_bo', form: 'don' }, token))
    expect(r.events.map((e) => e.kind)).toEqual(['rut_khieu_nai', 'dinh_chi'])
    expect(r.resolution.pendingSends).toEqual([])
    const d = await documentOf(t, id, r.events[1]!.documentId!, token)
    expect(d).toMatchObject({ template: 'kn2011_dinh_chi', form: null })
    expect(d.content.legalBasis).toContain('Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;')
    expect(d.content.legalBasis.join('\n')).not.toContain('136/2025')
    expect(textOf(d)).toContain('Căn cứ Điều 10 Luật Khiếu nại 2011;')
  })
})

describe('a denunciation accepted by the province (Luật Tố cáo Art. 34)', () => {
  it('suspension and termination decisions go to both parties without the denouncer; a withdrawal on a continuing ground does not terminate', async () => {
    const t = await testApp({ now: new Date('2026-08-03T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, denunciation('2026-08-03'))
    t.clock.now = new Date('2026-08-21T02:00:00Z')
    const handler = await staff(t, ['xu_ly_don'])
    let v = await view(t, id, handler.token)
    expect(v).toMatchObject({ deadline: { deadlineRule: 'D11', dueDate: '2026-09-03' }, todos: [] })
    expect(v.actions).toEqual(['extension', 'suspension', 'withdrawal', 'termination', 'conclusion'])
    expect((await post(t, id, 'dialogue', { date: '2026-08-10', chairedBy: 'A', participants: ['B'], summary: 'x', attendance: 'co_mat' }, handler.token)).status).toBe(422)

    const s = await recorded(await post(t, id, 'suspension', { date: '2026-08-10', ground: 'cho_giam_dinh', reason: 'Chờ kết quả giám định lại chữ ký của Lê Thị Hoa Mai trên hồ sơ.' }, handler.token))
    // D14: 5 working days from Monday 10/8
    expect(s.resolution.events[0]).toMatchObject({ kind: 'tam_dinh_chi', sendBy: '2026-08-17' })
    const decision = await documentOf(t, id, s.events[0]!.documentId!, handler.token)
    expect(decision).toMatchObject({ template: 'tc_tam_dinh_chi', redacted: true })
    expect(textOf(decision)).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)
    expect(textOf(decision)).toContain('Căn cứ khoản 1 Điều 34 Luật Tố cáo;')
    // a viewer who may not see the denouncer gets the reason scrubbed
    const reporter = await staff(t, ['bao_cao'])
    const seen = await view(t, id, reporter.token)
    expect(JSON.stringify(seen)).not.toContain('Hoa Mai')
    expect(seen.events[0]!.details.join(' ')).toContain('chữ ký của ***')

    await recorded(await post(t, id, 'resumption', { date: '2026-08-14', reason: 'Đã có kết quả giám định.' }, handler.token))
    const kept = await recorded(await post(t, id, 'withdrawal', { date: '2026-08-20', scope: 'toan_bo', form: 'don', continueGround: 'co_dau_hieu_vi_pham' }, handler.token))
    expect(kept.events.map((e) => e.kind)).toEqual(['rut_khieu_nai'])
    expect(kept.resolution.status).toBe('dang_giai_quyet')
    const ended = await recorded(await post(t, id, 'termination', { date: '2026-08-21', ground: 'da_co_ban_an_quyet_dinh', reason: 'Bản án số 15/2026/HS-ST đã có hiệu lực.' }, handler.token))
    expect(ended.resolution.status).toBe('da_dinh_chi')
    const termination = await documentOf(t, id, ended.events[0]!.documentId!, handler.token)
    expect(termination).toMatchObject({ template: 'tc_dinh_chi', redacted: true })
    expect(termination.content.titleLines[1]).toBe('Về việc đình chỉ giải quyết tố cáo')
  })
})

describe('extending a denunciation (Luật Tố cáo Art. 30, TC-14)', () => {
  it('extends once and twice by the days decided, before the time runs out, with a decision that leaves out the denouncer; a third is refused', async () => {
    const t = await testApp({ now: new Date('2026-08-03T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, denunciation('2026-08-03'))
    t.clock.now = new Date('2026-09-10T02:00:00Z')
    const handler = await staff(t, ['xu_ly_don'])
    expect((await view(t, id, handler.token)).deadline.dueDate).toBe('2026-09-03')
    const before = snapshot(t)
    const reason = 'Phải xác minh tại ba xã và trưng cầu giám định chữ ký của Lê Thị Hoa Mai.'
    // after the time ran out: too late
    const late = await post(t, id, 'extension', { date: '2026-09-05', days: 20, reason }, handler.token)
    expect(late.status).toBe(422)
    expect(JSON.stringify(await late.json())).toContain('Thời hạn giải quyết đã hết ngày 03/09/2026')
    // more than 30 days, no reason, not a number
    const bad = await post(t, id, 'extension', { date: '2026-09-01', days: 31, reason: '' }, handler.token)
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path).sort()).toEqual(['days', 'reason'])
    expect((await post(t, id, 'extension', { date: '2026-09-01', days: '20', reason }, handler.token)).status).toBe(422)
    expect(snapshot(t)).toEqual(before)

    // 30 days from 3/8 ended on 2/9 (Quốc khánh, so 3/9); 20 more make 50 days from acceptance: 22/9
    const first = await recorded(await post(t, id, 'extension', { date: '2026-09-01', days: 20, reason }, handler.token))
    expect(first.resolution.deadline).toMatchObject({ deadlineRule: 'D11', dueDate: '2026-09-22', days: 50 })
    expect(first.resolution.events[0]).toMatchObject({ kind: 'gia_han', kindLabel: 'Gia hạn giải quyết', details: ['Gia hạn thêm 20 ngày (Điều 30 Luật Tố cáo 2018)', `Lý do: ${reason}`] })
    const decision = await documentOf(t, id, first.events[0]!.documentId!, handler.token)
    expect(decision).toMatchObject({ template: 'tc_gia_han', redacted: true })
    expect(decision.content.titleLines[1]).toBe('Về việc gia hạn giải quyết tố cáo')
    const words = textOf(decision)
    expect(words).toContain(', thêm 20 ngày; thời hạn giải quyết tố cáo đến hết ngày 22/9/2026 (gia hạn lần thứ nhất)')
    expect(words).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)

    const second = await recorded(await post(t, id, 'extension', { date: '2026-09-10', days: 30, reason: 'Vụ việc đặc biệt phức tạp.' }, handler.token))
    expect(second.resolution.deadline.dueDate).toBe('2026-10-22')
    expect(second.resolution.actions).toEqual(['suspension', 'withdrawal', 'termination', 'conclusion'])
    const third = await post(t, id, 'extension', { date: '2026-09-10', days: 5, reason: 'x' }, handler.token)
    expect(third.status).toBe(422)
    expect(JSON.stringify(await third.json())).toContain('đã được gia hạn 2 lần')
    // the database keeps the limit too (a lost race on D1 fails its batch)
    const row = t.db.sqlite.prepare("SELECT * FROM resolution_events WHERE kind = 'gia_han' LIMIT 1").get() as Record<string, unknown>
    expect(() => t.db.sqlite.prepare('INSERT INTO resolution_events (id, letter_id, kind, date, data, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run('x3', row.letter_id, 'gia_han', '2026-09-10', '{"days":5,"reason":"x"}', row.created_at, row.created_by)).toThrow(/extended twice/)
  })

  it('the case page records an extension with its form, and shows the form\'s errors with the input kept', async () => {
    const t = await testApp({ now: new Date('2026-08-03T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, denunciation('2026-08-03'))
    t.clock.now = new Date('2026-08-20T02:00:00Z')
    const b = (await staff(t, ['xu_ly_don'])).browser
    const page = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(page).toContain(`action="/can-bo/don/${id}/giai-quyet/gia-han#resolution-form-extension"`)
    const bad = await b.post(`/can-bo/don/${id}/giai-quyet/gia-han`, { version: '2', 'extension.date': '20/08/2026', 'extension.days': 'ba mươi', 'extension.reason': 'Vụ việc phức tạp.' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-extension-days-error">Số ngày gia hạn phải là một số./)
    expect(html).toContain('value="ba mươi"')
    // the address of a rejected form, opened again, leads back to the case page at the form
    const reopened = await b.get(`/can-bo/don/${id}/giai-quyet/gia-han`)
    expect(reopened.status).toBe(303)
    expect(reopened.headers.get('location')).toBe(`/can-bo/don/${id}#resolution`)
    expect((await b.get(`/can-bo/don/${id}/quyet-dinh`)).headers.get('location')).toBe(`/can-bo/don/${id}#decision`)
    const ok = await b.post(`/can-bo/don/${id}/giai-quyet/gia-han`, { version: '2', 'extension.date': '20/08/2026', 'extension.days': '30', 'extension.reason': 'Vụ việc phức tạp.' })
    expect(ok.status).toBe(303)
    const after = await (await b.get(`/can-bo/don/${id}?ok=giai-quyet`)).text()
    expect(after).toMatch(/id="resolution-due">02\/10\/2026/)
    expect(after).toContain('Quyết định về việc gia hạn giải quyết tố cáo')
    expect(after).toMatch(/<strong>Gia hạn giải quyết<\/strong> — /) // the timeline's label, not the code
    expect(after).not.toContain('gia_han_giai_quyet')
  })
})

describe('the resolution decision or conclusion (Luật Khiếu nại Art. 31, Luật Tố cáo Art. 35)', () => {
  it('closes the case: resolved, the letter da_giai_quyet, nothing more recorded; the page records it with its form', async () => {
    const t = await testApp({ now: new Date('2026-08-03T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, denunciation('2026-08-03'))
    t.clock.now = new Date('2026-08-28T02:00:00Z')
    const handler = await staff(t, ['xu_ly_don'])
    const before = snapshot(t)
    const bad = await post(t, id, 'conclusion', { date: '2026-08-28', number: ' ', finding: 'dung lam', summary: '' }, handler.token)
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path).sort()).toEqual(['finding', 'number', 'summary'])
    expect(snapshot(t)).toEqual(before)

    const b = handler.browser
    const page = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(page).toContain('Ghi kết luận nội dung tố cáo (giải quyết xong)')
    const ok = await b.post(`/can-bo/don/${id}/giai-quyet/giai-quyet-xong`, {
      version: '2',
      'conclusion.date': '28/08/2026',
      'conclusion.number': '15/KL-UBND',
      'conclusion.finding': 'dung_mot_phan',
      'conclusion.summary': 'Tố cáo đúng một phần; kiến nghị xử lý kỷ luật.',
    })
    expect(ok.status).toBe(303)
    const v = await view(t, id, handler.token)
    expect(v).toMatchObject({ status: 'da_giai_quyet', deadline: { closedOn: '2026-08-28' }, actions: [] })
    expect(v.events.at(-1)).toMatchObject({ kind: 'ket_luan', documentId: null, details: ['Số 15/KL-UBND', 'Tố cáo đúng một phần', 'Nội dung: Tố cáo đúng một phần; kiến nghị xử lý kỷ luật.'] })
    const letter = (await (await t.json(`/api/v1/letters/${id}`, 'GET', undefined, handler.token)).json()) as { status: string }
    expect(letter.status).toBe('da_giai_quyet')
    const after = await post(t, id, 'suspension', { date: '2026-08-28', ground: 'cho_giam_dinh', reason: 'x' }, handler.token)
    expect(after.status).toBe(422)
    const shown = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(shown).toContain('Kết luận nội dung tố cáo')
    expect(shown).not.toContain('giai-quyet/tam-dinh-chi')
    expect(shown).toMatch(/<strong>Giải quyết xong<\/strong> — /) // the timeline's label, not the code
    expect(shown).not.toContain('giai_quyet_xong')
  })
})

describe("the case page's timeline", () => {
  it('has a Vietnamese label for every action a resolution event records', () => {
    for (const action of Object.values(RESOLUTION_HISTORY_ACTIONS)) expect(HISTORY_ACTIONS[action], action).toBeTruthy()
  })
})

describe('the case page: the "Giải quyết" section and its forms, without JavaScript', () => {
  it('shows the deadline, the to-do and the forms; a suspension makes it "Tạm dừng"; a rejected form keeps its values', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const id = await accepted(t, (await staff(t, ['xu_ly_don'])).token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    t.clock.now = new Date('2026-07-20T02:00:00Z')
    const officer = await staff(t, ['xu_ly_don'])
    const b = officer.browser
    let page = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(page).toContain('id="resolution"')
    expect(page).toMatch(/id="resolution-due">17\/08\/2026/)
    expect(page).toContain('id="todo-doi_thoai_lan_hai"')
    expect(page).toContain('action="/can-bo/don/' + id + '/giai-quyet/tam-dinh-chi#resolution-form-suspension"')
    expect(page).toContain('name="complexity.criteria" value="dd"')
    expect(page).not.toContain('giai-quyet/tiep-tuc')

    const before = snapshot(t)
    const bad = await b.post(`/can-bo/don/${id}/giai-quyet/tam-dinh-chi`, {
      version: '2',
      'suspension.date': '25/07/2026',
      'suspension.ground': 'tro_ngai_khach_quan',
      'suspension.reason': 'Ốm nặng, điều trị tại bệnh viện.',
    })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-suspension-date-error">Ngày quyết định tạm đình chỉ không được sau ngày hôm nay./)
    expect(html).toContain('value="25/07/2026"')
    expect(html).toContain('Ốm nặng, điều trị tại bệnh viện.')
    expect(html).toMatch(/<details class="resolution-form" open="" id="resolution-form-suspension"|<details class="resolution-form" open id="resolution-form-suspension"/)
    const noGround = await b.post(`/can-bo/don/${id}/giai-quyet/tam-dinh-chi`, { version: '2', 'suspension.date': '15/07/2026', 'suspension.ground': '', 'suspension.reason': 'x' })
    expect(await noGround.text()).toMatch(/id="f-suspension-ground-error">Chọn một căn cứ trong danh sách/)
    // resuming what is not suspended: no such form on the page, so the message shows above the section
    const orphan = await b.post(`/can-bo/don/${id}/giai-quyet/tiep-tuc`, { version: '2', 'resumption.date': '15/07/2026', 'resumption.reason': 'x' })
    expect(orphan.status).toBe(422)
    expect(await orphan.text()).toMatch(/id="resolution-message">[^<]*không bị tạm đình chỉ/)
    expect(snapshot(t)).toEqual(before)

    const ok = await b.post(`/can-bo/don/${id}/giai-quyet/tam-dinh-chi`, { version: '2', 'suspension.date': '15/07/2026', 'suspension.ground': 'tro_ngai_khach_quan', 'suspension.reason': 'Ốm nặng.' })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe(`/can-bo/don/${id}?ok=giai-quyet#resolution`)
    page = await (await b.get(`/can-bo/don/${id}?ok=giai-quyet`)).text()
    expect(page).toMatch(/id="deadline-giai-quyet"><strong>Tạm dừng<\/strong>/)
    expect(page).toMatch(/id="resolution-due"><strong>Tạm dừng<\/strong>/)
    expect(page).toContain('Tạm dừng: tạm đình chỉ giải quyết từ ngày 15/07/2026.')
    expect(page).toMatch(/Gửi quyết định tạm đình chỉ chậm nhất ngày <strong>20\/07\/2026<\/strong>/)
    const doc = /href="(\/can-bo\/don\/[^"]+\/van-ban\/[^"]+)" class="document-link">Quyết định về việc tạm đình chỉ giải quyết khiếu nại/.exec(page)
    expect(doc).not.toBeNull()
    const print = await (await b.get(doc![1]!)).text()
    expect(print).toContain('Mẫu số 14a')
    expect(page).toContain('giai-quyet/tiep-tuc')
    expect(page).toContain(`<strong>Tạm đình chỉ giải quyết</strong> — ${officer.name}`) // the timeline's history label

    // the stale form (version 2) is refused: someone else (this same officer) changed the case
    const stale = await b.post(`/can-bo/don/${id}/giai-quyet/tiep-tuc`, { version: '2', 'resumption.date': '20/07/2026', 'resumption.reason': 'Đã khỏi bệnh.' })
    expect(stale.status).toBe(409)
    const resumed = await b.post(`/can-bo/don/${id}/giai-quyet/tiep-tuc`, { version: '3', 'resumption.date': '20/07/2026', 'resumption.reason': 'Đã khỏi bệnh.' })
    expect(resumed.status).toBe(303)
    page = await (await b.get(`/can-bo/don/${id}`)).text()
    // 13 days used (2/7 → 15/7), 32 left from 20/7 → 21/8
    expect(page).toMatch(/id="resolution-due">21\/08\/2026/)

    // a reception officer sees the section but no form, and may not post
    const reception = await staff(t, ['tiep_dan'])
    const theirs = await (await reception.browser.get(`/can-bo/don/${id}`)).text()
    expect(theirs).toContain('id="resolution"')
    expect(theirs).not.toContain('/giai-quyet/')
    expect((await reception.browser.post(`/can-bo/don/${id}/giai-quyet/tam-dinh-chi`, { 'suspension.date': '20/07/2026' })).status).toBe(403)
  })
})

describe('Mẫu 01 and 02 for a citizen who cannot write (blank from the register page, filled from a complaint)', () => {
  it('prints the form in force on the day: NĐ 155/2026 wording from 1 July 2026, NĐ 124/2020 before', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const officer = await staff(t, ['tiep_dan', 'xu_ly_don'])
    const b = officer.browser
    expect(await (await b.get('/can-bo/don/moi')).text()).toContain('href="/can-bo/don/mau/don-khieu-nai"')
    const blank = await (await b.get('/can-bo/don/mau/don-khieu-nai')).text()
    expect(blank).toContain('ĐƠN KHIẾU NẠI')
    expect(blank).toContain('Mẫu số 01, Nghị định số 155/2026/NĐ-CP')
    expect(blank).toContain('Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: ……')
    expect(blank).toContain('(Ký, ghi rõ họ tên hoặc điểm chỉ)')
    expect(blank).toContain('Mẫu trống')

    const id = await accepted(t, officer.token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    const casePage = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(casePage).toContain(`href="/can-bo/don/${id}/mau/giay-uy-quyen"`)
    const filled = await (await b.get(`/can-bo/don/${id}/mau/don-khieu-nai`)).text()
    expect(filled).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi')
    expect(filled).toContain('Họ và tên người khiếu nại: Đặng Văn Đức')
    expect(filled).toContain('Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 051080001234')
    expect(filled).toContain('Quyết định số 12/QĐ-UBND ngày 15/6/2026 của Ủy ban nhân dân xã Sơn Tây')
    expect(filled).toContain('Quảng Ngãi, ngày 02 tháng 7 năm 2026')
    const proxy = await (await b.get(`/can-bo/don/${id}/mau/giay-uy-quyen`)).text()
    expect(proxy).toContain('GIẤY ỦY QUYỀN KHIẾU NẠI')
    expect(proxy).toContain('Giấy ủy quyền của cá nhân phải được công chứng hoặc chứng thực')
    expect(proxy).toContain('không được ủy quyền một nội dung cho nhiều người')
    const docx = await b.get(`/can-bo/don/${id}/mau/giay-uy-quyen.docx`)
    expect(docx.status).toBe(200)
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml']!).replace(/<[^>]+>/g, '')
    expect(xml).toContain('GIẤY ỦY QUYỀN KHIẾU NẠI')
    expect(xml).toContain('Đặng Văn Đức')

    // a denunciation has no such form; a reporter may not print them
    const denounced = await accepted(t, officer.token, denunciation('2026-07-01'))
    expect((await b.get(`/can-bo/don/${denounced}/mau/don-khieu-nai`)).status).toBe(404)
    expect((await b.get('/can-bo/don/mau/don-to-cao')).status).toBe(404)
    expect((await (await staff(t, ['bao_cao'])).browser.get('/can-bo/don/mau/don-khieu-nai')).status).toBe(403)

    t.clock.now = new Date(Date.parse('2026-07-02T02:00:00Z') - 5 * DAY)
    const old = await (await (await staff(t, ['tiep_dan'])).browser.get('/can-bo/don/mau/don-khieu-nai')).text()
    expect(old).toContain('Mẫu số 01, Nghị định số 124/2020/NĐ-CP')
    expect(old).toContain('Số CMND/Hộ chiếu/Thẻ căn cước công dân: ……')
  })
})

describe('any sequence of actions keeps the case consistent', () => {
  it('random actions, dates and grounds: never a 5xx; at most one open suspension; nothing after a termination; rejected ones store nothing', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const accepting = await staff(t, ['xu_ly_don'])
    const letters: string[] = []
    for (let i = 0; i < 12; i++) letters.push(await accepted(t, accepting.token, complaint('2026-07-01', '2026-06-15', '2026-06-20', `Người khiếu nại ${i}`)))
    t.clock.now = new Date('2026-07-20T02:00:00Z')
    const { token } = await staff(t, ['xu_ly_don'])
    const date = fc.integer({ min: -3, max: 20 }).map((d) => new Date(Date.parse('2026-07-01T00:00:00Z') + d * DAY).toISOString().slice(0, 10))
    const step = fc.oneof(
      fc.record({ action: fc.constant('suspension'), body: fc.record({ date, ground: fc.constantFrom('tro_ngai_khach_quan', 'cho_ket_qua_vu_viec_khac', 'cho_giam_dinh'), reason: fc.constant('Lý do.') }) }),
      fc.record({ action: fc.constant('resumption'), body: fc.record({ date, reason: fc.constant('Hết trở ngại.') }) }),
      fc.record({ action: fc.constant('termination'), body: fc.record({ date, ground: fc.constantFrom('rut_toan_bo', 'khac', 'x'), reason: fc.constant('Lý do.') }) }),
      fc.record({ action: fc.constant('withdrawal'), body: fc.record({ date, scope: fc.constantFrom('toan_bo', 'mot_phan'), form: fc.constant('don'), content: fc.constantFrom(null, 'Một phần.') }) }),
      fc.record({ action: fc.constant('dialogue'), body: fc.record({ date, chairedBy: fc.constant('A'), participants: fc.constant(['B']), summary: fc.constant('C'), attendance: fc.constantFrom('co_mat', 'vang_khong_ly_do') }) }),
    )
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const id = letters[run++ % letters.length]!
        for (const { action, body } of steps) {
          const before = t.count('resolution_events')
          const res = await post(t, id, action, body, token)
          expect([201, 409, 422]).toContain(res.status)
          if (res.status !== 201) expect(t.count('resolution_events')).toBe(before)
        }
        const kinds = (t.dump('resolution_events') as Array<{ letter_id: string; kind: string }>).filter((e) => e.letter_id === id).map((e) => e.kind)
        const clock = kinds.filter((k) => k === 'tam_dinh_chi' || k === 'tiep_tuc')
        clock.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'tam_dinh_chi' : 'tiep_tuc'))
        const end = kinds.indexOf('dinh_chi')
        if (end >= 0) expect(end).toBe(kinds.length - 1)
      }),
      { numRuns: 12 },
    )
  })
})

describe('the handling decision is fixed once resolution has begun', () => {
  it('refuses to change the outcome of a letter with a recorded dialogue (409), the database too', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const officer = await staff(t, ['xu_ly_don'])
    const id = await accepted(t, officer.token, complaint('2026-07-01', '2026-06-15', '2026-06-20'))
    t.clock.now = new Date('2026-07-10T02:00:00Z')
    const token = await t.token(officer.browser.username, PASSWORD)
    const dialogue = await post(t, id, 'dialogue', { date: '2026-07-09', chairedBy: 'Phó Chủ tịch UBND tỉnh', participants: ['Người khiếu nại', 'Đại diện UBND xã'], summary: 'Hai bên trình bày ý kiến.', attendance: 'co_mat' }, token)
    expect(dialogue.status).toBe(201)
    const before = snapshot(t)
    const res = await t.json(`/api/v1/letters/${id}/decision`, 'POST', { outcome: 'luu_don', note: 'Đổi ý' }, token)
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/đã bắt đầu được giải quyết/)
    expect(snapshot(t)).toEqual(before)
    expect(() => t.db.sqlite.prepare("UPDATE letters SET outcome = 'luu_don', eligible = 0 WHERE id = ?").run(id)).toThrow(/resolution already started/)
  })
})
