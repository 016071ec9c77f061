/**
 * Layouts of the statistical forms (biểu mẫu) as data: numbered columns, their header groups,
 * the measure each column shows, and the control sums of the formula row. Headings are those of
 * legal-rules.md §11 (reconstructed from a production implementation, not yet checked against
 * the official appendix). A new circular is a new entry with its own `validFrom`; columns point
 * at measure keys of report-measures.ts, so adding TT 06/2025 when its columns are known needs
 * no change to any code.
 */
import type { MeasureKey } from './report-measures.ts'

export interface FormColumn {
  /** The printed column number (1, 2, …). */
  no: number
  /** Group headings above the column, outermost first. */
  groups: readonly string[]
  heading: string
  /** What the column shows: a measure, the sum of other columns, or a note (Ghi chú). */
  value: { measure: MeasureKey } | { sumOf: readonly number[] } | { note: 'tcd02' }
}

export interface ControlSum {
  /** column = sum of each list, e.g. 1 = 3+5+7 = 9+11 is { column: 1, equals: [[3,5,7],[9,11]] }. */
  column: number
  equals: ReadonlyArray<readonly number[]>
}

export interface FormLayout {
  /** e.g. "01/TCD". */
  code: string
  /** e.g. "TT01-2024". */
  version: string
  title: string
  basis: string
  /** Report windows ending on or after this date use this layout (until a later one applies). */
  validFrom: string
  validTo: string | null
  columns: readonly FormColumn[]
  controlSums: readonly ControlSum[]
  /** Shown under the form. */
  note: string | null
}

const TCD_GROUP = (name: string) =>
  [
    [name, 'Số vụ việc'],
    [name, 'Trong đó đoàn đông người'],
    [name, 'Trong đó đoàn đông người', 'Số vụ việc'],
  ] as const

const [TX_VV, TX_DOAN, TX_DOAN_VV] = TCD_GROUP('Tiếp thường xuyên')
const HEAD = ['Tiếp định kỳ và đột xuất của Thủ trưởng', 'Thủ trưởng tiếp'] as const
const DEPUTY = ['Tiếp định kỳ và đột xuất của Thủ trưởng', 'Ủy quyền tiếp'] as const

const UNVERIFIED = 'Tiêu đề cột chưa được đối chiếu với phụ lục chính thức của Thông tư.'

export const FORM_LAYOUTS: readonly FormLayout[] = [
  {
    code: '01/TCD',
    version: 'TT01-2024',
    title: 'TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT',
    basis: 'Biểu số 01/TCD, Thông tư 01/2024/TT-TTCP (bố cục như Thông tư 02/2021/TT-TTCP)',
    validFrom: '2021-05-10',
    validTo: null,
    note: `${UNVERIFIED} Cột 3 là tổng số vụ việc của từng hình thức tiếp (một vụ việc được tiếp theo hai hình thức được tính ở cả hai).`,
    columns: [
      { no: 1, groups: [], heading: 'Tổng số lượt tiếp (1=4+13+22)', value: { measure: 'tcd.luot' } },
      { no: 2, groups: [], heading: 'Tổng số người được tiếp (2=5+14+23)', value: { measure: 'tcd.nguoi' } },
      { no: 3, groups: [], heading: 'Tổng số vụ việc tiếp (3=6+7+15+16+24+25)', value: { sumOf: [6, 7, 15, 16, 24, 25] } },
      { no: 4, groups: ['Tiếp thường xuyên'], heading: 'Số lượt tiếp', value: { measure: 'tcd.tx.luot' } },
      { no: 5, groups: ['Tiếp thường xuyên'], heading: 'Số người được tiếp', value: { measure: 'tcd.tx.nguoi' } },
      { no: 6, groups: TX_VV, heading: 'Tiếp lần đầu', value: { measure: 'tcd.tx.vuViecLanDau' } },
      { no: 7, groups: TX_VV, heading: 'Tiếp nhiều lần', value: { measure: 'tcd.tx.vuViecNhieuLan' } },
      { no: 8, groups: TX_DOAN, heading: 'Số đoàn được tiếp', value: { measure: 'tcd.tx.doan' } },
      { no: 9, groups: TX_DOAN, heading: 'Số người được tiếp', value: { measure: 'tcd.tx.doanNguoi' } },
      { no: 10, groups: TX_DOAN_VV, heading: 'Tiếp lần đầu', value: { measure: 'tcd.tx.doanLanDau' } },
      { no: 11, groups: TX_DOAN_VV, heading: 'Tiếp nhiều lần', value: { measure: 'tcd.tx.doanNhieuLan' } },
      { no: 12, groups: HEAD, heading: 'Số kỳ tiếp', value: { measure: 'tcd.tt.ky' } },
      { no: 13, groups: HEAD, heading: 'Số lượt tiếp', value: { measure: 'tcd.tt.luot' } },
      { no: 14, groups: HEAD, heading: 'Số người được tiếp', value: { measure: 'tcd.tt.nguoi' } },
      { no: 15, groups: [...HEAD, 'Số vụ việc'], heading: 'Tiếp lần đầu', value: { measure: 'tcd.tt.vuViecLanDau' } },
      { no: 16, groups: [...HEAD, 'Số vụ việc'], heading: 'Tiếp nhiều lần', value: { measure: 'tcd.tt.vuViecNhieuLan' } },
      { no: 17, groups: [...HEAD, 'Trong đó đoàn đông người'], heading: 'Số đoàn được tiếp', value: { measure: 'tcd.tt.doan' } },
      { no: 18, groups: [...HEAD, 'Trong đó đoàn đông người'], heading: 'Số người được tiếp', value: { measure: 'tcd.tt.doanNguoi' } },
      { no: 19, groups: [...HEAD, 'Trong đó đoàn đông người'], heading: 'Tiếp lần đầu', value: { measure: 'tcd.tt.doanLanDau' } },
      { no: 20, groups: [...HEAD, 'Trong đó đoàn đông người'], heading: 'Tiếp nhiều lần', value: { measure: 'tcd.tt.doanNhieuLan' } },
      { no: 21, groups: DEPUTY, heading: 'Số kỳ tiếp', value: { measure: 'tcd.uq.ky' } },
      { no: 22, groups: DEPUTY, heading: 'Số lượt tiếp', value: { measure: 'tcd.uq.luot' } },
      { no: 23, groups: DEPUTY, heading: 'Số người được tiếp', value: { measure: 'tcd.uq.nguoi' } },
      { no: 24, groups: [...DEPUTY, 'Số vụ việc'], heading: 'Tiếp lần đầu', value: { measure: 'tcd.uq.vuViecLanDau' } },
      { no: 25, groups: [...DEPUTY, 'Số vụ việc'], heading: 'Tiếp nhiều lần', value: { measure: 'tcd.uq.vuViecNhieuLan' } },
      { no: 26, groups: [...DEPUTY, 'Trong đó đoàn đông người'], heading: 'Số đoàn được tiếp', value: { measure: 'tcd.uq.doan' } },
      { no: 27, groups: [...DEPUTY, 'Trong đó đoàn đông người'], heading: 'Số người được tiếp', value: { measure: 'tcd.uq.doanNguoi' } },
      { no: 28, groups: [...DEPUTY, 'Trong đó đoàn đông người'], heading: 'Tiếp lần đầu', value: { measure: 'tcd.uq.doanLanDau' } },
      { no: 29, groups: [...DEPUTY, 'Trong đó đoàn đông người'], heading: 'Tiếp nhiều lần', value: { measure: 'tcd.uq.doanNhieuLan' } },
    ],
    controlSums: [
      { column: 1, equals: [[4, 13, 22]] },
      { column: 2, equals: [[5, 14, 23]] },
      { column: 3, equals: [[6, 7, 15, 16, 24, 25]] },
    ],
  },
  {
    code: '02/TCD',
    version: 'TT01-2024',
    title: 'TỔNG HỢP KẾT QUẢ PHÂN LOẠI, XỬ LÝ ĐƠN QUA TIẾP CÔNG DÂN',
    basis: 'Biểu số 02/TCD, Thông tư 01/2024/TT-TTCP',
    validFrom: '2021-05-10',
    validTo: null,
    note: `${UNVERIFIED} Đơn qua tiếp công dân là đơn nhận trực tiếp tại nơi tiếp công dân trong kỳ; biểu tính các đơn đã xử lý, đủ điều kiện xử lý (đơn không đủ điều kiện và đơn chưa xử lý ghi ở cột Ghi chú). Một vụ việc được tính một lần, theo đơn mới nhất của vụ việc.`,
    columns: [
      { no: 1, groups: [], heading: 'Tổng số đơn nhận được qua tiếp công dân (1=3+5+7=9+11)', value: { measure: 'tcd02.don' } },
      { no: 2, groups: [], heading: 'Tổng số vụ việc được tiếp (2=4+6+8=10+12)', value: { measure: 'tcd02.vuViec' } },
      { no: 3, groups: ['Phân loại theo nội dung', 'Khiếu nại'], heading: 'Số đơn', value: { measure: 'tcd02.khieuNai.don' } },
      { no: 4, groups: ['Phân loại theo nội dung', 'Khiếu nại'], heading: 'Số vụ việc', value: { measure: 'tcd02.khieuNai.vuViec' } },
      { no: 5, groups: ['Phân loại theo nội dung', 'Tố cáo'], heading: 'Số đơn', value: { measure: 'tcd02.toCao.don' } },
      { no: 6, groups: ['Phân loại theo nội dung', 'Tố cáo'], heading: 'Số vụ việc', value: { measure: 'tcd02.toCao.vuViec' } },
      { no: 7, groups: ['Phân loại theo nội dung', 'Phản ánh, kiến nghị'], heading: 'Số đơn', value: { measure: 'tcd02.kienNghiPhanAnh.don' } },
      { no: 8, groups: ['Phân loại theo nội dung', 'Phản ánh, kiến nghị'], heading: 'Số vụ việc', value: { measure: 'tcd02.kienNghiPhanAnh.vuViec' } },
      { no: 9, groups: ['Phân loại theo thẩm quyền', 'Thuộc thẩm quyền'], heading: 'Số đơn', value: { measure: 'tcd02.thuocThamQuyen.don' } },
      { no: 10, groups: ['Phân loại theo thẩm quyền', 'Thuộc thẩm quyền'], heading: 'Số vụ việc', value: { measure: 'tcd02.thuocThamQuyen.vuViec' } },
      { no: 11, groups: ['Phân loại theo thẩm quyền', 'Không thuộc thẩm quyền'], heading: 'Số đơn', value: { measure: 'tcd02.khongThuocThamQuyen.don' } },
      { no: 12, groups: ['Phân loại theo thẩm quyền', 'Không thuộc thẩm quyền', 'Số vụ việc'], heading: 'Tổng (12=13+14+15)', value: { measure: 'tcd02.khongThuocThamQuyen.vuViec' } },
      { no: 13, groups: ['Phân loại theo thẩm quyền', 'Không thuộc thẩm quyền', 'Số vụ việc'], heading: 'Hướng dẫn', value: { measure: 'tcd02.huongDan.vuViec' } },
      { no: 14, groups: ['Phân loại theo thẩm quyền', 'Không thuộc thẩm quyền', 'Số vụ việc'], heading: 'Chuyển đơn', value: { measure: 'tcd02.chuyenDon.vuViec' } },
      { no: 15, groups: ['Phân loại theo thẩm quyền', 'Không thuộc thẩm quyền', 'Số vụ việc'], heading: 'Đôn đốc giải quyết', value: { measure: 'tcd02.donDoc.vuViec' } },
      { no: 16, groups: [], heading: 'Số văn bản phúc đáp nhận được do chuyển đơn', value: { measure: 'tcd02.phucDap' } },
      { no: 17, groups: [], heading: 'Ghi chú', value: { note: 'tcd02' } },
    ],
    controlSums: [
      { column: 1, equals: [[3, 5, 7], [9, 11]] },
      { column: 2, equals: [[4, 6, 8], [10, 12]] },
      { column: 12, equals: [[13, 14, 15]] },
    ],
  },
  {
    code: '01/XLD',
    version: 'TT01-2024',
    title: 'TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN',
    basis: 'Biểu số 01/XLD, Thông tư 01/2024/TT-TTCP',
    validFrom: '2024-03-05',
    validTo: null,
    note: `${UNVERIFIED} Kỳ trước chuyển sang: đơn nhận trước ngày đầu kỳ mà đến ngày đầu kỳ chưa xử lý. Tình trạng giải quyết theo thông tin về quyết định, kết luận đã có ghi trên đơn.`,
    columns: [
      { no: 1, groups: ['Tổng số đơn phải xử lý'], heading: 'Tổng số (1=2+3=4+5)', value: { measure: 'xld.phaiXuLy' } },
      { no: 2, groups: ['Tổng số đơn phải xử lý'], heading: 'Kỳ trước chuyển sang', value: { measure: 'xld.kyTruoc' } },
      { no: 3, groups: ['Tổng số đơn phải xử lý'], heading: 'Tiếp nhận trong kỳ', value: { measure: 'xld.trongKy' } },
      { no: 4, groups: [], heading: 'Số đơn đã xử lý', value: { measure: 'xld.daXuLy' } },
      { no: 5, groups: [], heading: 'Số đơn chưa xử lý (chuyển kỳ sau xử lý)', value: { measure: 'xld.chuaXuLy' } },
      { no: 6, groups: ['Đủ điều kiện xử lý'], heading: 'Số đơn (6=8+9+10=11+12+13=14+18)', value: { measure: 'xld.duDieuKien' } },
      { no: 7, groups: ['Đủ điều kiện xử lý'], heading: 'Số vụ việc', value: { measure: 'xld.vuViec' } },
      { no: 8, groups: ['Phân loại đơn theo nội dung'], heading: 'Khiếu nại', value: { measure: 'xld.khieuNai' } },
      { no: 9, groups: ['Phân loại đơn theo nội dung'], heading: 'Tố cáo', value: { measure: 'xld.toCao' } },
      { no: 10, groups: ['Phân loại đơn theo nội dung'], heading: 'Kiến nghị, phản ánh', value: { measure: 'xld.kienNghiPhanAnh' } },
      { no: 11, groups: ['Phân loại theo tình trạng giải quyết', 'Đã giải quyết'], heading: 'Lần đầu', value: { measure: 'xld.daGiaiQuyetLanDau' } },
      { no: 12, groups: ['Phân loại theo tình trạng giải quyết', 'Đã giải quyết'], heading: 'Nhiều lần', value: { measure: 'xld.daGiaiQuyetNhieuLan' } },
      { no: 13, groups: ['Phân loại theo tình trạng giải quyết'], heading: 'Chưa giải quyết xong', value: { measure: 'xld.chuaGiaiQuyet' } },
      { no: 14, groups: ['Kết quả xử lý đơn', 'Đơn thuộc thẩm quyền'], heading: 'Tổng số (14=15+16+17)', value: { measure: 'xld.thuocThamQuyen' } },
      { no: 15, groups: ['Kết quả xử lý đơn', 'Đơn thuộc thẩm quyền'], heading: 'Khiếu nại', value: { measure: 'xld.thuocThamQuyen.khieuNai' } },
      { no: 16, groups: ['Kết quả xử lý đơn', 'Đơn thuộc thẩm quyền'], heading: 'Tố cáo', value: { measure: 'xld.thuocThamQuyen.toCao' } },
      { no: 17, groups: ['Kết quả xử lý đơn', 'Đơn thuộc thẩm quyền'], heading: 'Kiến nghị, phản ánh', value: { measure: 'xld.thuocThamQuyen.kienNghiPhanAnh' } },
      { no: 18, groups: ['Kết quả xử lý đơn', 'Đơn không thuộc thẩm quyền'], heading: 'Tổng số (18=19+20+21)', value: { measure: 'xld.khongThuocThamQuyen' } },
      { no: 19, groups: ['Kết quả xử lý đơn', 'Đơn không thuộc thẩm quyền'], heading: 'Hướng dẫn', value: { measure: 'xld.huongDan' } },
      { no: 20, groups: ['Kết quả xử lý đơn', 'Đơn không thuộc thẩm quyền'], heading: 'Chuyển đơn', value: { measure: 'xld.chuyenDon' } },
      { no: 21, groups: ['Kết quả xử lý đơn', 'Đơn không thuộc thẩm quyền'], heading: 'Đôn đốc giải quyết', value: { measure: 'xld.donDoc' } },
      { no: 22, groups: [], heading: 'Số văn bản phúc đáp nhận được do chuyển đơn', value: { measure: 'xld.phucDap' } },
    ],
    controlSums: [
      { column: 1, equals: [[2, 3], [4, 5]] },
      { column: 6, equals: [[8, 9, 10], [11, 12, 13], [14, 18]] },
      { column: 14, equals: [[15, 16, 17]] },
      { column: 18, equals: [[19, 20, 21]] },
    ],
  },
]

/** The form codes the report shows, in order. */
export const FORM_CODES = ['01/TCD', '02/TCD', '01/XLD'] as const
export type FormCode = (typeof FORM_CODES)[number]
