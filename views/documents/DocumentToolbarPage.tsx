/**
 * A document ready to print: a toolbar (what it is, print, download) that is not printed, then
 * the page itself. Printing needs no JavaScript (Ctrl+P); the "In" button is shown by
 * /static/js/print.js when scripts run. The letters', the visits' and the citizens' forms share it.
 */
import type { Child } from 'hono/jsx'
import type { PrintedDocument } from '../../src/domain/documents.ts'
import { Layout } from '../layouts/Layout.tsx'
import { OfficialDocument } from './OfficialDocument.tsx'

const PRINT_HINT = 'Để in: bấm “In” hoặc nhấn Ctrl+P (⌘+P trên máy Mac), chọn khổ giấy A4. Số văn bản để trống, ghi khi vào sổ đăng ký văn bản đi.'

export const DocumentToolbarPage = (p: {
  model: PrintedDocument
  docxHref: string
  /** The toolbar's hint; by default how to print an outgoing document. */
  hint?: Child
  /** The visits' pages have always drawn a plain button. */
  printButtonClass?: string
  /** What the toolbar says the document is: heading, source, notes. */
  children: Child
}) => (
  <Layout title={p.model.title} staff>
    <link rel="stylesheet" href="/static/css/document.css" />
    <div class="document-toolbar">
      {p.children}
      <div class="actions">
        <button type="button" class={p.printButtonClass ?? 'button print-button'} data-print hidden>
          In
        </button>
        <a class="button button--secondary" href={p.docxHref} download>
          Tải về (.docx)
        </a>
      </div>
      <p class="hint">{p.hint ?? PRINT_HINT}</p>
    </div>
    <OfficialDocument model={p.model} />
    <script src="/static/js/print.js" defer></script>
  </Layout>
)
