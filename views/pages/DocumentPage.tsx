/**
 * A document of a letter, ready to print: a toolbar (what it is, print, download) that is not
 * printed, then the page itself. Printing needs no JavaScript (Ctrl+P); the "In" button is shown
 * by /static/js/print.js when scripts run.
 */
import { CONTENT_TYPES } from '../../src/domain/codes.ts'
import { vnDateShort } from '../../src/domain/document-format.ts'
import type { DocumentModel } from '../../src/domain/documents.ts'
import { OfficialDocument } from '../documents/OfficialDocument.tsx'
import { Layout } from '../layouts/Layout.tsx'

interface DocumentPageProps {
  model: DocumentModel
  /** Receipt code shown as XXXX-XXXX. */
  letterCode: string
  docxHref: string
}

export const DocumentPage = ({ model, letterCode, docxHref }: DocumentPageProps) => (
  <Layout title={model.title} staff>
    <link rel="stylesheet" href="/static/css/document.css" />
    <div class="document-toolbar">
      <h1>{model.title}</h1>
      <p class="muted">
        {model.form ? `${model.form}, ${model.source}` : model.source} · Đơn {CONTENT_TYPES[model.letter.contentType].toLowerCase()} mã số {letterCode} · Lập ngày{' '}
        {vnDateShort(model.issuedOn)}
      </p>
      {model.redacted ? (
        <p class="flash flash--info">Văn bản không có họ tên, địa chỉ, số giấy tờ, số điện thoại, thư điện tử của người tố cáo (Điều 56 Luật Tố cáo).</p>
      ) : null}
      <div class="actions">
        <button type="button" class="button print-button" data-print hidden>
          In
        </button>
        <a class="button button--secondary" href={docxHref} download>
          Tải về (.docx)
        </a>
      </div>
      <p class="hint">Để in: bấm “In” hoặc nhấn Ctrl+P (⌘+P trên máy Mac), chọn khổ giấy A4. Số văn bản để trống, ghi khi vào sổ đăng ký văn bản đi.</p>
    </div>
    <OfficialDocument model={model} />
    <script src="/static/js/print.js" defer></script>
  </Layout>
)
