/**
 * Every reason code the classifier can give, with its Vietnamese explanation and legal basis,
 * in one place (RULES.md §2, docs/classification.md §2–§9). Also the basis texts quoted when a
 * letter is eligible and for each outcome. Article numbers marked "quy ước" are conventions
 * (CONV) of RULES.md, not verified statute text.
 */
import type { Outcome } from './codes.ts'

const TT05 = 'Thông tư 05/2021/TT-TTCP'
const TT05_6_2A = `Điểm a khoản 2 Điều 6 ${TT05}`
const TT05_28 = `Điều 28 ${TT05}`
const KN = 'Luật Khiếu nại 2011'
const TC = 'Luật Tố cáo 2018'

/** Reasons that make a letter not eligible (RULES.md §2 steps 3–6). */
export const ELIGIBILITY_REASONS = {
  nhieu_noi_dung: {
    message: 'Đơn có nhiều nội dung khác nhau; hướng dẫn người viết đơn tách thành từng đơn riêng gửi đến cơ quan có thẩm quyền.',
    basis: `Khoản 1 Điều 6 ${TT05} (quy ước: đơn nhiều nội dung không xử lý như một đơn)`,
  },
  khong_tieng_viet: {
    message: 'Đơn không viết bằng tiếng Việt và không kèm bản dịch có công chứng.',
    basis: TT05_6_2A,
  },
  thieu_ngay_viet_don: {
    message: 'Đơn không ghi ngày, tháng, năm viết đơn.',
    basis: TT05_6_2A,
  },
  thieu_ho_ten_dia_chi: {
    message: 'Đơn không ghi rõ họ, tên và địa chỉ của người viết đơn.',
    basis: TT05_6_2A,
  },
  thieu_chu_ky: {
    message: 'Đơn không có chữ ký hoặc điểm chỉ của người viết đơn.',
    basis: `${TT05_6_2A}; khoản 5 Điều 11 ${KN}`,
  },
  thieu_noi_dung_khieu_nai: {
    message: 'Đơn khiếu nại không ghi rõ cơ quan, tổ chức, cá nhân bị khiếu nại, nội dung, lý do khiếu nại hoặc yêu cầu của người khiếu nại.',
    basis: `${TT05_6_2A}; Điều 8 ${KN}`,
  },
  thieu_noi_dung_to_cao: {
    message: 'Đơn tố cáo không ghi rõ người bị tố cáo, hành vi vi phạm pháp luật bị tố cáo hoặc cách thức liên hệ với người tố cáo.',
    basis: `${TT05_6_2A}; Điều 23 ${TC}`,
  },
  thieu_noi_dung_kien_nghi: {
    message: 'Đơn kiến nghị, phản ánh không có nội dung kiến nghị, phản ánh.',
    basis: TT05_6_2A,
  },
  khong_doc_duoc: {
    message: 'Đơn bị rách nát hoặc không đọc được.',
    basis: `${TT05_28} (quy ước, nguồn thứ cấp)`,
  },
  noi_dung_xuc_pham: {
    message: 'Đơn có nội dung xúc phạm, chống đối Nhà nước, không phải là khiếu nại, tố cáo, kiến nghị, phản ánh.',
    basis: `${TT05} (quy ước, nguồn thứ cấp)`,
  },
  nac_danh: {
    message: 'Tố cáo nặc danh (không rõ họ tên, địa chỉ người tố cáo) không nêu rõ người vi phạm, hành vi vi phạm và tài liệu, chứng cứ cụ thể.',
    basis: `Khoản 1, khoản 2 Điều 25 ${TC}; ${TT05_6_2A}`,
  },
  mao_danh: {
    message: 'Tố cáo mạo danh (sử dụng họ tên người khác) không nêu rõ người vi phạm, hành vi vi phạm và tài liệu, chứng cứ cụ thể.',
    basis: `Khoản 1, khoản 2 Điều 25 ${TC}; ${TT05_6_2A}`,
  },
  da_co_quyet_dinh_co_hieu_luc: {
    message: 'Khiếu nại đã có quyết định giải quyết khiếu nại có hiệu lực pháp luật; đơn được lưu.',
    basis: `Điểm b khoản 1 ${TT05_28}`,
  },
  da_co_ket_luan_to_cao: {
    message: 'Tố cáo đã có kết luận nội dung tố cáo, người tố cáo không cung cấp thông tin, tài liệu, chứng cứ mới; đơn được lưu.',
    basis: `Điểm c khoản 1 ${TT05_28}`,
  },
  da_huong_dan: {
    message: 'Khiếu nại cùng nội dung, cùng người khiếu nại đã được hướng dẫn một lần; việc hướng dẫn chỉ thực hiện một lần.',
    basis: `${TT05} (hướng dẫn chỉ thực hiện một lần, Mẫu số 02)`,
  },
  da_chuyen_don: {
    message: 'Tố cáo cùng nội dung đã được chuyển đơn một lần; việc chuyển đơn chỉ thực hiện một lần.',
    basis: `Khoản 1 Điều 14 ${TT05}; khoản 3 Điều 24 ${TC}`,
  },
} as const satisfies Record<string, { message: string; basis: string }>

/** Exclusions of Luật Khiếu nại Art. 11: eligible complaint within competence, not accepted (khong_thu_ly). */
export const EXCLUSION_REASONS = {
  het_thoi_hieu: {
    message: 'Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng.',
    basis: `Khoản 6 Điều 11; Điều 9 (lần đầu: 90 ngày), Điều 33 (lần hai: 30 ngày, vùng sâu, vùng xa 45 ngày) ${KN}`,
  },
  da_giai_quyet_lan_hai: {
    message: 'Khiếu nại đã có quyết định giải quyết khiếu nại lần hai.',
    basis: `Khoản 7 Điều 11 ${KN}`,
  },
  toa_an_da_thu_ly: {
    message: 'Việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án.',
    basis: `Khoản 9 Điều 11 ${KN}`,
  },
  khong_lien_quan_truc_tiep: {
    message: 'Quyết định hành chính, hành vi hành chính bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp pháp của người khiếu nại.',
    basis: `Khoản 2 Điều 11 ${KN}`,
  },
  khong_co_nang_luc_hanh_vi: {
    message: 'Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp.',
    basis: `Khoản 3 Điều 11 ${KN}`,
  },
  dai_dien_khong_hop_phap: {
    message: 'Người đại diện không hợp pháp thực hiện khiếu nại.',
    basis: `Khoản 4 Điều 11 ${KN}`,
  },
  dinh_chi_khong_tiep_tuc: {
    message: 'Đã có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà sau 30 ngày người khiếu nại không tiếp tục khiếu nại.',
    basis: `Khoản 8 Điều 11 ${KN}`,
  },
  quyet_dinh_noi_bo: {
    message: 'Quyết định, hành vi hành chính trong nội bộ cơ quan nhà nước để chỉ đạo, tổ chức thực hiện nhiệm vụ, công vụ.',
    basis: `Khoản 1 Điều 11 ${KN}`,
  },
} as const satisfies Record<string, { message: string; basis: string }>

export type EligibilityReasonCode = keyof typeof ELIGIBILITY_REASONS
export type ExclusionCode = keyof typeof EXCLUSION_REASONS
export type ReasonCode = EligibilityReasonCode | ExclusionCode

/** All reason codes with their text, eligibility first, in the order they are checked. */
export const REASONS: Record<ReasonCode, { message: string; basis: string }> = { ...ELIGIBILITY_REASONS, ...EXCLUSION_REASONS }

export interface ReasonDetail {
  code: string
  message: string
  basis: string
}

/** The Vietnamese explanation and legal basis of a reason code (an unknown code explains itself). */
export function reasonDetail(code: string): ReasonDetail {
  const known = (REASONS as Record<string, { message: string; basis: string }>)[code]
  return { code, message: known?.message ?? code, basis: known?.basis ?? '' }
}

/** Basis quoted when a letter passes eligibility, by content type (anonymous denunciation apart). */
export const ELIGIBLE_BASIS = {
  khieu_nai: `${TT05_6_2A}; Điều 8 ${KN}`,
  to_cao: `${TT05_6_2A}; Điều 23 ${TC}`,
  to_cao_nac_danh: `Khoản 2 Điều 25 ${TC}; điểm a khoản 2 Điều 6 ${TT05} (tố cáo nặc danh, mạo danh có thông tin rõ ràng về người vi phạm, tài liệu, chứng cứ cụ thể)`,
  kien_nghi_phan_anh: TT05_6_2A,
  quy_dinh_hanh_chinh: 'Nghị định 20/2008/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP): phản ánh, kiến nghị về quy định hành chính',
} as const

/**
 * Basis of an outcome (what the board does and with which form), by content type: forwarding
 * a denunciation cites the confidentiality rule, forwarding feedback does not.
 */
export function outcomeBasis(contentType: string, outcome: Outcome): string {
  const denunciation = contentType === 'to_cao'
  const complaint = contentType === 'khieu_nai'
  switch (outcome) {
    case 'thu_ly':
      if (complaint) return `${TT05} (đề xuất thụ lý, Mẫu số 01); Điều 27 ${KN}`
      if (denunciation) return `Điều 29 ${TC} (thụ lý tố cáo)`
      return `${TT05} (xem xét, giải quyết kiến nghị, phản ánh thuộc thẩm quyền)`
    case 'khong_thu_ly':
      return `Điều 11, Điều 27 ${KN} (thông báo không thụ lý, nêu rõ lý do)`
    case 'kiem_tra':
      return `Khoản 2 Điều 25 ${TC} (thanh tra, kiểm tra theo thẩm quyền, không giải quyết theo thủ tục tố cáo)`
    case 'huong_dan':
      return `${TT05} (hướng dẫn gửi đơn đến cơ quan có thẩm quyền, Mẫu số 02, chỉ thực hiện một lần)`
    case 'chuyen_don':
      if (denunciation) return `Khoản 1 Điều 14 ${TT05} (Mẫu số 03); khoản 2 Điều 24, Điều 56 ${TC} (chuyển đơn, giữ bí mật người tố cáo)`
      return `${TT05} (chuyển đơn đến cơ quan có thẩm quyền)`
    case 'don_doc':
      if (denunciation) return `Khoản 2 Điều 14 ${TT05} (đôn đốc cơ quan cấp dưới trực tiếp đã quá thời hạn giải quyết)`
      return `${TT05} (đôn đốc cơ quan cấp dưới trực tiếp đã quá thời hạn giải quyết)`
    case 'tach_don':
      return `Khoản 1 Điều 6 ${TT05} (quy ước: hướng dẫn tách đơn)`
    case 'luu_don':
      return `${TT05_28} (lưu đơn 01 năm, sau đó xem xét tiêu hủy)`
    default:
      return ''
  }
}
