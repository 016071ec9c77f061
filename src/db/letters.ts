/**
 * Letters in storage: register (with senders, contents, matter and history in one atomic
 * batch), read, list with filters / folded search / cursor paging, and decide.
 */
import { sql, type CompiledQuery } from 'kysely'
import type { ContentType, Outcome } from '../domain/codes.ts'
import { letterText, senderKeys, senderLookupKeys, type DuplicateItem } from '../domain/duplicates.ts'
import type { Classification, Letter, Respondent, Sender } from '../domain/letter.ts'
import { protectsIdentity } from '../domain/documents.ts'
import { foldVi, ftsQuery } from '../domain/text.ts'
import { chunkRows, guardPreviousChanged, type Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'
import { openMatter } from './matters.ts'
import { newRecordCode, withFreshCodes } from './record-code.ts'
import { newRecordId } from './record-id.ts'
import { letterReportWhere, type LetterReportFilter } from './report-dims.ts'
import type { LetterRow } from './schema.ts'

export const formatCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`
/** What people type: "k7m2 q9xd", "K7M2-Q9XD" → "K7M2Q9XD". */
export const normaliseCode = (input: string) => input.toUpperCase().replace(/[^0-9A-Z]/g, '')

/** The facts kept as JSON: the letter minus its senders (they have their own table). */
const factsOf = (letter: Letter): Omit<Letter, 'senders'> => {
  const { senders: _senders, ...facts } = letter
  return facts
}

export interface StoredSender extends Sender {
  position: number
}

export interface StoredLetter {
  id: string
  code: string
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  letter: Letter
  senders: StoredSender[]
  suggestion: Classification
  status: string
  outcome: Outcome | null
  eligible: boolean | null
  withinCompetence: boolean | null
  competentAgencyCode: string | null
  deadlineRule: string | null
  dueDate: string | null
  matterId: string | null
  duplicateOf: string | null
  createdAt: string
  createdBy: string | null
  decidedAt: string | null
  decidedBy: string | null
  sentAt: string | null
  repliedAt: string | null
  resolvedAt: string | null
  version: number
}

const bool = (v: 0 | 1 | null) => (v === null ? null : v === 1)

export function letterFromRow(row: LetterRow, senders: StoredSender[]): StoredLetter {
  const facts = JSON.parse(row.facts) as Omit<Letter, 'senders'>
  return {
    id: row.id,
    code: row.code,
    track: row.track,
    letter: { ...facts, senders },
    senders,
    suggestion: JSON.parse(row.suggestion) as Classification,
    status: row.status,
    outcome: row.outcome as Outcome | null,
    eligible: bool(row.eligible),
    withinCompetence: bool(row.within_competence),
    competentAgencyCode: row.competent_agency_code,
    deadlineRule: row.deadline_rule,
    dueDate: row.due_date,
    matterId: row.matter_id,
    duplicateOf: row.duplicate_of,
    createdAt: row.created_at,
    createdBy: row.created_by,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    sentAt: row.sent_at,
    repliedAt: row.replied_at,
    resolvedAt: row.resolved_at,
    version: row.version,
  }
}

// ----- duplicate candidates ------------------------------------------------------------------

/**
 * Earlier letters that share a sender lookup key with these senders (name + ID, or name +
 * address), as duplicate detection sees them. Bounded: the most recent 200.
 */
export async function duplicateCandidates(db: Db, senders: readonly Sender[] | null | undefined): Promise<DuplicateItem[]> {
  const keys = [...new Set((senders ?? []).flatMap(senderLookupKeys))]
  if (keys.length === 0) return []
  const ids = new Set<string>()
  for (const chunk of chunkRows(keys, 2)) {
    const rows = await db.kysely
      .selectFrom('letter_senders')
      .select('letter_id')
      .distinct()
      .where((eb) => eb.or([eb('identity_key', 'in', chunk), eb('address_key', 'in', chunk)]))
      .limit(sql.lit(500)) // a literal: a bound LIMIT had SQLite plan the statement again at each run
      .execute()
    for (const r of rows) ids.add(r.letter_id)
  }
  if (ids.size === 0) return []
  const letters: DuplicateItem[] = []
  for (const chunk of chunkRows([...ids], 1)) {
    const rows = await db.kysely
      .selectFrom('letters')
      .select(['id', 'matter_id', 'received_at', 'content_type', 'facts', 'outcome'])
      .where('id', 'in', chunk)
      .execute()
    const senderRows = await db.kysely
      .selectFrom('letter_senders')
      .select(['letter_id', 'name', 'address', 'id_number'])
      .where('letter_id', 'in', chunk)
      .orderBy('position')
      .execute()
    for (const row of rows) {
      const facts = JSON.parse(row.facts) as Letter
      letters.push({
        id: row.id,
        matterId: row.matter_id,
        receivedAt: row.received_at,
        contentType: row.content_type as ContentType,
        senders: senderRows.filter((s) => s.letter_id === row.id).map((s) => ({ name: s.name, address: s.address, idNumber: s.id_number })),
        respondent: facts.respondent ?? null,
        text: letterText(facts),
        outcome: row.outcome as Outcome | null,
      })
    }
  }
  return letters.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1)).slice(0, 200)
}

// ----- register --------------------------------------------------------------------------------

export interface RegisterLetter {
  letter: Letter
  classification: Classification
  /** The matter the duplicate check linked it to; a new matter is opened when null. */
  matterId: string | null
  /** Names of agencies, for the searchable text. */
  agencyName: (code: string | null | undefined) => string | null
  accessKeyHash?: string | null
  idempotencyKey?: string | null
}

export function searchTexts(code: string, letter: Letter, agencyName: RegisterLetter['agencyName']) {
  const respondent: Respondent = letter.respondent ?? {}
  const search = foldVi(
    [
      code,
      formatCode(code),
      letter.summary,
      letter.request,
      letter.act,
      respondent.person,
      agencyName(respondent.agencyCode),
      letter.forwardedBy?.name,
      letter.forwardedBy?.reference,
      letter.decision?.number,
      ...(letter.contents ?? []).map((c) => c.summary),
    ]
      .filter(Boolean)
      .join(' '),
  )
  const identity = foldVi(
    (letter.senders ?? []).flatMap((s) => [s.name, s.address, s.idNumber, s.phone, s.email]).filter(Boolean).join(' '),
  )
  return { search, identity }
}

export function registerLetter(db: Db, input: RegisterLetter, actor: Actor, now: Date): Promise<{ id: string; code: string; matterId: string }> {
  return withFreshCodes(async () => {
    const { queries, ...registered } = registrationQueries(db, input, actor, now)
    await db.atomic(queries)
    return registered
  })
}

/** The statements that register a letter, under a new id and receipt code (and a new matter's code). */
function registrationQueries(db: Db, input: RegisterLetter, actor: Actor, now: Date): { id: string; code: string; matterId: string; queries: CompiledQuery[] } {
  const { letter, classification } = input
  const id = newRecordId()
  const code = newRecordCode()
  const at = now.toISOString()
  const queries: CompiledQuery[] = []
  let matterId = input.matterId
  if (!matterId) {
    const opened = openMatter(
      db,
      { contentType: letter.contentType, field: letter.field, summary: letter.summary, people: letter.senders ?? [], respondent: letter.respondent, openedOn: letter.receivedAt },
      actor,
      now,
    )
    matterId = opened.id
    queries.push(opened.query)
  }
  const texts = searchTexts(code, letter, input.agencyName)
  const senders = letter.senders ?? []
  const keys = senders.map(senderKeys)
  queries.push(
    db.kysely
      .insertInto('letters')
      .values({
        id,
        code,
        track: classification.track,
        received_at: letter.receivedAt,
        channel: letter.channel,
        content_type: letter.contentType,
        field: letter.field ?? null,
        location: letter.location ?? null,
        facts: JSON.stringify(factsOf(letter)),
        signer_group: classification.signerGroup,
        sender_count: keys.filter((k) => k.identity !== null).length,
        suggestion: JSON.stringify(classification),
        suggested_outcome: classification.outcome,
        competent_agency_code: classification.competentAgencyCode,
        deadline_rule: classification.deadlineRule,
        due_date: classification.dueDate,
        matter_id: matterId,
        duplicate_of: classification.duplicateOf,
        search_text: texts.search,
        identity_text: texts.identity,
        access_key_hash: input.accessKeyHash ?? null,
        idempotency_key: input.idempotencyKey ?? null,
        created_at: at,
        created_by: actor.id,
        updated_at: at,
      })
      .compile(),
  )
  senders.forEach((sender, position) => {
    const { identity: who, idKey, addressKey } = keys[position]!
    queries.push(
      db.kysely
        .insertInto('letter_senders')
        .values({
          letter_id: id,
          position,
          name: sender.name ?? null,
          address: sender.address ?? null,
          id_number: sender.idNumber ?? null,
          phone: sender.phone ?? null,
          email: sender.email ?? null,
          signed: sender.signed ? 1 : 0,
          name_folded: who?.name ?? null,
          identity_key: idKey,
          address_key: addressKey,
        })
        .compile(),
    )
  })
  ;(letter.contents ?? []).forEach((content, position) => {
    queries.push(
      db.kysely
        .insertInto('letter_contents')
        .values({ letter_id: id, position, content_type: content.contentType, summary: content.summary ?? null })
        .compile(),
    )
  })
  queries.push(
    recordHistory(db, now, actor, {
      entity: 'letter',
      entityId: id,
      action: 'tiep_nhan',
      data: {
        channel: letter.channel,
        suggestion: { outcome: classification.outcome, reasons: classification.reasons, competentAgencyCode: classification.competentAgencyCode, dueDate: classification.dueDate },
        duplicateOf: classification.duplicateOf,
      },
    }),
  )
  return { id, code, matterId, queries }
}

// ----- read ------------------------------------------------------------------------------------

export async function getLetter(db: Db, id: string): Promise<StoredLetter | null> {
  const row = await db.kysely.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const senders = await db.kysely
    .selectFrom('letter_senders')
    .selectAll()
    .where('letter_id', '=', id)
    .orderBy('position')
    .execute()
  return letterFromRow(
    row,
    senders.map((s) => ({
      position: s.position,
      name: s.name,
      address: s.address,
      idNumber: s.id_number,
      phone: s.phone,
      email: s.email,
      signed: s.signed === 1,
    })),
  )
}

export const findLetterIdByIdempotencyKey = async (db: Db, key: string) =>
  (await db.kysely.selectFrom('letters').select(['id', 'code']).where('idempotency_key', '=', key).executeTakeFirst()) ?? null

export interface DecisionRecord {
  id: string
  decidedAt: string
  decidedBy: string
  decidedByName: string | null
  outcome: Outcome
  competentAgencyCode: string | null
  suggestedOutcome: string
  overrides: boolean
  note: string | null
}

export async function decisionsOf(db: Db, letterId: string): Promise<DecisionRecord[]> {
  const rows = await db.kysely
    .selectFrom('letter_decisions')
    .leftJoin('users', 'users.id', 'letter_decisions.decided_by')
    .select([
      'letter_decisions.id',
      'letter_decisions.decided_at',
      'letter_decisions.decided_by',
      'users.display_name',
      'letter_decisions.outcome',
      'letter_decisions.competent_agency_code',
      'letter_decisions.suggested_outcome',
      'letter_decisions.overrides',
      'letter_decisions.note',
    ])
    .where('letter_decisions.letter_id', '=', letterId)
    .orderBy('letter_decisions.decided_at')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decidedByName: r.display_name,
    outcome: r.outcome as Outcome,
    competentAgencyCode: r.competent_agency_code,
    suggestedOutcome: r.suggested_outcome,
    overrides: r.overrides === 1,
    note: r.note,
  }))
}

// ----- list ------------------------------------------------------------------------------------

export interface LetterFilter {
  status?: string | undefined
  contentType?: string | undefined
  channel?: string | undefined
  field?: string | undefined
  outcome?: string | undefined
  competentAgencyCode?: string | undefined
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
  track?: string | undefined
  /** Due on or before this date and not yet decided (the "due soon" / "overdue" tabs). */
  dueBy?: string | undefined
  /** Due on or after this date (with dueBy: a window of due dates). */
  dueFrom?: string | undefined
  /** Any of these statuses. */
  statuses?: readonly string[] | undefined
  /** Registered by this user (the officer who entered it). */
  createdBy?: string | undefined
  /** The viewer may search senders' identities in denunciations too. */
  searchIdentityOfDenunciations: boolean
  /** Only letters sent (forwarded / follow-up) to `competentAgencyCode`: a receiving agency's view. */
  onlySentToAgency?: boolean | undefined
  /** The report's predicates (decided, carried over, counted type, one per matter …): src/db/report-dims.ts. */
  report?: LetterReportFilter | undefined
  /** Several values of these at once (any of them). */
  contentTypes?: readonly string[] | undefined
  channels?: readonly string[] | undefined
  outcomes?: readonly string[] | undefined
}

export interface LetterPage {
  items: LetterListItem[]
  nextCursor: string | null
}

export interface LetterListItem {
  id: string
  code: string
  receivedAt: string
  channel: string
  contentType: string
  field: string | null
  status: string
  outcome: string | null
  suggestedOutcome: string
  competentAgencyCode: string | null
  dueDate: string | null
  signerGroup: string
  summary: string | null
  track: string
  decidedAt: string | null
  matterId: string | null
}

const encodeCursor = (receivedAt: string, seq: number) => btoa(`${receivedAt}|${seq}`).replace(/=+$/, '')
const decodeCursor = (cursor: string): { receivedAt: string; seq: number } | null => {
  try {
    const [receivedAt, seq] = atob(cursor).split('|')
    if (!receivedAt || !/^\d{4}-\d{2}-\d{2}$/.test(receivedAt) || !seq || !/^\d+$/.test(seq)) return null
    return { receivedAt, seq: Number(seq) }
  } catch {
    return null
  }
}

/** The full-text expressions of a search: its content, and its senders' identities. */
const searchExpressions = (match: string) => ({ content: `search_text : (${match})`, identity: `identity_text : (${match})` })

/** The letters matching a filter (no columns chosen yet); null when the search has no word to look for. */
function filteredLetters(db: Db, filter: LetterFilter) {
  let query = db.kysely.selectFrom('letters')
  if (filter.status) query = query.where('letters.status', '=', filter.status)
  if (filter.contentType) query = query.where('letters.content_type', '=', filter.contentType)
  if (filter.channel) query = query.where('letters.channel', '=', filter.channel)
  if (filter.field) query = query.where('letters.field', '=', filter.field)
  if (filter.outcome) query = query.where('letters.outcome', '=', filter.outcome)
  if (filter.contentTypes) query = query.where('letters.content_type', 'in', filter.contentTypes.length > 0 ? [...filter.contentTypes] : [''])
  if (filter.channels) query = query.where('letters.channel', 'in', filter.channels.length > 0 ? [...filter.channels] : [''])
  if (filter.outcomes) query = query.where('letters.outcome', 'in', filter.outcomes.length > 0 ? [...filter.outcomes] : [''])
  if (filter.track === 'don_thu' || filter.track === 'quy_dinh_hanh_chinh') query = query.where('letters.track', '=', filter.track)
  if (filter.competentAgencyCode) query = query.where('letters.competent_agency_code', '=', filter.competentAgencyCode)
  if (filter.onlySentToAgency) query = query.where('letters.outcome', 'in', ['chuyen_don', 'don_doc'])
  if (filter.from) query = query.where('letters.received_at', '>=', filter.from)
  if (filter.to) query = query.where('letters.received_at', '<=', filter.to)
  if (filter.dueBy) query = query.where('letters.status', '=', 'moi').where('letters.due_date', '<=', filter.dueBy)
  if (filter.dueFrom) query = query.where('letters.due_date', '>=', filter.dueFrom)
  if (filter.statuses) query = query.where('letters.status', 'in', filter.statuses.length > 0 ? [...filter.statuses] : [''])
  if (filter.createdBy) query = query.where('letters.created_by', '=', filter.createdBy)
  const report = filter.report
  if (report) query = query.where((eb) => letterReportWhere(eb, report))
  const match = filter.q ? ftsQuery(filter.q) : null
  if (filter.q && match === null) return null
  if (match) {
    const { content, identity } = searchExpressions(match)
    const seq = sql<number>`letters.seq`
    query = query.where((eb) =>
      eb.or([
        eb(seq, 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${content})`),
        filter.searchIdentityOfDenunciations
          ? eb(seq, 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${identity})`)
          : eb.and([
              eb('letters.content_type', '<>', 'to_cao'),
              eb(seq, 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${identity})`),
            ]),
      ]),
    )
  }
  return query
}

/**
 * A search page: newest registered first, driven by the full-text index (FTS5 walks its matches
 * in descending rowid order and the page stops after `limit` letters), so a word that matches a
 * quarter of a million letters costs no more than a rare one. The other filters apply as usual.
 */
async function searchLetters(db: Db, filter: LetterFilter, cursor: string | null, limit: number): Promise<LetterPage> {
  const match = ftsQuery(filter.q ?? '')
  const base = match ? filteredLetters(db, { ...filter, q: undefined }) : null
  if (!match || !base) return { items: [], nextCursor: null }
  const { content, identity } = searchExpressions(match)
  // every word in the content, or every word in the senders' identities (not spread across both)
  let query = base
    .innerJoin('letters_fts', 'letters_fts.rowid', 'letters.seq')
    .where(sql.ref('letters_fts'), 'match', `(${content}) OR (${identity})`)
  if (!filter.searchIdentityOfDenunciations) {
    // a denunciation found only through its senders' identities stays hidden from this viewer
    query = query.where((eb) =>
      eb.or([eb('letters.content_type', '<>', 'to_cao'), eb('letters.seq', 'in', sql<number>`(SELECT rowid FROM letters_fts WHERE letters_fts MATCH ${content})`)]),
    )
  }
  const after = cursor?.startsWith('s') ? Number(cursor.slice(1)) : null
  if (after !== null && Number.isInteger(after)) query = query.where('letters_fts.rowid', '<', after)
  const rows = await query.select(LIST_COLUMNS).orderBy('letters_fts.rowid', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { items: page.map(listItem), nextCursor: rows.length > limit && last ? `s${last.seq}` : null }
}

/** How many letters match a filter (the drill-down page shows it above the paged list). */
export async function countLetters(db: Db, filter: LetterFilter): Promise<number> {
  const query = filteredLetters(db, filter)
  if (!query) return 0
  const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}

const LIST_COLUMNS = [
  'letters.seq',
  'letters.id',
  'letters.code',
  'letters.received_at',
  'letters.channel',
  'letters.content_type',
  'letters.field',
  'letters.status',
  'letters.outcome',
  'letters.suggested_outcome',
  'letters.competent_agency_code',
  'letters.due_date',
  'letters.signer_group',
  'letters.facts',
  'letters.track',
  'letters.decided_at',
  'letters.matter_id',
] as const

const listItem = (r: Pick<LetterRow, 'id' | 'code' | 'received_at' | 'channel' | 'content_type' | 'field' | 'status' | 'outcome' | 'suggested_outcome' | 'competent_agency_code' | 'due_date' | 'signer_group' | 'facts' | 'track' | 'decided_at' | 'matter_id'>): LetterListItem => ({
  id: r.id,
  code: r.code,
  receivedAt: r.received_at,
  channel: r.channel,
  contentType: r.content_type,
  field: r.field,
  status: r.status,
  outcome: r.outcome,
  suggestedOutcome: r.suggested_outcome,
  competentAgencyCode: r.competent_agency_code,
  dueDate: r.due_date,
  signerGroup: r.signer_group,
  summary: (JSON.parse(r.facts) as Letter).summary ?? null,
  track: r.track,
  decidedAt: r.decided_at,
  matterId: r.matter_id,
})

/**
 * Newest received first; `cursor` continues after the last item of the previous page. A search
 * (`q`) lists newest registered first instead (see searchLetters).
 */
export async function listLetters(db: Db, filter: LetterFilter, cursor: string | null, limit = 50): Promise<LetterPage> {
  if (filter.q) return searchLetters(db, filter, cursor, limit)
  const filtered = filteredLetters(db, filter)
  if (!filtered) return { items: [], nextCursor: null }
  let query = filtered.select(LIST_COLUMNS)
  const after = cursor ? decodeCursor(cursor) : null
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('letters.received_at', '<', after.receivedAt),
        eb.and([eb('letters.received_at', '=', after.receivedAt), eb('letters.seq', '<', after.seq)]),
      ]),
    )
  }
  const rows = await query.orderBy('letters.received_at', 'desc').orderBy('letters.seq', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(listItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.received_at, last.seq) : null,
  }
}

/** Who a listed letter is from and who registered it: the queue's sender column. */
export interface LetterPeople {
  senders: Sender[]
  /** A denunciation (or a letter containing one): no list names its senders. */
  protectsIdentity: boolean
  registeredByName: string | null
}

/** Senders and registering officer of a page of letters (one query each, chunked for D1). */
export async function peopleOfLetters(db: Db, ids: readonly string[]): Promise<Map<string, LetterPeople>> {
  const out = new Map<string, LetterPeople>()
  for (const chunk of chunkRows([...new Set(ids)], 1)) {
    const letters = await db.kysely
      .selectFrom('letters')
      .leftJoin('users', 'users.id', 'letters.created_by')
      .select(['letters.id', 'letters.facts', 'letters.content_type', 'users.display_name'])
      .where('letters.id', 'in', chunk)
      .execute()
    const senders = await db.kysely
      .selectFrom('letter_senders')
      .select(['letter_id', 'name', 'address', 'id_number', 'phone', 'email', 'signed'])
      .where('letter_id', 'in', chunk)
      .orderBy('letter_id')
      .orderBy('position')
      .execute()
    for (const l of letters) {
      const facts = JSON.parse(l.facts) as Letter
      out.set(l.id, {
        senders: senders
          .filter((x) => x.letter_id === l.id)
          .map((x) => ({ name: x.name, address: x.address, idNumber: x.id_number, phone: x.phone, email: x.email, signed: x.signed === 1 })),
        protectsIdentity: protectsIdentity({ ...facts, contentType: l.content_type as ContentType }),
        registeredByName: l.display_name,
      })
    }
  }
  return out
}

/** Codes of letters by id (links to earlier letters). */
export async function codesOfLetters(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const chunk of chunkRows([...new Set(ids)], 1)) {
    const rows = await db.kysely.selectFrom('letters').select(['id', 'code']).where('id', 'in', chunk).execute()
    for (const r of rows) out.set(r.id, r.code)
  }
  return out
}

// ----- decide ----------------------------------------------------------------------------------

export interface RecordDecision {
  letterId: string
  /** The version the officer saw: a concurrent change makes this decision fail (409). */
  version: number
  outcome: Outcome
  eligible: boolean
  withinCompetence: boolean
  competentAgencyCode: string | null
  dueDate: string
  deadlineRule: string
  suggestedOutcome: Outcome
  overrides: boolean
  note: string | null
  /** Extra statements in the same batch: documents, forwardings. */
  extra?: CompiledQuery[]
  status: 'da_xu_ly' | 'cho_phuc_dap'
}

export async function recordDecision(db: Db, d: RecordDecision, actor: Actor & { id: string }, now: Date) {
  const at = now.toISOString()
  await db.atomic([
    db.kysely
      .updateTable('letters')
      .set({
        status: d.status,
        outcome: d.outcome,
        eligible: d.eligible ? 1 : 0,
        within_competence: d.withinCompetence ? 1 : 0,
        competent_agency_code: d.competentAgencyCode,
        due_date: d.dueDate,
        deadline_rule: d.deadlineRule,
        // milestones: when the letter was FIRST decided (the reports count a letter as processed
        // from then, and on-time handling is judged by it); later decisions are in letter_decisions
        decided_at: sql<string>`coalesce(decided_at, ${at})`,
        decided_by: sql<string>`coalesce(decided_by, ${actor.id})`,
        // once sent, a letter stays sent (a later decision does not unsend it)
        ...(d.status === 'cho_phuc_dap' ? { sent_at: sql<string>`coalesce(sent_at, ${at})` } : {}),
        updated_at: at,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', d.letterId)
      .where('version', '=', d.version)
      .compile(),
    guardPreviousChanged(),
    db.kysely
      .insertInto('letter_decisions')
      .values({
        id: newRecordId(),
        letter_id: d.letterId,
        decided_at: at,
        decided_by: actor.id,
        outcome: d.outcome,
        competent_agency_code: d.competentAgencyCode,
        suggested_outcome: d.suggestedOutcome,
        overrides: d.overrides ? 1 : 0,
        note: d.note,
      })
      .compile(),
    ...(d.extra ?? []),
    recordHistory(db, now, actor, {
      entity: 'letter',
      entityId: d.letterId,
      action: d.overrides ? 'quyet_dinh_khac_de_xuat' : 'quyet_dinh_theo_de_xuat',
      reason: d.note,
      data: { outcome: d.outcome, competentAgencyCode: d.competentAgencyCode, suggestedOutcome: d.suggestedOutcome, dueDate: d.dueDate },
    }),
  ])
}
