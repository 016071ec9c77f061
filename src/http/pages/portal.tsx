/**
 * The citizen portal's pages: one form per kind (/gui-don/{khieu-nai,to-cao,kien-nghi,phan-anh}),
 * the receipt, and the status look-up (/tra-cuu). Everything works without JavaScript; the
 * form posts go through the CSRF middleware like every other page.
 */
import { Hono, type Context } from 'hono'
import * as v from 'valibot'
import { vnDateOf } from '../../domain/calendar.ts'
import { FIELDS } from '../../domain/codes.ts'
import type { Agency } from '../../domain/agency.ts'
import { listAgencies } from '../../db/agencies.ts'
import { formatCode } from '../../db/letters.ts'
import { loadSettings } from '../../db/settings.ts'
import { AlreadyReceivedPage, SubmissionFormPage, type FormValues, type SubmissionFormProps } from '../../../views/pages/portal/SubmissionForm.tsx'
import { PORTAL_KINDS, isPortalKind, type PortalKind } from '../../../views/pages/portal/kinds.ts'
import { ReceiptPage } from '../../../views/pages/portal/Receipt.tsx'
import { LookupPage, StatusPage } from '../../../views/pages/portal/Status.tsx'
import { publicOrigin, statusUrl } from '../api/submissions.ts'
import type { AppEnv } from '../env.ts'
import { notFound, type FieldError } from '../errors.ts'
import { errorsByPath, formStrings, parseDateInput, readForm, type FormBody } from '../form.ts'
import { rulesContext } from '../letters.ts'
import { PORTAL_LIMITS, limiterOf } from '../rate-limit.ts'
import { render } from '../render.tsx'
import { formatKey } from '../submissions/access.ts'
import { ATTACHMENT_LIMITS, checkFiles, type IncomingFile } from '../submissions/files.ts'
import { KIND_LABELS, OUTCOME_TEXT } from '../submissions/meanings.ts'
import { qrSvg } from '../submissions/qr.ts'
import { MAX_SENDERS, SubmissionSchema, agenciesOn, allSubmissionErrors, areasOn } from '../submissions/schema.ts'
import { submissionStatus } from '../submissions/status.ts'
import { countAttempt, submitCitizenLetter } from '../submissions/submit.ts'

/** Longest text kept from one form field: past the schema's limits, so it reports them. */
const MAX_FORM_TEXT = 100_000

/** The order of the form's inputs: the error summary lists problems as the citizen meets them. */
const FORM_ORDER = [
  'website',
  'anonymous',
  'senders',
  'respondent.agencyCode',
  'respondent.person',
  'decision.number',
  'decision.date',
  'decision.knownDate',
  'complaintRound',
  'act',
  'summary',
  'request',
  'field',
  'location',
  'attachments',
  'declaration',
]
const SENDER_ORDER = ['name', 'address', 'phone', 'idNumber', 'email']

const rank = (path: string): number[] => {
  const sender = /^senders\.(\d+)\.(\w+)/.exec(path)
  if (sender) return [FORM_ORDER.indexOf('senders'), Number(sender[1]), SENDER_ORDER.indexOf(sender[2]!)]
  const i = FORM_ORDER.findIndex((name) => path === name || path.startsWith(`${name}.`))
  return [i === -1 ? FORM_ORDER.length : i, 0, 0]
}

const byFormOrder = (a: FieldError, b: FieldError) => {
  const [x, y] = [rank(a.path), rank(b.path)]
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!
}

const errorMap = (errors: readonly FieldError[]) => errorsByPath([...errors].sort(byFormOrder))

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

const formValues = (body: FormBody): FormValues => formStrings(body, MAX_FORM_TEXT)

async function formFiles(body: FormBody): Promise<IncomingFile[]> {
  const raw = body.attachments
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  const files: IncomingFile[] = []
  for (const item of list) {
    // an empty file input still sends one nameless, empty part
    if (typeof item === 'string' || (item.size === 0 && item.name === '')) continue
    files.push({ name: item.name, declaredType: item.type, bytes: new Uint8Array(await item.arrayBuffer()) })
  }
  return files
}

const senderRowsOf = (values: FormValues) => Math.min(MAX_SENDERS, Math.max(1, Number.parseInt(values.senderRows ?? '1', 10) || 1))

/** The form, as the submission the API takes. */
function formToInput(values: FormValues, kind: PortalKind): Record<string, unknown> {
  const text = (name: string) => values[name] ?? ''
  const opt = (name: string) => (text(name).trim() === '' ? null : text(name))
  const date = (name: string) => (text(name).trim() === '' ? null : parseDateInput(text(name)))
  const checked = (name: string) => text(name) === '1'
  const rows = senderRowsOf(values)
  const input: Record<string, unknown> = {
    contentType: PORTAL_KINDS[kind].contentType,
    senders: Array.from({ length: rows }, (_, i) => ({
      name: opt(`senders.${i}.name`),
      address: opt(`senders.${i}.address`),
      idNumber: opt(`senders.${i}.idNumber`),
      phone: opt(`senders.${i}.phone`),
      email: opt(`senders.${i}.email`),
    })),
    respondent: {
      agencyCode: opt('respondent.agencyCode'),
      person: opt('respondent.person'),
      isHead: kind === 'to-cao' && checked('respondent.isHead'),
      private: kind === 'to-cao' && checked('respondent.private'),
    },
    summary: opt('summary'),
    request: kind === 'to-cao' ? null : opt('request'),
    field: opt('field'),
    location: opt('location'),
    declaration: checked('declaration'),
  }
  if (kind === 'to-cao') {
    input.act = opt('act')
    input.anonymous = checked('anonymous')
  }
  if (kind === 'khieu-nai') {
    input.decision = { number: opt('decision.number'), date: date('decision.date'), knownDate: date('decision.knownDate') }
    input.complaintRound = text('complaintRound') === '2' ? 2 : 1
  }
  if (kind === 'kien-nghi' || kind === 'phan-anh') input.aboutAdministrativeRegulation = checked('aboutAdministrativeRegulation')
  return input
}

/** The form's choices from the directory (the POST has it already, with the settings, for the submission). */
function formContext(c: Context<AppEnv>, agencies: Agency[]) {
  const today = vnDateOf(c.get('deps').now())
  const byName = new Intl.Collator('vi')
  return {
    today,
    agencies,
    options: {
      agencies: agenciesOn(agencies, today)
        .map((a) => ({ code: a.code, name: a.name, level: a.level }))
        .sort((a, b) => byName.compare(a.name, b.name)),
      areas: areasOn(agencies, today).sort((a, b) => byName.compare(a.name, b.name)),
      fields: Object.entries(FIELDS)
        .filter(([code]) => code !== 'quy_dinh_hanh_chinh')
        .map(([value, label]) => ({ value, label })),
      limits: {
        count: ATTACHMENT_LIMITS.count,
        fileMb: ATTACHMENT_LIMITS.fileBytes / 1024 / 1024,
        totalMb: ATTACHMENT_LIMITS.totalBytes / 1024 / 1024,
      },
    },
  }
}

/** Receipts show a key once and status pages are reached with it: never cached anywhere. */
const noStore = (c: Context) => {
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex')
}

/** A form carries the browser's CSRF token: never in a shared cache. */
const privateForm = (c: Context) => {
  c.header('Cache-Control', 'private, no-cache')
  c.header('X-Robots-Tag', 'noindex')
}

const kindOf = (c: Context) => {
  const kind = c.req.param('kind') ?? ''
  if (!isPortalKind(kind)) throw notFound()
  return kind
}

export const portalPages = new Hono<AppEnv>()
  .get('/gui-don/:kind', async (c) => {
    const kind = kindOf(c)
    const { options } = formContext(c, await listAgencies(c.get('deps').db))
    privateForm(c)
    return render(c, <SubmissionFormPage kind={kind} values={{}} senderRows={1} errors={{}} {...options} />)
  })
  .post('/gui-don/:kind', async (c) => {
    const kind = kindOf(c)
    const deps = c.get('deps')
    const attempt = await countAttempt(deps, deps.clientAddress(c))
    const body = await readForm(c)
    const values = formValues(body)
    const files = await formFiles(body)
    const rules = await rulesContext(deps.db)
    const { agencies, today, options } = formContext(c, rules.agencies)
    noStore(c)
    const form = (props: Partial<SubmissionFormProps>, status: 200 | 409 | 422 | 429) =>
      render(
        c,
        <SubmissionFormPage
          kind={kind}
          values={values}
          senderRows={senderRowsOf(values)}
          errors={{}}
          filesDropped={files.length > 0}
          {...options}
          {...props}
        />,
        status,
      )

    const throttled = (seconds: number) => {
      c.header('Retry-After', String(seconds))
      return form(
        {
          notice: `Hệ thống đang nhận quá nhiều đơn từ cùng một địa chỉ mạng. Vui lòng thử lại sau ${minutes(seconds)} phút — nội dung bạn đã nhập vẫn còn ở dưới. Bạn cũng có thể gửi đơn qua bưu điện hoặc đến trụ sở tiếp công dân.`,
        },
        429,
      )
    }
    if (!attempt.ok) return throttled(attempt.retryAfterSeconds)

    if (body.hanh_dong === 'them-nguoi') {
      const rows = Math.min(MAX_SENDERS, senderRowsOf(values) + 1)
      return form({ senderRows: rows, values: { ...values, senderRows: String(rows) }, focusRow: rows - 1 }, 200)
    }
    if ((values.website ?? '').trim() !== '') {
      return form({ errors: { website: 'Ô này dùng để chặn thư rác: vui lòng xóa nội dung trong ô rồi gửi lại.' }, honeypotVisible: true }, 422)
    }

    const raw = formToInput(values, kind)
    const early = allSubmissionErrors(raw, { agencies, today }, files.length)
    if (early) {
      const fileErrors = (await checkFiles(files)).errors
      return form({ errors: errorMap([...early, ...fileErrors]) }, 422)
    }
    const result = await submitCitizenLetter(
      deps,
      {
        input: v.parse(SubmissionSchema, raw),
        files,
        filesPath: 'attachments',
        // the CSRF middleware has verified this browser secret against the cookie
        idempotency: { source: 'page', secret: c.get('csrfToken') },
        address: deps.clientAddress(c),
      },
      rules,
    )
    switch (result.kind) {
      case 'invalid':
        return form({ errors: errorMap(result.errors) }, 422)
      case 'rate_limited':
        return throttled(result.retryAfterSeconds)
      case 'already_received':
        return render(c, <AlreadyReceivedPage code={formatCode(result.code)} kind={kind} />, 409)
      case 'created':
      case 'replayed': {
        const r = result.receipt
        const { settings } = rules
        const url = statusUrl(publicOrigin(c), r.code, r.accessKey)
        return render(
          c,
          <ReceiptPage
            r={{
              boardName: settings.boardName,
              code: formatCode(r.code),
              accessKey: formatKey(r.accessKey),
              receivedAt: r.receivedAt,
              kindLabel: kind === 'kien-nghi' || kind === 'phan-anh' ? PORTAL_KINDS[kind].title : (KIND_LABELS[r.contentType] ?? r.contentType),
              dueDate: r.dueDate,
              dueDateMeaning: settings.deadlines.find((d) => d.rule === r.deadlineRule)?.label ?? null,
              anonymous: r.anonymous,
              attachmentCount: r.attachmentCount,
              statusUrl: url,
              qr: qrSvg(url),
              replayed: result.kind === 'replayed',
            }}
          />,
          201,
        )
      }
    }
  })
  .get('/tra-cuu', async (c) => {
    const deps = c.get('deps')
    const code = (c.req.query('ma') ?? '').slice(0, 40).trim()
    const key = (c.req.query('khoa') ?? '').slice(0, 64).trim()
    noStore(c)
    if (code === '' && key === '') return render(c, <LookupPage code="" accessKey="" />)
    const errors: Record<string, string> = {}
    if (code === '') errors.ma = 'Vui lòng nhập mã đơn.'
    if (key === '') errors.khoa = 'Vui lòng nhập mã tra cứu.'
    if (Object.keys(errors).length > 0) return render(c, <LookupPage code={code} accessKey={key} errors={errors} />, 422)
    const limit = await limiterOf(deps).hit(PORTAL_LIMITS.lookup, deps.clientAddress(c), deps.now())
    if (!limit.ok) {
      c.header('Retry-After', String(limit.retryAfterSeconds))
      const notice = `Có quá nhiều lượt tra cứu từ địa chỉ mạng của bạn. Vui lòng thử lại sau ${minutes(limit.retryAfterSeconds)} phút.`
      return render(c, <LookupPage code={code} accessKey={key} notice={notice} />, 429)
    }
    const settings = await loadSettings(deps.db)
    const status = await submissionStatus(deps.db, settings, code, key)
    if (!status) return render(c, <LookupPage code={code} accessKey={key} notFound />, 404)
    return render(c, <StatusPage s={status} outcomes={Object.values(OUTCOME_TEXT)} />)
  })
