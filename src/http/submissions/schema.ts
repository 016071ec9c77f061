/**
 * What a citizen may send (API.md "Citizen submissions"), the same for the JSON API and the
 * page forms: the forms name their inputs with these paths (`senders.0.name`), so an error
 * lands next to the field that caused it. Two layers:
 *
 * 1. `SubmissionSchema` (valibot): types, sizes, formats; no markup, no control characters —
 *    a citizen's letter is plain text, and refusing `<script>` at the door keeps every later
 *    view, export and document free of it even where escaping might be forgotten.
 * 2. `submissionProblems`: what each kind of letter needs to be handled at all (RULES.md §2.4),
 *    asked of the citizen up front so no one files a letter that can only be archived; and
 *    codes that must exist in the directory.
 */
import * as v from 'valibot'
import { FIELDS, codesOf } from '../../domain/codes.ts'
import { agencyExistsOn, type Agency } from '../../domain/agency.ts'
import type { FieldError } from '../errors.ts'
import { fieldErrors, isoDate, phoneNumber, withoutPath } from '../validation.ts'

export const SUBMISSION_CONTENT_TYPES = ['khieu_nai', 'to_cao', 'kien_nghi_phan_anh'] as const
export type SubmissionContentType = (typeof SUBMISSION_CONTENT_TYPES)[number]

export const MAX_SENDERS = 50

/**
 * Tags, comments, doctype: `<b>`, `</p>`, `<!--`, `<?xml` — a `<` directly followed by a letter,
 * `/`, `!` or `?`, where an HTML parser starts a tag or a (bogus) comment. "a < b",
 * "giá < giá thị trường", "< script>" and "<3" are text to a parser, and here.
 */
const MARKUP = /<[A-Za-z/!?]/
/** C0/C1 controls except tab and newlines, and the bidi overrides that can disguise text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

const thousands = (n: number) => n.toLocaleString('vi-VN')

/** Free text from a citizen: NFC, trimmed, bounded, plain. */
const citizenText = (max: number, label: string) =>
  v.pipe(
    v.string(`${label} phải là chuỗi ký tự.`),
    v.normalize('NFC'),
    v.trim(),
    v.maxLength(max, `${label} không được dài quá ${thousands(max)} ký tự.`),
    v.check((s) => !CONTROL.test(s), `${label} có ký tự điều khiển không hợp lệ.`),
    v.check((s) => !MARKUP.test(s), `${label} không được chứa mã HTML (ví dụ thẻ <script>).`),
  )
const optionalText = (max: number, label: string) => v.optional(v.nullable(citizenText(max, label)))
const flag = (label: string) => v.optional(v.boolean(`${label} phải là true hoặc false.`))

const SenderSchema = v.object(
  {
    name: optionalText(200, 'Họ và tên'),
    address: optionalText(500, 'Địa chỉ'),
    idNumber: v.optional(
      v.nullable(
        v.pipe(
          v.string('Số căn cước phải là chuỗi ký tự.'),
          v.trim(),
          v.maxLength(20, 'Số căn cước không được dài quá 20 ký tự.'),
          v.regex(/^[0-9A-Za-z]*$/, 'Số căn cước (hoặc hộ chiếu) chỉ gồm chữ số và chữ cái không dấu.'),
        ),
      ),
    ),
    phone: v.optional(v.nullable(phoneNumber)),
    email: v.optional(
      v.nullable(
        v.pipe(
          citizenText(200, 'Thư điện tử'),
          v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@gmail.com).'),
        ),
      ),
    ),
  },
  'Mỗi người đứng tên phải là một đối tượng JSON.',
)

const codeText = (label: string) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(`${label} phải là chuỗi ký tự.`),
        v.trim(),
        v.maxLength(64, `${label} không hợp lệ.`),
        v.regex(/^[A-Za-z0-9_.-]*$/, `${label} không hợp lệ.`),
      ),
    ),
  )

/** An attachment in a JSON submission: base64 bytes (the page form uploads files instead). */
const ApiAttachmentSchema = v.object(
  {
    fileName: v.pipe(v.string('Tên tệp phải là chuỗi ký tự.'), v.minLength(1, 'Tên tệp không được để trống.'), v.maxLength(255, 'Tên tệp quá dài.')),
    mediaType: v.optional(v.pipe(v.string('Kiểu tệp phải là chuỗi ký tự.'), v.maxLength(100, 'Kiểu tệp không hợp lệ.'))),
    data: v.pipe(
      v.string('Nội dung tệp phải là chuỗi base64.'),
      v.maxLength(8 * 1024 * 1024, 'Tệp quá lớn.'),
      v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp phải là chuỗi base64.'),
    ),
  },
  'Mỗi tệp đính kèm phải là một đối tượng JSON {"fileName","data"}.',
)

export const SubmissionSchema = v.object(
  {
    contentType: v.picklist(SUBMISSION_CONTENT_TYPES, 'Loại đơn phải là khieu_nai, to_cao hoặc kien_nghi_phan_anh.'),
    /** Extension: a denunciation without the denouncer's name (nặc danh). */
    anonymous: flag('Trường "nặc danh"'),
    senders: v.optional(
      v.nullable(
        v.pipe(
          v.array(SenderSchema, 'Người đứng tên phải là một danh sách.'),
          v.maxLength(MAX_SENDERS, `Tối đa ${MAX_SENDERS} người đứng tên trong một đơn gửi trực tuyến.`),
        ),
      ),
    ),
    respondent: v.optional(
      v.nullable(
        v.object(
          {
            agencyCode: codeText('Mã cơ quan'),
            person: optionalText(300, 'Tên người bị khiếu nại, tố cáo'),
            isHead: flag('Trường "là người đứng đầu"'),
            private: flag('Trường "cá nhân, tổ chức ngoài nhà nước"'),
          },
          'Người bị khiếu nại, tố cáo phải là một đối tượng JSON.',
        ),
      ),
    ),
    summary: optionalText(10000, 'Nội dung'),
    request: optionalText(5000, 'Yêu cầu, đề xuất'),
    act: optionalText(5000, 'Hành vi vi phạm'),
    field: v.optional(v.nullable(v.picklist(codesOf(FIELDS), 'Lĩnh vực không có trong danh sách.'))),
    location: codeText('Địa bàn'),
    /** Extension: the decision complained about. */
    decision: v.optional(
      v.nullable(
        v.object(
          {
            number: optionalText(100, 'Số quyết định'),
            date: v.optional(v.nullable(isoDate('Ngày ký quyết định phải là ngày có thật, dạng ngày/tháng/năm.'))),
            knownDate: v.optional(v.nullable(isoDate('Ngày nhận được quyết định phải là ngày có thật, dạng ngày/tháng/năm.'))),
          },
          'Quyết định bị khiếu nại phải là một đối tượng JSON.',
        ),
      ),
    ),
    complaintRound: v.optional(v.nullable(v.picklist([1, 2], 'Lần khiếu nại phải là 1 hoặc 2.'))),
    aboutAdministrativeRegulation: flag('Trường "về quy định hành chính"'),
    attachments: v.optional(v.nullable(v.pipe(v.array(ApiAttachmentSchema, 'Tệp đính kèm phải là một danh sách.'), v.maxLength(20, 'Quá nhiều tệp đính kèm.')))),
    declaration: v.literal(true, 'Bạn cần đánh dấu vào ô cam đoan để gửi đơn.'),
  },
  'Đơn phải là một đối tượng JSON.',
)

export type SubmissionInput = v.InferOutput<typeof SubmissionSchema>
export type SubmissionSender = v.InferOutput<typeof SenderSchema>

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== ''

/** A sender row with nothing typed in it (the spare rows of a form) is no sender. */
export const isBlankSender = (s: SubmissionSender) => ![s.name, s.address, s.idNumber, s.phone, s.email].some(has)

/** Senders with their blank rows dropped and empty strings as null. */
export const cleanSenders = (senders: readonly SubmissionSender[] | null | undefined) =>
  (senders ?? [])
    .map((s, index) => ({ index, sender: s }))
    .filter(({ sender }) => !isBlankSender(sender))
    .map(({ index, sender }) => ({
      index,
      sender: {
        name: has(sender.name) ? sender.name : null,
        address: has(sender.address) ? sender.address : null,
        idNumber: has(sender.idNumber) ? sender.idNumber.toUpperCase() : null,
        phone: has(sender.phone) ? sender.phone : null,
        email: has(sender.email) ? sender.email : null,
      },
    }))

export interface DirectoryView {
  agencies: readonly Agency[]
  /** Vietnam date of the submission: agencies and areas must exist on it. */
  today: string
}

/** Commune/ward areas a citizen may pick (the areas of communes existing today). */
export const areasOn = (agencies: readonly Agency[], date: string) =>
  agencies
    .filter((a) => a.level === 'xa' && a.active !== false && agencyExistsOn(a, date))
    .flatMap((a) => a.areaCodes.map((code) => ({ code, name: a.name.replace(/^Ủy ban nhân dân\s+/u, '') })))

/** Agencies a citizen may name (existing today). */
export const agenciesOn = (agencies: readonly Agency[], date: string) =>
  agencies.filter((a) => a.active !== false && agencyExistsOn(a, date))

/**
 * What the letter's kind needs, beyond well-formed values. Paths are those of the schema, so
 * the page puts each message next to its field.
 */
export function submissionProblems(input: SubmissionInput, directory: DirectoryView, fileCount: number): FieldError[] {
  const errors: FieldError[] = []
  const add = (path: string, message: string) => errors.push({ path, message })
  const senders = cleanSenders(input.senders)
  const anonymous = input.contentType === 'to_cao' && input.anonymous === true
  const respondent = input.respondent ?? {}

  if (input.anonymous && input.contentType !== 'to_cao') add('anonymous', 'Chỉ đơn tố cáo mới được gửi không nêu tên.')
  if (anonymous) {
    if (senders.length > 0) add('anonymous', 'Bạn đã chọn tố cáo không nêu tên: hãy xóa thông tin người tố cáo, hoặc bỏ chọn ô không nêu tên.')
  } else if (senders.length === 0) {
    add('senders.0.name', 'Vui lòng nhập họ và tên người đứng đơn.')
    add('senders.0.address', 'Vui lòng nhập địa chỉ người đứng đơn.')
  }
  for (const { index, sender } of senders) {
    if (!has(sender.name)) add(`senders.${index}.name`, 'Vui lòng nhập họ và tên.')
    if (!has(sender.address)) add(`senders.${index}.address`, 'Vui lòng nhập địa chỉ (nơi nhận thông báo kết quả).')
  }

  const names = has(respondent.person) || has(respondent.agencyCode)
  switch (input.contentType) {
    case 'khieu_nai':
      if (!names) add('respondent.person', 'Vui lòng cho biết cơ quan hoặc người có quyết định, hành vi bị khiếu nại.')
      if (!has(input.summary)) add('summary', 'Vui lòng trình bày nội dung khiếu nại.')
      if (!has(input.request)) add('request', 'Vui lòng nêu yêu cầu của bạn (ví dụ: hủy quyết định, bồi thường).')
      break
    case 'to_cao':
      if (!has(respondent.person)) add('respondent.person', 'Vui lòng cho biết người (hoặc tổ chức) có hành vi vi phạm.')
      if (!has(input.act)) add('act', 'Vui lòng mô tả hành vi vi phạm pháp luật.')
      if (anonymous && fileCount === 0) add('attachments', 'Tố cáo không nêu tên cần kèm ít nhất một tệp chứng cứ (ảnh hoặc PDF).')
      break
    case 'kien_nghi_phan_anh':
      if (!has(input.summary)) add('summary', 'Vui lòng trình bày nội dung kiến nghị, phản ánh.')
      break
  }

  if (has(respondent.agencyCode) && !agenciesOn(directory.agencies, directory.today).some((a) => a.code === respondent.agencyCode)) {
    add('respondent.agencyCode', 'Cơ quan này không có trong danh sách.')
  }
  if (has(input.location) && !areasOn(directory.agencies, directory.today).some((a) => a.code === input.location)) {
    add('location', 'Địa bàn này không có trong danh sách xã, phường.')
  }
  const decision = input.decision ?? {}
  if (decision.date && decision.date > directory.today) add('decision.date', 'Ngày ban hành không thể sau hôm nay.')
  if (decision.knownDate && decision.knownDate > directory.today) add('decision.knownDate', 'Ngày nhận được quyết định không thể sau hôm nay.')
  if (decision.date && decision.knownDate && decision.knownDate < decision.date) {
    add('decision.knownDate', 'Ngày nhận được quyết định không thể trước ngày ban hành.')
  }
  return errors
}

/**
 * Every error of a submission in one round: when some value is malformed, what the letter's kind
 * needs (`submissionProblems`: a name, a summary, the respondent, …) is still checked on the rest,
 * so a citizen — or a system posting to the API — does not fix it twice. Null when the input is
 * well-formed; its kind's needs are then checked with the submission itself.
 */
export function allSubmissionErrors(raw: unknown, directory: DirectoryView, fileCount: number): FieldError[] | null {
  const first = v.safeParse(SubmissionSchema, raw)
  if (first.success) return null
  const errors = fieldErrors(first.issues)
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return errors
  const rest = structuredClone(raw) as Record<string, unknown>
  for (const e of errors) if (e.path !== 'declaration') withoutPath(rest, e.path)
  rest.declaration = true
  const second = v.safeParse(SubmissionSchema, rest)
  if (second.success) {
    const known = new Set(errors.map((e) => e.path))
    errors.push(...submissionProblems(second.output, directory, fileCount).filter((e) => !known.has(e.path)))
  }
  return errors
}
