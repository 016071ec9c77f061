/** /api/v1/users: staff accounts (admin only). An extension of API.md. */
import { Hono } from 'hono'
import { listAgencies } from '../../db/agencies.ts'
import type { Db } from '../../db/db.ts'
import { createUser, listUsers, updateUser, type User } from '../../db/users.ts'
import type { AppEnv } from '../env.ts'
import { conflict, invalid, notFound, type FieldError } from '../errors.ts'
import { hashPassword } from '../auth/crypto.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { NewUserSchema, UserUpdateSchema } from '../schemas/user.ts'
import { parseOrThrow, readJson } from '../validation.ts'

export const toApiUser = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  agencyCode: u.agencyCode,
  active: u.active,
  createdAt: u.createdAt,
})

export async function assertAgencyExists(db: Db, agencyCode: string | null | undefined) {
  if (!agencyCode) return
  const codes = new Set((await listAgencies(db)).map((a) => a.code))
  if (!codes.has(agencyCode)) throw invalid([{ path: 'agencyCode', message: `Không có cơ quan mã "${agencyCode}" trong danh bạ.` }])
}

/**
 * Rules for an account change, judged on the account as it would be: a receiving-agency user
 * keeps an agency, and the last active admin cannot lock everyone out.
 */
export function userUpdateProblems(
  users: readonly User[],
  id: string,
  change: { roles?: User['roles'] | undefined; agencyCode?: string | null | undefined; active?: boolean | undefined },
): FieldError[] {
  const current = users.find((u) => u.id === id)
  if (!current) return []
  const after = {
    ...current,
    ...(change.roles !== undefined ? { roles: change.roles } : {}),
    ...(change.agencyCode !== undefined ? { agencyCode: change.agencyCode } : {}),
    ...(change.active !== undefined ? { active: change.active } : {}),
  }
  const problems: FieldError[] = []
  if (after.roles.includes('co_quan') && !after.agencyCode) {
    problems.push({ path: 'agencyCode', message: 'Tài khoản cơ quan tiếp nhận phải gắn với một cơ quan.' })
  }
  const adminsLeft = users.map((u) => (u.id === id ? after : u)).filter((u) => u.active && u.roles.includes('admin'))
  if (adminsLeft.length === 0) {
    problems.push({ path: after.active ? 'roles' : 'active', message: 'Phải còn ít nhất một quản trị hệ thống đang hoạt động.' })
  }
  return problems
}

export const usersApi = new Hono<AppEnv>()
  .use(apiRequires('manage_users'))
  .get('/', async (c) => c.json((await listUsers(c.get('deps').db)).map(toApiUser)))
  .post('/', async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(NewUserSchema, await readJson(c))
    await assertAgencyExists(db, input.agencyCode)
    const user = await createUser(
      db,
      { ...input, passwordHash: await hashPassword(input.password) },
      actorOf(c.get('user')!),
      now(),
    )
    if (!user) throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng.`)
    return c.json(toApiUser(user), 201)
  })
  .patch('/:id', async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(UserUpdateSchema, await readJson(c))
    await assertAgencyExists(db, input.agencyCode)
    const problems = userUpdateProblems(await listUsers(db), c.req.param('id'), input)
    if (problems.length > 0) throw invalid(problems)
    const user = await updateUser(
      db,
      c.req.param('id'),
      {
        displayName: input.displayName,
        roles: input.roles,
        agencyCode: input.agencyCode,
        active: input.active,
        passwordHash: input.password === undefined ? undefined : await hashPassword(input.password),
      },
      actorOf(c.get('user')!),
      now(),
    )
    if (!user) throw notFound('Không tìm thấy tài khoản.')
    return c.json(toApiUser(user))
  })
