/**
 * The catalogue of report measures: every number the report, its forms and its text can show,
 * each a predicate over records (src/domain/tallies.ts) with its Vietnamese label. Form layouts
 * (report-layouts.ts) and the JSON report refer to these keys; the drill-down page lists the
 * records of a key with the same predicate. Keys are stable: they appear in links and exports.
 */
import {
  ELIGIBLE_OUTCOMES,
  OUTSIDE_OUTCOMES,
  WITHIN_OUTCOMES,
  type LetterCriteria,
  type MatterScope,
  type Measure,
  type VisitCategory,
  type VisitCriteria,
} from './tallies.ts'

export interface MeasureDef {
  label: string
  measure: Measure
}

// ----- the sets of letters the measures start from ----------------------------------------------

/** TT05 letters received in the window (API "donThu"). */
const RECEIVED: LetterCriteria = { track: 'don_thu', cohort: ['trong_ky'] }
/** TT05 letters to handle in the window: carried over + received (Biểu 01/XLD col. 1). */
const TO_HANDLE: LetterCriteria = { track: 'don_thu', cohort: ['ky_truoc', 'trong_ky'] }
/** Letters handed in at the reception office (Biểu 02/TCD), received in the window. */
const AT_RECEPTION: LetterCriteria = { ...RECEIVED, channel: ['truc_tiep'] }
/** Administrative-regulation feedback (NĐ 20/2008) received in the window. */
const REGULATION: LetterCriteria = { track: 'quy_dinh_hanh_chinh', cohort: ['trong_ky'] }

const eligible = (base: LetterCriteria): LetterCriteria => ({ ...base, decided: true, outcome: ELIGIBLE_OUTCOMES })
const withinCompetence = (base: LetterCriteria): LetterCriteria => ({ ...base, decided: true, outcome: WITHIN_OUTCOMES })
const outsideCompetence = (base: LetterCriteria): LetterCriteria => ({ ...base, decided: true, outcome: OUTSIDE_OUTCOMES })

/**
 * Letters whose distinct matters a form counts. A matter is counted once, classified by its
 * latest letter in the scope, so the matter columns of a form add up like its letter columns.
 */
export const MATTER_SCOPES: Record<MatterScope, LetterCriteria> = {
  xld_du_dieu_kien: eligible(TO_HANDLE),
  tcd_qua_tiep_dan: eligible(AT_RECEPTION),
}

/** Channels of NĐ 20/2008 feedback counted as "qua đơn thư" (API.md paknHanhChinh.donThu). */
export const LETTER_CHANNELS = ['buu_chinh', 'hop_thu', 'lanh_dao_chuyen', 'dai_bieu_chuyen', 'bao_chi_chuyen', 'co_quan_chuyen'] as const

const letters = (label: string, where: LetterCriteria): MeasureDef => ({ label, measure: { of: 'letters', where } })
const matters = (label: string, scope: MatterScope, where?: LetterCriteria): MeasureDef => ({
  label,
  measure: where ? { of: 'letterMatters', scope, scopeWhere: MATTER_SCOPES[scope], where } : { of: 'letterMatters', scope, scopeWhere: MATTER_SCOPES[scope] },
})

// ----- visits: Biểu 01/TCD per column group -----------------------------------------------------

const CATEGORY_KEYS = { thuong_xuyen: 'tx', thu_truong: 'tt', uy_quyen: 'uq' } as const satisfies Record<VisitCategory, string>

type VisitMeasureName = 'luot' | 'nguoi' | 'vuViecLanDau' | 'vuViecNhieuLan' | 'doan' | 'doanNguoi' | 'doanLanDau' | 'doanNhieuLan'

const visits = (label: string, of: 'visits' | 'persons' | 'visitMatters' | 'sessions', where: VisitCriteria): MeasureDef => ({ label, measure: { of, where } })

function visitGroup<K extends 'tx' | 'tt' | 'uq'>(key: K, category: VisitCategory, name: string): Record<`tcd.${K}.${VisitMeasureName}`, MeasureDef> {
  const c = [category]
  const group: Record<VisitMeasureName, MeasureDef> = {
    luot: visits(`${name}: số lượt tiếp`, 'visits', { category: c }),
    nguoi: visits(`${name}: số người được tiếp`, 'persons', { category: c }),
    vuViecLanDau: visits(`${name}: số vụ việc tiếp lần đầu`, 'visitMatters', { category: c, firstTime: true }),
    vuViecNhieuLan: visits(`${name}: số vụ việc tiếp nhiều lần`, 'visitMatters', { category: c, firstTime: false }),
    doan: visits(`${name}: số đoàn đông người`, 'visits', { category: c, large: true }),
    doanNguoi: visits(`${name}: số người trong các đoàn đông người`, 'persons', { category: c, large: true }),
    doanLanDau: visits(`${name}: vụ việc đoàn đông người tiếp lần đầu`, 'visitMatters', { category: c, large: true, firstTime: true }),
    doanNhieuLan: visits(`${name}: vụ việc đoàn đông người tiếp nhiều lần`, 'visitMatters', { category: c, large: true, firstTime: false }),
  }
  return Object.fromEntries(Object.entries(group).map(([measure, def]) => [`tcd.${key}.${measure}`, def])) as Record<`tcd.${K}.${VisitMeasureName}`, MeasureDef>
}

const LEADERS: VisitCategory[] = ['thu_truong', 'uy_quyen']

export const MEASURES = {
  // ----- reception (API tiepCongDan) -----
  'tcd.luot': { label: 'Tổng số lượt tiếp', measure: { of: 'visits', where: {} } },
  'tcd.nguoi': { label: 'Tổng số người được tiếp', measure: { of: 'persons', where: {} } },
  'tcd.vuViec': { label: 'Số vụ việc được tiếp (không trùng)', measure: { of: 'visitMatters', where: {} } },
  'tcd.vuViecLanDau': { label: 'Vụ việc tiếp lần đầu', measure: { of: 'visitMatters', where: { firstTime: true } } },
  'tcd.vuViecNhieuLan': { label: 'Vụ việc tiếp nhiều lần', measure: { of: 'visitMatters', where: { firstTime: false } } },
  'tcd.doan': { label: 'Số đoàn đông người', measure: { of: 'visits', where: { large: true } } },
  'tcd.doanNguoi': { label: 'Số người trong các đoàn đông người', measure: { of: 'persons', where: { large: true } } },
  'tcd.dk.ky': { label: 'Lãnh đạo tiếp định kỳ, đột xuất: số kỳ tiếp', measure: { of: 'sessions', where: { category: LEADERS } } },
  'tcd.dk.luot': { label: 'Lãnh đạo tiếp định kỳ, đột xuất: số lượt tiếp', measure: { of: 'visits', where: { category: LEADERS } } },
  'tcd.dk.nguoi': { label: 'Lãnh đạo tiếp định kỳ, đột xuất: số người được tiếp', measure: { of: 'persons', where: { category: LEADERS } } },
  ...visitGroup(CATEGORY_KEYS.thuong_xuyen, 'thuong_xuyen', 'Tiếp thường xuyên'),
  ...visitGroup(CATEGORY_KEYS.thu_truong, 'thu_truong', 'Thủ trưởng tiếp'),
  ...visitGroup(CATEGORY_KEYS.uy_quyen, 'uy_quyen', 'Ủy quyền tiếp'),
  'tcd.tt.ky': { label: 'Thủ trưởng tiếp: số kỳ tiếp', measure: { of: 'sessions', where: { category: ['thu_truong'] } } },
  'tcd.uq.ky': { label: 'Ủy quyền tiếp: số kỳ tiếp', measure: { of: 'sessions', where: { category: ['uy_quyen'] } } },

  // ----- letters received in the window (API donThu) -----
  'don.tong': letters('Tổng số đơn tiếp nhận trong kỳ', RECEIVED),
  'don.nhieuNguoiDungTen': letters('Đơn có nhiều người đứng tên', { ...RECEIVED, signerGroup: ['nhieu_nguoi'] }),
  'don.motNguoiDungTen': letters('Đơn một người đứng tên', { ...RECEIVED, signerGroup: ['mot_nguoi'] }),
  'don.khac': letters('Đơn khác (nặc danh, mạo danh)', { ...RECEIVED, signerGroup: ['khac'] }),
  'don.daXuLy': letters('Số đơn đã xử lý', { ...RECEIVED, decided: true }),
  'don.duDieuKien': letters('Số đơn đủ điều kiện xử lý', eligible(RECEIVED)),
  'don.khieuNai': letters('Đơn khiếu nại (đủ điều kiện xử lý)', { ...eligible(RECEIVED), countedAs: ['khieu_nai'] }),
  'don.toCao': letters('Đơn tố cáo (đủ điều kiện xử lý)', { ...eligible(RECEIVED), countedAs: ['to_cao'] }),
  'don.kienNghiPhanAnh': letters('Đơn kiến nghị, phản ánh (đủ điều kiện xử lý)', { ...eligible(RECEIVED), countedAs: ['kien_nghi_phan_anh'] }),
  'don.thuocThamQuyen': letters('Đơn thuộc thẩm quyền', withinCompetence(RECEIVED)),
  'don.thuLy': letters('Đề xuất thụ lý', { ...RECEIVED, decided: true, outcome: ['thu_ly'] }),
  'don.khongThuLy': letters('Không thụ lý', { ...RECEIVED, decided: true, outcome: ['khong_thu_ly'] }),
  'don.kiemTra': letters('Kiểm tra, xác minh (tố cáo nặc danh)', { ...RECEIVED, decided: true, outcome: ['kiem_tra'] }),
  'don.khongThuocThamQuyen': letters('Đơn không thuộc thẩm quyền', outsideCompetence(RECEIVED)),
  'don.huongDan': letters('Hướng dẫn', { ...RECEIVED, decided: true, outcome: ['huong_dan'] }),
  'don.chuyenDon': letters('Chuyển đơn', { ...RECEIVED, decided: true, outcome: ['chuyen_don'] }),
  'don.donDoc': letters('Đôn đốc giải quyết', { ...RECEIVED, decided: true, outcome: ['don_doc'] }),
  'don.luuDon': letters('Lưu đơn', { ...RECEIVED, decided: true, outcome: ['luu_don'] }),
  'don.tachDon': letters('Hướng dẫn tách đơn', { ...RECEIVED, decided: true, outcome: ['tach_don'] }),

  // ----- administrative-regulation feedback (API paknHanhChinh) -----
  'pakn.tong': letters('Tổng số phản ánh, kiến nghị về quy định hành chính', REGULATION),
  'pakn.donThu': letters('Qua đơn thư', { ...REGULATION, channel: LETTER_CHANNELS }),
  'pakn.congDvcQuocGia': letters('Qua Cổng Dịch vụ công quốc gia', { ...REGULATION, channel: ['cong_dvc_quoc_gia'] }),
  'pakn.duongDayNong': letters('Qua đường dây nóng', { ...REGULATION, channel: ['duong_day_nong'] }),
  'pakn.trucTiep': letters('Trực tiếp tại trụ sở', { ...REGULATION, channel: ['truc_tiep'] }),
  'pakn.trucTuyen': letters('Qua cổng trực tuyến của hệ thống', { ...REGULATION, channel: ['truc_tuyen'] }),
  'pakn.daGiaiQuyet': letters('Đã giải quyết xong', { ...REGULATION, resolved: true }),

  // ----- Biểu 01/XLD (TT 01/2024): letters to handle in the window -----
  'xld.phaiXuLy': letters('Tổng số đơn phải xử lý', TO_HANDLE),
  'xld.kyTruoc': letters('Kỳ trước chuyển sang', { ...TO_HANDLE, cohort: ['ky_truoc'] }),
  'xld.trongKy': letters('Tiếp nhận trong kỳ', { ...TO_HANDLE, cohort: ['trong_ky'] }),
  'xld.daXuLy': letters('Số đơn đã xử lý', { ...TO_HANDLE, decided: true }),
  'xld.chuaXuLy': letters('Số đơn chưa xử lý (chuyển kỳ sau xử lý)', { ...TO_HANDLE, decided: false }),
  'xld.duDieuKien': letters('Đủ điều kiện xử lý: số đơn', eligible(TO_HANDLE)),
  'xld.vuViec': matters('Đủ điều kiện xử lý: số vụ việc', 'xld_du_dieu_kien'),
  'xld.khieuNai': letters('Phân loại theo nội dung: khiếu nại', { ...eligible(TO_HANDLE), countedAs: ['khieu_nai'] }),
  'xld.toCao': letters('Phân loại theo nội dung: tố cáo', { ...eligible(TO_HANDLE), countedAs: ['to_cao'] }),
  'xld.kienNghiPhanAnh': letters('Phân loại theo nội dung: kiến nghị, phản ánh', { ...eligible(TO_HANDLE), countedAs: ['kien_nghi_phan_anh'] }),
  'xld.daGiaiQuyetLanDau': letters('Đã giải quyết lần đầu', { ...eligible(TO_HANDLE), stage: ['lan_dau'] }),
  'xld.daGiaiQuyetNhieuLan': letters('Đã giải quyết nhiều lần', { ...eligible(TO_HANDLE), stage: ['nhieu_lan'] }),
  'xld.chuaGiaiQuyet': letters('Chưa giải quyết xong', { ...eligible(TO_HANDLE), stage: ['chua'] }),
  'xld.thuocThamQuyen': letters('Đơn thuộc thẩm quyền: tổng số', withinCompetence(TO_HANDLE)),
  'xld.thuocThamQuyen.khieuNai': letters('Đơn thuộc thẩm quyền: khiếu nại', { ...withinCompetence(TO_HANDLE), countedAs: ['khieu_nai'] }),
  'xld.thuocThamQuyen.toCao': letters('Đơn thuộc thẩm quyền: tố cáo', { ...withinCompetence(TO_HANDLE), countedAs: ['to_cao'] }),
  'xld.thuocThamQuyen.kienNghiPhanAnh': letters('Đơn thuộc thẩm quyền: kiến nghị, phản ánh', { ...withinCompetence(TO_HANDLE), countedAs: ['kien_nghi_phan_anh'] }),
  'xld.khongThuocThamQuyen': letters('Đơn không thuộc thẩm quyền: tổng số', outsideCompetence(TO_HANDLE)),
  'xld.huongDan': letters('Đơn không thuộc thẩm quyền: hướng dẫn', { ...TO_HANDLE, decided: true, outcome: ['huong_dan'] }),
  'xld.chuyenDon': letters('Đơn không thuộc thẩm quyền: chuyển đơn', { ...TO_HANDLE, decided: true, outcome: ['chuyen_don'] }),
  'xld.donDoc': letters('Đơn không thuộc thẩm quyền: đôn đốc giải quyết', { ...TO_HANDLE, decided: true, outcome: ['don_doc'] }),
  'xld.phucDap': { label: 'Số văn bản phúc đáp nhận được do chuyển đơn', measure: { of: 'replies', where: {} } },

  // ----- Biểu 02/TCD: letters handed in at reception -----
  'tcd02.don': letters('Tổng số đơn nhận được qua tiếp công dân (đủ điều kiện, đã xử lý)', eligible(AT_RECEPTION)),
  'tcd02.vuViec': matters('Tổng số vụ việc được tiếp', 'tcd_qua_tiep_dan'),
  'tcd02.khieuNai.don': letters('Khiếu nại: số đơn', { ...eligible(AT_RECEPTION), countedAs: ['khieu_nai'] }),
  'tcd02.khieuNai.vuViec': matters('Khiếu nại: số vụ việc', 'tcd_qua_tiep_dan', { countedAs: ['khieu_nai'] }),
  'tcd02.toCao.don': letters('Tố cáo: số đơn', { ...eligible(AT_RECEPTION), countedAs: ['to_cao'] }),
  'tcd02.toCao.vuViec': matters('Tố cáo: số vụ việc', 'tcd_qua_tiep_dan', { countedAs: ['to_cao'] }),
  'tcd02.kienNghiPhanAnh.don': letters('Phản ánh, kiến nghị: số đơn', { ...eligible(AT_RECEPTION), countedAs: ['kien_nghi_phan_anh'] }),
  'tcd02.kienNghiPhanAnh.vuViec': matters('Phản ánh, kiến nghị: số vụ việc', 'tcd_qua_tiep_dan', { countedAs: ['kien_nghi_phan_anh'] }),
  'tcd02.thuocThamQuyen.don': letters('Thuộc thẩm quyền: số đơn', withinCompetence(AT_RECEPTION)),
  'tcd02.thuocThamQuyen.vuViec': matters('Thuộc thẩm quyền: số vụ việc', 'tcd_qua_tiep_dan', { outcome: WITHIN_OUTCOMES }),
  'tcd02.khongThuocThamQuyen.don': letters('Không thuộc thẩm quyền: số đơn', outsideCompetence(AT_RECEPTION)),
  'tcd02.khongThuocThamQuyen.vuViec': matters('Không thuộc thẩm quyền: số vụ việc', 'tcd_qua_tiep_dan', { outcome: OUTSIDE_OUTCOMES }),
  'tcd02.huongDan.vuViec': matters('Không thuộc thẩm quyền: hướng dẫn (vụ việc)', 'tcd_qua_tiep_dan', { outcome: ['huong_dan'] }),
  'tcd02.chuyenDon.vuViec': matters('Không thuộc thẩm quyền: chuyển đơn (vụ việc)', 'tcd_qua_tiep_dan', { outcome: ['chuyen_don'] }),
  'tcd02.donDoc.vuViec': matters('Không thuộc thẩm quyền: đôn đốc giải quyết (vụ việc)', 'tcd_qua_tiep_dan', { outcome: ['don_doc'] }),
  'tcd02.phucDap': { label: 'Số văn bản phúc đáp nhận được do chuyển đơn (đơn qua tiếp công dân)', measure: { of: 'replies', where: { channel: ['truc_tiep'] } } },
  'tcd02.khongDuDieuKien': letters('Đơn qua tiếp công dân không đủ điều kiện xử lý', { ...AT_RECEPTION, decided: true, outcome: ['luu_don', 'tach_don'] }),
  'tcd02.chuaXuLy': letters('Đơn qua tiếp công dân chưa xử lý', { ...AT_RECEPTION, decided: false }),
} as const satisfies Record<string, MeasureDef>

export type MeasureKey = keyof typeof MEASURES

export const isMeasureKey = (key: string): key is MeasureKey => Object.hasOwn(MEASURES, key)

/** The matter scopes these measures need loaded. */
export const scopesOf = (keys: readonly MeasureKey[]): MatterScope[] => [
  ...new Set(keys.flatMap((k) => {
    const m = MEASURES[k].measure
    return m.of === 'letterMatters' ? [m.scope] : []
  })),
]

/** The summary tables of the report page and the "Tổng hợp" sheet, in reading order. */
export const SUMMARY_SECTIONS: ReadonlyArray<{ title: string; keys: readonly MeasureKey[] }> = [
  {
    title: 'Tiếp công dân',
    keys: ['tcd.luot', 'tcd.nguoi', 'tcd.vuViec', 'tcd.vuViecLanDau', 'tcd.vuViecNhieuLan', 'tcd.doan', 'tcd.doanNguoi', 'tcd.tx.luot', 'tcd.tx.nguoi', 'tcd.tx.doan', 'tcd.dk.ky', 'tcd.dk.luot', 'tcd.dk.nguoi'],
  },
  {
    title: 'Tiếp nhận, xử lý đơn (đơn tiếp nhận trong kỳ)',
    keys: [
      'don.tong', 'don.nhieuNguoiDungTen', 'don.motNguoiDungTen', 'don.khac', 'don.daXuLy', 'don.duDieuKien', 'don.khieuNai', 'don.toCao', 'don.kienNghiPhanAnh',
      'don.thuocThamQuyen', 'don.thuLy', 'don.khongThuLy', 'don.kiemTra', 'don.khongThuocThamQuyen', 'don.huongDan', 'don.chuyenDon', 'don.donDoc', 'don.luuDon', 'don.tachDon',
    ],
  },
  {
    title: 'Đơn phải xử lý trong kỳ (kể cả kỳ trước chuyển sang)',
    keys: ['xld.phaiXuLy', 'xld.kyTruoc', 'xld.trongKy', 'xld.daXuLy', 'xld.chuaXuLy', 'xld.phucDap'],
  },
  {
    title: 'Phản ánh, kiến nghị về quy định hành chính (Nghị định 20/2008/NĐ-CP)',
    keys: ['pakn.tong', 'pakn.donThu', 'pakn.congDvcQuocGia', 'pakn.duongDayNong', 'pakn.trucTiep', 'pakn.trucTuyen', 'pakn.daGiaiQuyet'],
  },
]

/** How far a summary line is indented under the one it is part of ("of which"). */
export const SUMMARY_INDENT: Partial<Record<MeasureKey, 1 | 2 | 3>> = {
  'tcd.vuViecLanDau': 1,
  'tcd.vuViecNhieuLan': 1,
  'tcd.doanNguoi': 1,
  'tcd.tx.nguoi': 1,
  'tcd.tx.doan': 1,
  'tcd.dk.luot': 1,
  'tcd.dk.nguoi': 1,
  'don.nhieuNguoiDungTen': 1,
  'don.motNguoiDungTen': 1,
  'don.khac': 1,
  'don.duDieuKien': 1,
  'don.khieuNai': 2,
  'don.toCao': 2,
  'don.kienNghiPhanAnh': 2,
  'don.thuocThamQuyen': 2,
  'don.thuLy': 3,
  'don.khongThuLy': 3,
  'don.kiemTra': 3,
  'don.khongThuocThamQuyen': 2,
  'don.huongDan': 3,
  'don.chuyenDon': 3,
  'don.donDoc': 3,
  'don.luuDon': 1,
  'don.tachDon': 1,
  'xld.kyTruoc': 1,
  'xld.trongKy': 1,
  'xld.daXuLy': 1,
  'xld.chuaXuLy': 1,
  'pakn.donThu': 1,
  'pakn.congDvcQuocGia': 1,
  'pakn.duongDayNong': 1,
  'pakn.trucTiep': 1,
  'pakn.trucTuyen': 1,
}
