/**
 * A visit's document (refusal notice, receipt, a session's conclusion notice), ready to print:
 * the same page as a letter's documents, with a toolbar that is not printed.
 */
import { vnDateShort } from '../../../src/domain/document-format.ts'
import type { ReceptionDocumentModel } from '../../../src/domain/documents.ts'
import { DocumentToolbarPage } from '../../documents/DocumentToolbarPage.tsx'
import { visitHref } from './labels.ts'

export const ReceptionDocumentPage = ({ model, docxHref, dueNote }: { model: ReceptionDocumentModel; docxHref: string; dueNote: string | null }) => (
  <DocumentToolbarPage model={model} docxHref={docxHref} printButtonClass="button">
    <nav class="breadcrumb" aria-label="Đường dẫn">
      <a href="/can-bo/tiep-dan">Sổ tiếp công dân</a> › <a href={visitHref(model.reception.id)}>Lượt tiếp ngày {vnDateShort(model.reception.date)}</a> ›{' '}
      <span aria-current="page">{model.title}</span>
    </nav>
    <h1>{model.title}</h1>
    <p class="muted" id="document-source">
      {model.form ? `${model.form}, ${model.source}` : model.source} · Lập ngày {vnDateShort(model.issuedOn)}
    </p>
    {dueNote ? <p class="flash flash--info">{dueNote}</p> : null}
    {model.redacted ? <p class="flash flash--info">Văn bản không có họ tên, địa chỉ, số giấy tờ của người tố cáo (Điều 56 Luật Tố cáo).</p> : null}
  </DocumentToolbarPage>
)
