/**
 * The staff's letter form (/can-bo/don/moi) and the API's Letter: input names are the API's
 * paths (`senders.0.name`, `respondent.agencyCode`), so the LetterSchema's field errors land next
 * to their inputs. The form adds what a person at a desk needs beyond the schema: a required
 * summary, the forwarder of a forwarded letter, dates typed 30/04/2026, no date in the future,
 * codes that exist in the directory.
 */
import { nanoid } from 'nanoid'
import * as v from 'valibot'
import type { Agency } from '../domain/agency.ts'
import type { Letter } from '../domain/letter.ts'
import type { FieldError } from './errors.ts'
import { formDateMessages, formStrings, parseDateInput, type FormBody } from './form.ts'
import { LetterSchema, toLetter } from './schemas/letter.ts'
import { fieldErrors, withoutPath } from './validation.ts'

export type LetterFormValues = Record<string, string>

export const MAX_SENDER_ROWS = 30
/** Rows offered for the contents of a several-content letter. */
export const CONTENT_ROWS = 3
/** Longest text kept from one input: past the schema's limits, so it reports them. */
const MAX_INPUT = 50_000

/** Channels through which someone else sends the letter on: the forwarder must be named. */
export const FORWARDED_CHANNELS = ['lanh_dao_chuyen', 'dai_bieu_chuyen', 'bao_chi_chuyen', 'co_quan_chuyen']

/** The yes/no boxes of the rarely used part (<details>). */
const DETAIL_FLAGS = [
  'notarizedTranslation',
  'impersonated',
  'illegible',
  'abusive',
  'aboutAdministrativeRegulation',
  'concluded',
  'newEvidence',
  'verificationExtended',
  'courtAccepted',
  'goodReasonForDelay',
  'remoteArea',
  'complex',
  'notDirectlyConcerned',
  'lacksCapacity',
  'invalidRepresentative',
  'withdrawnBefore',
  'internalDecision',
] as const

/** The inputs of the rarely used part: it opens when one of them has a value or an error. */
export const DETAIL_FIELDS = ['language', ...DETAIL_FLAGS, 'contents', 'priorResolution', 'pendingAt']

/** The order of the inputs on the page: the error summary lists problems as the officer meets them. */
const FORM_ORDER = [
  'receivedAt',
  'channel',
  'forwardedBy',
  'contentType',
  'writtenDate',
  'senders',
  'respondent',
  'field',
  'location',
  'summary',
  'request',
  'act',
  'hasEvidence',
  'complaintRound',
  'decision',
  ...DETAIL_FIELDS,
]

/** Every yes/no box of the form. */
const FLAGS = ['hasEvidence', ...DETAIL_FLAGS] as const

/** The form's strings (the first of each name), without the CSRF token and the button pressed. */
export const formValuesOf = (body: FormBody): LetterFormValues => formStrings(body, MAX_INPUT)

export const senderRowsOf = (values: LetterFormValues): number =>
  Math.min(MAX_SENDER_ROWS, Math.max(1, Number.parseInt(values.senderRows ?? '1', 10) || 1))

/** dd/mm/yyyy, as the form shows and takes dates. */
export const formDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** A new form: received today, one signer who signed, and its own key (a double submit stores one letter). */
export const emptyLetterForm = (today: string): LetterFormValues => ({ receivedAt: formDate(today), senderRows: '1', 'senders.0.signed': '1', complaintRound: '1', formKey: nanoid() })

/** The form's key, when it is one of ours. */
export const formKeyOf = (values: LetterFormValues): string | null => (/^[A-Za-z0-9_-]{10,64}$/.test(values.formKey ?? '') ? values.formKey! : null)

/** The form, as the Letter body the API takes (blank inputs left out). */
export function letterInput(values: LetterFormValues): Record<string, unknown> {
  const text = (name: string) => values[name] ?? ''
  const opt = (name: string) => (text(name).trim() === '' ? undefined : text(name))
  const date = (name: string) => (text(name).trim() === '' ? undefined : parseDateInput(text(name)))
  const on = (name: string) => (text(name) === '1' ? true : undefined)
  const some = (o: Record<string, unknown>) => (Object.values(o).some((x) => x !== undefined) ? o : undefined)

  const senders = Array.from({ length: senderRowsOf(values) }, (_, i) => {
    const s = {
      name: opt(`senders.${i}.name`),
      address: opt(`senders.${i}.address`),
      idNumber: opt(`senders.${i}.idNumber`),
      phone: opt(`senders.${i}.phone`),
      email: opt(`senders.${i}.email`),
    }
    // a row left blank is no signer (its "signed" box alone says nothing)
    return some(s) ? { ...s, signed: text(`senders.${i}.signed`) === '1' } : undefined
  }).filter((s) => s !== undefined)

  const contents = Array.from({ length: CONTENT_ROWS }, (_, i) =>
    opt(`contents.${i}.contentType`) ? { contentType: text(`contents.${i}.contentType`), summary: opt(`contents.${i}.summary`) } : undefined,
  ).filter((c) => c !== undefined)

  const round = text('priorResolution.round')
  const input: Record<string, unknown> = {
    receivedAt: date('receivedAt'),
    channel: opt('channel'),
    contentType: opt('contentType'),
    writtenDate: date('writtenDate'),
    senders,
    respondent: some({
      agencyCode: opt('respondent.agencyCode'),
      person: opt('respondent.person'),
      isHead: on('respondent.isHead'),
      private: on('respondent.private'),
    }),
    field: opt('field'),
    location: opt('location'),
    summary: opt('summary'),
    request: opt('request'),
    act: opt('act'),
    // the round matters only for a complaint; a hidden default must not mark other letters
    complaintRound: text('contentType') === 'khieu_nai' && (text('complaintRound') === '1' || text('complaintRound') === '2') ? Number(text('complaintRound')) : undefined,
    decision: some({ number: opt('decision.number'), date: date('decision.date'), knownDate: date('decision.knownDate') }),
    priorResolution: some({ round: round === '1' || round === '2' ? Number(round) : undefined, effective: on('priorResolution.effective') }),
    forwardedBy: some({ name: opt('forwardedBy.name'), reference: opt('forwardedBy.reference') }),
    pendingAt: opt('pendingAt.agencyCode') && opt('pendingAt.since') ? { agencyCode: text('pendingAt.agencyCode'), since: date('pendingAt.since') } : undefined,
    contents: contents.length > 0 ? contents : undefined,
    language: opt('language'),
  }
  for (const flag of FLAGS) input[flag] = on(flag)
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined))
}

export interface LetterFormContext {
  agencies: readonly Agency[]
  today: string
}

/** What must be there before a letter can even be classified (missing → listed, not guessed). */
function requiredProblems(values: LetterFormValues): FieldError[] {
  const errors: FieldError[] = []
  const blank = (name: string) => (values[name] ?? '').trim() === ''
  if (blank('receivedAt')) errors.push({ path: 'receivedAt', message: 'Nhập ngày nhận đơn.' })
  if (blank('channel')) errors.push({ path: 'channel', message: 'Chọn nguồn đơn (đơn đến từ đâu).' })
  if (blank('contentType')) errors.push({ path: 'contentType', message: 'Chọn loại đơn.' })
  return errors
}

/** What the officer must add or correct before saving, beyond the schema. */
function formProblems(values: LetterFormValues, letter: Letter | null, ctx: LetterFormContext): FieldError[] {
  const errors: FieldError[] = []
  const blank = (name: string) => (values[name] ?? '').trim() === ''
  if (blank('summary')) errors.push({ path: 'summary', message: 'Nhập tóm tắt nội dung đơn.' })
  if (FORWARDED_CHANNELS.includes(values.channel ?? '') && blank('forwardedBy.name')) {
    errors.push({ path: 'forwardedBy.name', message: 'Đơn do nơi khác chuyển đến: ghi rõ cơ quan, người đã chuyển.' })
  }
  if (blank('pendingAt.agencyCode') !== blank('pendingAt.since')) {
    errors.push(
      blank('pendingAt.agencyCode')
        ? { path: 'pendingAt.agencyCode', message: 'Chọn cơ quan đang giải quyết vụ việc (hoặc xóa ngày bắt đầu).' }
        : { path: 'pendingAt.since', message: 'Nhập ngày cơ quan đó bắt đầu giải quyết (hoặc bỏ chọn cơ quan).' },
    )
  }
  // codes picked from the directory (a tampered or stale form may send others)
  const known = new Set(ctx.agencies.map((a) => a.code))
  const areas = new Set(ctx.agencies.flatMap((a) => a.areaCodes))
  for (const name of ['respondent.agencyCode', 'pendingAt.agencyCode']) {
    if (!blank(name) && !known.has(values[name]!.trim())) errors.push({ path: name, message: 'Cơ quan này không có trong danh bạ.' })
  }
  if (!blank('location') && !areas.has(values.location!.trim())) errors.push({ path: 'location', message: 'Địa bàn này không có trong danh bạ.' })
  if (!letter) return errors
  if (letter.receivedAt > ctx.today) errors.push({ path: 'receivedAt', message: 'Ngày nhận đơn không được sau ngày hôm nay.' })
  if (letter.writtenDate && letter.writtenDate > letter.receivedAt) errors.push({ path: 'writtenDate', message: 'Ngày viết đơn không được sau ngày nhận đơn.' })
  if (letter.pendingAt && letter.pendingAt.since > letter.receivedAt) errors.push({ path: 'pendingAt.since', message: 'Ngày bắt đầu giải quyết không được sau ngày nhận đơn.' })
  return errors
}

export interface ParsedLetterForm {
  /** The letter as far as it could be read: null when receipt date, channel or type is missing. */
  letter: Letter | null
  /** Every problem, one per input, in the order of the page. */
  errors: FieldError[]
  /** The problems that keep the letter from being classified at all. */
  missing: FieldError[]
  /** Inputs whose values are malformed, left out of `letter`. */
  dropped: FieldError[]
}

/**
 * Reads the form. The letter is read even when some inputs are wrong (those are left out and
 * reported), so the live classification can show what the rest already means.
 */
export function parseLetterForm(values: LetterFormValues, ctx: LetterFormContext): ParsedLetterForm {
  const missing = requiredProblems(values)
  const input = letterInput(values)
  const first = v.safeParse(LetterSchema, input)
  let letter: Letter | null = first.success ? toLetter(first.output) : null
  const schemaErrors = first.success ? [] : formDateMessages(fieldErrors(first.issues))
  if (!first.success && missing.length === 0) {
    const rest = structuredClone(input)
    for (const e of schemaErrors) withoutPath(rest, e.path)
    const second = v.safeParse(LetterSchema, rest)
    if (second.success) letter = toLetter(second.output)
  }
  const errors: FieldError[] = []
  const seen = new Set<string>()
  for (const e of [...missing, ...schemaErrors, ...formProblems(values, letter, ctx)]) {
    if (seen.has(e.path)) continue
    seen.add(e.path)
    errors.push(e)
  }
  return { letter, errors: errors.sort(byFormOrder), missing, dropped: schemaErrors }
}

const rank = (path: string): number[] => {
  const [top = '', second = '', third = ''] = path.split('.')
  const i = FORM_ORDER.indexOf(top)
  const row = /^\d+$/.test(second) ? Number(second) : 0
  const inner = ['name', 'address', 'phone', 'idNumber', 'email', 'signed', 'agencyCode', 'person', 'number', 'date', 'knownDate', 'since', 'contentType', 'summary'].indexOf(/^\d+$/.test(second) ? third : second)
  return [i === -1 ? FORM_ORDER.length : i, row, inner]
}

const byFormOrder = (a: FieldError, b: FieldError) => {
  const [x, y] = [rank(a.path), rank(b.path)]
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!
}

/** Ids of the inputs for errors whose path is not an input name (the summary's links). */
export const ERROR_TARGETS: Record<string, string> = {
  complaintRound: 'f-complaintRound-1',
  senders: 'f-senders-0-name',
  respondent: 'f-respondent-person',
  decision: 'f-decision-number',
  priorResolution: 'f-priorResolution-round',
  forwardedBy: 'f-forwardedBy-name',
  pendingAt: 'f-pendingAt-agencyCode',
  contents: 'f-contents-0-contentType',
}
