/**
 * Due dates from the effective-dated `deadlines` setting (RULES.md §5, deadline-table.ts).
 * A letter is judged by the row in force on the day it was received (or the day of the event
 * that starts the clock); day 1 is the next day (BLDS 2015 Art. 147 cl. 1, see calendar.ts).
 */
import { addCalendarYears, daysBetween, maxDate, type IsoDate, type WorkingCalendar } from './calendar.ts'
import type { ContentType, Outcome } from './codes.ts'
import {
  DEFAULT_DEADLINES,
  type DeadlineRuleId,
  type DeadlineSetting,
  type DeadlineVariant,
} from './deadline-table.ts'

/** A suspension of the clock: from the suspension decision (Mẫu 14a) to the resumption decision (Mẫu 14b); no `to` = still suspended. */
export interface Pause {
  from: IsoDate
  to?: IsoDate | null
}

export interface DueDateResult {
  /** Last day of the period; null when it cannot be computed (open pause, or no row in force). */
  dueDate: IsoDate | null
  /** The deadline row applied; null when no row of that rule is in force on the day. */
  row: DeadlineSetting | null
  /** True when a suspension without a resumption stops the clock: no due date yet. */
  paused: boolean
}

/**
 * The row of `ruleId` in force on `onDate` (from ≤ onDate ≤ to, open ends unbounded). A variant
 * with no row in force falls back to 'thuong'. When several rows overlap, the one with the latest
 * `from` wins (a newer decree overrides). Null when the rule has no row in force that day.
 */
export function deadlineRow(
  rules: readonly DeadlineSetting[],
  ruleId: DeadlineRuleId,
  variant: DeadlineVariant | null | undefined,
  onDate: IsoDate,
): DeadlineSetting | null {
  const inForce = (v: DeadlineVariant): DeadlineSetting | null => {
    let best: DeadlineSetting | null = null
    for (const r of rules) {
      if (r.rule !== ruleId || r.variant !== v) continue
      if (r.from != null && r.from > onDate) continue
      if (r.to != null && r.to < onDate) continue
      if (best === null || (r.from ?? '') > (best.from ?? '')) best = r
    }
    return best
  }
  const wanted = variant ?? 'thuong'
  return inForce(wanted) ?? (wanted === 'thuong' ? null : inForce('thuong'))
}

export interface DueDateInput {
  rules: readonly DeadlineSetting[]
  calendar: WorkingCalendar
  rule: DeadlineRuleId
  variant?: DeadlineVariant | null
  /** The day of the event that starts the clock (receipt, acceptance…); day 1 is the next day. */
  from: IsoDate
  /** The day whose rules apply; default `from` (a letter is judged by the rules in force on receipt). */
  judgedOn?: IsoDate
  /** Suspensions of the clock, in any order; overlapping ones merge. */
  pauses?: readonly Pause[] | null
  /** Overrides the calendar's "period ending on a day off ends on the next working day" rule. */
  endOnWorkingDay?: boolean
}

/**
 * The due date of rule `rule` (variant, falling back to 'thuong') for a clock started on `from`.
 *
 * Pauses (NĐ 155/2026, Mẫu 14a → 14b: "Thời hạn giải quyết khiếu nại tiếp tục được tính từ ngày
 * ban hành quyết định tiếp tục giải quyết khiếu nại"): the days from the start of the clock up
 * to and including the suspension day are used up; counting restarts from the resumption day as
 * if it were a new start (its next day is the next day counted). So a pause from S to T moves the
 * due date by the days (working days, for a working-day rule) in S < d ≤ T, and a pause resumed
 * on the day it began changes nothing. A pause that starts on or after the (unpaused) due date
 * has no effect; one that started before the clock is treated as starting with it. An open
 * pause that matters returns `{ dueDate: null, paused: true }`.
 */
export function dueDate(input: DueDateInput): DueDateResult {
  const { calendar, from } = input
  const row = deadlineRow(input.rules, input.rule, input.variant, input.judgedOn ?? from)
  if (row === null) return { dueDate: null, row: null, paused: false }

  // Years are turned into the calendar days they span from the start, so pauses can shift them.
  const unit = row.unit === 'ngay_lam_viec' ? 'ngay_lam_viec' : 'ngay'
  const rawEnd = row.unit === 'nam' ? addCalendarYears(from, row.length) : null
  let remaining = rawEnd !== null ? daysBetween(from, rawEnd) : row.length
  const used = (a: IsoDate, b: IsoDate) => (unit === 'ngay_lam_viec' ? calendar.workingDaysBetween(a, b) : daysBetween(a, b))
  // The unadjusted end of the rest of the period counted from `start`.
  const bareEnd = (start: IsoDate) =>
    unit === 'ngay_lam_viec' ? calendar.addWorkingDays(start, remaining) : calendar.addDays(start, remaining, { endOnWorkingDay: false })

  let start = from
  const pauses = [...(input.pauses ?? [])].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  for (const pause of pauses) {
    const pausedOn = maxDate(pause.from, start)
    if (pausedOn >= bareEnd(start)) break // the period had run out before this pause
    if (pause.to == null) return { dueDate: null, row, paused: true }
    remaining -= used(start, pausedOn)
    start = maxDate(pause.to, pausedOn)
  }

  // Calendar-day (and year) periods: a last day off moves to the next working day (BLDS Art. 148 cl. 5).
  const end = bareEnd(start)
  const opts = input.endOnWorkingDay === undefined ? undefined : { endOnWorkingDay: input.endOnWorkingDay }
  return { dueDate: unit === 'ngay_lam_viec' ? end : calendar.addDays(end, 0, opts), row, paused: false }
}

/** Row for `rule` in the settings, else in the built-in defaults (a board that deleted a row still gets a date). */
function rowOrDefault(rules: readonly DeadlineSetting[], rule: DeadlineRuleId, variant: DeadlineVariant, onDate: IsoDate) {
  return deadlineRow(rules, rule, variant, onDate) ?? deadlineRow(DEFAULT_DEADLINES, rule, variant, onDate)
}

/**
 * The due date of `rule` counted from `from` by the row in force that day — the settings' row,
 * else the built-in default (a table saved before a rule existed still gets its date); null
 * when no row of that rule is in force (e.g. a rule of a decree not yet in force that day).
 */
export function ruleDueDate(rules: readonly DeadlineSetting[], calendar: WorkingCalendar, rule: DeadlineRuleId, from: IsoDate, variant: DeadlineVariant = 'thuong'): IsoDate | null {
  const row = rowOrDefault(rules, rule, variant, from)
  return row ? dueDate({ rules: [row], calendar, rule, variant: row.variant, from }).dueDate : null
}

/** The variant for the complex / remote-area flags (phuc_tap, vung_sau, phuc_tap_vung_sau, thuong). */
export function complexityVariant(complex?: boolean | null, remoteArea?: boolean | null): DeadlineVariant {
  if (complex && remoteArea) return 'phuc_tap_vung_sau'
  if (complex) return 'phuc_tap'
  if (remoteArea) return 'vung_sau'
  return 'thuong'
}

/** The deadline rule of a letter's handling outcome (RULES.md §5 last paragraph). */
export function outcomeDeadlineRule(contentType: ContentType, outcome: Outcome): DeadlineRuleId {
  if (contentType === 'khieu_nai' && (outcome === 'thu_ly' || outcome === 'khong_thu_ly')) return 'D2'
  if (contentType === 'to_cao' && outcome === 'chuyen_don') return 'D9'
  if (contentType === 'to_cao' && (outcome === 'thu_ly' || outcome === 'kiem_tra')) return 'D8'
  return 'D1'
}

export interface OutcomeDueDate {
  dueDate: IsoDate
  deadlineRule: DeadlineRuleId
  /** Legal basis of the row applied, in Vietnamese. */
  basis: string
  label: string
  row: DeadlineSetting
}

export interface OutcomeDueDateInput {
  contentType: ContentType
  outcome: Outcome
  receivedAt: IsoDate
  /** Accepted for symmetry; D2 is the same for first and second complaints (NĐ 155/2026 Art. 16 cl. 1: "lần đầu hoặc lần hai"). */
  complaintRound?: 1 | 2 | null
  /** Picks a 'vung_sau' / 'phuc_tap' row of the rule when the board configured one; else 'thuong'. */
  remoteArea?: boolean | null
  complex?: boolean | null
  /** Denunciation initial processing extended to 10 working days (D8 'gia_han'). */
  extended?: boolean | null
  rules: readonly DeadlineSetting[]
  calendar: WorkingCalendar
}

/**
 * The due date of a letter's handling (RULES.md §5): `thu_ly`/`khong_thu_ly` on a complaint → D2
 * (10 days before 1 July 2026, 7 working days from then, by the day of receipt); `chuyen_don` on a
 * denunciation → D9 (5 working days); `thu_ly`/`kiem_tra` on a denunciation → D8 (7 working
 * days, 10 extended); anything else (guidance, split, filing, recommendations…) → D1 (10 days).
 * Counted from the day of receipt. When the settings lack a row for the day, the built-in
 * default row is used; throws only if even that is missing.
 */
export function dueDateForOutcome(input: OutcomeDueDateInput): OutcomeDueDate {
  const deadlineRule = outcomeDeadlineRule(input.contentType, input.outcome)
  const variant: DeadlineVariant =
    deadlineRule === 'D8' && input.extended ? 'gia_han' : complexityVariant(input.complex, input.remoteArea)
  const row = rowOrDefault(input.rules, deadlineRule, variant, input.receivedAt)
  if (row === null) throw new Error(`No deadline row ${deadlineRule} in force on ${input.receivedAt}`)
  const { dueDate: due } = dueDate({ rules: [row], calendar: input.calendar, rule: deadlineRule, variant: row.variant, from: input.receivedAt })
  return { dueDate: due as IsoDate, deadlineRule, basis: row.basis, label: row.label, row }
}

export interface ResolutionDueDateInput {
  contentType: ContentType
  /** The day the matter was accepted (thụ lý) — or, for a follow-up check, taken on by the agency. */
  acceptedAt: IsoDate
  /** 2 = second complaint (D4); anything else = first complaint (D3). */
  complaintRound?: 1 | 2 | null
  complex?: boolean | null
  remoteArea?: boolean | null
  /** Denunciation extensions (Luật Tố cáo Art. 30): 1 → 60 days, 2 → 90 days in all at most. */
  extensions?: 0 | 1 | 2 | null
  /**
   * The days the extensions actually added (each may be shorter than 30): the period is the
   * ordinary one plus these, never more than the row of the extension count allows.
   */
  extensionDays?: number | null
  /** Suspensions of the clock (Mẫu 14a → 14b for complaints; tạm đình chỉ for denunciations). */
  pauses?: readonly Pause[] | null
  rules: readonly DeadlineSetting[]
  calendar: WorkingCalendar
}

/**
 * The resolution deadline after acceptance: complaint first round → D3 (30; 45 complex; 45
 * remote; 60 both — Luật KN Art. 28), second round → D4 (45 / 60 / 60 / 70 — Art. 37);
 * denunciation → D11 (30, extended once to 60, twice to 90 — Luật TC Art. 30); any other
 * content → D1 (used by the đôn đốc check of RULES.md §2 step 7). Suspended time does not count.
 */
export function resolutionDueDate(input: ResolutionDueDateInput): DueDateResult & { deadlineRule: DeadlineRuleId } {
  let deadlineRule: DeadlineRuleId
  let variant: DeadlineVariant
  if (input.contentType === 'khieu_nai') {
    deadlineRule = input.complaintRound === 2 ? 'D4' : 'D3'
    variant = complexityVariant(input.complex, input.remoteArea)
  } else if (input.contentType === 'to_cao') {
    deadlineRule = 'D11'
    variant = input.extensions === 2 ? 'gia_han_2' : input.extensions === 1 ? 'gia_han' : 'thuong'
  } else {
    deadlineRule = 'D1'
    variant = 'thuong'
  }
  let row = rowOrDefault(input.rules, deadlineRule, variant, input.acceptedAt)
  if (row && variant !== 'thuong' && deadlineRule === 'D11' && input.extensionDays != null) {
    const ordinary = rowOrDefault(input.rules, 'D11', 'thuong', input.acceptedAt)
    if (ordinary) row = { ...row, length: Math.min(row.length, ordinary.length + input.extensionDays) }
  }
  const result = row
    ? dueDate({ rules: [row], calendar: input.calendar, rule: deadlineRule, variant: row.variant, from: input.acceptedAt, pauses: input.pauses ?? null })
    : { dueDate: null, row: null, paused: false }
  return { ...result, deadlineRule }
}

export interface ComplaintLimitationInput {
  /** 2 = second complaint (D6); anything else = first complaint (D5). */
  round?: 1 | 2 | null
  /** First complaint: the day the complainant received or learnt of the decision or act. */
  knownDate?: IsoDate | null
  /**
   * Second complaint: the day the complainant received the first-level resolution decision, or
   * the day the first-level resolution deadline expired with no decision (Luật KN Art. 33).
   */
  firstDecisionDate?: IsoDate | null
  remoteArea?: boolean | null
  receivedAt: IsoDate
  /** Days lost to force majeure or other objective obstacles, not counted (Luật KN Art. 9). */
  obstacleDays?: number | null
  rules: readonly DeadlineSetting[]
  calendar: WorkingCalendar
}

export interface ComplaintLimitation {
  /** Last day a complaint may be filed; null when the start date is unknown. */
  lastDay: IsoDate | null
  /** Received after lastDay. False when lastDay is unknown (lateness cannot be shown). */
  expired: boolean
  rule: 'D5' | 'D6'
  /** The date the period was counted from. */
  countedFrom: IsoDate | null
  row: DeadlineSetting | null
}

/**
 * The time limit for complaining (Luật KN Art. 11 cl. 3 exclusion `het_thoi_hieu`).
 * First complaint → D5: 90 days counted from the day the complainant received or learnt of the
 * decision / act (`knownDate`; Art. 9). Second complaint → D6: 30 days, 45 in remote areas,
 * counted from the day the first-level resolution decision was received, or from the expiry of
 * the first-level deadline when no decision came (`firstDecisionDate`, falling back to
 * `knownDate`; Art. 33). Day 1 is the next day; a last day on a weekend/holiday moves to the next
 * working day per the calendar (BLDS Art. 148 cl. 5). Rows are those in force on receipt.
 * A good reason for delay is the caller's business (it waives the exclusion, not the date).
 */
export function complaintLimitation(input: ComplaintLimitationInput): ComplaintLimitation {
  const rule = input.round === 2 ? 'D6' : 'D5'
  const countedFrom = (rule === 'D6' ? (input.firstDecisionDate ?? input.knownDate) : (input.knownDate ?? input.firstDecisionDate)) ?? null
  const row = rowOrDefault(input.rules, rule, input.remoteArea ? 'vung_sau' : 'thuong', input.receivedAt)
  if (countedFrom === null || row === null) return { lastDay: null, expired: false, rule, countedFrom, row }
  const obstacle = Math.max(0, Math.trunc(input.obstacleDays ?? 0))
  const widened: DeadlineSetting = obstacle > 0 && row.unit === 'ngay' ? { ...row, length: row.length + obstacle } : row
  const { dueDate: lastDay } = dueDate({ rules: [widened], calendar: input.calendar, rule, variant: row.variant, from: countedFrom })
  return { lastDay, expired: lastDay !== null && input.receivedAt > lastDay, rule, countedFrom, row }
}

/**
 * The D16 escalation date: a letter still not handled 45 days after receipt is a dismissal-level
 * breach for the manager (NĐ 154/2026 Art. 41 cl. 3 point b). Only for letters received from
 * 1 July 2026, when that decree applies (the D16 row's `from`); null for earlier letters.
 */
export function d16Escalation(receivedAt: IsoDate, rules: readonly DeadlineSetting[], calendar: WorkingCalendar): IsoDate | null {
  return dueDate({ rules, calendar, rule: 'D16', from: receivedAt }).dueDate
}

/** The day a filed letter comes up for destruction review (D15: one year after filing, TT05 Art. 28). */
export function destructionReviewDate(filedAt: IsoDate, rules: readonly DeadlineSetting[], calendar: WorkingCalendar): IsoDate | null {
  return dueDate({ rules, calendar, rule: 'D15', from: filedAt }).dueDate
}
