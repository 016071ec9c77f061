/**
 * The records behind a report number: a list kind and its query parameters (report-links.ts)
 * read with the same parsers as the JSON API, then listed — a page at a time for the drill-down
 * page, all of them for the exports. Letter rows never carry senders.
 */
import * as v from 'valibot'
import { vnDateOf } from '../domain/calendar.ts'
import { CHANNELS, codesOf } from '../domain/codes.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import type { ForwardingKind } from '../domain/tallies.ts'
import type { Db } from '../db/db.ts'
import { countLetters, listLetters, type LetterFilter, type LetterListItem } from '../db/letters.ts'
import { countReceptions, listReceptions, listVisitedMatters, listVisitedSessions, type ReceptionListItem, type VisitedMatter, type VisitedSession } from '../db/receptions.ts'
import { listReplies, type ReplyListItem } from '../db/reports.ts'
import type { FieldError } from './errors.ts'
import { LETTER_LIST_PARAMS, letterFilterOf, letterParamProblems } from './letter-query.ts'
import type { ListKind } from './report-links.ts'
import { fieldErrors, isoDate } from './validation.ts'
import { VisitListQuery, visitFilterOf, visitParamProblems } from './visit-query.ts'

/** Rows per page of the drill-down page. */
export const RECORDS_PAGE_SIZE = 500
/** Rows of an export at most. */
export const RECORDS_EXPORT_LIMIT = 100_000

const LetterParams = v.object({
  ...LETTER_LIST_PARAMS,
  from: v.optional(isoDate('Ngày bắt đầu phải có dạng YYYY-MM-DD.')),
  to: v.optional(isoDate('Ngày kết thúc phải có dạng YYYY-MM-DD.')),
  track: v.optional(v.picklist(['don_thu', 'quy_dinh_hanh_chinh'], 'Luồng phải là don_thu hoặc quy_dinh_hanh_chinh.')),
  agency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{2,64}$/, 'Mã cơ quan không hợp lệ.'))),
  field: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,64}$/, 'Mã lĩnh vực không hợp lệ.'))),
})

const KINDS = ['huong_dan', 'chuyen_don', 'don_doc'] as const satisfies readonly ForwardingKind[]
const ReplyParams = v.object({
  from: isoDate('Ngày bắt đầu phải có dạng YYYY-MM-DD.'),
  to: isoDate('Ngày kết thúc phải có dạng YYYY-MM-DD.'),
  kind: v.optional(v.pipe(v.string(), v.transform((s) => s.split(',').filter(Boolean)), v.check((l) => l.every((x) => (KINDS as readonly string[]).includes(x)), 'Loại văn bản không hợp lệ.'), v.transform((l) => l as ForwardingKind[]))),
  channel: v.optional(v.pipe(v.string(), v.transform((s) => s.split(',').filter(Boolean)), v.check((l) => l.every((x) => (codesOf(CHANNELS) as string[]).includes(x)), 'Nguồn đơn không hợp lệ.'), v.transform((l) => l as Array<keyof typeof CHANNELS>))),
  agency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{2,64}$/, 'Mã cơ quan không hợp lệ.'))),
})

export type Records =
  | { kind: 'don'; total: number; rows: LetterListItem[]; nextCursor: string | null }
  | { kind: 'luot'; total: number; persons: number; rows: ReceptionListItem[]; nextCursor: string | null }
  | { kind: 'vu-viec'; total: number; rows: VisitedMatter[]; nextCursor: null }
  | { kind: 'ky-tiep'; total: number; rows: VisitedSession[]; nextCursor: null }
  | { kind: 'phuc-dap'; total: number; rows: ReplyListItem[]; nextCursor: null }

export interface RecordsRequest {
  kind: ListKind
  params: URLSearchParams
  /** A cursor (letters and visits), or null for the first page. */
  cursor: string | null
  /** How many rows at most. */
  limit: number
  largeGroupThreshold: number
  /** Today (Vietnam), for filters judged "now". */
  now: Date
  /** The viewer may search denouncers' identities (never shown here, but the search obeys it). */
  searchIdentityOfDenunciations: boolean
}

export type RecordsResult = { ok: true; records: Records } | { ok: false; errors: FieldError[] }

const plain = (params: URLSearchParams) => Object.fromEntries([...params].filter(([k]) => k !== 'loai' && k !== 'sau'))

export async function loadRecords(db: Db, req: RecordsRequest): Promise<RecordsResult> {
  const input = plain(req.params)
  switch (req.kind) {
    case 'don': {
      const parsed = v.safeParse(LetterParams, input)
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) }
      const p = parsed.output
      const problems = letterParamProblems(p)
      if (problems.length > 0) return { ok: false, errors: problems }
      const filter: LetterFilter = {
        ...letterFilterOf(p, vnDateOf(req.now)),
        track: p.track,
        field: p.field,
        competentAgencyCode: p.agency,
        searchIdentityOfDenunciations: req.searchIdentityOfDenunciations,
      }
      const [page, total] = await Promise.all([listLetters(db, filter, req.cursor, req.limit), countLetters(db, filter)])
      return { ok: true, records: { kind: 'don', total, rows: page.items, nextCursor: page.nextCursor } }
    }
    case 'luot':
    case 'vu-viec':
    case 'ky-tiep': {
      const parsed = v.safeParse(VisitListQuery, input)
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) }
      const problems = visitParamProblems(parsed.output)
      if (problems.length > 0) return { ok: false, errors: problems }
      const filter = visitFilterOf(parsed.output, req.largeGroupThreshold)
      if (req.kind === 'vu-viec') {
        const rows = await listVisitedMatters(db, filter, req.limit)
        return { ok: true, records: { kind: 'vu-viec', total: rows.length, rows, nextCursor: null } }
      }
      if (req.kind === 'ky-tiep') {
        const rows = await listVisitedSessions(db, filter, req.limit)
        return { ok: true, records: { kind: 'ky-tiep', total: rows.length, rows, nextCursor: null } }
      }
      const [page, total] = await Promise.all([listReceptions(db, filter, req.cursor, req.limit), countReceptions(db, filter)])
      return { ok: true, records: { kind: 'luot', total: total.visits, persons: total.persons, rows: page.items, nextCursor: page.nextCursor } }
    }
    case 'phuc-dap': {
      const parsed = v.safeParse(ReplyParams, input)
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.issues) }
      const p = parsed.output
      const w: ReportWindow = { from: p.from, to: p.to }
      const rows = await listReplies(db, w, { ...(p.kind ? { kind: p.kind } : {}), ...(p.channel ? { channel: p.channel } : {}) }, p.agency ?? null, req.limit)
      return { ok: true, records: { kind: 'phuc-dap', total: rows.length, rows, nextCursor: null } }
    }
  }
}
