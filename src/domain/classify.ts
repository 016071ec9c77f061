/**
 * The classifier: a letter → its classification (RULES.md §2, docs/classification.md §1–§10).
 * Pure: the caller passes the directory, the settings and the duplicate it found. Never throws
 * for a letter the API schema accepts: every field but receivedAt, channel and contentType may
 * be missing, null, empty or odd.
 */
import type { Agency } from './agency.ts'
import { isIsoDate, workingCalendar, type WorkingCalendar } from './calendar.ts'
import type { ContentType, Outcome, SingleContentType } from './codes.ts'
import { competentAgency, type CompetenceResult } from './competence.ts'
import { DEFAULT_COMPETENCE_RULES, type CompetenceRule } from './competence-rules.ts'
import { DEFAULT_DEADLINES, type DeadlineRuleId, type DeadlineSetting } from './deadline-table.ts'
import { complexityVariant, dueDate, dueDateForOutcome, outcomeDeadlineRule } from './deadlines.ts'
import {
  complaintExclusions,
  complaintTimeLimit,
  eligibilityReasons,
  feedbackEmpty,
  flag,
  isAnonymousDenunciation,
  objectOf,
  onceOnlyReasons,
  signerGroup,
  textOf,
  type DuplicateInfo,
} from './eligibility.ts'
import type { Classification, Letter } from './letter.ts'
import { ELIGIBLE_BASIS, outcomeBasis, reasonDetail, type ReasonCode, type ReasonDetail } from './reasons.ts'
import { DEFAULT_CONVENTIONS, type Conventions, type Settings } from './settings.ts'
import { foldVi } from './text.ts'

export interface ClassifyContext {
  agencies: readonly Agency[]
  settings: Settings
  /** The earlier letter of the same matter, when the caller found one (duplicates.ts findDuplicate). */
  duplicate?: DuplicateInfo | null
  /** Competence rules in force; default DEFAULT_COMPETENCE_RULES (to become a setting). */
  competenceRules?: readonly CompetenceRule[] | null
}

const SINGLE_TYPES: readonly SingleContentType[] = ['khieu_nai', 'to_cao', 'kien_nghi_phan_anh']

/** Conventions from the settings, each missing one taking its default. */
const conventionsOf = (settings: Settings): Conventions => ({ ...DEFAULT_CONVENTIONS, ...objectOf(settings?.conventions) }) as Conventions

/**
 * The working-day calendar of the settings (as settings.ts calendarOf, but malformed dates in the
 * lists are ignored rather than fatal: classification must not throw).
 */
// Settings objects are read once per change and frozen (src/db/config-cache.ts): one calendar each
const calendars = new WeakMap<object, Map<boolean, WorkingCalendar>>()

function safeCalendar(settings: Settings, conventions: Conventions): WorkingCalendar {
  const endOnWorkingDay = conventions.periodEndsOnWorkingDay !== false
  const frozen = settings && typeof settings === 'object' && Object.isFrozen(settings)
  const known = frozen ? calendars.get(settings)?.get(endOnWorkingDay) : undefined
  if (known) return known
  const dates = (v: unknown) => (Array.isArray(v) ? v.filter((d): d is string => isIsoDate(d)) : [])
  const calendar = workingCalendar({ holidays: dates(settings?.holidays), extraWorkingDays: dates(settings?.extraWorkingDays), endOnWorkingDay })
  if (frozen) calendars.set(settings, (calendars.get(settings) ?? new Map()).set(endOnWorkingDay, calendar))
  return calendar
}

const deadlinesOf = (settings: Settings): readonly DeadlineSetting[] =>
  Array.isArray(settings?.deadlines) ? settings.deadlines.filter((r) => r != null && typeof r === 'object') : DEFAULT_DEADLINES

/**
 * A several-content letter handled as one letter when the board switched off
 * `severalContentsIneligible`: it takes the type of its first listed content. Otherwise the
 * letter as it is.
 */
function asOneLetter(letter: Letter, conventions: Conventions): Letter {
  if (letter.contentType !== 'nhieu_noi_dung' || flag(conventions.severalContentsIneligible)) return letter
  const first = objectOf(Array.isArray(letter.contents) ? letter.contents[0] : null).contentType
  return SINGLE_TYPES.includes(first as SingleContentType) ? { ...letter, contentType: first as SingleContentType } : letter
}

/** Administrative-regulation feedback (NĐ 20/2008), counted on its own track (docs/classification.md §1). */
const onRegulationTrack = (letter: Letter): boolean =>
  letter.contentType === 'kien_nghi_phan_anh' && flag(letter.aboutAdministrativeRegulation)

/**
 * Đôn đốc (docs/classification.md §9, TT05-14b, TT05-18): the matter already sits at the
 * competent agency, that agency's parent is home, and its resolution deadline counted from
 * `pendingAt.since` (D3 with the complex/remote variant for a complaint, D11 for a
 * denunciation, D1 otherwise) ended strictly before the letter was received.
 */
export function followUpDue(
  letter: Letter,
  competentCode: string | null,
  ctx: { agencies: readonly Agency[]; homeAgencyCode: string | null; deadlines: readonly DeadlineSetting[]; calendar: WorkingCalendar },
): boolean {
  const pending = objectOf(letter.pendingAt)
  const since = textOf(pending.since)
  const home = textOf(ctx.homeAgencyCode)
  if (competentCode === null || home === '' || textOf(pending.agencyCode) !== competentCode) return false
  if (!isIsoDate(since) || !isIsoDate(letter.receivedAt)) return false
  const agency = (Array.isArray(ctx.agencies) ? ctx.agencies : []).find((a) => a?.code === competentCode)
  if (agency?.parentCode !== home) return false
  const [rule, variant]: [DeadlineRuleId, ReturnType<typeof complexityVariant>] =
    letter.contentType === 'khieu_nai'
      ? ['D3', complexityVariant(flag(letter.complex), flag(letter.remoteArea))]
      : letter.contentType === 'to_cao'
        ? ['D11', 'thuong']
        : ['D1', 'thuong']
  const due =
    dueDate({ rules: ctx.deadlines, calendar: ctx.calendar, rule, variant, from: since }).dueDate ??
    dueDate({ rules: DEFAULT_DEADLINES, calendar: ctx.calendar, rule, variant, from: since }).dueDate
  return due !== null && due < letter.receivedAt
}

/** The outcome of an eligible letter (docs/classification.md §9) and, for a complaint, the exclusions that made it khong_thu_ly. */
function eligibleOutcome(
  letter: Letter,
  competence: CompetenceResult,
  exclusions: () => ReasonCode[],
  followUp: () => boolean,
): { outcome: Outcome; reasons: ReasonCode[] } {
  if (onRegulationTrack(letter)) return { outcome: competence.withinCompetence ? 'thu_ly' : 'chuyen_don', reasons: [] }
  if (competence.withinCompetence) {
    if (letter.contentType === 'khieu_nai') {
      const codes = exclusions()
      return { outcome: codes.length > 0 ? 'khong_thu_ly' : 'thu_ly', reasons: codes }
    }
    if (isAnonymousDenunciation(letter)) return { outcome: 'kiem_tra', reasons: [] }
    return { outcome: 'thu_ly', reasons: [] }
  }
  if (followUp()) return { outcome: 'don_doc', reasons: [] }
  return { outcome: letter.contentType === 'khieu_nai' ? 'huong_dan' : 'chuyen_don', reasons: [] }
}

/** The basis for eligibility: the reasons' bases when not eligible, else the rule the letter satisfies. */
function eligibilityBasis(letter: Letter, eligibilityFailures: readonly ReasonCode[]): string[] {
  if (eligibilityFailures.length > 0) return eligibilityFailures.map((code) => reasonDetail(code).basis)
  if (onRegulationTrack(letter)) return [ELIGIBLE_BASIS.quy_dinh_hanh_chinh]
  if (isAnonymousDenunciation(letter)) return [ELIGIBLE_BASIS.to_cao_nac_danh]
  const basis = (ELIGIBLE_BASIS as Record<string, string>)[letter.contentType]
  return basis ? [basis] : []
}

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
const viDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

/**
 * Classify a letter (docs/classification.md): track gate (§1), several contents (§2), signer
 * group (§3), eligibility (§4–§6), competence (§8), outcome (§7, §9) and due date (§10).
 * `reasons` lists every failing eligibility reason, or for an eligible complaint within
 * competence the Art. 11 exclusions that make it `khong_thu_ly`; it is empty otherwise.
 * `legalBasis` quotes the basis for eligibility, competence, the outcome and the deadline.
 */
export function classify(input: Letter, ctx: ClassifyContext): Classification {
  const settings = objectOf(ctx?.settings) as unknown as Settings
  const conventions = conventionsOf(settings)
  const calendar = safeCalendar(settings, conventions)
  const deadlines = deadlinesOf(settings)
  const agencies = Array.isArray(ctx?.agencies) ? ctx.agencies : []
  const letter = asOneLetter(input, conventions)
  const regulation = onRegulationTrack(letter)
  const several = letter.contentType === 'nhieu_noi_dung'
  const duplicate = ctx?.duplicate != null && typeof ctx.duplicate === 'object' ? ctx.duplicate : null

  const competence = competentAgency(letter, {
    agencies,
    homeAgencyCode: settings.homeAgencyCode ?? null,
    centralAgencyCode: settings.centralAgencyCode ?? null,
    rules: Array.isArray(ctx?.competenceRules)
      ? ctx.competenceRules
      : Array.isArray(ctx?.settings?.competenceRules)
        ? ctx.settings.competenceRules
        : DEFAULT_COMPETENCE_RULES,
  })

  const failures: ReasonCode[] = regulation
    ? feedbackEmpty(letter) ? ['thieu_noi_dung_kien_nghi'] : []
    : [...eligibilityReasons(letter, conventions), ...onceOnlyReasons(letter, duplicate, conventions)]
  const eligible = failures.length === 0

  const exclusionCtx = { deadlines, calendar }
  const { outcome, reasons } = !eligible
    ? { outcome: (several ? 'tach_don' : 'luu_don') as Outcome, reasons: failures }
    : eligibleOutcome(
        letter,
        competence,
        () => complaintExclusions(letter, exclusionCtx),
        () => followUpDue(letter, competence.agencyCode, { agencies, homeAgencyCode: settings.homeAgencyCode ?? null, deadlines, calendar }),
      )

  const deadline = isIsoDate(letter.receivedAt)
    ? dueDateForOutcome({
        contentType: letter.contentType,
        outcome,
        receivedAt: letter.receivedAt,
        complaintRound: letter.complaintRound === 2 ? 2 : 1,
        remoteArea: flag(letter.remoteArea),
        complex: flag(letter.complex),
        extended: letter.contentType === 'to_cao' && flag(letter.verificationExtended),
        rules: deadlines,
        calendar,
      })
    : null

  const details: ReasonDetail[] = reasons.map((code) => {
    const detail = reasonDetail(code)
    if (code !== 'het_thoi_hieu') return detail
    const lastDay = complaintTimeLimit(letter, exclusionCtx)?.lastDay
    return lastDay ? { ...detail, message: `${detail.message} Hạn cuối được khiếu nại: ${viDate(lastDay)}.` } : detail
  })

  const legalBasis = [
    ...eligibilityBasis(letter, eligible ? [] : failures),
    ...(eligible ? details.map((d) => d.basis) : []),
    competence.basis,
    outcomeBasis(letter.contentType, outcome),
    deadline ? `${deadline.label} (${deadline.deadlineRule}): ${deadline.basis}` : '',
  ].filter((b) => b !== '')

  return {
    contentType: letter.contentType,
    eligible,
    reasons,
    signerGroup: signerGroup(letter),
    competentAgencyCode: several ? null : competence.agencyCode,
    withinCompetence: several ? false : competence.withinCompetence,
    outcome,
    dueDate: deadline?.dueDate ?? '',
    deadlineRule: deadline?.deadlineRule ?? outcomeDeadlineRule(letter.contentType, outcome),
    duplicateOf: duplicate ? textOf(duplicate.letterId) || null : null,
    legalBasis: [...new Set(legalBasis)],
    track: regulation ? 'quy_dinh_hanh_chinh' : 'don_thu',
    reasonDetails: details,
    matterId: duplicate ? textOf(duplicate.matterId) || null : null,
  }
}

// --- content-type suggestion (RULES.md §2.2: the system suggests, the officer decides) -------------

interface Cue {
  /** The phrase shown to the officer. */
  label: string
  type: SingleContentType
  weight: number
  pattern: RegExp
}

/** Word boundary over folded text (letters and digits only are word characters). */
const B = '(?<![a-z0-9])'
const E = '(?![a-z0-9])'
const phrase = (p: string): string => foldVi(p).split(' ').join('\\s+')
const cue = (type: SingleContentType, weight: number, label: string, pattern?: string): Cue => ({
  label,
  type,
  weight,
  pattern: new RegExp(pattern ?? `${B}${phrase(label)}${E}`, 'u'),
})

/** Weighted phrases: 3 = the kind named outright, 2 = a typical request or act, 1 = a hint. */
const CUES: readonly Cue[] = [
  cue('khieu_nai', 3, 'khiếu nại'),
  cue('khieu_nai', 3, 'đề nghị hủy quyết định'),
  cue('khieu_nai', 2, 'quyết định … không đúng', `${B}quyet\\s+dinh${E}.{0,80}?${B}khong\\s+(dung|phu\\s+hop)${E}`),
  cue('khieu_nai', 2, 'thu hồi quyết định'),
  cue('khieu_nai', 2, 'không đồng ý với quyết định'),
  cue('khieu_nai', 1, 'quyết định hành chính'),
  cue('khieu_nai', 1, 'hành vi hành chính'),
  cue('to_cao', 3, 'tố cáo'),
  // any mention of a bribe: nhận / đưa / đòi (tiền) hối lộ
  cue('to_cao', 3, 'hối lộ'),
  cue('to_cao', 3, 'tham nhũng'),
  cue('to_cao', 3, 'lợi dụng chức vụ'),
  cue('to_cao', 2, 'sai phạm'),
  cue('to_cao', 2, 'vi phạm pháp luật'),
  cue('to_cao', 2, 'chiếm đoạt'),
  cue('to_cao', 2, 'bao che'),
  cue('to_cao', 2, 'nhũng nhiễu'),
  cue('kien_nghi_phan_anh', 3, 'kiến nghị'),
  cue('kien_nghi_phan_anh', 3, 'phản ánh'),
  cue('kien_nghi_phan_anh', 2, 'đề nghị sửa chữa'),
  cue('kien_nghi_phan_anh', 2, 'đề xuất'),
  cue('kien_nghi_phan_anh', 2, 'góp ý'),
  cue('kien_nghi_phan_anh', 1, 'xuống cấp'),
]

/** A kind scoring at least this much counts as clearly present (several such kinds → several contents). */
const STRONG = 3

export interface ContentTypeSuggestion {
  /** The suggested type; null when no cue was found. */
  contentType: ContentType | null
  /** 0–1: the winner's share of all cue weight, damped while the evidence is thin. */
  confidence: number
  /** The phrases found, as shown to the officer. */
  cues: string[]
  /** The weight found for each kind. */
  scores: Record<SingleContentType, number>
}

/**
 * Suggest a content type from the letter's text (RULES.md §2.2) by weighted phrases over
 * folded Vietnamese text: e.g. "khiếu nại", "quyết định … không đúng" → khieu_nai; "tố cáo",
 * "hối lộ", "tham nhũng" → to_cao; "kiến nghị", "phản ánh", "đề xuất" → kien_nghi_phan_anh.
 * Two or more kinds each scoring ≥ 3 → nhieu_noi_dung. The stored value is the officer's.
 */
export function suggestContentType(text: unknown): ContentTypeSuggestion {
  const folded = typeof text === 'string' ? foldVi(text) : ''
  const scores: Record<SingleContentType, number> = { khieu_nai: 0, to_cao: 0, kien_nghi_phan_anh: 0 }
  const cues: string[] = []
  for (const c of CUES) {
    if (!c.pattern.test(folded)) continue
    scores[c.type] += c.weight
    cues.push(c.label)
  }
  const total = scores.khieu_nai + scores.to_cao + scores.kien_nghi_phan_anh
  if (total === 0) return { contentType: null, confidence: 0, cues, scores }
  const ranked = [...SINGLE_TYPES].sort((a, b) => scores[b] - scores[a])
  const strong = ranked.filter((t) => scores[t] >= STRONG)
  const damp = (score: number) => Math.min(1, score / (2 * STRONG))
  if (strong.length >= 2) {
    const share = strong.reduce((sum, t) => sum + scores[t], 0) / total
    return { contentType: 'nhieu_noi_dung', confidence: round2(share * damp(scores[strong[1]!])), cues, scores }
  }
  const top = ranked[0]!
  return { contentType: top, confidence: round2((scores[top] / total) * damp(scores[top])), cues, scores }
}

const round2 = (x: number): number => Math.round(x * 100) / 100
