/**
 * A letter (đơn) as the rules see it: the "Letter" object of API.md, plus the extensions this
 * system adds (marked "extension"). Only receivedAt, channel and contentType are required;
 * anything missing shows up as an eligibility reason, never as a crash.
 */
import type { Channel, ContentType, Outcome, SignerGroup, SingleContentType } from './codes.ts'
import { foldVi } from './text.ts'

export interface Sender {
  name?: string | null
  address?: string | null
  idNumber?: string | null
  phone?: string | null
  email?: string | null
  /** Signed or fingerprinted (an online submission counts as signed once the sender confirmed the declaration — CONV). */
  signed?: boolean
}

export interface Respondent {
  /** The agency that issued the decision / whose official acted / that the accused belongs to. */
  agencyCode?: string | null
  /** The person complained about or denounced. */
  person?: string | null
  /** The person is the head or a deputy head of that agency. */
  isHead?: boolean
  /** A private person or organisation (denunciation routed by field and location). */
  private?: boolean
}

/**
 * The respondent as documents and pages name it: the person typed and the agency's name, the
 * person left out when it is only the agency's own name again (citizens often type it there),
 * so that nothing reads "Ủy ban nhân dân xã Sơn Tây (Ủy ban nhân dân xã Sơn Tây)".
 */
export function respondentNames(person: string | null | undefined, agencyName: string | null): { person: string | null; agency: string | null } {
  const typed = person?.trim() ? person.trim() : null
  const same = (a: string, b: string) => foldVi(a.replace(/[\s.,;]+$/u, '')) === foldVi(b.replace(/[\s.,;]+$/u, ''))
  if (typed && agencyName && same(typed, agencyName)) return { person: null, agency: agencyName }
  return { person: typed, agency: agencyName }
}

/** "Trần Văn Bình, Ủy ban nhân dân xã Sơn Tây" (respondentNames joined), or null when neither is known. */
export function respondentLine(person: string | null | undefined, agencyName: string | null): string | null {
  const names = respondentNames(person, agencyName)
  return [names.person, names.agency].filter(Boolean).join(', ') || null
}

export interface Letter {
  receivedAt: string
  channel: Channel
  contentType: ContentType
  /** The separate contents of a several-content letter (nhieu_noi_dung). */
  contents?: Array<{ contentType: SingleContentType; summary?: string | null }> | null
  field?: string | null
  /** Feedback about an administrative regulation (NĐ 20/2008 track), not a TT05 letter. */
  aboutAdministrativeRegulation?: boolean
  language?: string | null
  notarizedTranslation?: boolean
  writtenDate?: string | null
  senders?: Sender[] | null
  /** Written under a false name (mạo danh). */
  impersonated?: boolean
  /** Torn or illegible (CONV). */
  illegible?: boolean
  /** Insults or opposes the State rather than complaining, denouncing or recommending (CONV). */
  abusive?: boolean
  respondent?: Respondent | null
  /** Area code (commune/ward) where the matter happened. */
  location?: string | null
  summary?: string | null
  /** The complainant's request. */
  request?: string | null
  /** The denounced act. */
  act?: string | null
  hasEvidence?: boolean
  /** 1 = first complaint, 2 = second complaint (against the first-level decision). */
  complaintRound?: 1 | 2 | null
  /** The administrative decision complained about; knownDate = when the complainant learnt of it. */
  decision?: { date?: string | null; knownDate?: string | null; number?: string | null } | null
  /** An earlier resolution decision on this complaint. */
  priorResolution?: { round?: number | null; effective?: boolean } | null
  /** The denunciation was already concluded. */
  concluded?: boolean
  /** The repeat denunciation brings new evidence. */
  newEvidence?: boolean
  /** A court has accepted the same matter. */
  courtAccepted?: boolean
  /** A good reason (illness, natural disaster…) for complaining late. */
  goodReasonForDelay?: boolean
  /** The complainant lives in a remote area (longer limits and deadlines). */
  remoteArea?: boolean
  /**
   * A denunciation whose initial processing needs verification in several places or by another
   * body: 10 working days instead of 7 (Luật Tố cáo Art. 24 cl. 1; D8 `gia_han`).
   */
  verificationExtended?: boolean
  forwardedBy?: { name?: string | null; reference?: string | null } | null
  /** The matter already sits, unresolved, at that agency since that date (đôn đốc). */
  pendingAt?: { agencyCode: string; since: string } | null
  // --- extensions: the remaining exclusions of Luật Khiếu nại Art. 11, as facts the officer records
  /** The decision does not directly concern the complainant's rights (khong_lien_quan_truc_tiep). */
  notDirectlyConcerned?: boolean
  /** The complainant lacks full civil capacity and has no legal representative. */
  lacksCapacity?: boolean
  /** Filed through a representative without lawful authorisation. */
  invalidRepresentative?: boolean
  /** The complainant withdrew an earlier complaint on this content, which was suspended (đình chỉ). */
  withdrawnBefore?: boolean
  /** The decision complained about is an internal decision (quyết định nội bộ, chỉ đạo điều hành). */
  internalDecision?: boolean
  /** The complaint case is complex (vụ việc phức tạp): longer resolution deadlines. */
  complex?: boolean
}

/** The classification of a letter: the "classify" response of API.md, plus extensions. */
export interface Classification {
  contentType: ContentType
  eligible: boolean
  /** Every failing reason code (RULES.md §2), empty when eligible and accepted. */
  reasons: string[]
  signerGroup: SignerGroup
  competentAgencyCode: string | null
  withinCompetence: boolean
  outcome: Outcome
  dueDate: string
  deadlineRule: string
  duplicateOf: string | null
  /** Human-readable legal basis, in Vietnamese. */
  legalBasis: string[]
  // --- extensions
  /** 'quy_dinh_hanh_chinh' for NĐ 20/2008 feedback, counted apart from TT05 letters. */
  track: 'don_thu' | 'quy_dinh_hanh_chinh'
  /** Each reason with its Vietnamese explanation and legal basis. */
  reasonDetails: Array<{ code: string; message: string; basis: string }>
  /** The matter (vụ việc) the letter belongs to, when it repeats an earlier one. */
  matterId?: string | null
}
