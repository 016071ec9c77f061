/** Any staff member: change one's own password. */
import { CsrfField, ErrorSummary, Field, Flash, type Errors } from '../components/forms.tsx'
import { Layout } from '../layouts/Layout.tsx'

export const AccountPage = ({ errors = {}, flash }: { errors?: Errors; flash?: string | null }) => (
  <Layout title="Đổi mật khẩu" staff>
    <div class="narrow">
      <h1>Đổi mật khẩu</h1>
      <Flash message={flash} />
      <ErrorSummary errors={errors} />
      <form method="post" action="/can-bo/tai-khoan" class="form" novalidate>
        <CsrfField />
        <Field name="current" label="Mật khẩu hiện tại" type="password" autocomplete="current-password" error={errors.current} required />
        <Field name="password" label="Mật khẩu mới" type="password" hint="Ít nhất 10 ký tự." autocomplete="new-password" error={errors.password} required />
        <Field name="confirm" label="Nhập lại mật khẩu mới" type="password" autocomplete="new-password" error={errors.confirm} required />
        <button type="submit" class="button">
          Đổi mật khẩu
        </button>
      </form>
      <p class="muted">Sau khi đổi, các phiên đăng nhập khác của tài khoản sẽ bị đăng xuất.</p>
    </div>
  </Layout>
)
