/**
 * Where each number of the report leads: the list of the records it counts. A measure's
 * predicate is written as the query parameters of the letters / visits lists (the same ones the
 * JSON API takes), so following a link re-runs the very predicate that produced the number.
 */
import { MEASURES, type MeasureKey } from '../domain/report-measures.ts'
import type { ReportWindow } from '../domain/report-window.ts'
import type { Measure } from '../domain/tallies.ts'
import { letterCriteriaParams } from './letter-query.ts'
import { visitCriteriaParams } from './visit-query.ts'

/** The drill-down list kinds (the `loai` parameter of /can-bo/bao-cao/ho-so). */
export const LIST_KINDS = {
  don: 'Đơn',
  luot: 'Lượt tiếp',
  'vu-viec': 'Vụ việc được tiếp',
  'ky-tiep': 'Kỳ tiếp của lãnh đạo',
  'phuc-dap': 'Văn bản phúc đáp',
} as const
export type ListKind = keyof typeof LIST_KINDS

export interface RecordList {
  kind: ListKind
  params: URLSearchParams
  /** What the number counts in the list: its rows, or the persons of its rows. */
  counts: 'rows' | 'persons'
}

export interface LinkContext {
  window: ReportWindow
  agency: string | null
  largeGroupThreshold: number
}

export function measureList(key: MeasureKey, ctx: LinkContext): RecordList {
  const m: Measure = MEASURES[key].measure
  switch (m.of) {
    case 'letters':
      return { kind: 'don', params: letterCriteriaParams(m.where, ctx.window, { agency: ctx.agency }), counts: 'rows' }
    case 'letterMatters':
      return { kind: 'don', params: letterCriteriaParams(m.where ?? {}, ctx.window, { agency: ctx.agency, perMatter: m.scope }), counts: 'rows' }
    case 'visits':
    case 'persons':
      return { kind: 'luot', params: visitCriteriaParams(m.where, ctx.window, ctx.largeGroupThreshold), counts: m.of === 'persons' ? 'persons' : 'rows' }
    case 'visitMatters':
      return { kind: 'vu-viec', params: visitCriteriaParams(m.where, ctx.window, ctx.largeGroupThreshold), counts: 'rows' }
    case 'sessions':
      return { kind: 'ky-tiep', params: visitCriteriaParams(m.where, ctx.window, ctx.largeGroupThreshold), counts: 'rows' }
    case 'replies': {
      const params = new URLSearchParams({ from: ctx.window.from, to: ctx.window.to })
      if (m.where.kind) params.set('kind', m.where.kind.join(','))
      if (m.where.channel) params.set('channel', m.where.channel.join(','))
      if (ctx.agency) params.set('agency', ctx.agency)
      return { kind: 'phuc-dap', params, counts: 'rows' }
    }
  }
}

/** The page behind a number (several measures for a column that adds them up). */
export function measureHref(keys: readonly MeasureKey[], ctx: Pick<LinkContext, 'window' | 'agency'>): string {
  const params = new URLSearchParams({ 'chi-tieu': keys.join(','), from: ctx.window.from, to: ctx.window.to })
  if (ctx.agency) params.set('agency', ctx.agency)
  return `/can-bo/bao-cao/ho-so?${params}`
}

/** A list page of one kind with these parameters (the charts link here). */
export const listHref = (kind: ListKind, params: Record<string, string> | URLSearchParams): string =>
  `/can-bo/bao-cao/ho-so?${new URLSearchParams([['loai', kind], ...new URLSearchParams(params)])}`

/** The JSON API call that returns the same records. */
export function apiHref(list: RecordList): string | null {
  switch (list.kind) {
    case 'don':
      return `/api/v1/letters?${list.params}`
    case 'luot':
      return `/api/v1/receptions?${list.params}`
    case 'vu-viec':
      return `/api/v1/receptions?${list.params}&distinct=matter`
    case 'ky-tiep':
      return `/api/v1/receptions?${list.params}&distinct=session`
    case 'phuc-dap':
      return null
  }
}
