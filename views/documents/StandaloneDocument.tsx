/**
 * The downloadable HTML file of a document: the same page as printed, self-contained (styles
 * embedded, no script, no link back to the system) so it opens from disk in any browser.
 */
import { raw } from 'hono/html'
import type { PrintedDocument } from '../../src/domain/documents.ts'
import { DOCUMENT_CSS } from './document-css.ts'
import { OfficialDocument } from './OfficialDocument.tsx'

export const StandaloneDocument = ({ model }: { model: PrintedDocument }) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{model.title}</title>
      <style>{raw(`body { margin: 0; padding: 1rem 0; background: #f5f6f8; }\n${DOCUMENT_CSS}`)}</style>
    </head>
    <body>
      <OfficialDocument model={model} />
    </body>
  </html>
)
