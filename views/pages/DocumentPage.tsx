/** A document of a letter, ready to print (the toolbar says which letter it belongs to). */
import { CONTENT_TYPES } from '../../src/domain/codes.ts'
import { vnDateShort } from '../../src/domain/document-format.ts'
import type { DocumentModel } from '../../src/domain/documents.ts'
import { DocumentToolbarPage } from '../documents/DocumentToolbarPage.tsx'

interface DocumentPageProps {
  model: DocumentModel
  /** Receipt code shown as XXXX-XXXX. */
  letterCode: string
  docxHref: string
}

export const DocumentPage = ({ model, letterCode, docxHref }: DocumentPageProps) => (
  <DocumentToolbarPage model={model} docxHref={docxHref}>
    <h1>{model.title}</h1>
    <p class="muted">
      {model.form ? `${model.form}, ${model.source}` : model.source} · Đơn {CONTENT_TYPES[model.letter.contentType].toLowerCase()} mã số {letterCode} · Lập ngày{' '}
      {vnDateShort(model.issuedOn)}
    </p>
    {model.redacted ? (
      <p class="flash flash--info">Văn bản không có họ tên, địa chỉ, số giấy tờ, số điện thoại, thư điện tử của người tố cáo (Điều 56 Luật Tố cáo).</p>
    ) : null}
  </DocumentToolbarPage>
)
