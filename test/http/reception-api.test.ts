/**
 * The JSON API of reception beyond API.md's POST /receptions: a visit that registers the letter
 * handed in, refusal and receipt documents, one visit, matter search, a leader's session and its
 * conclusion, a visit's documents in Word.
 */
import { describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'

async function tokenFor(t: TestApp, username: string, roles: string[]) {
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles }, admin)
  return t.token(username, PASSWORD)
}

const visit = {
  date: '2026-07-06',
  kind: 'thuong_xuyen',
  persons: 12,
  contentType: 'khieu_nai',
  field: 'dat_dai',
  summary: 'Đoàn 12 hộ dân thôn 3 khiếu nại việc bồi thường giải phóng mặt bằng dự án đường ven biển.',
  visitors: [
    { name: 'Phạm Văn Hùng', idKind: 'can_cuoc', idNumber: '051075000111', address: 'Thôn 3, xã Bình Sơn', representative: true },
    { name: 'Võ Thị Lan', idKind: 'can_cuoc', idNumber: '051080000222', address: 'Thôn 3, xã Bình Sơn', representative: true },
  ],
}

interface Created {
  id: string
  caseId: string
  sessionId: string | null
  letterId: string | null
  letterCode: string | null
  documents: Array<{ id: string; template: string; title: string }>
  refusalNoticeDue: string | null
}

async function post(t: TestApp, token: string, body: unknown): Promise<Created> {
  const res = await t.json('/api/v1/receptions', 'POST', body, token)
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`)
  return (await res.json()) as Created
}

describe('reception API extensions', () => {
  it('createLetter registers the letter handed in, in the visit’s matter', async () => {
    const t = await testApp({ now: new Date('2026-07-10T03:00:00Z') })
    const token = await tokenFor(t, 'tiepdan', ['tiep_dan'])
    const first = await post(t, token, { ...visit, handling: 'nhan_don', createLetter: true, documentsReceived: ['Đơn khiếu nại (02 trang)'] })
    expect(first.letterId).toBeTruthy()
    expect(first.letterCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    expect(first.documents.map((d) => d.template)).toEqual(['nd154_m02_giay_bien_nhan'])
    const letter = (await (await t.json(`/api/v1/letters/${first.letterId}`, 'GET', undefined, token)).json()) as { channel: string; matterId: string; receivedAt: string }
    expect(letter).toMatchObject({ channel: 'truc_tiep', matterId: first.caseId, receivedAt: '2026-07-06' })

    const again = await post(t, token, { ...visit, date: '2026-07-09', persons: 2, caseId: first.caseId, createLetter: true })
    expect(again.caseId).toBe(first.caseId)
    const second = (await (await t.json(`/api/v1/letters/${again.letterId}`, 'GET', undefined, token)).json()) as { matterId: string }
    expect(second.matterId).toBe(first.caseId)

    const one = (await (await t.json(`/api/v1/receptions/${first.id}`, 'GET', undefined, token)).json()) as Record<string, unknown>
    expect(one).toMatchObject({ id: first.id, caseId: first.caseId, persons: 12, largeGroup: true, handling: 'nhan_don', letterId: first.letterId, visitorsHidden: false })
    expect((one.visitors as Array<{ name: string; idNumber: string; representative: boolean }>).map((v) => [v.name, v.idNumber, v.representative])).toEqual([
      ['Phạm Văn Hùng', '051075000111', true],
      ['Võ Thị Lan', '051080000222', true],
    ])
    expect((await t.json('/api/v1/receptions/khong-co', 'GET', undefined, token)).status).toBe(404)

    const before = [t.count('receptions'), t.count('letters')]
    const wrong = await t.json('/api/v1/receptions', 'POST', { ...visit, handling: 'giai_thich', createLetter: true }, token)
    expect(wrong.status).toBe(422)
    expect(((await wrong.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toContain('createLetter')
    expect([t.count('receptions'), t.count('letters')]).toEqual(before)
  })

  it('an ID number must fit its kind of paper: 12 digits for a căn cước, 6-9 letters and digits for a passport', async () => {
    const t = await testApp({ now: new Date('2026-07-06T02:00:00Z') })
    const token = await tokenFor(t, 'tiepdan', ['tiep_dan'])
    const before = t.count('receptions')
    const res = await t.json('/api/v1/receptions', 'POST', { ...visit, visitors: [{ ...visit.visitors[0], idNumber: '12345' }, { ...visit.visitors[1], idKind: 'ho_chieu', idNumber: 'B1' }] }, token)
    expect(res.status).toBe(422)
    const fields = ((await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }).error.fields
    expect(fields).toEqual([
      { path: 'visitors.0.idNumber', message: 'Số căn cước, số định danh cá nhân gồm đúng 12 chữ số.' },
      { path: 'visitors.1.idNumber', message: 'Số hộ chiếu gồm 6 đến 9 chữ cái và chữ số.' },
    ])
    expect(t.count('receptions')).toBe(before)
    // spaces as people type them are fine; "other papers" (an old 9-digit CMND) are taken as written
    const ok = await t.json('/api/v1/receptions', 'POST', { ...visit, visitors: [{ ...visit.visitors[0], idNumber: '0510 7500 0111' }, { ...visit.visitors[1], idKind: 'khac', idNumber: '212345678' }] }, token)
    expect(ok.status).toBe(201)
  })

  it('a refusal names its ground from the table in force on the visit date; the notice is due by D17', async () => {
    const t = await testApp({ now: new Date('2026-07-10T03:00:00Z') })
    const token = await tokenFor(t, 'tiepdan', ['tiep_dan'])
    const refused = await post(t, token, { ...visit, persons: 1, visitors: [visit.visitors[0]], handling: 'tu_choi', refusalGround: 'nd154_4_1_h', contentType: 'kien_nghi_phan_anh' })
    expect(refused.documents.map((d) => d.template)).toEqual(['nd154_m01_thong_bao_tu_choi'])
    // Monday 6 July 2026 + 3 working days
    expect(refused.refusalNoticeDue).toBe('2026-07-09')
    const doc = await t.json(`/api/v1/receptions/${refused.id}/documents/${refused.documents[0]!.id}`, 'GET', undefined, token)
    const body = (await doc.json()) as { form: string; content: { body: Array<{ text: string }> } }
    expect(body.form).toBe('Mẫu số 01/TCD')
    expect(body.content.body.map((p) => p.text).join(' ')).toContain('điểm h khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP')
    const docx = await t.json(`/api/v1/receptions/${refused.id}/documents/${refused.documents[0]!.id}?format=docx`, 'GET', undefined, token)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-disposition')).toContain('.docx')

    // before 1 July 2026: the TT 04/2021 notice, and NĐ 154's grounds are refused
    const old = await post(t, token, { ...visit, date: '2026-06-15', persons: 1, visitors: [visit.visitors[0]], handling: 'tu_choi', refusalGround: 'tcd_9_3' })
    expect(old.documents.map((d) => d.template)).toEqual(['tt04_thong_bao_tu_choi'])
    expect(old.refusalNoticeDue).toBeNull()
    for (const refusalGround of ['nd154_4_1_h', 'khong-co-ma']) {
      const res = await t.json('/api/v1/receptions', 'POST', { ...visit, date: '2026-06-15', handling: 'tu_choi', refusalGround }, token)
      expect(res.status, refusalGround).toBe(422)
    }
  })

  it('finds matters by name without diacritics, ID number or code; never by a denouncer’s name for the reporting role', async () => {
    const t = await testApp({ now: new Date('2026-07-10T03:00:00Z') })
    const token = await tokenFor(t, 'tiepdan', ['tiep_dan'])
    const reporter = await tokenFor(t, 'baocao', ['bao_cao'])
    const group = await post(t, token, visit)
    await post(t, token, { ...visit, persons: 1, contentType: 'to_cao', visitors: [{ name: 'Lê Thị Hoa', idNumber: '051190004321', address: 'Tổ 5, phường Cẩm Thành' }] })
    const search = async (q: string, who = token) =>
      ((await (await t.json(`/api/v1/matters?q=${encodeURIComponent(q)}`, 'GET', undefined, who)).json()) as { items: Array<{ id: string; code: string; lastVisits: Array<{ visitorNames: string[] }> }> }).items
    expect((await search('pham van hung')).map((m) => m.id)).toEqual([group.caseId])
    expect((await search('051080000222')).map((m) => m.id)).toEqual([group.caseId])
    const [hit] = await search('pham van hung')
    expect((await search(hit!.code)).map((m) => m.id)).toEqual([group.caseId])
    expect(hit!.lastVisits[0]!.visitorNames).toEqual(['Phạm Văn Hùng', 'Võ Thị Lan'])
    expect(await search('le thi hoa')).toHaveLength(1)
    expect(await search('le thi hoa', reporter)).toHaveLength(0)
    expect((await t.json('/api/v1/matters?q=', 'GET', undefined, token)).status).toBe(422)
  })

  it('concludes a leader’s session once, with its notice', async () => {
    const t = await testApp({ now: new Date('2026-07-10T03:00:00Z') })
    const token = await tokenFor(t, 'lanhdao', ['lanh_dao'])
    const a = await post(t, token, { ...visit, kind: 'dinh_ky', hostName: 'Chủ tịch UBND tỉnh' })
    const session = `/api/v1/receptions/sessions/${a.sessionId}`
    const open = (await (await t.json(session, 'GET', undefined, token)).json()) as { conclusion: string | null; visits: unknown[] }
    expect(open).toMatchObject({ conclusion: null })
    expect(open.visits).toHaveLength(1)
    expect((await t.json(`${session}/conclusion`, 'POST', { conclusion: ' ' }, token)).status).toBe(422)
    const done = await t.json(`${session}/conclusion`, 'POST', { conclusion: 'Giao Sở Tài nguyên và Môi trường kiểm tra, báo cáo.' }, token)
    expect(done.status).toBe(200)
    const body = (await done.json()) as { conclusion: string; noticeId: string; noticeReceptionId: string }
    expect(body.conclusion).toBe('Giao Sở Tài nguyên và Môi trường kiểm tra, báo cáo.')
    expect(body.noticeReceptionId).toBe(a.id)
    const notice = (await (await t.json(`/api/v1/receptions/${a.id}/documents/${body.noticeId}`, 'GET', undefined, token)).json()) as { template: string }
    expect(notice.template).toBe('nd154_thong_bao_ket_luan')
    expect((await t.json(`${session}/conclusion`, 'POST', { conclusion: 'Khác.' }, token)).status).toBe(409)
    expect((await t.json('/api/v1/receptions/sessions/khong-co/conclusion', 'POST', { conclusion: 'X' }, token)).status).toBe(404)
    const reporter = await tokenFor(t, 'baocao', ['bao_cao'])
    expect((await t.json(`${session}/conclusion`, 'POST', { conclusion: 'X' }, reporter)).status).toBe(403)
  })
})
