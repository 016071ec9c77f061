/**
 * The triage queue's tabs and filters (/can-bo/don?tab=…&q=…&loai=…).
 *
 * Tabs, each a filter on the letter's state (judged today, Vietnam time):
 *   moi          new, not yet decided (status moi)
 *   sap_den_han  not decided, due today or within the next 2 working days
 *   qua_han      not decided, due date passed
 *   cho_phuc_dap forwarded (chuyển đơn / đôn đốc), waiting for the agency's reply
 *   da_phuc_dap  the agency replied
 *   da_xu_ly     decided and nothing to wait for (guided, filed, accepted…; resolved)
 *   tat_ca       every letter
 */
import { addCalendarDays, isIsoDate, type WorkingCalendar } from '../domain/calendar.ts'
import type { LetterFilter } from '../db/letters.ts'
import { parseDateInput } from './form.ts'

export const QUEUE_TABS = {
  moi: 'Mới, chờ quyết định',
  sap_den_han: 'Đến hạn trong 2 ngày làm việc',
  qua_han: 'Quá hạn',
  cho_phuc_dap: 'Chờ phúc đáp',
  da_phuc_dap: 'Đã có phúc đáp',
  da_xu_ly: 'Đã xử lý xong',
  tat_ca: 'Tất cả',
} as const
export type QueueTab = keyof typeof QUEUE_TABS
export const QUEUE_TAB_KEYS = Object.keys(QUEUE_TABS) as QueueTab[]

/** How many working days ahead "due soon" looks. */
export const DUE_SOON_WORKING_DAYS = 2

export const dueSoonLimit = (today: string, calendar: WorkingCalendar) => calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)

export function tabFilter(tab: QueueTab, today: string, calendar: WorkingCalendar): Partial<LetterFilter> {
  switch (tab) {
    case 'moi':
      return { status: 'moi' }
    case 'sap_den_han':
      return { status: 'moi', dueFrom: today, dueBy: dueSoonLimit(today, calendar) }
    case 'qua_han':
      return { status: 'moi', dueBy: addCalendarDays(today, -1) }
    case 'cho_phuc_dap':
      return { status: 'cho_phuc_dap' }
    case 'da_phuc_dap':
      return { status: 'da_phuc_dap' }
    case 'da_xu_ly':
      return { statuses: ['da_xu_ly', 'da_giai_quyet'] }
    case 'tat_ca':
      return {}
  }
}

/** The query parameters as typed (kept in the form), by their names in the URL. */
export interface QueueParams {
  tab: QueueTab
  q: string
  loai: string
  'linh-vuc': string
  nguon: string
  'co-quan': string
  'can-bo': string
  tu: string
  den: string
}

export const QUEUE_PARAM_NAMES = ['q', 'loai', 'linh-vuc', 'nguon', 'co-quan', 'can-bo', 'tu', 'den'] as const

export interface QueueChoices {
  contentTypes: ReadonlySet<string>
  fields: ReadonlySet<string>
  channels: ReadonlySet<string>
  agencies: ReadonlySet<string>
  officers: ReadonlySet<string>
}

/**
 * Reads the query: the values as typed, the filter they make, and a message per value that is
 * not one of the choices or not a date (that filter is then left off, and the page says so).
 */
export function readQueueParams(query: Record<string, string | undefined>, choices: QueueChoices): { params: QueueParams; filter: Partial<LetterFilter>; errors: Record<string, string> } {
  const raw = (name: string, max = 200) => (query[name] ?? '').slice(0, max)
  const tab = (QUEUE_TAB_KEYS as string[]).includes(query.tab ?? '') ? (query.tab as QueueTab) : 'moi'
  const params: QueueParams = { tab, q: raw('q'), loai: raw('loai'), 'linh-vuc': raw('linh-vuc'), nguon: raw('nguon'), 'co-quan': raw('co-quan'), 'can-bo': raw('can-bo'), tu: raw('tu', 20), den: raw('den', 20) }
  const errors: Record<string, string> = {}
  const filter: Partial<LetterFilter> = {}
  const pick = (name: keyof QueueParams, set: ReadonlySet<string>, message: string, apply: (v: string) => void) => {
    const value = params[name].trim()
    if (value === '') return
    if (set.has(value)) apply(value)
    else errors[name] = message
  }
  if (params.q.trim()) filter.q = params.q
  pick('loai', choices.contentTypes, 'Loại đơn không hợp lệ.', (v) => (filter.contentType = v))
  pick('linh-vuc', choices.fields, 'Lĩnh vực không hợp lệ.', (v) => (filter.field = v))
  pick('nguon', choices.channels, 'Nguồn đơn không hợp lệ.', (v) => (filter.channel = v))
  pick('co-quan', choices.agencies, 'Cơ quan không có trong danh bạ.', (v) => (filter.competentAgencyCode = v))
  pick('can-bo', choices.officers, 'Không có cán bộ này.', (v) => (filter.createdBy = v))
  for (const [name, key, message] of [
    ['tu', 'from', 'Ngày bắt đầu phải có dạng dd/mm/yyyy và là ngày có thật.'],
    ['den', 'to', 'Ngày kết thúc phải có dạng dd/mm/yyyy và là ngày có thật.'],
  ] as const) {
    const value = params[name].trim()
    if (value === '') continue
    const iso = parseDateInput(value)
    if (isIsoDate(iso)) filter[key] = iso
    else errors[name] = message
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.den = 'Ngày kết thúc phải sau ngày bắt đầu.'
    delete filter.to
  }
  return { params, filter, errors }
}

/** The queue's URL for these parameters (empty ones left out), on another tab or page. */
export function queueHref(params: QueueParams, change: { tab?: QueueTab; cursor?: string } = {}): string {
  const search = new URLSearchParams()
  search.set('tab', change.tab ?? params.tab)
  for (const name of QUEUE_PARAM_NAMES) if (params[name].trim() !== '') search.set(name, params[name])
  if (change.cursor) search.set('trang', change.cursor)
  return `/can-bo/don?${search.toString()}`
}
