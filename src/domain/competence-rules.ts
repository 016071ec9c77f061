/**
 * Competence rules as data (RULES.md §3, docs/classification.md §8): for each content type and
 * condition, which agency of the directory is competent, in force from/to a date, with its legal
 * basis. A reform (the two-tier local government of 1 July 2025, Luật 136/2025/QH15 from
 * 1 July 2026) is a new row with a later `from`, never a code change. The directory does the
 * rest: "the respondent's parent" is a commune's province after 2025 and a district before.
 */
import type { AgencyLevel, SingleContentType } from './codes.ts'

/** The situation a rule covers (docs/classification.md §8, first column). */
export type CompetenceCondition =
  /** Complaint, first time (or round not stated). */
  | 'khieu_nai_lan_dau'
  /** Complaint, second time (against the first-level resolution). */
  | 'khieu_nai_lan_hai'
  /** Denunciation of an official's act in office. */
  | 'to_cao_can_bo'
  /** Denunciation of the head or a deputy head of an agency. */
  | 'to_cao_nguoi_dung_dau'
  /** Denunciation of a private person/organisation breaking state-management rules. */
  | 'to_cao_ca_nhan_to_chuc'
  /** Any recommendation/feedback on the letter track. */
  | 'kien_nghi_phan_anh'
  /** Feedback on an administrative regulation (NĐ 20/2008 track, docs/classification.md §1). */
  | 'quy_dinh_hanh_chinh'

/**
 * Where the competent agency is found:
 * - `respondent_agency`: the agency that issued the decision / employs the accused;
 * - `respondent_parent`: that agency's parent;
 * - `field_manager`: the agency managing the letter's field at its location (local level by
 *   area, else a provincial non-People's-Committee body holding the field, else home);
 * - `field_holder`: whichever agency holds the rule's `field` (used for the NĐ 20/2008 track).
 */
export type CompetenceTarget = 'respondent_agency' | 'respondent_parent' | 'field_manager' | 'field_holder'

export interface CompetenceRule {
  contentType: SingleContentType
  condition: CompetenceCondition
  target: CompetenceTarget
  /** First day of receipt the row applies to (inclusive); null = since always. */
  from: string | null
  /** Last day of receipt it applies to (inclusive); null = still in force. */
  to: string | null
  /** Legal basis, in Vietnamese. */
  basis: string
  /** `field_holder`: the field looked up instead of the letter's. */
  field?: string | null
  /** Field search (the `field_manager` target, and the fallback when a respondent agency is missing): levels searched by area, in order (default ['xa']). */
  areaLevels?: AgencyLevel[] | null
}

const TWO_TIER_FROM = '2025-07-01'
const LAW_136_FROM = '2026-07-01'

const KN_1 = 'Điều 7, Điều 17 – 21 Luật Khiếu nại 2011: người đứng đầu cơ quan ban hành quyết định hành chính hoặc có cán bộ, công chức có hành vi hành chính bị khiếu nại giải quyết lần đầu'
const KN_2 = 'Điều 7, Điều 18, 20, 21 Luật Khiếu nại 2011: người đứng đầu cơ quan cấp trên trực tiếp giải quyết khiếu nại lần hai'
const TC_CB = 'Khoản 1 Điều 12 Luật Tố cáo 2018: người đứng đầu cơ quan quản lý cán bộ, công chức, viên chức bị tố cáo giải quyết'
const TC_HEAD = 'Khoản 2 Điều 12 Luật Tố cáo 2018: người đứng đầu cơ quan cấp trên trực tiếp giải quyết tố cáo đối với người đứng đầu, cấp phó của người đứng đầu'
const TC_FIELD = 'Luật Tố cáo 2018 (tố cáo hành vi vi phạm pháp luật về quản lý nhà nước trong các lĩnh vực): cơ quan có chức năng quản lý nhà nước về lĩnh vực đó giải quyết'
const KNPA = 'Thông tư 05/2021/TT-TTCP: đơn kiến nghị, phản ánh do cơ quan quản lý lĩnh vực xem xét, giải quyết'
const QDHC = 'Nghị định 20/2008/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP): phản ánh, kiến nghị về quy định hành chính do cơ quan kiểm soát thủ tục hành chính tiếp nhận, xử lý'

const TWO_TIER = ' (chính quyền địa phương hai cấp từ 01/7/2025, Nghị định 141/2025/NĐ-CP)'
const LAW_136 = ' (sửa đổi, bổ sung bởi Luật 136/2025/QH15 từ 01/7/2026)'

/**
 * One row per epoch: before the two-tier reform (local bodies searched by area: communes, then
 * the districts that covered them), two-tier, and from Luật 136/2025 (communes only).
 */
function epochs(contentType: SingleContentType, condition: CompetenceCondition, target: CompetenceTarget, basis: string): CompetenceRule[] {
  const base = { contentType, condition, target }
  return [
    { ...base, from: null, to: '2025-06-30', basis, areaLevels: ['xa', 'huyen'] },
    { ...base, from: TWO_TIER_FROM, to: '2026-06-30', basis: basis + TWO_TIER, areaLevels: ['xa'] },
    { ...base, from: LAW_136_FROM, to: null, basis: basis + LAW_136, areaLevels: ['xa'] },
  ]
}

/**
 * The default competence rules (RULES.md §3): complaint round 1 → respondent agency, round 2 →
 * its parent; denunciation of an official → their agency, of a head → the parent, of a private
 * party → field manager; recommendation/feedback → field manager; administrative-regulation
 * feedback → the holder of field `quy_dinh_hanh_chinh`. Before 1 July 2025 the field manager is
 * also searched among district (`huyen`) bodies, which covered communes' areas then. The targets
 * stay the same across epochs (the directory in force supplies the agencies); the bases change.
 */
export const DEFAULT_COMPETENCE_RULES: CompetenceRule[] = [
  ...epochs('khieu_nai', 'khieu_nai_lan_dau', 'respondent_agency', KN_1),
  ...epochs('khieu_nai', 'khieu_nai_lan_hai', 'respondent_parent', KN_2),
  ...epochs('to_cao', 'to_cao_can_bo', 'respondent_agency', TC_CB),
  ...epochs('to_cao', 'to_cao_nguoi_dung_dau', 'respondent_parent', TC_HEAD),
  ...epochs('to_cao', 'to_cao_ca_nhan_to_chuc', 'field_manager', TC_FIELD),
  ...epochs('kien_nghi_phan_anh', 'kien_nghi_phan_anh', 'field_manager', KNPA),
  {
    contentType: 'kien_nghi_phan_anh',
    condition: 'quy_dinh_hanh_chinh',
    target: 'field_holder',
    field: 'quy_dinh_hanh_chinh',
    from: null,
    to: null,
    basis: QDHC,
  },
]

/**
 * The rule in force on `date` for that content type and condition: from ≤ date ≤ to; when rows
 * overlap the one with the latest `from` wins (a newer law overrides). Null when none applies.
 */
export function competenceRuleFor(
  rules: readonly CompetenceRule[],
  contentType: string,
  condition: CompetenceCondition,
  date: string,
): CompetenceRule | null {
  let best: CompetenceRule | null = null
  for (const rule of rules) {
    if (rule == null || rule.contentType !== contentType || rule.condition !== condition) continue
    if (rule.from != null && rule.from > date) continue
    if (rule.to != null && rule.to < date) continue
    if (best === null || (rule.from ?? '') > (best.from ?? '')) best = rule
  }
  return best
}
