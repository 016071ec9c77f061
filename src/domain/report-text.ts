/**
 * The citizen-reception paragraphs of a periodic report, worded like the provincial reports in
 * shared/seeds (e.g. 004_59f3cc9bab903646.txt) with numbers that add up (RULES.md §7): the first
 * sentence uses the regular-reception counts, leaders' sessions get their own sentence, the
 * board's name comes from settings.
 */
import type { Tallies } from './report.ts'

/** 1112 → "1.112": Vietnamese thousands separator. */
export const formatNumber = (n: number): string => {
  const sign = n < 0 ? '-' : ''
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/** A count as report texts write it: below 10 with two digits ("09"), else with separators. */
export const formatCount = (n: number): string => (n >= 0 && n < 10 ? `0${n}` : formatNumber(n))

export interface TextOptions {
  /** settings.boardName, e.g. "Ban Tiếp công dân tỉnh". */
  boardName: string
  /** When the letters are those of one competent agency. */
  agencyName?: string | null
}

/** The reception paragraph: regular reception, then leaders' periodic and ad hoc sessions. */
export function receptionParagraph(t: Tallies, o: TextOptions): string {
  const r = t.tiepCongDan
  const groups = r.thuongXuyen.doanDongNguoi > 0 ? `tiếp ${formatCount(r.thuongXuyen.doanDongNguoi)} đoàn đông người` : 'không có đoàn đông người'
  let text = `+ Tiếp công dân: ${o.boardName} đã tiếp thường xuyên ${formatCount(r.thuongXuyen.luot)} lượt (${formatCount(r.thuongXuyen.nguoi)} người); ${groups}.`
  const leaders = r.dinhKyDotXuat
  if (leaders.ky > 0) {
    text += ` Phục vụ lãnh đạo tiếp công dân định kỳ, đột xuất ${formatCount(leaders.ky)} kỳ, tiếp ${formatCount(leaders.luot)} lượt (${formatCount(leaders.nguoi)} người).`
  }
  return text
}

/** The letters paragraph of the seeds: total, several signers, eligible by content type. */
export function lettersParagraph(t: Tallies, o: TextOptions): string {
  const d = t.donThu
  const whose = o.agencyName ? ` thuộc thẩm quyền giải quyết của ${o.agencyName}` : ''
  return (
    `+ Tiếp nhận, xử lý đơn thư KNTC: ${o.boardName} đã tiếp nhận tổng cộng ${formatCount(d.tong)} đơn${whose} ` +
    `(có ${formatCount(d.nhieuNguoiDungTen)} đơn có nhiều người đứng tên); ` +
    `số đơn đủ điều kiện xử lý: ${formatCount(d.duDieuKien)} đơn ` +
    `(trong đó, đơn khiếu nại: ${formatCount(d.khieuNai)} đơn; đơn tố cáo: ${formatCount(d.toCao)} đơn; ` +
    `đơn phản ánh, kiến nghị: ${formatCount(d.kienNghiPhanAnh)} đơn).`
  )
}

/** How the letters were handled: processed, within / outside competence and their outcomes. */
export function handlingParagraph(t: Tallies): string {
  const d = t.donThu
  const x = t.xuLyDon
  const carried = x.kyTruocChuyenSang > 0 ? ` (ngoài ra có ${formatCount(x.kyTruocChuyenSang)} đơn kỳ trước chuyển sang)` : ''
  return (
    `Đã xử lý ${formatCount(d.daXuLy)}/${formatCount(d.tong)} đơn tiếp nhận trong kỳ${carried}; ` +
    `trong số đơn đủ điều kiện xử lý có ${formatCount(d.thuocThamQuyen)} đơn thuộc thẩm quyền ` +
    `(đề xuất thụ lý: ${formatCount(d.thuLy)} đơn; không thụ lý: ${formatCount(d.khongThuLy)} đơn; kiểm tra, xác minh: ${formatCount(d.kiemTra)} đơn) ` +
    `và ${formatCount(d.khongThuocThamQuyen)} đơn không thuộc thẩm quyền ` +
    `(hướng dẫn: ${formatCount(d.huongDan)} đơn; chuyển đơn: ${formatCount(d.chuyenDon)} đơn; đôn đốc giải quyết: ${formatCount(d.donDoc)} đơn); ` +
    `lưu đơn: ${formatCount(d.luuDon)} đơn; hướng dẫn tách đơn: ${formatCount(d.tachDon)} đơn. ` +
    `Nhận được ${formatCount(x.vanBanPhucDap)} văn bản phúc đáp do chuyển đơn.`
  )
}

/** NĐ 20/2008 feedback, worded like seed 000_6c0f7b21e1f59b29.txt; the channels add up to the total. */
export function regulationParagraph(t: Tallies): string {
  const p = t.paknHanhChinh
  if (p.tong === 0) return '+ Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính: trong kỳ không tiếp nhận phản ánh, kiến nghị nào.'
  const parts = [
    `${formatCount(p.donThu)} phản ánh, kiến nghị của công dân qua đơn thư`,
    `${formatCount(p.congDvcQuocGia)} phản ánh, kiến nghị trên Hệ thống phản ánh, kiến nghị của Chính phủ thuộc Cổng Dịch vụ công Quốc gia`,
    `${formatCount(p.duongDayNong + p.trucTiep)} phản ánh, kiến nghị được tiếp nhận thông qua đường dây nóng và trực tiếp tại trụ sở`,
  ]
  if (p.trucTuyen > 0) parts.push(`${formatCount(p.trucTuyen)} phản ánh, kiến nghị qua cổng trực tuyến`)
  return (
    `+ Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính: thực hiện tiếp nhận ${formatCount(p.tong)} phản ánh, kiến nghị về TTHC, ` +
    `trong đó có ${parts.join(', ')}; đã giải quyết xong ${formatCount(p.daGiaiQuyet)} phản ánh, kiến nghị.`
  )
}

/** All paragraphs, in the order a report section has them. */
export const reportParagraphs = (t: Tallies, o: TextOptions): string[] => [
  receptionParagraph(t, o),
  lettersParagraph(t, o),
  handlingParagraph(t),
  regulationParagraph(t),
]
