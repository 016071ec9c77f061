/**
 * The report filters of the visits list, as query parameters: GET /api/v1/receptions takes them
 * and the report's drill-down links are written with them.
 *
 *   from, to — visit dates (inclusive)
 *   kind — thuong_xuyen, dinh_ky, dot_xuat (comma list)
 *   category — thuong_xuyen, thu_truong, uy_quyen (Biểu 01/TCD column groups; comma list)
 *   largeGroup=true|false — a large group (đoàn đông người): persons ≥ minPersons
 *   minPersons — the threshold (default: the largeGroupThreshold setting)
 *   firstTime=true|false — the matter had no visit before `from` (received for the first time)
 *   distinct=matter|session — list the distinct matters / leaders' sessions of those visits
 */
import * as v from 'valibot'
import type { ReportWindow } from '../domain/report-window.ts'
import { VISIT_CATEGORIES, type ReceptionKind, type VisitCategory, type VisitCriteria } from '../domain/tallies.ts'
import type { ReceptionFilter } from '../db/receptions.ts'
import { csvOf, isoDate, queryBool } from './validation.ts'

const KINDS = ['thuong_xuyen', 'dinh_ky', 'dot_xuat'] as const satisfies readonly ReceptionKind[]
const CATEGORIES = Object.keys(VISIT_CATEGORIES) as VisitCategory[]

export const VisitListQuery = v.object({
  from: v.optional(isoDate('Ngày bắt đầu phải có dạng YYYY-MM-DD.')),
  to: v.optional(isoDate('Ngày kết thúc phải có dạng YYYY-MM-DD.')),
  kind: v.optional(csvOf(KINDS, 'Hình thức tiếp phải là thuong_xuyen, dinh_ky hoặc dot_xuat.')),
  category: v.optional(csvOf(CATEGORIES, 'Nhóm tiếp phải là thuong_xuyen, thu_truong hoặc uy_quyen.')),
  largeGroup: v.optional(queryBool('Trường "đoàn đông người" phải là true hoặc false.')),
  minPersons: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'Ngưỡng đoàn đông người phải là số nguyên dương.'), v.transform(Number), v.minValue(1, 'Ngưỡng đoàn đông người phải là số nguyên dương.'))),
  firstTime: v.optional(queryBool('Trường "tiếp lần đầu" phải là true hoặc false.')),
  distinct: v.optional(v.picklist(['matter', 'session'], 'distinct phải là matter hoặc session.')),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Số dòng mỗi trang phải là số từ 1 đến 500.'), v.transform(Number), v.minValue(1, 'Số dòng mỗi trang phải là số từ 1 đến 500.'), v.maxValue(500, 'Số dòng mỗi trang phải là số từ 1 đến 500.'))),
})
export type VisitListParams = v.InferOutput<typeof VisitListQuery>

export function visitParamProblems(p: VisitListParams): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = []
  if (p.from && p.to && p.from > p.to) problems.push({ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' })
  if (p.firstTime !== undefined && !p.from) problems.push({ path: 'from', message: 'Tiếp lần đầu được tính so với ngày bắt đầu kỳ (from).' })
  return problems
}

export function visitFilterOf(p: VisitListParams, largeGroupThreshold: number): ReceptionFilter {
  const criteria: VisitCriteria = {}
  if (p.kind) criteria.kind = p.kind
  if (p.category) criteria.category = p.category
  if (p.largeGroup !== undefined) criteria.large = p.largeGroup
  if (p.firstTime !== undefined) criteria.firstTime = p.firstTime
  return { window: { from: p.from, to: p.to }, criteria, largeGroupThreshold: p.minPersons ?? largeGroupThreshold }
}

/** Query parameters of visit criteria in a report window (the inverse of visitFilterOf). */
export function visitCriteriaParams(c: VisitCriteria, w: ReportWindow, largeGroupThreshold: number): URLSearchParams {
  const p = new URLSearchParams({ from: w.from, to: w.to })
  if (c.kind) p.set('kind', c.kind.join(','))
  if (c.category) p.set('category', c.category.join(','))
  if (c.large !== undefined) {
    p.set('largeGroup', String(c.large))
    p.set('minPersons', String(largeGroupThreshold))
  }
  if (c.firstTime !== undefined) p.set('firstTime', String(c.firstTime))
  return p
}
