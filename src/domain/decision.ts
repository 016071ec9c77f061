/**
 * The officer's decision on a letter (POST /letters/{id}/decision): accept the suggestion or
 * override it. What the chosen outcome implies for eligibility and competence follows from
 * RULES.md §1 (each outcome belongs to exactly one branch), so the stored letter always
 * satisfies the report invariants of §7.
 */
import type { Outcome } from './codes.ts'
import type { Classification } from './letter.ts'

export interface DecisionInput {
  outcome?: Outcome | undefined
  competentAgencyCode?: string | null | undefined
  note?: string | null | undefined
}

export type DecisionResult =
  | {
      ok: true
      outcome: Outcome
      eligible: boolean
      withinCompetence: boolean
      competentAgencyCode: string | null
      /** The decision differs from the system's suggestion (a note is then required). */
      overrides: boolean
      note: string | null
    }
  | { ok: false; errors: Array<{ path: string; message: string }> }

const WITHIN: readonly Outcome[] = ['thu_ly', 'khong_thu_ly', 'kiem_tra']
const OUTSIDE: readonly Outcome[] = ['huong_dan', 'chuyen_don', 'don_doc']
const NOT_ELIGIBLE: readonly Outcome[] = ['luu_don', 'tach_don']

/** Outcomes that send the letter (or a follow-up request) to another agency. */
export const SENDS_TO_AGENCY: readonly Outcome[] = ['chuyen_don', 'don_doc']

export function decide(suggestion: Classification, input: DecisionInput, homeAgencyCode: string | null): DecisionResult {
  const outcome = input.outcome ?? suggestion.outcome
  const note = input.note?.trim() ? input.note.trim() : null
  const within = WITHIN.includes(outcome)
  const eligible = !NOT_ELIGIBLE.includes(outcome)
  let competentAgencyCode: string | null
  if (within) competentAgencyCode = homeAgencyCode ?? suggestion.competentAgencyCode
  else if (OUTSIDE.includes(outcome)) competentAgencyCode = input.competentAgencyCode ?? suggestion.competentAgencyCode
  else competentAgencyCode = input.competentAgencyCode ?? suggestion.competentAgencyCode

  const errors: Array<{ path: string; message: string }> = []
  if (OUTSIDE.includes(outcome)) {
    if (!competentAgencyCode) {
      errors.push({ path: 'competentAgencyCode', message: 'Cần chọn cơ quan có thẩm quyền để hướng dẫn, chuyển đơn hoặc đôn đốc.' })
    } else if (competentAgencyCode === homeAgencyCode) {
      errors.push({ path: 'competentAgencyCode', message: 'Đơn thuộc thẩm quyền của cơ quan mình thì không hướng dẫn, chuyển hay đôn đốc.' })
    }
  }
  const overrides = outcome !== suggestion.outcome || (competentAgencyCode ?? null) !== (suggestion.competentAgencyCode ?? null)
  if (overrides && !note) {
    errors.push({ path: 'note', message: 'Khi không theo đề xuất của hệ thống, cần ghi rõ lý do.' })
  }
  if (errors.length > 0) return { ok: false, errors }
  return {
    ok: true,
    outcome,
    // a letter that is filed or split keeps the suggestion's competence for the record
    eligible,
    withinCompetence: eligible ? within : suggestion.withinCompetence,
    competentAgencyCode,
    overrides,
    note,
  }
}
