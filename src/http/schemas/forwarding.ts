/** Bodies of the forwarding API: the reply (văn bản phúc đáp) and the follow-up request. */
import * as v from 'valibot'
import { isoDate, requiredText, text } from '../validation.ts'

export const ReplySchema = v.object(
  {
    number: requiredText(100, 'Nhập số, ký hiệu văn bản phúc đáp.'),
    date: isoDate('Ngày văn bản phúc đáp phải có dạng YYYY-MM-DD và là ngày có thật.'),
    result: requiredText(5000, 'Nhập kết quả xử lý, giải quyết mà cơ quan trả lời.'),
  },
  'Văn bản phúc đáp phải là một đối tượng JSON.',
)

export const FollowUpSchema = v.object(
  {
    forwardingId: v.optional(v.nullable(v.pipe(v.string('Mã phiếu chuyển phải là chuỗi ký tự.'), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã phiếu chuyển không hợp lệ.')))),
    note: v.optional(v.nullable(text(2000))),
  },
  'Yêu cầu đôn đốc phải là một đối tượng JSON.',
)
