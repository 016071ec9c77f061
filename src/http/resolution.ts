/**
 * Resolving an accepted complaint or denunciation — the use cases shared by the JSON API and the
 * case page: what the case looks like now (its events, state, deadline counting the suspended
 * spans, to-dos, the decisions still to send), and recording an event with its document, its
 * history and, for a termination, the closing of the letter, in one atomic batch.
 *
 * Applies to a letter whose current decision is `thu_ly` on a complaint or a denunciation, from
 * the day it was accepted. Recording needs `decide_letter`. Denunciation free text (a withdrawal's
 * content, a reason) is scrubbed of the denouncer's identity for viewers who may not see it.
 */
import { vnDateOf, type IsoDate } from '../domain/calendar.ts'
import { buildDocument, identityPieces, scrubIdentity, type DocumentModel } from '../domain/documents.ts'
import { can } from '../domain/permissions.ts'
import {
  acceptanceInstant,
  resolutionDeadline,
  resolutionProblems,
  resolutionState,
  resolutionTodos,
  sendDeadline,
  withdrawalTerminates,
  type ResolutionCase,
  type ResolutionDeadline,
  type ResolutionEvent,
  type ResolutionInput,
  type ResolutionState,
  type ResolutionTodo,
} from '../domain/resolution.ts'
import {
  ATTENDANCE,
  CONCLUSION_TITLES,
  CONTINUE_GROUNDS,
  EXTENSION_RULE,
  FINDINGS,
  RESOLUTION_EVENT_KINDS,
  WITHDRAWAL_FORMS,
  WITHDRAWAL_SCOPES,
  complexityRegime,
  criteriaInForce,
  groundOf,
  groundsInForce,
  resolutionTemplateFor,
  type ResolutionAction,
  type Finding,
  type ResolutionEventKind,
  type ResolvableType,
} from '../domain/resolution-rules.ts'
import type { ResolutionDocEvent } from '../domain/resolution-templates.ts'
import { calendarOf, type Settings } from '../domain/settings.ts'
import { isGuardFailure, type Db } from '../db/db.ts'
import { insertDocument } from '../db/documents.ts'
import { recordHistory } from '../db/history.ts'
import { decisionsOf, getLetter, type StoredLetter } from '../db/letters.ts'
import { newRecordId } from '../db/record-id.ts'
import { insertResolutionEvent, resolutionEventsOf, touchResolvingLetter } from '../db/resolution.ts'
import { loadSettings } from '../db/settings.ts'
import type { CurrentUser } from './env.ts'
import type { Checked } from './forwardings.ts'
import { CONFLICT_MESSAGE } from './forwardings.ts'
import { canViewLetter, mayViewIdentity, protectsIdentity, rulesContext, type RulesContext } from './letters.ts'

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/** The history's action for each event. */
export const RESOLUTION_HISTORY_ACTIONS: Record<ResolutionEventKind, string> = {
  xac_dinh_phuc_tap: 'xac_dinh_vu_viec_phuc_tap',
  doi_thoai: 'doi_thoai',
  tam_dinh_chi: 'tam_dinh_chi_giai_quyet',
  tiep_tuc: 'tiep_tuc_giai_quyet',
  dinh_chi: 'dinh_chi_giai_quyet',
  rut_khieu_nai: 'rut_don',
  gia_han: 'gia_han_giai_quyet',
  ket_luan: 'giai_quyet_xong',
}

// ----- the case ----------------------------------------------------------------------------------

/** An accepted case as the rules see it, or why the letter is not one. */
export type ResolutionCaseOf = { ok: true; value: ResolutionCase & { events: ResolutionEvent[]; state: ResolutionState } } | { ok: false; message: string }

export async function resolutionCaseOf(db: Db, stored: StoredLetter): Promise<ResolutionCaseOf> {
  const type = stored.letter.contentType
  if (type !== 'khieu_nai' && type !== 'to_cao') return { ok: false, message: 'Chỉ đơn khiếu nại, đơn tố cáo đã thụ lý mới có thủ tục giải quyết.' }
  if (stored.outcome !== 'thu_ly') return { ok: false, message: 'Đơn chưa được thụ lý giải quyết.' }
  const accepted = acceptanceInstant(await decisionsOf(db, stored.id))
  if (!accepted) return { ok: false, message: 'Đơn chưa được thụ lý giải quyết.' }
  const events = await resolutionEventsOf(db, stored.id)
  return {
    ok: true,
    value: {
      contentType: type,
      complaintRound: stored.letter.complaintRound ?? null,
      remoteArea: stored.letter.remoteArea === true,
      flaggedComplex: stored.letter.complex === true,
      acceptedOn: vnDateOf(new Date(accepted)),
      events,
      state: resolutionState(events),
    },
  }
}

// ----- the view ----------------------------------------------------------------------------------

export type ResolutionStatus = 'dang_giai_quyet' | 'tam_dinh_chi' | 'da_dinh_chi' | 'da_giai_quyet'
export const RESOLUTION_STATUSES: Record<ResolutionStatus, string> = {
  dang_giai_quyet: 'Đang giải quyết',
  tam_dinh_chi: 'Tạm đình chỉ giải quyết',
  da_dinh_chi: 'Đã đình chỉ giải quyết',
  da_giai_quyet: 'Đã giải quyết xong',
}

export interface ResolutionEventView {
  id: string
  kind: ResolutionEventKind
  kindLabel: string
  date: IsoDate
  /** What was recorded, in Vietnamese, one line each (already scrubbed for the viewer). */
  details: string[]
  data: ResolutionEvent['data']
  documentId: string | null
  /** The decision must be sent by this day (Mẫu 14a, 14b: D18; denunciations: D14). */
  sendBy: IsoDate | null
  createdAt: string
  createdBy: string | null
}

type Option = { value: string; label: string; hint?: string }

export interface ResolutionView {
  letterId: string
  contentType: ResolvableType
  acceptedOn: IsoDate
  complaintRound: 1 | 2 | null
  status: ResolutionStatus
  statusLabel: string
  deadline: ResolutionDeadline & { suspendedSince: IsoDate | null; closedOn: IsoDate | null }
  todos: ResolutionTodo[]
  /** Suspension, termination and resumption decisions whose sending deadline has not passed. */
  pendingSends: Array<{ eventId: string; kind: ResolutionEventKind; documentId: string | null; sendBy: IsoDate }>
  events: ResolutionEventView[]
  /** What may be recorded now (forms shown, API actions that can succeed in this state). */
  actions: ResolutionAction[]
  /** The choices in force today. */
  options: {
    findings: Option[]
    criteria: Option[]
    suspensionGrounds: Option[]
    terminationGrounds: Option[]
    continueGrounds: Option[]
    attendance: Option[]
    scopes: Option[]
    forms: Option[]
  }
}

/** "Tố cáo đúng một phần": a finding as the case page and the options read it. */
const findingLabel = (contentType: ResolvableType, finding: Finding) => `${contentType === 'to_cao' ? 'Tố cáo' : 'Khiếu nại'} ${FINDINGS[finding]}`

const entries = (table: Record<string, string>): Option[] => Object.entries(table).map(([value, label]) => ({ value, label }))

function details(e: ResolutionEvent, contentType: ResolvableType, scrub: (s: string) => string): string[] {
  const ground = (kind: 'tam_dinh_chi' | 'dinh_chi', code: string) => groundOf(kind, contentType, code, e.date)?.label ?? code
  switch (e.kind) {
    case 'xac_dinh_phuc_tap': {
      const labels = new Map(criteriaInForce(e.date).map((c) => [c.code, `điểm ${c.point}`]))
      return [`Tiêu chí: ${e.data.criteria.map((c) => labels.get(c) ?? c).join(', ')} (Điều 3a)`, `Lý do: ${scrub(e.data.reason)}`, `Người xác định: ${e.data.decidedBy}`]
    }
    case 'doi_thoai':
      return [
        `Chủ trì: ${e.data.chairedBy}${e.data.place ? `; tại ${e.data.place}` : ''}`,
        `${ATTENDANCE[e.data.attendance]}${e.data.absenceReason ? `: ${scrub(e.data.absenceReason)}` : ''}`,
        `Tham gia: ${e.data.participants.join('; ')}`,
        `Nội dung: ${scrub(e.data.summary)}`,
      ]
    case 'tam_dinh_chi':
    case 'dinh_chi':
      return [`Căn cứ: ${ground(e.kind, e.data.ground)}`, `Lý do: ${scrub(e.data.reason)}`]
    case 'tiep_tuc':
      return [`Lý do: ${scrub(e.data.reason)}`]
    case 'gia_han':
      return [`Gia hạn thêm ${e.data.days} ngày (${EXTENSION_RULE.basis})`, `Lý do: ${scrub(e.data.reason)}`]
    case 'ket_luan':
      return [`Số ${e.data.number}`, findingLabel(contentType, e.data.finding), `Nội dung: ${scrub(e.data.summary)}`]
    case 'rut_khieu_nai':
      return [
        `${WITHDRAWAL_SCOPES[e.data.scope]} (${WITHDRAWAL_FORMS[e.data.form].toLowerCase()})${e.data.content ? `: ${scrub(e.data.content)}` : ''}`,
        ...(e.data.continueGround ? [`Vẫn tiếp tục giải quyết: ${CONTINUE_GROUNDS[e.data.continueGround]}`] : []),
      ]
  }
}

/** Which actions can be recorded in this state (the checks of resolutionProblems still apply to the values). */
function availableActions(c: ResolutionCase, state: ResolutionState, resolved: boolean): ResolutionAction[] {
  if (state.termination || resolved) return []
  const out: ResolutionAction[] = []
  if (c.contentType === 'khieu_nai' && complexityRegime(c.acceptedOn).source === 'van_ban_xac_dinh') out.push('complexity')
  if (c.contentType === 'khieu_nai' && !state.suspension) out.push('dialogue')
  if (c.contentType === 'to_cao' && !state.suspension && state.extensions.length < EXTENSION_RULE.maxCount) out.push('extension')
  out.push(state.suspension ? 'resumption' : 'suspension', 'withdrawal', 'termination')
  if (!state.suspension) out.push('conclusion')
  return out
}

export function resolutionView(
  stored: StoredLetter,
  c: ResolutionCase & { events: ResolutionEvent[]; state: ResolutionState },
  settings: Settings,
  today: IsoDate,
  showIdentity: boolean,
): ResolutionView {
  const calendar = calendarOf(settings)
  const { state } = c
  const deadline = resolutionDeadline(c, state, settings.deadlines, calendar)
  // a denunciation's free text may repeat the denouncer's name: scrubbed for viewers who may not see it
  const pieces = !showIdentity && protectsIdentity(stored.letter) ? identityPieces(stored.senders) : null
  const scrub = (s: string) => (pieces ? scrubIdentity(s, pieces) : s)
  const events = c.events.map((e) => ({
    id: e.id,
    kind: e.kind,
    kindLabel: eventLabel(e.kind, c.contentType),
    date: e.date,
    details: details(e, c.contentType, scrub),
    data: pieces ? (JSON.parse(scrub(JSON.stringify(e.data))) as ResolutionEvent['data']) : e.data,
    documentId: e.documentId,
    sendBy: sendDeadline(c.contentType, e, settings.deadlines, calendar),
    createdAt: e.createdAt,
    createdBy: e.createdByName,
  }))
  const closedOn = state.termination?.date ?? (stored.resolvedAt ? vnDateOf(new Date(stored.resolvedAt)) : null)
  const status: ResolutionStatus = state.termination ? 'da_dinh_chi' : stored.resolvedAt ? 'da_giai_quyet' : state.suspension ? 'tam_dinh_chi' : 'dang_giai_quyet'
  const groundOptions = (kind: 'tam_dinh_chi' | 'dinh_chi') => groundsInForce(kind, c.contentType, today).map((g) => ({ value: g.code, label: g.label, hint: g.basis }))
  return {
    letterId: stored.id,
    contentType: c.contentType,
    acceptedOn: c.acceptedOn,
    complaintRound: c.complaintRound,
    status,
    statusLabel: RESOLUTION_STATUSES[status],
    deadline: { ...deadline, suspendedSince: state.suspension?.date ?? null, closedOn },
    todos: stored.resolvedAt ? [] : resolutionTodos(c, state, deadline),
    pendingSends: events.filter((e) => e.sendBy !== null && e.sendBy >= today).map((e) => ({ eventId: e.id, kind: e.kind, documentId: e.documentId, sendBy: e.sendBy! })),
    events,
    actions: availableActions(c, state, stored.resolvedAt !== null),
    options: {
      findings: (Object.keys(FINDINGS) as Finding[]).map((value) => ({ value, label: findingLabel(c.contentType, value) })),
      criteria: criteriaInForce(today).map((x) => ({ value: x.code, label: `${x.point}) ${x.label}` })),
      suspensionGrounds: groundOptions('tam_dinh_chi'),
      terminationGrounds: groundOptions('dinh_chi'),
      continueGrounds: c.contentType === 'to_cao' ? entries(CONTINUE_GROUNDS) : [],
      attendance: entries(ATTENDANCE),
      scopes: entries(WITHDRAWAL_SCOPES),
      forms: entries(WITHDRAWAL_FORMS),
    },
  }
}

/** "Rút đơn" reads "Rút khiếu nại" or "Rút tố cáo" on the case. */
export const eventLabel = (kind: ResolutionEventKind, contentType: ResolvableType) =>
  kind === 'rut_khieu_nai' ? (contentType === 'to_cao' ? 'Rút tố cáo' : 'Rút khiếu nại') : kind === 'ket_luan' ? CONCLUSION_TITLES[contentType] : RESOLUTION_EVENT_KINDS[kind]

/** GET …/resolution for this viewer: 404/403 as for the letter, 409 when the letter is not an accepted case. */
export async function resolutionForViewer(db: Db, letterId: string, user: CurrentUser, now: Date): Promise<Checked<ResolutionView>> {
  const stored = await getLetter(db, letterId)
  if (!stored) return { ok: false, status: 404, message: 'Không tìm thấy đơn.' }
  // the resolution file is the board's: a receiving agency sees the letter it was sent, not this
  if (!canViewLetter(user, stored) || !can(user.roles, 'view_letters')) return { ok: false, status: 403, message: 'Tài khoản không có quyền xem hồ sơ giải quyết của đơn này.' }
  const c = await resolutionCaseOf(db, stored)
  if (!c.ok) return { ok: false, status: 409, message: c.message }
  const settings = await loadSettings(db)
  return { ok: true, value: resolutionView(stored, c.value, settings, vnDateOf(now), mayViewIdentity(user, stored.letter)) }
}

// ----- recording ---------------------------------------------------------------------------------

/** The event as the document writers need it: labels of the rows in force on its date, the due date it leads to. */
function docEventOf(
  input: ResolutionInput,
  c: ResolutionCase & { state: ResolutionState; events: ResolutionEvent[] },
  after: ResolutionDeadline,
  withdrawal: ResolutionDocEvent['withdrawal'],
): ResolutionDocEvent {
  const ground = input.kind === 'tam_dinh_chi' || input.kind === 'dinh_chi' ? groundOf(input.kind, c.contentType, input.data.ground, input.date) : null
  const criteria = input.kind === 'xac_dinh_phuc_tap' ? criteriaInForce(input.date).filter((x) => input.data.criteria.includes(x.code)) : []
  return {
    kind: input.kind,
    date: input.date,
    acceptedOn: c.acceptedOn,
    ground: ground ? { label: ground.label, basis: ground.basis, notifiesCommune: ground.notifiesCommune, withdrawal: ground.withdrawal } : null,
    reason: 'reason' in input.data ? input.data.reason : null,
    criteria: criteria.map((x) => ({ point: x.point, label: x.label })),
    decidedBy: input.kind === 'xac_dinh_phuc_tap' ? input.data.decidedBy : null,
    dialogue: input.kind === 'doi_thoai' ? input.data : null,
    suspendedOn: input.kind === 'tiep_tuc' ? (c.state.suspension?.date ?? null) : null,
    dueDate: input.kind === 'xac_dinh_phuc_tap' || input.kind === 'tiep_tuc' || input.kind === 'gia_han' ? after.dueDate : null,
    dueDays: input.kind === 'xac_dinh_phuc_tap' ? after.days : null,
    extension: input.kind === 'gia_han' ? { days: input.data.days, count: c.state.extensions.length + 1 } : null,
    withdrawal,
  }
}

export interface Recorded {
  /** The events stored: the one asked for, and the termination a full withdrawal brings. */
  events: Array<{ id: string; kind: ResolutionEventKind; documentId: string | null }>
  view: ResolutionView
}

const fail = (status: 403 | 404 | 409 | 422, message: string, errors?: Array<{ path: string; message: string }>) =>
  ({ ok: false, status, message, ...(errors ? { errors } : {}) }) as const

/** The triggers of migrations 0005 and 0008 firing: another officer's event got there first. */
const isSequenceViolation = (error: unknown) => error instanceof Error && /already suspended|not suspended|resolution terminated|resolution closed|extended twice/.test(error.message)

export async function recordResolution(
  db: Db,
  letterId: string,
  action: ResolutionAction,
  input: ResolutionInput,
  user: CurrentUser,
  now: Date,
  version?: number,
): Promise<Checked<Recorded>> {
  if (!can(user.roles, 'decide_letter')) return fail(403, 'Tài khoản không có quyền ghi việc giải quyết đơn.')
  const stored = await getLetter(db, letterId)
  if (!stored) return fail(404, 'Không tìm thấy đơn.')
  if (!canViewLetter(user, stored)) return fail(403, 'Tài khoản không có quyền xem đơn này.')
  const found = await resolutionCaseOf(db, stored)
  if (!found.ok) return fail(409, found.message)
  const c = found.value
  const today = vnDateOf(now)
  if (stored.resolvedAt && !c.state.termination) return fail(422, 'Việc ghi nhận chưa hợp lệ.', [{ path: '', message: 'Vụ việc đã giải quyết xong: không ghi thêm được.' }])
  const ctx = await rulesContext(db)
  const standing = resolutionDeadline(c, c.state, ctx.settings.deadlines, calendarOf(ctx.settings))
  const problems = resolutionProblems({ contentType: c.contentType, acceptedOn: c.acceptedOn, today, state: c.state, dueDate: standing.dueDate }, input)
  if (problems.length > 0) return fail(422, 'Việc ghi nhận chưa hợp lệ.', problems)
  if (version !== undefined && version !== stored.version) return fail(409, CONFLICT_MESSAGE)

  // a full withdrawal (not kept alive on a ground of Luật Tố cáo Art. 33 cl. 3) terminates the case
  const inputs: ResolutionInput[] = [input]
  if (input.kind === 'rut_khieu_nai' && withdrawalTerminates(input.data)) {
    const ground = groundsInForce('dinh_chi', c.contentType, input.date).find((g) => g.withdrawal)
    if (ground) {
      const noun = c.contentType === 'khieu_nai' ? 'khiếu nại' : 'tố cáo'
      inputs.push({ kind: 'dinh_chi', date: input.date, data: { ground: ground.code, reason: `Người ${noun} rút toàn bộ ${noun} ngày ${viDate(input.date)}.` } })
    }
  }
  const built = buildEvents(stored, c, inputs, ctx, user, now)
  // a termination or the resolution decision / conclusion closes the case
  const closes = inputs.some((i) => i.kind === 'dinh_chi' || i.kind === 'ket_luan')
  const actor = { id: user.id, name: user.displayName }
  const batch = [
    ...touchResolvingLetter(db, stored.id, now, { version, close: closes }),
    ...built.flatMap((b) => [
      ...(b.document
        ? [
            insertDocument(db, b.document.id, stored.id, b.document.model, user.id, now),
            recordHistory(db, now, actor, { entity: 'document', entityId: b.document.id, action: 'lap_van_ban', data: { letterId: stored.id, template: b.document.model.template, redacted: b.document.model.redacted } }),
          ]
        : []),
      insertResolutionEvent(db, { id: b.id, letterId: stored.id, input: b.input, documentId: b.document?.id ?? null, createdBy: user.id }, now),
      recordHistory(db, now, actor, {
        entity: 'letter',
        entityId: stored.id,
        action: RESOLUTION_HISTORY_ACTIONS[b.input.kind],
        // no free text here: a denunciation's withdrawal may name the denouncer; the event keeps it
        data: { eventId: b.id, date: b.input.date, ...('ground' in b.input.data ? { ground: b.input.data.ground } : {}), documentId: b.document?.id ?? null },
      }),
    ]),
  ]
  try {
    await db.atomic(batch)
  } catch (error) {
    if (isGuardFailure(error) || isSequenceViolation(error)) return fail(409, CONFLICT_MESSAGE)
    throw error
  }
  const updated = (await getLetter(db, stored.id))!
  const after = await resolutionCaseOf(db, updated)
  if (!after.ok) throw new Error('case vanished')
  return {
    ok: true,
    value: {
      events: built.map((b) => ({ id: b.id, kind: b.input.kind, documentId: b.document?.id ?? null })),
      view: resolutionView(updated, after.value, ctx.settings, today, mayViewIdentity(user, updated.letter)),
    },
  }
}

/** Each event with its id and the document its rows call for, built from the state it follows. */
function buildEvents(
  stored: StoredLetter,
  c: ResolutionCase & { events: ResolutionEvent[]; state: ResolutionState },
  inputs: readonly ResolutionInput[],
  ctx: RulesContext,
  user: CurrentUser,
  now: Date,
): Array<{ id: string; input: ResolutionInput; document: { id: string; model: DocumentModel } | null }> {
  const calendar = calendarOf(ctx.settings)
  const recordedSoFar: ResolutionEvent[] = [...c.events]
  const out: Array<{ id: string; input: ResolutionInput; document: { id: string; model: DocumentModel } | null }> = []
  let withdrawal: ResolutionDocEvent['withdrawal'] = null
  for (const input of inputs) {
    const id = newRecordId()
    const before = resolutionState(recordedSoFar)
    const recorded = { ...input, id, documentId: null, createdAt: now.toISOString(), createdBy: user.id, createdByName: user.displayName } as ResolutionEvent
    recordedSoFar.push(recorded)
    const after = resolutionDeadline(c, resolutionState(recordedSoFar), ctx.settings.deadlines, calendar)
    if (input.kind === 'rut_khieu_nai') withdrawal = { scope: input.data.scope, form: input.data.form, date: input.date, content: input.data.content }
    const template = resolutionTemplateFor(input.kind, c.contentType, input.date)
    const document = template
      ? {
          id: newRecordId(),
          model: buildDocument(template, {
            letter: { id: stored.id, code: stored.code, track: stored.track, letter: stored.letter, reasons: [] },
            decision: { outcome: 'thu_ly', competentAgencyCode: stored.competentAgencyCode, note: null, dueDate: null, decidedByName: user.displayName },
            agencies: ctx.agencies,
            settings: ctx.settings,
            issuedOn: input.date,
            event: docEventOf(input, { ...c, state: before }, after, input.kind === 'dinh_chi' ? withdrawal : null),
          }),
        }
      : null
    out.push({ id, input, document })
  }
  return out
}
