/** The agency shape of API.md, validated, with Vietnamese messages. */
import * as v from 'valibot'
import { AGENCY_KINDS, AGENCY_LEVELS, codesOf } from '../../domain/codes.ts'
import { code, isoDate, requiredText, text } from '../validation.ts'

const fieldCode = v.pipe(
  v.string('Mã lĩnh vực phải là chuỗi ký tự.'),
  v.trim(),
  v.regex(/^[a-z][a-z0-9_]{1,63}$/, 'Mã lĩnh vực chỉ gồm chữ thường không dấu, số và dấu gạch dưới (ví dụ: dat_dai).'),
)

export const AgencySchema = v.pipe(
  v.object(
    {
      code: code('Mã cơ quan chỉ gồm chữ không dấu, số và các ký tự _ . - (ví dụ: UBND_XA_SON_TAY).'),
      name: requiredText(300, 'Tên cơ quan không được để trống.'),
      level: v.picklist(codesOf(AGENCY_LEVELS), 'Cấp phải là một trong: trung_uong, tinh, huyen, xa.'),
      kind: v.picklist(
        codesOf(AGENCY_KINDS),
        'Loại cơ quan phải là một trong: ubnd, so, thanh_tra, ban_tiep_cong_dan, cong_an, toa_an, vien_kiem_sat, dang, khac.',
      ),
      parentCode: v.optional(v.nullable(code('Mã cơ quan cấp trên không hợp lệ.')), null),
      fields: v.optional(v.pipe(v.array(fieldCode, 'Lĩnh vực phải là một danh sách mã.'), v.maxLength(100)), []),
      areaCodes: v.optional(v.pipe(v.array(code('Mã địa bàn không hợp lệ.'), 'Địa bàn phải là một danh sách mã.'), v.maxLength(1000)), []),
      headTitle: v.optional(v.nullable(text(200)), null),
      address: v.optional(v.nullable(text(300)), null),
      validFrom: v.optional(v.nullable(isoDate('Ngày bắt đầu hiệu lực phải có dạng YYYY-MM-DD.')), null),
      validTo: v.optional(v.nullable(isoDate('Ngày hết hiệu lực phải có dạng YYYY-MM-DD.')), null),
      active: v.optional(v.boolean('Trạng thái hoạt động phải là true hoặc false.'), true),
    },
    'Mỗi cơ quan phải là một đối tượng JSON.',
  ),
  v.forward(
    v.check(
      (a) => a.validTo == null || a.validFrom == null || a.validTo >= a.validFrom,
      'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.',
    ),
    ['validTo'],
  ),
)

export const DirectorySchema = v.pipe(
  v.array(AgencySchema, 'Danh bạ phải là một danh sách (mảng JSON) các cơ quan.'),
  v.maxLength(20000, 'Danh bạ quá lớn (tối đa 20.000 cơ quan).'),
)

export type AgencyInput = v.InferOutput<typeof AgencySchema>
