/**
 * Staff pages for a letter's documents, mounted at /can-bo/don (the letter's own page comes with
 * a later issue): the printable page /can-bo/don/:id/van-ban/:docId and its Word file
 * /can-bo/don/:id/van-ban/:docId.docx. Access as for the API (src/http/documents.tsx).
 */
import { Hono } from 'hono'
import { formatCode } from '../../db/letters.ts'
import { DocumentPage } from '../../../views/pages/DocumentPage.tsx'
import type { AppEnv } from '../env.ts'
import { signedIn } from '../auth/pages.ts'
import { DOCX_MEDIA_TYPE, renderDocx } from '../document-docx.ts'
import { attachment, documentFileName, documentForViewer } from '../documents.tsx'
import { render } from '../render.tsx'

/** Ids are nanoids; anything else is not a document of ours. */
const ID = '[A-Za-z0-9_-]{1,64}'

export const documentPages = new Hono<AppEnv>()
  .use(signedIn)
  .get(`/:id{${ID}}/van-ban/:file{${ID}\\.docx}`, async (c) => {
    const { db, now } = c.get('deps')
    const docId = c.req.param('file').replace(/\.docx$/, '')
    const { letter, document } = await documentForViewer(db, c.req.param('id'), docId, c.get('user')!, now(), 'docx')
    c.header('Cache-Control', 'no-store')
    c.header('Content-Type', DOCX_MEDIA_TYPE)
    c.header('Content-Disposition', attachment(documentFileName(document, letter.code, 'docx')))
    return c.body(await renderDocx(document.model))
  })
  .get(`/:id{${ID}}/van-ban/:docId{${ID}}`, async (c) => {
    const { db, now } = c.get('deps')
    const { letter, document } = await documentForViewer(db, c.req.param('id'), c.req.param('docId'), c.get('user')!, now(), 'trang')
    c.header('Cache-Control', 'no-store')
    const docxHref = `/can-bo/don/${encodeURIComponent(letter.id)}/van-ban/${encodeURIComponent(document.id)}.docx`
    return render(c, <DocumentPage model={document.model} letterCode={formatCode(letter.code)} docxHref={docxHref} />)
  })
