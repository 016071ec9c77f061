// Small helpers for driving the Worker through SELF (the real fetch handler of
// src/entry/worker.ts, with the D1 binding of wrangler.toml) the way a client would.
import { SELF, env } from 'cloudflare:test'
import { expect } from 'vitest'

/** Any origin works: the Worker sees whatever URL the request carries. */
export const ORIGIN = 'https://pakn.test'

export const url = (path: string) => new URL(path, ORIGIN).toString()

/** The first admin, created by bootstrap from the PAKN_ADMIN_* bindings of the test config. */
export const admin = () => ({ username: env.PAKN_ADMIN_USER ?? '', password: env.PAKN_ADMIN_PASSWORD ?? '' })

export function jsonRequest(method: string, path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  return SELF.fetch(url(path), { method, headers, body: JSON.stringify(body) })
}

export const getJson = (path: string, token: string) =>
  SELF.fetch(url(path), { headers: { authorization: `Bearer ${token}` } })

/** POST /api/v1/auth/token as the admin; fails the test unless a token comes back. */
export async function adminToken(): Promise<string> {
  const res = await jsonRequest('POST', '/api/v1/auth/token', admin())
  expect(res.status).toBe(200)
  const body = (await res.json()) as { token: string }
  return body.token
}

/** name=value pairs from a response's Set-Cookie headers (attributes dropped). */
export function setCookies(res: Response): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const header of res.headers.getSetCookie()) {
    const [pair = ''] = header.split(';')
    const eq = pair.indexOf('=')
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  return cookies
}

/** The raw Set-Cookie header for one cookie, to check its attributes. */
export const setCookieHeader = (res: Response, name: string) =>
  res.headers.getSetCookie().find((h) => h.startsWith(`${name}=`))

export const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')

/** The value of the hidden `_csrf` field in a rendered form. */
export function csrfField(html: string): string | undefined {
  return /<input type="hidden" name="_csrf" value="([^"]+)"/.exec(html)?.[1]
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields: Array<{ path: string; message: string }> }
}
