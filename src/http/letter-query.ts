/**
 * The report filters of the letters list, as query parameters: GET /api/v1/letters takes them,
 * and the report's drill-down links are written with them (src/http/report-links.ts), so a
 * number, its list page and the equivalent API call filter the same letters.
 *
 *   signerGroup, countedAs, resolutionStage, contentType, channel, outcome — comma lists
 *   decided, resolved, eligible, withinCompetence — true | false
 *   asOf=YYYY-MM-DD — judge decided / outcome / resolved / timeliness at the end of that day
 *                     (without it: the letter's current state, as before)
 *   carriedOver=true — letters carried into the window from–to (received before `from`, not yet
 *                      handled when `from` began); carriedOver=include — those and the letters
 *                      received in the window (the letters to handle)
 *   perMatter=<scope> — one letter per matter: the latest of each matter among a report scope
 *   timeliness=dung_han|qua_han|chua_den_han|khong_han — handled on time (judged at `asOf`)
 */
import * as v from 'valibot'
import { CHANNELS, CONTENT_TYPES, OUTCOMES, SIGNER_GROUPS, codesOf } from '../domain/codes.ts'
import { MATTER_SCOPES } from '../domain/report-measures.ts'
import { RESOLUTION_STAGES, type Cohort, type LetterCriteria, type MatterScope } from '../domain/tallies.ts'
import { TIMELINESS, type LetterReportFilter, type Timeliness } from '../db/report-dims.ts'
import type { LetterFilter } from '../db/letters.ts'
import { csvOf, isoDate, queryBool } from './validation.ts'

const SINGLE_TYPES = ['khieu_nai', 'to_cao', 'kien_nghi_phan_anh'] as const
const SCOPES = Object.keys(MATTER_SCOPES) as MatterScope[]

/** The query parameters (entries to spread into a v.object). */
export const LETTER_LIST_PARAMS = {
  contentType: v.optional(csvOf(codesOf(CONTENT_TYPES), 'Loại đơn không hợp lệ.')),
  channel: v.optional(csvOf(codesOf(CHANNELS), 'Nguồn đơn không hợp lệ.')),
  outcome: v.optional(csvOf(codesOf(OUTCOMES), 'Hướng xử lý không hợp lệ.')),
  signerGroup: v.optional(csvOf(codesOf(SIGNER_GROUPS), 'Nhóm người đứng tên phải là nhieu_nguoi, mot_nguoi hoặc khac.')),
  countedAs: v.optional(csvOf(SINGLE_TYPES, 'Loại đơn thống kê phải là khieu_nai, to_cao hoặc kien_nghi_phan_anh.')),
  resolutionStage: v.optional(csvOf(codesOf(RESOLUTION_STAGES), 'Tình trạng giải quyết phải là lan_dau, nhieu_lan hoặc chua.')),
  decided: v.optional(queryBool('Trường "đã xử lý" phải là true hoặc false.')),
  resolved: v.optional(queryBool('Trường "đã giải quyết" phải là true hoặc false.')),
  eligible: v.optional(queryBool('Trường "đủ điều kiện" phải là true hoặc false.')),
  withinCompetence: v.optional(queryBool('Trường "thuộc thẩm quyền" phải là true hoặc false.')),
  asOf: v.optional(isoDate('Ngày chốt phải có dạng YYYY-MM-DD.')),
  carriedOver: v.optional(v.picklist(['true', 'include'], 'Kỳ trước chuyển sang phải là true hoặc include.')),
  perMatter: v.optional(v.picklist(SCOPES, `Phạm vi vụ việc phải là một trong: ${SCOPES.join(', ')}.`)),
  timeliness: v.optional(v.picklist(Object.keys(TIMELINESS) as Timeliness[], 'Tiến độ phải là dung_han, qua_han, chua_den_han hoặc khong_han.')),
}

const ParamsSchema = v.object(LETTER_LIST_PARAMS)
export type LetterListParams = v.InferOutput<typeof ParamsSchema> & { from?: string | undefined; to?: string | undefined; track?: string | undefined; agency?: string | undefined }

/** Problems that need two parameters together (422 fields). */
export function letterParamProblems(p: LetterListParams): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = []
  if (p.from && p.to && p.from > p.to) problems.push({ path: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' })
  if (p.carriedOver && !p.from) problems.push({ path: 'from', message: 'Đơn kỳ trước chuyển sang cần ngày bắt đầu kỳ (from).' })
  if (p.perMatter && (!p.from || !p.to)) problems.push({ path: 'perMatter', message: 'Đếm theo vụ việc cần cả ngày bắt đầu và ngày kết thúc kỳ.' })
  return problems
}

/**
 * The LetterFilter fields of these parameters. `today` judges timeliness when no `asOf` is given.
 * Without asOf and carriedOver, from/to/outcome/contentType/channel mean what they always meant.
 */
export function letterFilterOf(p: LetterListParams, today: string): Partial<LetterFilter> {
  const criteria: LetterCriteria = {}
  const report: LetterReportFilter = { criteria, window: { from: p.from, to: p.to } }
  const out: Partial<LetterFilter> = { report }
  if (p.asOf) report.asOf = p.asOf
  if (p.carriedOver) {
    criteria.cohort = (p.carriedOver === 'true' ? ['ky_truoc'] : ['ky_truoc', 'trong_ky']) satisfies Cohort[]
  } else {
    out.from = p.from
    out.to = p.to
  }
  if (p.signerGroup) criteria.signerGroup = p.signerGroup
  if (p.countedAs) criteria.countedAs = p.countedAs
  if (p.resolutionStage) criteria.stage = p.resolutionStage
  if (p.decided !== undefined) criteria.decided = p.decided
  if (p.resolved !== undefined) criteria.resolved = p.resolved
  if (p.contentType) out.contentTypes = p.contentType
  if (p.channel) out.channels = p.channel
  // an outcome "as of" a day is the decision taken by then; otherwise the current one
  if (p.outcome) {
    if (p.asOf) criteria.outcome = p.outcome
    else out.outcomes = p.outcome
  }
  if (p.eligible !== undefined) report.eligible = p.eligible
  if (p.withinCompetence !== undefined) report.withinCompetence = p.withinCompetence
  if (p.timeliness) {
    report.timeliness = p.timeliness
    report.asOf ??= today
  }
  if (p.perMatter) {
    report.matterScope = MATTER_SCOPES[p.perMatter]
    report.agency = p.agency ?? null
  }
  return out
}

/** Query parameters of letter criteria judged in a report window (the inverse of letterFilterOf). */
export function letterCriteriaParams(c: LetterCriteria, w: { from: string; to: string }, extra: { agency?: string | null; perMatter?: MatterScope } = {}): URLSearchParams {
  const p = new URLSearchParams()
  p.set('from', w.from)
  p.set('to', w.to)
  // a matter's representative may be a carried-over letter: only the scope restricts it, so the
  // list takes every letter to handle in the window, the scope then keeps one per matter
  const cohort = c.cohort ?? (extra.perMatter ? ['ky_truoc', 'trong_ky'] : ['trong_ky'])
  if (cohort.includes('ky_truoc')) p.set('carriedOver', cohort.includes('trong_ky') ? 'include' : 'true')
  p.set('asOf', w.to)
  if (c.track) p.set('track', c.track)
  if (c.signerGroup) p.set('signerGroup', c.signerGroup.join(','))
  if (c.contentType) p.set('contentType', c.contentType.join(','))
  if (c.countedAs) p.set('countedAs', c.countedAs.join(','))
  if (c.channel) p.set('channel', c.channel.join(','))
  if (c.decided !== undefined) p.set('decided', String(c.decided))
  if (c.outcome) p.set('outcome', c.outcome.join(','))
  if (c.stage) p.set('resolutionStage', c.stage.join(','))
  if (c.resolved !== undefined) p.set('resolved', String(c.resolved))
  if (extra.perMatter) p.set('perMatter', extra.perMatter)
  if (extra.agency) p.set('agency', extra.agency)
  return p
}
