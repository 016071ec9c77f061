/**
 * Bodies of POST /api/v1/letters/{id}/resolution/{action} (and the case page's forms, parsed into
 * the same shape): one schema per action, turned into the domain's ResolutionInput. Shape only —
 * whether the event may be recorded now (dates, sequence, grounds in force) is
 * src/domain/resolution.ts.
 */
import * as v from 'valibot'
import type { ResolutionInput } from '../../domain/resolution.ts'
import { ATTENDANCE, CONTINUE_GROUNDS, EXTENSION_RULE, FINDINGS, WITHDRAWAL_FORMS, WITHDRAWAL_SCOPES, type ResolutionAction } from '../../domain/resolution-rules.ts'
import { fieldErrors, isoDate, requiredText, text } from '../validation.ts'

const DATE_MESSAGE = 'Ngày phải có dạng YYYY-MM-DD (hoặc dd/mm/yyyy) và là ngày có thật.'
const date = () => isoDate(DATE_MESSAGE)
const optionalText = (max: number) => v.optional(v.nullable(text(max)), null)
const version = v.optional(v.pipe(v.number('Phiên bản phải là một số.'), v.integer('Phiên bản phải là số nguyên.'), v.minValue(1)))
const groundCode = v.pipe(v.string('Chọn căn cứ.'), v.trim(), v.regex(/^[a-z_]{1,64}$/, 'Chọn một căn cứ trong danh sách.'))
const keys = <T extends Record<string, string>>(table: T) => Object.keys(table) as Array<keyof T & string>

const ComplexitySchema = v.object({
  date: date(),
  criteria: v.pipe(
    v.array(v.picklist(['a', 'b', 'c', 'd', 'dd', 'e', 'g'], 'Tiêu chí phải là một trong: a, b, c, d, dd (điểm đ), e, g.'), 'Tiêu chí phải là một danh sách.'),
    v.minLength(1, 'Chọn ít nhất một tiêu chí của Điều 3a mà vụ việc có.'),
    v.maxLength(7),
  ),
  reason: requiredText(5000, 'Nêu rõ tình tiết của vụ việc ứng với các tiêu chí đã chọn.'),
  decidedBy: requiredText(300, 'Ghi họ tên, chức vụ người xác định.'),
  version,
})

const DialogueSchema = v.object({
  date: date(),
  chairedBy: requiredText(300, 'Ghi họ tên, chức vụ người chủ trì đối thoại.'),
  place: optionalText(500),
  participants: v.pipe(
    v.array(requiredText(300, 'Mỗi dòng ghi một người tham gia.'), 'Người tham gia phải là một danh sách.'),
    v.minLength(1, 'Ghi những người tham gia đối thoại (mỗi người một dòng).'),
    v.maxLength(50, 'Không quá 50 người tham gia.'),
  ),
  summary: requiredText(10_000, 'Ghi nội dung đối thoại và ý kiến của các bên.'),
  attendance: v.picklist(keys(ATTENDANCE), 'Chọn người khiếu nại có mặt hay vắng mặt.'),
  absenceReason: optionalText(2000),
  version,
})

const GroundSchema = v.object({
  date: date(),
  ground: groundCode,
  reason: requiredText(5000, 'Nêu rõ sự việc cụ thể làm căn cứ.'),
  version,
})

const ResumptionSchema = v.object({
  date: date(),
  reason: requiredText(5000, 'Nêu rõ lý do tiếp tục giải quyết (lý do tạm đình chỉ không còn).'),
  version,
})

const WithdrawalSchema = v.object({
  date: date(),
  scope: v.picklist(keys(WITHDRAWAL_SCOPES), 'Chọn rút toàn bộ hay rút một phần.'),
  form: v.picklist(keys(WITHDRAWAL_FORMS), 'Chọn hình thức rút: đơn rút hoặc biên bản ghi nhận.'),
  content: optionalText(5000),
  continueGround: v.optional(v.nullable(v.picklist(keys(CONTINUE_GROUNDS), 'Căn cứ tiếp tục giải quyết không hợp lệ.')), null),
  version,
})

const ExtensionSchema = v.object({
  date: date(),
  days: v.pipe(
    v.number('Số ngày gia hạn phải là một số.'),
    v.integer('Số ngày gia hạn phải là số nguyên.'),
    v.minValue(1, 'Gia hạn ít nhất 1 ngày.'),
    v.maxValue(EXTENSION_RULE.maxDays, `Mỗi lần gia hạn không quá ${EXTENSION_RULE.maxDays} ngày (${EXTENSION_RULE.basis}).`),
  ),
  reason: requiredText(5000, 'Nêu rõ lý do gia hạn (tính chất phức tạp của vụ việc).'),
  version,
})

const ConclusionSchema = v.object({
  date: date(),
  number: requiredText(100, 'Ghi số quyết định giải quyết khiếu nại hoặc số kết luận nội dung tố cáo.'),
  finding: v.picklist(keys(FINDINGS), 'Chọn kết quả: đúng, sai hoặc đúng một phần.'),
  summary: requiredText(10_000, 'Ghi tóm tắt nội dung giải quyết, kết luận.'),
  version,
})

export const RESOLUTION_SCHEMAS = {
  complexity: ComplexitySchema,
  dialogue: DialogueSchema,
  suspension: GroundSchema,
  resumption: ResumptionSchema,
  termination: GroundSchema,
  withdrawal: WithdrawalSchema,
  extension: ExtensionSchema,
  conclusion: ConclusionSchema,
} as const satisfies Record<ResolutionAction, v.GenericSchema>

type Body<A extends ResolutionAction> = v.InferOutput<(typeof RESOLUTION_SCHEMAS)[A]>

const orNull = <T extends string>(s: T | null | undefined): T | null => (s ? s : null)

/** Each action's parsed body as the domain's input. */
const TO_INPUT: { [A in ResolutionAction]: (b: Body<A>) => ResolutionInput } = {
  complexity: (b) => ({ kind: 'xac_dinh_phuc_tap', date: b.date, data: { criteria: [...new Set(b.criteria)], reason: b.reason, decidedBy: b.decidedBy } }),
  dialogue: (b) => ({
    kind: 'doi_thoai',
    date: b.date,
    data: { chairedBy: b.chairedBy, place: orNull(b.place), participants: b.participants, summary: b.summary, attendance: b.attendance, absenceReason: orNull(b.absenceReason) },
  }),
  suspension: (b) => ({ kind: 'tam_dinh_chi', date: b.date, data: { ground: b.ground, reason: b.reason } }),
  resumption: (b) => ({ kind: 'tiep_tuc', date: b.date, data: { reason: b.reason } }),
  termination: (b) => ({ kind: 'dinh_chi', date: b.date, data: { ground: b.ground, reason: b.reason } }),
  withdrawal: (b) => ({ kind: 'rut_khieu_nai', date: b.date, data: { scope: b.scope, form: b.form, content: orNull(b.content), continueGround: orNull(b.continueGround) } }),
  extension: (b) => ({ kind: 'gia_han', date: b.date, data: { days: b.days, reason: b.reason } }),
  conclusion: (b) => ({ kind: 'ket_luan', date: b.date, data: { number: b.number, finding: b.finding, summary: b.summary } }),
}

/** The body of an action checked for shape: the domain's input and the version the officer saw, or the field errors. */
export function parseResolutionBody(
  action: ResolutionAction,
  raw: unknown,
): { ok: true; input: ResolutionInput; version: number | undefined } | { ok: false; errors: Array<{ path: string; message: string }> } {
  const result = v.safeParse(RESOLUTION_SCHEMAS[action], raw)
  if (!result.success) return { ok: false, errors: fieldErrors(result.issues) }
  // the mapped type ties each action to its schema; TypeScript cannot follow the index here
  const toInput = TO_INPUT[action] as (b: unknown) => ResolutionInput
  return { ok: true, input: toInput(result.output), version: result.output.version }
}
