/**
 * The letter use cases shared by the JSON API and the staff pages: classify with everything the
 * rules need (directory, settings, earlier letters of the same senders), register, decide, and
 * show a letter to a given user — with a denouncer's identity only for the roles allowed to see
 * it, every such view logged (Luật Tố cáo Art. 56).
 */
import { classify } from '../domain/classify.ts'
import type { Outcome } from '../domain/codes.ts'
import { vnDateOf, workingCalendar } from '../domain/calendar.ts'
import { dueDateForOutcome } from '../domain/deadlines.ts'
import { SENDS_TO_AGENCY, decide, type DecisionInput } from '../domain/decision.ts'
import { findDuplicate, letterText, type DuplicateMatch } from '../domain/duplicates.ts'
import type { Agency } from '../domain/agency.ts'
import type { Classification, Letter, Sender } from '../domain/letter.ts'
import { buildDocument, documentsFor, identityPieces, protectsIdentity, scrubIdentity, type DocumentModel } from '../domain/documents.ts'
import { can } from '../domain/permissions.ts'
import { calendarOf, type Settings } from '../domain/settings.ts'
import { replyDueDate, type ForwardingKind } from '../domain/forwarding.ts'
import { listAgencies } from '../db/agencies.ts'
import { ConflictError, isGuardFailure, type Db } from '../db/db.ts'
import { historyOf, recordHistory, type Actor } from '../db/history.ts'
import { documentsOfLetter, insertDocument, summaryOf, type StoredDocument } from '../db/documents.ts'
import { codesOfLetters, decisionsOf, duplicateCandidates, getLetter, recordDecision, registerLetter, type StoredLetter } from '../db/letters.ts'
import { newRecordId } from '../db/record-id.ts'
import { loadSettings } from '../db/settings.ts'
import { resolutionEventsOf } from '../db/resolution.ts'
import type { CurrentUser } from './env.ts'

export interface RulesContext {
  agencies: Agency[]
  settings: Settings
}

export async function rulesContext(db: Db): Promise<RulesContext> {
  const [agencies, settings] = await Promise.all([listAgencies(db), loadSettings(db)])
  return { agencies, settings }
}

/** The earlier letter this one repeats (RULES.md §4), if any. */
export async function findRepeat(db: Db, letter: Letter, settings: Settings): Promise<DuplicateMatch | null> {
  const candidates = await duplicateCandidates(db, letter.senders)
  if (candidates.length === 0) return null
  return findDuplicate(
    {
      receivedAt: letter.receivedAt,
      contentType: letter.contentType,
      senders: letter.senders ?? [],
      respondent: letter.respondent ?? null,
      text: letterText(letter),
    },
    candidates,
    settings.duplicateSimilarity,
  )
}

/** An earlier letter from the same senders, as the registration form lists it. */
export interface EarlierLetter {
  id: string
  code: string
  receivedAt: string
  contentType: string
  outcome: Outcome | null
  /** The one the duplicate check links this letter to, or another of its matter. */
  sameMatter: boolean
}

/** The latest earlier letters sharing a sender with this one (name + ID or name + address), newest first. */
export async function earlierLetters(db: Db, letter: Letter, repeat: DuplicateMatch | null, limit = 5): Promise<EarlierLetter[]> {
  const candidates = (await duplicateCandidates(db, letter.senders)).filter((c) => c.receivedAt <= letter.receivedAt).slice(0, limit)
  const codes = await codesOfLetters(db, candidates.map((c) => c.id))
  return candidates.map((c) => ({
    id: c.id,
    code: codes.get(c.id) ?? c.id,
    receivedAt: c.receivedAt,
    contentType: c.contentType,
    outcome: c.outcome ?? null,
    sameMatter: repeat !== null && (c.id === repeat.letterId || (repeat.matterId !== null && c.matterId === repeat.matterId)),
  }))
}

/** POST /classify: the suggestion for a letter, storing nothing. */
export async function classifyLetter(db: Db, letter: Letter, ctx?: RulesContext): Promise<{ classification: Classification; repeat: DuplicateMatch | null }> {
  const { agencies, settings } = ctx ?? (await rulesContext(db))
  const repeat = await findRepeat(db, letter, settings)
  const classification = classify(letter, {
    agencies,
    settings,
    duplicate: repeat ? { letterId: repeat.letterId, matterId: repeat.matterId, earlierOutcome: repeat.earlierOutcome, earlierOutcomes: repeat.earlierOutcomes } : null,
  })
  return { classification, repeat }
}

export interface Registered {
  id: string
  code: string
  matterId: string
  classification: Classification
}

/** POST /letters: classify, then store the letter with the classification as its suggestion (`ctx`: the caller's, already loaded). */
export async function registerClassifiedLetter(
  db: Db,
  letter: Letter,
  actor: Actor,
  now: Date,
  extra: { accessKeyHash?: string | null; idempotencyKey?: string | null } = {},
  rules?: RulesContext,
): Promise<Registered> {
  const ctx = rules ?? (await rulesContext(db))
  const { classification, repeat } = await classifyLetter(db, letter, ctx)
  const names = new Map(ctx.agencies.map((a) => [a.code, a.name]))
  const stored = await registerLetter(
    db,
    {
      letter,
      classification: { ...classification, matterId: repeat?.matterId ?? null },
      matterId: repeat?.matterId ?? null,
      agencyName: (code) => (code ? (names.get(code) ?? null) : null),
      ...extra,
    },
    actor,
    now,
  )
  return { ...stored, classification: { ...classification, matterId: stored.matterId } }
}

// ----- who may see what ---------------------------------------------------------------------

/**
 * A denunciation's senders are protected; so is a several-content letter that contains one.
 * Defined beside the document templates (src/domain/documents.ts), which redact by the same test.
 */
export { protectsIdentity }

/** A receiving-agency user sees only what was sent to its agency. */
export function canViewLetter(user: CurrentUser, letter: StoredLetter): boolean {
  if (can(user.roles, 'view_letters')) return true
  if (user.roles.includes('co_quan') && user.agencyCode) {
    return letter.competentAgencyCode === user.agencyCode && letter.outcome !== null && SENDS_TO_AGENCY.includes(letter.outcome)
  }
  return false
}

export const mayViewIdentity = (user: CurrentUser, letter: Letter) =>
  !protectsIdentity(letter) || can(user.roles, 'view_denouncer_identity')

/** A receiving agency's user sees only the documents addressed to its agency (redacted for a denunciation). */
export function visibleDocuments(user: CurrentUser, documents: readonly StoredDocument[]): StoredDocument[] {
  if (can(user.roles, 'view_letters')) return [...documents]
  return documents.filter((d) => user.agencyCode !== null && d.addresseeAgencyCode === user.agencyCode)
}

// ----- the letter as the API returns it -----------------------------------------------------

/**
 * The letter's free texts with a denouncer's identity taken out, for viewers who may not see it:
 * a name or phone number retyped in the summary or the act is replaced as in redacted documents.
 */
export function withoutIdentity<T extends Pick<Letter, 'summary' | 'request' | 'act' | 'contents'>>(facts: T, senders: readonly Sender[]): T {
  const pieces = identityPieces(senders)
  if (pieces.texts.length === 0 && pieces.numbers.length === 0) return facts
  const scrub = <S extends string | null | undefined>(text: S): S => (text ? (scrubIdentity(text, pieces) as S) : text)
  return {
    ...facts,
    summary: scrub(facts.summary),
    request: scrub(facts.request),
    act: scrub(facts.act),
    contents: facts.contents ? facts.contents.map((c) => ({ ...c, summary: scrub(c.summary) })) : facts.contents,
  }
}

export async function letterForViewer(db: Db, stored: StoredLetter, user: CurrentUser, now: Date) {
  const showIdentity = mayViewIdentity(user, stored.letter)
  if (showIdentity && protectsIdentity(stored.letter) && stored.senders.length > 0) {
    // every view of a denouncer's identity is recorded (Luật Tố cáo Art. 56)
    await db.atomic([
      recordHistory(db, now, { id: user.id, name: user.displayName }, { entity: 'letter', entityId: stored.id, action: 'xem_danh_tinh_nguoi_to_cao' }),
    ])
  }
  const [decisions, history, documents] = await Promise.all([decisionsOf(db, stored.id), historyOf(db, 'letter', stored.id), documentsOfLetter(db, stored.id)])
  const last = decisions.at(-1) ?? null
  const { senders: _withPositions, ...allFacts } = stored.letter
  const senders = stored.senders.map(({ position: _position, ...sender }) => sender)
  const facts = showIdentity ? allFacts : withoutIdentity(allFacts, senders)
  return {
    id: stored.id,
    code: stored.code,
    track: stored.track,
    status: stored.status,
    receivedAt: stored.letter.receivedAt,
    channel: stored.letter.channel,
    contentType: stored.letter.contentType,
    letter: { ...facts, senders: showIdentity ? senders : [] },
    sendersHidden: !showIdentity,
    senderCount: stored.senders.length,
    classification: stored.suggestion,
    decision: last
      ? {
          outcome: last.outcome,
          eligible: stored.eligible,
          withinCompetence: stored.withinCompetence,
          competentAgencyCode: last.competentAgencyCode,
          overrides: last.overrides,
          note: last.note,
          decidedAt: last.decidedAt,
          decidedBy: last.decidedByName,
        }
      : null,
    competentAgencyCode: stored.competentAgencyCode,
    dueDate: stored.dueDate,
    deadlineRule: stored.deadlineRule,
    matterId: stored.matterId,
    duplicateOf: stored.duplicateOf,
    decisions: decisions.map((d) => ({ outcome: d.outcome, competentAgencyCode: d.competentAgencyCode, overrides: d.overrides, note: d.note, decidedAt: d.decidedAt, decidedBy: d.decidedByName })),
    // the history never carries identities; whose identity was viewed is shown only as the action
    history: history.map((h) => ({ at: h.at, actor: h.actorName, onBehalfOf: showIdentity ? h.onBehalfOf : h.onBehalfOf && '***', action: h.action, reason: h.reason })),
    // the list never carries a document's content; opening one goes through its own access check
    documents: visibleDocuments(user, documents).map(summaryOf),
    createdAt: stored.createdAt,
    decidedAt: stored.decidedAt,
    sentAt: stored.sentAt,
    repliedAt: stored.repliedAt,
    resolvedAt: stored.resolvedAt,
    version: stored.version,
  }
}

// ----- decide -------------------------------------------------------------------------------

const RESOLUTION_STARTED = 'Vụ việc đã bắt đầu được giải quyết (đã có quyết định, biên bản trong quá trình giải quyết): không thể thay đổi hướng xử lý đơn.'

export type DecideOutcome =
  | { ok: true; letter: StoredLetter }
  | { ok: false; status: 404 | 409 | 422; message: string; errors?: Array<{ path: string; message: string }> }

export async function decideLetter(db: Db, letterId: string, input: DecisionInput & { version?: number | undefined }, user: CurrentUser, now: Date): Promise<DecideOutcome> {
  const stored = await getLetter(db, letterId)
  if (!stored) return { ok: false, status: 404, message: 'Không tìm thấy đơn.' }
  const { agencies, settings } = await rulesContext(db)
  const result = decide(stored.suggestion, input, settings.homeAgencyCode)
  if (!result.ok) return { ok: false, status: 422, message: 'Quyết định xử lý chưa hợp lệ.', errors: result.errors }
  if (result.competentAgencyCode && !agencies.some((a) => a.code === result.competentAgencyCode)) {
    return { ok: false, status: 422, message: 'Quyết định xử lý chưa hợp lệ.', errors: [{ path: 'competentAgencyCode', message: 'Không có cơ quan này trong danh bạ.' }] }
  }
  if (result.outcome !== stored.outcome && (stored.resolvedAt || (await resolutionEventsOf(db, letterId)).length > 0)) {
    return { ok: false, status: 409, message: RESOLUTION_STARTED }
  }
  if (stored.decidedAt && !result.note) {
    return { ok: false, status: 422, message: 'Đơn đã có quyết định xử lý.', errors: [{ path: 'note', message: 'Thay đổi quyết định đã có cần ghi rõ lý do.' }] }
  }
  if (input.version !== undefined && input.version !== stored.version) {
    return { ok: false, status: 409, message: 'Đơn vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi.' }
  }
  const calendar = workingCalendar({ holidays: settings.holidays, extraWorkingDays: settings.extraWorkingDays })
  const due = dueDateForOutcome({
    contentType: stored.letter.contentType,
    outcome: result.outcome,
    receivedAt: stored.letter.receivedAt,
    complaintRound: stored.letter.complaintRound ?? null,
    remoteArea: stored.letter.remoteArea ?? null,
    complex: stored.letter.complex ?? null,
    rules: settings.deadlines,
    calendar,
  })
  const sendsOut = SENDS_TO_AGENCY.includes(result.outcome) && result.competentAgencyCode !== null
  // when the receiving agency's reply is due (src/domain/forwarding.ts): its own handling deadline
  const replyDue = sendsOut
    ? replyDueDate({ kind: result.outcome as ForwardingKind, contentType: stored.letter.contentType, sentOn: vnDateOf(now), rules: settings.deadlines, calendar: calendarOf(settings) }).dueDate
    : null
  // the outcome's documents are issued in the decision's own batch: a decision never exists without them
  const documents = issueDocuments(stored, { ...result, dueDate: due.dueDate }, { agencies, settings }, user, now)
  const forwardedWith = documents.find((d) => d.model.audience === 'co_quan' && d.model.addresseeAgencyCode === result.competentAgencyCode)
  const actor = { id: user.id, name: user.displayName }
  const extra = [
    ...documents.flatMap((d) => [
      insertDocument(db, d.id, letterId, d.model, user.id, now),
      recordHistory(db, now, actor, { entity: 'document', entityId: d.id, action: 'lap_van_ban', data: { letterId, template: d.model.template, redacted: d.model.redacted } }),
    ]),
    ...(sendsOut
      ? [
          db.kysely
            .insertInto('forwardings')
            .values({
              id: newRecordId(),
              letter_id: letterId,
              agency_code: result.competentAgencyCode!,
              kind: result.outcome as 'chuyen_don' | 'don_doc',
              document_id: forwardedWith?.id ?? null,
              sent_on: vnDateOf(now),
              reply_due_on: replyDue,
            })
            .compile(),
        ]
      : []),
  ]
  try {
    await recordDecision(
      db,
      {
        letterId,
        version: stored.version,
        outcome: result.outcome,
        eligible: result.eligible,
        withinCompetence: result.withinCompetence,
        competentAgencyCode: result.competentAgencyCode,
        dueDate: due.dueDate,
        deadlineRule: due.deadlineRule,
        suggestedOutcome: stored.suggestion.outcome as Outcome,
        overrides: result.overrides,
        note: result.note,
        status: sendsOut ? 'cho_phuc_dap' : 'da_xu_ly',
        extra,
      },
      actor,
      now,
    )
  } catch (error) {
    if (isGuardFailure(error)) return { ok: false, status: 409, message: 'Đơn vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi.' }
    // the database's own guard (migration 0006) against a resolution recorded meanwhile
    if (error instanceof Error && /resolution already started/.test(error.message)) return { ok: false, status: 409, message: RESOLUTION_STARTED }
    throw error
  }
  const updated = await getLetter(db, letterId)
  if (!updated) throw new ConflictError('letter vanished')
  return { ok: true, letter: updated }
}

/**
 * The documents the chosen outcome calls for (src/domain/documents.ts), built from the letter,
 * the decision and the directory as they are now: the stored snapshot is what was sent.
 */
function issueDocuments(
  stored: StoredLetter,
  result: { outcome: Outcome; competentAgencyCode: string | null; note: string | null; dueDate: string },
  ctx: RulesContext,
  user: CurrentUser,
  now: Date,
): Array<{ id: string; model: DocumentModel }> {
  const issuedOn = vnDateOf(now)
  // the classification's reasons explain the suggested outcome only; an override is explained by the note
  const reasons = result.outcome === stored.suggestion.outcome ? stored.suggestion.reasons : []
  return documentsFor(result.outcome, stored.letter).map((template) => ({
    id: newRecordId(),
    model: buildDocument(template, {
      letter: { id: stored.id, code: stored.code, track: stored.track, letter: stored.letter, reasons },
      decision: { outcome: result.outcome, competentAgencyCode: result.competentAgencyCode, note: result.note, dueDate: result.dueDate, decidedByName: user.displayName },
      agencies: ctx.agencies,
      settings: ctx.settings,
      issuedOn,
    }),
  }))
}

/** The letter as one viewer may see it (the API's answer, and the case page's facts). */
export type LetterView = Awaited<ReturnType<typeof letterForViewer>>
