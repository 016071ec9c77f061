/**
 * Documents of a letter as the API and the staff pages serve them: the same access rules as
 * the letter (canViewLetter), a receiving agency sees only what was addressed to it, and a
 * document that names a denouncer (one addressed to the denouncer) is shown only to the roles
 * that may see the identity, every view logged (Luật Tố cáo Art. 56). Rendering reads only the
 * stored snapshot.
 */
import { can } from '../domain/permissions.ts'
import { asciiSlug } from '../domain/document-format.ts'
import { protectsIdentity } from '../domain/documents.ts'
import type { Db } from '../db/db.ts'
import { documentsOfLetter, getLetterDocument, summaryOf, type DocumentSummary, type StoredDocument } from '../db/documents.ts'
import { recordHistory } from '../db/history.ts'
import { getLetter, type StoredLetter } from '../db/letters.ts'
import { StandaloneDocument } from '../../views/documents/StandaloneDocument.tsx'
import type { CurrentUser } from './env.ts'
import { forbidden, notFound } from './errors.ts'
import { canViewLetter, visibleDocuments } from './letters.ts'

/** Whether the snapshot carries a denouncer's identity (an unredacted document of a denunciation). */
const namesDenouncer = (letter: StoredLetter, doc: StoredDocument) =>
  !doc.redacted && protectsIdentity(letter.letter) && letter.senders.some((s) => s.name || s.address || s.idNumber || s.phone || s.email)

async function viewableLetter(db: Db, letterId: string, user: CurrentUser): Promise<StoredLetter> {
  const letter = await getLetter(db, letterId)
  if (!letter) throw notFound('Không tìm thấy đơn.')
  if (!canViewLetter(user, letter)) throw forbidden('Tài khoản không có quyền xem đơn này.')
  return letter
}

/** GET …/documents: the list the viewer may open. */
export async function documentListForViewer(db: Db, letterId: string, user: CurrentUser): Promise<DocumentSummary[]> {
  await viewableLetter(db, letterId, user)
  return visibleDocuments(user, await documentsOfLetter(db, letterId)).map(summaryOf)
}

/**
 * One document for this viewer, or 404/403. Opening one that names a denouncer records the
 * view in the letter's history, like opening the letter's sender fields.
 */
export async function documentForViewer(
  db: Db,
  letterId: string,
  documentId: string,
  user: CurrentUser,
  now: Date,
  format: 'json' | 'html' | 'docx' | 'trang',
): Promise<{ letter: StoredLetter; document: StoredDocument }> {
  const letter = await viewableLetter(db, letterId, user)
  const document = await getLetterDocument(db, letterId, documentId)
  if (!document) throw notFound('Không tìm thấy văn bản.')
  if (visibleDocuments(user, [document]).length === 0) throw forbidden('Văn bản này không gửi đến cơ quan của bạn.')
  if (namesDenouncer(letter, document)) {
    if (!can(user.roles, 'view_denouncer_identity')) throw forbidden('Văn bản có thông tin của người tố cáo; tài khoản không có quyền xem.')
    await db.atomic([
      recordHistory(
        db,
        now,
        { id: user.id, name: user.displayName },
        { entity: 'letter', entityId: letter.id, action: 'xem_danh_tinh_nguoi_to_cao', data: { documentId: document.id, format } },
      ),
    ])
  }
  return { letter, document }
}

/** The JSON form of a document: its list entry plus the snapshot. */
export const documentJson = (d: StoredDocument) => ({
  ...summaryOf(d),
  number: d.number,
  form: d.model.form,
  source: d.model.source,
  audience: d.model.audience,
  createdAt: d.createdAt,
  content: d.model,
})

/** "phieu-chuyen-don-to-cao-K7M2Q9XD.docx": ASCII only, so every browser and mail client keeps it. */
export const documentFileName = (d: StoredDocument, letterCode: string, extension: 'docx' | 'html') =>
  `${asciiSlug(d.model.title)}-${letterCode}.${extension}`

export const attachment = (fileName: string) => `attachment; filename="${fileName}"`

/** The self-contained HTML file (the fallback when Word is not at hand). */
export async function renderStandaloneHtml(d: StoredDocument): Promise<string> {
  const html = await (<StandaloneDocument model={d.model} />).toString()
  return `<!DOCTYPE html>\n${html}`
}
