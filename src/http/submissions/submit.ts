/**
 * Filing a letter from the portal, the same for the JSON API and the page forms: check, store
 * the files, register the letter (channel `truc_tuyen`, actor CITIZEN) with its access key hash
 * and idempotency key, and answer with the receipt. A resend of the same submission answers
 * with the same receipt and creates nothing (see access.ts for how the key survives that).
 */
import type { CompiledQuery } from 'kysely'
import { vnDateOf } from '../../domain/calendar.ts'
import type { Letter } from '../../domain/letter.ts'
import { attachmentRowsForLetter, dbAttachmentStore, newStorageKey, type AttachmentStore } from '../../db/attachments.ts'
import { guardPreviousChanged, type Db } from '../../db/db.ts'
import { CITIZEN } from '../../db/history.ts'
import { isIdempotencyConflict, submissionByIdempotencyKey, type SubmissionFacts } from '../../db/submissions.ts'
import type { Deps } from '../env.ts'
import type { FieldError } from '../errors.ts'
import { registerClassifiedLetter, rulesContext, type RulesContext } from '../letters.ts'
import { PORTAL_LIMITS, limiterOf } from '../rate-limit.ts'
import {
  REPLAY_WINDOW_HOURS,
  accessKeyHash,
  deriveAccessKey,
  fingerprintOf,
  keyMatches,
  storedIdempotencyKey,
  type IdempotencySource,
} from './access.ts'
import { checkFiles, type CheckedFile, type IncomingFile } from './files.ts'
import { cleanSenders, submissionProblems, type SubmissionInput } from './schema.ts'

export interface SubmissionRequest {
  input: SubmissionInput
  files: readonly IncomingFile[]
  /** Where the files' errors go: the form's file input or the API's array. */
  filesPath: string
  /** The browser's CSRF secret (page) or the API's Idempotency-Key; random when the client sent none. */
  idempotency: { source: IdempotencySource; secret: string }
  address: string
}

export interface Receipt {
  code: string
  accessKey: string
  receivedAt: string
  contentType: string
  dueDate: string | null
  deadlineRule: string | null
  anonymous: boolean
  attachmentCount: number
}

export type SubmitResult =
  | { kind: 'created' | 'replayed'; receipt: Receipt }
  | { kind: 'invalid'; errors: FieldError[] }
  /** The same idempotency secret with other content, or a resend after the replay window. */
  | { kind: 'already_received'; code: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }

export const attachmentStoreOf = (deps: Deps): AttachmentStore => deps.attachments ?? dbAttachmentStore(deps.db)

/**
 * Counts one submission request, before anything is read or checked, so a flood of junk is
 * stopped as early as one of valid letters. The caller answers 429 when it is refused.
 */
export const countAttempt = (deps: Deps, address: string) => limiterOf(deps).hit(PORTAL_LIMITS.submissionAttempt, address, deps.now())

/** The letter a citizen's submission becomes (RULES.md §2, CONV for the online channel). */
export function letterOf(input: SubmissionInput, receivedAt: string, signed: boolean, hasEvidence: boolean): Letter {
  const anonymous = input.contentType === 'to_cao' && input.anonymous === true
  const respondent = input.respondent ?? {}
  const isComplaint = input.contentType === 'khieu_nai'
  const decision = input.decision ?? {}
  return {
    receivedAt,
    channel: 'truc_tuyen',
    contentType: input.contentType,
    // the date of writing is left out: on the online channel the date of receipt stands for it
    // (CONV electronicReceiptDateIsWrittenDate, applied by the classifier)
    senders: anonymous ? [] : cleanSenders(input.senders).map(({ sender }) => ({ ...sender, signed })),
    respondent: {
      agencyCode: respondent.agencyCode || null,
      person: respondent.person || null,
      isHead: respondent.isHead === true,
      private: respondent.private === true,
    },
    summary: input.summary || null,
    request: input.request || null,
    act: input.contentType === 'to_cao' ? input.act || null : null,
    field: input.field ?? null,
    location: input.location || null,
    hasEvidence,
    complaintRound: isComplaint ? (input.complaintRound ?? 1) : null,
    decision: isComplaint && (decision.number || decision.date || decision.knownDate)
      ? { number: decision.number || null, date: decision.date ?? null, knownDate: decision.knownDate ?? null }
      : null,
    aboutAdministrativeRegulation: input.contentType === 'kien_nghi_phan_anh' && input.aboutAdministrativeRegulation === true,
  }
}

/** A Db whose next atomic batch also runs `extra`: the files' rows join the letter's own batch. */
function joiningNextBatch(db: Db, extra: CompiledQuery[]): Db {
  let pending = extra
  return {
    ...db,
    async atomic(queries) {
      const results = await db.atomic([...queries, ...pending])
      // only once written: a batch retried (a receipt code drawn again) carries the files again
      pending = []
      return results
    },
  }
}

const receiptOf = (facts: SubmissionFacts, accessKey: string, anonymous: boolean, attachmentCount: number): Receipt => ({
  code: facts.code,
  accessKey,
  receivedAt: facts.receivedAt,
  contentType: facts.contentType,
  dueDate: facts.dueDate,
  deadlineRule: facts.deadlineRule,
  anonymous,
  attachmentCount,
})

/** Files a citizen's letter (`loaded`: the directory and settings, when the caller has them already). */
export async function submitCitizenLetter(deps: Deps, req: SubmissionRequest, loaded?: RulesContext): Promise<SubmitResult> {
  const { db } = deps
  const now = deps.now()
  const limiter = limiterOf(deps)
  const today = vnDateOf(now)
  const rules = loaded ?? (await rulesContext(db))
  const { agencies, settings } = rules
  const checked = await checkFiles(req.files, req.filesPath)
  const errors = [...submissionProblems(req.input, { agencies, today }, req.files.length), ...checked.errors]
  if (errors.length > 0) return { kind: 'invalid', errors }

  const files = checked.files
  const anonymous = req.input.contentType === 'to_cao' && req.input.anonymous === true
  const signed = settings.conventions.onlineDeclarationCountsAsSigned && req.input.declaration === true
  const letter = letterOf(req.input, today, signed, files.length > 0)
  // what makes two requests "the same submission": the letter minus its date, and the files
  const { receivedAt: _date, ...content } = letter
  const fingerprint = await fingerprintOf({ content, anonymous, files: files.map((f) => f.sha256) })
  const accessKey = await deriveAccessKey(req.idempotency.secret, fingerprint)
  const idempotencyKey = await storedIdempotencyKey(req.idempotency.source, req.idempotency.secret, fingerprint)

  const replay = async (): Promise<SubmitResult | null> => {
    const existing = await submissionByIdempotencyKey(db, idempotencyKey)
    if (!existing) return null
    const fresh = now.getTime() - Date.parse(existing.createdAt) <= REPLAY_WINDOW_HOURS * 3600_000
    if (fresh && (await keyMatches(accessKey, existing.accessKeyHash))) {
      return { kind: 'replayed', receipt: receiptOf(existing, accessKey, anonymous, files.length) }
    }
    return { kind: 'already_received', code: existing.code }
  }
  const earlier = await replay()
  if (earlier) return earlier

  const created = await limiter.hit(PORTAL_LIMITS.submission, req.address, now)
  if (!created.ok) return { kind: 'rate_limited', retryAfterSeconds: created.retryAfterSeconds }

  const store = attachmentStoreOf(deps)
  const stored = await storeFiles(store, files)
  const rows = attachmentRowsForLetter(
    db,
    idempotencyKey,
    stored.map((s) => ({ storageKey: s.key, fileName: s.file.fileName, mediaType: s.file.mediaType, size: s.file.bytes.length, sha256: s.file.sha256 })),
    now,
  ).flatMap((q) => [q, guardPreviousChanged()])
  try {
    await registerClassifiedLetter(
      joiningNextBatch(db, rows),
      letter,
      CITIZEN,
      now,
      {
        accessKeyHash: await accessKeyHash(accessKey),
        idempotencyKey,
      },
      rules,
    )
  } catch (error) {
    await Promise.allSettled(stored.map((s) => store.delete(s.key)))
    // a concurrent resend of the same submission got there first: answer as a resend
    if (isIdempotencyConflict(error)) {
      const again = await replay()
      if (again) return again
    }
    throw error
  }
  const facts = await submissionByIdempotencyKey(db, idempotencyKey)
  if (!facts) throw new Error('submission vanished after registration')
  return { kind: 'created', receipt: receiptOf(facts, accessKey, anonymous, files.length) }
}

async function storeFiles(store: AttachmentStore, files: readonly CheckedFile[]) {
  const stored: Array<{ key: string; file: CheckedFile }> = []
  try {
    for (const file of files) {
      const key = newStorageKey()
      await store.put(key, file.bytes, file.mediaType)
      stored.push({ key, file })
    }
  } catch (error) {
    await Promise.allSettled(stored.map((s) => store.delete(s.key)))
    throw error
  }
  return stored
}
