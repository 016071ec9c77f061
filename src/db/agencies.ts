/** The agency directory: list, search (diacritic-insensitive) and replace-by-upsert. */
import { sql, type CompiledQuery } from 'kysely'
import type { Agency } from '../domain/agency.ts'
import type { AgencyKind, AgencyLevel } from '../domain/codes.ts'
import { foldVi } from '../domain/text.ts'
import { cachedConfig } from './config-cache.ts'
import { chunkRows, type Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'
import type { AgencyRow } from './schema.ts'

export const agencyFromRow = (row: AgencyRow): Agency => ({
  code: row.code,
  name: row.name,
  level: row.level as AgencyLevel,
  kind: row.kind as AgencyKind,
  parentCode: row.parent_code,
  fields: JSON.parse(row.fields) as string[],
  areaCodes: JSON.parse(row.area_codes) as string[],
  headTitle: row.head_title,
  address: row.address,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  active: row.active === 1,
})

export interface AgencyQuery {
  /** Folded search over name and code: "so nong nghiep" finds "Sở Nông nghiệp…". */
  q?: string | undefined
  activeOnly?: boolean | undefined
}

/** The directory (frozen, and read again only after a change when unfiltered: src/db/config-cache.ts), or the agencies matching `query`. */
export async function listAgencies(db: Db, query: AgencyQuery = {}): Promise<Agency[]> {
  if (!query.q && !query.activeOnly) return cachedConfig(db, 'agencies', () => readAgencies(db, {}))
  return readAgencies(db, query)
}

async function readAgencies(db: Db, query: AgencyQuery): Promise<Agency[]> {
  let select = db.kysely.selectFrom('agencies').selectAll()
  const q = query.q ? foldVi(query.q) : ''
  if (q !== '') {
    for (const word of q.split(' ')) {
      const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
      select = select.where((eb) =>
        eb.or([
          eb('name_folded', 'like', sql<string>`${pattern} ESCAPE '\\'`),
          eb(sql<string>`lower(code)`, 'like', sql<string>`${pattern} ESCAPE '\\'`),
        ]),
      )
    }
  }
  if (query.activeOnly) select = select.where('active', '=', 1)
  const rows = await select.orderBy('level').orderBy('code').execute()
  return rows.map(agencyFromRow)
}

export async function agencyCodesReferencedByRecords(db: Db): Promise<Set<string>> {
  const rows = await db.kysely
    .selectFrom('letters')
    .select('competent_agency_code as code')
    .where('competent_agency_code', 'is not', null)
    .union(db.kysely.selectFrom('forwardings').select('agency_code as code'))
    .union(db.kysely.selectFrom('users').select('agency_code as code').where('agency_code', 'is not', null))
    .union(db.kysely.selectFrom('documents').select('addressee_agency_code as code').where('addressee_agency_code', 'is not', null))
    .union(db.kysely.selectFrom('letter_decisions').select('competent_agency_code as code').where('competent_agency_code', 'is not', null))
    .execute()
  return new Set(rows.map((r) => r.code).filter((c): c is string => c !== null))
}

/**
 * Saves agencies (upsert by code). With `removeUnlisted` (PUT /api/v1/agencies: the list
 * replaces the directory) an agency that is no longer listed is deleted, unless records point
 * to it, in which case it is kept and marked inactive. One atomic batch, with its history.
 */
export async function saveDirectory(
  db: Db,
  agencies: readonly Agency[],
  { removeUnlisted }: { removeUnlisted: boolean },
  actor: Actor,
  now: Date,
) {
  const at = now.toISOString()
  const existing = await db.kysely.selectFrom('agencies').select(['code']).execute()
  const listed = new Set(agencies.map((a) => a.code))
  const dropped = removeUnlisted ? existing.map((r) => r.code).filter((code) => !listed.has(code)) : []
  const existingCodes = new Set(existing.map((r) => r.code))
  const created = agencies.filter((a) => !existingCodes.has(a.code)).length
  const droppedSet = new Set(dropped)
  // kept (inactive) instead of deleted: referenced by records, a listed agency's parent, or
  // an ancestor of one of those
  const kept = new Set<string>()
  if (dropped.length > 0) {
    const referenced = await agencyCodesReferencedByRecords(db)
    for (const agency of agencies) if (agency.parentCode && droppedSet.has(agency.parentCode)) referenced.add(agency.parentCode)
    const parentOf = new Map(
      (await db.kysely.selectFrom('agencies').select(['code', 'parent_code']).execute()).map((r) => [r.code, r.parent_code]),
    )
    for (const code of dropped) {
      if (!referenced.has(code)) continue
      let current: string | null | undefined = code
      while (current != null && droppedSet.has(current) && !kept.has(current)) {
        kept.add(current)
        current = parentOf.get(current)
      }
    }
  }
  const deleted = dropped.filter((code) => !kept.has(code))

  // multi-row upserts: D1 counts statements per request, and binds at most 100 parameters each
  const rows = agencies.map((agency) => ({
    code: agency.code,
    name: agency.name,
    name_folded: foldVi(agency.name),
    level: agency.level,
    kind: agency.kind,
    parent_code: agency.parentCode,
    fields: JSON.stringify(agency.fields),
    area_codes: JSON.stringify(agency.areaCodes),
    head_title: agency.headTitle ?? null,
    address: agency.address ?? null,
    valid_from: agency.validFrom ?? null,
    valid_to: agency.validTo ?? null,
    active: agency.active === false ? (0 as const) : (1 as const),
    created_at: at,
    updated_at: at,
  }))
  const queries: CompiledQuery[] = chunkRows(rows, 15).map((chunk) =>
    db.kysely
      .insertInto('agencies')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_folded: eb.ref('excluded.name_folded'),
          level: eb.ref('excluded.level'),
          kind: eb.ref('excluded.kind'),
          parent_code: eb.ref('excluded.parent_code'),
          fields: eb.ref('excluded.fields'),
          area_codes: eb.ref('excluded.area_codes'),
          head_title: eb.ref('excluded.head_title'),
          address: eb.ref('excluded.address'),
          valid_from: eb.ref('excluded.valid_from'),
          valid_to: eb.ref('excluded.valid_to'),
          active: eb.ref('excluded.active'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .compile(),
  )
  for (const codes of chunkRows([...kept], 1)) {
    queries.push(db.kysely.updateTable('agencies').set({ active: 0, updated_at: at }).where('code', 'in', codes).compile())
  }
  // the order of deletes does not matter: the parent foreign key is checked at the end of the batch
  for (const codes of chunkRows(deleted, 1)) {
    queries.push(db.kysely.deleteFrom('agencies').where('code', 'in', codes).compile())
  }
  queries.push(
    recordHistory(db, now, actor, {
      entity: 'agency',
      entityId: agencies.length === 1 && !removeUnlisted ? agencies[0]!.code : '*',
      action: removeUnlisted ? 'thay_danh_ba' : 'cap_nhat_co_quan',
      data: { count: agencies.length, created, deactivated: [...kept], deleted },
    }),
  )
  await db.atomic(queries)
  return { count: agencies.length, created, updated: agencies.length - created, deactivated: [...kept], deleted }
}

export const replaceDirectory = (db: Db, agencies: readonly Agency[], actor: Actor, now: Date) =>
  saveDirectory(db, agencies, { removeUnlisted: true }, actor, now)
