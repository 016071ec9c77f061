/**
 * The rules of resolving an accepted complaint or denunciation, as effective-dated data rows
 * (legal-2026.md §1.3, §2.2; legal-rules.md TC-16): the criteria of a complex complaint
 * (NĐ 155/2026 Art. 3a), the grounds of suspension (tạm đình chỉ) and termination (đình chỉ)
 * (Luật Khiếu nại Art. 11a as added by Luật 136/2025; Luật Tố cáo Art. 34), the grounds that keep
 * a withdrawn denunciation going (Luật Tố cáo Art. 33 cl. 3, NĐ 156/2026), how complexity is
 * established, and which document each event issues.
 *
 * Rows are judged by the date of the event (the decision), not of the acceptance: NĐ 155/2026
 * Art. 22 puts complaints accepted before 2026-07-01 and not yet decided under the new rules on
 * withdrawal, suspension and dialogue, so an event of 2026-07-05 on a complaint accepted in June
 * follows the new rows. Complexity is the exception (Art. 22 does not list it): it follows the
 * row in force on the day of acceptance.
 *
 * The Vietnamese wording of the criteria and grounds is a faithful paraphrase of one third-party
 * transcription (legal-2026.md §2.2, [V] single source) and secondary summaries of Luật 136
 * ([S]); check it against the Công báo before release.
 */
import { BEFORE_2026, REFORM_2026, inForce } from './citations.ts'
import type { ResolutionTemplateId } from './resolution-templates.ts'

/** The content types resolved after acceptance (recommendations and feedback have no such procedure). */
export type ResolvableType = 'khieu_nai' | 'to_cao'

/** Things that happen while an accepted complaint or denunciation is being resolved. */
export const RESOLUTION_EVENT_KINDS = {
  xac_dinh_phuc_tap: 'Xác định vụ việc phức tạp',
  doi_thoai: 'Đối thoại',
  tam_dinh_chi: 'Tạm đình chỉ giải quyết',
  tiep_tuc: 'Tiếp tục giải quyết',
  dinh_chi: 'Đình chỉ giải quyết',
  rut_khieu_nai: 'Rút đơn',
  gia_han: 'Gia hạn giải quyết',
  ket_luan: 'Giải quyết xong',
} as const
export type ResolutionEventKind = keyof typeof RESOLUTION_EVENT_KINDS

/** The API's action names (POST …/resolution/{action}) and the event each one records. */
export const RESOLUTION_ACTIONS = {
  complexity: 'xac_dinh_phuc_tap',
  dialogue: 'doi_thoai',
  suspension: 'tam_dinh_chi',
  resumption: 'tiep_tuc',
  termination: 'dinh_chi',
  withdrawal: 'rut_khieu_nai',
  extension: 'gia_han',
  conclusion: 'ket_luan',
} as const satisfies Record<string, ResolutionEventKind>
export type ResolutionAction = keyof typeof RESOLUTION_ACTIONS
export const RESOLUTION_ACTION_NAMES = Object.keys(RESOLUTION_ACTIONS) as ResolutionAction[]

/** What a row of this file has in common: its dates of validity (both ends inclusive, null = open). */
interface Dated {
  from: string | null
  to: string | null
}

// ----- complex case (vụ việc phức tạp), NĐ 155/2026 Art. 3a ----------------------------------------

export type CriterionCode = 'a' | 'b' | 'c' | 'd' | 'dd' | 'e' | 'g'

export interface ComplexityCriterion extends Dated {
  code: CriterionCode
  /** The point of Art. 3a as printed ("đ" for code dd). */
  point: string
  label: string
}

const ART_3A = 'Điều 3a Nghị định 124/2020/NĐ-CP (bổ sung bởi Nghị định 155/2026/NĐ-CP)'

export const COMPLEXITY_CRITERIA: readonly ComplexityCriterion[] = [
  { code: 'a', point: 'a', label: 'Vụ việc có một nội dung nhưng phải xác minh ở từ hai địa điểm trở lên', from: REFORM_2026, to: null },
  { code: 'b', point: 'b', label: 'Vụ việc có từ hai nội dung trở lên phải xác minh', from: REFORM_2026, to: null },
  { code: 'c', point: 'c', label: 'Nhiều người khiếu nại về cùng một nội dung, hoặc nội dung khiếu nại liên quan đến quyền, lợi ích hợp pháp của nhiều người', from: REFORM_2026, to: null },
  {
    code: 'd',
    point: 'd',
    label: 'Người khiếu nại ở nước ngoài hoặc là người nước ngoài; hành vi bị khiếu nại xảy ra ở nước ngoài hoặc phải xác minh ở nước ngoài',
    from: REFORM_2026,
    to: null,
  },
  { code: 'dd', point: 'đ', label: 'Vụ việc liên quan đến trách nhiệm quản lý của nhiều cơ quan, tổ chức', from: REFORM_2026, to: null },
  { code: 'e', point: 'e', label: 'Các cơ quan, tổ chức có liên quan có ý kiến khác nhau về vụ việc', from: REFORM_2026, to: null },
  { code: 'g', point: 'g', label: 'Tình tiết, chứng cứ mâu thuẫn, cần trưng cầu giám định', from: REFORM_2026, to: null },
]

export const criteriaInForce = (date: string): ComplexityCriterion[] => COMPLEXITY_CRITERIA.filter((c) => inForce(c, date))

/**
 * How a complaint becomes "complex" (the 45/60 and 60/70-day variants of D3, D4), by the day it
 * was accepted: before 2026-07-01 the officer's flag on the letter (Luật Khiếu nại 2011 names no
 * criteria); from then a written determination citing Art. 3a (legal-2026.md §2.2: "Việc xác định
 * vụ việc phức tạp phải được thể hiện bằng văn bản và lưu trong hồ sơ").
 */
export interface ComplexityRegime extends Dated {
  source: 'danh_dau_tren_don' | 'van_ban_xac_dinh'
  basis: string
}

export const COMPLEXITY_REGIMES: readonly ComplexityRegime[] = [
  { source: 'danh_dau_tren_don', from: null, to: BEFORE_2026, basis: 'Điều 28, Điều 37 Luật Khiếu nại 2011 (vụ việc phức tạp theo đánh giá của người giải quyết)' },
  { source: 'van_ban_xac_dinh', from: REFORM_2026, to: null, basis: ART_3A },
]

export const complexityRegime = (acceptedOn: string): ComplexityRegime =>
  COMPLEXITY_REGIMES.find((r) => inForce(r, acceptedOn)) ?? COMPLEXITY_REGIMES[COMPLEXITY_REGIMES.length - 1]!

// ----- dialogue (đối thoại), NĐ 155/2026 Art. 28 -----------------------------------------------------

/** Whether the complainant came; an absence "có lý do hoặc không có lý do" is written in the minutes (Mẫu 14). */
export const ATTENDANCE = {
  co_mat: 'Người khiếu nại có mặt',
  vang_co_ly_do: 'Người khiếu nại vắng mặt có lý do',
  vang_khong_ly_do: 'Người khiếu nại vắng mặt không có lý do',
} as const
export type Attendance = keyof typeof ATTENDANCE

/**
 * Second-round complaints are resolved only after a dialogue (legal-2026.md §2.2, NĐ 155 Art. 28:
 * "Second-time resolution must include dialogue"). The case page shows it as a to-do; it blocks
 * nothing.
 */
export const DIALOGUE_REQUIRED_BASIS = 'Điều 28 Nghị định 124/2020/NĐ-CP (sửa đổi bởi Nghị định 155/2026/NĐ-CP): giải quyết khiếu nại lần hai phải tổ chức đối thoại'

// ----- suspension and termination grounds ----------------------------------------------------------

export interface ResolutionGround extends Dated {
  kind: 'tam_dinh_chi' | 'dinh_chi'
  contentType: ResolvableType
  code: string
  label: string
  basis: string
  /** The decision also goes to the commune People's Committee of the last residence / seat (NĐ 155 Art. 28a). */
  notifiesCommune?: boolean
  /** A termination that a full withdrawal produces. */
  withdrawal?: boolean
}

const ART_11A = 'Điều 11a Luật Khiếu nại (bổ sung bởi Luật số 136/2025/QH15)'
const ART_28A = 'Điều 28a Nghị định 124/2020/NĐ-CP (bổ sung bởi Nghị định 155/2026/NĐ-CP)'
const TC_34_1 = 'khoản 1 Điều 34 Luật Tố cáo'
const TC_34_2 = 'khoản 2 Điều 34 Luật Tố cáo'

export const RESOLUTION_GROUNDS: readonly ResolutionGround[] = [
  // complaints: Luật Khiếu nại 2011 had no temporary suspension; Luật 136/2025 adds it from 2026-07-01
  {
    kind: 'tam_dinh_chi',
    contentType: 'khieu_nai',
    code: 'tro_ngai_khach_quan',
    label:
      'Người khiếu nại không thể tham gia quá trình giải quyết khiếu nại do sự kiện bất khả kháng hoặc trở ngại khách quan (thiên tai, dịch bệnh, chiến tranh; tai nạn, ốm đau, đi công tác, học tập ở xa; hồ sơ, tài liệu liên quan bị cơ quan có thẩm quyền thu giữ, niêm phong…)',
    basis: `khoản 1 ${ART_11A}; ${ART_28A}`,
    from: REFORM_2026,
    to: null,
  },
  {
    kind: 'tam_dinh_chi',
    contentType: 'khieu_nai',
    code: 'cho_ket_qua_vu_viec_khac',
    label: 'Việc giải quyết khiếu nại phải chờ kết quả giải quyết của cơ quan, tổ chức, cá nhân có thẩm quyền về vụ việc khác có liên quan trực tiếp',
    basis: `khoản 1 ${ART_11A}; ${ART_28A}`,
    from: REFORM_2026,
    to: null,
  },
  // before 2026-07-01 a withdrawn complaint was terminated under Luật Khiếu nại 2011 Art. 10 (KN-5)
  { kind: 'dinh_chi', contentType: 'khieu_nai', code: 'rut_toan_bo', label: 'Người khiếu nại rút khiếu nại', basis: 'Điều 10 Luật Khiếu nại 2011', from: null, to: BEFORE_2026, withdrawal: true },
  { kind: 'dinh_chi', contentType: 'khieu_nai', code: 'khac', label: 'Trường hợp khác theo quy định của pháp luật (ghi rõ lý do)', basis: 'Luật Khiếu nại 2011', from: null, to: BEFORE_2026 },
  {
    kind: 'dinh_chi',
    contentType: 'khieu_nai',
    code: 'rut_toan_bo',
    label: 'Người khiếu nại rút toàn bộ khiếu nại (khiếu nại đông người: tất cả người khiếu nại rút khiếu nại)',
    basis: `khoản 2 ${ART_11A}; Điều 7a Nghị định 124/2020/NĐ-CP (bổ sung bởi Nghị định 155/2026/NĐ-CP)`,
    from: REFORM_2026,
    to: null,
    withdrawal: true,
  },
  {
    kind: 'dinh_chi',
    contentType: 'khieu_nai',
    code: 'chet_khong_thua_ke',
    label: 'Cá nhân khiếu nại chết mà quyền, nghĩa vụ của người đó không được thừa kế',
    basis: `khoản 2 ${ART_11A}; ${ART_28A}`,
    from: REFORM_2026,
    to: null,
    notifiesCommune: true,
  },
  {
    kind: 'dinh_chi',
    contentType: 'khieu_nai',
    code: 'giai_the_khong_ke_thua',
    label: 'Cơ quan, tổ chức khiếu nại bị giải thể, phá sản hoặc chấm dứt hoạt động mà không có cơ quan, tổ chức kế thừa quyền, nghĩa vụ',
    basis: `khoản 2 ${ART_11A}; ${ART_28A}`,
    from: REFORM_2026,
    to: null,
    notifiesCommune: true,
  },
  { kind: 'dinh_chi', contentType: 'khieu_nai', code: 'khac', label: 'Trường hợp khác quy định tại khoản 2 Điều 11a Luật Khiếu nại (ghi rõ lý do)', basis: `khoản 2 ${ART_11A}`, from: REFORM_2026, to: null },
  // denunciations: Luật Tố cáo 2018 Art. 34 (TC-16), unchanged by the 2026 texts as far as seen
  {
    kind: 'tam_dinh_chi',
    contentType: 'to_cao',
    code: 'cho_ket_qua_vu_viec_khac',
    label: 'Cần đợi kết quả giải quyết của cơ quan, tổ chức, cá nhân khác hoặc đợi kết quả giải quyết vụ việc khác có liên quan',
    basis: TC_34_1,
    from: null,
    to: null,
  },
  { kind: 'tam_dinh_chi', contentType: 'to_cao', code: 'cho_giam_dinh', label: 'Cần đợi kết quả giám định bổ sung, giám định lại', basis: TC_34_1, from: null, to: null },
  {
    kind: 'dinh_chi',
    contentType: 'to_cao',
    code: 'rut_toan_bo',
    label: 'Người tố cáo rút toàn bộ nội dung tố cáo (trừ trường hợp quy định tại khoản 3 Điều 33 Luật Tố cáo)',
    basis: TC_34_2,
    from: null,
    to: null,
    withdrawal: true,
  },
  {
    kind: 'dinh_chi',
    contentType: 'to_cao',
    code: 'nguoi_bi_to_cao_chet',
    label: 'Người bị tố cáo là cá nhân chết và nội dung tố cáo chỉ liên quan đến trách nhiệm của người bị tố cáo',
    basis: TC_34_2,
    from: null,
    to: null,
  },
  {
    kind: 'dinh_chi',
    contentType: 'to_cao',
    code: 'da_co_ban_an_quyet_dinh',
    label: 'Vụ việc tố cáo đã được cơ quan, người có thẩm quyền giải quyết bằng bản án, quyết định có hiệu lực pháp luật',
    basis: TC_34_2,
    from: null,
    to: null,
  },
]

/** The grounds of that kind for that content type in force on the event's date. */
export const groundsInForce = (kind: ResolutionGround['kind'], contentType: ResolvableType, date: string): ResolutionGround[] =>
  RESOLUTION_GROUNDS.filter((g) => g.kind === kind && g.contentType === contentType && inForce(g, date))

export const groundOf = (kind: ResolutionGround['kind'], contentType: ResolvableType, code: string, date: string): ResolutionGround | null =>
  groundsInForce(kind, contentType, date).find((g) => g.code === code) ?? null

// ----- withdrawal (rút khiếu nại, rút tố cáo) --------------------------------------------------------

/** Whole or part; a part (of the contents, or some of the co-complainants) only from 2026-07-01 for complaints. */
export const WITHDRAWAL_SCOPES = { toan_bo: 'Rút toàn bộ', mot_phan: 'Rút một phần' } as const
export type WithdrawalScope = keyof typeof WITHDRAWAL_SCOPES

/** By a withdrawal letter, or by minutes recording it, signed or fingerprinted (Luật Khiếu nại Art. 10 as amended). */
export const WITHDRAWAL_FORMS = { don: 'Đơn rút', bien_ban: 'Biên bản ghi nhận việc rút' } as const
export type WithdrawalForm = keyof typeof WITHDRAWAL_FORMS

export interface WithdrawalScopeRule extends Dated {
  contentType: ResolvableType
  scope: WithdrawalScope
  basis: string
}

export const WITHDRAWAL_SCOPE_RULES: readonly WithdrawalScopeRule[] = [
  { contentType: 'khieu_nai', scope: 'toan_bo', from: null, to: BEFORE_2026, basis: 'Điều 10 Luật Khiếu nại 2011' },
  { contentType: 'khieu_nai', scope: 'toan_bo', from: REFORM_2026, to: null, basis: 'Điều 10 Luật Khiếu nại (sửa đổi bởi Luật số 136/2025/QH15)' },
  { contentType: 'khieu_nai', scope: 'mot_phan', from: REFORM_2026, to: null, basis: 'Điều 10 Luật Khiếu nại (sửa đổi bởi Luật số 136/2025/QH15); Điều 7a Nghị định 124/2020/NĐ-CP (bổ sung bởi Nghị định 155/2026/NĐ-CP)' },
  { contentType: 'to_cao', scope: 'toan_bo', from: null, to: null, basis: 'Điều 33 Luật Tố cáo' },
  { contentType: 'to_cao', scope: 'mot_phan', from: null, to: null, basis: 'Điều 33 Luật Tố cáo' },
]

export const withdrawalScopeRule = (contentType: ResolvableType, scope: WithdrawalScope, date: string): WithdrawalScopeRule | null =>
  WITHDRAWAL_SCOPE_RULES.find((r) => r.contentType === contentType && r.scope === scope && inForce(r, date)) ?? null

/** A withdrawn denunciation is still resolved when one of these holds (Luật Tố cáo Art. 33 cl. 3; NĐ 156/2026 Art. 1). */
export const CONTINUE_GROUNDS = {
  co_dau_hieu_vi_pham: 'Có căn cứ xác định hành vi vi phạm pháp luật',
  bi_de_doa_mua_chuoc: 'Việc rút tố cáo do bị đe dọa, ép buộc hoặc mua chuộc',
  loi_dung_to_cao: 'Người tố cáo lợi dụng việc tố cáo để vu khống, xúc phạm, gây thiệt hại cho người bị tố cáo',
} as const
export type ContinueGround = keyof typeof CONTINUE_GROUNDS

// ----- sending the decisions ----------------------------------------------------------------------

/**
 * The deadline for sending a suspension, termination or resumption decision: D18 (3 working days,
 * NĐ 155/2026, from 2026-07-01) for complaints, D14 (5 working days, Luật Tố cáo Art. 34) for
 * denunciations; a complaint's termination before 2026-07-01 has no row, so no date.
 */
export const SEND_DEADLINE_RULES = { khieu_nai: 'D18', to_cao: 'D14' } as const satisfies Record<ResolvableType, string>

// ----- extending a denunciation's resolution (Luật Tố cáo Art. 30) ---------------------------------

/**
 * A complex denunciation may be extended once, an especially complex one twice, each time by at
 * most 30 days (legal-rules.md TC-14): 30 / 60 / 90 days in all, the D11 rows `thuong`, `gia_han`,
 * `gia_han_2`. Decided in writing before the time runs out, and notified to the denouncer, the
 * person denounced and those concerned.
 */
export const EXTENSION_RULE = { maxCount: 2, maxDays: 30, basis: 'Điều 30 Luật Tố cáo 2018' } as const

// ----- the end of the resolution -------------------------------------------------------------------

/**
 * The case is resolved by the resolution decision of a complaint (quyết định giải quyết khiếu nại,
 * Luật Khiếu nại Art. 31, 40) or the conclusion on a denunciation's content (kết luận nội dung tố
 * cáo, Luật Tố cáo Art. 35). pakn records it (number, date, finding, what was decided) and closes
 * the case; the document itself is drafted by the resolving body, so no template is issued here.
 */
export const CONCLUSION_TITLES = { khieu_nai: 'Quyết định giải quyết khiếu nại', to_cao: 'Kết luận nội dung tố cáo' } as const satisfies Record<ResolvableType, string>
/** Whether the complaint or the denunciation was found right, wrong or partly right. */
export const FINDINGS = { dung: 'đúng', sai: 'sai', dung_mot_phan: 'đúng một phần' } as const
export type Finding = keyof typeof FINDINGS

// ----- which document an event issues ------------------------------------------------------------

export interface ResolutionDocumentRule extends Dated {
  kind: ResolutionEventKind
  contentType: ResolvableType
  template: ResolutionTemplateId
}

/** By the event's date; an event without a row issues no document (a withdrawal: the citizen's own letter). */
export const RESOLUTION_DOCUMENT_RULES: readonly ResolutionDocumentRule[] = [
  { kind: 'xac_dinh_phuc_tap', contentType: 'khieu_nai', from: REFORM_2026, to: null, template: 'nd155_xac_dinh_phuc_tap' },
  { kind: 'doi_thoai', contentType: 'khieu_nai', from: null, to: BEFORE_2026, template: 'nd124_m14_bien_ban_doi_thoai' },
  { kind: 'doi_thoai', contentType: 'khieu_nai', from: REFORM_2026, to: null, template: 'nd155_m14_bien_ban_doi_thoai' },
  { kind: 'tam_dinh_chi', contentType: 'khieu_nai', from: REFORM_2026, to: null, template: 'nd155_m14a_tam_dinh_chi' },
  { kind: 'tiep_tuc', contentType: 'khieu_nai', from: REFORM_2026, to: null, template: 'nd155_m14b_tiep_tuc' },
  { kind: 'dinh_chi', contentType: 'khieu_nai', from: null, to: BEFORE_2026, template: 'kn2011_dinh_chi' },
  { kind: 'dinh_chi', contentType: 'khieu_nai', from: REFORM_2026, to: null, template: 'nd155_m14a_dinh_chi' },
  { kind: 'tam_dinh_chi', contentType: 'to_cao', from: null, to: null, template: 'tc_tam_dinh_chi' },
  { kind: 'tiep_tuc', contentType: 'to_cao', from: null, to: null, template: 'tc_tiep_tuc' },
  { kind: 'dinh_chi', contentType: 'to_cao', from: null, to: null, template: 'tc_dinh_chi' },
  { kind: 'gia_han', contentType: 'to_cao', from: null, to: null, template: 'tc_gia_han' },
]

export const resolutionTemplateFor = (kind: ResolutionEventKind, contentType: ResolvableType, date: string): ResolutionTemplateId | null =>
  RESOLUTION_DOCUMENT_RULES.find((r) => r.kind === kind && r.contentType === contentType && inForce(r, date))?.template ?? null
