import { describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../support/app.ts'

async function staff(t: TestApp, roles: string[], username = `u${Math.floor(Math.random() * 1e9)}`, agencyCode?: string) {
  const admin = await t.token()
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: 'mat-khau-can-bo-123', roles, agencyCode }, admin)
  if (res.status !== 201) throw new Error(await res.text())
  return t.token(username, 'mat-khau-can-bo-123')
}

const complaint = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'khieu_nai',
  writtenDate: '2026-02-25',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', phone: '0905123456', signed: true }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi.',
  request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND và bồi thường đúng quy định.',
  complaintRound: 2,
  decision: { date: '2026-01-10', knownDate: '2026-02-12', number: '12/QĐ-UBND' },
}

const denunciation = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: '2026-02-27',
  field: 'dat_dai',
  senders: [{ name: 'Lê Thị Hoa', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
  respondent: { agencyCode: 'UBND_PHUONG_CAM_THANH', person: 'Nguyễn Văn Tâm', isHead: false },
  act: 'Cán bộ địa chính phường nhận tiền để hợp thức hóa đất lấn chiếm.',
  summary: 'Tố cáo cán bộ địa chính nhận hối lộ.',
  hasEvidence: true,
}

describe('POST /api/v1/classify', () => {
  it('classifies without storing anything', async () => {
    const t = await testApp()
    const token = await staff(t, ['xu_ly_don'])
    const before = t.count('letters')
    const res = await t.json('/api/v1/classify', 'POST', complaint, token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      contentType: 'khieu_nai',
      eligible: true,
      reasons: [],
      signerGroup: 'mot_nguoi',
      competentAgencyCode: 'UBND_TINH',
      withinCompetence: true,
      outcome: 'thu_ly',
      dueDate: '2026-03-12',
      deadlineRule: 'D2',
      duplicateOf: null,
    })
    expect(t.count('letters')).toBe(before)
  })

  it('a denunciation whose initial processing is extended (verificationExtended) gets 10 working days (D8 gia_han); a non-boolean is a 422', async () => {
    const t = await testApp()
    const token = await staff(t, ['xu_ly_don'])
    const denunciation = {
      receivedAt: '2026-03-02',
      channel: 'buu_chinh',
      contentType: 'to_cao',
      writtenDate: '2026-03-01',
      field: 'dat_dai',
      senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', signed: true }],
      respondent: { agencyCode: 'UBND_TINH', person: 'Nguyễn Văn Tâm', isHead: false },
      act: 'Nhận tiền để hợp thức hóa đất lấn chiếm.',
      summary: 'Tố cáo cán bộ nhận hối lộ.',
      hasEvidence: true,
    }
    const plain = (await (await t.json('/api/v1/classify', 'POST', denunciation, token)).json()) as { outcome: string; deadlineRule: string; dueDate: string }
    expect(plain).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D8', dueDate: '2026-03-11' })
    const extended = (await (await t.json('/api/v1/classify', 'POST', { ...denunciation, verificationExtended: true }, token)).json()) as { dueDate: string }
    expect(extended.dueDate).toBe('2026-03-16')
    const bad = await t.json('/api/v1/classify', 'POST', { ...denunciation, verificationExtended: 'có' }, token)
    expect(bad.status).toBe(422)
    expect(JSON.stringify(await bad.json())).toContain('verificationExtended')
  })

  it('needs only receivedAt, channel and contentType; what is missing becomes reasons', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    const res = await t.json('/api/v1/classify', 'POST', { receivedAt: '2026-03-02', channel: 'hop_thu', contentType: 'khieu_nai' }, token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { eligible: boolean; outcome: string; reasons: string[] }
    expect(body.eligible).toBe(false)
    expect(body.outcome).toBe('luu_don')
    expect(body.reasons).toEqual(expect.arrayContaining(['thieu_ngay_viet_don', 'thieu_ho_ten_dia_chi', 'thieu_chu_ky', 'thieu_noi_dung_khieu_nai']))
  })

  it('rejects malformed requests with Vietnamese field messages', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    const res = await t.json('/api/v1/classify', 'POST', { receivedAt: '2026-02-30', channel: 'fax', contentType: 'khieu_nai', senders: [{ name: 5 }], complaintRound: 3 }, token)
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }
    expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['receivedAt', 'channel', 'senders.0.name', 'complaintRound']))
    expect(error.fields.find((f) => f.path === 'receivedAt')?.message).toBe('Ngày nhận đơn phải có dạng YYYY-MM-DD và là ngày có thật.')
    const missing = await t.json('/api/v1/classify', 'POST', {}, token)
    expect(missing.status).toBe(422)
    expect(((await missing.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(['receivedAt', 'channel', 'contentType'])
  })

  it('needs a staff role that registers letters', async () => {
    const t = await testApp()
    const token = await staff(t, ['bao_cao'])
    expect((await t.json('/api/v1/classify', 'POST', complaint, token)).status).toBe(403)
    expect((await t.json('/api/v1/classify', 'POST', complaint)).status).toBe(401)
  })
})

describe('POST /api/v1/letters and the letter', () => {
  it('stores the letter with its classification as the suggestion and a receipt code', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    const res = await t.json('/api/v1/letters', 'POST', complaint, token)
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; code: string; classification: { outcome: string } }
    expect(body.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(body.classification.outcome).toBe('thu_ly')
    const letter = (await (await t.json(`/api/v1/letters/${body.id}`, 'GET', undefined, token)).json()) as Record<string, unknown>
    expect(letter).toMatchObject({ id: body.id, status: 'moi', decision: null, dueDate: '2026-03-12', competentAgencyCode: 'UBND_TINH' })
    expect((letter.history as Array<{ action: string }>).map((h) => h.action)).toEqual(['tiep_nhan'])
  })

  it('links the same sender writing again, without diacritics or ID, to the first letter and its matter', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    const first = (await (await t.json('/api/v1/letters', 'POST', complaint, token)).json()) as { id: string; matterId: string }
    const again = {
      ...complaint,
      receivedAt: '2026-03-20',
      senders: [{ name: 'Dang Van Duc', address: 'Thon 3, xa Son Tay', signed: true }],
      summary: 'Khieu nai Quyet dinh so 12/QD-UBND thu hoi 300 m2 dat nong nghiep cua gia dinh toi.',
      request: 'De nghi huy Quyet dinh so 12/QD-UBND va boi thuong dung quy dinh.',
    }
    const second = (await (await t.json('/api/v1/letters', 'POST', again, token)).json()) as { matterId: string; classification: { duplicateOf: string } }
    expect(second.classification.duplicateOf).toBe(first.id)
    expect(second.matterId).toBe(first.matterId)
    const other = { ...complaint, receivedAt: '2026-03-21', respondent: { agencyCode: 'SO_YT', person: 'Giám đốc bệnh viện' }, field: 'y_te', summary: 'Khiếu nại việc thu viện phí sai của bệnh viện tỉnh.', request: 'Đề nghị trả lại tiền.' }
    const third = (await (await t.json('/api/v1/letters', 'POST', other, token)).json()) as { matterId: string; classification: { duplicateOf: string | null } }
    expect(third.classification.duplicateOf).toBeNull()
    expect(third.matterId).not.toBe(first.matterId)
  })

  it('finds letters by name typed without diacritics, and pages with a cursor', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    for (let i = 0; i < 5; i++) {
      await t.json('/api/v1/letters', 'POST', { ...complaint, receivedAt: `2026-03-0${i + 2}`, senders: [{ name: `Người Số ${i}`, address: `Thôn ${i}`, signed: true }] }, token)
    }
    const found = (await (await t.json('/api/v1/letters?q=nguoi%20so%203', 'GET', undefined, token)).json()) as { items: Array<{ receivedAt: string }> }
    expect(found.items.map((i) => i.receivedAt)).toEqual(['2026-03-05'])
    const page1 = (await (await t.json('/api/v1/letters?limit=2', 'GET', undefined, token)).json()) as { items: Array<{ receivedAt: string }>; nextCursor: string }
    expect(page1.items.map((i) => i.receivedAt)).toEqual(['2026-03-06', '2026-03-05'])
    const page2 = (await (await t.json(`/api/v1/letters?limit=2&cursor=${page1.nextCursor}`, 'GET', undefined, token)).json()) as { items: Array<{ receivedAt: string }>; nextCursor: string }
    expect(page2.items.map((i) => i.receivedAt)).toEqual(['2026-03-04', '2026-03-03'])
    const page3 = (await (await t.json(`/api/v1/letters?limit=2&cursor=${page2.nextCursor}`, 'GET', undefined, token)).json()) as { items: unknown[]; nextCursor: string | null }
    expect(page3.items).toHaveLength(1)
    expect(page3.nextCursor).toBeNull()
    const bad = await t.json('/api/v1/letters?status=xyz&from=2026-13-01', 'GET', undefined, token)
    expect(bad.status).toBe(422)
  })

  it('malformed bodies get 4xx and store nothing', async () => {
    const t = await testApp()
    const token = await staff(t, ['tiep_dan'])
    const before = t.count('letters')
    expect((await t.json('/api/v1/letters', 'POST', '{"receivedAt":', token)).status).toBe(400)
    expect((await t.json('/api/v1/letters', 'POST', [], token)).status).toBe(422)
    expect((await t.json('/api/v1/letters', 'POST', { ...complaint, senders: 'Nguyễn Văn A' }, token)).status).toBe(422)
    expect((await t.request('/api/v1/letters', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: 'x' })).status).toBe(415)
    expect(t.count('letters')).toBe(before)
    expect(t.count('history')).toBeGreaterThan(0)
  })
})

describe('POST /api/v1/letters/{id}/decision', () => {
  it('accepts the suggestion with an empty body; the letter is then processed', async () => {
    const t = await testApp()
    const token = await staff(t, ['xu_ly_don'])
    const { id } = (await (await t.json('/api/v1/letters', 'POST', complaint, token)).json()) as { id: string }
    const res = await t.json(`/api/v1/letters/${id}/decision`, 'POST', undefined, token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'da_xu_ly', decision: { outcome: 'thu_ly', eligible: true, withinCompetence: true, overrides: false } })
  })

  it('an override needs a note and is logged', async () => {
    const t = await testApp()
    const token = await staff(t, ['xu_ly_don'])
    const { id } = (await (await t.json('/api/v1/letters', 'POST', complaint, token)).json()) as { id: string }
    const before = t.dump('letters')
    const noNote = await t.json(`/api/v1/letters/${id}/decision`, 'POST', { outcome: 'khong_thu_ly' }, token)
    expect(noNote.status).toBe(422)
    expect(((await noNote.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]?.path).toBe('note')
    expect(t.dump('letters')).toEqual(before)
    const ok = await t.json(`/api/v1/letters/${id}/decision`, 'POST', { outcome: 'khong_thu_ly', note: 'Tòa án đã thụ lý vụ án (Thông báo 05/TB-TA).' }, token)
    expect(ok.status).toBe(200)
    const letter = (await ok.json()) as { decision: { outcome: string; overrides: boolean; note: string }; history: Array<{ action: string; reason: string | null }> }
    expect(letter.decision).toMatchObject({ outcome: 'khong_thu_ly', overrides: true })
    expect(letter.history.at(-1)).toMatchObject({ action: 'quyet_dinh_khac_de_xuat', reason: 'Tòa án đã thụ lý vụ án (Thông báo 05/TB-TA).' })
  })

  it('forwarding sends the letter to the competent agency, whose user then sees it but no other agency does', async () => {
    const t = await testApp()
    const officer = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const outside = { ...denunciation, respondent: { agencyCode: 'SO_YT', person: 'Trưởng phòng Nghiệp vụ Y', isHead: false }, field: 'y_te' }
    const created = (await (await t.json('/api/v1/letters', 'POST', outside, officer)).json()) as { id: string; classification: { outcome: string; competentAgencyCode: string } }
    expect(created.classification).toMatchObject({ outcome: 'chuyen_don', competentAgencyCode: 'SO_YT' })
    const decided = await t.json(`/api/v1/letters/${created.id}/decision`, 'POST', {}, officer)
    expect(decided.status).toBe(200)
    expect(await decided.json()).toMatchObject({ status: 'cho_phuc_dap' })
    const soYt = await staff(t, ['co_quan'], 'soyte', 'SO_YT')
    const seen = await t.json(`/api/v1/letters/${created.id}`, 'GET', undefined, soYt)
    expect(seen.status).toBe(200)
    const body = (await seen.json()) as { letter: { senders: unknown[] }; sendersHidden: boolean }
    // a denouncer's identity never reaches the receiving agency (Luật Tố cáo Art. 56)
    expect(body.sendersHidden).toBe(true)
    expect(body.letter.senders).toEqual([])
    expect(JSON.stringify(body)).not.toContain('Lê Thị Hoa')
    expect(JSON.stringify(body)).not.toContain('0912000111')
    const list = (await (await t.json('/api/v1/letters', 'GET', undefined, soYt)).json()) as { items: Array<{ id: string }> }
    expect(list.items.map((i) => i.id)).toEqual([created.id])
    // searching the denouncer's name finds nothing for the agency
    const byName = (await (await t.json('/api/v1/letters?q=le%20thi%20hoa', 'GET', undefined, soYt)).json()) as { items: unknown[] }
    expect(byName.items).toEqual([])
    const other = await staff(t, ['co_quan'], 'sonv', 'SO_NV')
    expect((await t.json(`/api/v1/letters/${created.id}`, 'GET', undefined, other)).status).toBe(403)
  })

  it('a handling role sees the denouncer, and that view is logged', async () => {
    const t = await testApp()
    const officer = await staff(t, ['tiep_dan'])
    const { id } = (await (await t.json('/api/v1/letters', 'POST', denunciation, officer)).json()) as { id: string }
    const res = await t.json(`/api/v1/letters/${id}`, 'GET', undefined, officer)
    const body = (await res.json()) as { letter: { senders: Array<{ name: string }> }; history: Array<{ action: string }> }
    expect(body.letter.senders[0]?.name).toBe('Lê Thị Hoa')
    expect(body.history.map((h) => h.action)).toContain('xem_danh_tinh_nguoi_to_cao')
    const reporter = await staff(t, ['bao_cao'])
    const hidden = (await (await t.json(`/api/v1/letters/${id}`, 'GET', undefined, reporter)).json()) as { sendersHidden: boolean }
    expect(hidden.sendersHidden).toBe(true)
  })

  it('unknown letter → 404; a stale version → 409', async () => {
    const t = await testApp()
    const token = await staff(t, ['xu_ly_don'])
    expect((await t.json('/api/v1/letters/khong-co/decision', 'POST', {}, token)).status).toBe(404)
    expect((await t.json('/api/v1/letters/khong-co', 'GET', undefined, token)).status).toBe(404)
    const { id } = (await (await t.json('/api/v1/letters', 'POST', complaint, token)).json()) as { id: string }
    expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', { version: 1 }, token)).status).toBe(200)
    const before = t.dump('letters')
    const stale = await t.json(`/api/v1/letters/${id}/decision`, 'POST', { version: 1, outcome: 'khong_thu_ly', note: 'Sửa lại' }, token)
    expect(stale.status).toBe(409)
    expect(t.dump('letters')).toEqual(before)
  })
})
