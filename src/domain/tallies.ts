/**
 * Tallies of the citizen-reception section (RULES.md §7), consistent by construction.
 *
 * Every number of a report is a *measure*: a predicate over a few dimensions of one kind of
 * record (a letter, a visit, a reply) and what is counted (records, persons, distinct matters,
 * distinct sessions). The database answers one GROUP BY query per table with counts per
 * combination of dimensions ("cells") — for visits, a summary per bucket and per set of buckets
 * (VisitSummary) — and this module sums the cells a predicate accepts. The
 * drill-down lists filter the same records with the same predicate compiled to SQL
 * (src/db/report-dims.ts), so a number and the list behind it cannot disagree.
 *
 * The categories of §7 are partitions of the cells (each cell has exactly one signer group,
 * one counted content type, one outcome, one resolution stage …), which is why the invariants
 * hold for any data: nothing here relies on the database's CHECK constraints.
 */
import type { Channel, ContentType, Outcome, SignerGroup, SingleContentType } from './codes.ts'
import type { ReportWindow } from './report-window.ts'

// ----- letter dimensions ------------------------------------------------------------------------

/** Received in the window, or carried over: received before it and not handled by its start. */
export type Cohort = 'trong_ky' | 'ky_truoc'
export type Track = 'don_thu' | 'quy_dinh_hanh_chinh'
/** Biểu 01/XLD "tình trạng giải quyết" (see migrations/0002_report_dimensions.sql). */
export type ResolutionStage = 'chua' | 'lan_dau' | 'nhieu_lan'
export const RESOLUTION_STAGES = {
  lan_dau: 'Đã giải quyết lần đầu',
  nhieu_lan: 'Đã giải quyết nhiều lần',
  chua: 'Chưa giải quyết xong',
} as const satisfies Record<ResolutionStage, string>

/** Outcomes of an eligible letter, by competence (RULES.md §1: each outcome is in one branch). */
export const WITHIN_OUTCOMES = ['thu_ly', 'khong_thu_ly', 'kiem_tra'] as const satisfies readonly Outcome[]
export const OUTSIDE_OUTCOMES = ['huong_dan', 'chuyen_don', 'don_doc'] as const satisfies readonly Outcome[]
export const ELIGIBLE_OUTCOMES = [...WITHIN_OUTCOMES, ...OUTSIDE_OUTCOMES] as const

/** One combination of a letter's report dimensions and how many letters have it. */
export interface LetterCell {
  cohort: Cohort
  track: Track
  signerGroup: SignerGroup
  /** The type the officer recorded (nhieu_noi_dung included). */
  contentType: ContentType
  /** The type it is counted under among eligible letters (a several-content letter: its first content). */
  countedAs: SingleContentType
  channel: Channel
  /** The letter's decision was taken before the window ended. */
  decided: boolean
  /** The decision's outcome; null while not decided by the window end. */
  outcome: Outcome | null
  stage: ResolutionStage
  /** Resolved (resolved_at) before the window ended; always false on the TT05 track (not tracked there). */
  resolved: boolean
  n: number
}

/**
 * The GROUP BY row of src/db/reports.ts: dimensions and counts. The query reads only letters
 * received in the window or carried into it, so "carried" is "not received"; `s…` counts are
 * resolved letters, tracked for NĐ 20/2008 feedback only (zero on the TT05 track).
 */
export interface LetterGroupRow {
  track: Track
  signerGroup: SignerGroup
  contentType: ContentType
  countedAs: SingleContentType
  channel: Channel
  outcome: Outcome | null
  stage: ResolutionStage
  /** All letters of the group (n), received in the window (r), decided by its end (d), both (rd). */
  n: number
  r: number
  d: number
  rd: number
  /** Resolved by the window end (s), of which received (rs), decided (ds), both (rds). */
  s: number
  rs: number
  ds: number
  rds: number
}

/** Turns grouped counts into cells; an outcome counts only once the decision was taken. */
export function letterCells(rows: readonly LetterGroupRow[]): LetterCell[] {
  const cells: LetterCell[] = []
  for (const row of rows) {
    const { n, r, d, rd, s, rs, ds, rds, outcome, ...dims } = row
    // per cohort: all, decided, resolved, decided and resolved
    const split: Array<[Cohort, number, number, number, number]> = [
      ['trong_ky', r, rd, rs, rds],
      ['ky_truoc', n - r, d - rd, s - rs, ds - rds],
    ]
    for (const [cohort, all, decided, resolved, both] of split) {
      const parts: Array<[boolean, boolean, number]> = [
        [true, true, both],
        [true, false, decided - both],
        [false, true, resolved - both],
        [false, false, all - decided - resolved + both],
      ]
      for (const [isDecided, isResolved, count] of parts) {
        if (count > 0) cells.push({ ...dims, cohort, decided: isDecided, resolved: isResolved, outcome: isDecided ? outcome : null, n: count })
      }
    }
  }
  return cells
}

/** A predicate over letter cells. Absent keys accept anything; lists accept any of their values. */
export interface LetterCriteria {
  cohort?: readonly Cohort[]
  track?: Track
  signerGroup?: readonly SignerGroup[]
  contentType?: readonly ContentType[]
  countedAs?: readonly SingleContentType[]
  channel?: readonly Channel[]
  decided?: boolean
  /** Implies decided: an outcome is the decision's, taken by the window end. */
  outcome?: readonly Outcome[]
  stage?: readonly ResolutionStage[]
  /** Resolved by the window end; only NĐ 20/2008 feedback is tracked, so it implies that track. */
  resolved?: boolean
}

const within = <T>(list: readonly T[] | undefined, value: T) => list === undefined || list.includes(value)

export function letterMatches(c: LetterCriteria, cell: LetterCell): boolean {
  return (
    within(c.cohort, cell.cohort) &&
    (c.track === undefined || c.track === cell.track) &&
    within(c.signerGroup, cell.signerGroup) &&
    within(c.contentType, cell.contentType) &&
    within(c.countedAs, cell.countedAs) &&
    within(c.channel, cell.channel) &&
    (c.decided === undefined || c.decided === cell.decided) &&
    (c.outcome === undefined || (cell.decided && cell.outcome !== null && c.outcome.includes(cell.outcome))) &&
    within(c.stage, cell.stage) &&
    (c.resolved === undefined || (cell.track === 'quy_dinh_hanh_chinh' && c.resolved === cell.resolved))
  )
}

// ----- visits -----------------------------------------------------------------------------------

export type ReceptionKind = 'thuong_xuyen' | 'dinh_ky' | 'dot_xuat'
/** Biểu 01/TCD column groups: regular reception, the head's own sessions, an authorised deputy's. */
export type VisitCategory = 'thuong_xuyen' | 'thu_truong' | 'uy_quyen'
export const VISIT_CATEGORIES = {
  thuong_xuyen: 'Tiếp thường xuyên',
  thu_truong: 'Thủ trưởng tiếp (định kỳ, đột xuất)',
  uy_quyen: 'Ủy quyền tiếp (định kỳ, đột xuất)',
} as const satisfies Record<VisitCategory, string>

/**
 * Visits of the window grouped by everything the tallies look at: the input of summariseVisits,
 * the in-memory definition of the summary the database computes (and the tests' way to build one).
 */
export interface VisitGroupRow {
  kind: ReceptionKind
  category: VisitCategory
  /** Persons of each of these visits (a dimension, so the large-group threshold is applied here). */
  persons: number
  matterId: string
  sessionId: string | null
  /** The matter had no visit before the window: received for the first time (lần đầu). */
  firstTime: boolean
  visits: number
}

export interface VisitCriteria {
  category?: readonly VisitCategory[]
  kind?: readonly ReceptionKind[]
  /** A large group (đoàn đông người): persons ≥ the threshold. */
  large?: boolean
  firstTime?: boolean
}

export const isLargeGroup = (persons: number, threshold: number) => persons >= threshold

/**
 * "First time" belongs to the matter (no visit of it before the window). Rows carry it each, the
 * same for every row of a matter when they come from the records; settling it per matter (first
 * time only if every row says so) keeps lần đầu + nhiều lần = vụ việc whatever the rows say.
 */
export function matterLevelFirstTime(rows: readonly VisitGroupRow[]): VisitGroupRow[] {
  const seenBefore = new Set(rows.filter((r) => !r.firstTime).map((r) => r.matterId))
  return rows.map((r) => (r.firstTime && seenBefore.has(r.matterId) ? { ...r, firstTime: false } : r))
}

/** What visit criteria look at in a row: kind, category, large or not, first time or not. */
export interface VisitBucket {
  kind: ReceptionKind
  category: VisitCategory
  large: boolean
  firstTime: boolean
}

const bucketMatches = (c: VisitCriteria, b: VisitBucket): boolean =>
  within(c.category, b.category) &&
  within(c.kind, b.kind) &&
  (c.large === undefined || c.large === b.large) &&
  (c.firstTime === undefined || c.firstTime === b.firstTime)

export const RECEPTION_KIND_ORDER = ['thuong_xuyen', 'dinh_ky', 'dot_xuat'] as const satisfies readonly ReceptionKind[]
export const VISIT_CATEGORY_ORDER = ['thuong_xuyen', 'thu_truong', 'uy_quyen'] as const satisfies readonly VisitCategory[]

/**
 * Every bucket in a fixed order: bit = kind × 12 + category × 4 + large × 2 + first time, in
 * the orders above (36 buckets). The database computes the same number (src/db/reports.ts), so
 * a set of buckets can travel as one integer (bit i = bucket i).
 */
export const VISIT_BUCKETS: readonly VisitBucket[] = RECEPTION_KIND_ORDER.flatMap((kind) =>
  VISIT_CATEGORY_ORDER.flatMap((category) => [false, true].flatMap((large) => [false, true].map((firstTime) => ({ kind, category, large, firstTime })))),
)

export const visitBucketBit = (b: VisitBucket): number =>
  RECEPTION_KIND_ORDER.indexOf(b.kind) * 12 + VISIT_CATEGORY_ORDER.indexOf(b.category) * 4 + (b.large ? 2 : 0) + (b.firstTime ? 1 : 0)

// sets of up to 36 buckets: arithmetic instead of 32-bit operators, exact below 2^53
const hasBit = (set: number, bit: number) => Math.floor(set / 2 ** bit) % 2 === 1
const withBit = (set: number, bit: number) => (hasBit(set, bit) ? set : set + 2 ** bit)

/**
 * A window's visits summarised for all of a report's measures (a year has hundreds of thousands
 * of visits and a report dozens of visit measures): per bucket the visits and persons, and for
 * the distinct counts, how many matters (and sessions) occur in exactly each set of buckets. A
 * measure then adds up the buckets its criteria select, and the matters whose set meets them:
 * the same numbers as filtering the visits themselves.
 */
export interface VisitSummary {
  /** bucket bit → visits and persons (visits × persons of each) */
  buckets: Map<number, { visits: number; persons: number }>
  /** bucket set → number of matters / sessions with exactly that set */
  matters: Map<number, number>
  sessions: Map<number, number>
}

export const emptyVisitSummary = (): VisitSummary => ({ buckets: new Map(), matters: new Map(), sessions: new Map() })

/**
 * The summary of grouped visit rows, in memory. The database computes the same summary in SQL for
 * a report (src/db/reports.ts visitSummary); this is its definition, which the tests compare with.
 */
export function summariseVisits(rows: readonly VisitGroupRow[], threshold: number): VisitSummary {
  const summary = emptyVisitSummary()
  const matterSets = new Map<string, number>()
  const sessionSets = new Map<string, number>()
  for (const row of matterLevelFirstTime(rows)) {
    const bit = visitBucketBit({ kind: row.kind, category: row.category, large: isLargeGroup(row.persons, threshold), firstTime: row.firstTime })
    const bucket = summary.buckets.get(bit) ?? { visits: 0, persons: 0 }
    bucket.visits += row.visits
    bucket.persons += row.visits * row.persons
    summary.buckets.set(bit, bucket)
    matterSets.set(row.matterId, withBit(matterSets.get(row.matterId) ?? 0, bit))
    if (row.sessionId !== null) sessionSets.set(row.sessionId, withBit(sessionSets.get(row.sessionId) ?? 0, bit))
  }
  for (const [sets, into] of [[matterSets, summary.matters], [sessionSets, summary.sessions]] as const) {
    for (const set of sets.values()) into.set(set, (into.get(set) ?? 0) + 1)
  }
  return summary
}

function evaluateVisits(of: 'visits' | 'persons' | 'visitMatters' | 'sessions', where: VisitCriteria, summary: VisitSummary): number {
  const selected = VISIT_BUCKETS.map((b) => bucketMatches(where, b))
  if (of === 'visits' || of === 'persons') {
    let n = 0
    for (const [bit, bucket] of summary.buckets) if (selected[bit]) n += bucket[of]
    return n
  }
  const meets = (set: number) => selected.some((yes, bit) => yes && hasBit(set, bit))
  let n = 0
  for (const [set, count] of of === 'visitMatters' ? summary.matters : summary.sessions) if (meets(set)) n += count
  return n
}

// ----- replies to forwarded letters -------------------------------------------------------------

export type ForwardingKind = 'huong_dan' | 'chuyen_don' | 'don_doc'

/** Replies (văn bản phúc đáp) received in the window, by forwarding kind and the letter's channel. */
export interface ReplyCell {
  kind: ForwardingKind
  channel: Channel
  n: number
}

export interface ReplyCriteria {
  kind?: readonly ForwardingKind[]
  channel?: readonly Channel[]
}

export const replyMatches = (c: ReplyCriteria, cell: ReplyCell) => within(c.kind, cell.kind) && within(c.channel, cell.channel)

// ----- measures ---------------------------------------------------------------------------------

/** Named sets of letters whose distinct matters some forms count (see MATTER_SCOPES). */
export type MatterScope = 'xld_du_dieu_kien' | 'tcd_qua_tiep_dan'

export type Measure =
  | { of: 'letters'; where: LetterCriteria }
  /**
   * Distinct matters of the letters in `scope` (whose criteria are `scopeWhere`), each classified
   * by its latest letter there: the cells of those representative letters.
   */
  | { of: 'letterMatters'; scope: MatterScope; scopeWhere: LetterCriteria; where?: LetterCriteria }
  | { of: 'visits' | 'persons' | 'visitMatters' | 'sessions'; where: VisitCriteria }
  | { of: 'replies'; where: ReplyCriteria }

/** Everything a report is computed from: the grouped counts of each table for one window. */
export interface ReportData {
  window: ReportWindow
  largeGroupThreshold: number
  letters: LetterCell[]
  /** Cells of the representative (latest) letter of each matter, per scope. */
  matters: Partial<Record<MatterScope, LetterCell[]>>
  /** The window's visits, summarised (summariseVisits). */
  visits: VisitSummary
  replies: ReplyCell[]
}

const sum = (xs: Iterable<number>) => {
  let total = 0
  for (const x of xs) total += x
  return total
}

/** The value of a measure over the report's data. Pure; the only way a number is computed. */
export function evaluate(m: Measure, data: ReportData): number {
  switch (m.of) {
    case 'letters':
      return sum(data.letters.filter((cell) => letterMatches(m.where, cell)).map((cell) => cell.n))
    case 'letterMatters': {
      const cells = data.matters[m.scope]
      if (!cells) throw new Error(`matters of scope ${m.scope} were not loaded`)
      // the representatives are in the scope; checking it again makes the partitions hold for any cells
      return sum(cells.filter((cell) => letterMatches(m.scopeWhere, cell) && letterMatches(m.where ?? {}, cell)).map((cell) => cell.n))
    }
    case 'visits':
    case 'persons':
    case 'visitMatters':
    case 'sessions':
      return evaluateVisits(m.of, m.where, data.visits)
    case 'replies':
      return sum(data.replies.filter((cell) => replyMatches(m.where, cell)).map((cell) => cell.n))
  }
}
