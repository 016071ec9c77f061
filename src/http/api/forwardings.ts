/**
 * The forwardings API (extension of API.md): what the board sent to other agencies and their
 * replies.
 *
 *   GET  /forwardings?status=&agency=&letter=&cursor=&limit=   paged, newest first
 *   GET  /forwardings/{id}
 *   POST /forwardings/{id}/acknowledge                          the agency confirms receipt
 *   POST /forwardings/{id}/reply      {"number","date","result"} the reply (văn bản phúc đáp)
 *   POST /letters/{id}/follow-up      {"forwardingId"?,"note"?}  a follow-up request (đôn đốc) → 201
 *
 * A `co_quan` user lists and acts on its own agency's forwardings only (403 on others').
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import { vnDateOf } from '../../domain/calendar.ts'
import { FORWARDING_FILTERS, type ForwardingFilter } from '../../domain/forwarding.ts'
import { can } from '../../domain/permissions.ts'
import { listForwardings, overdue, type StoredForwarding } from '../../db/forwardings.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, forbidden, invalid } from '../errors.ts'
import { acknowledge, followUp, forwardingForViewer, reply, type Checked } from '../forwardings.ts'
import { FollowUpSchema, ReplySchema } from '../schemas/forwarding.ts'
import { parseOrThrow, readJson } from '../validation.ts'

const FILTERS = Object.keys(FORWARDING_FILTERS) as ForwardingFilter[]

const ListQuery = v.object({
  status: v.optional(v.picklist(FILTERS, `Trạng thái phải là một trong: ${FILTERS.join(', ')}.`)),
  agency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{2,64}$/, 'Mã cơ quan không hợp lệ.'))),
  letter: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã đơn không hợp lệ.'))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Số dòng mỗi trang phải là số từ 1 đến 200.'), v.transform(Number), v.minValue(1, 'Số dòng mỗi trang phải là số từ 1 đến 200.'), v.maxValue(200, 'Số dòng mỗi trang phải là số từ 1 đến 200.'))),
})

/** A forwarding as the API returns it: never the letter's senders. */
export const forwardingJson = (f: StoredForwarding, today: string) => ({
  id: f.id,
  letterId: f.letterId,
  letterCode: f.letterCode,
  contentType: f.contentType,
  receivedAt: f.receivedAt,
  agencyCode: f.agencyCode,
  kind: f.kind,
  documentId: f.documentId,
  sentOn: f.sentOn,
  replyDueOn: f.replyDueOn,
  state: f.state,
  overdue: overdue(f, today),
  superseded: f.superseded,
  acknowledgedAt: f.acknowledgedAt,
  acknowledgedBy: f.acknowledgedByName,
  reply: f.repliedOn ? { number: f.replyNumber, date: f.repliedOn, result: f.replyResult, recordedBy: f.repliedByName } : null,
})

function unwrap<T>(result: Checked<T>): T {
  if (result.ok) return result.value
  if (result.status === 422) throw invalid(result.errors ?? [], result.message)
  const code = { 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[result.status]
  throw new ApiError(result.status, code, result.message)
}

export const forwardingsApi = new Hono<AppEnv>()
  .get('/forwardings', async (c) => {
    const user = c.get('user')!
    const query = parseOrThrow(ListQuery, c.req.query())
    let agency = query.agency
    if (!can(user.roles, 'view_letters')) {
      // a receiving agency lists only what was sent to it
      if (!user.roles.includes('co_quan') || !user.agencyCode) throw forbidden()
      if (agency && agency !== user.agencyCode) throw forbidden('Tài khoản chỉ xem được phiếu chuyển đến cơ quan của mình.')
      agency = user.agencyCode
    }
    const today = vnDateOf(c.get('deps').now())
    const page = await listForwardings(c.get('deps').db, { agencyCode: agency, state: query.status, letterId: query.letter, today }, query.cursor ?? null, query.limit ?? 50)
    return c.json({ items: page.items.map((f) => forwardingJson(f, today)), nextCursor: page.nextCursor })
  })
  .get('/forwardings/:id', async (c) => {
    const f = unwrap(await forwardingForViewer(c.get('deps').db, c.req.param('id'), c.get('user')!))
    return c.json(forwardingJson(f, vnDateOf(c.get('deps').now())))
  })
  .post('/forwardings/:id/acknowledge', async (c) => {
    const { db, now } = c.get('deps')
    await readJson(c, { allowEmpty: true })
    const f = unwrap(await acknowledge(db, c.req.param('id'), c.get('user')!, now()))
    return c.json(forwardingJson(f, vnDateOf(now())))
  })
  .post('/forwardings/:id/reply', async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(ReplySchema, await readJson(c))
    const f = unwrap(await reply(db, c.req.param('id'), input, c.get('user')!, now()))
    return c.json(forwardingJson(f, vnDateOf(now())))
  })
  .post('/letters/:id/follow-up', async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(FollowUpSchema, await readJson(c, { allowEmpty: true }))
    const result = unwrap(await followUp(db, c.req.param('id'), input, c.get('user')!, now()))
    return c.json({ ...forwardingJson(result.forwarding, vnDateOf(now())), documentId: result.documentId }, 201)
  })
