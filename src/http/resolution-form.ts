/**
 * The case page's resolution forms (views/pages/letters/ResolutionSection.tsx) read into the API's
 * body shape, so the same schema and use case judge them. Inputs are named `${action}.${field}`:
 * the forms share one page and their ids must not collide.
 */
import { RESOLUTION_ACTION_NAMES, type ResolutionAction } from '../domain/resolution-rules.ts'
import { formList, formText, parseDateInput, type FormBody } from './form.ts'

const FIELDS: Record<ResolutionAction, { texts: readonly string[]; lists?: readonly string[] }> = {
  complexity: { texts: ['date', 'reason', 'decidedBy'], lists: ['criteria'] },
  dialogue: { texts: ['date', 'chairedBy', 'place', 'participants', 'summary', 'attendance', 'absenceReason'] },
  suspension: { texts: ['date', 'ground', 'reason'] },
  resumption: { texts: ['date', 'reason'] },
  termination: { texts: ['date', 'ground', 'reason'] },
  withdrawal: { texts: ['date', 'scope', 'form', 'content', 'continueGround'] },
  extension: { texts: ['date', 'days', 'reason'] },
  conclusion: { texts: ['date', 'number', 'finding', 'summary'] },
}

/** Optional fields: left empty means "none". */
const OPTIONAL = new Set(['place', 'absenceReason', 'content', 'continueGround'])

export const actionOfSlug = (slugs: Record<ResolutionAction, string>, slug: string): ResolutionAction | null =>
  RESOLUTION_ACTION_NAMES.find((a) => slugs[a] === slug) ?? null

/** What was typed, keyed by input name, to show back on a rejected form. */
export function resolutionFormValues(action: ResolutionAction, body: FormBody): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const f of FIELDS[action].texts) values[`${action}.${f}`] = formText(body, `${action}.${f}`, 10_000)
  for (const f of FIELDS[action].lists ?? []) values[`${action}.${f}`] = formList(body, `${action}.${f}`)
  return values
}

/** The values in the API's body shape (dates as typed dd/mm/yyyy become YYYY-MM-DD; lines become lists). */
export function resolutionFormBody(action: ResolutionAction, values: Record<string, string | string[]>, version: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of FIELDS[action].texts) {
    const raw = values[`${action}.${f}`]
    const value = typeof raw === 'string' ? raw.trim() : ''
    if (f === 'date') out[f] = parseDateInput(value)
    // a whole number of days as typed; anything else goes on as text for the schema to reject
    else if (f === 'days') out[f] = /^\d{1,3}$/.test(value) ? Number(value) : value
    else if (f === 'participants') out[f] = value.split(/\r?\n/u).map((l) => l.trim()).filter(Boolean)
    else if (OPTIONAL.has(f)) out[f] = value === '' ? null : value
    else out[f] = value
  }
  for (const f of FIELDS[action].lists ?? []) out[f] = values[`${action}.${f}`] ?? []
  const v = Number.parseInt(version, 10)
  if (Number.isInteger(v) && v > 0) out.version = v
  return out
}

/** Field errors keyed by input name; a problem with the case as a whole stays under "". */
export function resolutionFormErrors(action: ResolutionAction, errors: ReadonlyArray<{ path: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const top = e.path.split('.')[0] ?? ''
    const key = top === '' ? '' : top === 'version' ? '' : `${action}.${top}`
    out[key] ??= e.message
  }
  return out
}
