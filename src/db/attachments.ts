/**
 * Attachment bytes behind a small port, and their metadata rows.
 *
 * `AttachmentStore` is what the app needs from a blob store. Two adapters: the database itself
 * (table attachment_blobs, used on Node; it works on D1 too) and R2 on Workers
 * (src/db/r2-attachments.ts). Keys are random and never derived from what the citizen sent.
 * Metadata (name, real type, size, SHA-256) lives in `attachments`, written in the same atomic
 * batch as the letter it belongs to.
 */
import { sql, type CompiledQuery } from 'kysely'
import { nanoid } from 'nanoid'
import type { Db } from './db.ts'
import { newRecordId } from './record-id.ts'

export interface AttachmentStore {
  put(key: string, bytes: Uint8Array, mediaType: string): Promise<void>
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Uint8Array | null>
  /** Removes the bytes (a failed submission's files); no error when the key is absent. */
  delete(key: string): Promise<void>
}

/** A new storage key: where a file lives says nothing about whose it is. */
export const newStorageKey = () => `don/${nanoid(24)}`

/**
 * D1 keeps at most 2 MB in one value (and SQLite is happiest with small rows), so the bytes are
 * kept in 1 MiB chunks under `<key>#000`, `<key>#001`…
 */
const CHUNK_BYTES = 1024 * 1024
const chunkKey = (key: string, i: number) => `${key}#${String(i).padStart(3, '0')}`

export function dbAttachmentStore(db: Db): AttachmentStore {
  return {
    async put(key, bytes) {
      const queries: CompiledQuery[] = []
      for (let i = 0, offset = 0; offset < bytes.length || i === 0; i++, offset += CHUNK_BYTES) {
        queries.push(
          db.kysely
            .insertInto('attachment_blobs')
            .values({ storage_key: chunkKey(key, i), data: bytes.subarray(offset, offset + CHUNK_BYTES) })
            .compile(),
        )
      }
      await db.atomic(queries)
    },
    async get(key) {
      const rows = await db.kysely
        .selectFrom('attachment_blobs')
        .select(['storage_key', 'data'])
        .where('storage_key', '>=', `${key}#`)
        .where('storage_key', '<', `${key}$`)
        .orderBy('storage_key')
        .execute()
      if (rows.length === 0) return null
      const parts = rows.map((r) => toBytes(r.data))
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
      let offset = 0
      for (const p of parts) {
        out.set(p, offset)
        offset += p.length
      }
      return out
    },
    async delete(key) {
      await db.atomic([
        db.kysely.deleteFrom('attachment_blobs').where('storage_key', '>=', `${key}#`).where('storage_key', '<', `${key}$`).compile(),
      ])
    },
  }
}

/** better-sqlite3 returns a Buffer, D1 an array of numbers or an ArrayBuffer. */
function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return Uint8Array.from(data as number[])
  throw new Error('unexpected blob value')
}

// ----- metadata -------------------------------------------------------------------------------

export interface StoredAttachment {
  storageKey: string
  fileName: string
  mediaType: string
  size: number
  sha256: string
}

/**
 * Metadata rows for the letter that carries this idempotency key, as statements to run in the
 * letter's own atomic batch (the letter's id is only known inside that batch, so the row finds
 * it by the key, which is unique). If the letter is not there the insert adds nothing, and the
 * caller's guard fails the batch.
 */
export const attachmentRowsForLetter = (db: Db, idempotencyKey: string, files: readonly StoredAttachment[], now: Date): CompiledQuery[] =>
  files.map((f) =>
    db.kysely
      .insertInto('attachments')
      .columns(['id', 'letter_id', 'file_name', 'media_type', 'size', 'sha256', 'storage_key', 'created_at'])
      .expression(
        db.kysely
          .selectFrom('letters')
          .select([
            sql.val(newRecordId()).as('id'),
            'letters.id',
            sql.val(f.fileName).as('file_name'),
            sql.val(f.mediaType).as('media_type'),
            sql.val(f.size).as('size'),
            sql.val(f.sha256).as('sha256'),
            sql.val(f.storageKey).as('storage_key'),
            sql.val(now.toISOString()).as('created_at'),
          ])
          .where('letters.idempotency_key', '=', idempotencyKey),
      )
      .compile(),
  )

