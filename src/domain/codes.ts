/**
 * The vocabulary of RULES.md §1: the codes used in code, the API and the database,
 * each with the Vietnamese label shown to people.
 */

export const CONTENT_TYPES = {
  khieu_nai: 'Khiếu nại',
  to_cao: 'Tố cáo',
  kien_nghi_phan_anh: 'Kiến nghị, phản ánh',
  nhieu_noi_dung: 'Đơn có nhiều nội dung',
} as const
export type ContentType = keyof typeof CONTENT_TYPES
/** A single content (what one part of a several-content letter can be). */
export type SingleContentType = Exclude<ContentType, 'nhieu_noi_dung'>

export const CHANNELS = {
  truc_tiep: 'Trực tiếp tại nơi tiếp công dân',
  buu_chinh: 'Qua bưu chính',
  hop_thu: 'Hộp thư góp ý',
  truc_tuyen: 'Trực tuyến (cổng thông tin, API)',
  duong_day_nong: 'Đường dây nóng',
  cong_dvc_quoc_gia: 'Cổng Dịch vụ công quốc gia',
  lanh_dao_chuyen: 'Lãnh đạo Đảng, Nhà nước chuyển',
  dai_bieu_chuyen: 'Đại biểu Quốc hội, HĐND, MTTQ chuyển',
  bao_chi_chuyen: 'Cơ quan báo chí chuyển',
  co_quan_chuyen: 'Cơ quan khác chuyển',
} as const
export type Channel = keyof typeof CHANNELS

export const OUTCOMES = {
  thu_ly: 'Đề xuất thụ lý',
  khong_thu_ly: 'Không thụ lý',
  kiem_tra: 'Kiểm tra, xác minh (tố cáo nặc danh)',
  huong_dan: 'Hướng dẫn',
  chuyen_don: 'Chuyển đơn',
  don_doc: 'Đôn đốc giải quyết',
  tach_don: 'Hướng dẫn tách đơn',
  luu_don: 'Lưu đơn',
} as const
export type Outcome = keyof typeof OUTCOMES

export const SIGNER_GROUPS = {
  nhieu_nguoi: 'Đơn có nhiều người đứng tên',
  mot_nguoi: 'Đơn một người đứng tên',
  khac: 'Đơn khác (nặc danh, mạo danh)',
} as const
export type SignerGroup = keyof typeof SIGNER_GROUPS

export const AGENCY_LEVELS = {
  trung_uong: 'Trung ương',
  tinh: 'Cấp tỉnh',
  huyen: 'Cấp huyện (trước 01/7/2025)',
  xa: 'Cấp xã',
} as const
export type AgencyLevel = keyof typeof AGENCY_LEVELS

export const AGENCY_KINDS = {
  ubnd: 'Ủy ban nhân dân',
  so: 'Sở, ngành',
  thanh_tra: 'Thanh tra',
  ban_tiep_cong_dan: 'Ban Tiếp công dân',
  cong_an: 'Công an',
  toa_an: 'Tòa án',
  vien_kiem_sat: 'Viện kiểm sát',
  dang: 'Cơ quan Đảng',
  khac: 'Khác',
} as const
export type AgencyKind = keyof typeof AGENCY_KINDS

/** Fields of state management (lĩnh vực). Agencies may carry other codes; these get labels. */
export const FIELDS = {
  dat_dai: 'Đất đai',
  moi_truong: 'Môi trường',
  nong_nghiep: 'Nông nghiệp, thủy lợi',
  xay_dung: 'Xây dựng, quy hoạch, nhà ở',
  giao_thong: 'Giao thông vận tải',
  tai_chinh: 'Tài chính, ngân sách, thuế',
  dau_tu: 'Kế hoạch, đầu tư, doanh nghiệp',
  cong_thuong: 'Công thương, thị trường',
  lao_dong: 'Lao động, việc làm, tiền lương',
  chinh_sach_xa_hoi: 'Chính sách xã hội, người có công',
  bao_hiem_xa_hoi: 'Bảo hiểm xã hội, bảo hiểm y tế',
  y_te: 'Y tế',
  giao_duc: 'Giáo dục, đào tạo',
  van_hoa: 'Văn hóa, thể thao, du lịch',
  khoa_hoc_cong_nghe: 'Khoa học, công nghệ, thông tin',
  noi_vu: 'Nội vụ, cán bộ, công chức',
  tu_phap: 'Tư pháp, hộ tịch, chứng thực',
  dan_toc_ton_giao: 'Dân tộc, tôn giáo',
  an_ninh_trat_tu: 'An ninh, trật tự',
  thanh_tra: 'Thanh tra, khiếu nại, tố cáo',
  quy_dinh_hanh_chinh: 'Quy định hành chính (NĐ 20/2008)',
} as const
export type KnownField = keyof typeof FIELDS

export const ROLES = {
  admin: 'Quản trị hệ thống',
  tiep_dan: 'Cán bộ tiếp công dân',
  xu_ly_don: 'Cán bộ xử lý đơn',
  lanh_dao: 'Lãnh đạo phê duyệt',
  bao_cao: 'Cán bộ báo cáo, thống kê',
  co_quan: 'Cán bộ cơ quan tiếp nhận',
} as const
export type Role = keyof typeof ROLES

export const codesOf = <T extends Record<string, string>>(table: T) =>
  Object.keys(table) as Array<keyof T & string>

/** Label for a field code, falling back to the code itself for fields we have no label for. */
export const fieldLabel = (code: string): string =>
  (FIELDS as Record<string, string>)[code] ?? code
