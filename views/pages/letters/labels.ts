/**
 * What the staff screens call things: letter states, timeline actions, visit kinds, and the
 * short date forms of the workspace (dd/mm/yyyy, Vietnam time).
 */

export const LETTER_STATUSES: Record<string, string> = {
  moi: 'Mới, chờ quyết định',
  da_xu_ly: 'Đã xử lý',
  cho_phuc_dap: 'Đã chuyển, chờ phúc đáp',
  da_phuc_dap: 'Đã có phúc đáp',
  da_giai_quyet: 'Đã giải quyết',
}

/** A letter's state where it stands beside other records (a visit's letter, the records behind a report). */
export const LETTER_STATUSES_SHORT: Record<string, string> = {
  moi: 'Chưa xử lý',
  da_xu_ly: 'Đã xử lý',
  cho_phuc_dap: 'Chờ phúc đáp',
  da_phuc_dap: 'Đã phúc đáp',
  da_giai_quyet: 'Đã giải quyết',
}

/** The timeline's actions (history.action). */
export const HISTORY_ACTIONS: Record<string, string> = {
  tiep_nhan: 'Tiếp nhận, vào sổ đơn',
  quyet_dinh_theo_de_xuat: 'Quyết định xử lý theo đề xuất',
  quyet_dinh_khac_de_xuat: 'Quyết định xử lý khác đề xuất',
  xem_danh_tinh_nguoi_to_cao: 'Xem thông tin người tố cáo',
  co_quan_tiep_nhan: 'Cơ quan nhận đơn xác nhận đã tiếp nhận',
  phuc_dap: 'Ghi nhận văn bản phúc đáp',
  don_doc_co_quan: 'Gửi văn bản đôn đốc',
  lap_van_ban: 'Lập văn bản',
  xac_dinh_vu_viec_phuc_tap: 'Xác định vụ việc phức tạp',
  doi_thoai: 'Đối thoại',
  tam_dinh_chi_giai_quyet: 'Tạm đình chỉ giải quyết',
  tiep_tuc_giai_quyet: 'Tiếp tục giải quyết',
  dinh_chi_giai_quyet: 'Đình chỉ giải quyết',
  rut_don: 'Ghi nhận rút đơn',
  gia_han_giai_quyet: 'Gia hạn giải quyết',
  giai_quyet_xong: 'Giải quyết xong',
}

export const VISIT_KINDS: Record<string, string> = { thuong_xuyen: 'Tiếp thường xuyên', dinh_ky: 'Lãnh đạo tiếp định kỳ', dot_xuat: 'Lãnh đạo tiếp đột xuất' }
export const VISIT_HANDLING: Record<string, string> = {
  nhan_don: 'Nhận đơn',
  huong_dan: 'Hướng dẫn',
  chuyen_don: 'Chuyển đơn',
  giai_thich: 'Giải thích',
  tu_choi: 'Từ chối tiếp',
}

export const label = (table: Record<string, string>, code: string | null | undefined, fallback = '') => (code ? (table[code] ?? code) : fallback)

/** 2026-03-02 → 02/03/2026. */
export const viDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')

/** An instant (ISO, UTC) as Vietnam local date and time: 02/03/2026 09:15. */
export function viDateTime(instant: string | null | undefined): string {
  if (!instant) return ''
  const local = new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString()
  return `${viDate(local.slice(0, 10))} ${local.slice(11, 16)}`
}

/** K7M2Q9XD → K7M2-Q9XD. */
export const codeOf = (code: string) => (code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code)

/** Stands in for a denouncer's identity for viewers who may not see it. */
export const HIDDEN_IDENTITY = 'Người tố cáo (giữ bí mật)'

/** A suggested outcome in a list: "Đề xuất: Chuyển đơn" (thụ lý already reads "Đề xuất thụ lý"). */
export const suggested = (outcomeLabel: string) => (outcomeLabel.startsWith('Đề xuất') ? outcomeLabel : `Đề xuất: ${outcomeLabel}`)
