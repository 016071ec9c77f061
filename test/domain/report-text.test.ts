import { describe, expect, it } from 'vitest'
import { formatCount, formatNumber, lettersParagraph, receptionParagraph, regulationParagraph } from '../../src/domain/report-text.ts'
import type { Tallies } from '../../src/domain/report.ts'

const zero: Tallies = {
  tiepCongDan: { luot: 0, nguoi: 0, vuViec: 0, vuViecLanDau: 0, vuViecNhieuLan: 0, doanDongNguoi: { doan: 0, nguoi: 0 }, thuongXuyen: { luot: 0, nguoi: 0, doanDongNguoi: 0 }, dinhKyDotXuat: { ky: 0, luot: 0, nguoi: 0 } },
  donThu: { tong: 0, nhieuNguoiDungTen: 0, motNguoiDungTen: 0, khac: 0, daXuLy: 0, duDieuKien: 0, khieuNai: 0, toCao: 0, kienNghiPhanAnh: 0, thuocThamQuyen: 0, thuLy: 0, khongThuLy: 0, kiemTra: 0, khongThuocThamQuyen: 0, huongDan: 0, chuyenDon: 0, donDoc: 0, luuDon: 0, tachDon: 0 },
  paknHanhChinh: { tong: 0, donThu: 0, congDvcQuocGia: 0, duongDayNong: 0, trucTiep: 0, daGiaiQuyet: 0, trucTuyen: 0 },
  xuLyDon: { phaiXuLy: 0, kyTruocChuyenSang: 0, tiepNhanTrongKy: 0, daXuLy: 0, chuaXuLy: 0, vanBanPhucDap: 0 },
}

describe('numbers as report texts write them', () => {
  it('"." separates thousands; counts below 10 have two digits', () => {
    expect(formatNumber(1112)).toBe('1.112')
    expect(formatNumber(1234567)).toBe('1.234.567')
    expect(formatNumber(336)).toBe('336')
    expect(formatCount(9)).toBe('09')
    expect(formatCount(0)).toBe('00')
    expect(formatCount(10)).toBe('10')
    expect(formatCount(1112)).toBe('1.112')
  })
})

describe('paragraphs in the seeds\' wording (shared/seeds/004_59f3cc9bab903646.txt)', () => {
  it('reception and letters, with the board name from settings', () => {
    const t: Tallies = {
      ...zero,
      tiepCongDan: { ...zero.tiepCongDan, thuongXuyen: { luot: 285, nguoi: 336, doanDongNguoi: 9 } },
      donThu: { ...zero.donThu, tong: 1112, nhieuNguoiDungTen: 41, duDieuKien: 532, khieuNai: 156, toCao: 54, kienNghiPhanAnh: 322 },
    }
    expect(receptionParagraph(t, { boardName: 'Ban Tiếp công dân tỉnh' })).toBe('+ Tiếp công dân: Ban Tiếp công dân tỉnh đã tiếp thường xuyên 285 lượt (336 người); tiếp 09 đoàn đông người.')
    expect(lettersParagraph(t, { boardName: 'Ban Tiếp công dân tỉnh' })).toBe(
      '+ Tiếp nhận, xử lý đơn thư KNTC: Ban Tiếp công dân tỉnh đã tiếp nhận tổng cộng 1.112 đơn (có 41 đơn có nhiều người đứng tên); số đơn đủ điều kiện xử lý: 532 đơn (trong đó, đơn khiếu nại: 156 đơn; đơn tố cáo: 54 đơn; đơn phản ánh, kiến nghị: 322 đơn).',
    )
    expect(receptionParagraph(t, { boardName: 'Ban Tiếp công dân thành phố' })).toContain('Ban Tiếp công dân thành phố đã tiếp thường xuyên')
  })

  it('leaders\' sessions get their own sentence; no large group is said so', () => {
    const t: Tallies = { ...zero, tiepCongDan: { ...zero.tiepCongDan, thuongXuyen: { luot: 35, nguoi: 48, doanDongNguoi: 0 }, dinhKyDotXuat: { ky: 3, luot: 7, nguoi: 15 } } }
    expect(receptionParagraph(t, { boardName: 'Ban Tiếp công dân tỉnh' })).toBe(
      '+ Tiếp công dân: Ban Tiếp công dân tỉnh đã tiếp thường xuyên 35 lượt (48 người); không có đoàn đông người. Phục vụ lãnh đạo tiếp công dân định kỳ, đột xuất 03 kỳ, tiếp 07 lượt (15 người).',
    )
  })

  it('administrative-regulation feedback: the channels add up to the total (seed 000)', () => {
    const t: Tallies = { ...zero, paknHanhChinh: { tong: 152, donThu: 9, congDvcQuocGia: 93, duongDayNong: 30, trucTiep: 20, daGiaiQuyet: 150, trucTuyen: 0 } }
    expect(regulationParagraph(t)).toBe(
      '+ Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính: thực hiện tiếp nhận 152 phản ánh, kiến nghị về TTHC, trong đó có 09 phản ánh, kiến nghị của công dân qua đơn thư, 93 phản ánh, kiến nghị trên Hệ thống phản ánh, kiến nghị của Chính phủ thuộc Cổng Dịch vụ công Quốc gia, 50 phản ánh, kiến nghị được tiếp nhận thông qua đường dây nóng và trực tiếp tại trụ sở; đã giải quyết xong 150 phản ánh, kiến nghị.',
    )
  })
})
