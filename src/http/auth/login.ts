/**
 * Password check with throttling, shared by the sign-in page and POST /api/v1/auth/token.
 * After 5 failed attempts for a username (or 20 from one address) within 15 minutes, further
 * attempts are refused until 15 minutes after the last failure; the password is not even
 * checked, so guessing gains nothing. A success clears the username's count.
 */
import type { Context } from 'hono'
import { findUserRowByUsername, userFromRow, type User } from '../../db/users.ts'
import { recentLoginFailures, recordLoginAttempt } from '../../db/sessions.ts'
import { recordHistory } from '../../db/history.ts'
import type { AppEnv } from '../env.ts'
import { DUMMY_HASH, verifyPassword } from './crypto.ts'

export const THROTTLE = { windowMinutes: 15, perUsername: 5, perAddress: 20 } as const

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

export async function attemptLogin(c: Context<AppEnv>, rawUsername: string, password: string): Promise<LoginResult> {
  const { db, now: clock, clientAddress } = c.get('deps')
  const now = clock()
  const username = rawUsername.trim().toLowerCase().slice(0, 64)
  const address = clientAddress(c)
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000)
  const failures = await recentLoginFailures(db, username, address, windowStart)
  if ((failures.byUsername >= THROTTLE.perUsername || failures.byAddress >= THROTTLE.perAddress) && failures.latest) {
    const until = new Date(failures.latest).getTime() + THROTTLE.windowMinutes * 60_000
    return { ok: false, reason: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) }
  }
  const row = username ? await findUserRowByUsername(db, username) : undefined
  // verify against a dummy hash for unknown users so timing does not reveal which usernames exist
  const passwordOk = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)
  const ok = Boolean(row && row.active === 1 && passwordOk)
  await recordLoginAttempt(db, username, address, ok, now)
  if (!ok || !row) return { ok: false, reason: 'invalid' }
  await db.atomic([
    recordHistory(db, now, { id: row.id, name: row.display_name }, { entity: 'auth', entityId: row.id, action: 'dang_nhap', data: { address } }),
  ])
  return { ok: true, user: userFromRow(row) }
}

export const throttledMessage = (seconds: number) =>
  `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`
