/**
 * Issued documents in storage. The `content` column is the JSON snapshot of the document model
 * as it was issued: rendering reads only this, never the letter or the directory again, so a
 * reprint years later shows exactly what was sent.
 */
import { sql, type CompiledQuery } from 'kysely'
import type { DocumentModel, ReceptionDocumentModel, ReceptionTemplateId, TemplateId } from '../domain/documents.ts'
import type { Db } from './db.ts'

export interface StoredDocument {
  id: string
  letterId: string
  template: TemplateId
  number: string | null
  issuedOn: string
  addresseeAgencyCode: string | null
  redacted: boolean
  createdAt: string
  createdBy: string | null
  model: DocumentModel
}

/** The list entry: what the letter view shows without opening the snapshot. */
export interface DocumentSummary {
  id: string
  template: TemplateId
  title: string
  issuedOn: string
  redacted: boolean
  addresseeAgencyCode: string | null
}

/** The columns of an issued document, whatever it was issued for (a letter or a visit). */
const documentColumns = (id: string, model: DocumentModel | ReceptionDocumentModel, createdBy: string | null, at: Date) => ({
  id,
  template: model.template,
  number: model.heading.number,
  issued_on: model.issuedOn,
  addressee_agency_code: model.addresseeAgencyCode,
  content: JSON.stringify(model),
  redacted: model.redacted ? (1 as const) : (0 as const),
  created_at: at.toISOString(),
  created_by: createdBy,
})

export const insertDocument = (db: Db, id: string, letterId: string, model: DocumentModel, createdBy: string | null, at: Date): CompiledQuery =>
  db.kysely.insertInto('documents').values({ ...documentColumns(id, model, createdBy, at), letter_id: letterId }).compile()

type Row = {
  id: string
  letter_id: string | null
  template: string
  number: string | null
  issued_on: string
  addressee_agency_code: string | null
  content: string
  redacted: 0 | 1
  created_at: string
  created_by: string | null
}

const fromRow = (r: Row): StoredDocument => ({
  id: r.id,
  letterId: r.letter_id ?? '',
  template: r.template as TemplateId,
  number: r.number,
  issuedOn: r.issued_on,
  addresseeAgencyCode: r.addressee_agency_code,
  redacted: r.redacted === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  model: JSON.parse(r.content) as DocumentModel,
})

/** A letter's documents, oldest first (a changed decision adds documents; earlier ones stay on file). */
export async function documentsOfLetter(db: Db, letterId: string): Promise<StoredDocument[]> {
  const rows = await db.kysely.selectFrom('documents').selectAll().where('letter_id', '=', letterId).orderBy('created_at').orderBy(sql`rowid`).execute()
  return rows.map((r) => fromRow(r as Row))
}

export async function getLetterDocument(db: Db, letterId: string, documentId: string): Promise<StoredDocument | null> {
  const row = await db.kysely.selectFrom('documents').selectAll().where('id', '=', documentId).where('letter_id', '=', letterId).executeTakeFirst()
  return row ? fromRow(row as Row) : null
}

export const summaryOf = (d: StoredDocument): DocumentSummary => ({
  id: d.id,
  template: d.template,
  title: d.model.title,
  issuedOn: d.issuedOn,
  redacted: d.redacted,
  addresseeAgencyCode: d.addresseeAgencyCode,
})

// ----- documents issued at reception (refusal notice, receipt, a session's conclusion) -----------

export interface StoredReceptionDocument {
  id: string
  receptionId: string
  template: ReceptionTemplateId
  number: string | null
  issuedOn: string
  redacted: boolean
  createdAt: string
  createdBy: string | null
  model: ReceptionDocumentModel
}

export const insertReceptionDocument = (db: Db, id: string, receptionId: string, model: ReceptionDocumentModel, createdBy: string | null, at: Date): CompiledQuery =>
  db.kysely.insertInto('documents').values({ ...documentColumns(id, model, createdBy, at), reception_id: receptionId }).compile()

const receptionDocumentFromRow = (r: Row & { reception_id: string | null }): StoredReceptionDocument => ({
  id: r.id,
  receptionId: r.reception_id ?? '',
  template: r.template as ReceptionTemplateId,
  number: r.number,
  issuedOn: r.issued_on,
  redacted: r.redacted === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  model: JSON.parse(r.content) as ReceptionDocumentModel,
})

/** The documents issued at these visits, oldest first (a letter's documents have no reception_id). */
export async function documentsOfReceptions(db: Db, receptionIds: readonly string[]): Promise<StoredReceptionDocument[]> {
  if (receptionIds.length === 0) return []
  const out: StoredReceptionDocument[] = []
  // D1 binds at most 100 parameters per statement
  for (let i = 0; i < receptionIds.length; i += 90) {
    const rows = await db.kysely
      .selectFrom('documents')
      .selectAll()
      .where('reception_id', 'in', receptionIds.slice(i, i + 90))
      .where('letter_id', 'is', null)
      .orderBy('created_at')
      .orderBy(sql`rowid`)
      .execute()
    out.push(...rows.map((r) => receptionDocumentFromRow(r as Row & { reception_id: string | null })))
  }
  return out
}

export async function getReceptionDocument(db: Db, receptionId: string, documentId: string): Promise<StoredReceptionDocument | null> {
  const row = await db.kysely
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('reception_id', '=', receptionId)
    .where('letter_id', 'is', null)
    .executeTakeFirst()
  return row ? receptionDocumentFromRow(row as Row & { reception_id: string | null }) : null
}
