/** Reading HTML form posts: strings and lists out of parseBody, errors keyed by field. */
import type { Context } from 'hono'
import * as v from 'valibot'
import type { FieldError } from './errors.ts'
import { fieldErrors } from './validation.ts'

export type FormBody = Record<string, string | File | Array<string | File>>

export async function readForm(c: Context): Promise<FormBody> {
  try {
    return (await c.req.parseBody({ all: true })) as FormBody
  } catch {
    return {}
  }
}

/** Every text input (the first value of each name, at most `max` characters), without the CSRF token and the button pressed. */
export function formStrings(body: FormBody, max: number): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, raw] of Object.entries(body)) {
    if (name === '_csrf' || name === 'hanh_dong') continue
    const first = Array.isArray(raw) ? raw[0] : raw
    if (typeof first === 'string') values[name] = first.slice(0, max)
  }
  return values
}

export const formText = (body: FormBody, name: string, max = 10_000): string => {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.slice(0, max) : ''
}

export const formList = (body: FormBody, name: string): string[] => {
  const value = body[name]
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.filter((x): x is string => typeof x === 'string')
}

export const formFile = (body: FormBody, name: string): File | null => {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return first instanceof File && first.size > 0 ? first : null
}

/**
 * The API's messages name dates as YYYY-MM-DD; the staff forms' date fields take dd/mm/yyyy (and
 * say so in their hints), so a form re-shown with the API's checks speaks of what was typed.
 */
export const formDateMessages = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => (e.message.includes('YYYY-MM-DD') ? { ...e, message: e.message.replaceAll('YYYY-MM-DD', 'ngày/tháng/năm (dd/mm/yyyy)') } : e))

/** Errors keyed by input name (= path), in the order given: the first message of each input wins. */
export const errorsByPath = (errors: readonly FieldError[]): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const e of errors) out[e.path || 'form'] ??= e.message
  return out
}

/** Field errors keyed by their top-level field, first message wins (one message per field). */
export const errorsByField = (errors: readonly FieldError[], rename: Record<string, string> = {}): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const e of errors) {
    const top = e.path.split('.')[0] || 'form'
    const key = rename[top] ?? top
    out[key] ??= e.message
  }
  return out
}

export function safeParseForm<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; errors: FieldError[] } {
  const result = v.safeParse(schema, input)
  return result.success ? { ok: true, value: result.output } : { ok: false, errors: fieldErrors(result.issues) }
}

/** "30/04/2026" or "2026-04-30" → "2026-04-30"; anything else is returned as typed (and rejected by the schema). */
export const parseDateInput = (s: string): string => {
  const t = s.trim()
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`
  return t
}

export const dateLines = (text: string): string[] =>
  text
    .split(/[\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(parseDateInput)

export const splitCodes = (text: string): string[] =>
  text
    .split(/[\s,;|]+/)
    .map((s) => s.trim())
    .filter(Boolean)
