/** Staff sign-in. */
import { CsrfField, ErrorSummary, Field } from '../components/forms.tsx'
import { Layout } from '../layouts/Layout.tsx'

interface LoginProps {
  username?: string
  next?: string
  error?: string
}

export const LoginPage = ({ username = '', next = '', error }: LoginProps) => (
  <Layout title="Đăng nhập" staff>
    <div class="narrow">
      <h1>Đăng nhập cán bộ</h1>
      {error ? <ErrorSummary errors={{ username: error }} /> : null}
      <form method="post" action="/dang-nhap" class="form" novalidate>
        <CsrfField />
        <input type="hidden" name="next" value={next} />
        <Field name="username" label="Tên đăng nhập" value={username} autocomplete="username" required error={error ? ' ' : undefined} />
        <Field name="password" label="Mật khẩu" type="password" autocomplete="current-password" required />
        <button type="submit" class="button">
          Đăng nhập
        </button>
      </form>
      <p class="muted">Quên mật khẩu? Liên hệ quản trị hệ thống của đơn vị để được cấp lại.</p>
    </div>
  </Layout>
)
