/**
 * What a letter's stage and outcome mean, in words a citizen understands (RULES.md §1). Shown
 * on the status page and returned by GET /api/v1/submissions/{code}.
 */
import type { Outcome } from '../../domain/codes.ts'

export const STAGE_LABELS: Record<string, string> = {
  moi: 'Đã tiếp nhận, đang xem xét để xử lý đơn',
  da_xu_ly: 'Đã xử lý đơn',
  cho_phuc_dap: 'Đã chuyển đến cơ quan có thẩm quyền, đang chờ kết quả',
  da_phuc_dap: 'Cơ quan có thẩm quyền đã trả lời',
  da_giai_quyet: 'Đã giải quyết xong',
}

export const OUTCOME_TEXT: Record<Outcome, { label: string; meaning: string }> = {
  thu_ly: {
    label: 'Thụ lý giải quyết',
    meaning: 'Đơn đủ điều kiện và thuộc thẩm quyền: cơ quan nhận giải quyết và sẽ gửi thông báo thụ lý cho bạn.',
  },
  khong_thu_ly: {
    label: 'Không thụ lý',
    meaning:
      'Khiếu nại thuộc một trường hợp pháp luật không cho thụ lý (ví dụ đã hết thời hiệu khiếu nại, hoặc Tòa án đã thụ lý). Bạn sẽ nhận văn bản nêu rõ lý do.',
  },
  kiem_tra: {
    label: 'Kiểm tra, xác minh',
    meaning:
      'Tố cáo không nêu tên nhưng nêu rõ người vi phạm và có chứng cứ: cơ quan tiến hành kiểm tra, xác minh thông tin. Vì không biết người tố cáo, cơ quan không gửi thông báo cho bạn.',
  },
  huong_dan: {
    label: 'Hướng dẫn gửi đến cơ quan có thẩm quyền',
    meaning:
      'Khiếu nại không thuộc thẩm quyền của cơ quan đã nhận đơn: bạn được hướng dẫn gửi đơn đến cơ quan có thẩm quyền (ghi ở mục “Cơ quan có thẩm quyền”). Việc hướng dẫn chỉ thực hiện một lần.',
  },
  chuyen_don: {
    label: 'Chuyển đơn đến cơ quan có thẩm quyền',
    meaning:
      'Đơn đã được chuyển đến cơ quan có thẩm quyền (ghi ở mục “Cơ quan có thẩm quyền”) để xem xét, giải quyết. Với đơn tố cáo, họ tên và thông tin của người tố cáo không được gửi kèm.',
  },
  don_doc: {
    label: 'Đôn đốc giải quyết',
    meaning: 'Vụ việc đang do cơ quan ghi ở mục “Cơ quan có thẩm quyền” giải quyết và đã quá hạn: cơ quan cấp trên đã có văn bản đôn đốc giải quyết.',
  },
  tach_don: {
    label: 'Hướng dẫn tách đơn',
    meaning: 'Đơn có nhiều nội dung khác nhau (ví dụ vừa khiếu nại vừa tố cáo): bạn được hướng dẫn viết thành từng đơn riêng.',
  },
  luu_don: {
    label: 'Lưu đơn',
    meaning:
      'Đơn chưa đủ điều kiện để xử lý (ví dụ thiếu thông tin bắt buộc, không có chứng cứ với tố cáo không nêu tên) hoặc nội dung đã được giải quyết, hướng dẫn trước đây, nên được lưu. Bạn có thể gửi đơn mới có đủ thông tin.',
  },
}

export const outcomeText = (outcome: string | null) => (outcome && Object.hasOwn(OUTCOME_TEXT, outcome) ? OUTCOME_TEXT[outcome as Outcome] : null)

/** The kinds a citizen files, as the portal names them. */
export const KIND_LABELS: Record<string, string> = {
  khieu_nai: 'Khiếu nại',
  to_cao: 'Tố cáo',
  kien_nghi_phan_anh: 'Kiến nghị, phản ánh',
  nhieu_noi_dung: 'Đơn có nhiều nội dung',
}
