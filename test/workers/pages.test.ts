// Server-rendered pages and the browser sign-in on workerd + D1: the CSRF cookie and token,
// the Origin check, the session cookie, and static files from Workers assets.
import { SELF, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ORIGIN, admin, cookieHeader, csrfField, setCookieHeader, setCookies, url } from './helpers.ts'

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()

/** GET /dang-nhap: the CSRF cookie and the same token in the form. */
async function openLoginPage() {
  const res = await SELF.fetch(url('/dang-nhap'))
  expect(res.status).toBe(200)
  const csrfCookie = setCookies(res).get('pakn_csrf')
  const token = csrfField(await res.text())
  expect(csrfCookie).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(token).toBe(csrfCookie)
  return { csrfCookie: csrfCookie!, token: token! }
}

function postLogin(fields: Record<string, string>, cookies: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) {
  return SELF.fetch(url('/dang-nhap'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies), ...headers },
    body: form(fields),
  })
}

describe('pages', () => {
  it('renders the start page in Vietnamese with the board name from the sample settings', async () => {
    const res = await SELF.fetch(url('/'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/)
    expect(html).toContain('<h1>Ban Tiếp công dân tỉnh</h1>')
    expect(html).toContain('Bạn muốn gửi gì?')
    expect(html).toContain('/static/vendor/htmx-4.0.1.min.js')
    // the app's security headers apply on Workers too
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('renders the sign-in page with a CSRF field matching the pakn_csrf cookie', async () => {
    const res = await SELF.fetch(url('/dang-nhap'))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Đăng nhập cán bộ')
    expect(html).toContain('name="username"')
    const cookie = setCookieHeader(res, 'pakn_csrf')
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Secure/i)
    expect(csrfField(html)).toBe(setCookies(res).get('pakn_csrf'))
  })

  it('answers an unknown page with the Vietnamese 404 page', async () => {
    const res = await SELF.fetch(url('/khong-co-trang-nay'))
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Không tìm thấy trang')
  })

  // On Cloudflare, Workers assets answer /static/... before the Worker runs. SELF skips that
  // router in the vitest pool, so this goes through the test-only ASSETS binding over the
  // directory of wrangler.toml [assets] (see vitest.workers.config.ts).
  it('serves public/static/... at /static/... with the cache headers of public/_headers', async () => {
    const js = await env.ASSETS.fetch(url('/static/vendor/htmx-4.0.1.min.js'))
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await js.text()).toMatch(/^var htmx=/)

    const css = await env.ASSETS.fetch(url('/static/css/app.css'))
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
    expect(css.headers.get('cache-control')).toBe('public, max-age=300')
    expect(css.headers.get('x-content-type-options')).toBe('nosniff')
    await css.arrayBuffer()

    // the headers file itself is configuration, not content
    const headersFile = await env.ASSETS.fetch(url('/_headers'))
    expect(headersFile.status).toBe(404)
    await headersFile.arrayBuffer()
  })
})

describe('browser sign-in', () => {
  it('redirects /can-bo to the sign-in page without a session', async () => {
    const res = await SELF.fetch(url('/can-bo'), { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/dang-nhap?next=%2Fcan-bo')
  })

  it('signs in through the form and shows the workspace with the session cookie', async () => {
    const { csrfCookie, token } = await openLoginPage()
    const res = await postLogin({ _csrf: token, ...admin(), next: '/can-bo' }, { pakn_csrf: csrfCookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/can-bo')
    const sid = setCookies(res).get('pakn_sid')
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(setCookieHeader(res, 'pakn_sid')).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/i)

    const page = await SELF.fetch(url('/can-bo'), {
      redirect: 'manual',
      headers: { cookie: cookieHeader({ pakn_csrf: csrfCookie, pakn_sid: sid! }) },
    })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Xin chào, Quản trị hệ thống')
    expect(html).toContain('Danh bạ cơ quan')
    expect(html).toContain('Cơ quan chủ quản: Ủy ban nhân dân tỉnh Quảng Ngãi')
  })

  it('refuses a form POST without the CSRF token (403), and signs nobody in', async () => {
    const { csrfCookie } = await openLoginPage()
    const res = await postLogin({ ...admin() }, { pakn_csrf: csrfCookie })
    expect(res.status).toBe(403)
    expect(setCookies(res).has('pakn_sid')).toBe(false)
    expect(await res.text()).toContain('Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ')
  })

  it('refuses a form POST with a wrong token or from another origin (403)', async () => {
    const { csrfCookie, token } = await openLoginPage()
    // the last character changed (to one it is not: a token ending in x stayed right 1 time in 64)
    const wrongToken = await postLogin({ _csrf: `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`, ...admin() }, { pakn_csrf: csrfCookie })
    expect(wrongToken.status).toBe(403)
    const crossSite = await postLogin({ _csrf: token, ...admin() }, { pakn_csrf: csrfCookie }, { origin: 'https://evil.test' })
    expect(crossSite.status).toBe(403)
    const fetchMeta = await postLogin({ _csrf: token, ...admin() }, { pakn_csrf: csrfCookie }, { 'sec-fetch-site': 'cross-site' })
    expect(fetchMeta.status).toBe(403)
  })

  it('shows the Vietnamese error for a wrong password (401) without a session', async () => {
    const { csrfCookie, token } = await openLoginPage()
    const res = await postLogin({ _csrf: token, username: admin().username, password: 'sai-mat-khau' }, { pakn_csrf: csrfCookie })
    expect(res.status).toBe(401)
    expect(setCookies(res).has('pakn_sid')).toBe(false)
    expect(await res.text()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.')
  })

  it('signs out: the session no longer opens /can-bo', async () => {
    const { csrfCookie, token } = await openLoginPage()
    const login = await postLogin({ _csrf: token, ...admin() }, { pakn_csrf: csrfCookie })
    const sid = setCookies(login).get('pakn_sid')!
    const cookies = { pakn_csrf: csrfCookie, pakn_sid: sid }
    const logout = await SELF.fetch(url('/dang-xuat'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(cookies), origin: ORIGIN },
      body: form({ _csrf: token }),
    })
    expect(logout.status).toBe(303)
    const page = await SELF.fetch(url('/can-bo'), { redirect: 'manual', headers: { cookie: cookieHeader(cookies) } })
    expect(page.status).toBe(303)
  })
})
