/** PUT /api/v1/settings: a partial update of the settings of src/domain/settings.ts. */
import * as v from 'valibot'
import { DEADLINE_RULE_IDS } from '../../domain/deadline-table.ts'
import { code, isoDate, requiredText } from '../validation.ts'

const dateList = (what: string) =>
  v.pipe(
    v.array(isoDate(`Mỗi ${what} phải có dạng YYYY-MM-DD và là ngày có thật.`), `${what[0]?.toUpperCase()}${what.slice(1)} phải là một danh sách ngày.`),
    v.maxLength(2000),
  )

const dateOrNull = (what: string) => v.nullable(isoDate(`${what} phải có dạng YYYY-MM-DD.`))

const DeadlineRowSchema = v.object({
  rule: v.picklist(DEADLINE_RULE_IDS, `Mã thời hạn phải từ D1 đến ${DEADLINE_RULE_IDS.at(-1)}.`),
  variant: v.picklist(['thuong', 'phuc_tap', 'vung_sau', 'phuc_tap_vung_sau', 'gia_han', 'gia_han_2'], 'Biến thể thời hạn không hợp lệ.'),
  from: dateOrNull('Ngày áp dụng'),
  to: dateOrNull('Ngày hết áp dụng'),
  length: v.pipe(v.number('Độ dài thời hạn phải là một số.'), v.integer('Độ dài thời hạn phải là số nguyên.'), v.minValue(1, 'Độ dài thời hạn phải từ 1 trở lên.'), v.maxValue(3650, 'Độ dài thời hạn quá lớn.')),
  unit: v.picklist(['ngay', 'ngay_lam_viec', 'nam'], 'Đơn vị phải là ngay, ngay_lam_viec hoặc nam.'),
  label: requiredText(300, 'Cần ghi nội dung thời hạn.'),
  basis: requiredText(500, 'Cần ghi căn cứ pháp lý.'),
})

const CompetenceRuleSchema = v.object({
  contentType: v.picklist(['khieu_nai', 'to_cao', 'kien_nghi_phan_anh'], 'Loại đơn phải là khieu_nai, to_cao hoặc kien_nghi_phan_anh.'),
  condition: v.picklist(
    ['khieu_nai_lan_dau', 'khieu_nai_lan_hai', 'to_cao_can_bo', 'to_cao_nguoi_dung_dau', 'to_cao_ca_nhan_to_chuc', 'kien_nghi_phan_anh', 'quy_dinh_hanh_chinh'],
    'Trường hợp áp dụng không hợp lệ.',
  ),
  target: v.picklist(['respondent_agency', 'respondent_parent', 'field_manager', 'field_holder'], 'Cách xác định cơ quan có thẩm quyền không hợp lệ.'),
  from: dateOrNull('Ngày áp dụng'),
  to: dateOrNull('Ngày hết áp dụng'),
  basis: requiredText(500, 'Cần ghi căn cứ pháp lý.'),
  field: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,64}$/, 'Mã lĩnh vực không hợp lệ.')))),
  areaLevels: v.optional(v.nullable(v.array(v.picklist(['trung_uong', 'tinh', 'huyen', 'xa'], 'Cấp không hợp lệ.')))),
})

const flag = v.boolean('Phải là true hoặc false.')
const ConventionsSchema = v.strictObject(
  {
    onlineDeclarationCountsAsSigned: v.optional(flag),
    hotlineCallerCountsAsSigned: v.optional(flag),
    periodEndsOnWorkingDay: v.optional(flag),
    electronicReceiptDateIsWrittenDate: v.optional(flag),
    severalContentsIneligible: v.optional(flag),
    illegibleIneligible: v.optional(flag),
    abusiveIneligible: v.optional(flag),
    alreadyDecidedIneligible: v.optional(flag),
    onceOnlyIneligible: v.optional(flag),
  },
  'Các quy ước phải là một đối tượng JSON với các giá trị true/false đã biết.',
)

export const SettingsUpdateSchema = v.strictObject(
  {
    homeAgencyCode: v.optional(v.nullable(code('Mã cơ quan chủ quản không hợp lệ.'))),
    largeGroupThreshold: v.optional(
      v.pipe(
        v.number('Ngưỡng đoàn đông người phải là một số.'),
        v.integer('Ngưỡng đoàn đông người phải là số nguyên.'),
        v.minValue(2, 'Ngưỡng đoàn đông người phải từ 2 người trở lên.'),
        v.maxValue(1000, 'Ngưỡng đoàn đông người không được quá 1000.'),
      ),
    ),
    holidays: v.optional(dateList('ngày nghỉ lễ')),
    extraWorkingDays: v.optional(dateList('ngày làm bù')),
    boardName: v.optional(requiredText(200, 'Tên Ban Tiếp công dân không được để trống.')),
    localityName: v.optional(requiredText(200, 'Tên địa phương không được để trống.')),
    centralAgencyCode: v.optional(v.nullable(code('Mã cơ quan trung ương không hợp lệ.'))),
    duplicateSimilarity: v.optional(
      v.pipe(v.number('Ngưỡng trùng lặp phải là một số.'), v.minValue(0.3, 'Ngưỡng trùng lặp phải từ 0,3 đến 1.'), v.maxValue(1, 'Ngưỡng trùng lặp phải từ 0,3 đến 1.')),
    ),
    deadlines: v.optional(v.pipe(v.array(DeadlineRowSchema, 'Bảng thời hạn phải là một danh sách.'), v.minLength(1, 'Bảng thời hạn không được rỗng.'), v.maxLength(500))),
    competenceRules: v.optional(v.pipe(v.array(CompetenceRuleSchema, 'Quy tắc thẩm quyền phải là một danh sách.'), v.minLength(1, 'Cần ít nhất một quy tắc thẩm quyền.'), v.maxLength(500))),
    conventions: v.optional(ConventionsSchema),
  },
  (issue) => (issue.type === 'strict_object' && issue.input !== undefined && typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
    ? `Không có cài đặt "${String(issue.received).replace(/^"|"$/g, '')}".`
    : 'Cài đặt phải là một đối tượng JSON.'),
)

export type SettingsUpdate = v.InferOutput<typeof SettingsUpdateSchema>
