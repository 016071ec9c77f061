/**
 * The API.md "Letter" (and "decision") bodies. Only receivedAt, channel and contentType are
 * required: what is missing shows up as eligibility reasons, not as a 422. Types, formats and
 * sizes are checked here so the classifier and the database only ever see well-formed values.
 * Unknown keys are ignored (other systems may send more than we read).
 */
import * as v from 'valibot'
import { CHANNELS, CONTENT_TYPES, OUTCOMES, codesOf } from '../../domain/codes.ts'
import type { Letter } from '../../domain/letter.ts'
import { code, isoDate, phoneNumber, text } from '../validation.ts'

const optionalText = (max: number) => v.optional(v.nullable(text(max)))
const flag = (message: string) => v.optional(v.boolean(message))
const optionalDate = (message: string) => v.optional(v.nullable(isoDate(message)))
const optionalCode = (message: string) => v.optional(v.nullable(code(message)))

const SenderSchema = v.object(
  {
    name: optionalText(200),
    address: optionalText(500),
    idNumber: v.optional(
      v.nullable(
        v.pipe(
          v.string('Số giấy tờ tùy thân phải là chuỗi ký tự.'),
          v.trim(),
          v.maxLength(30, 'Số giấy tờ tùy thân không được dài quá 30 ký tự.'),
          v.regex(/^[0-9A-Za-z -]*$/, 'Số giấy tờ tùy thân chỉ gồm chữ số và chữ cái không dấu.'),
        ),
      ),
    ),
    phone: v.optional(v.nullable(phoneNumber)),
    email: v.optional(v.nullable(v.pipe(text(200), v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Địa chỉ thư điện tử không hợp lệ.')))),
    signed: flag('Trường "đã ký" phải là true hoặc false.'),
  },
  'Mỗi người đứng tên phải là một đối tượng JSON.',
)

export const LetterSchema = v.object(
  {
    receivedAt: isoDate('Ngày nhận đơn phải có dạng YYYY-MM-DD và là ngày có thật.'),
    channel: v.picklist(codesOf(CHANNELS), `Nguồn đơn phải là một trong: ${codesOf(CHANNELS).join(', ')}.`),
    contentType: v.picklist(codesOf(CONTENT_TYPES), `Loại đơn phải là một trong: ${codesOf(CONTENT_TYPES).join(', ')}.`),
    contents: v.optional(
      v.nullable(
        v.pipe(
          v.array(
            v.object({
              contentType: v.picklist(['khieu_nai', 'to_cao', 'kien_nghi_phan_anh'], 'Loại nội dung phải là khieu_nai, to_cao hoặc kien_nghi_phan_anh.'),
              summary: optionalText(5000),
            }),
            'Các nội dung phải là một danh sách.',
          ),
          v.maxLength(20, 'Tối đa 20 nội dung.'),
        ),
      ),
    ),
    field: v.optional(v.nullable(v.pipe(v.string('Lĩnh vực phải là chuỗi ký tự.'), v.trim(), v.regex(/^[a-z0-9_]{0,64}$/, 'Mã lĩnh vực chỉ gồm chữ thường không dấu, số và dấu gạch dưới.')))),
    aboutAdministrativeRegulation: flag('Trường "về quy định hành chính" phải là true hoặc false.'),
    language: v.optional(v.nullable(v.pipe(v.string('Ngôn ngữ phải là mã ngôn ngữ, ví dụ "vi".'), v.trim(), v.toLowerCase(), v.regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'Ngôn ngữ phải là mã ngôn ngữ, ví dụ "vi", "en".')))),
    notarizedTranslation: flag('Trường "có bản dịch công chứng" phải là true hoặc false.'),
    writtenDate: optionalDate('Ngày viết đơn phải có dạng YYYY-MM-DD và là ngày có thật.'),
    senders: v.optional(v.nullable(v.pipe(v.array(SenderSchema, 'Người đứng tên phải là một danh sách.'), v.maxLength(1000, 'Tối đa 1.000 người đứng tên.')))),
    impersonated: flag('Trường "mạo danh" phải là true hoặc false.'),
    illegible: flag('Trường "không đọc được" phải là true hoặc false.'),
    abusive: flag('Trường "nội dung xúc phạm" phải là true hoặc false.'),
    respondent: v.optional(
      v.nullable(
        v.object(
          {
            agencyCode: optionalCode('Mã cơ quan bị khiếu nại, tố cáo không hợp lệ.'),
            person: optionalText(200),
            isHead: flag('Trường "là người đứng đầu" phải là true hoặc false.'),
            private: flag('Trường "cá nhân, tổ chức ngoài nhà nước" phải là true hoặc false.'),
          },
          'Người bị khiếu nại, tố cáo phải là một đối tượng JSON.',
        ),
      ),
    ),
    location: optionalCode('Mã địa bàn không hợp lệ.'),
    summary: optionalText(20000),
    request: optionalText(10000),
    act: optionalText(10000),
    hasEvidence: flag('Trường "có chứng cứ" phải là true hoặc false.'),
    complaintRound: v.optional(v.nullable(v.picklist([1, 2], 'Lần khiếu nại phải là 1 hoặc 2.'))),
    decision: v.optional(
      v.nullable(
        v.object({
          date: optionalDate('Ngày ban hành quyết định phải có dạng YYYY-MM-DD.'),
          knownDate: optionalDate('Ngày biết được quyết định phải có dạng YYYY-MM-DD.'),
          number: optionalText(100),
        }),
      ),
    ),
    priorResolution: v.optional(
      v.nullable(
        v.object({
          round: v.optional(v.nullable(v.picklist([1, 2], 'Lần giải quyết trước phải là 1 hoặc 2.'))),
          effective: flag('Trường "có hiệu lực" phải là true hoặc false.'),
        }),
      ),
    ),
    concluded: flag('Trường "đã có kết luận" phải là true hoặc false.'),
    newEvidence: flag('Trường "có chứng cứ mới" phải là true hoặc false.'),
    courtAccepted: flag('Trường "Tòa án đã thụ lý" phải là true hoặc false.'),
    goodReasonForDelay: flag('Trường "có lý do chính đáng" phải là true hoặc false.'),
    remoteArea: flag('Trường "vùng sâu, vùng xa" phải là true hoặc false.'),
    verificationExtended: flag('Trường "gia hạn xử lý ban đầu" phải là true hoặc false.'),
    forwardedBy: v.optional(v.nullable(v.object({ name: optionalText(300), reference: optionalText(100) }))),
    pendingAt: v.optional(
      v.nullable(
        v.object({
          agencyCode: code('Mã cơ quan đang giải quyết không hợp lệ.'),
          since: isoDate('Ngày bắt đầu giải quyết phải có dạng YYYY-MM-DD.'),
        }),
      ),
    ),
    notDirectlyConcerned: flag('Phải là true hoặc false.'),
    lacksCapacity: flag('Phải là true hoặc false.'),
    invalidRepresentative: flag('Phải là true hoặc false.'),
    withdrawnBefore: flag('Phải là true hoặc false.'),
    internalDecision: flag('Phải là true hoặc false.'),
    complex: flag('Phải là true hoặc false.'),
  },
  'Đơn phải là một đối tượng JSON.',
)

// The schema's output must be a Letter the domain accepts.
export const toLetter = (input: v.InferOutput<typeof LetterSchema>): Letter => input

export const DecisionSchema = v.object(
  {
    outcome: v.optional(v.picklist(codesOf(OUTCOMES), `Hướng xử lý phải là một trong: ${codesOf(OUTCOMES).join(', ')}.`)),
    competentAgencyCode: optionalCode('Mã cơ quan có thẩm quyền không hợp lệ.'),
    note: optionalText(5000),
    /** Extension: the letter version the officer saw; a concurrent change answers 409. */
    version: v.optional(v.pipe(v.number('Phiên bản phải là một số.'), v.integer('Phiên bản phải là số nguyên.'), v.minValue(1))),
  },
  'Quyết định xử lý phải là một đối tượng JSON.',
)
