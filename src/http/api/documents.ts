/**
 * The documents of a letter (extends API.md "Letters (staff)"):
 *   GET /api/v1/letters/{id}/documents            → {"items":[{id, template, title, issuedOn, redacted, addresseeAgencyCode}]}
 *   GET /api/v1/letters/{id}/documents/{docId}    → the document with its stored snapshot (`content`)
 *       ?format=docx → the Word file; ?format=html → a self-contained HTML file (fallback)
 * Same access as GET /letters/{id}; a receiving agency gets only what was addressed to it.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../env.ts'
import { DOCX_MEDIA_TYPE, renderDocx } from '../document-docx.ts'
import { attachment, documentFileName, documentForViewer, documentJson, documentListForViewer, renderStandaloneHtml } from '../documents.tsx'
import { parseOrThrow } from '../validation.ts'

const DocumentQuery = v.object({
  format: v.optional(v.picklist(['json', 'html', 'docx'], 'Định dạng phải là json, html hoặc docx.')),
})

export const documentsApi = new Hono<AppEnv>()
  .get('/letters/:id/documents', async (c) => {
    const items = await documentListForViewer(c.get('deps').db, c.req.param('id'), c.get('user')!)
    return c.json({ items })
  })
  .get('/letters/:id/documents/:docId', async (c) => {
    const { db, now } = c.get('deps')
    const { format = 'json' } = parseOrThrow(DocumentQuery, c.req.query())
    const { letter, document } = await documentForViewer(db, c.req.param('id'), c.req.param('docId'), c.get('user')!, now(), format)
    // documents may carry personal data: never cached by the browser or a proxy
    c.header('Cache-Control', 'no-store')
    if (format === 'docx') {
      c.header('Content-Type', DOCX_MEDIA_TYPE)
      c.header('Content-Disposition', attachment(documentFileName(document, letter.code, 'docx')))
      return c.body(await renderDocx(document.model))
    }
    if (format === 'html') {
      c.header('Content-Disposition', attachment(documentFileName(document, letter.code, 'html')))
      return c.html(await renderStandaloneHtml(document))
    }
    return c.json(documentJson(document))
  })
