/**
 * Reception visits (API.md "Reception visits", with this system's extensions):
 *   POST /api/v1/receptions                          record a visit; without caseId a new matter is opened
 *   GET  /api/v1/receptions                          the visits behind a report number (src/http/visit-query.ts)
 *   GET  /api/v1/receptions/register?from=&to=       the register, Mẫu 03/TCD (12 columns)
 *   GET  /api/v1/receptions/sessions/{id}            a leader's session and its visits
 *   POST /api/v1/receptions/sessions/{id}/conclusion {"conclusion"} → the session, with its notice
 *   GET  /api/v1/receptions/{id}                     one visit (visitors as the caller may see them)
 *   GET  /api/v1/receptions/{id}/documents/{docId}   a visit's document; ?format=docx|html
 *   GET  /api/v1/matters?q=                          matters by name / ID number (folded) / code
 */
import { Hono } from 'hono'
import { jsx } from 'hono/jsx'
import * as v from 'valibot'
import { can } from '../../domain/permissions.ts'
import { REGISTER_COLUMNS } from '../../domain/reception.ts'
import { asciiSlug } from '../../domain/document-format.ts'
import { countReceptions, listReceptions, listVisitedMatters, listVisitedSessions, registerVisits } from '../../db/receptions.ts'
import { loadSettings } from '../../db/settings.ts'
import { listAgencies } from '../../db/agencies.ts'
import { VisitListQuery, visitFilterOf, visitParamProblems } from '../visit-query.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, forbidden, invalid, notFound } from '../errors.ts'
import { apiRequires } from '../auth/session.ts'
import { DOCX_MEDIA_TYPE, renderDocx } from '../document-docx.ts'
import { attachment } from '../documents.tsx'
import {
  concludeSession,
  mattersForViewer,
  matterJson,
  receptionDocumentForViewer,
  recordVisit,
  registerRowsForViewer,
  sessionForViewer,
  sessionJson,
  visitForViewer,
  visitJson,
} from '../receptions.ts'
import { ReceptionSchema } from '../schemas/reception.ts'
import { isoDate, parseOrThrow, readJson, requiredText } from '../validation.ts'
import { StandaloneDocument } from '../../../views/documents/StandaloneDocument.tsx'

const RegisterQuery = v.object({
  from: isoDate('Ngày bắt đầu phải có dạng YYYY-MM-DD.'),
  to: isoDate('Ngày kết thúc phải có dạng YYYY-MM-DD.'),
})
const DocumentQuery = v.object({ format: v.optional(v.picklist(['json', 'html', 'docx'], 'Định dạng phải là json, html hoặc docx.')) })
const ConclusionSchema = v.object({ conclusion: requiredText(20_000, 'Ghi nội dung kết luận của lãnh đạo.') }, 'Phải là một đối tượng JSON.')

export const receptionsApi = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = c.get('user')!
    if (!can(user.roles, 'view_reports') && !can(user.roles, 'record_reception') && !can(user.roles, 'view_letters')) throw forbidden()
    const { db } = c.get('deps')
    const query = parseOrThrow(VisitListQuery, c.req.query())
    const problems = visitParamProblems(query)
    if (problems.length > 0) throw invalid(problems)
    const filter = visitFilterOf(query, (await loadSettings(db)).largeGroupThreshold)
    if (query.distinct === 'matter') return c.json({ items: await listVisitedMatters(db, filter) })
    if (query.distinct === 'session') return c.json({ items: await listVisitedSessions(db, filter) })
    const [page, total] = await Promise.all([listReceptions(db, filter, query.cursor ?? null, query.limit ?? 50), countReceptions(db, filter)])
    return c.json({ ...page, total: total.visits, persons: total.persons })
  })
  .post('/', apiRequires('record_reception'), async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(ReceptionSchema, await readJson(c))
    const result = await recordVisit(db, input, c.get('user')!, now(), { staffScreen: false })
    if (!result.ok) throw invalid(result.errors)
    const r = result.visit
    return c.json(
      { id: r.id, caseId: r.matterId, sessionId: r.sessionId, letterId: r.letterId, letterCode: r.letterCode, documents: r.documents, refusalNoticeDue: r.refusalNoticeDue },
      201,
    )
  })
  .get('/register', apiRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const { from, to } = parseOrThrow(RegisterQuery, c.req.query())
    if (from > to) throw invalid([{ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }])
    const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
    const rows = await registerRowsForViewer(db, await registerVisits(db, from, to), c.get('user')!, now(), { settings, agencies }, 'api:register')
    c.header('Cache-Control', 'no-store')
    return c.json({ period: { from, to }, form: 'Mẫu số 03/TCD', columns: REGISTER_COLUMNS, rows })
  })
  .get('/sessions/:id', apiRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const view = await sessionForViewer(db, c.req.param('id'), c.get('user')!, now(), 'api:session')
    if (!view) throw notFound('Không tìm thấy kỳ tiếp.')
    return c.json(sessionJson(view, await loadSettings(db)))
  })
  .post('/sessions/:id/conclusion', apiRequires('record_reception'), async (c) => {
    const { db, now } = c.get('deps')
    const { conclusion } = parseOrThrow(ConclusionSchema, await readJson(c))
    const user = c.get('user')!
    const result = await concludeSession(db, c.req.param('id'), conclusion, user, now())
    if (!result.ok) throw new ApiError(result.status, result.status === 409 ? 'conflict' : result.status === 404 ? 'not_found' : 'validation_failed', result.message, result.errors ?? [])
    const view = await sessionForViewer(db, c.req.param('id'), user, now(), 'api:session')
    return c.json(sessionJson(view!, await loadSettings(db)))
  })
  .get('/:id', apiRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const view = await visitForViewer(db, c.req.param('id'), c.get('user')!, now(), await loadSettings(db), 'api:visit')
    if (!view) throw notFound('Không tìm thấy lượt tiếp.')
    c.header('Cache-Control', 'no-store')
    return c.json(visitJson(view))
  })
  .get('/:id/documents/:docId', async (c) => {
    const { db, now } = c.get('deps')
    const { format = 'json' } = parseOrThrow(DocumentQuery, c.req.query())
    const found = await receptionDocumentForViewer(db, c.req.param('id'), c.req.param('docId'), c.get('user')!, now(), format)
    if (!found.ok) throw found.status === 403 ? forbidden(found.message) : notFound(found.message)
    const { document } = found
    c.header('Cache-Control', 'no-store')
    const fileName = `${asciiSlug(document.model.title)}-${document.issuedOn}`
    if (format === 'docx') {
      c.header('Content-Type', DOCX_MEDIA_TYPE)
      c.header('Content-Disposition', attachment(`${fileName}.docx`))
      return c.body(await renderDocx(document.model))
    }
    if (format === 'html') {
      c.header('Content-Disposition', attachment(`${fileName}.html`))
      return c.html(`<!DOCTYPE html>\n${await jsx(StandaloneDocument, { model: document.model }).toString()}`)
    }
    return c.json({ id: document.id, template: document.template, title: document.model.title, form: document.model.form, source: document.model.source, issuedOn: document.issuedOn, content: document.model })
  })

/** GET /api/v1/matters?q= : an earlier matter to join, found by a visitor's or sender's name or ID, or its code. */
export const mattersApi = new Hono<AppEnv>().get('/', apiRequires('view_letters'), async (c) => {
  const q = (c.req.query('q') ?? '').slice(0, 200)
  if (!q.trim()) throw invalid([{ path: 'q', message: 'Nhập họ tên, số giấy tờ hoặc mã vụ việc để tìm.' }])
  const items = await mattersForViewer(c.get('deps').db, q, c.get('user')!)
  c.header('Cache-Control', 'no-store')
  return c.json({ items: items.map(matterJson) })
})
