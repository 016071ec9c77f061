/**
 * Eligibility of a letter (RULES.md §2 steps 3–6, docs/classification.md §3–§6) and the
 * complaint exclusions of Luật Khiếu nại Art. 11 (docs/classification.md §9). Every check reads
 * the letter defensively: any field may be missing, null, empty or of an odd shape.
 */
import { isIsoDate, type WorkingCalendar } from './calendar.ts'
import type { Channel, Outcome, SignerGroup } from './codes.ts'
import type { DeadlineSetting } from './deadline-table.ts'
import { complaintLimitation, type ComplaintLimitation } from './deadlines.ts'
import { priorOutcomeReason } from './duplicates.ts'
import type { Letter, Sender } from './letter.ts'
import type { ExclusionCode, ReasonCode } from './reasons.ts'
import type { Conventions } from './settings.ts'

// --- defensive reads -------------------------------------------------------------------------

/** A trimmed string, or '' for anything that is not a string. */
export const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
/** True only for the boolean true (a "yes" string or 1 is not a recorded fact). */
export const flag = (v: unknown): boolean => v === true
/** The object itself, or an empty object for null, arrays and primitives. */
export const objectOf = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

/** The senders that are objects (null entries and junk are ignored). */
export function sendersOf(letter: Letter): Sender[] {
  return Array.isArray(letter.senders) ? letter.senders.filter((s): s is Sender => typeof s === 'object' && s !== null && !Array.isArray(s)) : []
}

const named = (s: Sender): boolean => textOf(s.name) !== ''

// --- signer group and anonymity ---------------------------------------------------------------

/**
 * Signer group (docs/classification.md §3): `nhieu_nguoi` when at least two senders have a name,
 * `mot_nguoi` when exactly one, `khac` when none (anonymous) or the letter is impersonated.
 */
export function signerGroup(letter: Letter): SignerGroup {
  if (flag(letter.impersonated)) return 'khac'
  const count = sendersOf(letter).filter(named).length
  return count >= 2 ? 'nhieu_nguoi' : count === 1 ? 'mot_nguoi' : 'khac'
}

/** `mao_danh` when written under a false name, `nac_danh` when no sender has a name, else null. */
export function anonymity(letter: Letter): 'nac_danh' | 'mao_danh' | null {
  if (flag(letter.impersonated)) return 'mao_danh'
  return sendersOf(letter).some(named) ? null : 'nac_danh'
}

/** An anonymous or impersonated denunciation: the TT05-9.6 exception applies to it. */
export const isAnonymousDenunciation = (letter: Letter): boolean => letter.contentType === 'to_cao' && anonymity(letter) !== null

// --- eligibility checks (docs/classification.md §4) ---------------------------------------------

/** Channels where the date of receipt stands for the date of writing (CONV electronicReceiptDateIsWrittenDate). */
const ELECTRONIC_CHANNELS: readonly Channel[] = ['truc_tuyen', 'cong_dvc_quoc_gia', 'duong_day_nong']

const isVietnamese = (language: string): boolean => /^vi(-|_|$)/i.test(language)

/** Written in another language without a notarised translation (TT05 Art. 6 cl. 2 a). */
const notVietnamese = (l: Letter): boolean => {
  const language = textOf(l.language)
  return language !== '' && !isVietnamese(language) && !flag(l.notarizedTranslation)
}

const noWrittenDate = (l: Letter, c: Conventions): boolean =>
  textOf(l.writtenDate) === '' && !(flag(c.electronicReceiptDateIsWrittenDate) && ELECTRONIC_CHANNELS.includes(l.channel))

const noNameAndAddress = (l: Letter): boolean => !sendersOf(l).some((s) => named(s) && textOf(s.address) !== '')

/** No sender, or a named sender who did not sign (only `signed: true` counts as signed). */
const unsigned = (l: Letter): boolean => {
  const senders = sendersOf(l)
  return senders.length === 0 || senders.some((s) => named(s) && !flag(s.signed))
}

const hasRespondent = (l: Letter): boolean => {
  const r = objectOf(l.respondent)
  return textOf(r.agencyCode) !== '' || textOf(r.person) !== ''
}
const statesAct = (l: Letter): boolean => textOf(l.act) !== '' || textOf(l.summary) !== ''
const contactable = (l: Letter): boolean =>
  sendersOf(l).some((s) => textOf(s.phone) !== '' || textOf(s.email) !== '' || textOf(s.address) !== '')

const complaintIncomplete = (l: Letter): boolean =>
  l.contentType === 'khieu_nai' && (!hasRespondent(l) || textOf(l.summary) === '' || textOf(l.request) === '')
const denunciationIncomplete = (l: Letter): boolean =>
  l.contentType === 'to_cao' && (!hasRespondent(l) || !statesAct(l) || !contactable(l))
/** Recommendation/feedback with neither summary nor request (also the whole check of the NĐ 20/2008 track). */
export const feedbackEmpty = (l: Letter): boolean =>
  l.contentType === 'kien_nghi_phan_anh' && textOf(l.summary) === '' && textOf(l.request) === ''

/**
 * The eligibility reasons of a letter, in the order of docs/classification.md §4 then §5:
 * language, date of writing, name and address, signature, content by type, illegible, abusive;
 * then "already decided". An anonymous or impersonated denunciation skips the sender rules and
 * is eligible when it names the violator, states the act and has evidence, else gets
 * `nac_danh` / `mao_danh` (in the place of the sender and content rules). A letter typed
 * `nhieu_noi_dung` → `nhieu_noi_dung` alone (classify first turns it into a one-content letter
 * when the board switched off `severalContentsIneligible`). Empty = eligible so far (the
 * once-only rule needs the duplicate, see `onceOnlyReasons`).
 */
export function eligibilityReasons(letter: Letter, conventions: Conventions): ReasonCode[] {
  if (letter.contentType === 'nhieu_noi_dung') return ['nhieu_noi_dung']
  const reasons: ReasonCode[] = []
  const add = (code: ReasonCode, fails: boolean) => {
    if (fails) reasons.push(code)
  }
  add('khong_tieng_viet', notVietnamese(letter))
  const anonymous = isAnonymousDenunciation(letter) ? anonymity(letter) : null
  if (anonymous !== null) {
    // TT05-9.6 / Luật Tố cáo Art. 25 cl. 2: named violator, stated act and concrete evidence
    add(anonymous, !(hasRespondent(letter) && statesAct(letter) && flag(letter.hasEvidence)))
  } else {
    add('thieu_ngay_viet_don', noWrittenDate(letter, conventions))
    add('thieu_ho_ten_dia_chi', noNameAndAddress(letter))
    // a caller whose name and content the hotline officer recorded cannot sign (CONV, a setting)
    add('thieu_chu_ky', unsigned(letter) && !(letter.channel === 'duong_day_nong' && flag(conventions.hotlineCallerCountsAsSigned)))
    add('thieu_noi_dung_khieu_nai', complaintIncomplete(letter))
    add('thieu_noi_dung_to_cao', denunciationIncomplete(letter))
    add('thieu_noi_dung_kien_nghi', feedbackEmpty(letter))
  }
  add('khong_doc_duoc', flag(letter.illegible) && flag(conventions.illegibleIneligible))
  add('noi_dung_xuc_pham', flag(letter.abusive) && flag(conventions.abusiveIneligible))
  return [...reasons, ...alreadyDecidedReasons(letter, conventions)]
}

/**
 * Already decided (docs/classification.md §5, CONV alreadyDecidedIneligible): a complaint with a
 * legally effective resolution decision; a denunciation already concluded with no new evidence.
 */
export function alreadyDecidedReasons(letter: Letter, conventions: Conventions): ReasonCode[] {
  if (!flag(conventions.alreadyDecidedIneligible)) return []
  if (letter.contentType === 'khieu_nai' && flag(objectOf(letter.priorResolution).effective)) return ['da_co_quyet_dinh_co_hieu_luc']
  if (letter.contentType === 'to_cao' && flag(letter.concluded) && !flag(letter.newEvidence)) return ['da_co_ket_luan_to_cao']
  return []
}

/** The earlier letter this one repeats (same matter), as the caller found it. */
export interface DuplicateInfo {
  letterId: string
  matterId?: string | null
  earlierOutcome?: Outcome | null
  /** Outcomes of every earlier letter of the matter, when known (findDuplicate gives them). */
  earlierOutcomes?: ReadonlyArray<Outcome | null | undefined> | null
}

/**
 * Once only (docs/classification.md §6, CONV onceOnlyIneligible): a complaint whose earlier
 * letter of the same matter was guided (`huong_dan`) → `da_huong_dan`; a denunciation whose
 * earlier letter was forwarded (`chuyen_don`) → `da_chuyen_don`.
 */
export function onceOnlyReasons(letter: Letter, duplicate: DuplicateInfo | null | undefined, conventions: Conventions): ReasonCode[] {
  if (!flag(conventions.onceOnlyIneligible) || duplicate == null || typeof duplicate !== 'object') return []
  const outcomes = [duplicate.earlierOutcome, ...(Array.isArray(duplicate.earlierOutcomes) ? duplicate.earlierOutcomes : [])]
  const reason = priorOutcomeReason(letter.contentType, outcomes)
  return reason === null ? [] : [reason]
}

// --- complaint exclusions (Luật Khiếu nại Art. 11, docs/classification.md §9) --------------------

export interface ExclusionContext {
  deadlines: readonly DeadlineSetting[]
  calendar: WorkingCalendar
}

/**
 * The complaint's time limit (D5 round 1: 90 days; D6 round 2: 30, 45 in remote areas) counted
 * from `decision.knownDate`, else `decision.date`. Null when there is no usable date (not checked).
 */
export function complaintTimeLimit(letter: Letter, ctx: ExclusionContext): ComplaintLimitation | null {
  const decision = objectOf(letter.decision)
  const known = [textOf(decision.knownDate), textOf(decision.date)].find((d) => isIsoDate(d)) ?? null
  if (known === null || !isIsoDate(letter.receivedAt)) return null
  return complaintLimitation({
    round: letter.complaintRound === 2 ? 2 : 1,
    knownDate: known,
    remoteArea: flag(letter.remoteArea),
    receivedAt: letter.receivedAt,
    rules: ctx.deadlines,
    calendar: ctx.calendar,
  })
}

/**
 * The exclusions of Luật Khiếu nại Art. 11 that hold for a complaint, in the order of
 * docs/classification.md §9: time limit expired without good reason, second-level decision
 * already issued, accepted by a court, not directly concerned, lacks capacity, unlawful
 * representative, suspended and not continued, internal decision. Only meaningful for an
 * eligible complaint within competence (the caller decides); [] for other content types.
 */
export function complaintExclusions(letter: Letter, ctx: ExclusionContext): ExclusionCode[] {
  if (letter.contentType !== 'khieu_nai') return []
  const codes: ExclusionCode[] = []
  const add = (code: ExclusionCode, holds: boolean) => {
    if (holds) codes.push(code)
  }
  add('het_thoi_hieu', !flag(letter.goodReasonForDelay) && complaintTimeLimit(letter, ctx)?.expired === true)
  add('da_giai_quyet_lan_hai', objectOf(letter.priorResolution).round === 2)
  add('toa_an_da_thu_ly', flag(letter.courtAccepted))
  add('khong_lien_quan_truc_tiep', flag(letter.notDirectlyConcerned))
  add('khong_co_nang_luc_hanh_vi', flag(letter.lacksCapacity))
  add('dai_dien_khong_hop_phap', flag(letter.invalidRepresentative))
  add('dinh_chi_khong_tiep_tuc', flag(letter.withdrawnBefore))
  add('quyet_dinh_noi_bo', flag(letter.internalDecision))
  return codes
}
