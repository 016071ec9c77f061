/** The page shell: header with the board's name and staff navigation, main, footer. */
import type { Child } from 'hono/jsx'
import { can } from '../../src/domain/permissions.ts'
import { usePage } from '../context.ts'

export const HTMX_SRC = '/static/vendor/htmx-4.0.1.min.js'

interface LayoutProps {
  title: string
  children: Child
  /** Staff pages get the workspace navigation. */
  staff?: boolean
}

const NavLink = ({ href, children }: { href: string; children: Child }) => {
  const { path } = usePage()
  const current = path === href || (href !== '/can-bo' && path.startsWith(`${href}/`))
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  )
}

const StaffNav = () => {
  const { user } = usePage()
  if (!user) return null
  return (
    <nav class="staff-nav" aria-label="Chức năng">
      <NavLink href="/can-bo">Tổng quan</NavLink>
      {can(user.roles, 'view_letters') ? <NavLink href="/can-bo/don">Đơn thư</NavLink> : null}
      {can(user.roles, 'view_letters') ? <NavLink href="/can-bo/co-quan/tong-hop">Phúc đáp</NavLink> : null}
      {user.roles.includes('co_quan') ? <NavLink href="/can-bo/co-quan">Đơn được chuyển đến</NavLink> : null}
      {can(user.roles, 'view_letters') ? <NavLink href="/can-bo/tiep-dan">Tiếp công dân</NavLink> : null}
      {can(user.roles, 'view_reports') ? <NavLink href="/can-bo/bao-cao">Báo cáo</NavLink> : null}
      {can(user.roles, 'manage_agencies') ? <NavLink href="/can-bo/quan-tri/co-quan">Danh bạ cơ quan</NavLink> : null}
      {can(user.roles, 'manage_settings') ? <NavLink href="/can-bo/quan-tri/cai-dat">Cài đặt</NavLink> : null}
      {can(user.roles, 'manage_users') ? <NavLink href="/can-bo/quan-tri/tai-khoan">Tài khoản</NavLink> : null}
    </nav>
  )
}

export const Layout = ({ title, children, staff = false }: LayoutProps) => {
  const { user, csrfToken } = usePage()
  return (
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Tiếp công dân`}</title>
        <meta name="htmx-config" content='{"defaultTimeout":15000}' />
        <link rel="stylesheet" href="/static/css/app.css" />
        {/* a real icon: otherwise every phone also fetches /favicon.ico and gets the 404 page */}
        <link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml" />
        <script src={HTMX_SRC} defer></script>
      </head>
      <body {...{ 'hx-headers:inherited': JSON.stringify({ 'X-CSRF-Token': csrfToken }) }}>
        <a class="skip-link" href="#main">
          Bỏ qua, đến nội dung chính
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href={staff ? '/can-bo' : '/'}>
              <span class="brand__emblem" aria-hidden="true">★</span>
              <span>
                <span class="brand__name">Tiếp công dân</span>
                <span class="brand__sub">Tiếp nhận, xử lý khiếu nại, tố cáo, kiến nghị, phản ánh</span>
              </span>
            </a>
            {user ? (
              <div class="account">
                <a class="account__name" href="/can-bo/tai-khoan" title="Đổi mật khẩu">
                  {user.displayName}
                </a>
                <form method="post" action="/dang-xuat" class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" class="link-button">
                    Đăng xuất
                  </button>
                </form>
              </div>
            ) : staff ? null : (
              <a class="account__login" href="/dang-nhap">
                Cán bộ đăng nhập
              </a>
            )}
          </div>
          {staff ? <StaffNav /> : null}
        </header>
        <main id="main" class="container" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            Hệ thống tiếp công dân, xử lý đơn thư · Thông tin người tố cáo được giữ bí mật theo Điều 56 Luật Tố cáo.
          </div>
        </footer>
      </body>
    </html>
  )
}
