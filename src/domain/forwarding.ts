/**
 * A letter sent out to another agency — forwarded (chuyển đơn) or followed up (đôn đốc) — and
 * the reply the board waits for (văn bản phúc đáp). Pure: when the reply is due, what state a
 * forwarding is in, whether the board may send a follow-up request.
 *
 * The reply due date (CONV, stored in `forwardings.reply_due_on` when the letter is sent): the
 * receiving agency's own handling deadline from the deadline table, counted from the day the
 * board sent it —
 *   - a forwarded denunciation: D8, the initial processing (accept or not) of the denunciation
 *     by the agency that receives it (7 working days, Luật Tố cáo Art. 24 cl. 1);
 *   - any other forwarded letter, and a follow-up request: D1, the handling of a received
 *     letter (10 days, TT 05/2021).
 * The rows come from the `deadlines` setting (a new decree is a new row), with the built-in
 * defaults when a board deleted them.
 */
import type { IsoDate, WorkingCalendar } from './calendar.ts'
import type { ContentType } from './codes.ts'
import { dueDate } from './deadlines.ts'
import { DEFAULT_DEADLINES, type DeadlineRuleId, type DeadlineSetting } from './deadline-table.ts'

/** What the board sent: the letter itself (chuyen_don) or a written follow-up request (don_doc). */
export type ForwardingKind = 'chuyen_don' | 'don_doc'

export const FORWARDING_KINDS: Record<ForwardingKind | 'huong_dan', string> = {
  chuyen_don: 'Chuyển đơn',
  don_doc: 'Đôn đốc',
  huong_dan: 'Hướng dẫn',
}

/**
 * Where a forwarding stands. A reply answers the letter for that agency: once one forwarding of
 * a letter to an agency is replied to, the others to the same agency (the original and its
 * follow-ups) count as answered too.
 */
export type ForwardingState = 'cho_tiep_nhan' | 'da_tiep_nhan' | 'da_phuc_dap'

export const FORWARDING_STATES: Record<ForwardingState, string> = {
  cho_tiep_nhan: 'Chờ cơ quan tiếp nhận',
  da_tiep_nhan: 'Cơ quan đã tiếp nhận, chưa phúc đáp',
  da_phuc_dap: 'Đã có văn bản phúc đáp',
}

/** The filters of a list of forwardings (API `status=`, the agency inbox's tabs). */
export const FORWARDING_FILTERS = {
  cho_tiep_nhan: 'Chờ tiếp nhận',
  da_tiep_nhan: 'Đã tiếp nhận, chưa phúc đáp',
  chua_phuc_dap: 'Chưa phúc đáp',
  qua_han: 'Quá hạn phúc đáp',
  da_phuc_dap: 'Đã phúc đáp',
} as const
export type ForwardingFilter = keyof typeof FORWARDING_FILTERS

/** The deadline rule the reply is due by (see the module comment). */
export const replyDeadlineRule = (kind: ForwardingKind, contentType: ContentType): DeadlineRuleId =>
  kind === 'chuyen_don' && contentType === 'to_cao' ? 'D8' : 'D1'

/** The day the receiving agency's reply is due, counted from the day the board sent the letter or request. */
export function replyDueDate(input: {
  kind: ForwardingKind
  contentType: ContentType
  sentOn: IsoDate
  rules: readonly DeadlineSetting[]
  calendar: WorkingCalendar
}): { dueDate: IsoDate | null; rule: DeadlineRuleId } {
  const rule = replyDeadlineRule(input.kind, input.contentType)
  const at = (rules: readonly DeadlineSetting[]) => dueDate({ rules, calendar: input.calendar, rule, from: input.sentOn }).dueDate
  return { dueDate: at(input.rules) ?? at(DEFAULT_DEADLINES), rule }
}

export interface ForwardingFacts {
  acknowledgedAt: string | null
  /** This forwarding, or another to the same agency about the same letter, was replied to. */
  answered: boolean
  /** A later forwarding (a follow-up) to the same agency about the same letter exists. */
  superseded: boolean
  replyDueOn: IsoDate | null
}

export const forwardingState = (f: ForwardingFacts): ForwardingState =>
  f.answered ? 'da_phuc_dap' : f.acknowledgedAt ? 'da_tiep_nhan' : 'cho_tiep_nhan'

/**
 * Late: no reply and the reply date has passed. Only the latest forwarding of a chain is judged:
 * once a follow-up was sent, the follow-up's own due date counts.
 */
export const isReplyOverdue = (f: ForwardingFacts, today: IsoDate): boolean =>
  !f.answered && !f.superseded && f.replyDueOn !== null && f.replyDueOn < today

/**
 * Whether the board may send a written follow-up request (đôn đốc) for this forwarding: the
 * latest of its chain, not answered, and past its reply date (the request says the time limit
 * has passed without a result, TT 05/2021). A forwarding without a reply date (sent before
 * pakn recorded one) may always be followed up.
 */
export function followUpProblem(f: ForwardingFacts, today: IsoDate): string | null {
  if (f.answered) return 'Cơ quan đã có văn bản phúc đáp; không cần đôn đốc.'
  if (f.superseded) return 'Đã có văn bản đôn đốc mới hơn cho đơn này.'
  if (f.replyDueOn !== null && f.replyDueOn >= today) return `Chưa quá hạn phúc đáp (hạn ${viDate(f.replyDueOn)}): chưa thể đôn đốc.`
  return null
}

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
