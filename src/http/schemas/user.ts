/** Staff account forms and API bodies. */
import * as v from 'valibot'
import { ROLES, codesOf } from '../../domain/codes.ts'
import { code, requiredText } from '../validation.ts'

export const MIN_PASSWORD_LENGTH = 10

export const password = v.pipe(
  v.string('Mật khẩu là bắt buộc.'),
  v.minLength(MIN_PASSWORD_LENGTH, `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`),
  v.maxLength(256, 'Mật khẩu quá dài.'),
)

const roles = v.pipe(
  v.array(v.picklist(codesOf(ROLES), 'Vai trò không hợp lệ.'), 'Vai trò phải là một danh sách.'),
  v.minLength(1, 'Chọn ít nhất một vai trò.'),
  v.transform((list) => [...new Set(list)]),
)

const agencyCode = v.optional(v.nullable(code('Mã cơ quan không hợp lệ.')), null)

export const NewUserSchema = v.pipe(
  v.object({
    username: v.pipe(
      v.string('Tên đăng nhập là bắt buộc.'),
      v.trim(),
      v.toLowerCase(),
      v.regex(/^[a-z0-9_.-]{3,64}$/, 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.'),
    ),
    displayName: requiredText(120, 'Họ tên không được để trống.'),
    password,
    roles,
    agencyCode,
  }),
  v.forward(
    v.check((u) => !u.roles.includes('co_quan') || Boolean(u.agencyCode), 'Tài khoản cơ quan tiếp nhận phải gắn với một cơ quan.'),
    ['agencyCode'],
  ),
)

/** A partial update; rules across fields are checked against the merged account (userUpdateProblems). */
export const UserUpdateSchema = v.object({
  displayName: v.optional(requiredText(120, 'Họ tên không được để trống.')),
  password: v.optional(password),
  roles: v.optional(roles),
  agencyCode: v.optional(v.nullable(code('Mã cơ quan không hợp lệ.'))),
  active: v.optional(v.boolean('Trạng thái phải là true hoặc false.')),
})
