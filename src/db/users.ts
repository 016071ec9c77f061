/** Staff accounts. Roles are a JSON array checked by triggers against the known roles. */
import type { Role } from '../domain/codes.ts'
import type { Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'
import { newRecordId } from './record-id.ts'
import type { UserRow } from './schema.ts'

export interface User {
  id: string
  username: string
  displayName: string
  roles: Role[]
  agencyCode: string | null
  active: boolean
  createdAt: string
}

export const userFromRow = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: JSON.parse(row.roles) as Role[],
  agencyCode: row.agency_code,
  active: row.active === 1,
  createdAt: row.created_at,
})

export const findUserRowByUsername = (db: Db, username: string) =>
  db.kysely.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst()

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.kysely.selectFrom('users').selectAll().orderBy('username').execute()
  return rows.map(userFromRow)
}

export const countUsers = async (db: Db): Promise<number> =>
  Number((await db.kysely.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

export interface NewUser {
  username: string
  displayName: string
  passwordHash: string
  roles: Role[]
  agencyCode: string | null
}

/** Creates a user; resolves to null when the username is taken. */
export async function createUser(db: Db, user: NewUser, actor: Actor, now: Date): Promise<User | null> {
  const at = now.toISOString()
  const id = newRecordId()
  const insert = db.kysely
    .insertInto('users')
    .values({
      id,
      username: user.username.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      roles: JSON.stringify(user.roles),
      agency_code: user.agencyCode,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .compile()
  const taken = await findUserRowByUsername(db, user.username)
  if (taken) return null
  try {
    await db.atomic([
      insert,
      recordHistory(db, now, actor, {
        entity: 'user',
        entityId: id,
        action: 'tao_tai_khoan',
        data: { username: user.username.toLowerCase(), roles: user.roles, agencyCode: user.agencyCode },
      }),
    ])
  } catch (error) {
    // lost a race with another request creating the same username
    if (error instanceof Error && /UNIQUE constraint failed: users\.username/.test(error.message)) return null
    throw error
  }
  const row = await db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return userFromRow(row)
}

export interface UserChanges {
  displayName?: string | undefined
  roles?: Role[] | undefined
  agencyCode?: string | null | undefined
  active?: boolean | undefined
  passwordHash?: string | undefined
}

export async function updateUser(db: Db, id: string, changes: UserChanges, actor: Actor, now: Date): Promise<User | null> {
  const at = now.toISOString()
  const set = {
    ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
    ...(changes.roles !== undefined ? { roles: JSON.stringify(changes.roles) } : {}),
    ...(changes.agencyCode !== undefined ? { agency_code: changes.agencyCode } : {}),
    ...(changes.active !== undefined ? { active: changes.active ? (1 as const) : (0 as const) } : {}),
    ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
    updated_at: at,
  }
  const queries = [
    db.kysely.updateTable('users').set(set).where('id', '=', id).compile(),
    recordHistory(db, now, actor, {
      entity: 'user',
      entityId: id,
      action: changes.passwordHash !== undefined && Object.keys(changes).length === 1 ? 'doi_mat_khau' : 'sua_tai_khoan',
      data: { ...changes, passwordHash: changes.passwordHash === undefined ? undefined : '***' },
    }),
  ]
  // a deactivated account or a new password ends every open session of that user
  if (changes.active === false || changes.passwordHash !== undefined) {
    queries.push(db.kysely.deleteFrom('auth_sessions').where('user_id', '=', id).compile())
  }
  const [result] = await db.atomic(queries)
  if (!result || result.changes === 0) return null
  const row = await db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  return userFromRow(row)
}
