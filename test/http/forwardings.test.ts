/**
 * Letters sent to other agencies and their replies: the reply due date set when forwarding, the
 * forwardings API (list, acknowledge, reply, follow-up), the agency's inbox and forwarding
 * pages, the board's overview — with the role rules and "a rejected request changes nothing".
 */
import { describe, expect, it } from 'vitest'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'
const DAY = 86_400_000

async function staff(t: TestApp, roles: string[], agencyCode?: string) {
  const username = `u${Math.floor(Math.random() * 1e9)}`
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles, agencyCode }, await t.token())
  if (res.status !== 201) throw new Error(await res.text())
  return { username, token: await t.token(username, PASSWORD) }
}

async function browserOf(t: TestApp, username: string) {
  const b = new Browser(t)
  await b.login(username, PASSWORD)
  return b
}

const feedback = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'kien_nghi_phan_anh',
  writtenDate: '2026-02-28',
  field: 'moi_truong',
  location: 'XA_SON_TAY',
  senders: [{ name: 'Phạm Thị Lan', address: 'Thôn 1, xã Sơn Tây', signed: true }],
  summary: 'Bãi rác tự phát gây ô nhiễm nguồn nước sinh hoạt của thôn 1.',
  request: 'Đề nghị dọn bãi rác và xử lý người đổ trộm.',
}

const denunciation = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: '2026-02-27',
  field: 'dat_dai',
  senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
  respondent: { agencyCode: 'UBND_PHUONG_CAM_THANH', person: 'Nguyễn Văn Tâm', isHead: false },
  act: 'Cán bộ địa chính phường nhận tiền để hợp thức hóa đất lấn chiếm.',
  summary: 'Tố cáo cán bộ địa chính nhận hối lộ.',
  hasEvidence: true,
}

interface ForwardingJson {
  id: string
  letterId: string
  agencyCode: string
  kind: string
  sentOn: string
  replyDueOn: string | null
  state: string
  overdue: boolean
  acknowledgedAt: string | null
  reply: { number: string; date: string; result: string } | null
  documentId: string | null
}

async function forwarded(t: TestApp, token: string, letter: unknown) {
  const created = await t.json('/api/v1/letters', 'POST', letter, token)
  if (created.status !== 201) throw new Error(await created.text())
  const { id } = (await created.json()) as { id: string }
  const decided = await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, token)
  if (decided.status !== 200) throw new Error(await decided.text())
  const list = await t.json(`/api/v1/forwardings?letter=${id}`, 'GET', undefined, token)
  const { items } = (await list.json()) as { items: ForwardingJson[] }
  return { letterId: id, forwarding: items[0]! }
}

async function setup() {
  const t = await testApp()
  const handler = await staff(t, ['xu_ly_don'])
  const commune = await staff(t, ['co_quan'], 'UBND_XA_SON_TAY')
  const ward = await staff(t, ['co_quan'], 'UBND_PHUONG_CAM_THANH')
  const a = await forwarded(t, handler.token, feedback)
  const d = await forwarded(t, handler.token, denunciation)
  return { t, handler, commune, ward, feedback: a, denunciation: d }
}

describe('forwarding sets when the reply is due', () => {
  it('the receiving agency’s own handling deadline: D8 for a denunciation, D1 otherwise', async () => {
    const { feedback: a, denunciation: d } = await setup()
    expect(a.forwarding).toMatchObject({ agencyCode: 'UBND_XA_SON_TAY', kind: 'chuyen_don', sentOn: '2026-03-02', replyDueOn: '2026-03-12', state: 'cho_tiep_nhan', overdue: false })
    // 7 working days from Monday 2 March
    expect(d.forwarding).toMatchObject({ agencyCode: 'UBND_PHUONG_CAM_THANH', replyDueOn: '2026-03-11' })
  })
})

describe('GET /api/v1/forwardings', () => {
  it('a receiving agency lists only its own; the board lists all and filters by state', async () => {
    const { t, handler, commune, feedback: a } = await setup()
    const mine = (await (await t.json('/api/v1/forwardings', 'GET', undefined, commune.token)).json()) as { items: ForwardingJson[] }
    expect(mine.items.map((f) => f.id)).toEqual([a.forwarding.id])
    expect((await t.json('/api/v1/forwardings?agency=UBND_PHUONG_CAM_THANH', 'GET', undefined, commune.token)).status).toBe(403)
    expect((await t.json(`/api/v1/forwardings/${a.forwarding.id}`, 'GET', undefined, commune.token)).status).toBe(200)
    const all = (await (await t.json('/api/v1/forwardings?status=cho_tiep_nhan', 'GET', undefined, handler.token)).json()) as { items: ForwardingJson[] }
    expect(all.items).toHaveLength(2)
    expect((await t.json('/api/v1/forwardings?status=xyz', 'GET', undefined, handler.token)).status).toBe(422)
    expect((await t.json('/api/v1/forwardings', 'GET', undefined)).status).toBe(401)
    const admin = await t.token()
    expect((await t.json('/api/v1/forwardings', 'GET', undefined, admin)).status).toBe(403)
  })
})

describe('acknowledge and reply', () => {
  it('only the agency acknowledges; twice is harmless; another agency gets 403', async () => {
    const { t, handler, commune, ward, feedback: a } = await setup()
    expect((await t.json(`/api/v1/forwardings/${a.forwarding.id}/acknowledge`, 'POST', undefined, ward.token)).status).toBe(403)
    expect((await t.json(`/api/v1/forwardings/${a.forwarding.id}/acknowledge`, 'POST', undefined, handler.token)).status).toBe(403)
    expect((await t.json('/api/v1/forwardings/khong-co/acknowledge', 'POST', undefined, commune.token)).status).toBe(404)
    const res = await t.json(`/api/v1/forwardings/${a.forwarding.id}/acknowledge`, 'POST', undefined, commune.token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as ForwardingJson
    expect(body.state).toBe('da_tiep_nhan')
    expect(body.acknowledgedAt).toBe('2026-03-02T02:00:00.000Z')
    const history = t.count('history')
    expect((await t.json(`/api/v1/forwardings/${a.forwarding.id}/acknowledge`, 'POST', undefined, commune.token)).status).toBe(200)
    expect(t.count('history')).toBe(history)
  })

  it('records the reply in one batch: forwarding, letter status and history; bad replies change nothing', async () => {
    const { t, handler, commune, ward, feedback: a } = await setup()
    const path = `/api/v1/forwardings/${a.forwarding.id}/reply`
    const snapshot = () => ({ forwardings: t.dump('forwardings'), letters: t.dump('letters'), history: t.count('history') })
    const before = snapshot()
    const missing = await t.json(path, 'POST', {}, commune.token)
    expect(missing.status).toBe(422)
    expect(((await missing.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(['number', 'date', 'result'])
    const early = await t.json(path, 'POST', { number: '45/UBND', date: '2026-03-01', result: 'Đã xử lý.' }, commune.token)
    expect(early.status).toBe(422)
    expect(JSON.stringify(await early.json())).toContain('không được trước ngày chuyển đơn')
    expect((await t.json(path, 'POST', { number: '45/UBND', date: '2026-03-09', result: 'Đã xử lý.' }, commune.token)).status).toBe(422)
    expect((await t.json(path, 'POST', { number: '45/UBND', date: '2026-03-02', result: 'Đã xử lý.' }, ward.token)).status).toBe(403)
    expect((await t.json(path, 'POST', 'không phải json', commune.token)).status).toBe(400)
    expect(snapshot()).toEqual(before)

    const ok = await t.json(path, 'POST', { number: '45/UBND-TCD', date: '2026-03-02', result: 'Đã tổ chức dọn bãi rác, xử phạt người vi phạm.' }, commune.token)
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as ForwardingJson).reply).toMatchObject({ number: '45/UBND-TCD', date: '2026-03-02' })
    const letter = (await (await t.json(`/api/v1/letters/${a.letterId}`, 'GET', undefined, handler.token)).json()) as { status: string; repliedAt: string; history: Array<{ action: string; reason: string | null }> }
    expect(letter.status).toBe('da_phuc_dap')
    expect(letter.repliedAt).toBe('2026-03-02T02:00:00.000Z')
    expect(letter.history.at(-1)).toMatchObject({ action: 'phuc_dap', reason: 'Đã tổ chức dọn bãi rác, xử phạt người vi phạm.' })
    const again = await t.json(path, 'POST', { number: '46/UBND', date: '2026-03-02', result: 'x' }, commune.token)
    expect(again.status).toBe(409)
    // the reports count it: one reply received in March
    const report = (await (await t.json('/api/v1/reports/tiep-cong-dan?from=2026-03-01&to=2026-03-31', 'GET', undefined, handler.token)).json()) as { xuLyDon: { vanBanPhucDap: number } }
    expect(report.xuLyDon.vanBanPhucDap).toBe(1)
  })
})

describe('follow-up requests (đôn đốc)', () => {
  it('only once the reply is late, by those who forward letters; a new forwarding with its document in one batch', async () => {
    const { t, handler, feedback: a } = await setup()
    const path = `/api/v1/letters/${a.letterId}/follow-up`
    const before = { forwardings: t.count('forwardings'), documents: t.count('documents'), letters: t.dump('letters') }
    const early = await t.json(path, 'POST', {}, handler.token)
    expect(early.status).toBe(409)
    expect(JSON.stringify(await early.json())).toContain('Chưa quá hạn phúc đáp (hạn 12/03/2026)')
    expect({ forwardings: t.count('forwardings'), documents: t.count('documents'), letters: t.dump('letters') }).toEqual(before)

    t.clock.advance(11 * DAY) // 13 March: one day late
    const reporter = await staff(t, ['bao_cao'])
    const officer = await staff(t, ['tiep_dan'])
    const fresh = await staff(t, ['xu_ly_don'])
    const agency = await staff(t, ['co_quan'], 'UBND_XA_SON_TAY')
    expect((await t.json(path, 'POST', {}, reporter.token)).status).toBe(403)
    expect((await t.json(path, 'POST', {}, officer.token)).status).toBe(403)
    expect((await t.json(path, 'POST', {}, agency.token)).status).toBe(403)
    const late = (await (await t.json('/api/v1/forwardings?status=qua_han', 'GET', undefined, fresh.token)).json()) as { items: ForwardingJson[] }
    expect(late.items.map((f) => f.id)).toContain(a.forwarding.id)

    const sent = await t.json(path, 'POST', { note: 'Quá hạn 01 ngày.' }, fresh.token)
    expect(sent.status).toBe(201)
    const body = (await sent.json()) as ForwardingJson
    expect(body).toMatchObject({ kind: 'don_doc', agencyCode: 'UBND_XA_SON_TAY', sentOn: '2026-03-13', replyDueOn: '2026-03-23', state: 'cho_tiep_nhan' })
    const doc = (await (await t.json(`/api/v1/letters/${a.letterId}/documents/${body.documentId}`, 'GET', undefined, fresh.token)).json()) as { template: string; addresseeAgencyCode: string; content: { body: Array<{ text: string }> } }
    expect(doc.template).toBe('tt05_don_doc')
    expect(doc.addresseeAgencyCode).toBe('UBND_XA_SON_TAY')
    expect(JSON.stringify(doc.content)).toContain('từ ngày 02/3/2026')
    // the original is no longer "late": the follow-up's own date counts now
    const lateNow = (await (await t.json('/api/v1/forwardings?status=qua_han', 'GET', undefined, fresh.token)).json()) as { items: ForwardingJson[] }
    expect(lateNow.items).toHaveLength(1)
    expect(lateNow.items[0]!.agencyCode).toBe('UBND_PHUONG_CAM_THANH')
    // a second request right away: the latest one is not late yet
    expect((await t.json(path, 'POST', {}, fresh.token)).status).toBe(409)

    // the agency sees the follow-up too, and replying to either answers both
    const inbox = (await (await t.json('/api/v1/forwardings?status=chua_phuc_dap', 'GET', undefined, agency.token)).json()) as { items: ForwardingJson[] }
    expect(inbox.items.map((f) => f.kind).sort()).toEqual(['chuyen_don', 'don_doc'])
    const reply = await t.json(`/api/v1/forwardings/${body.id}/reply`, 'POST', { number: '50/UBND', date: '2026-03-13', result: 'Đã xử lý xong.' }, agency.token)
    expect(reply.status).toBe(200)
    const answered = (await (await t.json('/api/v1/forwardings?status=da_phuc_dap', 'GET', undefined, agency.token)).json()) as { items: ForwardingJson[] }
    expect(answered.items).toHaveLength(2)
    expect((await t.json(`/api/v1/forwardings/${a.forwarding.id}/reply`, 'POST', { number: '51/UBND', date: '2026-03-13', result: 'x' }, agency.token)).status).toBe(409)
    expect((await t.json(path, 'POST', {}, fresh.token)).status).toBe(409)
    expect((await t.json('/api/v1/letters/khong-co/follow-up', 'POST', {}, fresh.token)).status).toBe(404)
  })
})

describe('the agency’s pages', () => {
  it('inbox: only its own forwardings; confirms receipt in place with htmx; another agency’s page is 403', async () => {
    const { t, commune, ward, denunciation: d, feedback: a } = await setup()
    const b = await browserOf(t, commune.username)
    const html = await (await b.get('/can-bo/co-quan')).text()
    expect(html).toContain(`id="fw-${a.forwarding.id}"`)
    expect(html).not.toContain(d.forwarding.id)
    expect((await b.get(`/can-bo/co-quan/${d.forwarding.id}`)).status).toBe(403)
    expect((await b.post(`/can-bo/co-quan/${d.forwarding.id}/tiep-nhan`, {})).status).toBe(403)
    expect((await b.post(`/can-bo/co-quan/${d.forwarding.id}/phuc-dap`, { number: '1', date: '02/03/2026', result: 'x' })).status).toBe(403)
    expect(t.dump('forwardings').every((f) => (f as { acknowledged_at: string | null }).acknowledged_at === null)).toBe(true)

    // htmx: the entry comes back as a fragment, confirmed
    const tabCount = (html: string, key: string) => Number(new RegExp(`tab=${key}"[^>]*>[^<]*<span class="tabs__count">(\\d+)<`).exec(html)?.[1])
    expect(tabCount(html, 'cho_tiep_nhan')).toBe(1)
    const body = new URLSearchParams({ _csrf: b.csrf, next: 'hop-thu', tab: 'cho_tiep_nhan' })
    const res = await t.request(`/can-bo/co-quan/${a.forwarding.id}/tiep-nhan`, {
      method: 'POST',
      headers: { 'hx-request': 'true', 'hx-request-type': 'partial', 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body,
    })
    expect(res.status).toBe(200)
    const fragment = await res.text()
    expect(fragment.startsWith(`<li class="inbox-item" id="fw-${a.forwarding.id}"`)).toBe(true)
    expect(fragment).toContain('Cơ quan đã tiếp nhận, chưa phúc đáp')
    expect(fragment).not.toContain('Xác nhận đã nhận')
    // and the tabs again, out of band, with the counts after the confirmation (the tab still current)
    expect(fragment).toContain('<nav class="tabs" id="inbox-tabs" aria-label="Trạng thái" hx-swap-oob="true">')
    expect(tabCount(fragment, 'cho_tiep_nhan')).toBe(0)
    expect(fragment).toMatch(/href="\/can-bo\/co-quan\?tab=cho_tiep_nhan" class="tabs__tab" aria-current="page"/)

    // without JavaScript: a redirect back
    const w = await browserOf(t, ward.username)
    const plain = await w.post(`/can-bo/co-quan/${d.forwarding.id}/tiep-nhan`, {})
    expect(plain.status).toBe(303)
    expect(plain.headers.get('location')).toBe(`/can-bo/co-quan/${d.forwarding.id}?ok=tiep-nhan`)
    // the ward's page of the denunciation: no denouncer anywhere
    const page = await (await w.get(`/can-bo/co-quan/${d.forwarding.id}?ok=tiep-nhan`)).text()
    expect(page).toContain('Đã xác nhận tiếp nhận đơn.')
    expect(page).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)
    expect(page).toContain('Phiếu chuyển đơn tố cáo')
    expect(page).not.toContain('Thông báo về việc chuyển đơn tố cáo')
  })

  it('reply form: errors next to the fields with the input kept; then the board sees the reply', async () => {
    const { t, handler, commune, feedback: a } = await setup()
    const b = await browserOf(t, commune.username)
    const before = t.dump('forwardings')
    const bad = await b.post(`/can-bo/co-quan/${a.forwarding.id}/phuc-dap`, { number: '', date: '31/02/2026', result: 'Đã dọn bãi rác.' })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-number-error">Nhập số, ký hiệu văn bản phúc đáp.</)
    expect(html).toMatch(/id="f-date-error">Ngày văn bản phải có dạng dd\/mm\/yyyy/)
    expect(html).toContain('value="31/02/2026"')
    expect(html).toContain('Đã dọn bãi rác.')
    const future = await b.post(`/can-bo/co-quan/${a.forwarding.id}/phuc-dap`, { number: '45/UBND', date: '05/03/2026', result: 'Đã dọn bãi rác.' })
    expect(future.status).toBe(422)
    expect(await future.text()).toContain('Ngày văn bản phúc đáp không được sau ngày hôm nay.')
    expect(t.dump('forwardings')).toEqual(before)

    const ok = await b.post(`/can-bo/co-quan/${a.forwarding.id}/phuc-dap`, { number: '45/UBND-TCD', date: '02/03/2026', result: 'Đã dọn bãi rác, xử phạt người đổ trộm.' })
    expect(ok.status).toBe(303)
    expect(await (await b.get(ok.headers.get('location')!)).text()).toContain('id="reply-recorded"')

    const board = await browserOf(t, handler.username)
    const overview = await (await board.get('/can-bo/co-quan/tong-hop')).text()
    expect(overview).toContain('45/UBND-TCD')
    expect(overview).toContain('Đã dọn bãi rác, xử phạt người đổ trộm.')
    const casePage = await (await board.get(`/can-bo/don/${a.letterId}`)).text()
    expect(casePage).toContain('Văn bản phúc đáp số 45/UBND-TCD')
    expect(casePage).toContain('Đã có phúc đáp')
    expect(casePage).toContain('Ghi nhận văn bản phúc đáp')
    // a board user on /can-bo/co-quan is sent to the overview
    expect((await board.get('/can-bo/co-quan')).headers.get('location')).toBe('/can-bo/co-quan/tong-hop')
  })

  it('the board sees late agencies and sends a follow-up from the overview', async () => {
    const { t, feedback: a } = await setup()
    t.clock.advance(11 * DAY)
    const handler = await staff(t, ['xu_ly_don'])
    const b = await browserOf(t, handler.username)
    const overview = await (await b.get('/can-bo/co-quan/tong-hop')).text()
    expect(overview).toContain('id="overdue-list"')
    expect(overview).toContain(`value="${a.forwarding.id}"`)
    const res = await b.post(`/can-bo/don/${a.letterId}/don-doc`, { forwardingId: a.forwarding.id, next: 'tong-hop' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/can-bo/co-quan/tong-hop?ok=don-doc')
    const after = await (await b.get('/can-bo/co-quan/tong-hop?ok=don-doc')).text()
    expect(after).toContain('Đã lập văn bản đôn đốc gửi cơ quan.')
    expect(after).not.toContain(`value="${a.forwarding.id}"`)
    // sending it again from a stale page is refused, and says why
    const again = await b.post(`/can-bo/don/${a.letterId}/don-doc`, { forwardingId: a.forwarding.id })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('Đã có văn bản đôn đốc mới hơn cho đơn này.')
    const reporter = await staff(t, ['bao_cao'])
    const r = await browserOf(t, reporter.username)
    expect((await r.post(`/can-bo/don/${a.letterId}/don-doc`, { forwardingId: a.forwarding.id })).status).toBe(403)
  })
})
