/**
 * The reception screens over HTTP (app.request with a cookie-carrying client): the visit form's
 * validation (Vietnamese messages next to the fields, input kept, nothing stored), the ID rule
 * of NĐ 154/2026 from 1 July 2026 and not before, the letter a visit opens, the refusal notice
 * and the receipt, the log's search and filters, htmx fragments only for partial requests, the
 * register Mẫu 03/TCD, a leader's session and its conclusion, and who may see and do what.
 */
import { describe, expect, it } from 'vitest'
import { REGISTER_COLUMNS } from '../../src/domain/reception.ts'
import { Browser, testApp, type TestApp } from '../support/app.ts'

const PASSWORD = 'mat-khau-can-bo-123'
const NOW = new Date('2026-07-10T03:00:00Z') // Friday 10 July 2026, Vietnam time

async function staff(t: TestApp, username: string, roles: string[], agencyCode?: string): Promise<Browser> {
  const admin = await t.token()
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: PASSWORD, roles, agencyCode }, admin)
  if (res.status !== 201) throw new Error(await res.text())
  const browser = new Browser(t)
  await browser.login(username, PASSWORD)
  return browser
}

/** A large group's visit as the form posts it: 12 persons, two representatives with their papers. */
const groupVisit = (over: Record<string, string> = {}): Record<string, string> => ({
  date: '06/07/2026',
  kind: 'thuong_xuyen',
  form: 'truc_tiep',
  persons: '12',
  visitorRows: '2',
  'visitors.0.name': 'Phạm Văn Hùng',
  'visitors.0.address': 'Thôn 3, xã Bình Sơn',
  'visitors.0.idKind': 'can_cuoc',
  'visitors.0.idNumber': '051075000111',
  'visitors.0.representative': '1',
  'visitors.1.name': 'Võ Thị Lan',
  'visitors.1.address': 'Thôn 3, xã Bình Sơn',
  'visitors.1.idKind': 'can_cuoc',
  'visitors.1.idNumber': '051080000222',
  'visitors.1.representative': '1',
  caseId: '',
  contentType: 'khieu_nai',
  field: 'dat_dai',
  summary: 'Đoàn 12 hộ dân khiếu nại việc bồi thường giải phóng mặt bằng dự án đường ven biển.',
  handling: 'nhan_don',
  respondentPerson: 'Chủ tịch Ủy ban nhân dân xã Bình Sơn',
  request: 'Bồi thường đúng quy định.',
  ...over,
})

const oneVisitor = (over: Record<string, string> = {}): Record<string, string> => ({
  date: '07/07/2026',
  kind: 'thuong_xuyen',
  form: 'truc_tiep',
  persons: '1',
  visitorRows: '1',
  'visitors.0.name': 'Nguyễn Thị Mai',
  'visitors.0.address': 'Tổ 2, phường Cẩm Thành',
  'visitors.0.idKind': 'can_cuoc',
  'visitors.0.idNumber': '051190000333',
  caseId: '',
  contentType: 'kien_nghi_phan_anh',
  summary: 'Phản ánh việc chậm cấp giấy chứng nhận quyền sử dụng đất.',
  handling: 'giai_thich',
  ...over,
})

const TABLES = ['receptions', 'reception_visitors', 'reception_sessions', 'matters', 'letters', 'letter_senders', 'documents', 'history']
const snapshot = (t: TestApp) => Object.fromEntries(TABLES.map((name) => [name, t.count(name)]))

/** The text of an element found by id in a page (tags removed, spaces collapsed). */
const textOf = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`)
  if (start < 0) return null
  const open = html.lastIndexOf('<', start)
  const tag = /^<(\w+)/.exec(html.slice(open))![1]!
  const end = html.indexOf(`</${tag}>`, start)
  return html
    .slice(html.indexOf('>', start) + 1, end)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

const inputValue = (html: string, name: string) => new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? null

async function record(browser: Browser, fields: Record<string, string>) {
  const res = await browser.post('/can-bo/tiep-dan/moi', fields)
  if (res.status !== 303) throw new Error(`expected 303, got ${res.status}: ${(await res.text()).match(/error-summary[\s\S]{0,1500}/)?.[0]}`)
  const location = res.headers.get('location')!
  return { location, id: /\/can-bo\/tiep-dan\/([^?]+)/.exec(location)![1]! }
}

describe('recording a visit', () => {
  it('shows Vietnamese messages next to the fields, keeps what was typed, and stores nothing', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const before = snapshot(t)
    const res = await officer.post(
      '/can-bo/tiep-dan/moi',
      groupVisit({ 'visitors.0.idNumber': '', 'visitors.1.address': '', 'visitors.0.representative': '', 'visitors.1.representative': '', persons: 'mười hai', summary: '' }),
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(textOf(html, 'f-persons-error')).toBe('Số người phải là một số.')
    expect(textOf(html, 'f-visitors-0-idNumber-error')).toContain('Từ ngày 01/7/2026 phải ghi số căn cước')
    expect(textOf(html, 'f-visitors-1-address-error')).toContain('phải ghi địa chỉ')
    expect(textOf(html, 'f-summary-error')).toContain('Ghi tóm tắt nội dung')
    // the summary at the top links to each field
    expect(html).toContain('href="#f-visitors-0-idNumber"')
    // what was typed is still there
    expect(inputValue(html, 'visitors.0.name')).toBe('Phạm Văn Hùng')
    expect(inputValue(html, 'visitors.1.idNumber')).toBe('051080000222')
    expect(inputValue(html, 'persons')).toBe('mười hai')
    expect(html).toContain('Chủ tịch Ủy ban nhân dân xã Bình Sơn')
    expect(snapshot(t)).toEqual(before)
  })

  it('asks for a large group’s representatives', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const before = snapshot(t)
    const res = await officer.post('/can-bo/tiep-dan/moi', groupVisit({ 'visitors.0.representative': '', 'visitors.1.representative': '' }))
    expect(res.status).toBe(422)
    expect(textOf(await res.text(), 'visitors-error')).toBe('Đoàn từ 5 người trở lên là đoàn đông người: đánh dấu người đại diện của đoàn.')
    expect(snapshot(t)).toEqual(before)
  })

  it('requires the ID papers from 1 July 2026 but not for an earlier visit', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const noPapers = { 'visitors.0.idKind': '', 'visitors.0.idNumber': '' }
    const after = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ ...noPapers, date: '01/07/2026' }))
    expect(after.status).toBe(422)
    expect(textOf(await after.text(), 'f-visitors-0-idNumber-error')).toContain('Điều 12 Nghị định 154/2026')
    // "other papers" are not one of the four of Art. 12 from that day
    const other = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ 'visitors.0.idKind': 'khac' }))
    expect(other.status).toBe(422)
    expect(textOf(await other.text(), 'f-visitors-0-idKind-error')).toContain('chỉ dùng căn cước')
    // 30 June 2026: Luật Tiếp công dân 2013 and NĐ 64/2014, no ID rule
    const before = await record(officer, oneVisitor({ ...noPapers, date: '30/06/2026' }))
    expect(t.count('receptions')).toBe(1)
    const visit = await (await officer.get(before.location)).text()
    expect(visit).toContain('Nguyễn Thị Mai')
    // the API keeps taking historical and current visits without papers
    const token = await t.token('tiepdan', PASSWORD)
    const api = await t.json('/api/v1/receptions', 'POST', { date: '2026-07-08', kind: 'thuong_xuyen', persons: 1, contentType: 'khieu_nai', visitors: [{ name: 'Trần Văn Tư' }] }, token)
    expect(api.status).toBe(201)
  })

  it('refuses online reception before 1 July 2026 and a date in the future', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const online = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ date: '15/06/2026', form: 'truc_tuyen' }))
    expect(online.status).toBe(422)
    expect(textOf(await online.text(), 'f-form-error')).toContain('chỉ áp dụng từ ngày 01/7/2026')
    const future = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ date: '11/07/2026' }))
    expect(future.status).toBe(422)
    expect(textOf(await future.text(), 'f-date-error')).toBe('Ngày tiếp không được sau ngày hôm nay.')
    // a day that does not exist: the message speaks of the form's dd/mm/yyyy, not the API's YYYY-MM-DD
    const impossible = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ date: '31/06/2026' }))
    expect(impossible.status).toBe(422)
    expect(textOf(await impossible.text(), 'f-date-error')).toBe('Ngày tiếp phải có dạng ngày/tháng/năm (dd/mm/yyyy) và là ngày có thật.')
    expect(t.count('receptions')).toBe(0)
  })

  it('a group visit with "nhận đơn" opens a matter and a letter from the visit, linked both ways', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const { id, location } = await record(officer, groupVisit({ documentsReceived: 'Đơn khiếu nại (02 trang)\nBản sao Quyết định số 12/QĐ-UBND' }))
    const [visit] = t.dump('receptions') as Array<{ id: string; letter_id: string; matter_id: string; handling: string; persons: number }>
    expect(visit).toMatchObject({ id, handling: 'nhan_don', persons: 12 })
    const [letter] = t.dump('letters') as Array<{ id: string; channel: string; matter_id: string; received_at: string; facts: string; content_type: string }>
    expect(letter!.id).toBe(visit!.letter_id)
    expect(letter!.matter_id).toBe(visit!.matter_id)
    expect(letter).toMatchObject({ channel: 'truc_tiep', received_at: '2026-07-06', content_type: 'khieu_nai' })
    const facts = JSON.parse(letter!.facts) as { writtenDate: string; summary: string; field: string; respondent: { person: string }; request: string }
    expect(facts).toMatchObject({ writtenDate: '2026-07-06', field: 'dat_dai', respondent: { person: 'Chủ tịch Ủy ban nhân dân xã Bình Sơn' }, request: 'Bồi thường đúng quy định.' })
    const senders = t.dump('letter_senders') as Array<{ name: string; id_number: string; signed: number }>
    expect(senders.map((s) => [s.name, s.id_number, s.signed])).toEqual([
      ['Phạm Văn Hùng', '051075000111', 1],
      ['Võ Thị Lan', '051080000222', 1],
    ])
    expect(t.count('matters')).toBe(1)
    // the receipt for what was handed in (Mẫu 02/TCD)
    const docs = t.dump('documents') as Array<{ reception_id: string; template: string; content: string }>
    expect(docs.map((d) => [d.reception_id, d.template])).toEqual([[id, 'nd154_m02_giay_bien_nhan']])
    const page = await (await officer.get(location)).text()
    expect(textOf(page, 'flash')).toContain('Đã lập đơn')
    expect(page).toContain(`href="/can-bo/don/${letter!.id}"`)
    expect(page).toContain(`href="/can-bo/vu-viec/${visit!.matter_id}"`)
    expect(textOf(page, 'visit-persons')).toContain('đoàn đông người')
    // the receipt prints with the items, the citizen and the officer
    const receiptHref = /href="(\/can-bo\/tiep-dan\/[^"]+\/van-ban\/[^"]+)"/.exec(page)![1]!
    const receipt = await (await officer.get(receiptHref)).text()
    expect(receipt).toContain('GIẤY BIÊN NHẬN')
    expect(receipt).toContain('Mẫu số 02/TCD')
    expect(receipt).toContain('- Bản sao Quyết định số 12/QĐ-UBND.')
    expect(receipt).toContain('ông (bà) Phạm Văn Hùng cùng 11 người khác')
    expect(receipt).toContain('Cán bộ tiepdan')
    const docx = await officer.get(`${receiptHref}.docx`)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
  })

  it('a later visit joins the matter found by a search without diacritics; the new letter joins it too', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    await record(officer, groupVisit())
    const [first] = t.dump('receptions') as Array<{ matter_id: string }>
    // without JavaScript: "Tìm" re-renders the whole form with the results and what was typed
    const search = await officer.post('/can-bo/tiep-dan/moi', { ...groupVisit({ persons: '3', summary: 'Tiếp tục khiếu nại.' }), hanh_dong: 'tim-vu-viec', matterQuery: 'pham van hung' })
    expect(search.status).toBe(200)
    const html = await search.text()
    expect(html).toContain('<html')
    expect(html).toContain(`value="${first!.matter_id}"`)
    expect(textOf(html, 'matter-count')).toContain('1 vụ việc khớp')
    expect(html).toContain('Tiếp tục khiếu nại.')
    // by ID number and by the matter's code too
    const byId = await (await officer.post('/can-bo/tiep-dan/moi', { hanh_dong: 'tim-vu-viec', matterQuery: '051080000222' })).text()
    expect(byId).toContain(`value="${first!.matter_id}"`)
    await record(officer, groupVisit({ date: '09/07/2026', persons: '3', caseId: first!.matter_id, summary: 'Đề nghị trả lời kết quả giải quyết.', handling: 'nhan_don' }))
    expect(t.count('matters')).toBe(1)
    const visits = t.dump('receptions') as Array<{ matter_id: string }>
    expect(visits.map((v) => v.matter_id)).toEqual([first!.matter_id, first!.matter_id])
    const letters = t.dump('letters') as Array<{ matter_id: string }>
    expect(letters.map((l) => l.matter_id)).toEqual([first!.matter_id, first!.matter_id])
    // the form opened from a visit's page has the matter picked
    const again = await (await officer.get(`/can-bo/tiep-dan/moi?vu-viec=${first!.matter_id}`)).text()
    expect(again).toMatch(new RegExp(`value="${first!.matter_id}" checked`))
  })

  it('a letter for an earlier matter picked by hand does not leave an empty matter behind', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    await record(officer, oneVisitor())
    const [first] = t.dump('matters') as Array<{ id: string }>
    // different people and text: the duplicate check would open a new matter, the officer picked this one
    await record(officer, groupVisit({ caseId: first!.id }))
    expect((t.dump('matters') as Array<{ id: string }>).map((m) => m.id)).toEqual([first!.id])
    expect((t.dump('letters') as Array<{ matter_id: string }>)[0]!.matter_id).toBe(first!.id)
  })

  it('a refusal on Luật TCD Art. 9 cl. 3 issues the Mẫu 01/TCD notice, due in 3 working days; an oral ground does not', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const before = snapshot(t)
    const noGround = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ handling: 'tu_choi', refusalGround: '' }))
    expect(noGround.status).toBe(422)
    expect(textOf(await noGround.text(), 'f-refusalGround-error')).toBe('Từ chối tiếp phải ghi rõ lý do.')
    // NĐ 154/2026 grounds do not exist before 1 July 2026
    const early = await officer.post('/can-bo/tiep-dan/moi', oneVisitor({ date: '29/06/2026', handling: 'tu_choi', refusalGround: 'nd154_4_1_h' }))
    expect(early.status).toBe(422)
    expect(textOf(await early.text(), 'f-refusalGround-error')).toContain('không áp dụng cho lượt tiếp ngày 29/6/2026')
    expect(snapshot(t)).toEqual(before)

    const refused = await record(officer, oneVisitor({ handling: 'tu_choi', refusalGround: 'tcd_9_3', contentType: 'khieu_nai', summary: 'Tiếp tục khiếu nại vụ việc đã được giải quyết đúng pháp luật.' }))
    const docs = t.dump('documents') as Array<{ id: string; template: string; reception_id: string }>
    expect(docs.map((d) => d.template)).toEqual(['nd154_m01_thong_bao_tu_choi'])
    const page = await (await officer.get(refused.location)).text()
    // visit on Tuesday 7 July 2026 → Friday 10 July 2026
    expect(textOf(page, 'refusal-due')).toContain('10/07/2026')
    const notice = await (await officer.get(`/can-bo/tiep-dan/${refused.id}/van-ban/${docs[0]!.id}`)).text()
    expect(notice).toContain('Mẫu số 01/TCD, Nghị định số 154/2026/NĐ-CP')
    expect(notice).toContain('Về việc từ chối tiếp công dân')
    expect(notice).toContain('Kính gửi: Ông (bà) Nguyễn Thị Mai.')
    expect(notice).toContain('Căn cứ khoản 3 Điều 9 Luật Tiếp công dân')
    expect(notice).toContain('051190000333')
    expect(notice).toContain('Hạn ban hành thông báo: 10/07/2026')

    await record(officer, oneVisitor({ handling: 'tu_choi', refusalGround: 'tcd_9_1', 'visitors.0.name': 'Trần Văn Say' }))
    expect(t.count('documents')).toBe(1)
  })

  it('"Thêm người" and the matter search answer htmx with a fragment, anything else with the full page', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const fields = { ...oneVisitor(), hanh_dong: 'them-nguoi' }
    const full = await (await officer.post('/can-bo/tiep-dan/moi', fields)).text()
    expect(full).toContain('<!DOCTYPE html>')
    expect(full).toContain('name="visitors.1.name"')
    expect(inputValue(full, 'visitors.0.name')).toBe('Nguyễn Thị Mai')
    const partial = await t.request('/can-bo/tiep-dan/moi', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        origin: 'http://localhost',
        'hx-request': 'true',
        'hx-request-type': 'partial',
      },
      body: new URLSearchParams({ _csrf: officer.csrf, ...fields }),
    })
    const fragment = await partial.text()
    expect(partial.status).toBe(200)
    expect(partial.headers.get('vary')).toContain('HX-Request')
    expect(fragment).not.toContain('<html')
    expect(fragment.trim().startsWith('<div id="visitor-rows"')).toBe(true)
    expect(fragment).toContain('name="visitors.1.name"')
    // the search box's GET: a fragment when partial, the search page otherwise
    await record(officer, oneVisitor())
    const hx = { 'hx-request': 'true', 'hx-request-type': 'partial' }
    const results = await (await officer.get('/can-bo/tiep-dan/vu-viec?matterQuery=nguyen+thi+mai', hx)).text()
    expect(results.trim().startsWith('<div id="matter-results"')).toBe(true)
    expect(results).toContain('Nguyễn Thị Mai')
    const restore = await (await officer.get('/can-bo/tiep-dan/vu-viec?q=nguyen+thi+mai', { 'hx-request': 'true', 'hx-history-restore-request': 'true' })).text()
    expect(restore).toContain('<!DOCTYPE html>')
    expect(t.count('receptions')).toBe(1)
  })
})

describe('the log', () => {
  async function seeded() {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const reporter = await staff(t, 'baocao', ['bao_cao'])
    await record(officer, groupVisit())
    await record(officer, oneVisitor())
    await record(
      officer,
      oneVisitor({
        date: '08/07/2026',
        contentType: 'to_cao',
        'visitors.0.name': 'Lê Thị Hoa',
        'visitors.0.idNumber': '051190004321',
        summary: 'Tố cáo cán bộ địa chính xã nhận tiền.',
        handling: 'nhan_don',
      }),
    )
    await record(officer, oneVisitor({ date: '15/06/2026', 'visitors.0.name': 'Đinh Văn Cũ', summary: 'Lượt tiếp tháng trước.' }))
    return { t, officer, reporter }
  }

  it('finds a visit by a name typed without diacritics, filters, and counts what it shows', async () => {
    const { officer } = await seeded()
    const page = await (await officer.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026&q=pham+van+hung')).text()
    expect(textOf(page, 'count-visits')).toBe('1')
    expect(textOf(page, 'count-persons')).toBe('12')
    expect(page).toContain('Phạm Văn Hùng')
    expect(page).not.toContain('Nguyễn Thị Mai')
    const all = await (await officer.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026')).text()
    expect([textOf(all, 'count-visits'), textOf(all, 'count-persons'), textOf(all, 'count-groups'), textOf(all, 'count-matters')]).toEqual(['3', '14', '1', '3'])
    expect(all).not.toContain('Đinh Văn Cũ')
    const groups = await (await officer.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026&doan=1')).text()
    expect(textOf(groups, 'count-visits')).toBe('1')
    const bad = await officer.get('/can-bo/tiep-dan?from=31/02/2026')
    expect(bad.status).toBe(422)
    expect(textOf(await bad.text(), 'f-from-error')).toContain('Ngày bắt đầu phải có dạng')
  })

  it('answers htmx with the results fragment only for partial requests', async () => {
    const { officer } = await seeded()
    const partial = await (await officer.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026&q=hung', { 'hx-request': 'true', 'hx-request-type': 'partial' })).text()
    expect(partial.trim().startsWith('<div id="visit-results"')).toBe(true)
    const boosted = await (await officer.get('/can-bo/tiep-dan?q=hung', { 'hx-request': 'true', 'hx-request-type': 'full' })).text()
    expect(boosted).toContain('<!DOCTYPE html>')
  })

  it('hides a denouncer’s identity from roles that may not see it, and logs every view by those who may', async () => {
    const { t, officer, reporter } = await seeded()
    const [denunciation] = (t.dump('receptions') as Array<{ id: string; content_type: string }>).filter((r) => r.content_type === 'to_cao')
    const views = () => (t.dump('history') as Array<{ action: string; entity_id: string }>).filter((h) => h.action === 'xem_danh_tinh_nguoi_to_cao' && h.entity_id === denunciation!.id).length

    const forReporter = await (await reporter.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026')).text()
    expect(forReporter).not.toContain('Lê Thị Hoa')
    expect(forReporter).toContain('Người tố cáo — thông tin được giữ bí mật')
    const search = await (await reporter.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026&q=le+thi+hoa')).text()
    expect(textOf(search, 'count-visits')).toBe('0')
    const visit = await (await reporter.get(`/can-bo/tiep-dan/${denunciation!.id}`)).text()
    expect(visit).not.toContain('Lê Thị Hoa')
    expect(visit).not.toContain('051190004321')
    expect(textOf(visit, 'identity-hidden')).toContain('giữ bí mật')
    const api = (await (await t.json(`/api/v1/receptions/${denunciation!.id}`, 'GET', undefined, await t.token('baocao', PASSWORD))).json()) as { visitors: unknown[]; visitorsHidden: boolean }
    expect(api).toMatchObject({ visitors: [], visitorsHidden: true })
    const print = await (await reporter.get('/can-bo/tiep-dan/in?from=2026-07-01&to=2026-07-10')).text()
    expect(print).not.toContain('Lê Thị Hoa')
    expect(views()).toBe(0)

    const forOfficer = await (await officer.get('/can-bo/tiep-dan?from=01/07/2026&to=10/07/2026&q=le+thi+hoa')).text()
    expect(textOf(forOfficer, 'count-visits')).toBe('1')
    expect(forOfficer).toContain('Lê Thị Hoa')
    expect(views()).toBe(1)
    await officer.get(`/can-bo/tiep-dan/${denunciation!.id}`)
    expect(views()).toBe(2)
  })

  it('prints the register Mẫu 03/TCD: 12 numbered columns, one row per visit of the period', async () => {
    const { t, officer } = await seeded()
    const res = await officer.get('/can-bo/tiep-dan/in?from=2026-07-01&to=2026-07-10')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('SỔ TIẾP CÔNG DÂN')
    expect(html).toContain('Mẫu số 03/TCD')
    expect(textOf(html, 'register-period')).toBe('Từ ngày 01/07/2026 đến ngày 10/07/2026')
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(html)![1]!
    const headings = [...head.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])
    expect(headings).toEqual([...REGISTER_COLUMNS, ...REGISTER_COLUMNS.map((_, i) => `(${i + 1})`)])
    expect(REGISTER_COLUMNS).toHaveLength(12)
    const rows = [...html.matchAll(/<tr data-visit="([^"]+)">([\s\S]*?)<\/tr>/g)]
    expect(rows).toHaveLength(3)
    const cells = rows.map((r) => [...r[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.replace(/<br\/?>/g, ' / ').replace(/<[^>]+>/g, '').trim()))
    for (const row of cells) expect(row).toHaveLength(12)
    expect(cells.map((c) => c[0])).toEqual(['1', '2', '3'])
    expect(cells.map((c) => c[1])).toEqual(['06/7/2026', '07/7/2026', '08/7/2026'])
    expect(cells[0]![2]).toBe('Phạm Văn Hùng (người đại diện), Thôn 3, xã Bình Sơn / Võ Thị Lan (người đại diện), Thôn 3, xã Bình Sơn')
    expect(cells[0]![3]).toBe('051075000111 / 051080000222')
    expect(cells.map((c) => c[5])).toEqual(['KN', 'KN, PA', 'TC'])
    expect(cells.map((c) => c[6])).toEqual(['12', '1', '1'])
    expect(cells[0]![11]).toMatch(/^Đơn [2-9A-Z]{4}-[2-9A-Z]{4}: /)
    expect(cells[1]![11]).toBe('Đã giải thích, trả lời trực tiếp tại buổi tiếp')
    // June's visit is not in July's register
    expect(html).not.toContain('Đinh Văn Cũ')
    // the same through the API
    const api = (await (await t.json('/api/v1/receptions/register?from=2026-07-01&to=2026-07-10', 'GET', undefined, await t.token('tiepdan', PASSWORD))).json()) as {
      columns: string[]
      rows: Array<{ stt: number; persons: number }>
    }
    expect(api.columns).toHaveLength(12)
    expect(api.rows.map((r) => r.persons)).toEqual([12, 1, 1])
  })
})

describe('a leader’s session', () => {
  it('groups the leader’s visits of the day and ends with the conclusion notice, once', async () => {
    const t = await testApp({ now: NOW })
    const leader = await staff(t, 'lanhdao', ['lanh_dao'])
    const missingHost = await leader.post('/can-bo/tiep-dan/moi', oneVisitor({ kind: 'dinh_ky', hostName: '' }))
    expect(missingHost.status).toBe(422)
    expect(textOf(await missingHost.text(), 'f-hostName-error')).toBe('Tiếp định kỳ, đột xuất cần ghi tên lãnh đạo chủ trì.')
    await record(leader, groupVisit({ date: '09/07/2026', kind: 'dinh_ky', hostName: 'Nguyễn Văn Tỉnh, Chủ tịch UBND tỉnh' }))
    await record(leader, oneVisitor({ date: '09/07/2026', kind: 'dinh_ky', hostName: 'nguyen van tinh, chu tich ubnd tinh' }))
    const [session] = t.dump('reception_sessions') as Array<{ id: string }>
    expect(t.count('reception_sessions')).toBe(1)
    const page = await (await leader.get(`/can-bo/tiep-dan/ky/${session!.id}`)).text()
    expect(textOf(page, 'session-counts')).toBe('2 lượt, 13 người, 2 vụ việc')

    const before = snapshot(t)
    const empty = await leader.post(`/can-bo/tiep-dan/ky/${session!.id}`, { conclusion: '   ' })
    expect(empty.status).toBe(422)
    expect(textOf(await empty.text(), 'f-conclusion-error')).toBe('Ghi nội dung kết luận của lãnh đạo.')
    expect(snapshot(t)).toEqual(before)

    const text = 'Giao Sở Tài nguyên và Môi trường kiểm tra việc bồi thường, báo cáo trước ngày 30/7/2026.\nGiao Văn phòng đăng ký đất đai rà soát hồ sơ của bà Nguyễn Thị Mai.'
    const done = await leader.post(`/can-bo/tiep-dan/ky/${session!.id}`, { conclusion: text })
    expect(done.status).toBe(303)
    const [row] = t.dump('reception_sessions') as Array<{ conclusion: string; concluded_at: string }>
    expect(row!.conclusion).toBe(text)
    expect(row!.concluded_at).toBe(NOW.toISOString())
    const docs = t.dump('documents') as Array<{ template: string; reception_id: string }>
    expect(docs.map((d) => d.template)).toEqual(['nd154_thong_bao_ket_luan'])
    const concluded = await (await leader.get(`/can-bo/tiep-dan/ky/${session!.id}?ok=ket-luan`)).text()
    const noticeHref = /href="([^"]+)" id="conclusion-notice"/.exec(concluded)![1]!
    const notice = await (await leader.get(noticeHref)).text()
    expect(notice).toContain('Thông báo kết luận việc tiếp công dân')
    expect(notice).toContain('Kết luận của Nguyễn Văn Tỉnh, Chủ tịch UBND tỉnh tại buổi tiếp công dân định kỳ ngày 09 tháng 7 năm 2026')
    expect(notice).toContain('đã tiếp 02 lượt với 13 người, về 02 vụ việc')
    expect(notice).toContain('Giao Văn phòng đăng ký đất đai rà soát hồ sơ của bà Nguyễn Thị Mai.')

    const again = await leader.post(`/can-bo/tiep-dan/ky/${session!.id}`, { conclusion: 'Kết luận khác.' })
    expect(again.status).toBe(409)
    expect((t.dump('reception_sessions') as Array<{ conclusion: string }>)[0]!.conclusion).toBe(text)
    expect(t.count('documents')).toBe(1)
  })
})

describe('who may do what', () => {
  it('records with tiep_dan or lanh_dao; reads with the letter roles; the agencies and the administrator see nothing', async () => {
    const t = await testApp({ now: NOW })
    const officer = await staff(t, 'tiepdan', ['tiep_dan'])
    const handler = await staff(t, 'xulydon', ['xu_ly_don'])
    const reporter = await staff(t, 'baocao', ['bao_cao'])
    const agency = await staff(t, 'coquan', ['co_quan'], 'SO_TNMT')
    const admin = new Browser(t)
    await admin.login()
    const { id, location } = await record(officer, oneVisitor())
    for (const reader of [handler, reporter]) {
      expect((await reader.get('/can-bo/tiep-dan')).status).toBe(200)
      expect((await reader.get(location)).status).toBe(200)
      expect((await reader.get('/can-bo/tiep-dan/in?from=2026-07-01&to=2026-07-10')).status).toBe(200)
      expect((await reader.get('/can-bo/tiep-dan/moi')).status).toBe(403)
      const before = snapshot(t)
      expect((await reader.post('/can-bo/tiep-dan/moi', oneVisitor())).status).toBe(403)
      expect(snapshot(t)).toEqual(before)
    }
    for (const outsider of [agency, admin]) {
      for (const path of ['/can-bo/tiep-dan', location, '/can-bo/tiep-dan/moi', '/can-bo/tiep-dan/in', '/can-bo/tiep-dan/vu-viec?q=mai']) {
        expect((await outsider.get(path)).status, path).toBe(403)
      }
    }
    const agencyToken = await t.token('coquan', PASSWORD)
    expect((await t.json(`/api/v1/receptions/${id}`, 'GET', undefined, agencyToken)).status).toBe(403)
    expect((await t.json('/api/v1/matters?q=mai', 'GET', undefined, agencyToken)).status).toBe(403)
    // nobody signed in: the sign-in page
    const anonymous = new Browser(t)
    const res = await anonymous.get('/can-bo/tiep-dan')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toContain('/dang-nhap')
  })
})
