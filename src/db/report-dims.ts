/**
 * The report dimensions of a letter and of a visit as SQL expressions, and the criteria of
 * src/domain/tallies.ts compiled to WHERE clauses. The report's GROUP BY queries
 * (src/db/reports.ts) and the drill-down lists (listLetters, listReceptions) both use this
 * module, so a tally and the list behind it are the same set of records by construction.
 *
 * Dialect-neutral: plain comparisons, CASE, EXISTS and `||`; the two facts-derived dimensions
 * are generated columns of migrations/0002_report_dimensions.sql.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import { vnDayEndInstant, vnDayStartInstant, type ReportWindow } from '../domain/report-window.ts'
import type { LetterCriteria, VisitCategory, VisitCriteria } from '../domain/tallies.ts'
import type { Database } from './schema.ts'

type LettersEb = ExpressionBuilder<Database, 'letters'>

/** Generated columns (migration 0002), not part of the insertable schema type. */
export const reportContentType = sql.ref<string>('letters.report_content_type')
export const resolutionStage = sql.ref<string>('letters.resolution_stage')

/** Decided by the end of Vietnam day `to`, or at all when there is no `to`. */
export const decidedBy = (eb: LettersEb, to: string | undefined): Expression<SqlBool> =>
  to === undefined ? eb('letters.decided_at', 'is not', null) : eb('letters.decided_at', '<', vnDayEndInstant(to))

export const notDecidedBy = (eb: LettersEb, to: string | undefined): Expression<SqlBool> =>
  to === undefined ? eb('letters.decided_at', 'is', null) : eb.or([eb('letters.decided_at', 'is', null), eb('letters.decided_at', '>=', vnDayEndInstant(to))])

export const resolvedBy = (eb: LettersEb, to: string | undefined): Expression<SqlBool> =>
  to === undefined ? eb('letters.resolved_at', 'is not', null) : eb('letters.resolved_at', '<', vnDayEndInstant(to))

const notResolvedBy = (eb: LettersEb, to: string | undefined): Expression<SqlBool> =>
  to === undefined ? eb('letters.resolved_at', 'is', null) : eb.or([eb('letters.resolved_at', 'is', null), eb('letters.resolved_at', '>=', vnDayEndInstant(to))])

/** Not handled when day `from` began: carried over into a window starting that day. */
export const pendingAt = (eb: LettersEb, from: string): Expression<SqlBool> =>
  eb.or([eb('letters.decided_at', 'is', null), eb('letters.decided_at', '>=', vnDayStartInstant(from))])

/** Received in the window (inclusive); either bound may be absent. */
export function receivedIn(eb: LettersEb, w: Partial<ReportWindow>): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (w.from !== undefined) parts.push(eb('letters.received_at', '>=', w.from))
  if (w.to !== undefined) parts.push(eb('letters.received_at', '<=', w.to))
  return eb.and(parts)
}

/** Received before the window and not handled by its start (kỳ trước chuyển sang). */
export const carriedInto = (eb: LettersEb, from: string): Expression<SqlBool> =>
  eb.and([eb('letters.received_at', '<', from), pendingAt(eb, from)])

/** The letters a window concerns: received in it or carried into it. */
export const toHandleIn = (eb: LettersEb, w: ReportWindow): Expression<SqlBool> =>
  eb.and([eb('letters.received_at', '<=', w.to), eb.or([eb('letters.received_at', '>=', w.from), pendingAt(eb, w.from)])])

/**
 * Letter criteria as a WHERE clause for the window `w` (cohorts need `from`). "decided",
 * "outcome" and "resolved" are judged at the end of day `asOf` (the window's last day by
 * default), or now when there is none.
 */
export function letterCriteriaWhere(eb: LettersEb, c: LetterCriteria, w: Partial<ReportWindow>, asOf: string | undefined = w.to): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (c.cohort !== undefined) {
    const carried = c.cohort.includes('ky_truoc')
    const received = c.cohort.includes('trong_ky')
    if (carried && w.from === undefined) throw new Error('carried-over letters need the window start')
    if (carried && received) parts.push(w.to === undefined ? eb.or([eb('letters.received_at', '>=', w.from!), pendingAt(eb, w.from!)]) : toHandleIn(eb, w as ReportWindow))
    else if (carried) parts.push(carriedInto(eb, w.from!))
    else if (received) parts.push(receivedIn(eb, w))
    else parts.push(sql<SqlBool>`1 = 0`)
  }
  if (c.track !== undefined) parts.push(eb('letters.track', '=', c.track))
  if (c.signerGroup !== undefined) parts.push(eb('letters.signer_group', 'in', [...c.signerGroup]))
  if (c.contentType !== undefined) parts.push(eb('letters.content_type', 'in', [...c.contentType]))
  if (c.countedAs !== undefined) parts.push(eb(reportContentType, 'in', [...c.countedAs]))
  if (c.channel !== undefined) parts.push(eb('letters.channel', 'in', [...c.channel]))
  if (c.decided === true || c.outcome !== undefined) parts.push(decidedBy(eb, asOf))
  if (c.decided === false) parts.push(notDecidedBy(eb, asOf))
  if (c.outcome !== undefined) parts.push(eb('letters.outcome', 'in', [...c.outcome]))
  if (c.stage !== undefined) parts.push(eb(resolutionStage, 'in', [...c.stage]))
  if (c.resolved !== undefined) parts.push(eb('letters.track', '=', 'quy_dinh_hanh_chinh'))
  if (c.resolved === true) parts.push(resolvedBy(eb, asOf))
  if (c.resolved === false) parts.push(notResolvedBy(eb, asOf))
  // an empty list matches nothing, as in the domain
  for (const list of [c.cohort, c.signerGroup, c.contentType, c.countedAs, c.channel, c.outcome, c.stage]) {
    if (list !== undefined && list.length === 0) parts.push(sql<SqlBool>`1 = 0`)
  }
  return eb.and(parts)
}

/**
 * Whether a letter was handled on time, judged at the end of `to`: decided on or before its due
 * date (dung_han), decided later or still undecided once the due date has passed (qua_han),
 * undecided and not yet due (chua_den_han), no due date (khong_han).
 */
export const TIMELINESS = {
  dung_han: 'Đúng hạn',
  qua_han: 'Quá hạn',
  chua_den_han: 'Chưa đến hạn',
  khong_han: 'Không có hạn',
} as const
export type Timeliness = keyof typeof TIMELINESS

export function timeliness(eb: LettersEb, to: string) {
  // the due date is a Vietnam date: on time means decided before that day ended
  const dueEnd = sql<string>`${eb.ref('letters.due_date')} || ${'T17:00:00.000Z'}`
  return eb
    .case()
    .when('letters.due_date', 'is', null)
    .then(sql.lit('khong_han'))
    .when('letters.decided_at', '<', vnDayEndInstant(to))
    .then(eb.case().when('letters.decided_at', '<', dueEnd).then(sql.lit('dung_han')).else(sql.lit('qua_han')).end())
    .when('letters.due_date', '<=', to)
    .then(sql.lit('qua_han'))
    .else(sql.lit('chua_den_han'))
    .end()
}

/** A matter's key: its id, or the letter's own number for a letter without a matter. */
export const matterKey = (eb: LettersEb) => eb.fn.coalesce('letters.matter_id', eb.cast<string>('letters.seq', 'text'))

/** The latest letter of each matter among the letters matching `scope`: one letter per matter. */
export const latestOfEachMatter = (eb: LettersEb, scope: LetterCriteria, w: Partial<ReportWindow>, agency?: string | null, asOf: string | undefined = w.to): Expression<SqlBool> =>
  eb(
    // `+seq`: test membership while reading the letters in index order, not look each
    // representative up by rowid (hundreds of thousands of scattered reads of whole rows in a year)
    sql<number>`+${sql.ref('letters.seq')}`,
    'in',
    eb
      .selectFrom('letters')
      .select((inner) => inner.fn.max('letters.seq').as('seq'))
      .where((inner) => inner.and([letterCriteriaWhere(inner, scope, w, asOf), agency ? inner('letters.competent_agency_code', '=', agency) : inner.and([])]))
      .groupBy(matterKey),
  )

/** The report's filters of the letters list (listLetters `report`). */
export interface LetterReportFilter {
  criteria?: LetterCriteria
  /** The window the cohorts are taken in. */
  window?: Partial<ReportWindow>
  /** The day at whose end decisions, outcomes, resolution and timeliness are judged (now when absent). */
  asOf?: string
  /** One letter per matter: the latest among the letters of this scope (then `criteria` applies to it). */
  matterScope?: LetterCriteria
  /** The agency the matter scope is restricted to (as the report's `agency`). */
  agency?: string | null
  eligible?: boolean
  withinCompetence?: boolean
  timeliness?: Timeliness
}

export function letterReportWhere(eb: LettersEb, f: LetterReportFilter): Expression<SqlBool> {
  const w = f.window ?? {}
  const parts: Expression<SqlBool>[] = []
  if (f.criteria) parts.push(letterCriteriaWhere(eb, f.criteria, w, f.asOf))
  if (f.matterScope) parts.push(latestOfEachMatter(eb, f.matterScope, w, f.agency, f.asOf))
  if (f.eligible !== undefined) parts.push(eb('letters.eligible', '=', f.eligible ? 1 : 0))
  if (f.withinCompetence !== undefined) parts.push(eb('letters.within_competence', '=', f.withinCompetence ? 1 : 0))
  if (f.timeliness !== undefined) {
    if (f.asOf === undefined) throw new Error('timeliness is judged at a date')
    parts.push(eb(timeliness(eb, f.asOf), '=', f.timeliness))
  }
  return eb.and(parts)
}

// ----- visits -------------------------------------------------------------------------------------

type VisitsEb = ExpressionBuilder<Database, 'receptions'>

/**
 * Biểu 01/TCD column group of a visit: regular reception, an authorised deputy's session, or the
 * head's own. Kept on the visit by the triggers of migrations/0009 from its session's
 * `delegated` flag.
 */
export const visitCategory = sql.ref<VisitCategory>('receptions.category')

/**
 * The visit's matter was received before day `from`: not received for the first time. The
 * matter's first day is kept on each of its visits by the triggers of migrations/0009.
 */
export const visitedBefore = (eb: VisitsEb, from: string) => eb('receptions.matter_first_on', '<', from)

/** Visit criteria as a WHERE clause for the window (either bound may be absent; first-time needs `from`). */
export function visitCriteriaWhere(eb: VisitsEb, c: VisitCriteria, w: Partial<ReportWindow>, largeGroupThreshold: number): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (w.from !== undefined) parts.push(eb('receptions.date', '>=', w.from))
  if (w.to !== undefined) parts.push(eb('receptions.date', '<=', w.to))
  if (c.category !== undefined) parts.push(eb(visitCategory, 'in', [...c.category]))
  if (c.kind !== undefined) parts.push(eb('receptions.kind', 'in', [...c.kind]))
  if (c.large === true) parts.push(eb('receptions.persons', '>=', largeGroupThreshold))
  if (c.large === false) parts.push(eb('receptions.persons', '<', largeGroupThreshold))
  if (c.firstTime !== undefined && w.from === undefined) throw new Error('first-time visits need the window start')
  if (c.firstTime === true) parts.push(eb.not(visitedBefore(eb, w.from!)))
  if (c.firstTime === false) parts.push(visitedBefore(eb, w.from!))
  for (const list of [c.category, c.kind]) if (list !== undefined && list.length === 0) parts.push(sql<SqlBool>`1 = 0`)
  return eb.and(parts)
}
