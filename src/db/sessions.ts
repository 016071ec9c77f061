/**
 * Browser sessions and API bearer tokens (same table, different `kind`), and the login
 * attempts that throttling counts. Callers pass SHA-256 digests: tokens themselves are never stored.
 */
import type { Db } from './db.ts'
import { userFromRow, type User } from './users.ts'

export async function createSession(db: Db, tokenHash: string, userId: string, kind: 'cookie' | 'bearer', now: Date, hours: number) {
  const expiresAt = new Date(now.getTime() + hours * 3600_000)
  await db.atomic([
    db.kysely
      .insertInto('auth_sessions')
      .values({
        token_hash: tokenHash,
        user_id: userId,
        kind,
        created_at: now.toISOString(),
        expires_at: expiresAt.toISOString(),
      })
      .compile(),
  ])
  return expiresAt
}

/** The active user behind an unexpired token of that kind, or null. */
export async function userForToken(db: Db, tokenHash: string, kind: 'cookie' | 'bearer', now: Date): Promise<User | null> {
  const row = await db.kysely
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .selectAll('users')
    .where('auth_sessions.token_hash', '=', tokenHash)
    .where('auth_sessions.kind', '=', kind)
    .where('auth_sessions.expires_at', '>', now.toISOString())
    .where('users.active', '=', 1)
    .executeTakeFirst()
  return row ? userFromRow(row) : null
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.atomic([db.kysely.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).compile()])
}

// ----- login throttling ------------------------------------------------------------------

export interface RecentFailures {
  byUsername: number
  byAddress: number
  /** Time of the latest counted failure, ISO. */
  latest: string | null
}

export async function recentLoginFailures(db: Db, username: string, address: string, since: Date): Promise<RecentFailures> {
  const sinceIso = since.toISOString()
  // failures since the last success of that username count against it
  const lastSuccess = await db.kysely
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('username', '=', username)
    .where('success', '=', 1)
    .where('at', '>=', sinceIso)
    .executeTakeFirst()
  const from = lastSuccess?.at && lastSuccess.at > sinceIso ? lastSuccess.at : sinceIso
  const byUsername = await db.kysely
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .where('username', '=', username)
    .where('success', '=', 0)
    .where('at', '>', from)
    .executeTakeFirstOrThrow()
  const byAddress = await db.kysely
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latest')])
    .where('ip', '=', address)
    .where('success', '=', 0)
    .where('at', '>', sinceIso)
    .executeTakeFirstOrThrow()
  const latest = [byUsername.latest, byAddress.latest].filter((x): x is string => typeof x === 'string').sort().at(-1) ?? null
  return { byUsername: Number(byUsername.n), byAddress: Number(byAddress.n), latest }
}

export async function recordLoginAttempt(db: Db, username: string, address: string, success: boolean, now: Date) {
  await db.atomic([
    db.kysely
      .insertInto('login_attempts')
      .values({ username, ip: address, at: now.toISOString(), success: success ? 1 : 0 })
      .compile(),
    // keep the table small: a day of attempts is all throttling ever looks at
    db.kysely
      .deleteFrom('login_attempts')
      .where('at', '<', new Date(now.getTime() - 24 * 3600_000).toISOString())
      .compile(),
  ])
}
