/**
 * The deadline table of RULES.md §5 (and legal-rules.md §10.3) as data: effective-dated rows,
 * each with its length, unit and legal basis. It is the default of the `deadlines` setting;
 * the board can change any row (a new decree is a new row with a later `from`).
 */

/** Every rule id, in order (the settings API and the admin table list them). */
export const DEADLINE_RULE_IDS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D12', 'D13', 'D14', 'D15', 'D16', 'D17', 'D18'] as const
export type DeadlineRuleId = (typeof DEADLINE_RULE_IDS)[number]

/** ngay = calendar days, ngay_lam_viec = working days, nam = years. */
export type DeadlineUnit = 'ngay' | 'ngay_lam_viec' | 'nam'

/** Variants of a rule: complex case, remote area, both; or an extension (gia_han). */
export type DeadlineVariant = 'thuong' | 'phuc_tap' | 'vung_sau' | 'phuc_tap_vung_sau' | 'gia_han' | 'gia_han_2'

export interface DeadlineSetting {
  rule: DeadlineRuleId
  variant: DeadlineVariant
  /** First day of receipt/trigger this row applies to (inclusive); null = since always. */
  from: string | null
  /** Last day it applies to (inclusive); null = still in force. */
  to: string | null
  length: number
  unit: DeadlineUnit
  /** What the deadline is for, in Vietnamese. */
  label: string
  /** Legal basis, in Vietnamese. */
  basis: string
}

const row = (
  rule: DeadlineRuleId,
  variant: DeadlineVariant,
  length: number,
  unit: DeadlineUnit,
  label: string,
  basis: string,
  from: string | null = null,
  to: string | null = null,
): DeadlineSetting => ({ rule, variant, from, to, length, unit, label, basis })

export const DEFAULT_DEADLINES: DeadlineSetting[] = [
  row('D1', 'thuong', 10, 'ngay', 'Xử lý đơn kể từ ngày nhận', 'Thông tư 05/2021/TT-TTCP (quy ước: ngày theo lịch)'),
  row('D2', 'thuong', 10, 'ngay', 'Thụ lý hoặc thông báo không thụ lý khiếu nại', 'Điều 27 Luật Khiếu nại 2011', null, '2026-06-30'),
  row('D2', 'thuong', 7, 'ngay_lam_viec', 'Thụ lý hoặc thông báo không thụ lý khiếu nại', 'Nghị định 155/2026/NĐ-CP', '2026-07-01'),
  row('D3', 'thuong', 30, 'ngay', 'Giải quyết khiếu nại lần đầu', 'Điều 28 Luật Khiếu nại 2011'),
  row('D3', 'phuc_tap', 45, 'ngay', 'Giải quyết khiếu nại lần đầu (vụ việc phức tạp)', 'Điều 28 Luật Khiếu nại 2011'),
  row('D3', 'vung_sau', 45, 'ngay', 'Giải quyết khiếu nại lần đầu (vùng sâu, vùng xa)', 'Điều 28 Luật Khiếu nại 2011'),
  row('D3', 'phuc_tap_vung_sau', 60, 'ngay', 'Giải quyết khiếu nại lần đầu (phức tạp, vùng sâu, vùng xa)', 'Điều 28 Luật Khiếu nại 2011'),
  row('D4', 'thuong', 45, 'ngay', 'Giải quyết khiếu nại lần hai', 'Điều 37 Luật Khiếu nại 2011'),
  row('D4', 'phuc_tap', 60, 'ngay', 'Giải quyết khiếu nại lần hai (vụ việc phức tạp)', 'Điều 37 Luật Khiếu nại 2011'),
  row('D4', 'vung_sau', 60, 'ngay', 'Giải quyết khiếu nại lần hai (vùng sâu, vùng xa)', 'Điều 37 Luật Khiếu nại 2011'),
  row('D4', 'phuc_tap_vung_sau', 70, 'ngay', 'Giải quyết khiếu nại lần hai (phức tạp, vùng sâu, vùng xa)', 'Điều 37 Luật Khiếu nại 2011'),
  row('D5', 'thuong', 90, 'ngay', 'Thời hiệu khiếu nại lần đầu', 'Điều 9 Luật Khiếu nại 2011'),
  row('D6', 'thuong', 30, 'ngay', 'Thời hạn khiếu nại lần hai', 'Điều 33 Luật Khiếu nại 2011'),
  row('D6', 'vung_sau', 45, 'ngay', 'Thời hạn khiếu nại lần hai (vùng sâu, vùng xa)', 'Điều 33 Luật Khiếu nại 2011'),
  row('D7', 'thuong', 30, 'ngay', 'Người khiếu nại tiếp tục khiếu nại sau khi tạm đình chỉ', 'Điều 11 Luật Khiếu nại 2011'),
  row('D8', 'thuong', 7, 'ngay_lam_viec', 'Xử lý ban đầu đơn tố cáo', 'Khoản 1 Điều 24 Luật Tố cáo 2018'),
  row('D8', 'gia_han', 10, 'ngay_lam_viec', 'Xử lý ban đầu đơn tố cáo (gia hạn)', 'Khoản 1 Điều 24 Luật Tố cáo 2018'),
  row('D9', 'thuong', 5, 'ngay_lam_viec', 'Chuyển đơn tố cáo không thuộc thẩm quyền và thông báo người tố cáo', 'Khoản 2 Điều 24 Luật Tố cáo 2018'),
  row('D10', 'thuong', 5, 'ngay_lam_viec', 'Thông báo thụ lý tố cáo cho người tố cáo và người bị tố cáo', 'Điều 29 Luật Tố cáo 2018'),
  row('D11', 'thuong', 30, 'ngay', 'Giải quyết tố cáo', 'Điều 30 Luật Tố cáo 2018'),
  row('D11', 'gia_han', 60, 'ngay', 'Giải quyết tố cáo (phức tạp, gia hạn một lần)', 'Điều 30 Luật Tố cáo 2018'),
  row('D11', 'gia_han_2', 90, 'ngay', 'Giải quyết tố cáo (đặc biệt phức tạp, gia hạn hai lần)', 'Điều 30 Luật Tố cáo 2018'),
  row('D12', 'thuong', 20, 'ngay', 'Thông báo kết quả cho cơ quan báo chí, cơ quan có thẩm quyền đã chuyển đơn', 'Khoản 2 Điều 26 Luật Tố cáo 2018'),
  row('D13', 'thuong', 20, 'ngay', 'Cấp trên xem xét tố cáo tiếp', 'Điều 37 Luật Tố cáo 2018'),
  row('D14', 'thuong', 5, 'ngay_lam_viec', 'Gửi quyết định tạm đình chỉ, đình chỉ giải quyết tố cáo', 'Điều 34 Luật Tố cáo 2018'),
  row('D15', 'thuong', 1, 'nam', 'Xem xét tiêu hủy đơn lưu', 'Điều 28 Thông tư 05/2021/TT-TTCP'),
  row('D16', 'thuong', 45, 'ngay', 'Đơn chưa được xử lý: cảnh báo trách nhiệm người đứng đầu', 'Điểm b khoản 3 Điều 41 Nghị định 154/2026/NĐ-CP', '2026-07-01'),
  row('D17', 'thuong', 3, 'ngay_lam_viec', 'Thông báo từ chối tiếp công dân (Mẫu 01/TCD)', 'Khoản 3 Điều 9 Luật Tiếp công dân; điểm h khoản 1 Điều 4 Nghị định 154/2026/NĐ-CP', '2026-07-01'),
  // counted from the day the decision is issued ("ban hành ngay", then sent within 03 working days)
  row(
    'D18',
    'thuong',
    3,
    'ngay_lam_viec',
    'Gửi quyết định tạm đình chỉ, đình chỉ (Mẫu 14a), tiếp tục giải quyết khiếu nại (Mẫu 14b)',
    'Điều 28a, 28b Nghị định 124/2020/NĐ-CP (bổ sung bởi Nghị định 155/2026/NĐ-CP)',
    '2026-07-01',
  ),
]
