/**
 * The forwarding use cases shared by the JSON API and the staff pages: who may see a forwarding,
 * acknowledge it, record its reply, and send a follow-up request (đôn đốc) — each a checked,
 * atomic change with its history.
 *
 * Access: a receiving agency's user (`co_quan`) sees and acts on its own agency's forwardings
 * only (403 on others); the board's roles (`view_letters`) see all of them. Acknowledging is the
 * agency's act; the reply is recorded by the agency, or by the board's handlers when it arrives
 * on paper (`decide_letter`); follow-ups are sent by `send_follow_up`.
 */
import { vnDateOf } from '../domain/calendar.ts'
import { buildDocument } from '../domain/documents.ts'
import { followUpProblem, replyDueDate } from '../domain/forwarding.ts'
import { can } from '../domain/permissions.ts'
import { calendarOf } from '../domain/settings.ts'
import { isGuardFailure, type Db } from '../db/db.ts'
import { acknowledgeForwarding, forwardingsOfLetter, getForwarding, recordReply, sendFollowUp, type ReplyInput, type StoredForwarding } from '../db/forwardings.ts'
import { getLetter } from '../db/letters.ts'
import { newRecordId } from '../db/record-id.ts'
import type { CurrentUser } from './env.ts'
import type { FieldError } from './errors.ts'
import { rulesContext } from './letters.ts'

export type Checked<T> = { ok: true; value: T } | { ok: false; status: 403 | 404 | 409 | 422; message: string; errors?: FieldError[] }

const fail = (status: 403 | 404 | 409 | 422, message: string, errors?: FieldError[]): Checked<never> => ({ ok: false, status, message, ...(errors ? { errors } : {}) })

export const CONFLICT_MESSAGE = 'Đơn vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi.'

/** The board sees every forwarding; an agency's user only its own agency's. */
export const canViewForwarding = (user: CurrentUser, f: Pick<StoredForwarding, 'agencyCode'>): boolean =>
  can(user.roles, 'view_letters') || (user.roles.includes('co_quan') && user.agencyCode !== null && user.agencyCode === f.agencyCode)

const isOwnAgency = (user: CurrentUser, f: Pick<StoredForwarding, 'agencyCode'>) =>
  can(user.roles, 'agency_reply') && user.agencyCode !== null && user.agencyCode === f.agencyCode

export const mayAcknowledge = (user: CurrentUser, f: StoredForwarding) => isOwnAgency(user, f) && !f.acknowledgedAt && !f.answered

export const mayRecordReply = (user: CurrentUser, f: StoredForwarding) =>
  (isOwnAgency(user, f) || can(user.roles, 'decide_letter')) && !f.answered

/** The forwarding, if it exists and this user may see it. */
export async function forwardingForViewer(db: Db, id: string, user: CurrentUser): Promise<Checked<StoredForwarding>> {
  const f = await getForwarding(db, id)
  if (!f) return fail(404, 'Không tìm thấy phiếu chuyển đơn.')
  if (!canViewForwarding(user, f)) return fail(403, 'Phiếu chuyển này không gửi đến cơ quan của bạn.')
  return { ok: true, value: f }
}

export async function acknowledge(db: Db, id: string, user: CurrentUser, now: Date): Promise<Checked<StoredForwarding>> {
  const found = await forwardingForViewer(db, id, user)
  if (!found.ok) return found
  const f = found.value
  if (!isOwnAgency(user, f)) return fail(403, 'Chỉ cán bộ của cơ quan nhận đơn mới xác nhận tiếp nhận.')
  // a second confirmation is harmless: the first one stands
  if (f.acknowledgedAt || f.answered) return { ok: true, value: f }
  try {
    await acknowledgeForwarding(db, f, { id: user.id, name: user.displayName }, now)
  } catch (error) {
    if (!isGuardFailure(error)) throw error
  }
  return { ok: true, value: (await getForwarding(db, id))! }
}

/** Problems with a reply's values beyond their shape (422 fields). */
export function replyProblems(f: StoredForwarding, reply: ReplyInput, today: string): FieldError[] {
  const errors: FieldError[] = []
  if (reply.date > today) errors.push({ path: 'date', message: 'Ngày văn bản phúc đáp không được sau ngày hôm nay.' })
  else if (reply.date < f.sentOn) errors.push({ path: 'date', message: 'Ngày văn bản phúc đáp không được trước ngày chuyển đơn.' })
  return errors
}

export async function reply(db: Db, id: string, input: ReplyInput, user: CurrentUser, now: Date): Promise<Checked<StoredForwarding>> {
  const found = await forwardingForViewer(db, id, user)
  if (!found.ok) return found
  const f = found.value
  if (!isOwnAgency(user, f) && !can(user.roles, 'decide_letter')) return fail(403, 'Tài khoản không có quyền ghi nhận văn bản phúc đáp.')
  if (f.answered) return fail(409, 'Đơn này đã có văn bản phúc đáp của cơ quan.')
  if (f.letterStatus !== 'cho_phuc_dap' || f.letterCompetentAgencyCode !== f.agencyCode) {
    return fail(409, 'Đơn đã được xử lý lại, phiếu chuyển này không còn chờ phúc đáp.')
  }
  const errors = replyProblems(f, input, vnDateOf(now))
  if (errors.length > 0) return fail(422, 'Văn bản phúc đáp chưa hợp lệ.', errors)
  try {
    await recordReply(db, f, input, { id: user.id, name: user.displayName }, now)
  } catch (error) {
    if (isGuardFailure(error)) return fail(409, CONFLICT_MESSAGE)
    throw error
  }
  return { ok: true, value: (await getForwarding(db, id))! }
}

/** The forwarding a follow-up is about: the given one, or the latest open one of the letter. */
async function openForwarding(db: Db, letterId: string, forwardingId: string | null | undefined): Promise<StoredForwarding | null> {
  const all = await forwardingsOfLetter(db, letterId)
  if (forwardingId) return all.find((f) => f.id === forwardingId) ?? null
  return all.filter((f) => !f.superseded && !f.answered).at(-1) ?? all.filter((f) => !f.superseded).at(-1) ?? null
}

/**
 * A written follow-up request to the agency that has not replied in time: a new forwarding of
 * kind don_doc with the đôn đốc document (TT 05/2021, template tt05_don_doc), due D1 days later.
 */
export async function followUp(
  db: Db,
  letterId: string,
  input: { forwardingId?: string | null | undefined; note?: string | null | undefined },
  user: CurrentUser,
  now: Date,
): Promise<Checked<{ forwarding: StoredForwarding; documentId: string }>> {
  if (!can(user.roles, 'send_follow_up')) return fail(403, 'Tài khoản không có quyền gửi văn bản đôn đốc.')
  const letter = await getLetter(db, letterId)
  if (!letter) return fail(404, 'Không tìm thấy đơn.')
  const f = await openForwarding(db, letterId, input.forwardingId)
  if (!f) return input.forwardingId ? fail(404, 'Không tìm thấy phiếu chuyển đơn của đơn này.') : fail(409, 'Đơn chưa được chuyển đến cơ quan nào: không có gì để đôn đốc.')
  const today = vnDateOf(now)
  const problem = followUpProblem(f, today) ?? (f.letterStatus !== 'cho_phuc_dap' || f.letterCompetentAgencyCode !== f.agencyCode ? 'Đơn đã được xử lý lại, phiếu chuyển này không còn chờ phúc đáp.' : null)
  if (problem) return fail(409, problem)
  const ctx = await rulesContext(db)
  const due = replyDueDate({ kind: 'don_doc', contentType: letter.letter.contentType, sentOn: today, rules: ctx.settings.deadlines, calendar: calendarOf(ctx.settings) })
  const note = input.note?.trim() ? input.note.trim() : null
  // the request says since when the agency has had the matter: the day it was sent to it
  const document = buildDocument('tt05_don_doc', {
    letter: { id: letter.id, code: letter.code, track: letter.track, letter: { ...letter.letter, pendingAt: { agencyCode: f.agencyCode, since: firstSentOn(await forwardingsOfLetter(db, letterId, f.agencyCode)) ?? f.sentOn } }, reasons: [] },
    decision: { outcome: 'don_doc', competentAgencyCode: f.agencyCode, note, dueDate: due.dueDate, decidedByName: user.displayName },
    agencies: ctx.agencies,
    settings: ctx.settings,
    issuedOn: today,
  })
  const documentId = newRecordId()
  try {
    const id = await sendFollowUp(db, { forwarding: f, documentId, document, replyDueOn: due.dueDate, note }, { id: user.id, name: user.displayName }, now, today)
    return { ok: true, value: { forwarding: (await getForwarding(db, id))!, documentId } }
  } catch (error) {
    if (isGuardFailure(error)) return fail(409, CONFLICT_MESSAGE)
    throw error
  }
}

const firstSentOn = (chain: readonly StoredForwarding[]) => chain.map((f) => f.sentOn).sort()[0] ?? null
