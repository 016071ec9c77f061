/**
 * Citizen reception (tiếp công dân) as the rules see it (RULES.md §5a, legal-2026.md §2.1,
 * legal-rules.md §2–3): the kinds and forms of reception, the identity papers a visitor shows,
 * how a visit is handled, the grounds for refusing reception, and the columns of the reception
 * register (Sổ tiếp công dân, Mẫu 03/TCD). Everything that changed on 1 July 2026 is an
 * effective-dated row, judged by the date of the visit.
 */
import { BEFORE_2026, REFORM_2026, inForce } from './citations.ts'
import type { ContentType } from './codes.ts'
import type { ReceptionKind } from './tallies.ts'

export type { ReceptionKind }

export const RECEPTION_KINDS = {
  thuong_xuyen: 'Tiếp thường xuyên',
  dinh_ky: 'Lãnh đạo tiếp định kỳ',
  dot_xuat: 'Lãnh đạo tiếp đột xuất',
} as const satisfies Record<ReceptionKind, string>

/** In person, or online: a recorded video session at a reception site (NĐ 154 Art. 3 cl. 3), not a web form. */
export const RECEPTION_FORMS = {
  truc_tiep: 'Trực tiếp',
  truc_tuyen: 'Trực tuyến (truyền hình tại điểm tiếp công dân)',
} as const
export type ReceptionForm = keyof typeof RECEPTION_FORMS

/** The papers NĐ 154 Art. 12 cl. 1 accepts, and "other" for visits before it applied. */
export const ID_KINDS = {
  can_cuoc: 'Căn cước, căn cước công dân',
  giay_chung_nhan_can_cuoc: 'Giấy chứng nhận căn cước',
  dinh_danh: 'Số định danh cá nhân',
  ho_chieu: 'Hộ chiếu',
  khac: 'Giấy tờ tùy thân khác',
} as const
export type IdKind = keyof typeof ID_KINDS
/**
 * What a number of each kind of paper looks like: a căn cước (and the personal identification
 * number it carries, also on the giấy chứng nhận căn cước) is 12 digits (Luật Căn cước 2023 Art. 12);
 * a passport 6–9 letters and digits (Vietnamese: a letter and 7 digits; foreign ones vary). Other
 * papers (the old 9-digit CMND among them) are taken as written.
 */
export function idNumberProblem(kind: IdKind | null | undefined, idNumber: string | null | undefined): string | null {
  const n = (idNumber ?? '').replace(/[\s-]/g, '')
  if (!n || !kind) return null
  if ((kind === 'can_cuoc' || kind === 'giay_chung_nhan_can_cuoc' || kind === 'dinh_danh') && !/^\d{12}$/.test(n)) return 'Số căn cước, số định danh cá nhân gồm đúng 12 chữ số.'
  if (kind === 'ho_chieu' && !/^[0-9A-Za-z]{6,9}$/.test(n)) return 'Số hộ chiếu gồm 6 đến 9 chữ cái và chữ số.'
  return null
}

/** The identifiers NĐ 154/2026 Art. 12 cl. 1 names; "khac" is not one of them. */
export const ART12_ID_KINDS: readonly IdKind[] = ['can_cuoc', 'giay_chung_nhan_can_cuoc', 'dinh_danh', 'ho_chieu']

/** How a visit was handled: the register's columns 9–12 follow from it. */
export const HANDLINGS = {
  nhan_don: 'Nhận đơn để xử lý',
  huong_dan: 'Hướng dẫn đến cơ quan có thẩm quyền',
  chuyen_don: 'Chuyển đơn đến cơ quan có thẩm quyền',
  giai_thich: 'Giải thích, trả lời trực tiếp',
  tu_choi: 'Từ chối tiếp',
} as const
export type Handling = keyof typeof HANDLINGS

/** The register's column 6 ("Phân loại đơn"): KN / TC / KN, PA. */
export const CONTENT_SHORT: Record<ContentType, string> = {
  khieu_nai: 'KN',
  to_cao: 'TC',
  kien_nghi_phan_anh: 'KN, PA',
  nhieu_noi_dung: 'Nhiều nội dung',
}

// ----- what the law asks of a visit, by date ----------------------------------------------------

export interface ReceptionRegime {
  from: string | null
  to: string | null
  /** Every visitor gives name, address and one of the Art. 12 papers (NĐ 154/2026 Art. 12–13). */
  identityRequired: boolean
  /** Online reception by video at a reception site exists (Luật TCD Art. 3a, added by Luật 136/2025). */
  onlineReception: boolean
  basis: string
}

export const RECEPTION_REGIMES: readonly ReceptionRegime[] = [
  { from: null, to: BEFORE_2026, identityRequired: false, onlineReception: false, basis: 'Luật Tiếp công dân 2013; Nghị định 64/2014/NĐ-CP' },
  {
    from: REFORM_2026,
    to: null,
    identityRequired: true,
    onlineReception: true,
    basis: 'Luật số 136/2025/QH15; Điều 3, 12, 13 và 16–24 Nghị định 154/2026/NĐ-CP',
  },
]

export function regimeOn(date: string, regimes: readonly ReceptionRegime[] = RECEPTION_REGIMES): ReceptionRegime {
  return regimes.find((r) => inForce(r, date)) ?? RECEPTION_REGIMES[0]!
}

// ----- refusal grounds --------------------------------------------------------------------------

export interface RefusalGround {
  code: string
  from: string | null
  to: string | null
  /** The provision, as cited in the notice ("khoản 3 Điều 9 Luật Tiếp công dân"). */
  basis: string
  /** What the officer picks, in the law's words (shortened where marked in legal-2026.md §2.1). */
  label: string
  /**
   * A written notice (Mẫu 01/TCD from 2026-07-01) is issued within 3 working days (D17):
   * Luật TCD Art. 9 cl. 3 and NĐ 154 Art. 4 cl. 1 h (Art. 4 cl. 3); before 2026-07-01, Art. 9
   * cl. 3 only (TT 04/2021 Art. 4). The other grounds are explained to the citizen on the spot.
   */
  writtenNotice: boolean
}

const ground = (code: string, basis: string, label: string, writtenNotice: boolean, from: string | null = null, to: string | null = null): RefusalGround => ({
  code,
  from,
  to,
  basis,
  label,
  writtenNotice,
})

const ND154 = 'Nghị định 154/2026/NĐ-CP'

/**
 * Luật TCD Art. 9 cl. 1–3 (legal-rules.md TCD-13), cl. 4 "other cases provided by law" until
 * NĐ 154/2026 Art. 4 cl. 1 a–k spelled them out from 2026-07-01 (legal-2026.md §2.1, from two
 * transcriptions: check against the Công báo before relying on the exact wording).
 */
export const REFUSAL_GROUNDS: readonly RefusalGround[] = [
  ground(
    'tcd_9_1',
    'khoản 1 Điều 9 Luật Tiếp công dân',
    'Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức, điều khiển hành vi',
    false,
  ),
  ground(
    'tcd_9_2',
    'khoản 2 Điều 9 Luật Tiếp công dân',
    'Người có hành vi đe dọa, xúc phạm cơ quan, người tiếp công dân, người thi hành công vụ hoặc vi phạm nội quy nơi tiếp công dân',
    false,
  ),
  ground(
    'tcd_9_3',
    'khoản 3 Điều 9 Luật Tiếp công dân',
    'Vụ việc đã được giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát, thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo kéo dài',
    true,
  ),
  ground('tcd_9_4', 'khoản 4 Điều 9 Luật Tiếp công dân', 'Trường hợp khác theo quy định của pháp luật', false, null, BEFORE_2026),
  ground('nd154_4_1_a', `điểm a khoản 1 Điều 4 ${ND154}`, 'Mang theo vũ khí, chất nổ, vật dễ cháy hoặc vật nguy hiểm khác và không chấp hành việc gửi lại', false, REFORM_2026),
  ground('nd154_4_1_b', `điểm b khoản 1 Điều 4 ${ND154}`, 'Không chấp hành việc kiểm tra an ninh', false, REFORM_2026),
  ground(
    'nd154_4_1_c',
    `điểm c khoản 1 Điều 4 ${ND154}`,
    'Ghi âm, ghi hình, phát trực tiếp khi người chủ trì đã yêu cầu không thực hiện, hoặc ghi âm, ghi hình gây mất trật tự',
    false,
    REFORM_2026,
  ),
  ground('nd154_4_1_d', `điểm d khoản 1 Điều 4 ${ND154}`, 'Kích động, gây rối trật tự công cộng', false, REFORM_2026),
  ground('nd154_4_1_dd', `điểm đ khoản 1 Điều 4 ${ND154}`, 'Người không có đầy đủ năng lực hành vi dân sự mà không có người đại diện hợp pháp', false, REFORM_2026),
  ground('nd154_4_1_e', `điểm e khoản 1 Điều 4 ${ND154}`, 'Người đại diện, người được ủy quyền không chứng minh được tư cách đại diện, ủy quyền', false, REFORM_2026),
  ground('nd154_4_1_g', `điểm g khoản 1 Điều 4 ${ND154}`, 'Nội dung trình bày không phải là khiếu nại, tố cáo, kiến nghị, phản ánh', false, REFORM_2026),
  ground(
    'nd154_4_1_h',
    `điểm h khoản 1 Điều 4 ${ND154}`,
    'Kiến nghị, phản ánh đã được tiếp nhận, hướng dẫn hoặc trả lời bằng văn bản mà không có tình tiết mới',
    true,
    REFORM_2026,
  ),
  ground(
    'nd154_4_1_i',
    `điểm i khoản 1 Điều 4 ${ND154}`,
    'Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật, không thuộc trường hợp xem xét lại (theo văn bản trả lời của cơ quan có thẩm quyền)',
    false,
    REFORM_2026,
  ),
  ground('nd154_4_1_k', `điểm k khoản 1 Điều 4 ${ND154}`, 'Vụ việc đã được cơ quan có thẩm quyền khác thụ lý giải quyết', false, REFORM_2026),
]

/** The grounds an officer may pick for a visit on that date. */
export const groundsOn = (date: string, grounds: readonly RefusalGround[] = REFUSAL_GROUNDS): RefusalGround[] => grounds.filter((g) => inForce(g, date))

/** A ground by code, whatever its dates (a stored visit keeps the ground it was refused on). */
export const groundByCode = (code: string | null | undefined, grounds: readonly RefusalGround[] = REFUSAL_GROUNDS): RefusalGround | null =>
  (code ? grounds.find((g) => g.code === code) : undefined) ?? null

// ----- identities -------------------------------------------------------------------------------

/**
 * A denunciation visitor's name, address and papers are confidential (Luật Tố cáo Art. 9, 56;
 * RULES.md §6): only roles that may see a denouncer's identity see or search them.
 */
export const visitProtectsIdentity = (contentType: string): boolean => contentType === 'to_cao'

/** A large group (đoàn đông người): persons at or above the threshold setting (TCD-12, CONV default 5). */
export const isLargeGroup = (persons: number, threshold: number): boolean => persons >= threshold

// ----- the register (Mẫu 03/TCD) ----------------------------------------------------------------

/** The 12 numbered columns of Sổ tiếp công dân, Mẫu 03/TCD (NĐ 154/2026, legal-2026.md §2.1). */
export const REGISTER_COLUMNS = [
  'STT',
  'Ngày tiếp',
  'Họ tên, địa chỉ',
  'Số căn cước/định danh cá nhân/hộ chiếu',
  'Tóm tắt nội dung vụ việc',
  'Phân loại đơn (KN, TC, KN, PA)',
  'Số công dân có đơn cùng một nội dung',
  'Cơ quan đã giải quyết hết thẩm quyền',
  'Thuộc thẩm quyền (x)',
  'Hướng dẫn đến cơ quan nào, số văn bản hướng dẫn',
  'Cơ quan thụ lý, số văn bản chuyển đơn',
  'Theo dõi kết quả giải quyết',
] as const
