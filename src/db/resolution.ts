/**
 * Resolution events in storage (migration 0005): read a case's events in the order they were
 * recorded, and the statements that record one — the event, and the guarded touch of its letter
 * that re-checks inside the batch that the letter is still accepted and not closed (and closes it
 * on a termination). Written with the event's documents and history in one atomic batch.
 */
import { sql, type CompiledQuery } from 'kysely'
import type { ResolutionEvent, ResolutionInput } from '../domain/resolution.ts'
import { guardPreviousChanged, type Db } from './db.ts'

export async function resolutionEventsOf(db: Db, letterId: string): Promise<ResolutionEvent[]> {
  const rows = await db.kysely
    .selectFrom('resolution_events')
    .leftJoin('users', 'users.id', 'resolution_events.created_by')
    .select([
      'resolution_events.id',
      'resolution_events.kind',
      'resolution_events.date',
      'resolution_events.data',
      'resolution_events.document_id',
      'resolution_events.created_at',
      'resolution_events.created_by',
      'users.display_name',
    ])
    .where('resolution_events.letter_id', '=', letterId)
    // the order of recording: the sequence rules (suspend, resume) are judged in it
    .orderBy(sql`resolution_events.rowid`)
    .execute()
  return rows.map(
    (r) =>
      ({
        id: r.id,
        kind: r.kind,
        date: r.date,
        data: JSON.parse(r.data),
        documentId: r.document_id,
        createdAt: r.created_at,
        createdBy: r.created_by,
        createdByName: r.display_name,
      }) as ResolutionEvent,
  )
}

export const insertResolutionEvent = (
  db: Db,
  e: { id: string; letterId: string; input: ResolutionInput; documentId: string | null; createdBy: string },
  at: Date,
): CompiledQuery =>
  db.kysely
    .insertInto('resolution_events')
    .values({
      id: e.id,
      letter_id: e.letterId,
      kind: e.input.kind,
      date: e.input.date,
      data: JSON.stringify(e.input.data),
      document_id: e.documentId,
      created_at: at.toISOString(),
      created_by: e.createdBy,
    })
    .compile()

/**
 * The letter's side of an event, first in the batch: it must still be an accepted case not yet
 * closed (and at the version the officer saw, when given), else the guard fails the batch. A
 * termination closes it: resolved (da_giai_quyet) at this instant.
 */
export function touchResolvingLetter(db: Db, letterId: string, at: Date, options: { version?: number | undefined; close: boolean }): CompiledQuery[] {
  const instant = at.toISOString()
  let update = db.kysely
    .updateTable('letters')
    .set({
      updated_at: instant,
      version: sql<number>`version + 1`,
      ...(options.close ? { status: 'da_giai_quyet', resolved_at: instant } : {}),
    })
    .where('id', '=', letterId)
    .where('outcome', '=', 'thu_ly')
    .where('resolved_at', 'is', null)
  if (options.version !== undefined) update = update.where('version', '=', options.version)
  return [update.compile(), guardPreviousChanged()]
}
