// POST /api/v1/auth/token on workerd + D1: the first admin comes from the PAKN_ADMIN_*
// bindings (bootstrap on the first request); PBKDF2 runs on Workers' WebCrypto.
import { SELF, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { admin, getJson, jsonRequest, url, type ApiErrorBody } from './helpers.ts'

describe('POST /api/v1/auth/token', () => {
  it('gives the admin from the bindings a bearer token valid for 24 hours', async () => {
    const before = Date.now()
    const res = await jsonRequest('POST', '/api/v1/auth/token', admin())
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as { token: string; expiresAt: string }
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const hours = (Date.parse(body.expiresAt) - before) / 3600_000
    expect(hours).toBeGreaterThan(23.9)
    expect(hours).toBeLessThan(24.1)

    // only a SHA-256 of the token is stored
    const stored = await env.DB.prepare("SELECT token_hash FROM auth_sessions WHERE kind = 'bearer'").all<{ token_hash: string }>()
    expect(stored.results).toHaveLength(1)
    expect(stored.results[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.results[0]?.token_hash).not.toContain(body.token)

    // and the token opens the API
    const agencies = await getJson('/api/v1/agencies', body.token)
    expect(agencies.status).toBe(200)
    await agencies.arrayBuffer()
  })

  it('stores the admin with a PBKDF2 hash, never the password', async () => {
    const row = await env.DB.prepare('SELECT username, display_name, roles, password_hash FROM users').first<{
      username: string
      display_name: string
      roles: string
      password_hash: string
    }>()
    expect(row?.username).toBe(env.PAKN_ADMIN_USER)
    expect(row?.display_name).toBe('Quản trị hệ thống')
    expect(JSON.parse(row?.roles ?? '[]')).toEqual(['admin'])
    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/)
    expect(row?.password_hash).not.toContain(env.PAKN_ADMIN_PASSWORD)
  })

  it('refuses a wrong password with 401 and the JSON error shape', async () => {
    const res = await jsonRequest('POST', '/api/v1/auth/token', { username: admin().username, password: 'sai-mat-khau' })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.', fields: [] },
    } satisfies ApiErrorBody)
  })

  it('refuses an unknown user the same way', async () => {
    const res = await jsonRequest('POST', '/api/v1/auth/token', { username: 'khong-ton-tai', password: admin().password })
    expect(res.status).toBe(401)
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('invalid_credentials')
  })

  it('answers a request without username with 422 and the field path', async () => {
    const res = await jsonRequest('POST', '/api/v1/auth/token', { password: 'x' })
    expect(res.status).toBe(422)
    const body = (await res.json()) as ApiErrorBody
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.fields.map((f) => f.path)).toEqual(['username'])
  })

  it('refuses a non-JSON body with 415', async () => {
    const res = await SELF.fetch(url('/api/v1/auth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=x',
    })
    expect(res.status).toBe(415)
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('unsupported_media_type')
  })

  it('refuses the API without a token, or with a made-up one (401)', async () => {
    const none = await SELF.fetch(url('/api/v1/agencies'))
    expect(none.status).toBe(401)
    expect(((await none.json()) as ApiErrorBody).error.code).toBe('unauthorized')
    const fake = await getJson('/api/v1/settings', 'x'.repeat(43))
    expect(fake.status).toBe(401)
    await fake.arrayBuffer()
  })

  it('throttles after repeated failures, even for the right password (429)', async () => {
    // one failure for this username since its last success (above); 4 more reach the limit of
    // 5 per username in 15 minutes (the unknown user's failure counts against that name)
    for (let i = 0; i < 4; i++) {
      const res = await jsonRequest('POST', '/api/v1/auth/token', { username: admin().username, password: `sai-${i}` })
      expect(res.status).toBe(401)
      await res.arrayBuffer()
    }
    const res = await jsonRequest('POST', '/api/v1/auth/token', admin())
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await res.json()) as ApiErrorBody).error.code).toBe('too_many_requests')
  })
})
