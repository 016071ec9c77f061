/**
 * The status of a citizen's letter, by receipt code and access key: stage, outcome, competent
 * agency and due date — never the content, never who sent it (RULES.md §6). A wrong key and an
 * unknown code look exactly the same from outside.
 */
import { resolutionDeadline } from '../../domain/resolution.ts'
import { calendarOf, type Settings } from '../../domain/settings.ts'
import { submissionByCode } from '../../db/submissions.ts'
import type { Db } from '../../db/db.ts'
import { formatCode, getLetter, normaliseCode } from '../../db/letters.ts'
import { resolutionCaseOf } from '../resolution.ts'
import { keyMatches, normaliseKey } from './access.ts'
import { KIND_LABELS, STAGE_LABELS, outcomeText } from './meanings.ts'

export interface SubmissionStatus {
  code: string
  codeFormatted: string
  receivedAt: string
  contentType: string
  contentTypeLabel: string
  status: string
  statusLabel: string
  outcome: string | null
  outcomeLabel: string | null
  outcomeMeaning: string | null
  /** The agency that handles it, once the board decided (a suggestion is not shown). */
  competentAgency: { code: string; name: string } | null
  dueDate: string | null
  /** What the due date is for, from the deadline table (e.g. "Xử lý đơn kể từ ngày nhận"). */
  dueDateMeaning: string | null
}

/**
 * The date the citizen waits for next: the handling deadline until the letter is accepted; then,
 * for an accepted complaint or denunciation, the resolution deadline (extended, paused while
 * suspended), and none once it is resolved.
 */
async function nextDueDate(db: Db, settings: Settings, facts: { id: string; outcome: string | null; dueDate: string | null; deadlineRule: string | null }) {
  const handling = { dueDate: facts.dueDate, dueDateMeaning: settings.deadlines.find((d) => d.rule === facts.deadlineRule)?.label ?? null }
  if (facts.outcome !== 'thu_ly') return handling
  const stored = await getLetter(db, facts.id)
  const accepted = stored ? await resolutionCaseOf(db, stored) : null
  if (!stored || !accepted?.ok) return handling
  if (stored.resolvedAt) return { dueDate: null, dueDateMeaning: null }
  const d = resolutionDeadline(accepted.value, accepted.value.state, settings.deadlines, calendarOf(settings))
  if (d.paused) return { dueDate: null, dueDateMeaning: 'Việc giải quyết đang tạm đình chỉ: thời hạn tạm dừng.' }
  return { dueDate: d.dueDate, dueDateMeaning: d.label }
}

export async function submissionStatus(db: Db, settings: Settings, code: string, key: string): Promise<SubmissionStatus | null> {
  const wellFormed = /^[0-9A-Z]{8}$/.test(normaliseCode(code)) && normaliseKey(key).length > 0
  const facts = wellFormed ? await submissionByCode(db, code) : null
  // the key is checked (against a dummy when there is no letter) in every case
  if (!(await keyMatches(key, facts?.accessKeyHash ?? null)) || !facts) return null
  const outcome = outcomeText(facts.outcome)
  const decided = facts.outcome !== null
  return {
    code: facts.code,
    codeFormatted: formatCode(facts.code),
    receivedAt: facts.receivedAt,
    contentType: facts.contentType,
    contentTypeLabel: KIND_LABELS[facts.contentType] ?? facts.contentType,
    status: facts.status,
    statusLabel: STAGE_LABELS[facts.status] ?? facts.status,
    outcome: facts.outcome,
    outcomeLabel: outcome?.label ?? null,
    outcomeMeaning: outcome?.meaning ?? null,
    competentAgency: decided && facts.competentAgencyCode ? { code: facts.competentAgencyCode, name: facts.competentAgencyName ?? facts.competentAgencyCode } : null,
    ...(await nextDueDate(db, settings, facts)),
  }
}
