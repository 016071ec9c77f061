/**
 * Resolving an accepted complaint or denunciation (outcome `thu_ly`): the events recorded on the
 * case (complexity determination, dialogue, suspension, resumption, termination, withdrawal), the
 * state they add up to, the resolution deadline they give (paused while suspended), and the checks
 * an event must pass before it is stored. Pure functions; the rules themselves are the dated rows
 * of resolution-rules.ts.
 */
import type { IsoDate, WorkingCalendar } from './calendar.ts'
import { REFORM_2026 } from './citations.ts'
import { resolutionDueDate, ruleDueDate, type Pause } from './deadlines.ts'
import type { DeadlineRuleId, DeadlineSetting } from './deadline-table.ts'
import {
  CONTINUE_GROUNDS,
  CONCLUSION_TITLES,
  DIALOGUE_REQUIRED_BASIS,
  EXTENSION_RULE,
  SEND_DEADLINE_RULES,
  complexityRegime,
  criteriaInForce,
  groundOf,
  withdrawalScopeRule,
  type Attendance,
  type ContinueGround,
  type CriterionCode,
  type Finding,
  type ResolutionEventKind,
  type ResolvableType,
  type WithdrawalForm,
  type WithdrawalScope,
} from './resolution-rules.ts'

// ----- events -------------------------------------------------------------------------------------

export interface ComplexityData {
  criteria: CriterionCode[]
  /** Why: the facts that meet the criteria. */
  reason: string
  /** Who determined it (name and position of the person resolving, or whom they assigned). */
  decidedBy: string
}

export interface DialogueData {
  chairedBy: string
  place: string | null
  /** One participant a line: name, position, capacity. */
  participants: string[]
  /** What was said and agreed. */
  summary: string
  attendance: Attendance
  /** Required when the complainant was absent with a reason. */
  absenceReason: string | null
}

export interface GroundData {
  ground: string
  /** The concrete facts behind the ground. */
  reason: string
}

export interface ResumptionData {
  /** Why the suspension ends (the obstacle is over, the other body's result came). */
  reason: string
}

export interface WithdrawalData {
  scope: WithdrawalScope
  form: WithdrawalForm
  /** What is withdrawn (required for a partial withdrawal: the contents, or who among several complainants). */
  content: string | null
  /** A denunciation withdrawn in full is still resolved on one of these grounds. */
  continueGround: ContinueGround | null
}

export interface ExtensionData {
  /** How many days the resolution is extended by (at most EXTENSION_RULE.maxDays). */
  days: number
  /** Why: what makes the denunciation (especially) complex. */
  reason: string
}

export interface ConclusionData {
  /** The number of the resolution decision or conclusion ("15/QĐ-UBND"). */
  number: string
  finding: Finding
  /** What was decided or concluded, briefly. */
  summary: string
}

/** What an action asks to record (the API body or the form, parsed). */
export type ResolutionInput =
  | { kind: 'xac_dinh_phuc_tap'; date: IsoDate; data: ComplexityData }
  | { kind: 'doi_thoai'; date: IsoDate; data: DialogueData }
  | { kind: 'tam_dinh_chi'; date: IsoDate; data: GroundData }
  | { kind: 'dinh_chi'; date: IsoDate; data: GroundData & { withdrawalId?: string } }
  | { kind: 'tiep_tuc'; date: IsoDate; data: ResumptionData }
  | { kind: 'rut_khieu_nai'; date: IsoDate; data: WithdrawalData }
  | { kind: 'gia_han'; date: IsoDate; data: ExtensionData }
  | { kind: 'ket_luan'; date: IsoDate; data: ConclusionData }

/** A recorded event: the input plus who recorded it, when, and the document it issued. */
export type ResolutionEvent = ResolutionInput & {
  id: string
  documentId: string | null
  createdAt: string
  createdBy: string
  createdByName: string | null
}

export type EventOf<K extends ResolutionEventKind> = Extract<ResolutionEvent, { kind: K }>

// ----- acceptance ------------------------------------------------------------------------------------

/**
 * The day the matter was accepted in pakn: the first decision of the run of `thu_ly` decisions
 * that the letter still stands on (a letter decided otherwise and accepted later is accepted on the
 * later day). Null when the current decision is not an acceptance.
 */
export function acceptanceInstant(decisions: ReadonlyArray<{ outcome: string; decidedAt: string }>): string | null {
  let start: string | null = null
  for (const d of decisions) start = d.outcome === 'thu_ly' ? (start ?? d.decidedAt) : null
  return start
}

// ----- state -------------------------------------------------------------------------------------

export interface ResolutionState {
  /** The open suspension, if any (no resumption after it). */
  suspension: EventOf<'tam_dinh_chi'> | null
  termination: EventOf<'dinh_chi'> | null
  /** The resolution decision or conclusion that resolved the case. */
  conclusion: EventOf<'ket_luan'> | null
  /** Suspended spans of the clock (the open one without `to`). */
  pauses: Pause[]
  /** The latest complexity determination (a later one revises an earlier one). */
  complexity: EventOf<'xac_dinh_phuc_tap'> | null
  dialogues: Array<EventOf<'doi_thoai'>>
  /** A denunciation's extensions (Luật Tố cáo Art. 30), in order. */
  extensions: Array<EventOf<'gia_han'>>
  /** The latest day of a suspension or resumption: a later one may not be dated before it. */
  lastClockDate: IsoDate | null
}

/** The state the events add up to, in the order they were recorded. */
export function resolutionState(events: readonly ResolutionEvent[]): ResolutionState {
  const state: ResolutionState = { suspension: null, termination: null, conclusion: null, pauses: [], complexity: null, dialogues: [], extensions: [], lastClockDate: null }
  for (const e of events) {
    switch (e.kind) {
      case 'tam_dinh_chi':
        state.suspension = e
        state.pauses.push({ from: e.date, to: null })
        state.lastClockDate = e.date
        break
      case 'tiep_tuc': {
        const open = state.pauses.at(-1)
        if (open && open.to == null) open.to = e.date
        state.suspension = null
        state.lastClockDate = e.date
        break
      }
      case 'dinh_chi':
        state.termination = e
        break
      case 'xac_dinh_phuc_tap':
        state.complexity = e
        break
      case 'doi_thoai':
        state.dialogues.push(e)
        break
      case 'gia_han':
        state.extensions.push(e)
        break
      case 'ket_luan':
        state.conclusion = e
        break
      case 'rut_khieu_nai':
        break
    }
  }
  return state
}

// ----- the resolution deadline --------------------------------------------------------------------

export interface ResolutionCase {
  contentType: ResolvableType
  complaintRound: 1 | 2 | null
  remoteArea: boolean
  /** The officer's "complex case" flag on the letter (what counts before 2026-07-01). */
  flaggedComplex: boolean
  acceptedOn: IsoDate
}

export interface ResolutionDeadline {
  deadlineRule: DeadlineRuleId
  /** Null while suspended (the clock is stopped) or when no row is in force. */
  dueDate: IsoDate | null
  paused: boolean
  basis: string | null
  label: string | null
  /** The length of the period in calendar days (the documents quote it). */
  days: number | null
  /** The complex variant applies (D3 45/60, D4 60/70). */
  complex: boolean
  /** What made it complex, or why the flag alone does not count. */
  complexity: { source: 'danh_dau_tren_don' | 'van_ban_xac_dinh'; basis: string; flaggedWithoutDetermination: boolean }
  pauses: Pause[]
}

/**
 * The deadline of the resolution: D3/D4 for a complaint (the complex variant when the regime of
 * the acceptance day says so), D11 for a denunciation, counted from acceptance, with the
 * suspended spans taken out (NĐ 155/2026 Art. 28b: the clock counts again from the resumption
 * decision's date; Luật Tố cáo Art. 34 for denunciations).
 */
export function resolutionDeadline(c: ResolutionCase, state: ResolutionState, rules: readonly DeadlineSetting[], calendar: WorkingCalendar): ResolutionDeadline {
  const regime = complexityRegime(c.acceptedOn)
  const complex = c.contentType === 'khieu_nai' && (regime.source === 'van_ban_xac_dinh' ? state.complexity !== null : c.flaggedComplex)
  const extended = c.contentType === 'to_cao' ? state.extensions : []
  const r = resolutionDueDate({
    contentType: c.contentType,
    acceptedAt: c.acceptedOn,
    complaintRound: c.complaintRound,
    complex,
    remoteArea: c.remoteArea,
    extensions: Math.min(extended.length, EXTENSION_RULE.maxCount) as 0 | 1 | 2,
    extensionDays: extended.reduce((sum, e) => sum + e.data.days, 0),
    pauses: state.pauses,
    rules,
    calendar,
  })
  return {
    deadlineRule: r.deadlineRule,
    dueDate: r.dueDate,
    paused: r.paused,
    basis: r.row?.basis ?? null,
    label: r.row?.label ?? null,
    days: r.row && r.row.unit === 'ngay' ? r.row.length : null,
    complex,
    complexity: {
      source: regime.source,
      basis: regime.basis,
      flaggedWithoutDetermination: c.contentType === 'khieu_nai' && regime.source === 'van_ban_xac_dinh' && c.flaggedComplex && state.complexity === null,
    },
    pauses: state.pauses,
  }
}

/** The day a suspension, termination or resumption decision must be sent by (D18 complaints, D14 denunciations); null for other events or when no row is in force. */
export function sendDeadline(contentType: ResolvableType, event: Pick<ResolutionEvent, 'kind' | 'date'>, rules: readonly DeadlineSetting[], calendar: WorkingCalendar): IsoDate | null {
  if (event.kind !== 'tam_dinh_chi' && event.kind !== 'dinh_chi' && event.kind !== 'tiep_tuc') return null
  return ruleDueDate(rules, calendar, SEND_DEADLINE_RULES[contentType], event.date)
}

/** What still has to be done on the case (shown as a to-do; nothing is blocked by it). */
export interface ResolutionTodo {
  code: 'doi_thoai_lan_hai' | 'xac_dinh_phuc_tap'
  message: string
  basis: string
}

export function resolutionTodos(c: ResolutionCase, state: ResolutionState, deadline: ResolutionDeadline): ResolutionTodo[] {
  if (state.termination) return []
  const todos: ResolutionTodo[] = []
  if (c.contentType === 'khieu_nai' && c.complaintRound === 2 && state.dialogues.length === 0) {
    todos.push({ code: 'doi_thoai_lan_hai', message: 'Tổ chức đối thoại trước khi ra quyết định giải quyết khiếu nại lần hai (lập biên bản theo Mẫu số 14).', basis: DIALOGUE_REQUIRED_BASIS })
  }
  if (deadline.complexity.flaggedWithoutDetermination) {
    todos.push({
      code: 'xac_dinh_phuc_tap',
      message: 'Đơn được đánh dấu "vụ việc phức tạp" nhưng chưa có văn bản xác định theo tiêu chí của Điều 3a: thời hạn giải quyết đang tính theo thời hạn thông thường.',
      basis: deadline.complexity.basis,
    })
  }
  return todos
}

// ----- checks before recording -----------------------------------------------------------------

export interface Problem {
  /** The field at fault; '' for the case as a whole (shown above the form). */
  path: string
  message: string
}

export interface CheckContext {
  contentType: ResolvableType
  acceptedOn: IsoDate
  today: IsoDate
  state: ResolutionState
  /** The resolution due date as it stands (an extension must be decided by then); null while unknown. */
  dueDate?: IsoDate | null
}

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

const EVENT_DATE_LABEL: Record<ResolutionEventKind, string> = {
  xac_dinh_phuc_tap: 'Ngày xác định',
  doi_thoai: 'Ngày đối thoại',
  tam_dinh_chi: 'Ngày quyết định tạm đình chỉ',
  tiep_tuc: 'Ngày quyết định tiếp tục giải quyết',
  dinh_chi: 'Ngày quyết định đình chỉ',
  rut_khieu_nai: 'Ngày rút đơn',
  gia_han: 'Ngày quyết định gia hạn',
  ket_luan: 'Ngày ban hành',
}

/**
 * Why this event cannot be recorded now, field by field (empty = it can). The sequence rules
 * (one open suspension at a time, resume only what is suspended, nothing after termination) are
 * also triggers in migration 0005, so a lost race fails the batch instead of breaking them.
 */
export function resolutionProblems(ctx: CheckContext, input: ResolutionInput): Problem[] {
  const problems: Problem[] = []
  const { state, contentType } = ctx
  const noun = contentType === 'khieu_nai' ? 'khiếu nại' : 'tố cáo'
  const dateLabel = EVENT_DATE_LABEL[input.kind]
  const date = input.date

  if (state.termination) {
    return [{ path: '', message: `Việc giải quyết ${noun} đã bị đình chỉ ngày ${viDate(state.termination.date)}: không ghi thêm được.` }]
  }
  if (state.conclusion) {
    return [{ path: '', message: `${CONCLUSION_TITLES[contentType]} số ${state.conclusion.data.number} đã ban hành ngày ${viDate(state.conclusion.date)}: vụ việc đã giải quyết xong, không ghi thêm được.` }]
  }
  if (date > ctx.today) problems.push({ path: 'date', message: `${dateLabel} không được sau ngày hôm nay.` })
  else if (date < ctx.acceptedOn) problems.push({ path: 'date', message: `${dateLabel} không được trước ngày thụ lý (${viDate(ctx.acceptedOn)}).` })

  const clockEvent = input.kind === 'tam_dinh_chi' || input.kind === 'tiep_tuc' || input.kind === 'dinh_chi' || input.kind === 'rut_khieu_nai'
  if (clockEvent && state.lastClockDate && date < state.lastClockDate && !problems.some((p) => p.path === 'date')) {
    const what = state.suspension ? 'tạm đình chỉ' : 'tiếp tục giải quyết'
    problems.push({ path: 'date', message: `${dateLabel} không được trước ngày quyết định ${what} đã ghi (${viDate(state.lastClockDate)}).` })
  }

  switch (input.kind) {
    case 'xac_dinh_phuc_tap': {
      if (contentType !== 'khieu_nai') return [{ path: '', message: 'Xác định vụ việc phức tạp theo Điều 3a Nghị định 155/2026/NĐ-CP chỉ áp dụng cho khiếu nại; tố cáo phức tạp được gia hạn theo Điều 30 Luật Tố cáo.' }]
      const regime = complexityRegime(ctx.acceptedOn)
      if (regime.source !== 'van_ban_xac_dinh') {
        return [
          {
            path: '',
            message: `Khiếu nại thụ lý ngày ${viDate(ctx.acceptedOn)}, trước ngày ${viDate(REFORM_2026)}: tính chất phức tạp theo đánh dấu trên đơn (${regime.basis}), không xác định theo tiêu chí của Điều 3a.`,
          },
        ]
      }
      const allowed = new Set(criteriaInForce(date).map((c) => c.code))
      if (input.data.criteria.length === 0) problems.push({ path: 'criteria', message: 'Chọn ít nhất một tiêu chí của Điều 3a mà vụ việc có.' })
      else if (input.data.criteria.some((c) => !allowed.has(c))) problems.push({ path: 'criteria', message: 'Tiêu chí không có trong Điều 3a vào ngày xác định.' })
      break
    }
    case 'doi_thoai':
      if (contentType !== 'khieu_nai') return [{ path: '', message: 'Đối thoại là thủ tục của giải quyết khiếu nại; không áp dụng cho tố cáo.' }]
      if (state.suspension && date >= state.suspension.date) {
        problems.push({ path: '', message: `Vụ việc đang tạm đình chỉ từ ngày ${viDate(state.suspension.date)}: ra quyết định tiếp tục giải quyết trước khi đối thoại.` })
      }
      if (input.data.attendance === 'vang_co_ly_do' && !input.data.absenceReason) problems.push({ path: 'absenceReason', message: 'Ghi lý do vắng mặt của người khiếu nại.' })
      break
    case 'tam_dinh_chi':
      if (state.suspension) problems.push({ path: '', message: `Vụ việc đang tạm đình chỉ từ ngày ${viDate(state.suspension.date)}: không tạm đình chỉ lần nữa.` })
      problems.push(...groundProblems('tam_dinh_chi', contentType, input.data.ground, date))
      break
    case 'dinh_chi':
      problems.push(...groundProblems('dinh_chi', contentType, input.data.ground, date))
      break
    case 'tiep_tuc':
      if (!state.suspension) problems.push({ path: '', message: `Việc giải quyết ${noun} không bị tạm đình chỉ: không có gì để tiếp tục.` })
      break
    case 'gia_han': {
      if (contentType !== 'to_cao') {
        return [{ path: '', message: 'Gia hạn giải quyết theo Điều 30 Luật Tố cáo chỉ áp dụng cho tố cáo; khiếu nại phức tạp có thời hạn riêng (xác định vụ việc phức tạp).' }]
      }
      if (state.extensions.length >= EXTENSION_RULE.maxCount) {
        return [{ path: '', message: `Tố cáo đã được gia hạn ${EXTENSION_RULE.maxCount} lần: không gia hạn thêm được (${EXTENSION_RULE.basis}).` }]
      }
      if (state.suspension) problems.push({ path: '', message: `Vụ việc đang tạm đình chỉ từ ngày ${viDate(state.suspension.date)}: ra quyết định tiếp tục giải quyết trước khi gia hạn.` })
      if (!Number.isInteger(input.data.days) || input.data.days < 1 || input.data.days > EXTENSION_RULE.maxDays) {
        problems.push({ path: 'days', message: `Mỗi lần gia hạn không quá ${EXTENSION_RULE.maxDays} ngày (${EXTENSION_RULE.basis}).` })
      }
      if (ctx.dueDate && date > ctx.dueDate && !problems.some((p) => p.path === 'date')) {
        problems.push({ path: 'date', message: `Thời hạn giải quyết đã hết ngày ${viDate(ctx.dueDate)}: quyết định gia hạn phải ban hành trong thời hạn giải quyết.` })
      }
      break
    }
    case 'ket_luan':
      if (state.suspension) problems.push({ path: '', message: `Vụ việc đang tạm đình chỉ từ ngày ${viDate(state.suspension.date)}: ra quyết định tiếp tục giải quyết trước.` })
      break
    case 'rut_khieu_nai': {
      const d = input.data
      if (!withdrawalScopeRule(contentType, d.scope, date)) {
        problems.push({ path: 'scope', message: `Rút một phần khiếu nại chỉ áp dụng từ ngày ${viDate(REFORM_2026)} (Điều 10 Luật Khiếu nại, sửa đổi bởi Luật số 136/2025/QH15).` })
      }
      if (d.scope === 'mot_phan' && !d.content) problems.push({ path: 'content', message: 'Ghi rõ nội dung được rút (hoặc những người rút, nếu nhiều người cùng khiếu nại).' })
      if (d.continueGround && contentType !== 'to_cao') problems.push({ path: 'continueGround', message: 'Chỉ áp dụng cho tố cáo.' })
      else if (d.continueGround && !(d.continueGround in CONTINUE_GROUNDS)) problems.push({ path: 'continueGround', message: 'Căn cứ tiếp tục giải quyết không hợp lệ.' })
      else if (d.continueGround && d.scope !== 'toan_bo') problems.push({ path: 'continueGround', message: 'Chỉ cần khi người tố cáo rút toàn bộ nội dung tố cáo.' })
      break
    }
  }
  return problems
}

function groundProblems(kind: 'tam_dinh_chi' | 'dinh_chi', contentType: ResolvableType, code: string, date: IsoDate): Problem[] {
  if (groundOf(kind, contentType, code, date)) return []
  if (kind === 'tam_dinh_chi' && contentType === 'khieu_nai' && date < REFORM_2026) {
    return [{ path: 'date', message: `Tạm đình chỉ giải quyết khiếu nại chỉ áp dụng từ ngày ${viDate(REFORM_2026)} (Điều 11a Luật Khiếu nại, bổ sung bởi Luật số 136/2025/QH15).` }]
  }
  return [{ path: 'ground', message: 'Chọn một căn cứ trong danh sách (căn cứ áp dụng vào ngày quyết định).' }]
}

/** A full withdrawal ends the case, unless a withdrawn denunciation must still be resolved. */
export const withdrawalTerminates = (d: WithdrawalData): boolean => d.scope === 'toan_bo' && d.continueGround === null

