/**
 * Reception visits (lượt tiếp), leaders' sessions (kỳ tiếp) and the matters they belong to.
 * A visit without a matter opens one; a leader's visit joins (or opens) that leader's session
 * of the day.
 */
import { type CompiledQuery } from 'kysely'
import { customAlphabet, nanoid } from 'nanoid'
import type { ContentType } from '../domain/codes.ts'
import { senderAddressKey, senderIdKey, senderIdentity, senderSetKey } from '../domain/duplicates.ts'
import { foldVi } from '../domain/text.ts'
import type { Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'

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
