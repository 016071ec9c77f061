/**
 * The letters workspace pages (/can-bo/don, /can-bo/vu-viec): registration with the live
 * classification, the triage queue, the case page and its decision, role rules, and that every
 * rejected post changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'

async function staff(t: TestApp, roles: string[], agencyCode?: string) {
  const username = `u${Math.floor(Math.random() * 1e9)}`
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles, agencyCode }, await t.token())
  if (res.status !== 201) throw new Error(await res.text())
  const browser = new Browser(t)
  await browser.login(username, PASSWORD)
  return { browser, token: await t.token(username, PASSWORD), id: ((await res.json()) as { id: string }).id, displayName: `Cán bộ ${username}` }
}

/** A paper complaint against the commune's decision, as the form sends it. */
const complaintForm = (round: '1' | '2' = '1'): Record<string, string> => ({
  receivedAt: '02/03/2026',
  channel: 'buu_chinh',
  contentType: 'khieu_nai',
  writtenDate: '25/02/2026',
  senderRows: '1',
  'senders.0.name': 'Đặng Văn Đức',
  'senders.0.address': 'Thôn 3, xã Sơn Tây',
  'senders.0.phone': '0905123456',
  'senders.0.signed': '1',
  'respondent.agencyCode': 'UBND_XA_SON_TAY',
  'respondent.person': 'Chủ tịch Ủy ban nhân dân xã Sơn Tây',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi.',
  request: 'Hủy Quyết định số 12/QĐ-UBND.',
  complaintRound: round,
  'decision.number': '12/QĐ-UBND',
  hanh_dong: 'luu',
})

const denunciation = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: '2026-02-27',
  field: 'dat_dai',
  senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
  respondent: { agencyCode: 'UBND_PHUONG_CAM_THANH', person: 'Nguyễn Văn Tâm', isHead: false },
  act: 'Tôi là Le Thi Hoa Mai, cán bộ địa chính phường nhận tiền để hợp thức hóa đất lấn chiếm.',
  summary: 'Tố cáo cán bộ địa chính nhận hối lộ.',
  hasEvidence: true,
}

const HX = { 'hx-request': 'true', 'hx-request-type': 'partial' }

async function register(b: Browser, fields: Record<string, string>) {
  const res = await b.post('/can-bo/don/moi', fields)
  if (res.status !== 303) throw new Error(`registration failed: ${res.status}`)
  const location = res.headers.get('location')!
  return { id: /\/can-bo\/don\/([^?]+)/.exec(location)![1]!, location }
}

async function apiLetter(t: TestApp, token: string, body: unknown) {
  const res = await t.json('/api/v1/letters', 'POST', body, token)
  if (res.status !== 201) throw new Error(await res.text())
  return (await res.json()) as { id: string; code: string; matterId: string }
}

describe('access to the letters workspace', () => {
  it('needs sign-in; each page needs its role; a receiving agency has no queue', async () => {
    const t = await testApp()
    const anon = new Browser(t)
    const res = await anon.get('/can-bo/don')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fcan-bo%2Fdon')
    expect((await anon.get('/can-bo/vu-viec/abc')).status).toBe(303)

    const reporter = (await staff(t, ['bao_cao'])).browser
    expect((await reporter.get('/can-bo/don')).status).toBe(200)
    expect((await reporter.get('/can-bo/don/moi')).status).toBe(403)
    const agency = (await staff(t, ['co_quan'], 'UBND_XA_SON_TAY')).browser
    expect((await agency.get('/can-bo/don')).status).toBe(403)
    expect((await agency.get('/can-bo/don/moi')).status).toBe(403)
    expect((await agency.get('/can-bo/co-quan/tong-hop')).status).toBe(403)
    expect((await agency.get('/can-bo/vu-viec/abc')).status).toBe(403)
    expect((await agency.get('/can-bo/co-quan/khong-co')).status).toBe(404)
    expect((await reporter.get('/can-bo/co-quan')).headers.get('location')).toBe('/can-bo/co-quan/tong-hop')
    const before = t.count('letters')
    expect((await agency.post('/can-bo/don/moi', complaintForm())).status).toBe(403)
    expect((await reporter.post('/can-bo/don/moi', complaintForm())).status).toBe(403)
    expect(t.count('letters')).toBe(before)
  })
})

describe('registering a letter', () => {
  it('shows the live classification as a fragment for htmx: round 2 moves the complaint to the province and to thụ lý', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['tiep_dan'])
    await b.get('/can-bo/don/moi')
    const ask = async (round: '1' | '2') => {
      const res = await b.post('/can-bo/don/moi/phan-loai', { ...complaintForm(round), hanh_dong: '' })
      return res
    }
    // without htmx the route answers the whole page (no JavaScript: the "Xem đề xuất" button)
    const full = await ask('1')
    expect(full.status).toBe(200)
    expect(await full.text()).toContain('<html')
    const partial = async (round: '1' | '2') => {
      const body = new URLSearchParams({ ...complaintForm(round), _csrf: b.csrf })
      const res = await t.request('/can-bo/don/moi/phan-loai', {
        method: 'POST',
        headers: { ...HX, 'content-type': 'application/x-www-form-urlencoded', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), origin: 'http://localhost' },
        body,
      })
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).not.toContain('<html')
      return html
    }
    const first = await partial('1')
    expect(first).toMatch(/id="suggested-outcome"><strong>Hướng dẫn<\/strong>/)
    expect(first).toContain('id="suggested-agency">Ủy ban nhân dân xã Sơn Tây<')
    const second = await partial('2')
    expect(second).toMatch(/id="suggested-outcome"><strong>Đề xuất thụ lý<\/strong>/)
    expect(second).toContain('id="suggested-agency">Ủy ban nhân dân tỉnh Quảng Ngãi<')
    expect(second).toContain('Luật Khiếu nại')
    // nothing is stored by looking
    expect(t.count('letters')).toBe(0)
  })

  it('says what is missing, suggests the type from the text, and lists earlier letters of the same sender', async () => {
    const t = await testApp()
    const { browser: b, token } = await staff(t, ['tiep_dan'])
    await b.get('/can-bo/don/moi')
    const empty = await (await b.post('/can-bo/don/moi', { receivedAt: '02/03/2026', summary: 'Tôi tố cáo ông A nhận hối lộ, tham nhũng tiền hỗ trợ.', hanh_dong: 'phan-loai' })).text()
    expect(empty).toContain('Chọn nguồn đơn (đơn đến từ đâu).')
    expect(empty).toContain('Chọn loại đơn.')
    expect(empty).toMatch(/id="suggested-type">[^<]*<strong>tố cáo<\/strong>/)

    const earlier = await apiLetter(t, token, { ...denunciation, contentType: 'khieu_nai', senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', signed: true }] })
    const again = await (await b.post('/can-bo/don/moi', { ...complaintForm(), hanh_dong: 'phan-loai' })).text()
    expect(again).toContain(`href="/can-bo/don/${earlier.id}"`)
    expect(again).toContain(`${earlier.code.slice(0, 4)}-${earlier.code.slice(4)}`)
  })

  it('adds signer rows without JavaScript, keeping what was typed; with htmx the page is the same (hx-select)', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['tiep_dan'])
    await b.get('/can-bo/don/moi')
    const res = await b.post('/can-bo/don/moi', { ...complaintForm(), hanh_dong: 'them-nguoi' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('id="f-senders-1-name"')
    expect(html).toMatch(/id="f-senders-1-name"[^>]*autofocus/)
    expect(html).toContain('value="Đặng Văn Đức"')
    expect(html).toContain('name="senderRows" value="2"')
    expect(t.count('letters')).toBe(0)
  })

  it('re-shows the form with the input kept and Vietnamese messages next to the fields; nothing is stored', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['tiep_dan'])
    await b.get('/can-bo/don/moi')
    const before = { letters: t.dump('letters'), history: t.count('history'), matters: t.count('matters') }
    const res = await b.post('/can-bo/don/moi', {
      ...complaintForm(),
      receivedAt: '31/02/2026',
      channel: 'dai_bieu_chuyen',
      'senders.0.phone': 'không có',
      'respondent.agencyCode': 'KHONG_CO',
      summary: '',
      'pendingAt.since': '01/02/2026',
    })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    // the form takes dd/mm/yyyy, and its messages say so (the API's say YYYY-MM-DD)
    expect(html).toMatch(/id="f-receivedAt-error">Ngày nhận đơn phải có dạng ngày\/tháng\/năm \(dd\/mm\/yyyy\) và là ngày có thật./)
    expect(html).not.toContain('YYYY-MM-DD')
    expect(html).toMatch(/id="f-senders-0-phone-error">Số điện thoại chỉ gồm chữ số/)
    expect(html).toMatch(/id="f-summary-error">Nhập tóm tắt nội dung đơn.</)
    expect(html).toMatch(/id="f-forwardedBy-name-error">Đơn do nơi khác chuyển đến: ghi rõ cơ quan, người đã chuyển.</)
    expect(html).toMatch(/id="f-respondent-agencyCode-error">Cơ quan này không có trong danh bạ.</)
    expect(html).toMatch(/id="f-pendingAt-agencyCode-error">Chọn cơ quan đang giải quyết vụ việc/)
    // the summary links to each field; the rarely used part is open because one of its fields is wrong
    expect(html).toContain('href="#f-senders-0-phone"')
    expect(html).toMatch(/<details class="form-section more-facts" open/)
    expect(html).toContain('value="31/02/2026"')
    expect(html).toContain('value="không có"')
    expect(html).toContain('value="Đặng Văn Đức"')
    expect(t.dump('letters')).toEqual(before.letters)
    expect(t.count('history')).toBe(before.history)
    expect(t.count('matters')).toBe(before.matters)

    // a date in the future, a written date after receipt
    const later = await b.post('/can-bo/don/moi', { ...complaintForm(), receivedAt: '10/03/2026', writtenDate: '11/03/2026' })
    expect(later.status).toBe(422)
    const text = await later.text()
    expect(text).toContain('Ngày nhận đơn không được sau ngày hôm nay.')
    expect(text).toContain('Ngày viết đơn không được sau ngày nhận đơn.')
    expect(t.count('letters')).toBe(0)

    // a post without the CSRF token is refused before anything is read
    expect((await b.post('/can-bo/don/moi', complaintForm(), { csrf: false })).status).toBe(403)
    expect(t.count('letters')).toBe(0)
  })

  it('stores the letter with the officer as registrant acting for the citizen, and opens its case page', async () => {
    const t = await testApp()
    const officer = await staff(t, ['tiep_dan'])
    await officer.browser.get('/can-bo/don/moi')
    const { id, location } = await register(officer.browser, complaintForm())
    expect(location).toBe(`/can-bo/don/${id}?ok=dang-ky`)
    const row = t.dump('letters')[0] as { created_by: string; channel: string; facts: string }
    expect(row.created_by).toBe(officer.id)
    expect(JSON.parse(row.facts)).toMatchObject({ receivedAt: '2026-03-02', writtenDate: '2026-02-25', complaintRound: 1, decision: { number: '12/QĐ-UBND' } })
    const history = t.dump('history').filter((h) => (h as { entity_id: string }).entity_id === id) as Array<{ action: string; actor_id: string; on_behalf_of: string | null }>
    expect(history).toEqual([expect.objectContaining({ action: 'tiep_nhan', actor_id: officer.id, on_behalf_of: 'Đặng Văn Đức' })])
    // the API filters by who registered it
    const mine = (await (await t.json(`/api/v1/letters?registeredBy=${officer.id}`, 'GET', undefined, officer.token)).json()) as { items: unknown[] }
    expect(mine.items).toHaveLength(1)
    const others = (await (await t.json('/api/v1/letters?registeredBy=khac', 'GET', undefined, officer.token)).json()) as { items: unknown[] }
    expect(others.items).toHaveLength(0)
    const page = await (await officer.browser.get(location)).text()
    expect(page).toContain('Đã vào sổ đơn.')
    expect(page).toMatch(/id="suggestion-outcome">Hướng dẫn</)
    expect(page).toContain(officer.displayName)

    // the same form sent twice (double click, Back and send again) is one letter; edited, it is another
    const form = { ...complaintForm(), formKey: 'khoa-mau-don-0001', summary: 'Khiếu nại việc cấp giấy chứng nhận.' }
    const once = await register(officer.browser, form)
    const twice = await register(officer.browser, form)
    expect(twice.id).toBe(once.id)
    const edited = await register(officer.browser, { ...form, request: 'Thu hồi giấy chứng nhận đã cấp.' })
    expect(edited.id).not.toBe(once.id)
    expect(t.count('letters')).toBe(3)

    // a denunciation registered by an officer: the history does not name the denouncer
    const { id: secret } = await register(officer.browser, {
      ...complaintForm(),
      contentType: 'to_cao',
      'senders.0.name': 'Lê Thị Hoa Mai',
      act: 'Nhận tiền để làm hồ sơ đất.',
      hasEvidence: '1',
    })
    const logged = t.dump('history').filter((h) => (h as { entity_id: string }).entity_id === secret) as Array<{ on_behalf_of: string | null }>
    expect(logged[0]!.on_behalf_of).toBeNull()
  })
})

describe('the case page and the decision', () => {
  it('accepts the suggestion in one click and lists the documents to print', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['xu_ly_don'])
    const { id } = await register(b, complaintForm())
    const res = await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'theo-de-xuat', version: '1' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/can-bo/don/${id}?ok=quyet-dinh#documents`)
    const page = await (await b.get(`/can-bo/don/${id}?ok=quyet-dinh`)).text()
    expect(page).toMatch(/id="decision-outcome"><strong>Hướng dẫn<\/strong>/)
    const doc = /href="(\/can-bo\/don\/[^"]+\/van-ban\/[^".]+)" class="document-link">Văn bản hướng dẫn/.exec(page)
    expect(doc).not.toBeNull()
    const print = await b.get(doc![1]!)
    expect(print.status).toBe(200)
    expect(await print.text()).toContain('Mẫu số 02')
    expect(page).toContain('Quyết định xử lý theo đề xuất')
  })

  it('an override needs a note; a stale version is a conflict; neither changes anything', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['xu_ly_don'])
    const { id } = await register(b, complaintForm())
    const before = { letters: t.dump('letters'), decisions: t.count('letter_decisions'), documents: t.count('documents'), history: t.count('history') }
    const noNote = await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'khac', version: '1', outcome: 'luu_don', competentAgencyCode: '', note: '' })
    expect(noNote.status).toBe(422)
    const html = await noNote.text()
    expect(html).toContain('Khi không theo đề xuất của hệ thống, cần ghi rõ lý do.')
    expect(html).toMatch(/<details class="decision-other" open/)
    expect(html).toMatch(/<option value="luu_don" selected/)
    const badOutcome = await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'khac', version: '1', outcome: 'xoa_don', note: 'x' })
    expect(badOutcome.status).toBe(422)
    const stale = await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'theo-de-xuat', version: '7' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Đơn vừa được người khác cập nhật.')
    expect(t.dump('letters')).toEqual(before.letters)
    expect(t.count('letter_decisions')).toBe(before.decisions)
    expect(t.count('documents')).toBe(before.documents)
    // viewing the page logs nothing for a complaint
    expect(t.count('history')).toBe(before.history)

    const ok = await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'khac', version: '1', outcome: 'luu_don', note: 'Đơn photo, không có bản gốc.' })
    expect(ok.status).toBe(303)
    const page = await (await b.get(`/can-bo/don/${id}`)).text()
    expect(page).toContain('Khác đề xuất')
    expect(page).toContain('Đơn photo, không có bản gốc.')
    expect(page).toContain('Quyết định xử lý khác đề xuất')
    // a tiep_dan may look but not decide
    const officer = (await staff(t, ['tiep_dan'])).browser
    expect((await officer.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'theo-de-xuat', version: '2' })).status).toBe(403)
  })

  it('shows a denouncer only to the roles handling denunciations, logs each view, and never to the receiving agency', async () => {
    const t = await testApp()
    const handler = await staff(t, ['xu_ly_don'])
    const { id } = await apiLetter(t, handler.token, denunciation)
    const logged = () => t.dump('history').filter((h) => (h as { action: string }).action === 'xem_danh_tinh_nguoi_to_cao').length
    const page = await (await handler.browser.get(`/can-bo/don/${id}`)).text()
    expect(page).toContain('Lê Thị Hoa Mai')
    expect(logged()).toBe(1)

    const reporter = (await staff(t, ['bao_cao'])).browser
    const hidden = await (await reporter.get(`/can-bo/don/${id}`)).text()
    expect(hidden).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)
    expect(hidden).toContain('Người tố cáo (giữ bí mật)')
    expect(logged()).toBe(1)
    // nor in the queue, nor found by the name
    const queue = await (await reporter.get('/can-bo/don?tab=tat_ca')).text()
    expect(queue).not.toContain('Hoa Mai')
    // no list names a denouncer, not even for the roles that may see them (the case page does, logged)
    const handlerQueue = await (await handler.browser.get('/can-bo/don?tab=tat_ca')).text()
    expect(handlerQueue).not.toContain('Hoa Mai')
    expect(handlerQueue).toContain('Người tố cáo (giữ bí mật)')
    expect(logged()).toBe(1)
    // the sender's phone is only in the identity: found by those who may see it
    expect(await (await reporter.get('/can-bo/don?tab=tat_ca&q=0912000111')).text()).toContain('Không có đơn nào.')
    expect(await (await handler.browser.get('/can-bo/don?tab=tat_ca&q=0912000111')).text()).toContain('1 đơn.')

    // forwarded to the ward: its user sees the letter, never who sent it
    await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, handler.token)
    const ward = (await staff(t, ['co_quan'], 'UBND_PHUONG_CAM_THANH')).browser
    const seen = await ward.get(`/can-bo/don/${id}`)
    expect(seen.status).toBe(200)
    const wardHtml = await seen.text()
    expect(wardHtml).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)
    expect(wardHtml).toContain('Tôi là ***, cán bộ địa chính phường nhận tiền')
    expect(wardHtml).not.toContain('id="timeline"')
    // another agency's user: 403 on the letter and on its documents
    const other = (await staff(t, ['co_quan'], 'UBND_XA_SON_TAY')).browser
    expect((await other.get(`/can-bo/don/${id}`)).status).toBe(403)
    const docId = (t.dump('documents') as Array<{ id: string; letter_id: string }>).find((d) => d.letter_id === id)!.id
    expect((await other.get(`/can-bo/don/${id}/van-ban/${docId}`)).status).toBe(403)
    expect((await other.get('/can-bo/don/khong-co-don-nay')).status).toBe(404)
  })

  it('shows the deadlines: handling, resolution after acceptance, and the 45-day escalation from 1 July 2026', async () => {
    const t = await testApp({ now: new Date('2026-07-02T02:00:00Z') })
    const { browser: b } = await staff(t, ['xu_ly_don'])
    const { id } = await register(b, { ...complaintForm('2'), receivedAt: '01/07/2026', writtenDate: '30/06/2026' })
    let page = await (await b.get(`/can-bo/don/${id}`)).text()
    // D2 from 1 July 2026: 7 working days
    expect(page).toMatch(/id="deadline-xu-ly">10\/07\/2026/)
    // 45 days end on Saturday 15 August: the next working day (BLDS Art. 148)
    expect(page).toMatch(/id="deadline-canh-bao-45">17\/08\/2026/)
    await b.post(`/can-bo/don/${id}/quyet-dinh`, { cach: 'theo-de-xuat', version: '1' })
    page = await (await b.get(`/can-bo/don/${id}`)).text()
    // a second complaint accepted on 2 July: D4, 45 days
    expect(page).toMatch(/id="deadline-giai-quyet">17\/08\/2026[\s\S]*?\(D4\)/)
    t.clock.advance(60 * 86_400_000)
    const later = await staff(t, ['xu_ly_don'])
    const late = await apiLetter(t, later.token, { ...denunciation, receivedAt: '2026-07-02' })
    page = await (await later.browser.get(`/can-bo/don/${late.id}`)).text()
    expect(page).toContain('Đơn chưa được xử lý quá 45 ngày')
  })
})

describe('the triage queue', () => {
  it('counts letters per tab, flags overdue ones, finds a sender typed without diacritics', async () => {
    const t = await testApp()
    const { browser: b, token } = await staff(t, ['xu_ly_don', 'tiep_dan'])
    const a = await register(b, complaintForm())
    await apiLetter(t, token, { ...denunciation, receivedAt: '2026-02-10', writtenDate: '2026-02-09' })
    const decided = await apiLetter(t, token, { ...denunciation, senders: [{ name: 'Phạm Thị Lan', address: 'Thôn 1', phone: '0905000111', signed: true }] })
    await t.json(`/api/v1/letters/${decided.id}/decision`, 'POST', {}, token)
    const html = await (await b.get('/can-bo/don')).text()
    const count = (tab: string) => Number(new RegExp(`id="tab-${tab}"[^>]*>[^<]*<span class="tabs__count">(\\d+)<`).exec(html)?.[1])
    expect(count('moi')).toBe(2)
    expect(count('qua_han')).toBe(1)
    expect(count('cho_phuc_dap')).toBe(1)
    expect(count('tat_ca')).toBe(3)
    expect(html).toMatch(/aria-current="page" id="tab-moi"/)
    expect(html).toContain('<span class="badge badge--overdue">Quá hạn</span>')
    // received 10 Feb, due D8 = 7 working days later, passed on 2 March

    const found = await (await b.get('/can-bo/don?tab=tat_ca&q=dang%20van%20duc')).text()
    expect(found).toContain('1 đơn.')
    expect(found).toContain(`href="/can-bo/don/${a.id}"`)
    expect(found).toContain('Đặng Văn Đức')
    const byCode = await (await b.get(`/can-bo/don?tab=tat_ca&q=${(t.dump('letters')[0] as { code: string }).code.slice(0, 4)}`)).text()
    expect(byCode).toContain(`href="/can-bo/don/${a.id}"`)
    const filtered = await (await b.get('/can-bo/don?tab=tat_ca&loai=to_cao&nguon=buu_chinh')).text()
    expect(filtered).toContain('2 đơn.')
    // the decided letter's sender looked up from "Mới": none here, and the page says where it is
    const elsewhere = await (await b.get('/can-bo/don?tab=moi&q=pham%20thi%20lan')).text()
    expect(elsewhere).toContain('Không có đơn nào ở mục «Mới, chờ quyết định», nhưng có 1 đơn khớp ở các mục khác:')
    expect(elsewhere).toMatch(/<a href="\/can-bo\/don\?[^"]*tab=tat_ca[^"]*" id="queue-elsewhere">xem ở mục «Tất cả»<\/a>/)
    const there = await (await b.get(/href="([^"]+)" id="queue-elsewhere"/.exec(elsewhere)![1]!.replaceAll('&amp;', '&'))).text()
    expect(there).toContain(`href="/can-bo/don/${decided.id}"`)
    // nothing anywhere: just none
    expect(await (await b.get('/can-bo/don?tab=moi&q=khong%20co%20ai')).text()).toContain('>Không có đơn nào.<')
  })

  it('answers htmx with the results fragment, and the whole page for a history restore', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['tiep_dan'])
    await register(b, complaintForm())
    const partial = await b.get('/can-bo/don?tab=moi&q=duc', HX)
    const fragmentHtml = await partial.text()
    expect(partial.headers.get('vary')).toContain('HX-Request')
    expect(fragmentHtml.startsWith('<div id="queue-results">')).toBe(true)
    expect(fragmentHtml).toContain('1 đơn.')
    const restore = await b.get('/can-bo/don?tab=moi&q=duc', { ...HX, 'hx-history-restore-request': 'true' })
    expect(await restore.text()).toContain('<html')
  })

  it('pages with a cursor and reports a bad filter next to it (422), applying the rest', async () => {
    const t = await testApp()
    const { browser: b, token } = await staff(t, ['tiep_dan'])
    for (let i = 0; i < 52; i++) await apiLetter(t, token, { receivedAt: '2026-03-01', channel: 'hop_thu', contentType: 'kien_nghi_phan_anh', summary: `Kiến nghị số ${i}` })
    const first = await (await b.get('/can-bo/don?tab=tat_ca')).text()
    expect(first.match(/class="code-link"/g)).toHaveLength(50)
    const next = /href="(\/can-bo\/don\?tab=tat_ca&amp;trang=[^"]+)"/.exec(first)![1]!.replaceAll('&amp;', '&')
    const second = await (await b.get(next)).text()
    expect(second.match(/class="code-link"/g)).toHaveLength(2)

    const bad = await b.get('/can-bo/don?tab=tat_ca&tu=31/02/2026&loai=abc')
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toMatch(/id="f-tu-error">Ngày bắt đầu phải có dạng dd\/mm\/yyyy/)
    expect(html).toMatch(/id="f-loai-error">Loại đơn không hợp lệ./)
    expect(html).toContain('value="31/02/2026"')
    expect(html).toContain('52 đơn.')
  })
})

describe('the matter page', () => {
  it('lists the matter’s letters and reception visits; the case page links them', async () => {
    const t = await testApp()
    const { browser: b } = await staff(t, ['tiep_dan'])
    const first = await register(b, complaintForm())
    const second = await register(b, { ...complaintForm(), 'senders.0.name': 'Dang Van Duc' })
    const matterId = (t.dump('letters') as Array<{ id: string; matter_id: string }>).find((l) => l.id === first.id)!.matter_id
    expect((t.dump('letters') as Array<{ id: string; matter_id: string }>).find((l) => l.id === second.id)!.matter_id).toBe(matterId)
    t.db.sqlite
      .prepare("INSERT INTO receptions (id, date, kind, persons, matter_id, content_type, summary, handling, created_at) VALUES ('v1', '2026-03-04', 'thuong_xuyen', 2, ?, 'khieu_nai', 'Hỏi tiến độ giải quyết', 'giai_thich', '2026-03-04T02:00:00Z')")
      .run(matterId)
    const casePage = await (await b.get(`/can-bo/don/${second.id}`)).text()
    expect(casePage).toContain(`href="/can-bo/vu-viec/${matterId}"`)
    expect(casePage).toContain(`href="/can-bo/don/${first.id}"`)
    expect(casePage).toContain('Hỏi tiến độ giải quyết')
    const page = await (await b.get(`/can-bo/vu-viec/${matterId}`)).text()
    expect(page).toContain('2 đơn · 1 lượt tiếp')
    expect(page).toContain('Giải thích')
    expect((await b.get('/can-bo/vu-viec/khong-co')).status).toBe(404)
  })
})
