/** Admin: staff accounts and their roles. */
import type { Agency } from '../../../src/domain/agency.ts'
import { ROLES, type Role } from '../../../src/domain/codes.ts'
import type { User } from '../../../src/db/users.ts'
import { CsrfField, ErrorSummary, Field, Flash, Select, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export interface UserForm {
  username: string
  displayName: string
  roles: string[]
  agencyCode: string
  active: boolean
}

export const emptyUserForm: UserForm = { username: '', displayName: '', roles: [], agencyCode: '', active: true }

const RoleBoxes = ({ selected, error }: { selected: readonly string[]; error?: string | undefined }) => (
  <fieldset class={error ? 'field--error' : undefined}>
    <legend>Vai trò</legend>
    {error ? <p class="field-error">{error}</p> : null}
    {(Object.entries(ROLES) as Array<[Role, string]>).map(([value, label]) => (
      <label class="checkbox">
        <input type="checkbox" name="roles" value={value} checked={selected.includes(value)} /> {label}
      </label>
    ))}
  </fieldset>
)

const agencyOptions = (agencies: readonly Agency[]) =>
  agencies.filter((a) => a.active !== false).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))

interface ListProps {
  users: readonly User[]
  agencies: readonly Agency[]
  form: UserForm
  errors?: Errors
  flash?: string | null
}

export const UsersPage = ({ users, agencies, form, errors = {}, flash }: ListProps) => {
  const agencyName = new Map(agencies.map((a) => [a.code, a.name]))
  return (
    <Layout title="Tài khoản cán bộ" staff>
      <h1>Tài khoản cán bộ</h1>
      <Flash message={flash} />
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Họ tên</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr class={u.active ? undefined : 'row--inactive'}>
                <td>
                  <a href={`/can-bo/quan-tri/tai-khoan/${u.id}`}>{u.username}</a>
                </td>
                <td>{u.displayName}</td>
                <td>{u.roles.map((r) => ROLES[r]).join(', ')}</td>
                <td>{u.agencyCode ? (agencyName.get(u.agencyCode) ?? u.agencyCode) : ''}</td>
                <td>{u.active ? 'Đang hoạt động' : 'Đã khóa'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="tao-tai-khoan">Tạo tài khoản</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action="/can-bo/quan-tri/tai-khoan" class="form" novalidate>
        <CsrfField />
        <div class="grid-2">
          <Field name="username" label="Tên đăng nhập" value={form.username} error={errors.username} required autocomplete="off" />
          <Field name="displayName" label="Họ tên" value={form.displayName} error={errors.displayName} required />
        </div>
        <Field name="password" label="Mật khẩu ban đầu" type="password" hint="Ít nhất 10 ký tự." error={errors.password} required autocomplete="new-password" />
        <RoleBoxes selected={form.roles} error={errors.roles} />
        <Select
          name="agencyCode"
          label="Cơ quan"
          hint="Bắt buộc với tài khoản cơ quan tiếp nhận: người dùng chỉ thấy đơn chuyển đến cơ quan này."
          options={agencyOptions(agencies)}
          value={form.agencyCode}
          emptyLabel="— Không gắn cơ quan —"
          error={errors.agencyCode}
        />
        <button type="submit" class="button">
          Tạo tài khoản
        </button>
      </form>
    </Layout>
  )
}

interface EditProps {
  user: User
  agencies: readonly Agency[]
  form: UserForm
  errors?: Errors
}

export const UserEditPage = ({ user, agencies, form, errors = {} }: EditProps) => (
  <Layout title={`Tài khoản ${user.username}`} staff>
    <p>
      <a href="/can-bo/quan-tri/tai-khoan">← Tài khoản cán bộ</a>
    </p>
    <h1>Tài khoản {user.username}</h1>
    <ErrorSummary errors={errors} />
    <form method="post" action={`/can-bo/quan-tri/tai-khoan/${user.id}`} class="form" novalidate>
      <CsrfField />
      <Field name="displayName" label="Họ tên" value={form.displayName} error={errors.displayName} required />
      <RoleBoxes selected={form.roles} error={errors.roles} />
      <Select name="agencyCode" label="Cơ quan" options={agencyOptions(agencies)} value={form.agencyCode} emptyLabel="— Không gắn cơ quan —" error={errors.agencyCode} />
      <Field name="password" label="Đặt lại mật khẩu" type="password" hint="Để trống nếu không đổi. Đổi mật khẩu sẽ đăng xuất mọi phiên của tài khoản này." error={errors.password} autocomplete="new-password" />
      <label class={`checkbox${errors.active ? ' field--error' : ''}`}>
        <input type="checkbox" name="active" value="1" checked={form.active} /> Đang hoạt động (bỏ chọn để khóa tài khoản)
      </label>
      {errors.active ? <p class="field-error">{errors.active}</p> : null}
      <div class="actions">
        <button type="submit" class="button">
          Lưu thay đổi
        </button>
      </div>
    </form>
  </Layout>
)
