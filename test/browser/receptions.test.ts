/**
 * The reception log in a real browser (Debian's Chromium, the real Node server): a reception
 * officer records a large group that opens a matter and a letter, finds the visit again by
 * typing the name without diacritics, records a second visit on the same matter by searching
 * for it, refuses a visit and opens its Mẫu 01/TCD notice, and prints the register; the visit
 * form also works with JavaScript off. No console error, CSP violation or serious
 * accessibility problem anywhere. `npm run screenshots` writes docs/screenshots/staff-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { vnDateOf } from '../../src/domain/calendar.ts'
import {
  DESKTOP,
  PHONE,
  api,
  axeViolations,
  launchChromium,
  phonePage,
  screenshot,
  signIn,
  staffPassword,
  staffToken,
  startServer,
  type PhonePage,
  type RunningServer,
} from '../support/browser.ts'

let server: RunningServer
let browser: Browser
let officerToken: string
const opened: PhonePage[] = []

// Set-up errors (no Chromium above all) are re-thrown by every test, so each one fails with the reason.
let setup: Promise<void>
beforeAll(async () => {
  setup = (async () => {
    server = await startServer()
    browser = await launchChromium()
    officerToken = await staffToken(server, 'tiepdan', ['tiep_dan'])
  })()
  await setup.catch(() => {})
}, 120_000)

afterAll(async () => {
  for (const p of opened) await p.context.close().catch(() => {})
  await browser?.close()
  await server?.stop()
}, 60_000)

async function officer(options: { javaScript?: boolean } = {}) {
  await setup
  const p = await phonePage(browser, server.url, { ...options, viewport: DESKTOP })
  opened.push(p)
  await signIn(p.page, 'tiepdan', staffPassword('tiepdan'))
  return p
}

async function expectAccessible(page: Page, what: string) {
  const violations = await axeViolations(page)
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
}

const today = () => vnDateOf(new Date())
const viToday = () => today().split('-').reverse().join('/')

/** Fills one visitor row of the form. */
async function fillVisitor(page: Page, i: number, v: { name: string; address: string; id: string; representative?: boolean }) {
  await page.fill(`#f-visitors-${i}-name`, v.name)
  await page.fill(`#f-visitors-${i}-address`, v.address)
  await page.selectOption(`#f-visitors-${i}-idKind`, 'can_cuoc')
  await page.fill(`#f-visitors-${i}-idNumber`, v.id)
  if (v.representative) await page.check(`#f-visitors-${i}-representative`)
}

async function save(page: Page) {
  await Promise.all([page.waitForURL(/\/can-bo\/tiep-dan\/[A-Za-z0-9_-]+\?ok=moi$/), page.locator('button[value="luu"]').click()])
}

let matterHref = ''

describe('the reception log in Chromium', { timeout: 180_000 }, () => {
  it('records a group of 12 with two representatives that opens a matter and a letter', async () => {
    const { page, problems } = await officer()
    await page.goto('/can-bo/tiep-dan')
    await page.locator('#new-visit').click()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ghi lượt tiếp công dân')
    expect(await page.inputValue('#f-date')).toBe(viToday())
    await page.fill('#f-persons', '12')
    await fillVisitor(page, 0, { name: 'Phạm Văn Hùng', address: 'Thôn 3, xã Bình Sơn, tỉnh Quảng Ngãi', id: '051075000111', representative: true })
    // htmx adds the second row in place
    await page.locator('button[value="them-nguoi"]').click()
    await page.locator('#f-visitors-1-name').waitFor()
    expect(await page.inputValue('#f-visitors-0-name')).toBe('Phạm Văn Hùng')
    await fillVisitor(page, 1, { name: 'Võ Thị Lan', address: 'Thôn 3, xã Bình Sơn, tỉnh Quảng Ngãi', id: '051080000222', representative: true })
    await page.selectOption('#f-contentType', 'khieu_nai')
    await page.selectOption('#f-field', 'dat_dai')
    await page.fill('#f-summary', 'Đoàn 12 hộ dân thôn 3 khiếu nại việc bồi thường, hỗ trợ giải phóng mặt bằng dự án đường ven biển Dung Quất – Sa Huỳnh.')
    // the letter's fields appear with "nhận đơn" (CSS only)
    expect(await page.locator('#f-respondentPerson').isVisible()).toBe(false)
    await page.check('#f-handling-nhan_don')
    expect(await page.locator('#f-respondentPerson').isVisible()).toBe(true)
    await page.fill('#f-respondentPerson', 'Chủ tịch Ủy ban nhân dân xã Bình Sơn')
    await page.fill('#f-request', 'Đề nghị bồi thường theo giá đất ở, bố trí tái định cư.')
    await page.fill('#f-documentsReceived', 'Đơn khiếu nại có 12 chữ ký (03 trang)\nBản sao Quyết định số 125/QĐ-UBND ngày 15/5/2026')
    await expectAccessible(page, 'visit form')
    await screenshot(page, 'staff-reception-form')
    await save(page)

    await expect.poll(() => page.locator('#flash').textContent()).toContain('Đã lập đơn')
    expect(await page.locator('#visit-persons').textContent()).toContain('đoàn đông người')
    const letterHref = await page.locator('#letter-link').getAttribute('href')
    expect(letterHref).toMatch(/^\/can-bo\/don\/[A-Za-z0-9_-]+$/)
    matterHref = (await page.locator('#matter-link').getAttribute('href'))!
    expect(matterHref).toMatch(/^\/can-bo\/vu-viec\/[A-Za-z0-9_-]+$/)
    // the letter (its case page is another screen's): received in person today, in the visit's matter, signed by both
    const letterId = letterHref!.split('/').pop()!
    const letter = await api<{ channel: string; receivedAt: string; matterId: string; letter: { senders: Array<{ name: string; signed: boolean }> } }>(
      server,
      'GET',
      `/api/v1/letters/${letterId}`,
      undefined,
      officerToken,
    )
    expect(letter.status).toBe(200)
    expect(letter.body).toMatchObject({ channel: 'truc_tiep', receivedAt: today(), matterId: matterHref.split('/').pop() })
    expect(letter.body.letter.senders.map((s) => [s.name, s.signed])).toEqual([
      ['Phạm Văn Hùng', true],
      ['Võ Thị Lan', true],
    ])
    await expectAccessible(page, 'visit page')
    expect(problems).toEqual([])
  })

  it('finds the visit again by typing the name without diacritics in the log search', async () => {
    const { page, problems } = await officer()
    await page.goto('/can-bo/tiep-dan')
    await page.fill('#f-q', 'pham van hung')
    // htmx swaps the results and pushes the URL
    await page.waitForURL(/q=pham\+van\+hung/)
    await expect.poll(() => page.locator('#count-visits').textContent()).toBe('1')
    await expect.poll(() => page.locator('#visit-results tbody tr').count()).toBe(1)
    expect(await page.locator('#visit-results tbody').textContent()).toContain('Phạm Văn Hùng')
    expect(await page.locator('#count-persons').textContent()).toBe('12')
    await expectAccessible(page, 'log')
    await screenshot(page, 'staff-reception-log')
    // on a phone each visit is a card as wide as the screen
    await page.setViewportSize(PHONE)
    expect(await page.locator('#visit-results tbody tr').first().evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(PHONE.width)
    await expectAccessible(page, 'log on a phone')
    await page.setViewportSize(DESKTOP)
    // open the visit, then Back: the filtered log comes back whole
    await Promise.all([page.waitForURL(/\/can-bo\/tiep-dan\/[A-Za-z0-9_-]+$/), page.locator('#visit-results tbody a').first().click()])
    await page.goBack()
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sổ tiếp công dân')
    await expect.poll(() => page.locator('#count-visits').textContent()).toBe('1')
    expect(problems).toEqual([])
  })

  it('records a second visit on the same matter by searching for it', async () => {
    const { page, problems } = await officer()
    await page.goto('/can-bo/tiep-dan/moi')
    await page.fill('#f-persons', '2')
    await fillVisitor(page, 0, { name: 'Võ Thị Lan', address: 'Thôn 3, xã Bình Sơn, tỉnh Quảng Ngãi', id: '051080000222', representative: true })
    await page.fill('#f-matterQuery', 'vo thi lan')
    const matterId = matterHref.split('/').pop()!
    const option = page.locator(`#f-caseId-${matterId}`)
    await option.waitFor()
    expect(await page.locator('#matter-results').textContent()).toContain('1 lượt tiếp, 1 đơn')
    await option.check()
    await page.fill('#f-summary', 'Đề nghị cho biết kết quả giải quyết đơn khiếu nại đã nộp.')
    await page.check('#f-handling-giai_thich')
    await save(page)
    expect(await page.locator('#matter-link').getAttribute('href')).toBe(matterHref)
    expect(problems).toEqual([])
  })

  it('records a refused visit and opens its Mẫu 01/TCD notice', async () => {
    const { page, problems } = await officer()
    await page.goto('/can-bo/tiep-dan/moi')
    await fillVisitor(page, 0, { name: 'Trương Văn Kiên', address: 'Tổ 4, phường Cẩm Thành, tỉnh Quảng Ngãi', id: '051070000999' })
    await page.fill('#f-summary', 'Tiếp tục khiếu nại việc thu hồi đất năm 2019 đã được giải quyết lần hai, có hiệu lực pháp luật.')
    await page.check('#f-handling-tu_choi')
    await page.selectOption('#f-refusalGround', 'tcd_9_3')
    await save(page)
    expect(await page.locator('#refusal-due').textContent()).toContain('03 ngày làm việc')
    await Promise.all([page.waitForURL(/\/van-ban\//), page.locator('#visit-documents a').first().click()])
    expect(await page.locator('#document-source').textContent()).toContain('Mẫu số 01/TCD, Nghị định số 154/2026/NĐ-CP')
    const doc = (await page.locator('.official-document').textContent()) ?? ''
    expect(doc).toContain('Về việc từ chối tiếp công dân')
    expect(doc).toContain('Trương Văn Kiên')
    expect(doc).toContain('khoản 3 Điều 9 Luật Tiếp công dân')
    // the print button appears only where scripts run (CSP: no inline script)
    expect(await page.locator('button[data-print]').isVisible()).toBe(true)
    expect(problems).toEqual([])
  })

  it('prints the register for the period as Mẫu 03/TCD', async () => {
    const { page, problems } = await officer()
    await page.goto('/can-bo/tiep-dan')
    await Promise.all([page.waitForURL(/\/can-bo\/tiep-dan\/in\?/), page.locator('#print-register').click()])
    expect(await page.locator('h1').textContent()).toBe('SỔ TIẾP CÔNG DÂN')
    expect(await page.locator('#tcd-register thead tr').first().locator('th').count()).toBe(12)
    const rows = page.locator('#tcd-register tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    const first = await rows.nth(0).locator('td').allTextContents()
    expect(first).toHaveLength(12)
    expect(first[2]).toContain('Phạm Văn Hùng (người đại diện)')
    expect(first[3]).toContain('051075000111')
    expect(first[6]).toBe('12')
    expect((await rows.nth(2).locator('td').allTextContents())[11]).toContain('Từ chối tiếp')
    await page.setViewportSize({ width: 1123, height: 794 })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.no-print').first().isVisible()).toBe(false)
    await screenshot(page, 'staff-register-print')
    expect(problems).toEqual([])
  })

  it('the visit form works with JavaScript off', async () => {
    const { page, problems } = await officer({ javaScript: false })
    await page.goto('/can-bo/tiep-dan/moi')
    await page.fill('#f-persons', '3')
    await fillVisitor(page, 0, { name: 'Đặng Thị Thu', address: 'Thôn 1, xã Sơn Tây, tỉnh Quảng Ngãi', id: '051185000444' })
    // "Thêm người" is a plain submit: the whole form comes back with one more row and everything kept
    await Promise.all([page.waitForLoadState('load'), page.locator('button[value="them-nguoi"]').click()])
    await page.locator('#f-visitors-1-name').waitFor()
    expect(await page.inputValue('#f-visitors-0-idNumber')).toBe('051185000444')
    await fillVisitor(page, 1, { name: 'Đặng Văn Tâm', address: 'Thôn 1, xã Sơn Tây, tỉnh Quảng Ngãi', id: '051190000555' })
    // the search too: results in the re-rendered form
    await page.fill('#f-matterQuery', 'pham van hung')
    await Promise.all([page.waitForLoadState('load'), page.locator('button[value="tim-vu-viec"]').click()])
    await page.locator(`#f-caseId-${matterHref.split('/').pop()}`).waitFor()
    expect(await page.inputValue('#f-visitors-1-name')).toBe('Đặng Văn Tâm')
    // a mistake comes back with its message next to the field
    await page.check('#f-handling-huong_dan')
    await page.fill('#f-summary', 'Kiến nghị sửa chữa kênh mương nội đồng bị sạt lở.')
    await page.selectOption('#f-contentType', 'kien_nghi_phan_anh')
    await Promise.all([page.waitForLoadState('load'), page.locator('button[value="luu"]').click()])
    expect(await page.locator('#f-handledTo-error').textContent()).toBe('Ghi cơ quan, người có thẩm quyền mà công dân được hướng dẫn đến.')
    expect(await page.inputValue('#f-visitors-1-name')).toBe('Đặng Văn Tâm')
    expect(await page.locator('#f-handledTo').isVisible()).toBe(true)
    await page.fill('#f-handledTo', 'Ủy ban nhân dân xã Sơn Tây')
    await page.fill('#f-handledRef', '15/HD-BTCD')
    await save(page)
    expect(await page.locator('#visit-handling').textContent()).toContain('Ủy ban nhân dân xã Sơn Tây (văn bản số 15/HD-BTCD)')
    expect(problems).toEqual([])
  })
})
