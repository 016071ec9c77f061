/** GET/PUT /api/v1/agencies: the directory of agencies (API.md "Settings and reference data"). */
import { Hono } from 'hono'
import { directoryProblems, type Agency } from '../../domain/agency.ts'
import { listAgencies, replaceDirectory } from '../../db/agencies.ts'
import type { AppEnv } from '../env.ts'
import { invalid } from '../errors.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { DirectorySchema } from '../schemas/agency.ts'
import { parseOrThrow, readJson } from '../validation.ts'

export const toApiAgency = (a: Agency) => ({
  code: a.code,
  name: a.name,
  level: a.level,
  kind: a.kind,
  parentCode: a.parentCode,
  fields: a.fields,
  areaCodes: a.areaCodes,
  headTitle: a.headTitle ?? null,
  address: a.address ?? null,
  validFrom: a.validFrom ?? null,
  validTo: a.validTo ?? null,
  active: a.active !== false,
})

/** Validates a whole directory; throws a 422 with row-level field errors. */
export async function validDirectory(input: unknown, existingCodes: ReadonlySet<string>): Promise<Agency[]> {
  const agencies = parseOrThrow(DirectorySchema, input)
  const problems = directoryProblems(agencies, existingCodes)
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: p.path, message: p.message })))
  return agencies
}

export const agenciesApi = new Hono<AppEnv>()
  .get('/', apiRequires('view_directory'), async (c) => {
    const agencies = await listAgencies(c.get('deps').db, {
      q: c.req.query('q'),
      activeOnly: c.req.query('active') === 'true',
    })
    return c.json(agencies.map(toApiAgency))
  })
  .put('/', apiRequires('manage_agencies'), async (c) => {
    const { db, now } = c.get('deps')
    const body = await readJson(c)
    const existing = new Set((await listAgencies(db)).map((a) => a.code))
    const agencies = await validDirectory(body, existing)
    const result = await replaceDirectory(db, agencies, actorOf(c.get('user')!), now())
    return c.json({ count: result.count, deactivated: result.deactivated, deleted: result.deleted })
  })
