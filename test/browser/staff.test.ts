/**
 * The staff workspace in a real browser at a desktop's size: register a paper complaint and watch
 * the suggestion follow the typing (round 1 → guidance to the commune, round 2 → acceptance by
 * the province), decide it and print the guidance letter (Mẫu 02), find it again in the queue by
 * the sender's name typed without diacritics, the back button restoring the page; an agency
 * confirms and replies and the board sees it; an agency cannot open another's letter nor see a
 * denouncer. The same pages without JavaScript. No console error or CSP violation anywhere.
 * `npm run screenshots` also writes docs/screenshots/staff-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { DESKTOP, PHONE, api, axeViolations, launchChromium, phonePage, screenshot, signIn, staffPassword, staffToken, startServer, type PhonePage, type RunningServer } from '../support/browser.ts'

let server: RunningServer
let browser: Browser
let handlerToken: string
const opened: PhonePage[] = []

// set-up errors (no Chromium above all) are re-thrown by every test, so each one fails with the reason
let setup: Promise<void>
beforeAll(async () => {
  setup = (async () => {
    server = await startServer()
    browser = await launchChromium()
    handlerToken = await staffToken(server, 'canbo', ['tiep_dan', 'xu_ly_don'])
    await staffToken(server, 'sontay', ['co_quan'], 'UBND_XA_SON_TAY')
    await staffToken(server, 'camthanh', ['co_quan'], 'UBND_PHUONG_CAM_THANH')
  })()
  await setup.catch(() => {})
}, 120_000)

afterAll(async () => {
  for (const p of opened) await p.context.close().catch(() => {})
  await browser?.close()
  await server?.stop()
}, 60_000)

async function desk(username: string, options: { javaScript?: boolean } = {}) {
  await setup
  const p = await phonePage(browser, server.url, { ...options, viewport: DESKTOP })
  opened.push(p)
  await signIn(p.page, username, staffPassword(username))
  return p
}

async function expectAccessible(page: Page, what: string) {
  const violations = await axeViolations(page)
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

/** Today in Vietnam as the forms write it (dd/mm/yyyy). */
const today = () => {
  const iso = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
}

const markPage = (page: Page) => page.evaluate(() => ((globalThis as { samePage?: boolean }).samePage = true))
const samePage = (page: Page) => page.evaluate(() => (globalThis as { samePage?: boolean }).samePage === true)

async function fillComplaint(page: Page) {
  await page.selectOption('#f-channel', 'buu_chinh')
  await page.selectOption('#f-contentType', 'khieu_nai')
  await page.fill('#f-writtenDate', today())
  await page.fill('#f-senders-0-name', 'Đặng Văn Đức')
  await page.fill('#f-senders-0-address', 'Thôn 3, xã Sơn Tây, tỉnh Quảng Ngãi')
  await page.fill('#f-senders-0-phone', '0905 123 456')
  await page.selectOption('#f-respondent-agencyCode', 'UBND_XA_SON_TAY')
  await page.fill('#f-respondent-person', 'Chủ tịch Ủy ban nhân dân xã Sơn Tây')
  await page.selectOption('#f-field', 'dat_dai')
  await page.selectOption('#f-location', 'XA_SON_TAY')
  await page.fill('#f-summary', 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi mà không bồi thường.')
  await page.fill('#f-request', 'Hủy Quyết định số 12/QĐ-UBND, bồi thường theo quy định.')
  await page.fill('#f-decision-number', '12/QĐ-UBND')
}

async function decideByApi(letter: unknown) {
  const created = await api<{ id: string; code: string }>(server, 'POST', '/api/v1/letters', letter, handlerToken)
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const decided = await api(server, 'POST', `/api/v1/letters/${created.body.id}/decision`, {}, handlerToken)
  expect(decided.status, JSON.stringify(decided.body)).toBe(200)
  return created.body
}

const isoToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(Date.now() + 7 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10)

/** Letters of several kinds and ages, so the queue shows its tabs and badges. */
async function seedQueue() {
  const letters = [
    {
      receivedAt: daysAgo(20),
      channel: 'buu_chinh',
      contentType: 'to_cao',
      writtenDate: daysAgo(22),
      field: 'xay_dung',
      senders: [{ name: 'Trần Văn Hùng', address: 'Tổ 2, phường Nghĩa Lộ', phone: '0935111222', signed: true }],
      respondent: { agencyCode: 'UBND_PHUONG_NGHIA_LO', person: 'Cán bộ địa chính phường', isHead: false },
      act: 'Làm ngơ cho xây dựng trái phép trên đất nông nghiệp.',
      summary: 'Tố cáo cán bộ phường bao che xây dựng trái phép.',
      hasEvidence: true,
    },
    {
      receivedAt: daysAgo(1),
      channel: 'duong_day_nong',
      contentType: 'kien_nghi_phan_anh',
      field: 'giao_thong',
      senders: [{ name: 'Nguyễn Thị Bích', address: 'Thôn 4, xã Bình Sơn', signed: true }],
      summary: 'Cầu tràn thôn 4 sạt lở, học sinh đi lại nguy hiểm.',
    },
    {
      receivedAt: daysAgo(8),
      channel: 'dai_bieu_chuyen',
      contentType: 'khieu_nai',
      writtenDate: daysAgo(12),
      forwardedBy: { name: 'Đoàn đại biểu Quốc hội tỉnh', reference: '123/ĐĐBQH' },
      field: 'dat_dai',
      location: 'XA_TU_NGHIA',
      senders: [
        { name: 'Võ Văn Tám', address: 'Thôn 5, xã Tư Nghĩa', signed: true },
        { name: 'Võ Thị Chín', address: 'Thôn 5, xã Tư Nghĩa', signed: true },
      ],
      respondent: { agencyCode: 'UBND_TINH', person: 'Chủ tịch Ủy ban nhân dân tỉnh' },
      summary: 'Khiếu nại quyết định bồi thường, hỗ trợ tái định cư dự án đường ven biển.',
      request: 'Đề nghị bồi thường theo giá thị trường.',
      complaintRound: 1,
    },
  ]
  for (const letter of letters) {
    const res = await api(server, 'POST', '/api/v1/letters', letter, handlerToken)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
}

describe('staff workspace in Chromium at 1280×800', { timeout: 180_000 }, () => {
  it('registers a paper complaint, the suggestion follows the typing, decides it and prints Mẫu 02; finds it again without diacritics', async () => {
    const { page, problems } = await desk('canbo')
    await page.goto('/can-bo/don/moi')
    await expectAccessible(page, 'registration form')
    await markPage(page)
    await fillComplaint(page)
    // htmx posts the form as it changes: guidance to the commune for a first complaint
    await expect.poll(() => page.locator('#suggested-outcome').textContent(), { timeout: 10_000 }).toBe('Hướng dẫn')
    expect(await page.locator('#suggested-agency').textContent()).toBe('Ủy ban nhân dân xã Sơn Tây')
    // a second complaint goes to the province, which accepts it
    await page.check('#f-complaintRound-2')
    await expect.poll(() => page.locator('#suggested-agency').textContent(), { timeout: 10_000 }).toBe('Ủy ban nhân dân tỉnh Quảng Ngãi')
    expect(await page.locator('#suggested-outcome').textContent()).toBe('Đề xuất thụ lý')
    await page.check('#f-complaintRound-1')
    await expect.poll(() => page.locator('#suggested-outcome').textContent(), { timeout: 10_000 }).toBe('Hướng dẫn')
    expect(await samePage(page)).toBe(true)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'staff-register')

    await Promise.all([page.waitForURL(/\/can-bo\/don\/[^/]+\?ok=dang-ky$/), page.locator('#save-letter').click()])
    expect(await page.locator('.flash--success').textContent()).toContain('Đã vào sổ đơn')
    expect(await page.locator('#suggestion-outcome').textContent()).toBe('Hướng dẫn')
    await Promise.all([page.waitForURL(/\?ok=quyet-dinh/), page.locator('#accept-suggestion').click()])
    expect(await page.locator('#decision-outcome').textContent()).toContain('Hướng dẫn')
    expect(await page.locator('#letter-status').textContent()).toBe('Đã xử lý')
    await expectAccessible(page, 'case page')
    await screenshot(page, 'staff-case')

    // the guidance letter, TT05 Mẫu 02: printed from the page, or downloaded
    const docx = await page.locator('#documents a', { hasText: 'Tải .docx' }).first().getAttribute('href')
    await Promise.all([page.waitForURL(/\/van-ban\//), page.locator('a.document-link', { hasText: 'Văn bản hướng dẫn' }).click()])
    expect(await page.locator('main').textContent()).toContain('Mẫu số 02')
    await page.evaluate(() => (window.print = () => ((globalThis as { printed?: boolean }).printed = true)))
    await page.locator('button[data-print]').click()
    expect(await page.evaluate(() => (globalThis as { printed?: boolean }).printed)).toBe(true)
    const file = await page.request.get(docx!)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toContain('officedocument.wordprocessingml')

    // the queue, with a few more letters: one overdue, one due soon
    await seedQueue()
    await page.goto('/can-bo/don?tab=moi')
    expect(await page.locator('#tab-qua_han .tabs__count').textContent()).not.toBe('0')
    expect(await page.locator('.badge--overdue').count()).toBeGreaterThan(0)
    await expectAccessible(page, 'queue')
    await screenshot(page, 'staff-queue')
    // on a phone each letter is a card as wide as the screen, its due date on the card
    await page.setViewportSize(PHONE)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    const card = page.locator('.queue-table tbody tr').first()
    expect(await card.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width)
    expect(await card.locator('td[data-label="Hạn xử lý"]').isVisible()).toBe(true)
    await expectAccessible(page, 'queue on a phone')
    await page.setViewportSize(DESKTOP)
    // typed without diacritics, the results change in place and the URL follows
    await page.goto('/can-bo/don?tab=tat_ca')
    await markPage(page)
    await page.locator('#f-q').pressSequentially('dang van duc')
    await expect.poll(() => page.locator('#queue-total').textContent(), { timeout: 10_000 }).toBe('1 đơn.')
    expect(await page.locator('.queue-table tbody tr').count()).toBe(1)
    expect(await page.locator('.queue-table tbody').textContent()).toContain('Đặng Văn Đức')
    expect(await samePage(page)).toBe(true)
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('dang van duc')
    await expectAccessible(page, 'queue search')
    // another search, then Back: htmx asks for the previous URL again (HX-History-Restore-Request)
    // and gets the whole page, swapped in without a reload
    await page.locator('#f-q').fill('khong co ai ten nay')
    await expect.poll(() => page.locator('#queue-total').textContent(), { timeout: 10_000 }).toBe('Không có đơn nào.')
    await page.goBack()
    await expect.poll(() => page.locator('#queue-total').textContent(), { timeout: 10_000 }).toBe('1 đơn.')
    expect(await samePage(page)).toBe(true)
    expect(await page.locator('h1').count()).toBe(1)
    expect(await page.locator('#queue-results').count()).toBe(1)
    // open the letter from the results, then Back: the search page comes back whole
    await Promise.all([page.waitForURL(/\/can-bo\/don\/[^?]+$/), page.locator('.queue-table a.code-link').first().click()])
    await page.goBack()
    await expect.poll(() => page.locator('#queue-total').textContent()).toBe('1 đơn.')
    expect(await page.inputValue('#f-q')).toBe('dang van duc')
    expect(await page.locator('h1').count()).toBe(1)
    expect(problems).toEqual([])
  })

  it('works without JavaScript: errors next to the fields with the input kept, saving, deciding, searching', async () => {
    const { page, problems } = await desk('canbo', { javaScript: false })
    await page.goto('/can-bo/don/moi')
    await page.selectOption('#f-channel', 'duong_day_nong')
    await page.selectOption('#f-contentType', 'kien_nghi_phan_anh')
    await page.fill('#f-senders-0-name', 'Võ Thị Thu')
    await page.fill('#f-senders-0-phone', 'không có')
    // Enter in a field shows the suggestion: it neither saves nor adds a signer
    await page.press('#f-senders-0-name', 'Enter')
    await expect.poll(() => page.locator('#classification').textContent()).toContain('Hướng xử lý')
    expect(new URL(page.url()).pathname).toBe('/can-bo/don/moi')
    expect(await page.locator('#f-senders-1-name').count()).toBe(0)
    expect(await page.inputValue('#f-senders-0-name')).toBe('Võ Thị Thu')
    await page.locator('#save-letter').click()
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1)
    expect(await page.locator('#f-summary-error').textContent()).toBe('Nhập tóm tắt nội dung đơn.')
    expect(await page.locator('#f-senders-0-phone-error').textContent()).toContain('Số điện thoại')
    expect(await page.inputValue('#f-senders-0-name')).toBe('Võ Thị Thu')
    expect(await page.inputValue('#f-senders-0-phone')).toBe('không có')
    // the suggestion without JavaScript: a button
    await page.fill('#f-senders-0-phone', '0905111222')
    await page.fill('#f-senders-0-address', 'Thôn 2, xã Sơn Tây')
    await page.fill('#f-summary', 'Đèn chiếu sáng đường thôn 2 hỏng nhiều tháng.')
    await page.selectOption('#f-field', 'xay_dung')
    await page.selectOption('#f-location', 'XA_SON_TAY')
    await page.locator('.form-actions button[value="phan-loai"]').click()
    await expect.poll(() => page.locator('#suggested-outcome').textContent()).toBe('Chuyển đơn')
    // a second signer, without JavaScript: the page comes back with one more row
    await page.locator('button[value="them-nguoi"]').click()
    await expect.poll(() => page.locator('#f-senders-1-name').count()).toBe(1)
    await page.fill('#f-senders-1-name', 'Nguyễn Văn Hai')
    await page.fill('#f-senders-1-address', 'Thôn 2, xã Sơn Tây')
    await Promise.all([page.waitForURL(/\?ok=dang-ky$/), page.locator('#save-letter').click()])
    expect(await page.locator('#senders-list li').count()).toBe(2)
    await Promise.all([page.waitForURL(/\?ok=quyet-dinh/), page.locator('#accept-suggestion').click()])
    expect(await page.locator('#decision-outcome').textContent()).toContain('Chuyển đơn')
    await page.goto('/can-bo/don?tab=cho_phuc_dap')
    await page.fill('#f-q', 'vo thi thu')
    await Promise.all([page.waitForURL(/q=vo\+thi\+thu/), page.locator('.queue-filters button[type="submit"]').click()])
    expect(await page.locator('#queue-total').textContent()).toBe('1 đơn.')
    expect(problems).toEqual([])
  })

  it('resolves an accepted second complaint on its case page: suspension makes the deadline "Tạm dừng", Mẫu 14a prints; Mẫu 01 prints blank and filled', async () => {
    const letter = await decideByApi({
      receivedAt: isoToday(),
      channel: 'buu_chinh',
      contentType: 'khieu_nai',
      writtenDate: isoToday(),
      field: 'dat_dai',
      location: 'XA_SON_TAY',
      senders: [{ name: 'Lê Văn Mười', address: 'Thôn 2, xã Sơn Tây', idNumber: '051080009999', signed: true }],
      respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây', isHead: true },
      summary: 'Khiếu nại quyết định giải quyết lần đầu về bồi thường đất.',
      request: 'Bồi thường theo giá thị trường.',
      complaintRound: 2,
      decision: { number: '30/QĐ-UBND', date: daysAgo(10), knownDate: daysAgo(5) },
    })
    const { page, problems } = await desk('canbo')
    await page.goto(`/can-bo/don/${letter.id}`)
    expect(await page.locator('#todo-doi_thoai_lan_hai').count()).toBe(1)
    await expectAccessible(page, 'case page with the resolution section')
    // the proposal to accept (Mẫu 01) prints on one A4 sheet, its approval block whole
    await Promise.all([page.waitForURL(/\/van-ban\//), page.locator('a.document-link', { hasText: 'Phiếu đề xuất thụ lý' }).first().click()])
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1)
    await page.goto(`/can-bo/don/${letter.id}`)
    await page.locator('#resolution-form-suspension summary').click()
    await page.selectOption('#f-suspension-ground', 'tro_ngai_khach_quan')
    await page.fill('#f-suspension-reason', 'Người khiếu nại điều trị dài ngày tại bệnh viện.')
    await Promise.all([page.waitForURL(/\?ok=giai-quyet/), page.locator('#resolution-submit-suspension').click()])
    expect(await page.locator('#resolution-due').textContent()).toContain('Tạm dừng')
    expect(await page.locator('#deadline-giai-quyet').textContent()).toContain('Tạm dừng')
    await expectAccessible(page, 'suspended case')
    await screenshot(page, 'staff-case-resolution')
    await Promise.all([page.waitForURL(/\/van-ban\//), page.locator('#resolution-events a.document-link').first().click()])
    expect(await page.locator('.official-document').textContent()).toContain('Về việc tạm đình chỉ giải quyết khiếu nại')
    await page.goto(`/can-bo/don/${letter.id}/mau/don-khieu-nai`)
    expect(await page.locator('.official-document').textContent()).toContain('Lê Văn Mười')
    await expectAccessible(page, 'filled complaint form')
    await page.goto('/can-bo/don/mau/giay-uy-quyen')
    await expectAccessible(page, 'blank authorisation form')
    expect(problems).toEqual([])
  })

  it('extends an accepted denunciation on its case page (Luật Tố cáo Art. 30): the due date moves by the days decided; the decision prints without the denouncer', async () => {
    const letter = await decideByApi({
      receivedAt: isoToday(),
      channel: 'buu_chinh',
      contentType: 'to_cao',
      writtenDate: isoToday(),
      field: 'dat_dai',
      senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
      respondent: { agencyCode: 'UBND_TINH', person: 'Nguyễn Văn Tâm', isHead: false },
      act: 'Nhận tiền để hợp thức hóa đất lấn chiếm.',
      summary: 'Tố cáo cán bộ nhận hối lộ.',
      hasEvidence: true,
    })
    const { page, problems } = await desk('canbo')
    await page.goto(`/can-bo/don/${letter.id}`)
    // on a phone each fact takes the whole width (label above value), not a 40 px column
    await page.setViewportSize(PHONE)
    expect(await page.locator('#letter-facts dd').first().evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(250)
    await page.setViewportSize(DESKTOP)
    const dueBefore = (await page.locator('#resolution-due').textContent())!.trim()
    await page.locator('#resolution-form-extension summary').click()
    await page.fill('#f-extension-days', '31')
    await page.fill('#f-extension-reason', 'Phải xác minh tại ba xã.')
    await page.locator('#resolution-submit-extension').click()
    await expect.poll(() => page.locator('#f-extension-days-error').textContent()).toContain('không quá 30 ngày')
    expect(await page.inputValue('#f-extension-reason')).toBe('Phải xác minh tại ba xã.')
    await page.fill('#f-extension-days', '15')
    await Promise.all([page.waitForURL(/\?ok=giai-quyet/), page.locator('#resolution-submit-extension').click()])
    const dueAfter = (await page.locator('#resolution-due').textContent())!.trim()
    const day = (vi: string) => Date.parse(vi.slice(0, 10).split('/').reverse().join('-'))
    // 45 days from acceptance instead of 30 (a holiday at the end of either may move it by a day or two)
    expect((day(dueAfter) - day(dueBefore)) / 86_400_000).toBeGreaterThanOrEqual(13)
    expect((day(dueAfter) - day(dueBefore)) / 86_400_000).toBeLessThanOrEqual(17)
    await expectAccessible(page, 'extended denunciation')
    // the proposal to accept (Mẫu 01) prints on one A4 sheet, its approval block whole
    const proposal = page.locator('a.document-link', { hasText: 'Phiếu đề xuất thụ lý' }).first()
    await Promise.all([page.waitForURL(/\/van-ban\//), proposal.click()])
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1)
    await page.goBack()
    await Promise.all([page.waitForURL(/\/van-ban\//), page.locator('#resolution-events a.document-link', { hasText: 'gia hạn' }).click()])
    const decision = (await page.locator('.official-document').textContent()) ?? ''
    expect(decision).toContain('Về việc gia hạn giải quyết tố cáo')
    expect(decision).toContain('thêm 15 ngày')
    expect(decision).not.toMatch(/Hoa Mai|0912000111|Tổ 5/)
    expect(problems).toEqual([])
  })

  it('the year report with its charts and forms: accessible on a desktop and on a phone, every chart segment a link to its letters', async () => {
    await decideByApi({
      receivedAt: isoToday(),
      channel: 'hop_thu',
      contentType: 'kien_nghi_phan_anh',
      writtenDate: isoToday(),
      field: 'giao_thong',
      location: 'XA_SON_TAY',
      senders: [{ name: 'Trần Văn Bảy', address: 'Thôn 4, xã Sơn Tây', signed: true }],
      summary: 'Đường liên thôn 4 xuống cấp, đề nghị sửa chữa.',
    })
    await staffToken(server, 'baocao', ['bao_cao'])
    const { page, problems } = await desk('baocao')
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear()
    await page.goto(`/can-bo/bao-cao?ky=nam&nam=${year}`)
    expect(await page.locator('.chart__svg a').count()).toBeGreaterThan(0)
    // only the fields of the chosen kind of period show
    expect(await page.locator('#f-thang').isVisible()).toBe(false)
    expect(await page.locator('#f-from').isVisible()).toBe(false)
    await page.selectOption('#f-ky', 'thang')
    expect(await page.locator('#f-thang').isVisible()).toBe(true)
    await page.selectOption('#f-ky', 'tuy-chon')
    expect(await page.locator('#f-from').isVisible()).toBe(true)
    expect(await page.locator('#f-nam').isVisible()).toBe(false)
    await page.selectOption('#f-ky', 'nam')
    await expectAccessible(page, 'year report')
    await page.setViewportSize(PHONE)
    await expectAccessible(page, 'year report on a phone')
    // the page itself does not scroll sideways (wide forms and tables scroll in their own boxes)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
    // the charts keep a legible size (their boxes scroll sideways instead of shrinking the text)
    const labelHeight = await page.locator('.chart__svg .chart__label tspan').first().evaluate((el) => el.getBoundingClientRect().height)
    expect(labelHeight).toBeGreaterThanOrEqual(9)
    // the report page and its print view go to the printer as A4 landscape, every sheet of them
    const sheets = async () =>
      [...(await page.pdf({ preferCSSPageSize: true })).toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/g)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'))
    await page.goto(`/can-bo/bao-cao?ky=nam&nam=${year}`)
    const reportSheets = await sheets()
    expect(reportSheets.length).toBeGreaterThan(0)
    expect(new Set(reportSheets)).toEqual(new Set(['landscape']))
    // printed on A4 landscape (273 mm between the margins ≈ 1031 px), every form fits the width
    await page.goto(`/can-bo/bao-cao/in?ky=nam&nam=${year}`)
    await page.setViewportSize({ width: 1031, height: 800 })
    await page.emulateMedia({ media: 'print' })
    const widths = await page.locator('table.table--report-form').evaluateAll((tables) => tables.map((t) => Math.ceil(t.getBoundingClientRect().width)))
    expect(widths.length).toBe(3)
    for (const w of widths) expect(w).toBeLessThanOrEqual(1031)
    // (pdf() prints with the emulated media: print)
    const printSheets = await sheets()
    expect(printSheets.length).toBeGreaterThan(1)
    expect(new Set(printSheets)).toEqual(new Set(['landscape']))
    await page.emulateMedia({ media: 'screen' })
    expect(problems).toEqual([])
  })

  it('an agency confirms receipt and records the reply; the board sees it', async () => {
    const letter = await decideByApi({
      receivedAt: isoToday(),
      channel: 'hop_thu',
      contentType: 'kien_nghi_phan_anh',
      writtenDate: isoToday(),
      field: 'moi_truong',
      location: 'XA_SON_TAY',
      senders: [{ name: 'Phạm Thị Lan', address: 'Thôn 1, xã Sơn Tây', signed: true }],
      summary: 'Bãi rác tự phát gây ô nhiễm nguồn nước sinh hoạt của thôn 1.',
    })
    const { page, problems } = await desk('sontay')
    await page.goto('/can-bo/co-quan')
    const entry = page.locator('.inbox-item', { hasText: `${letter.code.slice(0, 4)}-${letter.code.slice(4)}` })
    const waiting = page.locator('#inbox-tabs a', { hasText: 'Chờ tiếp nhận' }).locator('.tabs__count')
    const waitingBefore = Number(await waiting.textContent())
    await markPage(page)
    await entry.locator('button', { hasText: 'Xác nhận đã nhận' }).click()
    await expect.poll(() => entry.locator('.badge').first().textContent()).toBe('Cơ quan đã tiếp nhận, chưa phúc đáp')
    // the tab counts follow the confirmed entry (swapped out of band)
    await expect.poll(async () => Number(await waiting.textContent())).toBe(waitingBefore - 1)
    expect(await samePage(page)).toBe(true)
    await expectAccessible(page, 'agency inbox')
    await screenshot(page, 'staff-agency')
    await Promise.all([page.waitForURL(/\/can-bo\/co-quan\/[^/?]+$/), entry.locator('a.inbox-item__title').click()])
    await page.fill('#f-number', '45/UBND-TNMT')
    await page.fill('#f-result', 'Đã tổ chức thu dọn bãi rác, lắp biển cấm đổ rác.')
    await Promise.all([page.waitForURL(/\?ok=phuc-dap$/), page.locator('#record-reply').click()])
    expect(await page.locator('#reply-recorded').textContent()).toContain('45/UBND-TNMT')
    expect(await page.locator('#forwarding-state').textContent()).toBe('Đã có văn bản phúc đáp')
    await expectAccessible(page, 'forwarding page')
    await screenshot(page, 'staff-agency-reply')
    expect(problems).toEqual([])

    const board = await desk('canbo')
    await board.page.goto('/can-bo/co-quan/tong-hop')
    expect(await board.page.locator('#recent-replies').textContent()).toContain('45/UBND-TNMT')
    expect(await board.page.locator('#agency-summary').textContent()).toContain('Ủy ban nhân dân xã Sơn Tây')
    await expectAccessible(board.page, 'replies overview')
    await screenshot(board.page, 'staff-replies')
    await board.page.goto(`/can-bo/don/${letter.id}`)
    expect(await board.page.locator('#letter-status').textContent()).toBe('Đã có phúc đáp')
    expect(board.problems).toEqual([])
  })

  it('an agency cannot open another agency’s letter (403) nor see who denounced', async () => {
    const letter = await decideByApi({
      receivedAt: isoToday(),
      channel: 'buu_chinh',
      contentType: 'to_cao',
      writtenDate: isoToday(),
      field: 'dat_dai',
      senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', phone: '0912000111', signed: true }],
      respondent: { agencyCode: 'UBND_PHUONG_CAM_THANH', person: 'Nguyễn Văn Tâm, cán bộ địa chính', isHead: false },
      act: 'Tôi, Lê Thị Hoa Mai, tố cáo cán bộ địa chính nhận 20 triệu đồng để hợp thức hóa đất lấn chiếm.',
      hasEvidence: true,
    })
    const other = await desk('sontay')
    const refused = await other.page.goto(`/can-bo/don/${letter.id}`)
    expect(refused?.status()).toBe(403)
    expect(await other.page.locator('h1').textContent()).toBe('Không có quyền truy cập')

    const ward = await desk('camthanh')
    const seen = await ward.page.goto(`/can-bo/don/${letter.id}`)
    expect(seen?.status()).toBe(200)
    const identity = ['Hoa Mai', '0912000111', 'Tổ 5']
    for (const value of identity) expect(await ward.page.content()).not.toContain(value)
    expect(await ward.page.locator('#senders-hidden').textContent()).toContain('giữ bí mật')
    await ward.page.goto('/can-bo/co-quan')
    await ward.page.locator('a.inbox-item__title', { hasText: `${letter.code.slice(0, 4)}-${letter.code.slice(4)}` }).click()
    await ward.page.waitForURL(/\/can-bo\/co-quan\/[^/?]+$/)
    for (const value of identity) expect(await ward.page.content()).not.toContain(value)
    // the forwarding slip the ward may open is the redacted one
    await Promise.all([ward.page.waitForURL(/\/van-ban\//), ward.page.locator('a.document-link').first().click()])
    for (const value of identity) expect(await ward.page.content()).not.toContain(value)
    expect(ward.problems).toEqual([])
    expect(other.problems).toEqual([])
  })
})
