/**
 * The reception screens (/can-bo/tiep-dan): the log with its filters and the print of the
 * register (Mẫu 03/TCD), recording a visit, one visit and its documents, a leader's session and
 * its conclusion. Every page is a full page without JavaScript; with htmx, the visit form's
 * "Thêm người" and matter search and the log's filters swap a fragment — only when the request
 * is a partial one (isPartialRequest), so history restores and boosted loads get full pages.
 */
import { Hono, type Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import { vnDateOf } from '../../domain/calendar.ts'
import { FIELDS } from '../../domain/codes.ts'
import { can } from '../../domain/permissions.ts'
import { REFUSAL_GROUNDS, type ReceptionKind } from '../../domain/reception.ts'
import { listAgencies } from '../../db/agencies.ts'
import { countVisitLog, listVisitLog, mattersById, registerVisits, type MatterHit, type VisitLogFilter } from '../../db/receptions.ts'
import { loadSettings } from '../../db/settings.ts'
import { LogPage, LogResults, type LogFilterValues, type LogResultsProps } from '../../../views/pages/receptions/LogPage.tsx'
import { MattersPage } from '../../../views/pages/receptions/MattersPage.tsx'
import { ReceptionDocumentPage } from '../../../views/pages/receptions/ReceptionDocumentPage.tsx'
import { RegisterPrintPage } from '../../../views/pages/receptions/RegisterPrintPage.tsx'
import { SessionPage } from '../../../views/pages/receptions/SessionPage.tsx'
import { MAX_VISITOR_ROWS, MatterResults, VisitFormPage, VisitorRows, type FormValues, type VisitFormProps } from '../../../views/pages/receptions/VisitForm.tsx'
import { VisitPage } from '../../../views/pages/receptions/VisitPage.tsx'
import { viDate } from '../../../views/pages/receptions/labels.ts'
import { signedIn, pageRequires } from '../auth/pages.ts'
import { DOCX_MEDIA_TYPE, renderDocx } from '../document-docx.ts'
import { attachment } from '../documents.tsx'
import type { AppEnv, CurrentUser } from '../env.ts'
import { forbidden, invalid, notFound, type FieldError } from '../errors.ts'
import { errorsByPath, formDateMessages, formStrings, parseDateInput, readForm, type FormBody } from '../form.ts'
import { isPartialRequest } from '../htmx.ts'
import {
  concludeSession,
  logIdentityViews,
  mattersForViewer,
  mayViewVisitors,
  receptionDocumentForViewer,
  recordVisit,
  refusalNoticeDue,
  registerRowsForViewer,
  sessionForViewer,
  visitForViewer,
  visitProblems,
} from '../receptions.ts'
import { render } from '../render.tsx'
import { ReceptionSchema } from '../schemas/reception.ts'
import { fieldErrors, isoDate, withoutPath } from '../validation.ts'
import { asciiSlug } from '../../domain/document-format.ts'

/** Ids are nanoids; anything else is not one of ours. */
const ID = '[A-Za-z0-9_-]{1,64}'
const MAX_FORM_TEXT = 20_000

/** A fragment for htmx: no layout, but the same Vary as a page (the URL answers both). */
function fragment(c: Context<AppEnv>, view: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request, HX-Request-Type')
  return c.html(view, status)
}

const privatePage = (c: Context) => c.header('Cache-Control', 'private, no-store')

// ----- the log ------------------------------------------------------------------------------------

const dateParam = isoDate('Ngày phải có dạng ngày/tháng/năm, ví dụ 06/07/2026.')

const monthStart = (today: string) => `${today.slice(0, 8)}01`

/** The log's filters from the query string: bad dates are reported and replaced by the defaults. */
function logFilterOf(query: Record<string, string>, today: string): { values: LogFilterValues; range: { from: string; to: string }; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const date = (name: 'from' | 'to', fallback: string) => {
    const raw = (query[name] ?? '').trim()
    if (raw === '') return { shown: viDate(fallback), iso: fallback }
    const iso = parseDateInput(raw)
    if (!v.safeParse(dateParam, iso).success) {
      errors[name] = name === 'from' ? 'Ngày bắt đầu phải có dạng ngày/tháng/năm, ví dụ 01/07/2026.' : 'Ngày kết thúc phải có dạng ngày/tháng/năm, ví dụ 31/07/2026.'
      return { shown: raw.slice(0, 20), iso: fallback }
    }
    return { shown: raw.slice(0, 20), iso }
  }
  const from = date('from', monthStart(today))
  const to = date('to', today)
  if (!errors.from && !errors.to && from.iso > to.iso) errors.to = 'Ngày kết thúc phải sau ngày bắt đầu.'
  const kind = ['thuong_xuyen', 'dinh_ky', 'dot_xuat', 'lanh_dao'].includes(query.kind ?? '') ? query.kind! : ''
  const form = ['truc_tiep', 'truc_tuyen'].includes(query.form ?? '') ? query.form! : ''
  return {
    values: { from: from.shown, to: to.shown, kind, form, doan: query.doan === '1', q: (query.q ?? '').slice(0, 200) },
    // a reversed period shows its first day rather than nothing
    range: { from: from.iso, to: to.iso < from.iso ? from.iso : to.iso },
    errors,
  }
}

const kindsOf = (kind: string): ReceptionKind[] | undefined =>
  kind === 'lanh_dao' ? ['dinh_ky', 'dot_xuat'] : kind ? [kind as ReceptionKind] : undefined

function logQuery(values: LogFilterValues, range: { from: string; to: string }, cursor?: string): string {
  const p = new URLSearchParams({ from: viDate(range.from), to: viDate(range.to) })
  if (values.kind) p.set('kind', values.kind)
  if (values.form) p.set('form', values.form)
  if (values.doan) p.set('doan', '1')
  if (values.q) p.set('q', values.q)
  if (cursor) p.set('cursor', cursor)
  return p.toString()
}

async function logResults(c: Context<AppEnv>, user: CurrentUser, values: LogFilterValues, range: { from: string; to: string }): Promise<LogResultsProps> {
  const { db, now } = c.get('deps')
  const settings = await loadSettings(db)
  const filter: VisitLogFilter = {
    from: range.from,
    to: range.to,
    kinds: kindsOf(values.kind),
    form: (values.form || undefined) as VisitLogFilter['form'],
    largeGroupOnly: values.doan,
    largeGroupThreshold: settings.largeGroupThreshold,
    q: values.q || undefined,
    searchDenouncers: can(user.roles, 'view_denouncer_identity'),
  }
  const cursor = (c.req.query('cursor') ?? '').slice(0, 200) || null
  const [counts, page] = await Promise.all([countVisitLog(db, filter), listVisitLog(db, filter, cursor, 50)])
  await logIdentityViews(db, user, page.items, 'page:log', now())
  return {
    filter: values,
    counts,
    rows: page.items.map((visit) => {
      const identityShown = mayViewVisitors(user, visit.contentType)
      return { visit: identityShown ? visit : { ...visit, visitors: [] }, identityShown, largeGroup: visit.persons >= settings.largeGroupThreshold }
    }),
    nextHref: page.nextCursor ? `/can-bo/tiep-dan?${logQuery(values, range, page.nextCursor)}` : null,
    printHref: `/can-bo/tiep-dan/in?${new URLSearchParams({ from: range.from, to: range.to })}`,
    threshold: settings.largeGroupThreshold,
  }
}

// ----- the visit form -----------------------------------------------------------------------------

const formValues = (body: FormBody): FormValues => formStrings(body, MAX_FORM_TEXT)

const visitorRowsOf = (values: FormValues) => Math.min(MAX_VISITOR_ROWS, Math.max(1, Number.parseInt(values.visitorRows ?? '1', 10) || 1))

/** The form as the API's body: the same schema and checks decide. */
function formToInput(values: FormValues): Record<string, unknown> {
  const text = (name: string) => values[name] ?? ''
  const opt = (name: string) => (text(name).trim() === '' ? null : text(name))
  const visitorField = (i: number, f: string) => text(`visitors.${i}.${f}`).trim()
  // an added row left empty is not a visitor; rows in between keep their numbers (errors point at them)
  let rows = visitorRowsOf(values)
  while (rows > 1 && ['name', 'address', 'idKind', 'idNumber', 'authorisation', 'representative'].every((f) => visitorField(rows - 1, f) === '')) rows--
  const persons = text('persons').trim()
  return {
    date: parseDateInput(text('date')),
    kind: text('kind') || 'thuong_xuyen',
    form: text('form') || 'truc_tiep',
    hostName: text('kind') && text('kind') !== 'thuong_xuyen' ? opt('hostName') : null,
    delegated: text('kind') !== 'thuong_xuyen' && text('delegated') === '1',
    persons: /^\d{1,6}$/.test(persons) ? Number(persons) : persons,
    caseId: opt('caseId'),
    contentType: text('contentType') || 'khieu_nai',
    field: opt('field'),
    summary: opt('summary'),
    visitors: Array.from({ length: rows }, (_, i) => ({
      name: text(`visitors.${i}.name`),
      address: opt(`visitors.${i}.address`),
      idKind: opt(`visitors.${i}.idKind`),
      idNumber: opt(`visitors.${i}.idNumber`),
      representative: text(`visitors.${i}.representative`) === '1',
      authorisation: opt(`visitors.${i}.authorisation`),
    })),
    handling: opt('handling'),
    handledTo: ['huong_dan', 'chuyen_don'].includes(text('handling')) ? opt('handledTo') : null,
    handledRef: ['huong_dan', 'chuyen_don'].includes(text('handling')) ? opt('handledRef') : null,
    refusalGround: text('handling') === 'tu_choi' ? opt('refusalGround') : null,
    resolvedBy: opt('resolvedBy'),
    documentsReceived: text('documentsReceived')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    respondentPerson: text('handling') === 'nhan_don' ? opt('respondentPerson') : null,
    request: text('handling') === 'nhan_don' ? opt('request') : null,
  }
}

const FORM_ORDER = ['date', 'kind', 'hostName', 'form', 'persons', 'visitors', 'caseId', 'contentType', 'field', 'summary', 'resolvedBy', 'handling', 'respondentPerson', 'request', 'handledTo', 'handledRef', 'refusalGround', 'documentsReceived']
const rank = (path: string) => {
  const i = FORM_ORDER.indexOf(path.split('.')[0]!)
  const row = /^visitors\.(\d+)/.exec(path)
  return (i === -1 ? FORM_ORDER.length : i) * 1000 + (row ? Number(row[1]) + 1 : 0)
}
const errorMap = (errors: readonly FieldError[]) => errorsByPath([...errors].sort((a, b) => rank(a.path) - rank(b.path)))

/** Every error in one round: when some values are malformed, the remaining checks still run on the rest. */
async function allErrors(c: Context<AppEnv>, raw: Record<string, unknown>): Promise<FieldError[] | null> {
  const { db, now } = c.get('deps')
  const first = v.safeParse(ReceptionSchema, raw)
  if (first.success) return null
  const errors = formDateMessages(fieldErrors(first.issues))
  const rest = structuredClone(raw)
  for (const e of errors) withoutPath(rest, e.path)
  // stand-ins for required values already reported, so the checks of the rest still run
  const visitors = Array.isArray(rest.visitors) ? (rest.visitors as Array<Record<string, unknown>>) : []
  if (rest.persons === undefined) rest.persons = Math.max(1, visitors.length)
  for (const visitor of visitors) if (visitor && typeof visitor === 'object' && visitor.name === undefined) visitor.name = '…'
  const second = v.safeParse(ReceptionSchema, rest)
  if (second.success) {
    const known = new Set(errors.map((e) => e.path))
    const settings = await loadSettings(db)
    const more = await visitProblems(db, second.output, settings, vnDateOf(now()), { staffScreen: true })
    errors.push(...formDateMessages(more.filter((e) => !known.has(e.path))))
  }
  return errors
}

async function formContext(c: Context<AppEnv>): Promise<Pick<VisitFormProps, 'threshold' | 'fields' | 'agencyNames' | 'grounds'>> {
  const { db, now } = c.get('deps')
  const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
  const today = vnDateOf(now())
  const byName = new Intl.Collator('vi')
  return {
    threshold: settings.largeGroupThreshold,
    fields: Object.entries(FIELDS).map(([value, label]) => ({ value, label })),
    agencyNames: agencies
      .filter((a) => a.active !== false && (!a.validTo || a.validTo >= today))
      .map((a) => a.name)
      .sort((a, b) => byName.compare(a, b)),
    grounds: REFUSAL_GROUNDS,
  }
}

const namesOf = (user: CurrentUser) => (m: MatterHit) => mayViewVisitors(user, m.contentType)

async function selectedMatter(c: Context<AppEnv>, caseId: string): Promise<MatterHit | null> {
  if (!caseId) return null
  return (await mattersById(c.get('deps').db, [caseId]))[0] ?? null
}

async function renderForm(c: Context<AppEnv>, props: Partial<VisitFormProps> & { values: FormValues }, status: ContentfulStatusCode) {
  const user = c.get('user')!
  const context = await formContext(c)
  const selected = props.selected !== undefined ? props.selected : await selectedMatter(c, props.values.caseId ?? '')
  privatePage(c)
  return render(
    c,
    <VisitFormPage
      visitorRows={visitorRowsOf(props.values)}
      errors={{}}
      matters={null}
      {...context}
      {...props}
      selected={selected}
      namesOf={namesOf(user)}
    />,
    status,
  )
}

// ----- the routes ---------------------------------------------------------------------------------

export const receptionPages = new Hono<AppEnv>()
  .use(signedIn)
  .get('/', pageRequires('view_letters'), async (c) => {
    const user = c.get('user')!
    const today = vnDateOf(c.get('deps').now())
    const { values, range, errors } = logFilterOf(c.req.query(), today)
    const results = await logResults(c, user, values, range)
    privatePage(c)
    const status = Object.keys(errors).length > 0 ? 422 : 200
    if (isPartialRequest(c)) {
      return fragment(c, <LogResults {...results} notice={status === 422 ? Object.values(errors).join(' ') : null} />, status)
    }
    const ok = c.req.query('ok')
    return render(c, <LogPage {...results} errors={errors} flash={ok === 'ket-luan' ? 'Đã lưu kết luận.' : null} />, status)
  })
  .get('/in', pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const today = vnDateOf(now())
    const { range, errors } = logFilterOf(c.req.query(), today)
    if (Object.keys(errors).length > 0) throw invalid(Object.entries(errors).map(([path, message]) => ({ path, message })), Object.values(errors).join(' '))
    const [settings, agencies] = await Promise.all([loadSettings(db), listAgencies(db)])
    const rows = await registerRowsForViewer(db, await registerVisits(db, range.from, range.to), c.get('user')!, now(), { settings, agencies }, 'page:register')
    const home = agencies.find((a) => a.code === settings.homeAgencyCode)
    privatePage(c)
    return render(
      c,
      <RegisterPrintPage
        boardName={settings.boardName}
        parentName={home?.name ?? null}
        from={range.from}
        to={range.to}
        rows={rows}
        backHref={`/can-bo/tiep-dan?${new URLSearchParams({ from: viDate(range.from), to: viDate(range.to) })}`}
        printedOn={today}
      />,
    )
  })
  .get('/moi', pageRequires('record_reception'), async (c) => {
    const today = vnDateOf(c.get('deps').now())
    const caseId = (c.req.query('vu-viec') ?? '').slice(0, 64)
    const selected = await selectedMatter(c, caseId)
    const values: FormValues = { date: viDate(today), kind: 'thuong_xuyen', form: 'truc_tiep', persons: '1', visitorRows: '1' }
    if (selected) Object.assign(values, { caseId: selected.id, contentType: selected.contentType, field: selected.field ?? '' })
    return renderForm(c, { values, selected }, 200)
  })
  .post('/moi', pageRequires('record_reception'), async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const body = await readForm(c)
    const values = formValues(body)
    const action = typeof body.hanh_dong === 'string' ? body.hanh_dong : 'luu'

    if (action === 'them-nguoi') {
      const rows = Math.min(MAX_VISITOR_ROWS, visitorRowsOf(values) + 1)
      const next = { ...values, visitorRows: String(rows) }
      if (isPartialRequest(c)) return fragment(c, <VisitorRows values={next} visitorRows={rows} errors={{}} focusRow={rows - 1} />)
      return renderForm(c, { values: next, focusRow: rows - 1 }, 200)
    }
    if (action === 'tim-vu-viec') {
      const q = (values.matterQuery ?? '').slice(0, 200)
      const matters = q.trim() ? await mattersForViewer(db, q, user) : []
      if (isPartialRequest(c)) {
        const selected = await selectedMatter(c, values.caseId ?? '')
        return fragment(c, <MatterResults query={q} matters={matters} selected={selected} caseId={values.caseId ?? ''} namesOf={namesOf(user)} />)
      }
      return renderForm(c, { values, matters }, 200)
    }

    const raw = formToInput(values)
    const early = await allErrors(c, raw)
    if (early) return renderForm(c, { values, errors: errorMap(early) }, 422)
    const result = await recordVisit(db, v.parse(ReceptionSchema, raw), user, now(), { staffScreen: true })
    if (!result.ok) return renderForm(c, { values, errors: errorMap(result.errors) }, 422)
    return c.redirect(`/can-bo/tiep-dan/${encodeURIComponent(result.visit.id)}?ok=moi`, 303)
  })
  .get('/vu-viec', pageRequires('view_letters'), async (c) => {
    const user = c.get('user')!
    const q = (c.req.query('matterQuery') ?? c.req.query('q') ?? '').slice(0, 200)
    const matters = q.trim() ? await mattersForViewer(c.get('deps').db, q, user) : null
    privatePage(c)
    if (isPartialRequest(c)) {
      const caseId = (c.req.query('caseId') ?? '').slice(0, 64)
      const selected = await selectedMatter(c, caseId)
      return fragment(c, <MatterResults query={q} matters={matters} selected={selected} caseId={caseId} namesOf={namesOf(user)} />)
    }
    return render(c, <MattersPage q={q} matters={matters} namesOf={namesOf(user)} />)
  })
  .get(`/ky/:id{${ID}}`, pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const view = await sessionForViewer(db, c.req.param('id'), c.get('user')!, now(), 'page:session')
    if (!view) throw notFound('Không tìm thấy kỳ tiếp.')
    const settings = await loadSettings(db)
    privatePage(c)
    const flash = c.req.query('ok') === 'ket-luan' ? 'Đã lưu kết luận và lập thông báo kết luận.' : null
    return render(c, <SessionPage view={view} threshold={settings.largeGroupThreshold} conclusion="" errors={{}} flash={flash} />)
  })
  .post(`/ky/:id{${ID}}`, pageRequires('record_reception'), async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const id = c.req.param('id')
    const body = await readForm(c)
    const conclusion = (typeof body.conclusion === 'string' ? body.conclusion : '').slice(0, 20_000)
    const result = await concludeSession(db, id, conclusion, user, now())
    if (result.ok) return c.redirect(`/can-bo/tiep-dan/ky/${encodeURIComponent(id)}?ok=ket-luan`, 303)
    if (result.status === 404) throw notFound(result.message)
    const view = await sessionForViewer(db, id, user, now(), 'page:session')
    const settings = await loadSettings(db)
    const errors = Object.fromEntries((result.errors ?? []).map((e) => [e.path, e.message]))
    return render(
      c,
      <SessionPage view={view!} threshold={settings.largeGroupThreshold} conclusion={conclusion} errors={errors} notice={result.status === 409 ? result.message : null} />,
      result.status,
    )
  })
  .get(`/:id{${ID}}/van-ban/:file{${ID}\\.docx}`, pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const docId = c.req.param('file').replace(/\.docx$/, '')
    const found = await receptionDocumentForViewer(db, c.req.param('id'), docId, c.get('user')!, now(), 'docx')
    if (!found.ok) throw found.status === 403 ? forbidden(found.message) : notFound(found.message)
    c.header('Cache-Control', 'no-store')
    c.header('Content-Type', DOCX_MEDIA_TYPE)
    c.header('Content-Disposition', attachment(`${asciiSlug(found.document.model.title)}-${found.document.issuedOn}.docx`))
    return c.body(await renderDocx(found.document.model))
  })
  .get(`/:id{${ID}}/van-ban/:docId{${ID}}`, pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const found = await receptionDocumentForViewer(db, c.req.param('id'), c.req.param('docId'), c.get('user')!, now(), 'trang')
    if (!found.ok) throw found.status === 403 ? forbidden(found.message) : notFound(found.message)
    const { visit, document } = found
    const due = document.model.template.includes('tu_choi') ? refusalNoticeDue(visit, await loadSettings(db)) : null
    c.header('Cache-Control', 'no-store')
    return render(
      c,
      <ReceptionDocumentPage
        model={document.model}
        docxHref={`/can-bo/tiep-dan/${encodeURIComponent(visit.id)}/van-ban/${encodeURIComponent(document.id)}.docx`}
        dueNote={due ? `Hạn ban hành thông báo: ${viDate(due)} (03 ngày làm việc kể từ ngày tiếp).` : null}
      />,
    )
  })
  .get(`/:id{${ID}}`, pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const settings = await loadSettings(db)
    const view = await visitForViewer(db, c.req.param('id'), c.get('user')!, now(), settings, 'page:visit')
    if (!view) throw notFound('Không tìm thấy lượt tiếp.')
    privatePage(c)
    const ok = c.req.query('ok')
    const made = [
      'Đã lưu lượt tiếp.',
      view.letter ? `Đã lập đơn ${view.letter.code.slice(0, 4)}-${view.letter.code.slice(4)} để xử lý.` : null,
      view.documents.length > 0 ? `Đã lập ${view.documents.map((d) => d.model.title.toLowerCase()).join(', ')}.` : null,
    ]
    return render(c, <VisitPage view={view} flash={ok === 'moi' ? made.filter(Boolean).join(' ') : null} />)
  })
