/**
 * The few facts about a citizen's own letter that the portal reads: by its idempotency key (a
 * resend) and by its receipt code (the status page). Never the content or the senders.
 */
import type { Db } from './db.ts'
import { normaliseCode } from './letters.ts'

export interface SubmissionFacts {
  id: string
  code: string
  receivedAt: string
  contentType: string
  status: string
  outcome: string | null
  competentAgencyCode: string | null
  competentAgencyName: string | null
  dueDate: string | null
  deadlineRule: string | null
  accessKeyHash: string | null
  createdAt: string
}

const base = (db: Db) =>
  db.kysely
    .selectFrom('letters')
    .leftJoin('agencies', 'agencies.code', 'letters.competent_agency_code')
    .select([
      'letters.id',
      'letters.code',
      'letters.received_at',
      'letters.content_type',
      'letters.status',
      'letters.outcome',
      'letters.competent_agency_code',
      'agencies.name as agency_name',
      'letters.due_date',
      'letters.deadline_rule',
      'letters.access_key_hash',
      'letters.created_at',
    ])

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>

const facts = (row: Row): SubmissionFacts | null =>
  row
    ? {
        id: row.id,
        code: row.code,
        receivedAt: row.received_at,
        contentType: row.content_type,
        status: row.status,
        outcome: row.outcome,
        competentAgencyCode: row.competent_agency_code,
        competentAgencyName: row.agency_name,
        dueDate: row.due_date,
        deadlineRule: row.deadline_rule,
        accessKeyHash: row.access_key_hash,
        createdAt: row.created_at,
      }
    : null

export const submissionByIdempotencyKey = async (db: Db, key: string) =>
  facts(await base(db).where('letters.idempotency_key', '=', key).executeTakeFirst())

/** Only letters filed through the portal (they alone have an access key) can be found. */
export const submissionByCode = async (db: Db, code: string) =>
  facts(await base(db).where('letters.code', '=', normaliseCode(code)).where('letters.access_key_hash', 'is not', null).executeTakeFirst())

/** True when an error is the UNIQUE index on letters.idempotency_key (a concurrent resend). */
export const isIdempotencyConflict = (error: unknown): boolean =>
  error instanceof Error && /UNIQUE constraint failed: letters\.idempotency_key/.test(error.message)
