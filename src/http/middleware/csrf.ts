/**
 * CSRF protection for the browser pages (the JSON API uses bearer tokens, which a browser
 * never attaches by itself, so it needs none).
 *
 * Two checks on every unsafe request: (1) a token — a random value in an HttpOnly cookie that
 * each form repeats in a hidden `_csrf` field (htmx requests may send it as X-CSRF-Token); and
 * (2) when the browser says where the request comes from (Sec-Fetch-Site / Origin), it must be
 * this site.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { newToken, timingSafeEqualText } from '../auth/crypto.ts'
import type { AppEnv } from '../env.ts'

export const CSRF_COOKIE = 'pakn_csrf'
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export class CsrfError extends Error {
  constructor() {
    super('csrf')
    this.name = 'CsrfError'
  }
}

function sameSite(c: Context<AppEnv>): boolean {
  const site = c.req.header('sec-fetch-site')
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const origin = c.req.header('origin')
  if (origin === undefined) return true // not a browser that tells: the token alone decides
  const allowed = c.get('deps').config.publicOrigin ?? new URL(c.req.url).origin
  return origin === allowed || origin === new URL(c.req.url).origin
}

async function submittedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER)
  if (header) return header
  const type = c.req.header('content-type') ?? ''
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    const body = await c.req.parseBody()
    const value = body[CSRF_FIELD]
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE)
  if (!SAFE_METHODS.has(c.req.method)) {
    const submitted = await submittedToken(c)
    if (!token || !submitted || !timingSafeEqualText(token, submitted) || !sameSite(c)) throw new CsrfError()
  }
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = newToken()
    setCookie(c, CSRF_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      secure: c.get('deps').config.secureCookies,
    })
  }
  c.set('csrfToken', token)
  await next()
}
