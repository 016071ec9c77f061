/**
 * Letters sent out to other agencies (table `forwardings`) and their replies: the receiving
 * agency's inbox, acknowledging, recording the reply (văn bản phúc đáp), the board's overview
 * of replies and late agencies, and follow-up requests (đôn đốc).
 *
 * A reply answers the letter for that agency: a forwarding is `answered` when it, or another
 * forwarding of the same letter to the same agency, has a reply; it is `superseded` when a later
 * one (a follow-up) exists. Both are computed in SQL, so lists, counts and filters agree.
 */
import { sql, type CompiledQuery, type ExpressionBuilder, type SqlBool } from 'kysely'
import { forwardingState, isReplyOverdue, type ForwardingFilter, type ForwardingKind, type ForwardingState } from '../domain/forwarding.ts'
import type { ContentType } from '../domain/codes.ts'
import type { DocumentModel } from '../domain/documents.ts'
import type { Letter } from '../domain/letter.ts'
import { guardPreviousChanged, type Db } from './db.ts'
import { insertDocument } from './documents.ts'
import { recordHistory, type Actor } from './history.ts'
import { newRecordId } from './record-id.ts'
import type { Database } from './schema.ts'

type Scope = Database & { f: Database['forwardings'] }
/**
 * The subqueries below only refer to `f`; the queries that use them have joined more tables, so
 * their builders are narrowed to this one (`asF`) rather than typing each subquery per query.
 */
type Eb = ExpressionBuilder<Scope, 'f'>
const asF = (eb: unknown) => eb as Eb

/** Another forwarding of the same letter to the same agency was replied to (or this one). */
const answeredExpr = (eb: Eb) =>
  eb.exists(
    eb
      .selectFrom('forwardings as r')
      .select(sql<number>`1`.as('one'))
      .whereRef('r.letter_id', '=', 'f.letter_id')
      .whereRef('r.agency_code', '=', 'f.agency_code')
      .where('r.replied_on', 'is not', null),
  )

/** A later forwarding of the same letter to the same agency exists (a follow-up was sent). */
const supersededExpr = (eb: Eb) =>
  eb.exists(
    eb
      .selectFrom('forwardings as l')
      .select(sql<number>`1`.as('one'))
      .whereRef('l.letter_id', '=', 'f.letter_id')
      .whereRef('l.agency_code', '=', 'f.agency_code')
      .where(sql<SqlBool>`l.rowid > f.rowid`),
  )

export interface StoredForwarding {
  id: string
  /** Insertion order: paging and "later than". */
  seq: number
  letterId: string
  letterCode: string
  letterStatus: string
  letterVersion: number
  letterCompetentAgencyCode: string | null
  contentType: ContentType
  receivedAt: string
  field: string | null
  summary: string | null
  agencyCode: string
  kind: ForwardingKind
  documentId: string | null
  sentOn: string
  replyDueOn: string | null
  acknowledgedAt: string | null
  acknowledgedByName: string | null
  repliedOn: string | null
  replyNumber: string | null
  replyResult: string | null
  repliedByName: string | null
  answered: boolean
  superseded: boolean
  state: ForwardingState
}

function baseQuery(db: Db) {
  return db.kysely
    .selectFrom('forwardings as f')
    .innerJoin('letters', 'letters.id', 'f.letter_id')
    .leftJoin('users as ua', 'ua.id', 'f.acknowledged_by')
    .leftJoin('users as ur', 'ur.id', 'f.replied_by')
    // the board's guidance to a citizen (huong_dan) is not something an agency replies to
    .where('f.kind', 'in', ['chuyen_don', 'don_doc'])
    .select((eb) => [
      sql<number>`f.rowid`.as('seq'),
      'f.id',
      'f.letter_id',
      'f.agency_code',
      'f.kind',
      'f.document_id',
      'f.sent_on',
      'f.reply_due_on',
      'f.acknowledged_at',
      'f.replied_on',
      'f.reply_number',
      'f.reply_result',
      'ua.display_name as acknowledged_by_name',
      'ur.display_name as replied_by_name',
      'letters.code as letter_code',
      'letters.status as letter_status',
      'letters.version as letter_version',
      'letters.competent_agency_code as letter_competent',
      'letters.content_type',
      'letters.received_at',
      'letters.field',
      'letters.facts',
      answeredExpr(asF(eb)).as('answered'),
      supersededExpr(asF(eb)).as('superseded'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

const fromRow = (r: Row): StoredForwarding => {
  const answered = Number(r.answered) === 1
  const superseded = Number(r.superseded) === 1
  return {
    id: r.id,
    seq: Number(r.seq),
    letterId: r.letter_id,
    letterCode: r.letter_code,
    letterStatus: r.letter_status,
    letterVersion: r.letter_version,
    letterCompetentAgencyCode: r.letter_competent,
    contentType: r.content_type as ContentType,
    receivedAt: r.received_at,
    field: r.field,
    summary: (JSON.parse(r.facts) as Letter).summary ?? null,
    agencyCode: r.agency_code,
    kind: r.kind as ForwardingKind,
    documentId: r.document_id,
    sentOn: r.sent_on,
    replyDueOn: r.reply_due_on,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedByName: r.acknowledged_by_name,
    repliedOn: r.replied_on,
    replyNumber: r.reply_number,
    replyResult: r.reply_result,
    repliedByName: r.replied_by_name,
    answered,
    superseded,
    state: forwardingState({ acknowledgedAt: r.acknowledged_at, answered, superseded, replyDueOn: r.reply_due_on }),
  }
}

export const overdue = (f: StoredForwarding, today: string) => isReplyOverdue(f, today)

export async function getForwarding(db: Db, id: string): Promise<StoredForwarding | null> {
  const row = await baseQuery(db).where('f.id', '=', id).executeTakeFirst()
  return row ? fromRow(row) : null
}

/** Every forwarding of a letter (oldest first), optionally only those to one agency. */
export async function forwardingsOfLetter(db: Db, letterId: string, agencyCode?: string | null): Promise<StoredForwarding[]> {
  let query = baseQuery(db).where('f.letter_id', '=', letterId)
  if (agencyCode) query = query.where('f.agency_code', '=', agencyCode)
  const rows = await query.orderBy(sql`f.rowid`).execute()
  return rows.map(fromRow)
}

export interface ForwardingListFilter {
  agencyCode?: string | null | undefined
  state?: ForwardingFilter | undefined
  letterId?: string | undefined
  /** Judges "overdue" (qua_han). */
  today: string
}

const encodeCursor = (sentOn: string, seq: number) => btoa(`${sentOn}|${seq}`).replace(/=+$/, '')
const decodeCursor = (cursor: string): { sentOn: string; seq: number } | null => {
  try {
    const [sentOn, seq] = atob(cursor).split('|')
    if (!sentOn || !/^\d{4}-\d{2}-\d{2}$/.test(sentOn) || !seq || !/^\d+$/.test(seq)) return null
    return { sentOn, seq: Number(seq) }
  } catch {
    return null
  }
}

function filtered(db: Db, filter: ForwardingListFilter) {
  let query = baseQuery(db)
  if (filter.agencyCode) query = query.where('f.agency_code', '=', filter.agencyCode)
  if (filter.letterId) query = query.where('f.letter_id', '=', filter.letterId)
  const notAnswered = (eb: Eb) => eb.not(answeredExpr(eb))
  switch (filter.state) {
    case 'da_phuc_dap':
      query = query.where((eb) => answeredExpr(asF(eb)))
      break
    case 'chua_phuc_dap':
      query = query.where((eb) => notAnswered(asF(eb)))
      break
    case 'cho_tiep_nhan':
      query = query.where((eb) => notAnswered(asF(eb))).where('f.acknowledged_at', 'is', null)
      break
    case 'da_tiep_nhan':
      query = query.where((eb) => notAnswered(asF(eb))).where('f.acknowledged_at', 'is not', null)
      break
    case 'qua_han':
      query = query
        .where((eb) => notAnswered(asF(eb)))
        .where((eb) => eb.not(supersededExpr(asF(eb))))
        .where('f.reply_due_on', '<', filter.today)
      break
    case undefined:
      break
  }
  return query
}

/** Newest first; `cursor` continues after the last item of the previous page. */
export async function listForwardings(db: Db, filter: ForwardingListFilter, cursor: string | null, limit = 50): Promise<{ items: StoredForwarding[]; nextCursor: string | null }> {
  let query = filtered(db, filter)
  const after = cursor ? decodeCursor(cursor) : null
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('f.sent_on', '<', after.sentOn), eb.and([eb('f.sent_on', '=', after.sentOn), eb(sql<number>`f.rowid`, '<', after.seq)])]),
    )
  }
  const rows = await query.orderBy('f.sent_on', 'desc').orderBy(sql`f.rowid`, 'desc').limit(limit + 1).execute()
  const items = rows.slice(0, limit).map(fromRow)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.sentOn, last.seq) : null }
}

/** How many forwardings each filter (tab) holds for one agency, or for all; `tat_ca` counts every one. */
export async function countForwardingsByState(db: Db, agencyCode: string | null, today: string): Promise<Record<ForwardingFilter | 'tat_ca', number>> {
  const states: Array<ForwardingFilter | 'tat_ca'> = ['cho_tiep_nhan', 'da_tiep_nhan', 'chua_phuc_dap', 'qua_han', 'da_phuc_dap', 'tat_ca']
  const counts = await Promise.all(
    states.map(async (state) => {
      const row = await db.kysely
        .selectFrom(filtered(db, { agencyCode, state: state === 'tat_ca' ? undefined : state, today }).as('x'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
      return [state, Number(row?.n ?? 0)] as const
    }),
  )
  return Object.fromEntries(counts) as Record<ForwardingFilter | 'tat_ca', number>
}

export interface AgencyReplySummary {
  agencyCode: string
  /** Letters sent to the agency (one per letter, however many follow-ups). */
  letters: number
  waiting: number
  inProgress: number
  overdue: number
  replied: number
  followUps: number
}

/**
 * Per agency, over the latest forwarding of each letter: how many letters were sent, are not
 * yet acknowledged, acknowledged but unanswered, late, answered; and how many follow-ups.
 */
export async function agencyReplySummary(db: Db, today: string): Promise<AgencyReplySummary[]> {
  const rows = await db.kysely
    .with('chains', (qb) =>
      qb
        .selectFrom('forwardings as f')
        .where('f.kind', 'in', ['chuyen_don', 'don_doc'])
        .where((eb) => eb.not(supersededExpr(asF(eb))))
        .select((eb) => ['f.agency_code', 'f.acknowledged_at', 'f.reply_due_on', answeredExpr(asF(eb)).as('answered')]),
    )
    .selectFrom('chains')
    .select([
      'chains.agency_code',
      sql<number>`count(*)`.as('letters'),
      sql<number>`sum(CASE WHEN NOT answered AND acknowledged_at IS NULL THEN 1 ELSE 0 END)`.as('waiting'),
      sql<number>`sum(CASE WHEN NOT answered AND acknowledged_at IS NOT NULL THEN 1 ELSE 0 END)`.as('in_progress'),
      sql<number>`sum(CASE WHEN NOT answered AND reply_due_on < ${today} THEN 1 ELSE 0 END)`.as('overdue'),
      sql<number>`sum(CASE WHEN answered THEN 1 ELSE 0 END)`.as('replied'),
    ])
    .groupBy('chains.agency_code')
    .execute()
  const followUps = await db.kysely
    .selectFrom('forwardings')
    .select(['agency_code', sql<number>`count(*)`.as('n')])
    .where('kind', '=', 'don_doc')
    .groupBy('agency_code')
    .execute()
  const byAgency = new Map(followUps.map((r) => [r.agency_code, Number(r.n)]))
  return rows.map((r) => ({
    agencyCode: r.agency_code,
    letters: Number(r.letters),
    waiting: Number(r.waiting),
    inProgress: Number(r.in_progress),
    overdue: Number(r.overdue),
    replied: Number(r.replied),
    followUps: byAgency.get(r.agency_code) ?? 0,
  }))
}

/** The latest replies (newest first). */
export async function recentReplies(db: Db, limit = 20): Promise<StoredForwarding[]> {
  const rows = await baseQuery(db).where('f.replied_on', 'is not', null).orderBy('f.replied_on', 'desc').orderBy(sql`f.rowid`, 'desc').limit(limit).execute()
  return rows.map(fromRow)
}

// ----- writes ------------------------------------------------------------------------------------

/** The agency confirms it received the letter (once; a second confirmation changes nothing). */
export async function acknowledgeForwarding(db: Db, f: StoredForwarding, actor: Actor & { id: string }, now: Date): Promise<void> {
  const at = now.toISOString()
  await db.atomic([
    db.kysely.updateTable('forwardings').set({ acknowledged_at: at, acknowledged_by: actor.id }).where('id', '=', f.id).where('acknowledged_at', 'is', null).compile(),
    guardPreviousChanged(),
    recordHistory(db, now, actor, { entity: 'letter', entityId: f.letterId, action: 'co_quan_tiep_nhan', data: { forwardingId: f.id, agencyCode: f.agencyCode } }),
  ])
}

export interface ReplyInput {
  number: string
  date: string
  result: string
}

/**
 * Records the reply on the forwarding and marks the letter replied (`da_phuc_dap`), with the
 * history, in one batch. Guarded: the forwarding must still be unreplied and the letter still at
 * the version that was read (a concurrent decision or reply makes the batch fail, changing nothing).
 */
export async function recordReply(db: Db, f: StoredForwarding, reply: ReplyInput, actor: Actor & { id: string }, now: Date): Promise<void> {
  const at = now.toISOString()
  await db.atomic([
    db.kysely
      .updateTable('forwardings')
      .set({ replied_on: reply.date, reply_number: reply.number, reply_result: reply.result, replied_by: actor.id })
      .where('id', '=', f.id)
      .where('replied_on', 'is', null)
      .compile(),
    guardPreviousChanged(),
    db.kysely
      .updateTable('letters')
      .set({ status: 'da_phuc_dap', replied_at: at, updated_at: at, version: sql<number>`version + 1` })
      .where('id', '=', f.letterId)
      .where('version', '=', f.letterVersion)
      .where('status', '=', 'cho_phuc_dap')
      .compile(),
    guardPreviousChanged(),
    recordHistory(db, now, actor, {
      entity: 'letter',
      entityId: f.letterId,
      action: 'phuc_dap',
      reason: reply.result,
      data: { forwardingId: f.id, agencyCode: f.agencyCode, number: reply.number, date: reply.date },
    }),
  ])
}

export interface FollowUp {
  forwarding: StoredForwarding
  documentId: string
  document: DocumentModel
  replyDueOn: string | null
  note: string | null
}

/**
 * A follow-up request (đôn đốc) to the agency: a new forwarding of kind don_doc with its
 * document, the letter's version bumped (a concurrent decision or reply — which bumps it too —
 * fails the batch, changing nothing), and the history, in one batch. Returns the new forwarding's id.
 */
export async function sendFollowUp(db: Db, input: FollowUp, actor: Actor & { id: string }, now: Date, sentOn: string): Promise<string> {
  const id = newRecordId()
  const f = input.forwarding
  const queries: CompiledQuery[] = [
    db.kysely
      .updateTable('letters')
      .set({ updated_at: now.toISOString(), version: sql<number>`version + 1` })
      .where('id', '=', f.letterId)
      .where('version', '=', f.letterVersion)
      .where('status', '=', 'cho_phuc_dap')
      .compile(),
    guardPreviousChanged(),
    insertDocument(db, input.documentId, f.letterId, input.document, actor.id, now),
    db.kysely
      .insertInto('forwardings')
      .values({ id, letter_id: f.letterId, agency_code: f.agencyCode, kind: 'don_doc', document_id: input.documentId, sent_on: sentOn, reply_due_on: input.replyDueOn })
      .compile(),
    recordHistory(db, now, actor, { entity: 'document', entityId: input.documentId, action: 'lap_van_ban', data: { letterId: f.letterId, template: input.document.template, redacted: input.document.redacted } }),
    recordHistory(db, now, actor, {
      entity: 'letter',
      entityId: f.letterId,
      action: 'don_doc_co_quan',
      reason: input.note,
      data: { forwardingId: id, previousForwardingId: f.id, agencyCode: f.agencyCode, documentId: input.documentId, replyDueOn: input.replyDueOn },
    }),
  ]
  await db.atomic(queries)
  return id
}
