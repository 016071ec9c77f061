/**
 * The append-only history: every state change records who, when, what and why.
 * Writers add `recordHistory(...)` to the same atomic batch as the change itself.
 */
import type { CompiledQuery } from 'kysely'
import type { Db } from './db.ts'

export interface Actor {
  /** The user's id; null for a citizen or the system itself. */
  id: string | null
  name: string
  /** Staff acting for a citizen: the citizen's name. */
  onBehalfOf?: string | null
}

export const SYSTEM: Actor = { id: null, name: 'Hệ thống' }
export const CITIZEN: Actor = { id: null, name: 'Công dân' }

export interface HistoryEvent {
  entity: 'letter' | 'matter' | 'reception' | 'session' | 'agency' | 'settings' | 'user' | 'document' | 'forwarding' | 'auth'
  entityId: string
  action: string
  reason?: string | null
  data?: unknown
}

export const recordHistory = (db: Db, at: Date, actor: Actor, event: HistoryEvent): CompiledQuery =>
  db.kysely
    .insertInto('history')
    .values({
      at: at.toISOString(),
      actor_id: actor.id,
      actor_name: actor.name,
      on_behalf_of: actor.onBehalfOf ?? null,
      entity: event.entity,
      entity_id: event.entityId,
      action: event.action,
      reason: event.reason ?? null,
      data: event.data === undefined ? null : JSON.stringify(event.data),
    })
    .compile()

export interface HistoryRecord {
  id: number
  at: string
  actorName: string
  onBehalfOf: string | null
  action: string
  reason: string | null
  data: unknown
}

export async function historyOf(db: Db, entity: HistoryEvent['entity'], entityId: string): Promise<HistoryRecord[]> {
  const rows = await db.kysely
    .selectFrom('history')
    .select(['id', 'at', 'actor_name', 'on_behalf_of', 'action', 'reason', 'data'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    onBehalfOf: r.on_behalf_of,
    action: r.action,
    reason: r.reason,
    data: r.data === null ? null : JSON.parse(r.data),
  }))
}
