/**
 * A matter (vụ việc) as the case pages show it: its letters and its reception visits, oldest
 * first. Read-only; matters are opened by registering a letter or recording a visit.
 */
import type { CompiledQuery } from 'kysely'
import type { ContentType, Outcome } from '../domain/codes.ts'
import { respondentKey, senderSetKey } from '../domain/duplicates.ts'
import type { Letter, Respondent, Sender } from '../domain/letter.ts'
import type { Db } from './db.ts'
import type { Actor } from './history.ts'
import { newRecordCode } from './record-code.ts'
import { newRecordId } from './record-id.ts'

export interface NewMatter {
  contentType: ContentType
  field?: string | null | undefined
  summary?: string | null | undefined
  /** Who brought it: the letter's senders or the visit's visitors (RULES.md §4 sender set). */
  people: readonly Sender[]
  respondent?: Respondent | null | undefined
  openedOn: string
}

/** Opens a matter (vụ việc): its new id and the statement to put in the caller's atomic batch. */
export function openMatter(db: Db, matter: NewMatter, actor: Actor, now: Date): { id: string; query: CompiledQuery } {
  const id = newRecordId()
  const query = db.kysely
    .insertInto('matters')
    .values({
      id,
      code: newRecordCode(),
      content_type: matter.contentType,
      field: matter.field ?? null,
      summary: matter.summary ? matter.summary.slice(0, 500) : null,
      sender_key: senderSetKey(matter.people),
      respondent_key: respondentKey(matter.respondent),
      opened_on: matter.openedOn,
      created_at: now.toISOString(),
      created_by: actor.id,
    })
    .compile()
  return { id, query }
}

export interface Matter {
  id: string
  code: string
  contentType: ContentType
  field: string | null
  summary: string | null
  openedOn: string
}

export interface MatterLetter {
  id: string
  code: string
  receivedAt: string
  channel: string
  contentType: ContentType
  status: string
  outcome: Outcome | null
  suggestedOutcome: Outcome
  competentAgencyCode: string | null
  dueDate: string | null
  summary: string | null
}

export interface MatterVisit {
  id: string
  date: string
  kind: string
  form: string
  persons: number
  summary: string | null
  handling: string | null
  hostName: string | null
  letterId: string | null
}

export async function getMatter(db: Db, id: string): Promise<Matter | null> {
  const row = await db.kysely.selectFrom('matters').select(['id', 'code', 'content_type', 'field', 'summary', 'opened_on']).where('id', '=', id).executeTakeFirst()
  return row ? { id: row.id, code: row.code, contentType: row.content_type as ContentType, field: row.field, summary: row.summary, openedOn: row.opened_on } : null
}

export async function lettersOfMatter(db: Db, matterId: string): Promise<MatterLetter[]> {
  const rows = await db.kysely
    .selectFrom('letters')
    .select(['id', 'code', 'received_at', 'channel', 'content_type', 'status', 'outcome', 'suggested_outcome', 'competent_agency_code', 'due_date', 'facts'])
    .where('matter_id', '=', matterId)
    .orderBy('received_at')
    .orderBy('seq')
    .limit(500)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    receivedAt: r.received_at,
    channel: r.channel,
    contentType: r.content_type as ContentType,
    status: r.status,
    outcome: r.outcome as Outcome | null,
    suggestedOutcome: r.suggested_outcome as Outcome,
    competentAgencyCode: r.competent_agency_code,
    dueDate: r.due_date,
    summary: (JSON.parse(r.facts) as Letter).summary ?? null,
  }))
}

/** The matter's visits at the reception office; visitors' identities are not read here. */
export async function visitsOfMatter(db: Db, matterId: string): Promise<MatterVisit[]> {
  const rows = await db.kysely
    .selectFrom('receptions')
    .select(['id', 'date', 'kind', 'form', 'persons', 'summary', 'handling', 'host_name', 'letter_id'])
    .where('matter_id', '=', matterId)
    .orderBy('date')
    .orderBy('created_at')
    .limit(500)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    form: r.form,
    persons: r.persons,
    summary: r.summary,
    handling: r.handling,
    hostName: r.host_name,
    letterId: r.letter_id,
  }))
}
