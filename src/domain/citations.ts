/**
 * How documents cite the law, as in force on the day a letter was received: each instrument is
 * a row with `from`/`to` dates, so an amending law or decree is a new row, not a code change
 * (legal-2026.md §1–§2: Luật 136/2025/QH15 and NĐ 155, 156/2026 from 2026-07-01).
 */

/** Luật 136/2025/QH15 and NĐ 154–156/2026 apply to letters received from this day. */
export const REFORM_2026 = '2026-07-01'
export const BEFORE_2026 = '2026-06-30'

/** Whether an effective-dated row applies on that date (both ends inclusive, null = open). */
export const inForce = (row: { from: string | null; to: string | null }, date: string): boolean =>
  (row.from === null || row.from <= date) && (row.to === null || row.to >= date)

export type CitationKey =
  | 'luat_khieu_nai'
  | 'nd_khieu_nai'
  | 'luat_to_cao'
  | 'nd_to_cao'
  | 'tt05'
  | 'nd20'
  // reception documents (refusal notice, receipt, conclusion notice)
  | 'luat_tiep_cong_dan'
  | 'nd_tiep_cong_dan'
  | 'tt04'

export interface Citation {
  key: CitationKey
  from: string | null
  to: string | null
  text: string
}

const LUAT_136 = 'Luật số 136/2025/QH15 ngày 10 tháng 12 năm 2025 sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo'

/** How a "Căn cứ …" line names each instrument, as in force on the day the letter was received. */
export const CITATIONS: readonly Citation[] = [
  { key: 'luat_khieu_nai', from: null, to: BEFORE_2026, text: 'Luật Khiếu nại ngày 11 tháng 11 năm 2011' },
  { key: 'luat_khieu_nai', from: REFORM_2026, to: null, text: `Luật Khiếu nại ngày 11 tháng 11 năm 2011; ${LUAT_136}` },
  {
    key: 'nd_khieu_nai',
    from: null,
    to: BEFORE_2026,
    text: 'Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại',
  },
  {
    key: 'nd_khieu_nai',
    from: REFORM_2026,
    to: null,
    text: 'Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại, được sửa đổi, bổ sung bởi Nghị định số 155/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ',
  },
  { key: 'luat_to_cao', from: null, to: BEFORE_2026, text: 'Luật Tố cáo ngày 12 tháng 6 năm 2018' },
  { key: 'luat_to_cao', from: REFORM_2026, to: null, text: `Luật Tố cáo ngày 12 tháng 6 năm 2018; ${LUAT_136}` },
  {
    key: 'nd_to_cao',
    from: null,
    to: BEFORE_2026,
    text: 'Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo',
  },
  {
    key: 'nd_to_cao',
    from: REFORM_2026,
    to: null,
    text: 'Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo, được sửa đổi, bổ sung bởi Nghị định số 156/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ',
  },
  {
    key: 'tt05',
    from: null,
    to: null,
    text: 'Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh',
  },
  { key: 'luat_tiep_cong_dan', from: null, to: BEFORE_2026, text: 'Luật Tiếp công dân ngày 25 tháng 11 năm 2013' },
  { key: 'luat_tiep_cong_dan', from: REFORM_2026, to: null, text: `Luật Tiếp công dân ngày 25 tháng 11 năm 2013; ${LUAT_136}` },
  {
    key: 'nd_tiep_cong_dan',
    from: null,
    to: BEFORE_2026,
    text: 'Nghị định số 64/2014/NĐ-CP ngày 26 tháng 6 năm 2014 của Chính phủ quy định chi tiết thi hành một số điều của Luật Tiếp công dân',
  },
  {
    // NĐ 154/2026 repeals NĐ 64/2014 from 2026-07-01 (Art. 44)
    key: 'nd_tiep_cong_dan',
    from: REFORM_2026,
    to: null,
    text: 'Nghị định số 154/2026/NĐ-CP ngày 15 tháng 5 năm 2026 của Chính phủ quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tiếp công dân',
  },
  {
    // whether TT 04/2021 survives NĐ 154/2026 is UNVERIFIED (legal-2026.md §7): cited only before it
    key: 'tt04',
    from: null,
    to: BEFORE_2026,
    text: 'Thông tư số 04/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy trình tiếp công dân',
  },
  {
    key: 'nd20',
    from: null,
    to: null,
    text: 'Nghị định số 20/2008/NĐ-CP ngày 14 tháng 02 năm 2008 của Chính phủ về tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính',
  },
]

export function citation(key: CitationKey, date: string, table: readonly Citation[] = CITATIONS): string {
  const row = table.find((c) => c.key === key && inForce(c, date))
  if (!row) throw new Error(`no citation ${key} in force on ${date}`)
  return row.text
}
