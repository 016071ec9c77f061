/**
 * Who is asking: a browser session (cookie holding only a random id) for pages, a bearer
 * token for the API. Both map to a row in auth_sessions by the token's SHA-256.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { can, type Permission } from '../../domain/permissions.ts'
import { createSession, deleteSession, userForToken } from '../../db/sessions.ts'
import type { User } from '../../db/users.ts'
import type { Actor } from '../../db/history.ts'
import type { AppEnv, CurrentUser } from '../env.ts'
import { forbidden, unauthorized } from '../errors.ts'
import { newToken, sha256Hex } from './crypto.ts'

export const SESSION_COOKIE = 'pakn_sid'

const currentUser = (user: User): CurrentUser => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: user.roles,
  agencyCode: user.agencyCode,
})

export const actorOf = (user: CurrentUser): Actor => ({ id: user.id, name: user.displayName })

/** Pages: resolve the session cookie (if any) to the signed-in user. */
export const sessionUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const { db, now } = c.get('deps')
  const user = token ? await userForToken(db, await sha256Hex(token), 'cookie', now()) : null
  c.set('user', user ? currentUser(user) : null)
  await next()
}

/** API: resolve `Authorization: Bearer <token>`; 401 without a valid one. */
export const bearerUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,128})\s*$/i.exec(header)
  if (!match?.[1]) throw unauthorized()
  const { db, now } = c.get('deps')
  const user = await userForToken(db, await sha256Hex(match[1]), 'bearer', now())
  if (!user) throw unauthorized()
  c.set('user', currentUser(user))
  await next()
}

/** API: the bearer user must hold the permission (403 otherwise). */
export const apiRequires =
  (permission: Permission): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = c.get('user')
    if (!user) throw unauthorized()
    if (!can(user.roles, permission)) throw forbidden()
    await next()
  }

export async function startBrowserSession(c: Context<AppEnv>, user: User) {
  const { db, now, config } = c.get('deps')
  const token = newToken()
  const expires = await createSession(db, await sha256Hex(token), user.id, 'cookie', now(), config.sessionHours)
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    expires,
  })
}

export async function endBrowserSession(c: Context<AppEnv>) {
  const token = getCookie(c, SESSION_COOKIE)
  if (token) await deleteSession(c.get('deps').db, await sha256Hex(token))
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
}

export async function issueBearerToken(c: Context<AppEnv>, user: User) {
  const { db, now, config } = c.get('deps')
  const token = newToken()
  const expiresAt = await createSession(db, await sha256Hex(token), user.id, 'bearer', now(), config.tokenHours)
  return { token, expiresAt }
}
