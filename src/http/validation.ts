/**
 * Valibot at the edge: parse a request body into a typed value or a list of field errors with
 * Vietnamese messages. Every free text is NFC-normalised and trimmed here, once.
 */
import * as v from 'valibot'
import type { Context } from 'hono'
import { badRequest, invalid, unsupportedMediaType, type FieldError } from './errors.ts'

/** Vietnamese text for valibot's built-in issues, used where a schema gives no message. */
function defaultMessage(issue: v.BaseIssue<unknown>): string {
  switch (issue.kind === 'schema' ? issue.type : issue.type) {
    case 'string':
      return 'Phải là chuỗi ký tự.'
    case 'number':
      return 'Phải là một số.'
    case 'integer':
      return 'Phải là số nguyên.'
    case 'boolean':
      return 'Phải là true hoặc false.'
    case 'array':
      return 'Phải là một danh sách.'
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return issue.input === undefined ? 'Trường này là bắt buộc.' : 'Phải là một đối tượng JSON.'
    case 'picklist':
    case 'enum':
      return 'Giá trị không nằm trong danh sách cho phép.'
    case 'min_value':
      return `Phải lớn hơn hoặc bằng ${String(issue.requirement)}.`
    case 'max_value':
      return `Phải nhỏ hơn hoặc bằng ${String(issue.requirement)}.`
    case 'min_length':
      return Number(issue.requirement) <= 1 ? 'Không được để trống.' : `Cần ít nhất ${String(issue.requirement)} ký tự.`
    case 'max_length':
      return `Không được dài quá ${String(issue.requirement)} ký tự.`
    case 'never':
      return 'Trường này không được phép.'
    default:
      return 'Giá trị không hợp lệ.'
  }
}

v.setGlobalMessage((issue) => defaultMessage(issue))

export const issuePath = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).map((item) => String(item.key)).join('.')

const isMissingKey = (issue: v.BaseIssue<unknown>) =>
  issue.input === undefined && (issue.path?.length ?? 0) > 0 && ['object', 'strict_object', 'loose_object'].includes(issue.type)

export const fieldErrors = (issues: ReadonlyArray<v.BaseIssue<unknown>>): FieldError[] =>
  issues.map((issue) => ({
    path: issuePath(issue),
    // a required key that is absent is reported by the object schema; say it plainly
    message: isMissingKey(issue) ? 'Trường này là bắt buộc.' : issue.message,
  }))

/**
 * Drops the value at `path` (its error is already reported), so the rest of an input can still be
 * checked and every error given in one round. An array item stays: a hole would be an error of
 * its own.
 */
export function withoutPath(input: Record<string, unknown>, path: string) {
  const parts = path.split('.')
  let node: unknown = input
  for (const part of parts.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[part]
  if (node && typeof node === 'object' && !Array.isArray(node)) delete (node as Record<string, unknown>)[parts.at(-1)!]
}

/** Parses or throws a 422 ApiError listing every failing field. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input)
  if (!result.success) throw invalid(fieldErrors(result.issues))
  return result.output
}

/** Reads a JSON request body: 415 when it is not JSON, 400 when it does not parse. */
export async function readJson(c: Context, { allowEmpty = false } = {}): Promise<unknown> {
  const isJson = /^application\/([\w.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')
  // refuse before reading: workerd logs a warning when a non-text body is read as text
  if (!isJson && !allowEmpty) throw unsupportedMediaType()
  const text = await c.req.text()
  if (allowEmpty && text.trim() === '') return {}
  if (!isJson) throw unsupportedMediaType()
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest('invalid_json', 'Nội dung gửi lên không phải JSON hợp lệ.')
  }
}

// ----- reusable pieces -------------------------------------------------------------------

/** Free text: NFC, trimmed, bounded. */
export const text = (max: number, message?: string) =>
  v.pipe(v.string(message), v.normalize('NFC'), v.trim(), v.maxLength(max))

export const requiredText = (max: number, emptyMessage = 'Không được để trống.') =>
  v.pipe(v.string('Trường này là bắt buộc.'), v.normalize('NFC'), v.trim(), v.minLength(1, emptyMessage), v.maxLength(max))

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** A calendar date YYYY-MM-DD that exists. */
export const isoDate = (message = 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.') =>
  v.pipe(v.string(message), v.trim(), v.check((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), message))

export const code = (message = 'Mã chỉ gồm chữ không dấu, số và các ký tự _ . -') =>
  v.pipe(v.string(message), v.trim(), v.minLength(2, 'Mã cần ít nhất 2 ký tự.'), v.maxLength(64), v.regex(/^[A-Za-z0-9_.-]+$/, message))

/** A phone number as people write it: digits, spaces and + ( ) . - (a letter's senders, a citizen's submission). */
export const phoneNumber = v.pipe(
  v.string('Số điện thoại phải là chuỗi ký tự.'),
  v.trim(),
  v.maxLength(20, 'Số điện thoại không được dài quá 20 ký tự.'),
  v.regex(/^[0-9 +().-]*$/, 'Số điện thoại chỉ gồm chữ số và các ký tự + ( ) . -'),
)

/** A query parameter listing codes, comma-separated: each must be one of `codes`. */
export const csvOf = <T extends string>(codes: readonly T[], message: string) =>
  v.pipe(
    v.string(message),
    v.transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)),
    v.check((list) => list.every((x) => (codes as readonly string[]).includes(x)), message),
    v.transform((list) => list as T[]),
  )

/** A query parameter `true` or `false`. */
export const queryBool = (message: string) => v.pipe(v.picklist(['true', 'false'], message), v.transform((s) => s === 'true'))
