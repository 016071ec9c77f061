/**
 * A sample directory: one province after the 2025 reorganisation (two-tier local government
 * from 1 July 2025, merged departments from 1 March 2025), loaded by `npm start` into an empty
 * database so the system can be tried at once. Replace it with the real directory through
 * PUT /api/v1/agencies or the import page. District-level bodies and pre-merger departments are
 * kept, with their end dates, so that older letters still route to who was competent then.
 */
import type { Agency } from '../domain/agency.ts'

const province = 'Quảng Ngãi'
const P = 'UBND_TINH'

const commune = (code: string, name: string, kind: 'xã' | 'phường' | 'đặc khu', area: string, extraFields: string[] = []): Agency => ({
  code,
  name: `Ủy ban nhân dân ${kind} ${name}`,
  level: 'xa',
  kind: 'ubnd',
  parentCode: P,
  // commune-level fields of state management after 1 July 2025 (RULES.md §3): the commune
  // handles these for its own area; the rest go to the provincial department.
  fields: ['dat_dai', 'xay_dung', 'moi_truong', 'tu_phap', 'chinh_sach_xa_hoi', 'an_ninh_trat_tu', ...extraFields],
  areaCodes: [area],
  headTitle: `Chủ tịch Ủy ban nhân dân ${kind} ${name}`,
  validFrom: '2025-07-01',
})

const department = (code: string, name: string, fields: string[], headTitle: string, validFrom = '2025-03-01'): Agency => ({
  code,
  name,
  level: 'tinh',
  kind: 'so',
  parentCode: P,
  fields,
  areaCodes: [],
  headTitle,
  validFrom,
})

export const SAMPLE_HOME_AGENCY = P

export const SAMPLE_DIRECTORY: Agency[] = [
  // --- central bodies: where matters above the province go
  {
    code: 'TTCP',
    name: 'Thanh tra Chính phủ',
    level: 'trung_uong',
    kind: 'thanh_tra',
    parentCode: null,
    fields: ['thanh_tra'],
    areaCodes: [],
    headTitle: 'Tổng Thanh tra Chính phủ',
  },
  {
    code: 'BTCD_TW',
    name: 'Ban Tiếp công dân Trung ương',
    level: 'trung_uong',
    kind: 'ban_tiep_cong_dan',
    parentCode: 'TTCP',
    fields: [],
    areaCodes: [],
    headTitle: 'Trưởng Ban Tiếp công dân Trung ương',
  },
  {
    code: 'THU_TUONG',
    name: 'Thủ tướng Chính phủ',
    level: 'trung_uong',
    kind: 'khac',
    parentCode: null,
    fields: [],
    areaCodes: [],
    headTitle: 'Thủ tướng Chính phủ',
  },
  // --- the province
  {
    code: P,
    name: `Ủy ban nhân dân tỉnh ${province}`,
    level: 'tinh',
    kind: 'ubnd',
    parentCode: 'THU_TUONG',
    fields: [],
    areaCodes: ['TINH_QUANG_NGAI'],
    headTitle: `Chủ tịch Ủy ban nhân dân tỉnh ${province}`,
    address: '52 Hùng Vương, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  {
    code: 'VP_UBND_TINH',
    name: `Văn phòng Ủy ban nhân dân tỉnh ${province}`,
    level: 'tinh',
    kind: 'khac',
    parentCode: P,
    // the office's administrative-procedure control unit takes feedback on administrative regulations
    fields: ['quy_dinh_hanh_chinh'],
    areaCodes: [],
    headTitle: 'Chánh Văn phòng Ủy ban nhân dân tỉnh',
  },
  {
    code: 'BTCD_TINH',
    name: `Ban Tiếp công dân tỉnh ${province}`,
    level: 'tinh',
    kind: 'ban_tiep_cong_dan',
    parentCode: 'VP_UBND_TINH',
    fields: [],
    areaCodes: [],
    headTitle: 'Trưởng Ban Tiếp công dân tỉnh',
    address: '52 Hùng Vương, phường Cẩm Thành, tỉnh Quảng Ngãi',
  },
  {
    code: 'THANH_TRA_TINH',
    name: `Thanh tra tỉnh ${province}`,
    level: 'tinh',
    kind: 'thanh_tra',
    parentCode: P,
    fields: ['thanh_tra'],
    areaCodes: [],
    headTitle: 'Chánh Thanh tra tỉnh',
  },
  department('SO_NV', 'Sở Nội vụ', ['noi_vu', 'lao_dong', 'chinh_sach_xa_hoi'], 'Giám đốc Sở Nội vụ'),
  department('SO_TP', 'Sở Tư pháp', ['tu_phap'], 'Giám đốc Sở Tư pháp'),
  department('SO_TC', 'Sở Tài chính', ['tai_chinh', 'dau_tu'], 'Giám đốc Sở Tài chính'),
  department('SO_CT', 'Sở Công Thương', ['cong_thuong'], 'Giám đốc Sở Công Thương'),
  department('SO_NNMT', 'Sở Nông nghiệp và Môi trường', ['dat_dai', 'moi_truong', 'nong_nghiep'], 'Giám đốc Sở Nông nghiệp và Môi trường'),
  department('SO_XD', 'Sở Xây dựng', ['xay_dung', 'giao_thong'], 'Giám đốc Sở Xây dựng'),
  department('SO_KHCN', 'Sở Khoa học và Công nghệ', ['khoa_hoc_cong_nghe'], 'Giám đốc Sở Khoa học và Công nghệ'),
  department('SO_GDDT', 'Sở Giáo dục và Đào tạo', ['giao_duc'], 'Giám đốc Sở Giáo dục và Đào tạo', '2000-01-01'),
  department('SO_YT', 'Sở Y tế', ['y_te', 'bao_hiem_xa_hoi'], 'Giám đốc Sở Y tế', '2000-01-01'),
  department('SO_VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', ['van_hoa'], 'Giám đốc Sở Văn hóa, Thể thao và Du lịch', '2000-01-01'),
  department('SO_DTTG', 'Sở Dân tộc và Tôn giáo', ['dan_toc_ton_giao'], 'Giám đốc Sở Dân tộc và Tôn giáo'),
  {
    code: 'CONG_AN_TINH',
    name: `Công an tỉnh ${province}`,
    level: 'tinh',
    kind: 'cong_an',
    parentCode: null,
    fields: ['an_ninh_trat_tu'],
    areaCodes: [],
    headTitle: 'Giám đốc Công an tỉnh',
  },
  {
    code: 'TAND_TINH',
    name: `Tòa án nhân dân tỉnh ${province}`,
    level: 'tinh',
    kind: 'toa_an',
    parentCode: null,
    fields: [],
    areaCodes: [],
    headTitle: 'Chánh án Tòa án nhân dân tỉnh',
  },
  {
    code: 'VKSND_TINH',
    name: `Viện kiểm sát nhân dân tỉnh ${province}`,
    level: 'tinh',
    kind: 'vien_kiem_sat',
    parentCode: null,
    fields: [],
    areaCodes: [],
    headTitle: 'Viện trưởng Viện kiểm sát nhân dân tỉnh',
  },
  // --- communes, wards and the special zone (from 1 July 2025)
  commune('UBND_PHUONG_CAM_THANH', 'Cẩm Thành', 'phường', 'PHUONG_CAM_THANH'),
  commune('UBND_PHUONG_NGHIA_LO', 'Nghĩa Lộ', 'phường', 'PHUONG_NGHIA_LO'),
  commune('UBND_PHUONG_TRUONG_QUANG_TRONG', 'Trương Quang Trọng', 'phường', 'PHUONG_TRUONG_QUANG_TRONG'),
  commune('UBND_PHUONG_KON_TUM', 'Kon Tum', 'phường', 'PHUONG_KON_TUM'),
  commune('UBND_XA_BINH_SON', 'Bình Sơn', 'xã', 'XA_BINH_SON', ['nong_nghiep']),
  commune('UBND_XA_TU_NGHIA', 'Tư Nghĩa', 'xã', 'XA_TU_NGHIA', ['nong_nghiep']),
  commune('UBND_XA_SON_TAY', 'Sơn Tây', 'xã', 'XA_SON_TAY', ['nong_nghiep', 'dan_toc_ton_giao']),
  commune('UBND_XA_DAK_HA', 'Đăk Hà', 'xã', 'XA_DAK_HA', ['nong_nghiep', 'dan_toc_ton_giao']),
  commune('UBND_DAC_KHU_LY_SON', 'Lý Sơn', 'đặc khu', 'DAC_KHU_LY_SON', ['nong_nghiep']),
  // --- history: bodies that no longer exist, kept so older letters still route correctly
  {
    code: 'SO_TNMT',
    name: 'Sở Tài nguyên và Môi trường',
    level: 'tinh',
    kind: 'so',
    parentCode: P,
    fields: ['dat_dai', 'moi_truong'],
    areaCodes: [],
    headTitle: 'Giám đốc Sở Tài nguyên và Môi trường',
    validTo: '2025-02-28',
  },
  {
    code: 'UBND_TP_QUANG_NGAI',
    name: 'Ủy ban nhân dân thành phố Quảng Ngãi',
    level: 'huyen',
    kind: 'ubnd',
    parentCode: P,
    fields: ['dat_dai', 'xay_dung', 'moi_truong', 'tu_phap', 'chinh_sach_xa_hoi'],
    areaCodes: ['PHUONG_CAM_THANH', 'PHUONG_NGHIA_LO', 'PHUONG_TRUONG_QUANG_TRONG'],
    headTitle: 'Chủ tịch Ủy ban nhân dân thành phố Quảng Ngãi',
    validTo: '2025-06-30',
  },
  {
    code: 'UBND_HUYEN_SON_TAY',
    name: 'Ủy ban nhân dân huyện Sơn Tây',
    level: 'huyen',
    kind: 'ubnd',
    parentCode: P,
    fields: ['dat_dai', 'xay_dung', 'moi_truong', 'tu_phap', 'chinh_sach_xa_hoi', 'nong_nghiep'],
    areaCodes: ['XA_SON_TAY'],
    headTitle: 'Chủ tịch Ủy ban nhân dân huyện Sơn Tây',
    validTo: '2025-06-30',
  },
]

/**
 * Public holidays and make-up working days for state employees (legal-2026.md §5).
 * 2025 and 2026 are the official schedules; later years must be added when announced.
 */
export const SAMPLE_HOLIDAYS: string[] = [
  // 2025
  '2025-01-01',
  '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
  '2025-04-07',
  '2025-04-30', '2025-05-01', '2025-05-02',
  '2025-09-01', '2025-09-02',
  // 2026
  '2026-01-01', '2026-01-02',
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
  '2026-04-27',
  '2026-04-30', '2026-05-01',
  '2026-08-31', '2026-09-01', '2026-09-02',
]
export const SAMPLE_EXTRA_WORKING_DAYS: string[] = ['2025-04-26', '2026-01-10', '2026-08-22']
