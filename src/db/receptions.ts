/**
 * Reception visits (lượt tiếp), leaders' sessions (kỳ tiếp) and the matters they belong to.
 * A visit without a matter opens one; a leader's visit joins (or opens) that leader's session
 * of the day.
 */
import { sql, type CompiledQuery, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { ContentType } from '../domain/codes.ts'
import { senderKeys } from '../domain/duplicates.ts'
import { foldVi, foldedWords, ftsQuery } from '../domain/text.ts'
import { chunkRows, guardPreviousChanged, type Db } from './db.ts'
import { normaliseCode } from './letters.ts'
import type { Database } from './schema.ts'
import { recordHistory, type Actor } from './history.ts'
import { openMatter } from './matters.ts'
import { newRecordId } from './record-id.ts'
import { visitCategory, visitCriteriaWhere } from './report-dims.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import type { ReceptionKind, VisitCategory, VisitCriteria } from '../domain/tallies.ts'

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
  /** Number of the guidance document / forwarding slip (Mẫu 03/TCD columns 10, 11). */
  handledRef?: string | null
  refusalGround?: string | null
  /** The body that already resolved the matter (Mẫu 03/TCD column 8). */
  resolvedBy?: string | null
  letterId?: string | null
}

export const matterExists = async (db: Db, id: string) =>
  Boolean(await db.kysely.selectFrom('matters').select('id').where('id', '=', id).executeTakeFirst())

/** The statements that record a visit, for a caller that adds its own to the same atomic batch. */
export interface ReceptionWrites {
  id: string
  matterId: string
  /** The leader's session the visit joins (re-read after the batch: a concurrent request may have opened it). */
  sessionKey: { date: string; hostFolded: string } | null
  queries: CompiledQuery[]
}

/** The leader's session of that day (its id). */
const sessionOfDay = (db: Db, key: { date: string; hostFolded: string }) =>
  db.kysely.selectFrom('reception_sessions').select('id').where('date', '=', key.date).where('host_folded', '=', key.hostFolded)

export async function receptionWrites(db: Db, r: NewReception, actor: Actor, now: Date): Promise<ReceptionWrites> {
  const id = newRecordId()
  const at = now.toISOString()
  const queries: CompiledQuery[] = []
  let matterId = r.matterId ?? null
  if (!matterId) {
    const opened = openMatter(db, { contentType: r.contentType, field: r.field, summary: r.summary, people: r.visitors, openedOn: r.date }, actor, now)
    matterId = opened.id
    queries.push(opened.query)
  }
  // one session per leader per day: the key is the folded name, so "Nguyễn Văn A" and
  // "nguyen van a" are the same session
  let sessionKey: ReceptionWrites['sessionKey'] = null
  if (r.kind !== 'thuong_xuyen') {
    const hostFolded = foldVi(r.hostName ?? '')
    sessionKey = { date: r.date, hostFolded }
    const existing = await sessionOfDay(db, sessionKey).executeTakeFirst()
    if (!existing) {
      queries.push(
        db.kysely
          .insertInto('reception_sessions')
          .values({
            id: newRecordId(),
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
        session_id: sessionKey === null ? null : sessionOfDay(db, sessionKey),
        host_name: r.hostName ?? null,
        persons: r.persons,
        matter_id: matterId,
        content_type: r.contentType,
        field: r.field ?? null,
        summary: r.summary ?? null,
        handling: r.handling ?? null,
        handled_to: r.handledTo ?? null,
        handled_ref: r.handledRef ?? null,
        refusal_ground: r.refusalGround ?? null,
        resolved_by: r.resolvedBy ?? null,
        letter_id: r.letterId ?? null,
        search_text: foldVi([r.summary, r.hostName, r.handledTo, r.handledRef, r.resolvedBy].filter(Boolean).join(' ')),
        identity_text: foldVi(r.visitors.flatMap((v) => [v.name, v.address, v.idNumber]).filter(Boolean).join(' ')),
        created_at: at,
        created_by: actor.id,
      })
      .compile(),
  )
  // one multi-row insert per chunk: a large group's list stays within D1's 100 parameters
  const visitorRows = r.visitors.map((visitor, position) => {
    const { identity, idKey, addressKey } = senderKeys(visitor)
    return {
      reception_id: id,
      position,
      name: visitor.name,
      name_folded: identity?.name ?? foldVi(visitor.name),
      address: visitor.address ?? null,
      id_kind: visitor.idKind ?? null,
      id_number: visitor.idNumber ?? null,
      representative: visitor.representative ? (1 as const) : (0 as const),
      authorisation: visitor.authorisation ?? null,
      identity_key: idKey,
      address_key: addressKey,
    }
  })
  for (const chunk of chunkRows(visitorRows, 11)) queries.push(db.kysely.insertInto('reception_visitors').values(chunk).compile())
  queries.push(
    recordHistory(db, now, actor, {
      entity: 'reception',
      entityId: id,
      action: 'tiep_cong_dan',
      data: { date: r.date, kind: r.kind, persons: r.persons, matterId, handling: r.handling ?? null, letterId: r.letterId ?? null },
    }),
  )
  return { id, matterId, sessionKey, queries }
}

/** The session a visit joined, once its batch ran. */
export async function sessionIdOf(db: Db, key: ReceptionWrites['sessionKey']): Promise<string | null> {
  if (!key) return null
  return (await sessionOfDay(db, key).executeTakeFirst())?.id ?? null
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

/** Newest first, the next page: the visits older than the cursor's (date, id). */
const olderThan = (after: { date: string; id: string }) => (eb: ExpressionBuilder<Database, 'receptions'>) =>
  eb.or([eb('receptions.date', '<', after.date), eb.and([eb('receptions.date', '=', after.date), eb('receptions.id', '<', after.id)])])

/** The cursor of the next page, when the query fetched one row more than the page holds. */
const nextVisitCursor = (rows: ReadonlyArray<{ date: string; id: string }>, limit: number): string | null => {
  const last = rows[limit - 1]
  return rows.length > limit && last ? encodeVisitCursor(last.date, last.id) : null
}

/** Newest first, cursor-paged. No visitor identities: the list serves reports. */
export async function listReceptions(db: Db, f: ReceptionFilter, cursor: string | null, limit = 50): Promise<{ items: ReceptionListItem[]; nextCursor: string | null }> {
  let query = visitsMatching(db, f)
    .leftJoin('matters', 'matters.id', 'receptions.matter_id')
    .select((eb) => [
      'receptions.id',
      'receptions.date',
      'receptions.kind',
      visitCategory.as('category'),
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
  if (after) query = query.where(olderThan(after))
  const rows = await query.orderBy('receptions.date', 'desc').orderBy('receptions.id', 'desc').limit(limit + 1).execute()
  return {
    items: rows.slice(0, limit).map((r) => ({
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
    nextCursor: nextVisitCursor(rows, limit),
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

// ----- one visit, the log and the register (the staff screens) -----------------------------------

export interface StoredVisitor {
  position: number
  name: string
  address: string | null
  idKind: string | null
  idNumber: string | null
  representative: boolean
  authorisation: string | null
}

export interface StoredVisit {
  id: string
  date: string
  kind: ReceptionKind
  form: 'truc_tiep' | 'truc_tuyen'
  sessionId: string | null
  hostName: string | null
  /** Received by an authorised deputy (the session's flag). */
  delegated: boolean
  persons: number
  matterId: string
  matterCode: string | null
  contentType: ContentType
  field: string | null
  summary: string | null
  handling: string | null
  handledTo: string | null
  handledRef: string | null
  refusalGround: string | null
  resolvedBy: string | null
  letterId: string | null
  letterCode: string | null
  createdAt: string
  createdByName: string | null
  visitors: StoredVisitor[]
}

/** Visits with what the screens show beside them: matter code, letter code, session flag, recorder. */
const visitRows = (db: Db) =>
  db.kysely
    .selectFrom('receptions')
    .leftJoin('matters', 'matters.id', 'receptions.matter_id')
    .leftJoin('reception_sessions', 'reception_sessions.id', 'receptions.session_id')
    .leftJoin('letters', 'letters.id', 'receptions.letter_id')
    .leftJoin('users', 'users.id', 'receptions.created_by')
    .select([
      'receptions.id',
      'receptions.date',
      'receptions.kind',
      'receptions.form',
      'receptions.session_id',
      'receptions.host_name',
      'reception_sessions.delegated',
      'receptions.persons',
      'receptions.matter_id',
      'matters.code as matter_code',
      'receptions.content_type',
      'receptions.field',
      'receptions.summary',
      'receptions.handling',
      'receptions.handled_to',
      'receptions.handled_ref',
      'receptions.refusal_ground',
      'receptions.resolved_by',
      'receptions.letter_id',
      'letters.code as letter_code',
      'receptions.created_at',
      'users.display_name as created_by_name',
    ])

type VisitRow = Awaited<ReturnType<ReturnType<typeof visitRows>['execute']>>[number]

async function visitorsOf(db: Db, receptionIds: readonly string[]): Promise<Map<string, StoredVisitor[]>> {
  const byVisit = new Map<string, StoredVisitor[]>()
  for (const chunk of chunkRows(receptionIds, 1)) {
    const rows = await db.kysely.selectFrom('reception_visitors').selectAll().where('reception_id', 'in', chunk).orderBy('reception_id').orderBy('position').execute()
    for (const v of rows) {
      const list = byVisit.get(v.reception_id) ?? []
      list.push({
        position: v.position,
        name: v.name,
        address: v.address,
        idKind: v.id_kind,
        idNumber: v.id_number,
        representative: v.representative === 1,
        authorisation: v.authorisation,
      })
      byVisit.set(v.reception_id, list)
    }
  }
  return byVisit
}

async function withVisitors(db: Db, rows: readonly VisitRow[]): Promise<StoredVisit[]> {
  const visitors = await visitorsOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    form: r.form,
    sessionId: r.session_id,
    hostName: r.host_name,
    delegated: r.delegated === 1,
    persons: r.persons,
    matterId: r.matter_id,
    matterCode: r.matter_code,
    contentType: r.content_type as ContentType,
    field: r.field,
    summary: r.summary,
    handling: r.handling,
    handledTo: r.handled_to,
    handledRef: r.handled_ref,
    refusalGround: r.refusal_ground,
    resolvedBy: r.resolved_by,
    letterId: r.letter_id,
    letterCode: r.letter_code,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    visitors: visitors.get(r.id) ?? [],
  }))
}

export async function getReception(db: Db, id: string): Promise<StoredVisit | null> {
  const row = await visitRows(db).where('receptions.id', '=', id).executeTakeFirst()
  return row ? ((await withVisitors(db, [row]))[0] ?? null) : null
}

/** What the log page and GET /api/v1/receptions/{id}'s neighbours filter on. */
export interface VisitLogFilter {
  from?: string | undefined
  to?: string | undefined
  kinds?: readonly ReceptionKind[] | undefined
  form?: 'truc_tiep' | 'truc_tuyen' | undefined
  largeGroupOnly?: boolean | undefined
  largeGroupThreshold: number
  /** Words (any case, with or without diacritics) or a matter / letter code. */
  q?: string | undefined
  /** The viewer may search denunciation visitors' names and papers (RULES.md §6). */
  searchDenouncers: boolean
  sessionId?: string | undefined
  matterId?: string | undefined
}

/** LIKE pattern for a folded word: % and _ typed by a user are literal. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`

type LogEb = ExpressionBuilder<Database, 'receptions' | 'matters'>

/** Every folded word must occur in the visit's text, its visitors' identities (when the viewer may search them) or its matter's code. */
function visitSearch(eb: LogEb, q: string, searchDenouncers: boolean): Expression<SqlBool> | null {
  const words = foldedWords(q).slice(0, 8)
  const code = normaliseCode(q)
  if (words.length === 0) return null
  const perWord = words.map((w) => {
    const pattern = likeWord(w)
    const identity = sql<SqlBool>`${sql.ref('receptions.identity_text')} LIKE ${pattern} ESCAPE '\\'`
    return eb.or([
      sql<SqlBool>`${sql.ref('receptions.search_text')} LIKE ${pattern} ESCAPE '\\'`,
      searchDenouncers ? identity : eb.and([eb('receptions.content_type', '<>', 'to_cao'), identity]),
    ])
  })
  const byCode = code.length === 8 ? [eb('matters.code', '=', code)] : []
  return eb.or([eb.and(perWord), ...byCode])
}

function visitLogWhere(eb: LogEb, f: VisitLogFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (f.from) parts.push(eb('receptions.date', '>=', f.from))
  if (f.to) parts.push(eb('receptions.date', '<=', f.to))
  if (f.kinds) parts.push(f.kinds.length > 0 ? eb('receptions.kind', 'in', [...f.kinds]) : sql<SqlBool>`1 = 0`)
  if (f.form) parts.push(eb('receptions.form', '=', f.form))
  if (f.largeGroupOnly) parts.push(eb('receptions.persons', '>=', f.largeGroupThreshold))
  if (f.sessionId) parts.push(eb('receptions.session_id', '=', f.sessionId))
  if (f.matterId) parts.push(eb('receptions.matter_id', '=', f.matterId))
  if (f.q?.trim()) parts.push(visitSearch(eb, f.q, f.searchDenouncers) ?? sql<SqlBool>`1 = 0`)
  return eb.and(parts)
}

export interface VisitLogCounts {
  visits: number
  persons: number
  largeGroups: number
  matters: number
}

export async function countVisitLog(db: Db, f: VisitLogFilter): Promise<VisitLogCounts> {
  const row = await db.kysely
    .selectFrom('receptions')
    .leftJoin('matters', 'matters.id', 'receptions.matter_id')
    .where((eb) => visitLogWhere(eb, f))
    .select((eb) => [
      eb.fn.countAll<number>().as('visits'),
      eb.fn.coalesce(eb.fn.sum<number>('receptions.persons'), sql.lit(0)).as('persons'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('receptions.persons', '>=', f.largeGroupThreshold).then(sql.lit(1)).else(sql.lit(0)).end()), sql.lit(0)).as('large_groups'),
      eb.fn.count<number>('receptions.matter_id').distinct().as('matters'),
    ])
    .executeTakeFirst()
  return { visits: Number(row?.visits ?? 0), persons: Number(row?.persons ?? 0), largeGroups: Number(row?.large_groups ?? 0), matters: Number(row?.matters ?? 0) }
}

/** The log: newest first, cursor-paged, with visitors (the caller decides what the viewer sees of them). */
export async function listVisitLog(db: Db, f: VisitLogFilter, cursor: string | null, limit = 50): Promise<{ items: StoredVisit[]; nextCursor: string | null }> {
  let query = visitRows(db).where((eb) => visitLogWhere(eb, f))
  const after = cursor ? decodeVisitCursor(cursor) : null
  if (after) query = query.where(olderThan(after))
  const rows = await query.orderBy('receptions.date', 'desc').orderBy('receptions.id', 'desc').limit(limit + 1).execute()
  return { items: await withVisitors(db, rows.slice(0, limit)), nextCursor: nextVisitCursor(rows, limit) }
}

/** The register's rows for a period: every visit, in the order received (date, then time recorded). */
export async function registerVisits(db: Db, from: string, to: string, limit = 20_000): Promise<StoredVisit[]> {
  const rows = await visitRows(db)
    .where('receptions.date', '>=', from)
    .where('receptions.date', '<=', to)
    .orderBy('receptions.date')
    .orderBy('receptions.created_at')
    .orderBy('receptions.id')
    .limit(limit)
    .execute()
  return withVisitors(db, rows)
}

// ----- what became of the letters handed in at visits (register columns 9–12) -------------------

export interface VisitLetterFacts {
  id: string
  code: string
  status: string
  outcome: string | null
  /** The decision's, else the suggestion's (still undecided). */
  withinCompetence: boolean | null
  competentAgencyCode: string | null
  decidedAt: string | null
  /** Numbers of the letter's guidance document and forwarding slip, when registered. */
  documentNumbers: Array<{ template: string; number: string | null; issuedOn: string }>
  forwardings: Array<{ agencyCode: string; kind: string; sentOn: string; repliedOn: string | null; replyNumber: string | null; replyResult: string | null }>
}

export async function letterFactsOf(db: Db, letterIds: readonly string[]): Promise<Map<string, VisitLetterFacts>> {
  const out = new Map<string, VisitLetterFacts>()
  for (const chunk of chunkRows([...new Set(letterIds)], 1)) {
    const [letters, documents, forwardings] = await Promise.all([
      db.kysely
        .selectFrom('letters')
        .select(['id', 'code', 'status', 'outcome', 'within_competence', 'suggestion', 'competent_agency_code', 'decided_at'])
        .where('id', 'in', chunk)
        .execute(),
      db.kysely.selectFrom('documents').select(['letter_id', 'template', 'number', 'issued_on']).where('letter_id', 'in', chunk).orderBy('created_at').execute(),
      db.kysely
        .selectFrom('forwardings')
        .select(['letter_id', 'agency_code', 'kind', 'sent_on', 'replied_on', 'reply_number', 'reply_result'])
        .where('letter_id', 'in', chunk)
        .orderBy('sent_on')
        .execute(),
    ])
    for (const l of letters) {
      const suggested = (JSON.parse(l.suggestion) as { withinCompetence?: boolean }).withinCompetence
      out.set(l.id, {
        id: l.id,
        code: l.code,
        status: l.status,
        outcome: l.outcome,
        withinCompetence: l.within_competence === null ? (suggested ?? null) : l.within_competence === 1,
        competentAgencyCode: l.competent_agency_code,
        decidedAt: l.decided_at,
        documentNumbers: documents.filter((d) => d.letter_id === l.id).map((d) => ({ template: d.template, number: d.number, issuedOn: d.issued_on })),
        forwardings: forwardings
          .filter((f) => f.letter_id === l.id)
          .map((f) => ({ agencyCode: f.agency_code, kind: f.kind, sentOn: f.sent_on, repliedOn: f.replied_on, replyNumber: f.reply_number, replyResult: f.reply_result })),
      })
    }
  }
  return out
}

// ----- matters: search for an earlier one ---------------------------------------------------------

export interface MatterHit {
  id: string
  code: string
  contentType: ContentType
  field: string | null
  summary: string | null
  openedOn: string
  visits: number
  letters: number
  lastVisits: Array<{ id: string; date: string; kind: string; persons: number; handling: string | null; visitorNames: string[] }>
  lastLetters: Array<{ id: string; code: string; receivedAt: string; status: string; outcome: string | null }>
}

/**
 * Matters whose visits or letters match the words (folded: "pham van hung" finds Phạm Văn Hùng),
 * or whose matter / letter code it is; most recently active first. Denunciation visitors'
 * and senders' identities are searched only when the viewer may see them.
 */
export async function searchMatters(db: Db, q: string, opts: { searchDenouncers: boolean; limit?: number }): Promise<MatterHit[]> {
  const words = foldedWords(q).slice(0, 8)
  const code = normaliseCode(q)
  const match = ftsQuery(q)
  if (words.length === 0 && code.length !== 8) return []
  const viaVisits = db.kysely
    .selectFrom('receptions')
    .leftJoin('matters', 'matters.id', 'receptions.matter_id')
    .select('receptions.matter_id')
    .where((eb) => visitSearch(eb, q, opts.searchDenouncers) ?? sql<SqlBool>`1 = 0`)
  const content = match ? `search_text : (${match})` : null
  const identity = match ? `identity_text : (${match})` : null
  const viaLetters = db.kysely
    .selectFrom('letters')
    .select((eb) => eb.ref('letters.matter_id').$notNull().as('matter_id'))
    .where('letters.matter_id', 'is not', null)
    .where((eb) =>
      eb.or([
        ...(code.length === 8 ? [eb('letters.code', '=', code)] : []),
        ...(content && identity
          ? [
              eb('letters.seq', 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${content})`),
              opts.searchDenouncers
                ? eb('letters.seq', 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${identity})`)
                : eb.and([eb('letters.content_type', '<>', 'to_cao'), eb('letters.seq', 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${identity})`)]),
            ]
          : []),
      ]),
    )
  return matterHits(db, (eb) => eb.or([...(code.length === 8 ? [eb('matters.code', '=', code)] : []), eb('matters.id', 'in', viaVisits), eb('matters.id', 'in', viaLetters)]), opts.limit ?? 20)
}

/** Matters by id (a matter already picked on the visit form), with their last visits and letters. */
export const mattersById = (db: Db, ids: readonly string[]): Promise<MatterHit[]> =>
  ids.length === 0 ? Promise.resolve([]) : matterHits(db, (eb) => eb('matters.id', 'in', [...ids].slice(0, 90)), 90)

async function matterHits(db: Db, where: (eb: ExpressionBuilder<Database, 'matters'>) => Expression<SqlBool>, limit: number): Promise<MatterHit[]> {
  const rows = await db.kysely
    .selectFrom('matters')
    .select((eb) => [
      'matters.id',
      'matters.code',
      'matters.content_type',
      'matters.field',
      'matters.summary',
      'matters.opened_on',
      eb.selectFrom('receptions').select((i) => i.fn.countAll<number>().as('n')).whereRef('receptions.matter_id', '=', 'matters.id').as('visits'),
      eb.selectFrom('letters').select((i) => i.fn.countAll<number>().as('n')).whereRef('letters.matter_id', '=', 'matters.id').as('letters'),
      eb.selectFrom('receptions').select((i) => i.fn.max('receptions.date').as('d')).whereRef('receptions.matter_id', '=', 'matters.id').as('last_visit'),
      eb.selectFrom('letters').select((i) => i.fn.max('letters.received_at').as('d')).whereRef('letters.matter_id', '=', 'matters.id').as('last_letter'),
    ])
    .where(where)
    .orderBy(sql`max(coalesce(last_visit, ''), coalesce(last_letter, ''))`, 'desc')
    .orderBy('matters.code')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [visits, letters] = await Promise.all([
    db.kysely
      .selectFrom('receptions')
      .select(['id', 'matter_id', 'date', 'kind', 'persons', 'handling'])
      .where('matter_id', 'in', ids)
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
    db.kysely
      .selectFrom('letters')
      .select(['id', 'matter_id', 'code', 'received_at', 'status', 'outcome'])
      .where('matter_id', 'in', ids)
      .orderBy('received_at', 'desc')
      .orderBy('seq', 'desc')
      .execute(),
  ])
  const recent = new Map<string, MatterHit['lastVisits']>()
  for (const v of visits) {
    const list = recent.get(v.matter_id) ?? []
    if (list.length < 3) list.push({ id: v.id, date: v.date, kind: v.kind, persons: v.persons, handling: v.handling, visitorNames: [] })
    recent.set(v.matter_id, list)
  }
  const shown = [...recent.values()].flatMap((list) => list.map((v) => v.id))
  const names = await visitorsOf(db, shown)
  for (const list of recent.values()) for (const v of list) v.visitorNames = (names.get(v.id) ?? []).map((p) => p.name)
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    contentType: r.content_type as ContentType,
    field: r.field,
    summary: r.summary,
    openedOn: r.opened_on,
    visits: Number(r.visits ?? 0),
    letters: Number(r.letters ?? 0),
    lastVisits: recent.get(r.id) ?? [],
    lastLetters: letters
      .filter((l) => l.matter_id === r.id)
      .slice(0, 3)
      .map((l) => ({ id: l.id, code: l.code, receivedAt: l.received_at, status: l.status, outcome: l.outcome })),
  }))
}

// ----- leaders' sessions --------------------------------------------------------------------------

export interface StoredSession {
  id: string
  date: string
  kind: 'dinh_ky' | 'dot_xuat'
  hostName: string
  delegated: boolean
  conclusion: string | null
  concludedAt: string | null
}

export async function getSession(db: Db, id: string): Promise<StoredSession | null> {
  const r = await db.kysely.selectFrom('reception_sessions').selectAll().where('id', '=', id).executeTakeFirst()
  return r
    ? { id: r.id, date: r.date, kind: r.kind, hostName: r.host_name, delegated: r.delegated === 1, conclusion: r.conclusion, concludedAt: r.concluded_at }
    : null
}

/** A session's visits, in the order received. */
export async function sessionVisits(db: Db, sessionId: string): Promise<StoredVisit[]> {
  const rows = await visitRows(db).where('receptions.session_id', '=', sessionId).orderBy('receptions.created_at').orderBy('receptions.id').execute()
  return withVisitors(db, rows)
}

/**
 * Writes a session's conclusion once: the guarded UPDATE matches only a session not yet
 * concluded, so a second conclusion (or a race) fails the whole batch, document included.
 */
export function concludeSessionQueries(db: Db, sessionId: string, conclusion: string, actor: Actor, now: Date, extra: CompiledQuery[]): CompiledQuery[] {
  return [
    db.kysely
      .updateTable('reception_sessions')
      .set({ conclusion, concluded_at: now.toISOString() })
      .where('id', '=', sessionId)
      .where('conclusion', 'is', null)
      .compile(),
    guardPreviousChanged(),
    ...extra,
    recordHistory(db, now, actor, { entity: 'session', entityId: sessionId, action: 'ket_luan_tiep_cong_dan' }),
  ]
}

// ----- every view of a denouncer's identity is logged (Luật Tố cáo Art. 56) ----------------------

/** One history row per visit whose denunciation visitors a page or answer showed, in a few multi-row inserts. */
export function identityViewQueries(db: Db, now: Date, actor: Actor, receptionIds: readonly string[], data: Record<string, unknown>): CompiledQuery[] {
  const at = now.toISOString()
  const rows = [...new Set(receptionIds)].map((id) => ({
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    on_behalf_of: null,
    entity: 'reception' as const,
    entity_id: id,
    action: 'xem_danh_tinh_nguoi_to_cao',
    reason: null,
    data: JSON.stringify(data),
  }))
  return chunkRows(rows, 9).map((chunk) => db.kysely.insertInto('history').values(chunk).compile())
}

/** Visits recorded for one day (the staff start page). */
export async function countVisitsOn(db: Db, date: string): Promise<number> {
  const row = await db.kysely.selectFrom('receptions').select((eb) => eb.fn.countAll<number>().as('n')).where('date', '=', date).executeTakeFirst()
  return Number(row?.n ?? 0)
}
