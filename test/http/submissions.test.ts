/**
 * Citizen submissions (API.md): POST /api/v1/submissions, GET /api/v1/submissions/{code}?key=,
 * and the same through the portal's pages. Malformed, oversized and hostile submissions are
 * refused with field messages and store nothing; a resend creates nothing; a wrong key is a 404.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/http/auth/crypto.ts'
import { dbAttachmentStore } from '../../src/db/attachments.ts'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'))
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64')

const complaint = {
  contentType: 'khieu_nai',
  senders: [{ name: 'Nguyễn Văn An', address: 'Thôn 3, xã Sơn Tây', phone: '0905123456', idNumber: '051080001234' }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây' },
  summary: 'Quyết định thu hồi đất số 12/QĐ-UBND không bồi thường cho gia đình tôi.',
  request: 'Hủy quyết định và bồi thường đúng quy định.',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  declaration: true,
}

const denunciation = {
  contentType: 'to_cao',
  senders: [{ name: 'Lê Thị Hoa', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111' }],
  respondent: { agencyCode: 'UBND_PHUONG_CAM_THANH', person: 'Nguyễn Văn Tâm' },
  act: 'Cán bộ địa chính phường nhận tiền để hợp thức hóa đất lấn chiếm.',
  declaration: true,
}

type Receipt = { code: string; accessKey: string; codeFormatted: string; accessKeyFormatted: string; statusUrl: string; dueDate: string }
type Errors = { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } }

const post = (t: TestApp, body: unknown, headers: Record<string, string> = {}) =>
  t.request('/api/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

const TABLES = ['letters', 'letter_senders', 'matters', 'attachments', 'attachment_blobs', 'history'] as const
const snapshot = (t: TestApp) => Object.fromEntries(TABLES.map((table) => [table, t.dump(table)]))

async function staff(t: TestApp, roles: string[], agencyCode?: string) {
  const username = `u${Math.floor(Math.random() * 1e9)}`
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: 'mat-khau-can-bo-123', roles, agencyCode }, await t.token())
  if (res.status !== 201) throw new Error(await res.text())
  return t.token(username, 'mat-khau-can-bo-123')
}

describe('POST /api/v1/submissions', () => {
  it('stores an online letter from a citizen and answers with the code and a one-time access key', async () => {
    const t = await testApp()
    const res = await post(t, complaint)
    expect(res.status).toBe(201)
    const receipt = (await res.json()) as Receipt
    expect(receipt.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(receipt.accessKey).toMatch(/^[2-9A-HJ-NP-Z]{12}$/)
    expect(receipt.codeFormatted).toBe(`${receipt.code.slice(0, 4)}-${receipt.code.slice(4)}`)
    expect(receipt.statusUrl).toBe(`http://localhost/tra-cuu?ma=${receipt.codeFormatted}&khoa=${receipt.accessKeyFormatted}`)

    const [row] = t.dump('letters') as Array<Record<string, unknown>>
    expect(row).toMatchObject({ code: receipt.code, channel: 'truc_tuyen', content_type: 'khieu_nai', received_at: '2026-03-02', created_by: null })
    // only the key's SHA-256 is kept; never the key itself
    expect(row!.access_key_hash).toBe(await sha256Hex(receipt.accessKey))
    expect(JSON.stringify(t.dump('letters'))).not.toContain(receipt.accessKey)
    expect(row!.idempotency_key).toMatch(/^none:[0-9a-f]{64}$/)
    // the declaration makes an online letter count as signed (CONV); receipt date = writing date
    expect(t.dump('letter_senders')).toMatchObject([{ name: 'Nguyễn Văn An', signed: 1 }])
    const suggestion = JSON.parse(row!.suggestion as string) as { eligible: boolean; reasons: string[] }
    expect(suggestion.reasons).toEqual([])
    expect(suggestion.eligible).toBe(true)
    expect(t.dump('history')).toContainEqual(expect.objectContaining({ entity: 'letter', action: 'tiep_nhan', actor_id: null, actor_name: 'Công dân' }))
  })

  it('signs the senders only when the convention says the declaration counts as a signature', async () => {
    const t = await testApp()
    const admin = await t.token()
    const settings = (await (await t.json('/api/v1/settings', 'GET', undefined, admin)).json()) as { conventions: Record<string, boolean> }
    await t.json('/api/v1/settings', 'PUT', { conventions: { ...settings.conventions, onlineDeclarationCountsAsSigned: false } }, admin)
    expect((await post(t, complaint)).status).toBe(201)
    expect(t.dump('letter_senders')).toMatchObject([{ signed: 0 }])
  })

  it('refuses a submission without the declaration, or of a kind a citizen does not file', async () => {
    const t = await testApp()
    const before = snapshot(t)
    for (const [body, path] of [
      [{ ...complaint, declaration: false }, 'declaration'],
      [{ ...complaint, declaration: undefined }, 'declaration'],
      [{ ...complaint, declaration: 'true' }, 'declaration'],
      [{ ...complaint, contentType: 'nhieu_noi_dung' }, 'contentType'],
    ] as const) {
      const res = await post(t, body)
      expect(res.status).toBe(422)
      const { error } = (await res.json()) as Errors
      expect(error.fields.map((f) => f.path)).toContain(path)
    }
    expect(snapshot(t)).toEqual(before)
  })

  it('asks each kind for what it needs, with a message per field', async () => {
    const t = await testApp()
    const before = snapshot(t)
    const cases: Array<[unknown, string[]]> = [
      [{ contentType: 'khieu_nai', declaration: true }, ['senders.0.name', 'senders.0.address', 'respondent.person', 'summary', 'request']],
      [{ contentType: 'to_cao', senders: [{ name: 'An' }], declaration: true }, ['senders.0.address', 'respondent.person', 'act']],
      [{ contentType: 'kien_nghi_phan_anh', senders: [{ name: 'An', address: 'Thôn 1' }], declaration: true }, ['summary']],
      [{ ...complaint, respondent: { agencyCode: 'KHONG_CO' }, location: 'XA_KHONG_CO' }, ['respondent.agencyCode', 'location']],
      [{ ...complaint, decision: { date: '2026-02-30' } }, ['decision.date']],
      [{ ...complaint, decision: { date: '2027-01-01' } }, ['decision.date']],
    ]
    for (const [body, paths] of cases) {
      const res = await post(t, body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      const { error } = (await res.json()) as Errors
      expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(paths))
      for (const f of error.fields) expect(f.message.length).toBeGreaterThan(5)
    }
    expect(snapshot(t)).toEqual(before)
  })

  it('refuses malformed, oversized and hostile bodies with field messages, storing nothing', async () => {
    const t = await testApp()
    const before = snapshot(t)
    const expectFields = async (body: unknown, status: number, paths: string[] = []) => {
      const res = await post(t, body)
      expect(res.status, typeof body === 'string' ? body.slice(0, 80) : JSON.stringify(body).slice(0, 200)).toBe(status)
      const { error } = (await res.json()) as Errors
      expect(error.message.length).toBeGreaterThan(0)
      expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(paths))
      return error
    }
    await expectFields('{"contentType":', 400)
    await expectFields('[]', 422)
    await expectFields('null', 422)
    // every error in one answer: the malformed values and what a complaint needs, not in two rounds
    const all = await expectFields({ contentType: 'khieu_nai', senders: [{ name: '', phone: 'abc' }], summary: '', declaration: false }, 422)
    expect(all.fields.map((f) => f.path).sort()).toEqual(['declaration', 'request', 'respondent.person', 'senders.0.address', 'senders.0.name', 'senders.0.phone', 'summary'])
    expect((await t.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'xin chào' })).status).toBe(415)
    // wrong types
    await expectFields({ ...complaint, senders: 'Nguyễn Văn An', summary: 5, respondent: 'UBND_TINH', field: 'khong_co', complaintRound: 3 }, 422, [
      'senders',
      'summary',
      'respondent',
      'field',
      'complaintRound',
    ])
    await expectFields({ ...complaint, senders: [{ name: ['An'], phone: 'gọi tôi', email: 'khong-phai-email', idNumber: '0510-8000' }] }, 422, [
      'senders.0.name',
      'senders.0.phone',
      'senders.0.email',
      'senders.0.idNumber',
    ])
    // markup, control characters and bidi overrides in text
    const script = await expectFields({ ...complaint, summary: 'Xin xem <script>alert(1)</script>', senders: [{ name: '<img src=x onerror=alert(1)>', address: 'Thôn 3' }] }, 422, [
      'summary',
      'senders.0.name',
    ])
    expect(script.fields.find((f) => f.path === 'summary')?.message).toContain('mã HTML')
    await expectFields({ ...complaint, request: 'Đề nghị\u0000hủy' }, 422, ['request'])
    await expectFields({ ...complaint, senders: [{ name: 'An\u202Eoc', address: 'Thôn 3' }] }, 422, ['senders.0.name'])
    // huge strings and lists
    await expectFields({ ...complaint, summary: 'a'.repeat(10_001) }, 422, ['summary'])
    await expectFields({ ...complaint, senders: Array.from({ length: 51 }, (_, i) => ({ name: `Người ${i}`, address: 'Thôn 1' })) }, 422, ['senders'])
    const huge = await t.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...complaint, summary: 'a'.repeat(3_000_000) }) })
    expect(huge.status).toBe(413)
    // a plain "<" is not markup
    expect((await post(t, { ...complaint, summary: 'Diện tích thu hồi < 300 m², giá bồi thường <3 triệu đồng/m².' })).status).toBe(201)
    expect((await post(t, { ...complaint, summary: 'Giá bồi thường < giá thị trường, a < b, tiền điện ‹ giá quy định, < script>, <\nscript.' })).status).toBe(201)
    for (const summary of ['Xem </b>', 'Xem </ x', 'Xem <!-- x -->', 'Xem <?xml version="1.0"?>', 'Xem <svg onload=x>']) await expectFields({ ...complaint, summary }, 422, ['summary'])
    const after = snapshot(t)
    expect((after.letters as unknown[]).length).toBe(2)
    expect({ ...after, letters: before.letters, letter_senders: before.letter_senders, matters: before.matters, history: before.history }).toEqual(before)
  })

  it('checks attachments by their bytes, not by their names or declared types', async () => {
    const t = await testApp()
    const before = snapshot(t)
    const html = b64('<html><script>alert(1)</script></html>')
    for (const [attachments, path] of [
      [[{ fileName: 'anh.png', mediaType: 'image/png', data: html }], 'attachments.0'],
      [[{ fileName: 'anh.png', mediaType: 'text/html', data: b64(PNG) }], 'attachments.0'],
      [[{ fileName: 'rong.pdf', data: '' }], 'attachments.0'],
      [[{ fileName: 'anh.png', data: 'không phải base64!' }], 'attachments.0.data'],
      [Array.from({ length: 6 }, (_, i) => ({ fileName: `anh-${i}.png`, data: b64(PNG) })), 'attachments'],
      [{ fileName: 'anh.png', data: b64(PNG) }, 'attachments'],
    ] as const) {
      const res = await post(t, { ...denunciation, attachments })
      expect(res.status, path).toBe(422)
      expect(((await res.json()) as Errors).error.fields.map((f) => f.path)).toContain(path)
    }
    expect(snapshot(t)).toEqual(before)

    const ok = await post(t, { ...denunciation, attachments: [{ fileName: '../../etc/ảnh\u0000 chụp.png', mediaType: 'application/octet-stream', data: b64(PNG) }] })
    expect(ok.status).toBe(201)
    const [file] = t.dump('attachments') as Array<{ file_name: string; media_type: string; size: number; storage_key: string; sha256: string }>
    expect(file).toMatchObject({ file_name: 'ảnh chụp.png', media_type: 'image/png', size: PNG.length })
    expect(file!.storage_key).toMatch(/^don\/[A-Za-z0-9_-]{24}$/)
    expect(Buffer.from((await dbAttachmentStore(t.db).get(file!.storage_key))!)).toEqual(Buffer.from(PNG))
  })

  it('takes an anonymous denunciation only with the violator named and evidence attached', async () => {
    const t = await testApp()
    const anonymous = { contentType: 'to_cao', anonymous: true, respondent: { person: 'Công ty TNHH Cát Vàng', private: true }, act: 'Khai thác cát trái phép.', field: 'moi_truong', location: 'XA_SON_TAY', declaration: true }
    const noEvidence = await post(t, anonymous)
    expect(noEvidence.status).toBe(422)
    expect(((await noEvidence.json()) as Errors).error.fields.map((f) => f.path)).toEqual(['attachments'])
    const withName = await post(t, { ...anonymous, senders: denunciation.senders, attachments: [{ fileName: 'a.png', data: b64(PNG) }] })
    expect(((await withName.json()) as Errors).error.fields.map((f) => f.path)).toEqual(['anonymous'])
    const noViolator = await post(t, { ...anonymous, respondent: null, attachments: [{ fileName: 'a.png', data: b64(PNG) }] })
    expect(((await noViolator.json()) as Errors).error.fields.map((f) => f.path)).toContain('respondent.person')
    expect(t.count('letters')).toBe(0)

    const res = await post(t, { ...anonymous, attachments: [{ fileName: 'a.png', data: b64(PNG) }] })
    expect(res.status).toBe(201)
    expect(t.count('letter_senders')).toBe(0)
    const [row] = t.dump('letters') as Array<{ signer_group: string; facts: string; suggestion: string }>
    expect(row!.signer_group).toBe('khac')
    expect(JSON.parse(row!.facts)).toMatchObject({ hasEvidence: true, respondent: { person: 'Công ty TNHH Cát Vàng' } })
    expect(JSON.parse(row!.suggestion)).toMatchObject({ eligible: true })
  })
})

describe('resending a submission', () => {
  it('with the same Idempotency-Key and body returns the same receipt and creates nothing', async () => {
    const t = await testApp()
    const key = 'c6f1d9a2-5b7e-4c1a-9f0e-2d3b4a5c6d7e'
    const first = await post(t, complaint, { 'idempotency-key': key })
    expect(first.status).toBe(201)
    const receipt = (await first.json()) as Receipt
    const before = snapshot(t)
    t.clock.advance(3 * 3600_000)
    const again = await post(t, complaint, { 'idempotency-key': key })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(await again.json()).toEqual(receipt)
    expect(snapshot(t)).toEqual(before)
  })

  it('two identical requests at the same moment make one letter', async () => {
    const t = await testApp()
    const key = 'dong-thoi-0123456789abcdef'
    const [a, b] = await Promise.all([post(t, complaint, { 'idempotency-key': key }), post(t, complaint, { 'idempotency-key': key })])
    expect([a.status, b.status]).toEqual([201, 201])
    const [ra, rb] = (await Promise.all([a.json(), b.json()])) as Receipt[]
    expect(ra!.code).toBe(rb!.code)
    expect(ra!.accessKey).toBe(rb!.accessKey)
    expect(t.count('letters')).toBe(1)
  })

  it('refuses another body under the same key, a key reused after 24 hours, and malformed keys', async () => {
    const t = await testApp()
    const key = 'khoa-gui-lai-0123456789'
    expect((await post(t, complaint, { 'idempotency-key': key })).status).toBe(201)
    const before = snapshot(t)
    const other = await post(t, { ...complaint, summary: 'Nội dung khác hẳn.' }, { 'idempotency-key': key })
    expect(other.status).toBe(409)
    expect(((await other.json()) as Errors).error.message).toContain('Idempotency-Key')
    t.clock.advance(25 * 3600_000)
    const late = await post(t, complaint, { 'idempotency-key': key })
    expect(late.status).toBe(409)
    expect(await late.text()).not.toMatch(/accessKey/)
    for (const bad of ['ngan', 'có dấu-0123456789abcdef', 'x'.repeat(129)]) {
      const res = await t.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': encodeURIComponent(bad) === bad ? bad : 'a b c d e f g h i j k' }, body: JSON.stringify(complaint) })
      expect(res.status).toBe(400)
    }
    expect(snapshot(t)).toEqual(before)
  })

  it('without a key, each request is a new letter', async () => {
    const t = await testApp()
    expect((await post(t, complaint)).status).toBe(201)
    expect((await post(t, complaint)).status).toBe(201)
    expect(t.count('letters')).toBe(2)
  })
})

describe('GET /api/v1/submissions/{code}?key=', () => {
  it('shows stage, outcome, competent agency and due date — never content or identities — and follows the decision', async () => {
    const t = await testApp()
    const receipt = (await (await post(t, denunciation)).json()) as Receipt
    const url = `/api/v1/submissions/${receipt.code}?key=${receipt.accessKey}`
    const res = await t.request(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const status = (await res.json()) as Record<string, unknown>
    expect(status).toMatchObject({ code: receipt.code, status: 'moi', outcome: null, competentAgency: null, dueDate: receipt.dueDate, contentType: 'to_cao' })
    const text = JSON.stringify(status)
    for (const secret of ['Lê Thị Hoa', 'Tổ 5', '0912000111', 'Nguyễn Văn Tâm', 'hợp thức hóa']) expect(text).not.toContain(secret)
    // the formatted forms people type work too
    expect((await t.request(`/api/v1/submissions/${receipt.codeFormatted.toLowerCase()}?key=${receipt.accessKeyFormatted.toLowerCase()}`)).status).toBe(200)

    const handler = await staff(t, ['xu_ly_don'])
    const [letter] = t.dump('letters') as Array<{ id: string }>
    expect((await t.json(`/api/v1/letters/${letter!.id}/decision`, 'POST', {}, handler)).status).toBe(200)
    const decided = (await (await t.request(url)).json()) as Record<string, unknown>
    expect(decided).toMatchObject({
      status: 'cho_phuc_dap',
      outcome: 'chuyen_don',
      outcomeLabel: 'Chuyển đơn đến cơ quan có thẩm quyền',
      competentAgency: { code: 'UBND_PHUONG_CAM_THANH', name: 'Ủy ban nhân dân phường Cẩm Thành' },
    })
    expect(String(decided.outcomeMeaning)).toContain('người tố cáo không được gửi kèm')

    // the receiving agency's user sees the forwarded denunciation without the denouncer
    const agency = await staff(t, ['co_quan'], 'UBND_PHUONG_CAM_THANH')
    const view = await t.json(`/api/v1/letters/${letter!.id}`, 'GET', undefined, agency)
    expect(view.status).toBe(200)
    const body = (await view.json()) as { sendersHidden: boolean }
    expect(body.sendersHidden).toBe(true)
    for (const secret of ['Lê Thị Hoa', 'Tổ 5', '0912000111']) expect(JSON.stringify(body)).not.toContain(secret)
  })

  it('once a denunciation is accepted, the date shown is the resolution deadline; none while suspended or once resolved', async () => {
    const t = await testApp()
    const receipt = (await (await post(t, { ...denunciation, respondent: { agencyCode: 'UBND_TINH', person: 'Nguyễn Văn Tâm' } })).json()) as Receipt
    const url = `/api/v1/submissions/${receipt.code}?key=${receipt.accessKey}`
    const handler = await staff(t, ['xu_ly_don'])
    const [letter] = t.dump('letters') as Array<{ id: string }>
    const decided = (await (await t.json(`/api/v1/letters/${letter!.id}/decision`, 'POST', {}, handler)).json()) as { decision: { outcome: string } }
    expect(decided.decision.outcome).toBe('thu_ly')
    const status = async () => (await (await t.request(url)).json()) as { dueDate: string | null; dueDateMeaning: string | null }
    // accepted 2/3/2026: 30 days (D11) → 1/4/2026
    expect(await status()).toMatchObject({ dueDate: '2026-04-01', dueDateMeaning: 'Giải quyết tố cáo' })
    const act = (action: string, body: unknown) => t.json(`/api/v1/letters/${letter!.id}/resolution/${action}`, 'POST', body, handler)
    expect((await act('suspension', { date: '2026-03-02', ground: 'cho_giam_dinh', reason: 'Chờ giám định.' })).status).toBe(201)
    expect(await status()).toMatchObject({ dueDate: null, dueDateMeaning: 'Việc giải quyết đang tạm đình chỉ: thời hạn tạm dừng.' })
    expect((await act('resumption', { date: '2026-03-02', reason: 'Đã có kết quả.' })).status).toBe(201)
    expect((await act('conclusion', { date: '2026-03-02', number: '5/KL-UBND', finding: 'sai', summary: 'Tố cáo sai.' })).status).toBe(201)
    expect(await status()).toMatchObject({ dueDate: null, dueDateMeaning: null })
  })

  it('answers a wrong key exactly as an unknown code: 404, the same body', async () => {
    const t = await testApp()
    const receipt = (await (await post(t, complaint)).json()) as Receipt
    const wrongKey = await t.request(`/api/v1/submissions/${receipt.code}?key=ABCDEFGHJKMN`)
    const unknown = await t.request('/api/v1/submissions/ABCDEFGH?key=ABCDEFGHJKMN')
    const noKey = await t.request(`/api/v1/submissions/${receipt.code}`)
    const junk = await t.request(`/api/v1/submissions/${'x'.repeat(500)}?key=${'y'.repeat(500)}`)
    for (const res of [wrongKey, unknown, noKey, junk]) expect(res.status).toBe(404)
    const bodies = await Promise.all([wrongKey.text(), unknown.text(), noKey.text(), junk.text()])
    expect(new Set(bodies).size).toBe(1)
  })

  it('cannot reach letters that were not filed online', async () => {
    const t = await testApp()
    const officer = await staff(t, ['tiep_dan'])
    const res = await t.json('/api/v1/letters', 'POST', { receivedAt: '2026-03-02', channel: 'buu_chinh', contentType: 'khieu_nai' }, officer)
    const { code } = (await res.json()) as { code: string }
    // an empty key hashes to a known value: a letter without a key must still not match it
    expect((await t.request(`/api/v1/submissions/${code}?key=`)).status).toBe(404)
    expect((await t.request(`/api/v1/submissions/${code}?key=-`)).status).toBe(404)
  })
})

describe('abuse resistance', () => {
  it('limits letters per address without touching other addresses, and lets a resend through', async () => {
    const t = await testApp()
    const from = (address: string, body: unknown, key?: string) => post(t, body, { 'x-test-address': address, ...(key ? { 'idempotency-key': key } : {}) })
    for (let i = 0; i < 30; i++) {
      const res = await from('198.51.100.1', { ...complaint, summary: `Nội dung số ${i}` }, `gioi-han-${String(i).padStart(12, '0')}`)
      expect(res.status).toBe(201)
    }
    const limited = await from('198.51.100.1', { ...complaint, summary: 'Thêm một đơn' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as Errors).error.message).toContain('thử lại sau')
    // a resend creates nothing, so it is not limited
    expect((await from('198.51.100.1', { ...complaint, summary: 'Nội dung số 0' }, `gioi-han-${'0'.repeat(12)}`)).status).toBe(201)
    expect((await from('198.51.100.2', complaint)).status).toBe(201)
    t.clock.advance(3601_000)
    expect((await from('198.51.100.1', { ...complaint, summary: 'Một giờ sau' })).status).toBe(201)
    expect(t.count('letters')).toBe(32)
  })

  it('a throttled citizen keeps what was typed and is told when to try again', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/phan-anh')
    t.deps.rateLimiter = { hit: async () => ({ ok: false, retryAfterSeconds: 120 }) }
    const page = await b.post('/gui-don/phan-anh', {
      senderRows: '1',
      'senders.0.name': 'Phạm Thị Lan',
      'senders.0.address': 'Thôn 1',
      summary: 'Rác thải tồn đọng.',
      declaration: '1',
      hanh_dong: 'gui',
    })
    expect(page.status).toBe(429)
    expect(page.headers.get('retry-after')).toBe('120')
    const html = await page.text()
    expect(html).toContain('thử lại sau 2 phút')
    expect(html).toContain('value="Phạm Thị Lan"')
    expect(html).toContain('Rác thải tồn đọng.')
    const api = await post(t, complaint)
    expect(api.status).toBe(429)
    expect(api.headers.get('retry-after')).toBe('120')
    const lookup = await b.get('/tra-cuu?ma=ABCD-EFGH&khoa=ABCD-EFGH-JKLM')
    expect(lookup.status).toBe(429)
    expect(t.count('letters')).toBe(0)
  })

  it('never answers a random body with a 5xx, and stores nothing unless it answers 201', async () => {
    const t = await testApp()
    const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.constant('<b>x</b>'), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }))
    const body = fc.record(
      {
        contentType: fc.oneof(fc.constantFrom('khieu_nai', 'to_cao', 'kien_nghi_phan_anh'), junk),
        anonymous: fc.oneof(fc.boolean(), junk),
        senders: fc.oneof(fc.array(fc.record({ name: fc.oneof(fc.string(), junk), address: fc.oneof(fc.string(), junk), phone: junk }, { requiredKeys: [] }), { maxLength: 3 }), junk),
        respondent: fc.oneof(fc.record({ agencyCode: fc.oneof(fc.constantFrom('UBND_TINH', 'KHONG_CO'), junk), person: fc.oneof(fc.string(), junk) }, { requiredKeys: [] }), junk),
        summary: fc.oneof(fc.string(), junk),
        request: fc.oneof(fc.string(), junk),
        act: fc.oneof(fc.string(), junk),
        field: fc.oneof(fc.constantFrom('dat_dai', 'y_te'), junk),
        location: fc.oneof(fc.constantFrom('XA_SON_TAY'), junk),
        decision: fc.oneof(fc.record({ date: fc.oneof(fc.constantFrom('2026-01-10', '2026-02-30'), junk) }, { requiredKeys: [] }), junk),
        attachments: fc.oneof(fc.array(fc.record({ fileName: fc.oneof(fc.string(), junk), data: fc.oneof(fc.base64String(), junk) }, { requiredKeys: [] }), { maxLength: 2 }), junk),
        declaration: fc.oneof(fc.constant(true), junk),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(body.map((b) => JSON.stringify(b)), fc.json(), fc.string()), async (raw) => {
        const before = t.count('letters')
        const res = await post(t, raw, { 'x-test-address': `192.0.2.${Math.floor(Math.random() * 250)}` })
        expect(res.status, raw.slice(0, 300)).toBeLessThan(500)
        if (res.status !== 201) {
          expect(((await res.json()) as Errors).error.message.length).toBeGreaterThan(0)
          expect(t.count('letters')).toBe(before)
        }
      }),
      { numRuns: 300 },
    )
    // no file of a refused submission is left behind
    expect(t.count('attachment_blobs')).toBe(t.count('attachments'))
  })
})

describe('the portal pages', () => {
  const fields = {
    senderRows: '1',
    'senders.0.name': 'Phạm Thị Lan',
    'senders.0.address': 'Thôn 1, xã Sơn Tây',
    summary: 'Đường liên thôn xuống cấp.',
    declaration: '1',
    hanh_dong: 'gui',
  }

  it('need the CSRF token like every other form', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/kien-nghi')
    expect((await b.post('/gui-don/kien-nghi', fields, { csrf: false })).status).toBe(403)
    expect((await b.post('/gui-don/kien-nghi', fields, { origin: 'https://ke-gian.example' })).status).toBe(403)
    expect(t.count('letters')).toBe(0)
    expect((await b.post('/gui-don/kien-nghi', fields)).status).toBe(201)
    expect(t.count('letters')).toBe(1)
  })

  it('a filled spam trap is shown and explained; nothing is stored', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/phan-anh')
    const res = await b.post('/gui-don/phan-anh', { ...fields, website: 'http://spam.example' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Ô này dùng để chặn thư rác')
    expect(html).toContain('value="Phạm Thị Lan"')
    expect(t.count('letters')).toBe(0)
  })

  it('"Thêm người đứng tên" adds a row and keeps what was typed; a resend from the same browser is one letter', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/kien-nghi')
    const more = await b.post('/gui-don/kien-nghi', { ...fields, hanh_dong: 'them-nguoi' })
    expect(more.status).toBe(200)
    const html = await more.text()
    expect(html).toContain('name="senders.1.name"')
    expect(html).toContain('value="Phạm Thị Lan"')
    expect(html).toContain('Đường liên thôn xuống cấp.')
    expect(t.count('letters')).toBe(0)

    const first = await b.post('/gui-don/kien-nghi', fields)
    const again = await b.post('/gui-don/kien-nghi', fields)
    expect([first.status, again.status]).toEqual([201, 201])
    const key = (h: string) => /id="receipt-key">([^<]+)</.exec(h)?.[1]
    const [h1, h2] = await Promise.all([first.text(), again.text()])
    expect(key(h2)).toBe(key(h1))
    expect(h2).toContain('đã được nhận trước đó')
    expect(t.count('letters')).toBe(1)
    // another browser sending the same words is someone else
    const other = new Browser(t)
    await other.get('/gui-don/kien-nghi')
    expect((await other.post('/gui-don/kien-nghi', fields)).status).toBe(201)
    // the same browser correcting its letter sends a new one
    expect((await b.post('/gui-don/kien-nghi', { ...fields, summary: 'Đường liên thôn xuống cấp nặng.' })).status).toBe(201)
    expect(t.count('letters')).toBe(3)
  })

  it('upload limits are checked per file and in total, with the message at the file field', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/phan-anh')
    const form = (files: Array<[string, Uint8Array, string]>) => {
      const data = new FormData()
      for (const [k, v] of Object.entries(fields)) data.append(k, v)
      for (const [name, bytes, type] of files) data.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }))
      return data
    }
    const big = new Uint8Array(5 * 1024 * 1024 + 1)
    big.set(PNG)
    const cases: Array<[Array<[string, Uint8Array, string]>, string]> = [
      [[['lon.png', big, 'image/png']], 'lớn hơn 5 MB'],
      [Array.from({ length: 6 }, (_, i) => [`a${i}.png`, PNG, 'image/png'] as [string, Uint8Array, string]), 'tối đa 5 tệp'],
      [[['trang.html', new TextEncoder().encode('<html></html>'), 'image/png']], 'không phải ảnh'],
    ]
    for (const [files, message] of cases) {
      const res = await b.postMultipart('/gui-don/phan-anh', form(files))
      expect(res.status).toBe(422)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain('id="f-attachments-error"')
      expect(html).toContain('vui lòng chọn lại tệp')
    }
    const tooBig = await b.postMultipart('/gui-don/phan-anh', form([['a.png', new Uint8Array(12 * 1024 * 1024), 'image/png']]))
    expect(tooBig.status).toBe(413)
    expect(t.count('letters') + t.count('attachment_blobs')).toBe(0)

    const ok = await b.postMultipart('/gui-don/phan-anh', form([['a.png', PNG, 'image/png'], ['b.pdf', new TextEncoder().encode('%PDF-1.7\n'), 'application/pdf']]))
    expect(ok.status).toBe(201)
    expect(await ok.text()).toContain('2 tệp')
    expect((t.dump('attachments') as Array<{ media_type: string }>).map((a) => a.media_type).sort()).toEqual(['application/pdf', 'image/png'])
  })

  it('the status page shows the stage without content or identity; a wrong key gets the neutral page', async () => {
    const t = await testApp()
    const receipt = (await (await post(t, denunciation)).json()) as Receipt
    const b = new Browser(t)
    const page = await b.get(`/tra-cuu?ma=${receipt.codeFormatted}&khoa=${receipt.accessKeyFormatted}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('Đã tiếp nhận, đang xem xét để xử lý đơn')
    for (const secret of ['Lê Thị Hoa', 'Tổ 5', '0912000111', 'Nguyễn Văn Tâm', 'hợp thức hóa']) expect(html).not.toContain(secret)
    const wrong = await b.get(`/tra-cuu?ma=${receipt.codeFormatted}&khoa=AAAA-BBBB-CCCC`)
    const unknown = await b.get('/tra-cuu?ma=QQQQ-RRRR&khoa=AAAA-BBBB-CCCC')
    expect([wrong.status, unknown.status]).toEqual([404, 404])
    // the same page but for the code typed back into its field
    const strip = (h: string) => h.replace(/name="ma" type="text" value="[^"]*"/, '')
    expect(strip(await wrong.text())).toBe(strip(await unknown.text()))
    const missing = await b.get('/tra-cuu?ma=ABCD-EFGH')
    expect(missing.status).toBe(422)
    expect(await missing.text()).toContain('Vui lòng nhập mã tra cứu.')
  })

  it('no form post gives a 5xx, whatever its fields hold', async () => {
    const t = await testApp()
    const b = new Browser(t)
    await b.get('/gui-don/khieu-nai')
    const names = ['senderRows', 'senders.0.name', 'senders.0.address', 'senders.1.phone', 'senders.60.name', 'respondent.agencyCode', 'respondent.person', 'respondent.isHead',
      'decision.date', 'decision.knownDate', 'complaintRound', 'summary', 'request', 'act', 'field', 'location', 'anonymous', 'declaration', 'hanh_dong', 'website', '__proto__', 'constructor']
    const value = fc.oneof(fc.string(), fc.constantFrom('1', '0', '-5', '1e9', '31/02/2026', '2026-01-10', 'UBND_TINH', 'them-nguoi', 'gui', '<script>', ''))
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('khieu-nai', 'to-cao', 'kien-nghi', 'phan-anh'), fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 12 }), async (kind, fields) => {
        const res = await b.post(`/gui-don/${kind}`, fields)
        expect(res.status, JSON.stringify(fields)).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
  })

  it('every kind has its form; an unknown kind is a 404', async () => {
    const t = await testApp()
    const b = new Browser(t)
    for (const [slug, title] of [
      ['khieu-nai', 'Gửi đơn khiếu nại'],
      ['to-cao', 'Gửi đơn tố cáo'],
      ['kien-nghi', 'Gửi kiến nghị'],
      ['phan-anh', 'Gửi phản ánh'],
    ]) {
      const res = await b.get(`/gui-don/${slug}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('private, no-cache')
      expect(await res.text()).toContain(`<h1>${title}</h1>`)
    }
    for (const slug of ['khac', 'toString', 'constructor', '__proto__']) expect((await b.get(`/gui-don/${slug}`)).status).toBe(404)
    expect((await b.post('/gui-don/toString', { hanh_dong: 'gui' })).status).toBe(404)
  })
})
