/** PUT /api/v1/settings: a partial update of the settings of src/domain/settings.ts. */
import * as v from 'valibot'
import { code, isoDate, requiredText } from '../validation.ts'

const dateList = (what: string) =>
  v.pipe(
    v.array(isoDate(`Mỗi ${what} phải có dạng YYYY-MM-DD và là ngày có thật.`), `${what[0]?.toUpperCase()}${what.slice(1)} phải là một danh sách ngày.`),
    v.maxLength(2000),
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
  },
  (issue) => (issue.type === 'strict_object' && issue.input !== undefined && typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
    ? `Không có cài đặt "${String(issue.received).replace(/^"|"$/g, '')}".`
    : 'Cài đặt phải là một đối tượng JSON.'),
)

export type SettingsUpdate = v.InferOutput<typeof SettingsUpdateSchema>
