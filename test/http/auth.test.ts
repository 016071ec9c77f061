import { describe, expect, it } from 'vitest'
import { ADMIN, Browser, testApp } from '../support/app.ts'

const errorShape = expect.objectContaining({
  error: expect.objectContaining({ code: expect.any(String), message: expect.any(String), fields: expect.any(Array) }),
})

describe('POST /api/v1/auth/token', () => {
  it('gives a token for the bootstrapped admin', async () => {
    const t = await testApp()
    const res = await t.json('/api/v1/auth/token', 'POST', ADMIN)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { token: string; expiresAt: string }
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(new Date(body.expiresAt).getTime() - t.clock.now.getTime()).toBe(24 * 3600_000)
  })

  it('refuses a wrong password with 401 in the API error shape, changing nothing but the attempt log', async () => {
    const t = await testApp()
    const sessions = t.count('auth_sessions')
    const res = await t.json('/api/v1/auth/token', 'POST', { username: 'admin', password: 'sai-mat-khau-roi' })
    expect(res.status).toBe(401)
    const body = await res.json()
    expect(body).toEqual(errorShape)
    expect((body as { error: { message: string } }).error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.')
    expect(t.count('auth_sessions')).toBe(sessions)
  })

  it('validates the body with Vietnamese field messages', async () => {
    const t = await testApp()
    const res = await t.json('/api/v1/auth/token', 'POST', { username: '' })
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'username', message: 'Tên đăng nhập là bắt buộc.' },
        { path: 'password', message: 'Trường này là bắt buộc.' },
      ]),
    )
  })

  it('throttles a username after 5 failures in 15 minutes, even with the right password, then lets it in again', async () => {
    const t = await testApp()
    for (let i = 0; i < 5; i++) {
      expect((await t.json('/api/v1/auth/token', 'POST', { username: 'admin', password: `sai-${i}-xxxxxx` })).status).toBe(401)
    }
    const blocked = await t.json('/api/v1/auth/token', 'POST', ADMIN)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/thử lại sau 15 phút/)
    t.clock.advance(15 * 60_000 + 1000)
    expect((await t.json('/api/v1/auth/token', 'POST', ADMIN)).status).toBe(200)
  })

  it('throttles an address that tries many usernames', async () => {
    const t = await testApp()
    for (let i = 0; i < 20; i++) await t.json('/api/v1/auth/token', 'POST', { username: `nguoi${i}`, password: 'khong-dung-abc' })
    expect((await t.json('/api/v1/auth/token', 'POST', ADMIN)).status).toBe(429)
    // another address is not affected
    const other = await t.request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': '198.51.100.1' },
      body: JSON.stringify(ADMIN),
    })
    expect(other.status).toBe(200)
  })
})

describe('bearer tokens', () => {
  it('missing token → 401', async () => {
    const t = await testApp()
    const res = await t.request('/api/v1/agencies')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(errorShape)
  })

  it('malformed or unknown token → 401', async () => {
    const t = await testApp()
    for (const header of ['Bearer', 'Basic abc', 'Bearer ' + 'x'.repeat(43)]) {
      expect((await t.request('/api/v1/agencies', { headers: { authorization: header } })).status).toBe(401)
    }
  })

  it('expired token → 401', async () => {
    const t = await testApp()
    const token = await t.token()
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(200)
    t.clock.advance(24 * 3600_000 + 1)
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(401)
  })

  it('a token of a deactivated user stops working', async () => {
    const t = await testApp()
    const admin = await t.token()
    const created = await t.json('/api/v1/users', 'POST', { username: 'canbo1', displayName: 'Trần Thị Bình', password: 'mat-khau-can-bo-1', roles: ['tiep_dan'] }, admin)
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const token = await t.token('canbo1', 'mat-khau-can-bo-1')
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(200)
    expect((await t.json(`/api/v1/users/${id}`, 'PATCH', { active: false }, admin)).status).toBe(200)
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(401)
  })

  it('a role without the permission gets 403', async () => {
    const t = await testApp()
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'canbo2', displayName: 'Lê Văn Cường', password: 'mat-khau-can-bo-2', roles: ['tiep_dan'] }, admin)
    const token = await t.token('canbo2', 'mat-khau-can-bo-2')
    const res = await t.json('/api/v1/settings', 'PUT', { largeGroupThreshold: 9 }, token)
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden')
  })
})

describe('sign-in page', () => {
  it('signs in with a session cookie holding only a random id, and out again', async () => {
    const t = await testApp()
    const browser = new Browser(t)
    expect((await browser.get('/can-bo')).status).toBe(303)
    const res = await browser.login()
    expect(res.headers.get('location')).toBe('/can-bo')
    const sid = browser.cookies.get('pakn_sid')!
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // the database keeps a digest, never the id itself
    expect(JSON.stringify(t.dump('auth_sessions'))).not.toContain(sid)
    const home = await browser.get('/can-bo')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Xin chào, Quản trị hệ thống')
    expect((await browser.post('/dang-xuat', {})).status).toBe(303)
    expect((await browser.get('/can-bo')).status).toBe(303)
  })

  it('re-shows the form with the username kept after a wrong password', async () => {
    const t = await testApp()
    const browser = new Browser(t)
    await browser.get('/dang-nhap')
    const res = await browser.post('/dang-nhap', { username: 'admin', password: 'sai-roi-nhe-1234' })
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('Tên đăng nhập hoặc mật khẩu không đúng.')
    expect(html).toContain('value="admin"')
    expect(browser.cookies.has('pakn_sid')).toBe(false)
  })

  it('refuses a form post without the CSRF token (403) and signs nobody in', async () => {
    const t = await testApp()
    const browser = new Browser(t)
    await browser.get('/dang-nhap')
    const sessions = t.count('auth_sessions')
    const res = await browser.post('/dang-nhap', { ...ADMIN }, { csrf: false })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('Phiên làm việc đã hết hạn')
    expect(t.count('auth_sessions')).toBe(sessions)
    expect(t.count('login_attempts')).toBe(0)
  })

  it('refuses a form post from another site even with a token', async () => {
    const t = await testApp()
    const browser = new Browser(t)
    await browser.get('/dang-nhap')
    const res = await browser.post('/dang-nhap', { ...ADMIN }, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })

  it('never redirects off-site after sign-in', async () => {
    const t = await testApp()
    const browser = new Browser(t)
    await browser.get('/dang-nhap')
    const res = await browser.post('/dang-nhap', { ...ADMIN, next: '//evil.example/x' })
    expect(res.headers.get('location')).toBe('/can-bo')
  })
})
