/** The workspace start page: what this user can do. */
import { ROLES } from '../../src/domain/codes.ts'
import { can } from '../../src/domain/permissions.ts'
import { usePage } from '../context.ts'
import { Layout } from '../layouts/Layout.tsx'

interface StaffHomeProps {
  agencyCount: number
  homeAgencyName: string | null
}

export const StaffHomePage = ({ agencyCount, homeAgencyName }: StaffHomeProps) => {
  const { user } = usePage()
  if (!user) return null
  return (
    <Layout title="Tổng quan" staff>
      <h1>Xin chào, {user.displayName}</h1>
      <p class="muted">Vai trò: {user.roles.map((r) => ROLES[r]).join(', ')}</p>
      <div class="cards">
        {can(user.roles, 'manage_agencies') ? (
          <a class="card card--link" href="/can-bo/quan-tri/co-quan">
            <h2>Danh bạ cơ quan</h2>
            <p>{agencyCount} cơ quan, đơn vị. Xem, sửa, nhập từ tệp CSV/JSON.</p>
          </a>
        ) : null}
        {can(user.roles, 'manage_settings') ? (
          <a class="card card--link" href="/can-bo/quan-tri/cai-dat">
            <h2>Cài đặt</h2>
            <p>Cơ quan chủ quản: {homeAgencyName ?? 'chưa chọn'}. Lịch nghỉ lễ, ngày làm bù, ngưỡng đoàn đông người.</p>
          </a>
        ) : null}
        {can(user.roles, 'manage_users') ? (
          <a class="card card--link" href="/can-bo/quan-tri/tai-khoan">
            <h2>Tài khoản cán bộ</h2>
            <p>Tạo tài khoản, phân quyền, khóa tài khoản.</p>
          </a>
        ) : null}
      </div>
    </Layout>
  )
}
