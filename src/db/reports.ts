/**
 * The report's reads: one GROUP BY query per table (letters, replies) returning counts per
 * combination of report dimensions, the visits summarised per bucket and per set of buckets
 * (the definition is summariseVisits of src/domain/tallies.ts; the buckets' codes come from
 * there), plus the per-matter representatives some forms count and the chart series. Which
 * numbers a report shows and how they add up is decided by the pure functions of
 * src/domain/tallies.ts, not here.
 *
 * The letter query groups by the leading columns of the `letters_report` index in its order and
 * counts the time conditions with CASE, so SQLite scans that index once, without sorting and
 * without reading the table.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Channel, ContentType, Outcome, SignerGroup, SingleContentType } from '../domain/codes.ts'
import { MATTER_SCOPES } from '../domain/report-measures.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import {
  letterCells,
  type ForwardingKind,
  type LetterCell,
  type LetterGroupRow,
  type MatterScope,
  type ReplyCell,
  type ReplyCriteria,
  type ReportData,
  type ResolutionStage,
  type Track,
  type VisitSummary,
  RECEPTION_KIND_ORDER,
  VISIT_CATEGORY_ORDER,
  emptyVisitSummary,
} from '../domain/tallies.ts'
import type { Db } from './db.ts'
import {
  decidedBy,
  latestOfEachMatter,
  receivedIn,
  reportContentType,
  resolutionStage,
  resolvedBy,
  timeliness,
  toHandleIn,
  visitCategoryOf,
  visitedBefore,
  type Timeliness,
} from './report-dims.ts'
import type { Database } from './schema.ts'

type LettersEb = ExpressionBuilder<Database, 'letters'>

/** Letters of one competent agency only (the report's `agency` extension). */
export const ofAgency = (eb: LettersEb, agency: string | null | undefined): Expression<SqlBool> =>
  agency ? eb('letters.competent_agency_code', '=', agency) : eb.and([])

const countWhen = (eb: LettersEb, condition: Expression<SqlBool>) => eb.fn.count<number>(eb.case().when(condition).then(sql.lit(1)).end())

/**
 * The SELECT list shared by the letter query and the per-matter representative query. The rows
 * are those received in the window or carried into it (toHandleIn), so "received" alone tells
 * the two cohorts apart. Resolution is tracked for NĐ 20/2008 feedback only; the TT05 query does
 * not pay for it.
 */
function letterGroupSelect(eb: LettersEb, w: ReportWindow, withResolved: boolean) {
  const received = eb('letters.received_at', '>=', w.from)
  const decided = decidedBy(eb, w.to)
  const resolved = resolvedBy(eb, w.to)
  const zero = sql.lit(0)
  return [
    'letters.track',
    'letters.signer_group',
    'letters.content_type',
    reportContentType.as('counted_as'),
    'letters.channel',
    'letters.outcome',
    resolutionStage.as('stage'),
    eb.fn.countAll<number>().as('n'),
    countWhen(eb, received).as('r'),
    countWhen(eb, decided).as('d'),
    countWhen(eb, eb.and([received, decided])).as('rd'),
    (withResolved ? countWhen(eb, resolved) : zero).as('s'),
    (withResolved ? countWhen(eb, eb.and([received, resolved])) : zero).as('rs'),
    (withResolved ? countWhen(eb, eb.and([decided, resolved])) : zero).as('ds'),
    (withResolved ? countWhen(eb, eb.and([received, decided, resolved])) : zero).as('rds'),
  ] as const
}

// the GROUP BY of letterGroupSelect, in the order of the letters_report index
const LETTER_GROUP_BY = ['letters.track', 'letters.signer_group', 'letters.content_type', reportContentType, 'letters.channel', 'letters.outcome', resolutionStage] as const

interface RawLetterGroup {
  track: string
  signer_group: string
  content_type: string
  counted_as: string
  channel: string
  outcome: string | null
  stage: string
  n: number | string
  r: number | string
  d: number | string
  rd: number | string
  s: number | string
  rs: number | string
  ds: number | string
  rds: number | string
}

const toGroupRow = (row: RawLetterGroup): LetterGroupRow => ({
  track: row.track as Track,
  signerGroup: row.signer_group as SignerGroup,
  contentType: row.content_type as ContentType,
  countedAs: row.counted_as as SingleContentType,
  channel: row.channel as Channel,
  outcome: row.outcome as Outcome | null,
  stage: row.stage as ResolutionStage,
  n: Number(row.n),
  r: Number(row.r),
  d: Number(row.d),
  rd: Number(row.rd),
  s: Number(row.s),
  rs: Number(row.rs),
  ds: Number(row.ds),
  rds: Number(row.rds),
})

const TRACKS: ReadonlyArray<[Track, boolean]> = [
  ['don_thu', false],
  ['quy_dinh_hanh_chinh', true],
]

/** Letters received in the window or carried into it, grouped by their report dimensions (one query per track). */
export async function letterGroups(db: Db, w: ReportWindow, agency?: string | null): Promise<LetterGroupRow[]> {
  const perTrack = await Promise.all(
    TRACKS.map(([track, withResolved]) =>
      db.kysely
        .selectFrom('letters')
        .select((eb) => letterGroupSelect(eb, w, withResolved))
        .where('letters.track', '=', track)
        .where((eb) => eb.and([toHandleIn(eb, w), ofAgency(eb, agency)]))
        .groupBy([...LETTER_GROUP_BY])
        .execute(),
    ),
  )
  return perTrack.flatMap((rows) => (rows as unknown as RawLetterGroup[]).map(toGroupRow))
}

/**
 * The latest letter of each matter among the letters of a scope, grouped like letterGroups: a
 * matter is counted once, under the dimensions of that letter.
 */
export async function matterGroups(db: Db, w: ReportWindow, scope: MatterScope, agency?: string | null): Promise<LetterGroupRow[]> {
  const criteria = MATTER_SCOPES[scope]
  const rows = await db.kysely
    .selectFrom('letters')
    .select((eb) => letterGroupSelect(eb, w, criteria.track !== 'don_thu'))
    .where((eb) => latestOfEachMatter(eb, criteria, w, agency))
    .groupBy([...LETTER_GROUP_BY])
    .execute()
  return (rows as unknown as RawLetterGroup[]).map(toGroupRow)
}

/**
 * Whether the window holds most of the dates of `column` (half of its span or more). Then it is
 * cheaper to read the whole of a covering index in the order the query groups or joins by than to
 * read the window's range and sort it; for a short window in a long history, the other way round.
 * Two index seeks (min, max).
 */
async function windowCoversMost(db: Db, table: 'receptions' | 'forwardings', column: 'date' | 'replied_on', w: ReportWindow): Promise<boolean> {
  // two queries: SQLite answers a lone min() or max() of an indexed column with one seek each
  const [first, last] = await Promise.all(
    (['min', 'max'] as const).map(async (fn) => (await db.kysely.selectFrom(table).select((eb) => eb.fn[fn]<string>(sql.ref(column)).as('v')).executeTakeFirst())?.v ?? null),
  )
  if (!first || !last) return false
  const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1
  const covered = days(first > w.from ? first : w.from, last < w.to ? last : w.to)
  return covered >= days(first, last) / 2
}

/**
 * `column`, or `+column` when the query should not use an index on it: SQLite's documented way to
 * steer its choice, here towards the covering index that already has the rows in grouping order.
 */
const unindexed = (column: string, yes: boolean) => (yes ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`)

/**
 * The window's visits summarised in SQL, exactly as summariseVisits of src/domain/tallies.ts
 * does in memory: visits and persons per bucket, and how many matters and sessions have each set
 * of buckets. A year holds hundreds of thousands of (matter, kind, persons, session) groups;
 * turning each into a JavaScript object cost more than the query, and memory the server kept,
 * so only the summary (a few hundred rows) leaves the database.
 *
 * `g0` groups the visits by their own columns (in the order of the covering index
 * receptions_by_matter, read whole without sorting when the window holds most visits, else the
 * window's range of receptions_report); first time is a function of the matter, evaluated once
 * per group. `g` (materialised once) gives each group its bucket bit (visitBucketBit); the three
 * parts of the UNION read it. A set is `sum(DISTINCT 1 << bit)`: the bitwise OR of the bits.
 */
export async function visitSummary(db: Db, w: ReportWindow, largeGroupThreshold: number): Promise<VisitSummary> {
  const date = unindexed('receptions.date', await windowCoversMost(db, 'receptions', 'date', w))
  const g0 = db.kysely
    .selectFrom('receptions')
    .select((eb) => [
      'receptions.matter_id',
      'receptions.kind',
      'receptions.persons',
      'receptions.session_id',
      eb.case().when(visitedBefore(eb, w.from)).then(sql.lit(0)).else(sql.lit(1)).end().as('first_time'),
      eb.fn.countAll<number>().as('visits'),
    ])
    .where(date, '>=', w.from)
    .where(date, '<=', w.to)
    .groupBy(['receptions.matter_id', 'receptions.kind', 'receptions.persons', 'receptions.session_id'])
    .as('g0')
  // a code's place in its order (no ELSE: an unknown code gives NULL, refused below)
  const index = (column: string, order: readonly string[]) =>
    sql<number>`(CASE ${sql.ref(column)} ${sql.join(
      order.map((value, i) => sql`WHEN ${sql.lit(value)} THEN ${sql.lit(i)}`),
      sql` `,
    )} END)`
  const bucketBit = sql<number>`${index('g0.kind', RECEPTION_KIND_ORDER)} * 12 + ${index('g0.category', VISIT_CATEGORY_ORDER)} * 4 + (CASE WHEN g0.persons >= ${largeGroupThreshold} THEN 2 ELSE 0 END) + g0.first_time`
  const bitSet = sql<number>`sum(DISTINCT 1 << g.bit)`
  const rows = await db.kysely
    .with(
      (cte) => cte('g').materialized(),
      (qb) =>
        qb
          .selectFrom(
            qb
              .selectFrom(g0)
              .leftJoin('reception_sessions', 'reception_sessions.id', 'g0.session_id')
              .select([
                'g0.matter_id',
                'g0.session_id',
                'g0.kind',
                'g0.persons',
                'g0.first_time',
                'g0.visits',
                visitCategoryOf('g0.kind', 'reception_sessions.delegated').as('category'),
              ])
              .as('g0'),
          )
          .select(['g0.matter_id', 'g0.session_id', bucketBit.as('bit'), 'g0.visits', sql<number>`g0.visits * g0.persons`.as('persons')]),
    )
    .selectFrom('g')
    .select((eb) => [sql.lit('bucket').as('part'), 'g.bit as key', eb.fn.sum<number>('g.visits').as('n'), eb.fn.sum<number>('g.persons').as('persons')])
    .groupBy('g.bit')
    .unionAll((eb) =>
      eb
        .selectFrom(eb.selectFrom('g').select(bitSet.as('key')).groupBy('g.matter_id').as('m'))
        .select((eb) => [sql.lit('matters').as('part'), 'm.key', eb.fn.countAll<number>().as('n'), sql.lit(0).as('persons')])
        .groupBy('m.key'),
    )
    .unionAll((eb) =>
      eb
        .selectFrom(eb.selectFrom('g').select(bitSet.as('key')).where('g.session_id', 'is not', null).groupBy('g.session_id').as('s'))
        .select((eb) => [sql.lit('sessions').as('part'), 's.key', eb.fn.countAll<number>().as('n'), sql.lit(0).as('persons')])
        .groupBy('s.key'),
    )
    .execute()
  const summary = emptyVisitSummary()
  for (const r of rows) {
    // the CHECK constraints on kind make this impossible; a silent bucket 0 would be a wrong number
    if (r.key === null) throw new Error('a visit of an unknown kind or category')
    const key = Number(r.key)
    if (r.part === 'bucket') summary.buckets.set(key, { visits: Number(r.n), persons: Number(r.persons) })
    else summary[r.part === 'matters' ? 'matters' : 'sessions'].set(key, Number(r.n))
  }
  return summary
}

/**
 * The forwardings replied in the window joined to their letters. CROSS JOIN fixes SQLite's join
 * order: forwardings first, then each one's letter by id from the covering index letters_id_dims
 * (migration 0004); left to itself the planner scanned every letter of the track instead. When the
 * window holds most replies, the forwardings are read in letter order (covering index
 * forwardings_letter_reply), so consecutive letter lookups touch neighbouring index pages.
 */
const repliesOfWindow = (db: Db) =>
  db.kysely.selectFrom('forwardings').crossJoin('letters').whereRef('letters.id', '=', 'forwardings.letter_id')

/** Replies (văn bản phúc đáp) received in the window for TT05 letters sent out. */
export async function replyGroups(db: Db, w: ReportWindow, agency?: string | null): Promise<ReplyCell[]> {
  const repliedOn = unindexed('forwardings.replied_on', await windowCoversMost(db, 'forwardings', 'replied_on', w))
  const rows = await repliesOfWindow(db)
    .select((eb) => ['forwardings.kind', 'letters.channel', eb.fn.countAll<number>().as('n')])
    .where(repliedOn, '>=', w.from)
    .where(repliedOn, '<=', w.to)
    .where('letters.track', '=', 'don_thu')
    .where((eb) => ofAgency(eb, agency))
    .groupBy(['forwardings.kind', 'letters.channel'])
    .execute()
  return rows.map((r) => ({ kind: r.kind as ForwardingKind, channel: r.channel as Channel, n: Number(r.n) }))
}

export interface LoadOptions {
  agency?: string | null
  largeGroupThreshold: number
  /** The per-matter scopes to load (only the forms need them). */
  scopes?: readonly MatterScope[]
}

/** Everything one report is computed from. */
export async function loadReportData(db: Db, w: ReportWindow, o: LoadOptions): Promise<ReportData> {
  const scopes = o.scopes ?? []
  const [letters, visits, replies, ...matters] = await Promise.all([
    letterGroups(db, w, o.agency),
    visitSummary(db, w, o.largeGroupThreshold),
    replyGroups(db, w, o.agency),
    ...scopes.map((scope) => matterGroups(db, w, scope, o.agency)),
  ])
  const matterCells: Partial<Record<MatterScope, LetterCell[]>> = {}
  scopes.forEach((scope, i) => {
    matterCells[scope] = letterCells(matters[i]!)
  })
  return { window: w, largeGroupThreshold: o.largeGroupThreshold, letters: letterCells(letters), matters: matterCells, visits, replies }
}

// ----- charts -------------------------------------------------------------------------------------

export interface MonthRow {
  month: string
  contentType: ContentType
  n: number
}

export interface FieldRow {
  field: string | null
  contentType: ContentType
  n: number
}

export interface TimelinessRow {
  agencyCode: string | null
  timeliness: Timeliness
  n: number
}

export interface ChartRows {
  /** TT05 letters received in the window per calendar month and content type. */
  months: MonthRow[]
  /** … per field of state management and content type. */
  fields: FieldRow[]
  /** … per competent agency and whether handled on time, judged at the end of day `asOf`. */
  timeliness: TimelinessRow[]
}

/**
 * The three charts' counts from one pass over the window's TT05 letters: grouped by month, field,
 * content type, competent agency and timeliness together (a few thousand groups a year), then
 * summed three ways here. Each GROUP BY sorts every letter of the year; one sort instead of three
 * took a national year's charts from 2.3 s to about 1.6 s.
 */
export async function chartRows(db: Db, w: ReportWindow, agency: string | null | undefined, asOf: string = w.to): Promise<ChartRows> {
  const month = sql<string>`substr(letters.received_at, 1, 7)`
  const rows = await db.kysely
    .selectFrom('letters')
    .select((eb) => [
      month.as('month'),
      'letters.field',
      'letters.content_type',
      'letters.competent_agency_code',
      timeliness(eb, asOf).as('timeliness'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('letters.track', '=', 'don_thu')
    .where((eb) => eb.and([receivedIn(eb, w), ofAgency(eb, agency)]))
    .groupBy((eb) => [month, 'letters.field', 'letters.content_type', 'letters.competent_agency_code', timeliness(eb, asOf)])
    .execute()
  const sumBy = <T extends { n: number }>(key: (r: (typeof rows)[number]) => string, make: (r: (typeof rows)[number]) => Omit<T, 'n'>): T[] => {
    const out = new Map<string, T>()
    for (const r of rows) {
      const k = key(r)
      const row = out.get(k) ?? ({ ...make(r), n: 0 } as T)
      row.n += Number(r.n)
      out.set(k, row)
    }
    return [...out.values()]
  }
  return {
    months: sumBy<MonthRow>((r) => `${r.month}|${r.content_type}`, (r) => ({ month: r.month, contentType: r.content_type as ContentType })),
    fields: sumBy<FieldRow>((r) => `${r.field ?? ''}|${r.field === null}|${r.content_type}`, (r) => ({ field: r.field, contentType: r.content_type as ContentType })),
    timeliness: sumBy<TimelinessRow>(
      (r) => `${r.competent_agency_code ?? ''}|${r.competent_agency_code === null}|${r.timeliness}`,
      (r) => ({ agencyCode: r.competent_agency_code, timeliness: r.timeliness as Timeliness }),
    ),
  }
}

// ----- replies list (drill-down) ------------------------------------------------------------------

export interface ReplyListItem {
  id: string
  letterId: string
  letterCode: string
  agencyCode: string
  kind: ForwardingKind
  sentOn: string
  repliedOn: string
  replyNumber: string | null
  channel: Channel
}

/** The replies behind a reply measure, newest first. */
export async function listReplies(db: Db, w: ReportWindow, c: ReplyCriteria, agency?: string | null, limit = 100_000): Promise<ReplyListItem[]> {
  let query = repliesOfWindow(db)
    .select([
      'forwardings.id',
      'forwardings.letter_id',
      'letters.code',
      'forwardings.agency_code',
      'forwardings.kind',
      'forwardings.sent_on',
      'forwardings.replied_on',
      'forwardings.reply_number',
      'letters.channel',
    ])
    .where('forwardings.replied_on', '>=', w.from)
    .where('forwardings.replied_on', '<=', w.to)
    .where('letters.track', '=', 'don_thu')
    .where((eb) => ofAgency(eb, agency))
  if (c.kind !== undefined) query = query.where((eb) => (c.kind!.length > 0 ? eb('forwardings.kind', 'in', [...c.kind!]) : sql<SqlBool>`1 = 0`))
  if (c.channel !== undefined) query = query.where((eb) => (c.channel!.length > 0 ? eb('letters.channel', 'in', [...c.channel!]) : sql<SqlBool>`1 = 0`))
  const rows = await query.orderBy('forwardings.replied_on', 'desc').orderBy('forwardings.id').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    letterId: r.letter_id,
    letterCode: r.code,
    agencyCode: r.agency_code,
    kind: r.kind,
    sentOn: r.sent_on,
    repliedOn: r.replied_on!,
    replyNumber: r.reply_number,
    channel: r.channel as Channel,
  }))
}
