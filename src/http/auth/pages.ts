/** Page guards: sign-in required (redirect to /dang-nhap), then a permission (403 page). */
import type { MiddlewareHandler } from 'hono'
import { can, type Permission } from '../../domain/permissions.ts'
import type { AppEnv } from '../env.ts'
import { forbidden } from '../errors.ts'

/** Only local paths are followed after sign-in (no open redirect). */
export const safeNext = (next: string | undefined | null): string =>
  next && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/can-bo'

export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) {
    const url = new URL(c.req.url)
    return c.redirect(`/dang-nhap?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
  }
  await next()
}

export const pageRequires =
  (permission: Permission): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = c.get('user')
    if (!user) return signedIn(c, next)
    if (!can(user.roles, permission)) throw forbidden()
    await next()
  }
