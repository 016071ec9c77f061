/**
 * Citizen submissions (API.md), public, no token:
 * - POST /api/v1/submissions → 201 {"code","accessKey", …}; `Idempotency-Key` makes a retry
 *   return the same receipt (header `Idempotent-Replayed: true`) instead of a second letter;
 * - GET /api/v1/submissions/{code}?key= → stage, outcome, competent agency, due date; 404 for a
 *   wrong key exactly as for an unknown code.
 */
import { Hono, type Context } from 'hono'
import * as v from 'valibot'
import { vnDateOf } from '../../domain/calendar.ts'
import { loadSettings } from '../../db/settings.ts'
import { formatCode } from '../../db/letters.ts'
import type { AppEnv } from '../env.ts'
import { rulesContext } from '../letters.ts'
import { badRequest, conflict, invalid, notFound, tooManyRequests, type FieldError } from '../errors.ts'
import { PORTAL_LIMITS, limiterOf } from '../rate-limit.ts'
import { IDEMPOTENCY_KEY_PATTERN, formatKey, newSecret } from '../submissions/access.ts'
import type { IncomingFile } from '../submissions/files.ts'
import { SubmissionSchema, allSubmissionErrors } from '../submissions/schema.ts'
import { submissionStatus } from '../submissions/status.ts'
import { countAttempt, submitCitizenLetter, type Receipt } from '../submissions/submit.ts'
import { readJson } from '../validation.ts'

const NOT_FOUND = 'Không tìm thấy đơn với mã đơn và mã tra cứu này.'

const throttled = (c: Context, seconds: number) => {
  c.header('Retry-After', String(seconds))
  return tooManyRequests(`Có quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`)
}

function decodeBase64(data: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0))
  } catch {
    return null
  }
}

/** The public status URL a receipt points to (the QR code of the page receipt opens it too). */
export const statusUrl = (origin: string, code: string, key: string) =>
  `${origin}/tra-cuu?ma=${encodeURIComponent(formatCode(code))}&khoa=${encodeURIComponent(formatKey(key))}`

export const publicOrigin = (c: Context<AppEnv>) => c.get('deps').config.publicOrigin ?? new URL(c.req.url).origin

const receiptJson = (c: Context<AppEnv>, r: Receipt) => ({
  code: r.code,
  accessKey: r.accessKey,
  codeFormatted: formatCode(r.code),
  accessKeyFormatted: formatKey(r.accessKey),
  receivedAt: r.receivedAt,
  contentType: r.contentType,
  dueDate: r.dueDate,
  attachments: r.attachmentCount,
  statusUrl: statusUrl(publicOrigin(c), r.code, r.accessKey),
})

export const submissionsApi = new Hono<AppEnv>()
  .post('/', async (c) => {
    const deps = c.get('deps')
    const attempt = await countAttempt(deps, deps.clientAddress(c))
    if (!attempt.ok) throw throttled(c, attempt.retryAfterSeconds)
    const header = c.req.header('idempotency-key')
    if (header !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw badRequest('invalid_idempotency_key', 'Idempotency-Key phải gồm 16–128 ký tự chữ, số hoặc . _ : -', [
        { path: 'Idempotency-Key', message: 'Dùng một chuỗi ngẫu nhiên, ví dụ một UUID.' },
      ])
    }
    const raw = await readJson(c)
    const parsed = v.safeParse(SubmissionSchema, raw)
    if (!parsed.success) {
      // every field's error in one answer, those of the letter's kind too (as the portal's form)
      const { agencies } = await rulesContext(deps.db)
      const attachments = (raw as { attachments?: unknown } | null)?.attachments
      throw invalid(allSubmissionErrors(raw, { agencies, today: vnDateOf(deps.now()) }, Array.isArray(attachments) ? attachments.length : 0) ?? [])
    }
    const input = parsed.output
    const files: IncomingFile[] = []
    const fileErrors: FieldError[] = []
    for (const [i, a] of (input.attachments ?? []).entries()) {
      const bytes = decodeBase64(a.data)
      if (bytes) files.push({ name: a.fileName, declaredType: a.mediaType ?? '', bytes })
      else fileErrors.push({ path: `attachments.${i}.data`, message: 'Nội dung tệp phải là chuỗi base64.' })
    }
    if (fileErrors.length > 0) throw invalid(fileErrors)
    const result = await submitCitizenLetter(deps, {
      input,
      files,
      filesPath: 'attachments',
      idempotency: header ? { source: 'api', secret: header } : { source: 'none', secret: newSecret() },
      address: deps.clientAddress(c),
    })
    c.header('Cache-Control', 'no-store')
    switch (result.kind) {
      case 'created':
        return c.json(receiptJson(c, result.receipt), 201)
      case 'replayed':
        c.header('Idempotent-Replayed', 'true')
        return c.json(receiptJson(c, result.receipt), 201)
      case 'invalid':
        throw invalid(result.errors)
      case 'already_received':
        throw conflict('Idempotency-Key này đã được dùng cho một đơn khác (hoặc đã quá 24 giờ). Đơn mới cần một khóa mới.')
      case 'rate_limited':
        throw throttled(c, result.retryAfterSeconds)
    }
  })
  .get('/:code', async (c) => {
    const deps = c.get('deps')
    const limit = await limiterOf(deps).hit(PORTAL_LIMITS.lookup, deps.clientAddress(c), deps.now())
    if (!limit.ok) throw throttled(c, limit.retryAfterSeconds)
    const settings = await loadSettings(deps.db)
    const status = await submissionStatus(deps.db, settings, c.req.param('code').slice(0, 40), (c.req.query('key') ?? '').slice(0, 64))
    c.header('Cache-Control', 'no-store')
    if (!status) throw notFound(NOT_FOUND)
    return c.json(status)
  })

