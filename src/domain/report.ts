/**
 * The report of API.md "Reports" assembled from measure values, and the invariants of
 * RULES.md §7 it must satisfy. Values come only from `evaluate` over the catalogue
 * (report-measures.ts), so the JSON, the page, the forms and the exports share one number per key.
 */
import { MEASURES, type MeasureKey } from './report-measures.ts'
import { evaluate, type ReportData } from './tallies.ts'

export type MeasureValues = Partial<Record<MeasureKey, number>>

/** Every measure the loaded data can answer (matter measures need their scope loaded). */
export function measureValues(data: ReportData, keys: readonly MeasureKey[] = Object.keys(MEASURES) as MeasureKey[]): MeasureValues {
  const values: MeasureValues = {}
  for (const key of keys) {
    const m = MEASURES[key].measure
    if (m.of === 'letterMatters' && !data.matters[m.scope]) continue
    values[key] = evaluate(m, data)
  }
  return values
}

const get = (values: MeasureValues, key: MeasureKey): number => {
  const v = values[key]
  if (v === undefined) throw new Error(`measure ${key} was not computed`)
  return v
}

/** The "tiepCongDan", "donThu" and "paknHanhChinh" objects of API.md, plus the carried-over extension. */
export function tallies(values: MeasureValues) {
  const v = (key: MeasureKey) => get(values, key)
  return {
    tiepCongDan: {
      luot: v('tcd.luot'),
      nguoi: v('tcd.nguoi'),
      vuViec: v('tcd.vuViec'),
      vuViecLanDau: v('tcd.vuViecLanDau'),
      vuViecNhieuLan: v('tcd.vuViecNhieuLan'),
      doanDongNguoi: { doan: v('tcd.doan'), nguoi: v('tcd.doanNguoi') },
      thuongXuyen: { luot: v('tcd.tx.luot'), nguoi: v('tcd.tx.nguoi'), doanDongNguoi: v('tcd.tx.doan') },
      dinhKyDotXuat: { ky: v('tcd.dk.ky'), luot: v('tcd.dk.luot'), nguoi: v('tcd.dk.nguoi') },
    },
    donThu: {
      tong: v('don.tong'),
      nhieuNguoiDungTen: v('don.nhieuNguoiDungTen'),
      motNguoiDungTen: v('don.motNguoiDungTen'),
      khac: v('don.khac'),
      daXuLy: v('don.daXuLy'),
      duDieuKien: v('don.duDieuKien'),
      khieuNai: v('don.khieuNai'),
      toCao: v('don.toCao'),
      kienNghiPhanAnh: v('don.kienNghiPhanAnh'),
      thuocThamQuyen: v('don.thuocThamQuyen'),
      thuLy: v('don.thuLy'),
      khongThuLy: v('don.khongThuLy'),
      kiemTra: v('don.kiemTra'),
      khongThuocThamQuyen: v('don.khongThuocThamQuyen'),
      huongDan: v('don.huongDan'),
      chuyenDon: v('don.chuyenDon'),
      donDoc: v('don.donDoc'),
      luuDon: v('don.luuDon'),
      tachDon: v('don.tachDon'),
    },
    paknHanhChinh: {
      tong: v('pakn.tong'),
      donThu: v('pakn.donThu'),
      congDvcQuocGia: v('pakn.congDvcQuocGia'),
      duongDayNong: v('pakn.duongDayNong'),
      trucTiep: v('pakn.trucTiep'),
      daGiaiQuyet: v('pakn.daGiaiQuyet'),
      // extension: online-form submissions, counted in `tong` only (API.md)
      trucTuyen: v('pakn.trucTuyen'),
    },
    // extension: the letters to handle in the window (Biểu 01/XLD columns 1–5 and 22)
    xuLyDon: {
      phaiXuLy: v('xld.phaiXuLy'),
      kyTruocChuyenSang: v('xld.kyTruoc'),
      tiepNhanTrongKy: v('xld.trongKy'),
      daXuLy: v('xld.daXuLy'),
      chuaXuLy: v('xld.chuaXuLy'),
      vanBanPhucDap: v('xld.phucDap'),
    },
  }
}

export type Tallies = ReturnType<typeof tallies>

export interface Violation {
  rule: string
  message: string
}

/**
 * The invariants of RULES.md §7 (and their counterparts for visits, NĐ 20/2008 feedback and the
 * letters to handle). Empty for every report this system produces; the tests check it on any
 * generated data, and the page shows a warning if it ever is not.
 */
export function invariantViolations(t: Tallies): Violation[] {
  const out: Violation[] = []
  const check = (rule: string, ok: boolean) => {
    if (!ok) out.push({ rule, message: `Số liệu không khớp: ${rule}` })
  }
  const d = t.donThu
  check('nhieuNguoiDungTen + motNguoiDungTen + khac = tong', d.nhieuNguoiDungTen + d.motNguoiDungTen + d.khac === d.tong)
  check('duDieuKien <= daXuLy <= tong', d.duDieuKien <= d.daXuLy && d.daXuLy <= d.tong)
  check('khieuNai + toCao + kienNghiPhanAnh = duDieuKien', d.khieuNai + d.toCao + d.kienNghiPhanAnh === d.duDieuKien)
  check('thuocThamQuyen + khongThuocThamQuyen = duDieuKien', d.thuocThamQuyen + d.khongThuocThamQuyen === d.duDieuKien)
  check('thuLy + khongThuLy + kiemTra = thuocThamQuyen', d.thuLy + d.khongThuLy + d.kiemTra === d.thuocThamQuyen)
  check('huongDan + chuyenDon + donDoc = khongThuocThamQuyen', d.huongDan + d.chuyenDon + d.donDoc === d.khongThuocThamQuyen)
  check('duDieuKien + luuDon + tachDon <= daXuLy', d.duDieuKien + d.luuDon + d.tachDon <= d.daXuLy)
  const r = t.tiepCongDan
  check('vuViecLanDau + vuViecNhieuLan = vuViec', r.vuViecLanDau + r.vuViecNhieuLan === r.vuViec)
  check('thuongXuyen.luot + dinhKyDotXuat.luot = luot', r.thuongXuyen.luot + r.dinhKyDotXuat.luot === r.luot)
  check('thuongXuyen.nguoi + dinhKyDotXuat.nguoi = nguoi', r.thuongXuyen.nguoi + r.dinhKyDotXuat.nguoi === r.nguoi)
  check('thuongXuyen.doanDongNguoi <= doanDongNguoi.doan <= luot', r.thuongXuyen.doanDongNguoi <= r.doanDongNguoi.doan && r.doanDongNguoi.doan <= r.luot)
  check('luot <= nguoi', r.luot <= r.nguoi)
  check('dinhKyDotXuat.ky <= dinhKyDotXuat.luot', r.dinhKyDotXuat.ky <= r.dinhKyDotXuat.luot)
  const p = t.paknHanhChinh
  check('donThu + congDvcQuocGia + duongDayNong + trucTiep + trucTuyen = tong', p.donThu + p.congDvcQuocGia + p.duongDayNong + p.trucTiep + p.trucTuyen === p.tong)
  check('daGiaiQuyet <= tong', p.daGiaiQuyet <= p.tong)
  const x = t.xuLyDon
  check('kyTruocChuyenSang + tiepNhanTrongKy = phaiXuLy', x.kyTruocChuyenSang + x.tiepNhanTrongKy === x.phaiXuLy)
  check('daXuLy + chuaXuLy = phaiXuLy', x.daXuLy + x.chuaXuLy === x.phaiXuLy)
  check('tiepNhanTrongKy = donThu.tong', x.tiepNhanTrongKy === d.tong)
  return out
}
