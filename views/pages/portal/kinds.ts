/**
 * The four kinds a citizen files, in plain words: what each is, examples, what it needs and
 * what happens next. Kiến nghị and phản ánh are two forms of one stored kind
 * (`kien_nghi_phan_anh`, RULES.md §1).
 */
import type { DeadlineSetting } from '../../../src/domain/deadline-table.ts'

export type PortalKind = 'khieu-nai' | 'to-cao' | 'kien-nghi' | 'phan-anh'

export interface KindText {
  slug: PortalKind
  contentType: 'khieu_nai' | 'to_cao' | 'kien_nghi_phan_anh'
  title: string
  formTitle: string
  /** Who files it: "Người khiếu nại". */
  filer: string
  text: string
  examples: string
  needs: string[]
  /** The form's content section. */
  contentLegend: string
  summaryLabel: string
  summaryHint: string
}

export const PORTAL_KINDS: Record<PortalKind, KindText> = {
  'khieu-nai': {
    slug: 'khieu-nai',
    contentType: 'khieu_nai',
    title: 'Khiếu nại',
    formTitle: 'Gửi đơn khiếu nại',
    filer: 'Người khiếu nại',
    text: 'Khi bạn cho rằng một quyết định hoặc việc làm của cơ quan, cán bộ nhà nước là trái pháp luật và xâm phạm quyền, lợi ích hợp pháp của chính bạn.',
    examples: 'Ví dụ: không đồng ý với quyết định thu hồi đất, mức bồi thường; bị từ chối cấp giấy tờ không có lý do.',
    needs: [
      'Họ tên, địa chỉ của bạn (và của từng người nếu nhiều người cùng khiếu nại)',
      'Quyết định hoặc việc làm bị khiếu nại, của cơ quan hay cán bộ nào',
      'Nội dung, lý do khiếu nại và yêu cầu của bạn',
      'Ảnh chụp quyết định, giấy tờ liên quan (nếu có)',
    ],
    contentLegend: 'Nội dung khiếu nại',
    summaryLabel: 'Nội dung, lý do khiếu nại',
    summaryHint: 'Trình bày ngắn gọn sự việc: việc gì, khi nào, vì sao bạn cho rằng không đúng.',
  },
  'to-cao': {
    slug: 'to-cao',
    contentType: 'to_cao',
    title: 'Tố cáo',
    formTitle: 'Gửi đơn tố cáo',
    filer: 'Người tố cáo',
    text: 'Khi bạn biết một cán bộ, cơ quan, tổ chức hoặc cá nhân có hành vi vi phạm pháp luật. Danh tính người tố cáo được pháp luật giữ bí mật.',
    examples: 'Ví dụ: cán bộ nhận tiền để giải quyết hồ sơ; doanh nghiệp xả thải trái phép ra sông.',
    needs: [
      'Họ tên, địa chỉ và cách liên hệ với bạn — hoặc không nêu tên, khi có chứng cứ cụ thể',
      'Người hoặc tổ chức có hành vi vi phạm',
      'Hành vi vi phạm: việc gì, ở đâu, khi nào',
      'Chứng cứ: ảnh, tài liệu (bắt buộc nếu không nêu tên)',
    ],
    contentLegend: 'Nội dung tố cáo',
    summaryLabel: 'Thông tin thêm (nếu có)',
    summaryHint: 'Những gì giúp cơ quan xác minh: người làm chứng, thời gian, địa điểm cụ thể.',
  },
  'kien-nghi': {
    slug: 'kien-nghi',
    contentType: 'kien_nghi_phan_anh',
    title: 'Kiến nghị',
    formTitle: 'Gửi kiến nghị',
    filer: 'Người kiến nghị',
    text: 'Khi bạn muốn đề xuất với cơ quan nhà nước một việc cần làm, cần sửa trong quản lý, chính sách.',
    examples: 'Ví dụ: đề nghị lắp đèn chiếu sáng, sửa tuyến đường xuống cấp, đơn giản một thủ tục.',
    needs: ['Họ tên, địa chỉ của bạn', 'Nội dung kiến nghị và đề xuất của bạn', 'Ảnh, tài liệu minh họa (nếu có)'],
    contentLegend: 'Nội dung kiến nghị',
    summaryLabel: 'Nội dung kiến nghị',
    summaryHint: 'Việc gì, ở đâu, ảnh hưởng đến ai.',
  },
  'phan-anh': {
    slug: 'phan-anh',
    contentType: 'kien_nghi_phan_anh',
    title: 'Phản ánh',
    formTitle: 'Gửi phản ánh',
    filer: 'Người phản ánh',
    text: 'Khi bạn muốn báo cho cơ quan nhà nước biết một sự việc, vướng mắc hoặc việc làm chưa đúng để xem xét, xử lý.',
    examples: 'Ví dụ: rác thải tồn đọng nhiều ngày; thủ tục hành chính bị yêu cầu thêm giấy tờ.',
    needs: ['Họ tên, địa chỉ của bạn', 'Sự việc bạn phản ánh: ở đâu, khi nào', 'Ảnh, tài liệu minh họa (nếu có)'],
    contentLegend: 'Nội dung phản ánh',
    summaryLabel: 'Nội dung phản ánh',
    summaryHint: 'Sự việc gì, ở đâu, từ khi nào.',
  },
}

export const isPortalKind = (s: string): s is PortalKind => Object.hasOwn(PORTAL_KINDS, s)

/** dd/mm/yyyy, as dates are written in Vietnam. */
export const viDate = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')

const UNIT = { ngay: 'ngày', ngay_lam_viec: 'ngày làm việc', nam: 'năm' } as const

/** "10 ngày", "7 ngày làm việc", from a deadline row. */
export const deadlineLength = (row: Pick<DeadlineSetting, 'length' | 'unit'>) => `${row.length} ${UNIT[row.unit]}`

/** The rows of a rule (its plain variant), in the order they took effect. */
export const rowsOf = (rows: readonly DeadlineSetting[], rule: DeadlineSetting['rule']) =>
  rows.filter((r) => r.rule === rule && r.variant === 'thuong').sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))

/** "10 ngày (đơn nhận đến 30/06/2026); 7 ngày làm việc (đơn nhận từ 01/07/2026)". */
export function deadlineText(rows: readonly DeadlineSetting[], rule: DeadlineSetting['rule']): string {
  const list = rowsOf(rows, rule)
  if (list.length === 0) return ''
  if (list.length === 1) return deadlineLength(list[0]!)
  return list
    .map((r) => {
      const when = r.from && r.to ? `đơn nhận từ ${viDate(r.from)} đến ${viDate(r.to)}` : r.from ? `đơn nhận từ ${viDate(r.from)}` : r.to ? `đơn nhận đến hết ${viDate(r.to)}` : ''
      return when ? `${deadlineLength(r)} (${when})` : deadlineLength(r)
    })
    .join('; ')
}
