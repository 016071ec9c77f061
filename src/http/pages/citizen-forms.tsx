/**
 * The citizen's forms a reception officer prints (src/domain/citizen-forms.ts), mounted at
 * /can-bo/don:
 *
 *   GET /mau/:form(.docx)       blank (linked from the register page)
 *   GET /:id/mau/:form(.docx)   filled from a registered complaint (linked from its case page)
 *
 * :form is don-khieu-nai (Mẫu số 01) or giay-uy-quyen (Mẫu số 02). The form in force today is
 * printed. Nothing is stored. Roles that register letters (`register_letter`); a filled form
 * needs the complaint to be one the user may see.
 */
import { Hono, type Context } from 'hono'
import { vnDateOf } from '../../domain/calendar.ts'
import { asciiSlug } from '../../domain/document-format.ts'
import { buildCitizenForm, citizenFormKindOf, type CitizenFormModel } from '../../domain/citizen-forms.ts'
import { getLetter } from '../../db/letters.ts'
import { CitizenFormPage } from '../../../views/pages/letters/CitizenFormPage.tsx'
import type { AppEnv } from '../env.ts'
import { forbidden, notFound } from '../errors.ts'
import { pageRequires, signedIn } from '../auth/pages.ts'
import { DOCX_MEDIA_TYPE, renderDocx } from '../document-docx.ts'
import { attachment } from '../documents.tsx'
import { canViewLetter, rulesContext } from '../letters.ts'
import { render } from '../render.tsx'

const ID = '[A-Za-z0-9_-]{1,64}'
const FORM = '[a-z-]{1,40}'

/** The form for this request: blank, or filled from the letter in the path. */
async function formOf(c: Context<AppEnv>, slug: string, letterId: string | null): Promise<CitizenFormModel> {
  const { db, now } = c.get('deps')
  const kind = citizenFormKindOf(slug.replace(/\.docx$/, ''))
  if (!kind) throw notFound('Không có mẫu này.')
  const ctx = await rulesContext(db)
  let letter: { code: string; letter: NonNullable<Awaited<ReturnType<typeof getLetter>>>['letter'] } | null = null
  let competentCode: string | null = null
  if (letterId) {
    const stored = await getLetter(db, letterId)
    if (!stored) throw notFound('Không tìm thấy đơn.')
    if (!canViewLetter(c.get('user')!, stored)) throw forbidden('Tài khoản không có quyền xem đơn này.')
    // only a complaint has these forms (and no denouncer's identity can end up on one)
    if (stored.letter.contentType !== 'khieu_nai') throw notFound('Mẫu đơn khiếu nại chỉ dành cho đơn khiếu nại.')
    letter = { code: stored.code, letter: stored.letter }
    competentCode = stored.competentAgencyCode
  }
  const competent = ctx.agencies.find((a) => a.code === competentCode) ?? null
  const model = buildCitizenForm({ kind, date: vnDateOf(now()), letter, agencies: ctx.agencies, settings: ctx.settings }, competent)
  if (!model) throw notFound('Không có mẫu này vào ngày hôm nay.')
  return model
}

async function serve(c: Context<AppEnv>, slug: string, letterId: string | null) {
  const model = await formOf(c, slug, letterId)
  c.header('Cache-Control', 'no-store')
  const base = letterId ? `/can-bo/don/${encodeURIComponent(letterId)}/mau/` : '/can-bo/don/mau/'
  if (slug.endsWith('.docx')) {
    c.header('Content-Type', DOCX_MEDIA_TYPE)
    c.header('Content-Disposition', attachment(`${asciiSlug(model.title)}${model.letterCode ? `-${model.letterCode}` : ''}.docx`))
    return c.body(await renderDocx(model))
  }
  return render(c, <CitizenFormPage model={model} docxHref={`${base}${slug}.docx`} letterHref={letterId ? `/can-bo/don/${encodeURIComponent(letterId)}` : null} />)
}

export const citizenFormPages = new Hono<AppEnv>()
  .use(signedIn)
  .get(`/mau/:form{${FORM}}`, pageRequires('register_letter'), (c) => serve(c, c.req.param('form'), null))
  .get(`/mau/:file{${FORM}\\.docx}`, pageRequires('register_letter'), (c) => serve(c, c.req.param('file'), null))
  .get(`/:id{${ID}}/mau/:form{${FORM}}`, pageRequires('register_letter'), (c) => serve(c, c.req.param('form'), c.req.param('id')))
  .get(`/:id{${ID}}/mau/:file{${FORM}\\.docx}`, pageRequires('register_letter'), (c) => serve(c, c.req.param('file'), c.req.param('id')))
