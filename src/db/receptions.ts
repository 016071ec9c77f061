/**
 * Reception visits (lượt tiếp), leaders' sessions (kỳ tiếp) and the matters they belong to.
 * A visit without a matter opens one; a leader's visit joins (or opens) that leader's session
 * of the day.
 */
import { sql, type CompiledQuery } from 'kysely'
import { customAlphabet, nanoid } from 'nanoid'
import type { ContentType } from '../domain/codes.ts'
import { senderAddressKey, senderIdKey, senderIdentity, senderSetKey } from '../domain/duplicates.ts'
import { foldVi } from '../domain/text.ts'
import type { Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'
import { visitCategory, visitCriteriaWhere } from './report-dims.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import type { VisitCategory, VisitCriteria } from '../domain/tallies.ts'

const newCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 8)

export interface Visitor {
  name: string
  idNumber?: string | null
  idKind?: string | null
  address?: string | null
  representative?: boolean
  authorisation?: string | null
}

export interface NewReception {
  date: string
  kind: 'thuong_xuyen' | 'dinh_ky' | 'dot_xuat'
  form: 'truc_tiep' | 'truc_tuyen'
  hostName?: string | null
  delegated?: boolean
  persons: number
  matterId?: string | null
  contentType: ContentType
  field?: string | null
  summary?: string | null
  visitors: Visitor[]
  handling?: string | null
  handledTo?: string | null
  refusalGround?: string | null
  letterId?: string | null
}

export const matterExists = async (db: Db, id: string) =>
  Boolean(await db.kysely.selectFrom('matters').select('id').where('id', '=', id).executeTakeFirst())

export async function recordReception(db: Db, r: NewReception, actor: Actor, now: Date): Promise<{ id: string; matterId: string; sessionId: string | null }> {
  const id = nanoid()
  const at = now.toISOString()
  const queries: CompiledQuery[] = []
  let matterId = r.matterId ?? null
  if (!matterId) {
    matterId = nanoid()
    queries.push(
      db.kysely
        .insertInto('matters')
        .values({
          id: matterId,
          code: newCode(),
          content_type: r.contentType,
          field: r.field ?? null,
          summary: r.summary ? r.summary.slice(0, 500) : null,
          sender_key: senderSetKey(r.visitors),
          respondent_key: null,
          opened_on: r.date,
          created_at: at,
          created_by: actor.id,
        })
        .compile(),
    )
  }
  // one session per leader per day: the key is the folded name, so "Nguyễn Văn A" and
  // "nguyen van a" are the same session
  let sessionId: string | null = null
  if (r.kind !== 'thuong_xuyen') {
    const hostFolded = foldVi(r.hostName ?? '')
    const existing = await db.kysely
      .selectFrom('reception_sessions')
      .select('id')
      .where('date', '=', r.date)
      .where('host_folded', '=', hostFolded)
      .executeTakeFirst()
    sessionId = existing?.id ?? nanoid()
    if (!existing) {
      queries.push(
        db.kysely
          .insertInto('reception_sessions')
          .values({
            id: sessionId,
            date: r.date,
            kind: r.kind,
            host_name: r.hostName ?? '',
            host_folded: hostFolded,
            delegated: r.delegated ? 1 : 0,
            created_at: at,
            created_by: actor.id,
          })
          .onConflict((oc) => oc.columns(['date', 'host_folded']).doNothing())
          .compile(),
      )
    }
  }
  queries.push(
    db.kysely
      .insertInto('receptions')
      .values({
        id,
        date: r.date,
        kind: r.kind,
        form: r.form,
        // in a race the session row inserted by another request is the one to join
        session_id: sessionId === null ? null : (eb) =>
          eb.selectFrom('reception_sessions').select('id').where('date', '=', r.date).where('host_folded', '=', foldVi(r.hostName ?? '')),
        host_name: r.hostName ?? null,
        persons: r.persons,
        matter_id: matterId,
        content_type: r.contentType,
        field: r.field ?? null,
        summary: r.summary ?? null,
        handling: r.handling ?? null,
        handled_to: r.handledTo ?? null,
        refusal_ground: r.refusalGround ?? null,
        letter_id: r.letterId ?? null,
        search_text: foldVi([r.summary, r.hostName, r.handledTo].filter(Boolean).join(' ')),
        identity_text: foldVi(r.visitors.flatMap((v) => [v.name, v.address, v.idNumber]).filter(Boolean).join(' ')),
        created_at: at,
        created_by: actor.id,
      })
      .compile(),
  )
  r.visitors.forEach((visitor, position) => {
    queries.push(
      db.kysely
        .insertInto('reception_visitors')
        .values({
          reception_id: id,
          position,
          name: visitor.name,
          name_folded: senderIdentity(visitor)?.name ?? foldVi(visitor.name),
          address: visitor.address ?? null,
          id_kind: visitor.idKind ?? null,
          id_number: visitor.idNumber ?? null,
          representative: visitor.representative ? 1 : 0,
          authorisation: visitor.authorisation ?? null,
          identity_key: senderIdKey(visitor),
          address_key: senderAddressKey(visitor),
        })
        .compile(),
    )
  })
  queries.push(
    recordHistory(db, now, actor, {
      entity: 'reception',
      entityId: id,
      action: 'tiep_cong_dan',
      data: { date: r.date, kind: r.kind, persons: r.persons, matterId, handling: r.handling ?? null },
    }),
  )
  await db.atomic(queries)
  const session = sessionId
    ? await db.kysely.selectFrom('reception_sessions').select('id').where('date', '=', r.date).where('host_folded', '=', foldVi(r.hostName ?? '')).executeTakeFirst()
    : null
  return { id, matterId, sessionId: session?.id ?? null }
}

// ----- lists (the report's drill-down, GET /api/v1/receptions) ----------------------------------

/**
 * Visits matching the report's visit criteria in a window: the same predicate as the tallies
 * (src/db/report-dims.ts), so the list behind a number has exactly its rows.
 */
export interface ReceptionFilter {
  window: Partial<ReportWindow>
  criteria: VisitCriteria
  largeGroupThreshold: number
}

export interface ReceptionListItem {
  id: string
  date: string
  kind: string
  category: VisitCategory
  form: string
  persons: number
  matterId: string
  matterCode: string | null
  sessionId: string | null
  hostName: string | null
  contentType: string
  field: string | null
  summary: string | null
  handling: string | null
}

const visitsMatching = (db: Db, f: ReceptionFilter) =>
  db.kysely
    .selectFrom('receptions')
    .leftJoin('reception_sessions', 'reception_sessions.id', 'receptions.session_id')
    .where((eb) => visitCriteriaWhere(eb, f.criteria, f.window, f.largeGroupThreshold))

export async function countReceptions(db: Db, f: ReceptionFilter): Promise<{ visits: number; persons: number }> {
  const row = await visitsMatching(db, f)
    .select((eb) => [eb.fn.countAll<number>().as('visits'), eb.fn.coalesce(eb.fn.sum<number>('receptions.persons'), sql.lit(0)).as('persons')])
    .executeTakeFirst()
  return { visits: Number(row?.visits ?? 0), persons: Number(row?.persons ?? 0) }
}

const encodeVisitCursor = (date: string, id: string) => btoa(`${date}|${id}`).replace(/=+$/, '')
const decodeVisitCursor = (cursor: string): { date: string; id: string } | null => {
  try {
    const [date, id] = atob(cursor).split('|')
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) && id ? { date, id } : null
  } catch {
    return null
  }
}

/** Newest first, cursor-paged. No visitor identities: the list serves reports. */
export async function listReceptions(db: Db, f: ReceptionFilter, cursor: string | null, limit = 50): Promise<{ items: ReceptionListItem[]; nextCursor: string | null }> {
  let query = visitsMatching(db, f)
    .leftJoin('matters', 'matters.id', 'receptions.matter_id')
    .select((eb) => [
      'receptions.id',
      'receptions.date',
      'receptions.kind',
      visitCategory(eb).as('category'),
      'receptions.form',
      'receptions.persons',
      'receptions.matter_id',
      'matters.code as matter_code',
      'receptions.session_id',
      'receptions.host_name',
      'receptions.content_type',
      'receptions.field',
      'receptions.summary',
      'receptions.handling',
    ])
  const after = cursor ? decodeVisitCursor(cursor) : null
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('receptions.date', '<', after.date), eb.and([eb('receptions.date', '=', after.date), eb('receptions.id', '<', after.id)])]),
    )
  }
  const rows = await query.orderBy('receptions.date', 'desc').orderBy('receptions.id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map((r) => ({
      id: r.id,
      date: r.date,
      kind: r.kind,
      category: r.category as VisitCategory,
      form: r.form,
      persons: r.persons,
      matterId: r.matter_id,
      matterCode: r.matter_code,
      sessionId: r.session_id,
      hostName: r.host_name,
      contentType: r.content_type,
      field: r.field,
      summary: r.summary,
      handling: r.handling,
    })),
    nextCursor: rows.length > limit && last ? encodeVisitCursor(last.date, last.id) : null,
  }
}

export interface VisitedMatter {
  id: string
  code: string
  contentType: string
  field: string | null
  summary: string | null
  /** The matter's first visit ever. */
  firstVisit: string | null
  /** Its visits among those matching the filter. */
  visits: number
}

/** The distinct matters of the matching visits (a "số vụ việc" number), by code. */
export async function listVisitedMatters(db: Db, f: ReceptionFilter, limit = 100_000): Promise<VisitedMatter[]> {
  const rows = await visitsMatching(db, f)
    .innerJoin('matters', 'matters.id', 'receptions.matter_id')
    .select((eb) => [
      'matters.id',
      'matters.code',
      'matters.content_type',
      'matters.field',
      'matters.summary',
      eb
        .selectFrom('receptions as any_visit')
        .select((inner) => inner.fn.min('any_visit.date').as('first'))
        .whereRef('any_visit.matter_id', '=', 'matters.id')
        .as('first_visit'),
      eb.fn.countAll<number>().as('visits'),
    ])
    .groupBy(['matters.id', 'matters.code', 'matters.content_type', 'matters.field', 'matters.summary'])
    .orderBy('matters.code')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    contentType: r.content_type,
    field: r.field,
    summary: r.summary,
    firstVisit: r.first_visit ?? null,
    visits: Number(r.visits),
  }))
}

export interface VisitedSession {
  id: string
  date: string
  kind: string
  hostName: string
  delegated: boolean
  visits: number
  persons: number
}

/** The distinct leaders' sessions of the matching visits (a "số kỳ tiếp" number), newest first. */
export async function listVisitedSessions(db: Db, f: ReceptionFilter, limit = 100_000): Promise<VisitedSession[]> {
  const rows = await visitsMatching(db, f)
    .innerJoin('reception_sessions as session', 'session.id', 'receptions.session_id')
    .select((eb) => [
      'session.id',
      'session.date',
      'session.kind',
      'session.host_name',
      'session.delegated',
      eb.fn.countAll<number>().as('visits'),
      eb.fn.sum<number>('receptions.persons').as('persons'),
    ])
    .groupBy(['session.id', 'session.date', 'session.kind', 'session.host_name', 'session.delegated'])
    .orderBy('session.date', 'desc')
    .orderBy('session.id')
    .limit(limit)
    .execute()
  // the inner join makes every session column present, whatever the left join before it says
  return rows.map((r) => ({
    id: r.id!,
    date: r.date!,
    kind: r.kind!,
    hostName: r.host_name!,
    delegated: r.delegated === 1,
    visits: Number(r.visits),
    persons: Number(r.persons),
  }))
}
