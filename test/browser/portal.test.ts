/**
 * The citizen portal in a real browser at a phone's size: file each kind of letter, get the
 * receipt, open its QR link, watch the status change when staff decide; errors next to the
 * fields; a denouncer's identity on no public page and not in a receiving agency's view; no
 * serious accessibility violation (axe-core) on any portal page; no console error or CSP
 * violation anywhere. `npm run screenshots` also writes docs/screenshots/*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { qrSvg } from '../../src/http/submissions/qr.ts'
import { api, axeViolations, launchChromium, phonePage, screenshot, staffToken, startServer, type PhonePage, type RunningServer } from '../support/browser.ts'

// a 1×1 PNG and a one-line PDF: real magic bytes, tiny
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

let server: RunningServer
let browser: Browser
let handler: string
let agencyUser: string
const opened: PhonePage[] = []

// Set-up errors (no Chromium above all) are re-thrown by every test, so each one fails with
// the reason instead of being reported as skipped.
let setup: Promise<void>
beforeAll(async () => {
  setup = (async () => {
    server = await startServer()
    browser = await launchChromium()
    handler = await staffToken(server, 'xulydon', ['xu_ly_don'])
    agencyUser = await staffToken(server, 'camthanh', ['co_quan'], 'UBND_PHUONG_CAM_THANH')
  })()
  await setup.catch(() => {})
}, 120_000)

afterAll(async () => {
  for (const p of opened) await p.context.close().catch(() => {})
  await browser?.close()
  await server?.stop()
}, 60_000)

async function phone(options: { javaScript?: boolean } = {}) {
  await setup
  const p = await phonePage(browser, server.url, options)
  opened.push(p)
  return p
}

async function expectAccessible(page: Page, what: string) {
  const violations = await axeViolations(page)
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

interface Receipt {
  code: string
  key: string
  statusUrl: string
}

async function readReceipt(page: Page): Promise<Receipt> {
  await expect.poll(() => page.locator('h1').textContent()).toBe('Đã nhận đơn của bạn')
  const code = (await page.locator('#receipt-code').textContent())!.trim()
  const key = (await page.locator('#receipt-key').textContent())!.trim()
  const statusUrl = (await page.locator('.receipt__link a').getAttribute('href'))!
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  expect(key).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  // the QR code on the receipt encodes exactly the status link
  expect(await page.locator('svg.qr path').getAttribute('d')).toBe(qrSvg(statusUrl).path)
  return { code, key, statusUrl }
}

async function letterIdOf(code: string): Promise<string> {
  const res = await api<{ items: Array<{ id: string; code: string }> }>(server, 'GET', `/api/v1/letters?q=${encodeURIComponent(code)}`, undefined, handler)
  const item = res.body.items.find((i) => i.code === code.replace('-', ''))
  if (!item) throw new Error(`letter ${code} not found: ${JSON.stringify(res.body)}`)
  return item.id
}

async function decide(code: string) {
  const res = await api(server, 'POST', `/api/v1/letters/${await letterIdOf(code)}/decision`, {}, handler)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

async function onlineLetterCount() {
  const res = await api<{ items: unknown[] }>(server, 'GET', '/api/v1/letters?channel=truc_tuyen&limit=200', undefined, handler)
  return res.body.items.length
}

const submit = (page: Page) => page.locator('button[value="gui"]').click()

describe('citizen portal in Chromium at 360×740', { timeout: 180_000 }, () => {
  it('the start page explains the four kinds and leads to their forms', async () => {
    const { page, problems } = await phone()
    await page.goto('/')
    await expect.poll(() => page.locator('h2#kinds-title').textContent()).toBe('Bạn muốn gửi gì?')
    for (const title of ['Khiếu nại', 'Tố cáo', 'Kiến nghị', 'Phản ánh']) await expect.poll(() => page.locator('.kind-card h3', { hasText: title }).count()).toBe(1)
    const text = (await page.locator('main').textContent()) ?? ''
    expect(text).toContain('10 ngày')
    expect(text).toContain('7 ngày làm việc (đơn nhận từ 01/07/2026)')
    expect(text).toContain('5 ngày làm việc')
    // nothing is wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    await expectAccessible(page, 'start page')
    await screenshot(page, 'start')
    await page.locator('a[href="/gui-don/to-cao"]').click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Gửi đơn tố cáo')
    expect(problems).toEqual([])
  })

  it('files a complaint, shows the receipt with its QR link, and the status changes once staff decide', async () => {
    const { page, problems } = await phone()
    await page.goto('/gui-don/khieu-nai')
    await expectAccessible(page, 'complaint form')
    await screenshot(page, 'form-khieu-nai')
    await page.fill('#f-senders-0-name', 'Đặng Văn Đức')
    await page.fill('#f-senders-0-address', 'Thôn 3, xã Sơn Tây, tỉnh Quảng Ngãi')
    await page.fill('#f-senders-0-phone', '0905 123 456')
    await page.selectOption('#f-respondent-agencyCode', 'UBND_XA_SON_TAY')
    await page.fill('#f-respondent-person', 'Chủ tịch Ủy ban nhân dân xã Sơn Tây')
    await page.fill('#f-decision-number', '12/QĐ-UBND')
    await page.fill('#f-decision-date', '10/01/2026')
    await page.fill('#f-summary', 'Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi mà không bồi thường.')
    await page.fill('#f-request', 'Hủy Quyết định số 12/QĐ-UBND và bồi thường đúng quy định.')
    await page.selectOption('#f-field', 'dat_dai')
    await page.selectOption('#f-location', 'XA_SON_TAY')
    await page.setInputFiles('#f-attachments', [{ name: 'quyet-dinh.pdf', mimeType: 'application/pdf', buffer: PDF }])
    await page.check('#f-declaration')
    await submit(page)
    const receipt = await readReceipt(page)
    expect(await page.locator('.receipt').textContent()).toContain('1 tệp')
    await expectAccessible(page, 'receipt')
    await screenshot(page, 'receipt')
    // printed, the receipt is one A4 portrait sheet (the report's landscape pages are its own)
    const printed = (await page.pdf({ preferCSSPageSize: true })).toString('latin1')
    expect(printed.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1)
    const [, width, height] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/.exec(printed)!.map(Number)
    expect(width).toBeLessThan(height!)

    // the QR link opens the status page: received, not yet decided
    await page.goto(receipt.statusUrl)
    await expect.poll(() => page.locator('#status-stage').textContent()).toBe('Đã tiếp nhận, đang xem xét để xử lý đơn')
    expect(await page.locator('#status-outcome').textContent()).toContain('Chưa có')
    // every possible outcome is explained, one tap away
    await page.locator('.outcome-guide summary').click()
    expect(await page.locator('.outcome-guide dt').count()).toBe(8)
    await expectAccessible(page, 'status page')
    await screenshot(page, 'status-received')

    await decide(receipt.code)
    await page.reload()
    await expect.poll(() => page.locator('#status-outcome').textContent()).toBe('Hướng dẫn gửi đến cơ quan có thẩm quyền')
    expect(await page.locator('#status-stage').textContent()).toBe('Đã xử lý đơn')
    expect(await page.locator('#status-agency').textContent()).toBe('Ủy ban nhân dân xã Sơn Tây')
    expect(await page.locator('main').textContent()).toContain('Kết quả này nghĩa là gì?')
    await expectAccessible(page, 'status page after decision')
    await screenshot(page, 'status-decided')
    expect(problems).toEqual([])
  })

  it('a denunciation: the protections are explained; neither the status page nor the receiving agency sees the denouncer', async () => {
    const { page, problems } = await phone()
    await page.goto('/gui-don/to-cao')
    expect(await page.locator('#protect-title').textContent()).toBe('Quyền của người tố cáo')
    await expectAccessible(page, 'denunciation form')
    await screenshot(page, 'form-to-cao')
    await page.fill('#f-senders-0-name', 'Lê Thị Hoa Mai')
    await page.fill('#f-senders-0-address', 'Tổ 5, phường Cẩm Thành')
    await page.fill('#f-senders-0-phone', '0912000111')
    await page.fill('#f-senders-0-idNumber', '051190004321')
    await page.fill('#f-respondent-person', 'Nguyễn Văn Tâm, cán bộ địa chính phường')
    await page.selectOption('#f-respondent-agencyCode', 'UBND_PHUONG_CAM_THANH')
    await page.fill('#f-act', 'Nhận 20 triệu đồng để hợp thức hóa đất lấn chiếm ngày 10/02/2026.')
    await page.setInputFiles('#f-attachments', [{ name: 'anh.png', mimeType: 'image/png', buffer: PNG }])
    await page.check('#f-declaration')
    await submit(page)
    const receipt = await readReceipt(page)
    const identity = ['Lê Thị Hoa Mai', 'Tổ 5', '0912000111', '051190004321']

    await page.goto(receipt.statusUrl)
    await decide(receipt.code)
    await page.reload()
    await expect.poll(() => page.locator('#status-outcome').textContent()).toBe('Chuyển đơn đến cơ quan có thẩm quyền')
    const html = await page.content()
    for (const value of identity) expect(html).not.toContain(value)

    // the receiving agency's user (co_quan of Cẩm Thành) sees the letter, never who sent it
    const view = await api<{ sendersHidden: boolean; letter: { senders: unknown[] } }>(server, 'GET', `/api/v1/letters/${await letterIdOf(receipt.code)}`, undefined, agencyUser)
    expect(view.status).toBe(200)
    expect(view.body.sendersHidden).toBe(true)
    expect(view.body.letter.senders).toEqual([])
    const json = JSON.stringify(view.body)
    for (const value of identity) expect(json).not.toContain(value)
    expect(problems).toEqual([])
  })

  it('an anonymous denunciation needs evidence, and its receipt says it is the only way to follow the case', async () => {
    const { page, problems } = await phone()
    await page.goto('/gui-don/to-cao')
    await page.check('#f-anonymous')
    await page.fill('#f-respondent-person', 'Công ty TNHH Cát Vàng')
    await page.check('#f-respondent-private')
    await page.fill('#f-act', 'Khai thác cát trái phép ban đêm trên sông Trà Khúc.')
    await page.check('#f-declaration')
    await submit(page)
    await expect.poll(() => page.locator('#f-attachments-error').textContent()).toContain('chứng cứ')
    await page.setInputFiles('#f-attachments', [{ name: 'bai-cat.jpg', mimeType: 'image/jpeg', buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]) }])
    await submit(page)
    await readReceipt(page)
    expect(await page.locator('.receipt__keep').textContent()).toContain('biên nhận này là cách duy nhất')
    expect(problems).toEqual([])
  })

  it('a recommendation from several signers: rows are added with JavaScript (htmx) and without, keeping what was typed', async () => {
    for (const javaScript of [true, false]) {
      const { page, problems } = await phone({ javaScript })
      await page.goto('/gui-don/kien-nghi')
      if (javaScript) {
        await expectAccessible(page, 'recommendation form')
        await screenshot(page, 'form-kien-nghi')
      }
      await page.fill('#f-senders-0-name', 'Phạm Thị Lan')
      await page.fill('#f-senders-0-address', 'Thôn 1, xã Sơn Tây')
      await page.fill('#f-summary', 'Đường liên thôn 1–3 xuống cấp, mùa mưa ngập sâu.')
      // with JavaScript, htmx swaps the signers' fieldset in place: the page is not reloaded
      await page.evaluate(() => ((globalThis as { samePage?: boolean }).samePage = true))
      await page.locator('button[value="them-nguoi"]').click()
      await expect.poll(() => page.locator('#f-senders-1-name').count()).toBe(1)
      expect(await page.evaluate(() => (globalThis as { samePage?: boolean }).samePage === true)).toBe(javaScript)
      // the new row has the focus, so keyboard and screen-reader users continue there
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-senders-1-name')
      expect(await page.inputValue('#f-senders-0-name')).toBe('Phạm Thị Lan')
      expect(await page.inputValue('#f-summary')).toBe('Đường liên thôn 1–3 xuống cấp, mùa mưa ngập sâu.')
      await page.fill('#f-senders-1-name', 'Võ Văn Hùng')
      await page.fill('#f-senders-1-address', 'Thôn 3, xã Sơn Tây')
      await page.fill('#f-request', 'Đề nghị sửa chữa, nâng cấp tuyến đường trước mùa mưa.')
      await page.selectOption('#f-field', 'giao_thong')
      await page.selectOption('#f-location', 'XA_SON_TAY')
      await page.check('#f-declaration')
      await submit(page)
      const receipt = await readReceipt(page)
      await page.goto(receipt.statusUrl)
      await expect.poll(() => page.locator('#status-stage').textContent()).toBe('Đã tiếp nhận, đang xem xét để xử lý đơn')
      await decide(receipt.code)
      await page.reload()
      await expect.poll(() => page.locator('#status-stage').textContent()).not.toBe('Đã tiếp nhận, đang xem xét để xử lý đơn')
      expect(await page.locator('#status-outcome').textContent()).not.toContain('Chưa có')
      expect(problems).toEqual([])
    }
  })

  it('feedback sent with a double click, or sent again after going back, is one letter whose receipt still shows the key', async () => {
    const { page, problems } = await phone()
    await page.goto('/gui-don/phan-anh')
    await expectAccessible(page, 'feedback form')
    await screenshot(page, 'form-phan-anh')
    await page.fill('#f-senders-0-name', 'Trần Minh Quân')
    await page.fill('#f-senders-0-address', 'Tổ 2, phường Nghĩa Lộ')
    await page.fill('#f-summary', 'Bộ phận một cửa yêu cầu nộp thêm bản sao giấy tờ đã có trên hệ thống dữ liệu dân cư.')
    await page.check('#f-aboutAdministrativeRegulation')
    await page.check('#f-declaration')
    const before = await onlineLetterCount()
    await page.locator('button[value="gui"]').dblclick()
    const receipt = await readReceipt(page)
    expect(await onlineLetterCount()).toBe(before + 1)
    // "Back" restores the form as it was sent; sending it again is a resend: the same receipt
    // (key included), nothing new stored
    await page.goBack()
    await expect.poll(() => page.inputValue('#f-senders-0-name')).toBe('Trần Minh Quân')
    await submit(page)
    expect(await readReceipt(page)).toEqual(receipt)
    expect(await page.locator('main .flash--info').textContent()).toContain('đã được nhận trước đó')
    // reloading the receipt posts the form again: still the same receipt
    await page.reload()
    expect(await readReceipt(page)).toEqual(receipt)
    expect(await onlineLetterCount()).toBe(before + 1)
    await page.goto(receipt.statusUrl)
    await expect.poll(() => page.locator('#status-stage').textContent()).toBe('Đã tiếp nhận, đang xem xét để xử lý đơn')
    await decide(receipt.code)
    await page.reload()
    await expect.poll(() => page.locator('#status-outcome').textContent()).not.toContain('Chưa có')
    expect(problems).toEqual([])
  })

  it('errors appear next to their fields, linked from a summary, with the input kept', async () => {
    const { page, problems } = await phone()
    await page.goto('/gui-don/khieu-nai')
    await page.fill('#f-senders-0-name', 'Đặng Văn Đức')
    await page.fill('#f-senders-0-phone', 'không có')
    await page.fill('#f-decision-date', '31/02/2026')
    await page.fill('#f-summary', 'Khiếu nại quyết định thu hồi đất.')
    await submit(page)
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1)
    // the page opens on what is wrong: the summary has the focus, on the first screen, and the title says so
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true)
    expect(await page.locator('.error-summary').evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true)
    expect(await page.title()).toMatch(/^Lỗi: /)
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(links).toEqual(
      expect.arrayContaining(['#f-senders-0-address', '#f-senders-0-phone', '#f-decision-date', '#f-respondent-person', '#f-request', '#f-declaration']),
    )
    for (const href of links) expect(await page.locator(href!).count(), href!).toBe(1)
    // each message sits in its field's block, and the field points to it
    expect(await page.locator('#f-senders-0-address-error').textContent()).toContain('địa chỉ')
    expect(await page.getAttribute('#f-senders-0-phone', 'aria-describedby')).toContain('f-senders-0-phone-error')
    expect(await page.getAttribute('#f-senders-0-phone', 'aria-invalid')).toBe('true')
    expect(await page.inputValue('#f-senders-0-name')).toBe('Đặng Văn Đức')
    expect(await page.inputValue('#f-senders-0-phone')).toBe('không có')
    expect(await page.inputValue('#f-decision-date')).toBe('31/02/2026')
    expect(await page.inputValue('#f-summary')).toBe('Khiếu nại quyết định thu hồi đất.')
    await expectAccessible(page, 'form with errors')
    await screenshot(page, 'errors')
    // the summary's links take the keyboard user to the field
    await page.locator('.error-summary a[href="#f-senders-0-address"]').click()
    expect(await page.evaluate(() => location.hash)).toBe('#f-senders-0-address')
    expect(problems).toEqual([])
  })

  it('a wrong key and an unknown code give the same neutral page', async () => {
    const { page, problems } = await phone()
    await page.goto('/tra-cuu')
    await expectAccessible(page, 'look-up form')
    await screenshot(page, 'lookup')
    await page.fill('#f-ma', 'ABCD-EFGH')
    await page.fill('#f-khoa', 'ABCD-EFGH-JKLM')
    await page.locator('form.lookup-form button').click()
    await expect.poll(() => page.locator('.flash--warning').textContent()).toContain('Không tìm thấy đơn')
    const unknown = (await page.locator('main').textContent())!.replace(/ABCD-EFGH(-JKLM)?/g, '')
    // a real code with a wrong key
    await page.goto('/gui-don/phan-anh')
    await page.fill('#f-senders-0-name', 'Nguyễn Thị Thu')
    await page.fill('#f-senders-0-address', 'Thôn 4, xã Bình Sơn')
    await page.fill('#f-summary', 'Rác thải tồn đọng ở chợ xã nhiều ngày chưa được thu gom.')
    await page.check('#f-declaration')
    await submit(page)
    const receipt = await readReceipt(page)
    const response = await page.goto(`/tra-cuu?ma=${receipt.code}&khoa=ABCD-EFGH-JKLM`)
    expect(response?.status()).toBe(404)
    const wrong = (await page.locator('main').textContent())!.replace(receipt.code, '').replace(/ABCD-EFGH(-JKLM)?/g, '')
    expect(wrong).toBe(unknown)
    await expectAccessible(page, 'not found')
    expect(problems).toEqual([])
  })
})
