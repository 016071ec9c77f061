/** POST /api/v1/receptions (API.md "Reception visits"), with this system's extensions. */
import * as v from 'valibot'
import { CONTENT_TYPES, codesOf } from '../../domain/codes.ts'
import { HANDLINGS as HANDLING_LABELS, ID_KINDS as ID_KIND_LABELS, REFUSAL_GROUNDS, idNumberProblem } from '../../domain/reception.ts'
import { isoDate, requiredText, text } from '../validation.ts'

export const ID_KINDS = codesOf(ID_KIND_LABELS)
export const HANDLINGS = codesOf(HANDLING_LABELS)
const GROUND_CODES = REFUSAL_GROUNDS.map((g) => g.code)

const VisitorSchema = v.pipe(
  v.object(
    {
      name: requiredText(200, 'Họ tên người đến không được để trống.'),
      idNumber: v.optional(
        v.nullable(
          v.pipe(
            v.string('Số giấy tờ phải là chuỗi ký tự.'),
            v.trim(),
            v.maxLength(30, 'Số giấy tờ không được dài quá 30 ký tự.'),
            v.regex(/^[0-9A-Za-z -]*$/, 'Số giấy tờ chỉ gồm chữ số và chữ cái không dấu.'),
          ),
        ),
      ),
      idKind: v.optional(v.nullable(v.picklist(ID_KINDS, 'Loại giấy tờ không hợp lệ.'))),
      address: v.optional(v.nullable(text(500))),
      representative: v.optional(v.boolean('Trường "người đại diện" phải là true hoặc false.')),
      /** A proxy's lawful authorisation (NĐ 154 Art. 12 cl. 1, Art. 13): what it is, its number and date. */
      authorisation: v.optional(v.nullable(text(300))),
    },
    'Mỗi người đến phải là một đối tượng JSON.',
  ),
  // the number fits its kind of paper (a 5-digit "căn cước" is a typing slip, not an ID)
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const problem = idNumberProblem(dataset.value.idKind, dataset.value.idNumber)
    if (problem) addIssue({ message: problem, path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'idNumber', value: dataset.value.idNumber }] })
  }),
)

export const ReceptionSchema = v.pipe(
  v.object(
    {
      date: isoDate('Ngày tiếp phải có dạng YYYY-MM-DD và là ngày có thật.'),
      kind: v.picklist(['thuong_xuyen', 'dinh_ky', 'dot_xuat'], 'Hình thức tiếp phải là thuong_xuyen, dinh_ky hoặc dot_xuat.'),
      form: v.optional(v.picklist(['truc_tiep', 'truc_tuyen'], 'Cách thức tiếp phải là truc_tiep hoặc truc_tuyen.'), 'truc_tiep'),
      hostName: v.optional(v.nullable(text(200))),
      /** Extension: received by an authorised deputy (ủy quyền tiếp). */
      delegated: v.optional(v.boolean('Trường "ủy quyền tiếp" phải là true hoặc false.')),
      persons: v.pipe(
        v.number('Số người phải là một số.'),
        v.integer('Số người phải là số nguyên.'),
        v.minValue(1, 'Số người phải từ 1 trở lên.'),
        v.maxValue(100000, 'Số người quá lớn.'),
      ),
      caseId: v.optional(v.nullable(v.pipe(v.string('Mã vụ việc phải là chuỗi ký tự.'), v.trim(), v.minLength(1), v.maxLength(64)))),
      contentType: v.picklist(codesOf(CONTENT_TYPES), `Loại nội dung phải là một trong: ${codesOf(CONTENT_TYPES).join(', ')}.`),
      field: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9_]{0,64}$/, 'Mã lĩnh vực không hợp lệ.')))),
      summary: v.optional(v.nullable(text(10000))),
      visitors: v.pipe(v.array(VisitorSchema, 'Người đến phải là một danh sách.'), v.minLength(1, 'Cần ít nhất một người đến.'), v.maxLength(200, 'Tối đa 200 người được ghi tên.')),
      // extensions: how the visit was handled (Mẫu 03/TCD columns 8-12)
      handling: v.optional(v.nullable(v.picklist(HANDLINGS, `Kết quả tiếp phải là một trong: ${HANDLINGS.join(', ')}.`))),
      /** Guided to whom / forwarded to which agency. */
      handledTo: v.optional(v.nullable(text(300))),
      /** The guidance document's / forwarding slip's number. */
      handledRef: v.optional(v.nullable(text(100))),
      /** A ground code of src/domain/reception.ts (Luật TCD Art. 9, NĐ 154/2026 Art. 4 cl. 1), in force on `date`. */
      refusalGround: v.optional(v.nullable(v.picklist(GROUND_CODES, 'Lý do từ chối phải là một mã trong danh mục (khoản 1–4 Điều 9 Luật Tiếp công dân, điểm a–k khoản 1 Điều 4 Nghị định 154/2026).'))),
      /** The body that already resolved the matter (Mẫu 03/TCD column 8). */
      resolvedBy: v.optional(v.nullable(text(300))),
      /** What the citizen handed in, one item each: a receipt (Mẫu 02/TCD) is issued. */
      documentsReceived: v.optional(
        v.pipe(v.array(text(300), 'Tài liệu nhận phải là một danh sách.'), v.maxLength(50, 'Tối đa 50 tài liệu trong một giấy biên nhận.')),
      ),
      /** Register the letter handed in at this visit (handling nhan_don): it joins the visit's matter. */
      createLetter: v.optional(v.boolean('Trường "tạo đơn" phải là true hoặc false.')),
      /** For the letter: who is complained about / denounced, and the complainant's request. */
      respondentPerson: v.optional(v.nullable(text(300))),
      request: v.optional(v.nullable(text(5000))),
      letterId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
    },
    'Lượt tiếp phải là một đối tượng JSON.',
  ),
  v.forward(
    v.check((r) => r.kind === 'thuong_xuyen' || Boolean(r.hostName), 'Tiếp định kỳ, đột xuất cần ghi tên lãnh đạo chủ trì.'),
    ['hostName'],
  ),
  v.forward(
    v.check((r) => r.persons >= r.visitors.length, 'Số người không được ít hơn số người được ghi tên.'),
    ['persons'],
  ),
  v.forward(v.check((r) => r.handling !== 'tu_choi' || Boolean(r.refusalGround), 'Từ chối tiếp phải ghi rõ lý do.'), ['refusalGround']),
  v.forward(
    v.check((r) => !r.createLetter || r.handling === 'nhan_don' || r.handling == null, 'Chỉ tạo đơn khi kết quả tiếp là nhận đơn (nhan_don).'),
    ['createLetter'],
  ),
  v.forward(v.check((r) => !(r.createLetter && r.letterId), 'Lượt tiếp đã gắn với một đơn có sẵn (letterId) thì không tạo đơn mới.'), ['createLetter']),
)

export type ReceptionInput = v.InferOutput<typeof ReceptionSchema>
