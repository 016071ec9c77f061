/**
 * The letters workspace, mounted at /can-bo/don (the documents' pages share the prefix):
 *
 *   GET  /                   triage queue: tabs with counts, filters, search, paging
 *   GET  /moi                register a letter
 *   POST /moi                add a signer row | show the suggestion | save (→ the case page)
 *   POST /moi/phan-loai      the live classification (htmx fragment)
 *   GET  /:id                the case page
 *   POST /:id/quyet-dinh     the decision (accept the suggestion, or another with a note)
 *   POST /:id/don-doc        a follow-up request to the agency late with its reply
 *   POST /:id/giai-quyet/:action   a resolution event of an accepted complaint or denunciation
 *                            (xac-dinh-phuc-tap, doi-thoai, tam-dinh-chi, tiep-tuc, dinh-chi, rut-don)
 *
 * Every form posts and redirects without JavaScript; with htmx, the queue's results, the
 * classification panel and the signers' fieldset are swapped in place. Fragments are sent only
 * for partial requests (`isPartialRequest`): history restores get the whole page.
 */
import { Hono, type Context } from 'hono'
import { vnDateOf } from '../../domain/calendar.ts'
import { CHANNELS, CONTENT_TYPES, FIELDS, OUTCOMES, codesOf, type Outcome } from '../../domain/codes.ts'
import { d16Escalation } from '../../domain/deadlines.ts'
import { can } from '../../domain/permissions.ts'
import { suggestContentType } from '../../domain/classify.ts'
import { calendarOf } from '../../domain/settings.ts'
import { countLetters, findLetterIdByIdempotencyKey, getLetter, listLetters, peopleOfLetters, type StoredLetter } from '../../db/letters.ts'
import { isIdempotencyConflict } from '../../db/submissions.ts'
import { sha256Hex } from '../auth/crypto.ts'
import { listUsers } from '../../db/users.ts'
import { protectsIdentity } from '../../domain/documents.ts'
import { QueuePage, QueueResults, type QueueProps, type QueueRow } from '../../../views/pages/letters/QueuePage.tsx'
import { RegisterPage, type RegisterProps } from '../../../views/pages/letters/RegisterPage.tsx'
import { ClassificationContent, type ClassificationPreview } from '../../../views/pages/letters/ClassificationPanel.tsx'
import { CasePage, type DecisionFormState } from '../../../views/pages/letters/CasePage.tsx'
import { LETTER_STATUSES, suggested } from '../../../views/pages/letters/labels.ts'
import type { AppEnv, CurrentUser } from '../env.ts'
import { forbidden, notFound } from '../errors.ts'
import { pageRequires, signedIn } from '../auth/pages.ts'
import { actorOf } from '../auth/session.ts'
import { errorsByPath, formText, readForm } from '../form.ts'
import { fragment } from '../fragment.tsx'
import { followUp } from '../forwardings.ts'
import { isPartialRequest } from '../htmx.ts'
import { CONTENT_ROWS, DETAIL_FIELDS, ERROR_TARGETS, MAX_SENDER_ROWS, emptyLetterForm, formKeyOf, formValuesOf, parseLetterForm, senderRowsOf, type LetterFormValues } from '../letter-form.ts'
import { QUEUE_TABS, QUEUE_TAB_KEYS, dueSoonLimit, queueHref, readQueueParams, tabFilter } from '../letter-queue.ts'
import { canViewLetter, classifyLetter, decideLetter, earlierLetters, registerClassifiedLetter, rulesContext, withoutIdentity, type RulesContext } from '../letters.ts'
import { render } from '../render.tsx'
import { agencyChoices, areaChoices } from '../agency-choices.ts'
import { caseProps } from '../case-view.ts'
import { recordResolution } from '../resolution.ts'
import { actionOfSlug, resolutionFormBody, resolutionFormErrors, resolutionFormValues } from '../resolution-form.ts'
import { parseResolutionBody } from '../schemas/resolution.ts'
import { RESOLUTION_SLUGS } from '../../../views/pages/letters/ResolutionSection.tsx'

/** Ids are nanoids; anything else is not a letter of ours. */
const ID = '[A-Za-z0-9_-]{1,64}'
const PAGE_SIZE = 50

const FLASH: Record<string, string> = {
  'dang-ky': 'Đã vào sổ đơn. Kiểm tra đề xuất rồi ghi quyết định xử lý.',
  'quyet-dinh': 'Đã ghi quyết định xử lý. Văn bản đã được lập, có thể in hoặc tải về.',
  'don-doc': 'Đã lập văn bản đôn đốc gửi cơ quan.',
  'giai-quyet': 'Đã ghi nhận việc giải quyết. Văn bản (nếu có) đã được lập, có thể in hoặc tải về.',
}
const flashOf = (key: string | undefined) => (key ? (FLASH[key] ?? null) : null)

const options = <T extends Record<string, string>>(table: T) => codesOf(table).map((value) => ({ value, label: table[value]! }))

// ----- queue ----------------------------------------------------------------------------------

async function queue(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  const today = vnDateOf(now())
  const [ctx, users] = await Promise.all([rulesContext(db), listUsers(db)])
  const calendar = calendarOf(ctx.settings)
  const officers = users.filter((u) => can(u.roles, 'register_letter'))
  const agencies = agencyChoices(ctx.agencies, today)
  const { params, filter, errors } = readQueueParams(c.req.query(), {
    contentTypes: new Set(codesOf(CONTENT_TYPES)),
    fields: new Set(codesOf(FIELDS)),
    channels: new Set(codesOf(CHANNELS)),
    agencies: new Set(agencies.map((a) => a.code)),
    officers: new Set(officers.map((u) => u.id)),
  })
  const base = { ...filter, searchIdentityOfDenunciations: can(user.roles, 'view_denouncer_identity') }
  const counts = await Promise.all(QUEUE_TAB_KEYS.map((tab) => countLetters(db, { ...base, ...tabFilter(tab, today, calendar) })))
  const page = await listLetters(db, { ...base, ...tabFilter(params.tab, today, calendar) }, c.req.query('trang') ?? null, PAGE_SIZE)
  const people = await peopleOfLetters(db, page.items.map((i) => i.id))
  const names = new Map(ctx.agencies.map((a) => [a.code, a.name]))
  const soon = dueSoonLimit(today, calendar)
  const rows: QueueRow[] = page.items.map((item) => {
    const who = people.get(item.id)
    // a denouncer is never named in a list, whatever the role: only on the case page, where each
    // view is logged (Luật Tố cáo Art. 56); those who may see them can still find the letter by name
    const hidden = who?.protectsIdentity ?? item.contentType === 'to_cao'
    const named = (who?.senders ?? []).filter((s) => s.name)
    const pending = item.status === 'moi' && item.dueDate !== null
    return {
      id: item.id,
      code: item.code,
      receivedAt: item.receivedAt,
      contentType: item.contentType,
      channelLabel: CHANNELS[item.channel as keyof typeof CHANNELS] ?? item.channel,
      sender: named[0]?.name ?? null,
      senderHidden: hidden,
      otherSenders: Math.max(0, named.length - 1),
      // a name retyped in a denunciation's summary is hidden too
      summary: hidden && who ? (withoutIdentity({ summary: item.summary }, who.senders).summary ?? null) : item.summary,
      agencyName: item.competentAgencyCode ? (names.get(item.competentAgencyCode) ?? item.competentAgencyCode) : null,
      dueDate: item.dueDate,
      overdue: pending && item.dueDate! < today,
      dueSoon: pending && item.dueDate! >= today && item.dueDate! <= soon,
      statusLabel: LETTER_STATUSES[item.status] ?? item.status,
      outcomeLabel: item.outcome ? OUTCOMES[item.outcome as Outcome] : suggested(OUTCOMES[item.suggestedOutcome as Outcome] ?? item.suggestedOutcome),
    }
  })
  const status = Object.keys(errors).length > 0 ? 422 : 200
  const props: QueueProps = {
    filters: params,
    errors,
    tabs: QUEUE_TAB_KEYS.map((tab, i) => ({ key: tab, label: QUEUE_TABS[tab], count: counts[i]!, href: queueHref(params, { tab }), current: tab === params.tab })),
    rows,
    total: counts[QUEUE_TAB_KEYS.indexOf(params.tab)]!,
    nextHref: page.nextCursor ? queueHref(params, { cursor: page.nextCursor }) : null,
    options: {
      contentTypes: options(CONTENT_TYPES),
      fields: options(FIELDS),
      channels: options(CHANNELS),
      agencies: agencies.map((a) => ({ value: a.code, label: `${'\u00a0\u00a0'.repeat(a.depth)}${a.name}` })),
      officers: officers.map((u) => ({ value: u.id, label: u.displayName })),
    },
    canRegister: can(user.roles, 'register_letter'),
    flash: flashOf(c.req.query('ok')),
  }
  c.header('Cache-Control', 'no-store')
  if (isPartialRequest(c)) return fragment(c, <QueueResults tabs={props.tabs} rows={props.rows} total={props.total} nextHref={props.nextHref} errors={errors} />, status)
  return render(c, <QueuePage {...props} />, status)
}

// ----- registration ---------------------------------------------------------------------------

/** What the rules make of the form as typed so far. */
async function previewOf(c: Context<AppEnv>, values: LetterFormValues, ctx: RulesContext): Promise<ClassificationPreview> {
  const { db, now } = c.get('deps')
  const parsed = parseLetterForm(values, { agencies: ctx.agencies, today: vnDateOf(now()) })
  const text = [values.summary, values.request, values.act].filter(Boolean).join(' ')
  const suggestion = text.trim() ? suggestContentType(text) : null
  const base = { suggestedType: suggestion ? { contentType: suggestion.contentType, cues: suggestion.cues } : null, chosenType: values.contentType || null }
  if (!parsed.letter) {
    const missing = [...parsed.missing, ...parsed.dropped].map((e) => e.message)
    return { ...base, missing: [...new Set(missing)], ignored: [], classification: null, competentAgencyName: null, earlier: [], escalationDate: null }
  }
  const { classification, repeat } = await classifyLetter(db, parsed.letter, ctx)
  const agency = ctx.agencies.find((a) => a.code === classification.competentAgencyCode)
  return {
    ...base,
    missing: [],
    ignored: parsed.dropped.map((e) => e.message),
    classification,
    competentAgencyName: agency?.name ?? classification.competentAgencyCode,
    earlier: await earlierLetters(db, parsed.letter, repeat),
    escalationDate: d16Escalation(parsed.letter.receivedAt, ctx.settings.deadlines, calendarOf(ctx.settings)),
  }
}

function registerProps(values: LetterFormValues, ctx: RulesContext, today: string, extra: Partial<RegisterProps> = {}): RegisterProps {
  const errors = extra.errors ?? {}
  const inDetails = (name: string) => DETAIL_FIELDS.some((d) => name === d || name.startsWith(`${d}.`))
  return {
    values,
    senderRows: senderRowsOf(values),
    errors,
    errorTargets: ERROR_TARGETS,
    preview: null,
    options: {
      channels: options(CHANNELS),
      contentTypes: options(CONTENT_TYPES),
      singleContentTypes: options({ khieu_nai: CONTENT_TYPES.khieu_nai, to_cao: CONTENT_TYPES.to_cao, kien_nghi_phan_anh: CONTENT_TYPES.kien_nghi_phan_anh }),
      fields: options(FIELDS),
      areas: areaChoices(ctx.agencies),
      agencies: agencyChoices(ctx.agencies, today),
    },
    detailsOpen: Object.keys(errors).some(inDetails) || Object.entries(values).some(([k, v]) => inDetails(k) && v.trim() !== ''),
    contentRows: CONTENT_ROWS,
    ...extra,
  }
}

/** Registered on behalf of the citizen: the history names them, except a denouncer (identity stays in one place). */
const registeringActor = (user: CurrentUser, senders: ReadonlyArray<{ name?: string | null }> | null | undefined, protectedLetter: boolean) => ({
  ...actorOf(user),
  onBehalfOf: protectedLetter ? null : (senders ?? []).find((s) => s.name)?.name ?? null,
})

async function postRegistration(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  const today = vnDateOf(now())
  const body = await readForm(c)
  const values = formValuesOf(body)
  const action = formText(body, 'hanh_dong', 20)
  const ctx = await rulesContext(db)
  if (action === 'them-nguoi') {
    const rows = Math.min(MAX_SENDER_ROWS, senderRowsOf(values) + 1)
    const added = { ...values, senderRows: String(rows), [`senders.${rows - 1}.signed`]: values[`senders.${rows - 1}.signed`] ?? '1' }
    return render(c, <RegisterPage {...registerProps(added, ctx, today, { preview: await previewOf(c, added, ctx), focusRow: rows - 1 })} />)
  }
  if (action === 'phan-loai') {
    return render(c, <RegisterPage {...registerProps(values, ctx, today, { preview: await previewOf(c, values, ctx) })} />)
  }
  const parsed = parseLetterForm(values, { agencies: ctx.agencies, today })
  if (parsed.errors.length > 0 || !parsed.letter) {
    return render(c, <RegisterPage {...registerProps(values, ctx, today, { errors: errorsByPath(parsed.errors), preview: await previewOf(c, values, ctx) })} />, 422)
  }
  const letter = parsed.letter
  // the same form sent twice with the same content (double click, Back and send again) is one
  // letter; the same form edited after Back is another letter
  const formKey = formKeyOf(values)
  const idempotencyKey = formKey ? `can-bo:${await sha256Hex(`${formKey}\n${user.id}\n${JSON.stringify(letter)}`)}` : null
  const earlier = idempotencyKey ? await findLetterIdByIdempotencyKey(db, idempotencyKey) : null
  if (earlier) return c.redirect(`/can-bo/don/${earlier.id}?ok=dang-ky`, 303)
  try {
    const registered = await registerClassifiedLetter(db, letter, registeringActor(user, letter.senders, protectsIdentity(letter)), now(), { idempotencyKey }, ctx)
    return c.redirect(`/can-bo/don/${registered.id}?ok=dang-ky`, 303)
  } catch (error) {
    const raced = idempotencyKey && isIdempotencyConflict(error) ? await findLetterIdByIdempotencyKey(db, idempotencyKey) : null
    if (raced) return c.redirect(`/can-bo/don/${raced.id}?ok=dang-ky`, 303)
    throw error
  }
}

// ----- case page ------------------------------------------------------------------------------

async function viewable(c: Context<AppEnv>): Promise<StoredLetter> {
  const stored = await getLetter(c.get('deps').db, c.req.param('id')!)
  if (!stored) throw notFound('Không tìm thấy đơn.')
  if (!canViewLetter(c.get('user')!, stored)) throw forbidden('Tài khoản không có quyền xem đơn này.')
  return stored
}

async function renderCase(c: Context<AppEnv>, stored: StoredLetter, status: 200 | 409 | 422 = 200, extra: Parameters<typeof caseProps>[4] = {}) {
  const { db, now } = c.get('deps')
  c.header('Cache-Control', 'no-store')
  return render(c, <CasePage {...await caseProps(db, stored, c.get('user')!, now(), extra)} />, status)
}

async function postDecision(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  const stored = await viewable(c)
  const body = await readForm(c)
  const accept = formText(body, 'cach', 20) === 'theo-de-xuat'
  const version = Number.parseInt(formText(body, 'version', 12), 10)
  const form: DecisionFormState = {
    values: { outcome: formText(body, 'outcome', 40), competentAgencyCode: formText(body, 'competentAgencyCode', 64), note: formText(body, 'note', 5000) },
    errors: {},
    message: null,
    open: !accept,
  }
  if (!accept && form.values.outcome && !(codesOf(OUTCOMES) as string[]).includes(form.values.outcome)) {
    return renderCase(c, stored, 422, { decision: { ...form, errors: { outcome: 'Chọn một hướng xử lý trong danh sách.' } } })
  }
  const result = await decideLetter(
    db,
    stored.id,
    {
      outcome: accept || !form.values.outcome ? undefined : (form.values.outcome as Outcome),
      competentAgencyCode: accept || !form.values.competentAgencyCode ? undefined : form.values.competentAgencyCode,
      note: accept ? undefined : form.values.note,
      version: Number.isInteger(version) ? version : undefined,
    },
    user,
    now(),
  )
  if (result.ok) return c.redirect(`/can-bo/don/${stored.id}?ok=quyet-dinh#documents`, 303)
  if (result.status === 404) throw notFound(result.message)
  const current = (await getLetter(db, stored.id)) ?? stored
  const errors: Record<string, string> = {}
  for (const e of result.errors ?? []) errors[e.path] ??= e.message
  // the note field carries every message the one-click form cannot show
  return renderCase(c, current, result.status, { decision: { ...form, errors, message: result.message, open: true } })
}

async function postResolution(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const stored = await viewable(c)
  const action = actionOfSlug(RESOLUTION_SLUGS, c.req.param('action') ?? '')
  if (!action) throw notFound('Không có thao tác này.')
  const body = await readForm(c)
  const values = resolutionFormValues(action, body)
  // shown again with what was typed; the case as it is now (a 409 means someone else changed it)
  const rejected = async (status: 409 | 422, message: string, errors: ReadonlyArray<{ path: string; message: string }>) =>
    renderCase(c, (await getLetter(db, stored.id)) ?? stored, status, { resolution: { action, values, errors: resolutionFormErrors(action, errors), message } })
  const parsed = parseResolutionBody(action, resolutionFormBody(action, values, formText(body, 'version', 12)))
  if (!parsed.ok) return rejected(422, 'Vui lòng kiểm tra lại thông tin.', parsed.errors)
  const result = await recordResolution(db, stored.id, action, parsed.input, c.get('user')!, now(), parsed.version)
  if (result.ok) return c.redirect(`/can-bo/don/${stored.id}?ok=giai-quyet#resolution`, 303)
  if (result.status === 403) throw forbidden(result.message)
  if (result.status === 404) throw notFound(result.message)
  return rejected(result.status, result.message, result.errors ?? [])
}

async function postFollowUp(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const stored = await viewable(c)
  const body = await readForm(c)
  const result = await followUp(db, stored.id, { forwardingId: formText(body, 'forwardingId', 64) || null, note: formText(body, 'note', 2000) || null }, c.get('user')!, now())
  const back = formText(body, 'next', 20) === 'tong-hop' ? '/can-bo/co-quan/tong-hop?ok=don-doc' : `/can-bo/don/${stored.id}?ok=don-doc#forwardings`
  if (result.ok) return c.redirect(back, 303)
  if (result.status === 403) throw forbidden(result.message)
  if (result.status === 404) throw notFound(result.message)
  return renderCase(c, (await getLetter(db, stored.id)) ?? stored, 409, { notice: result.message })
}

export const letterPages = new Hono<AppEnv>()
  .use(signedIn)
  .get('/', pageRequires('view_letters'), queue)
  .get('/moi', pageRequires('register_letter'), async (c) => {
    const { db, now } = c.get('deps')
    const ctx = await rulesContext(db)
    const today = vnDateOf(now())
    const values = emptyLetterForm(today)
    return render(c, <RegisterPage {...registerProps(values, ctx, today, { preview: await previewOf(c, values, ctx) })} />)
  })
  .post('/moi', pageRequires('register_letter'), postRegistration)
  .post('/moi/phan-loai', pageRequires('register_letter'), async (c) => {
    const { db, now } = c.get('deps')
    const values = formValuesOf(await readForm(c))
    const ctx = await rulesContext(db)
    const preview = await previewOf(c, values, ctx)
    if (isPartialRequest(c)) return fragment(c, <ClassificationContent preview={preview} />)
    return render(c, <RegisterPage {...registerProps(values, ctx, vnDateOf(now()), { preview })} />)
  })
  .get(`/:id{${ID}}`, async (c) => {
    const stored = await viewable(c)
    return renderCase(c, stored, 200, { flash: flashOf(c.req.query('ok')) })
  })
  .post(`/:id{${ID}}/quyet-dinh`, pageRequires('decide_letter'), postDecision)
  .post(`/:id{${ID}}/don-doc`, pageRequires('send_follow_up'), postFollowUp)
  .post(`/:id{${ID}}/giai-quyet/:action{[a-z-]{1,40}}`, pageRequires('decide_letter'), postResolution)
  // a rejected form is shown at its POST address; reloading it, or opening it again, lands on the
  // case page at that form instead of a 404
  .get(`/:id{${ID}}/quyet-dinh`, (c) => c.redirect(`/can-bo/don/${c.req.param('id')}#decision`, 303))
  .get(`/:id{${ID}}/don-doc`, (c) => c.redirect(`/can-bo/don/${c.req.param('id')}`, 303))
  .get(`/:id{${ID}}/giai-quyet/:action{[a-z-]{1,40}}`, (c) => c.redirect(`/can-bo/don/${c.req.param('id')}#resolution`, 303))

