/** The workspace start page: what is waiting for this user, and where to go. */
import { ROLES } from '../../src/domain/codes.ts'
import { can } from '../../src/domain/permissions.ts'
import { usePage } from '../context.ts'
import { Layout } from '../layouts/Layout.tsx'

export interface WorkCount {
  label: string
  count: number
  href: string
  /** Shown in the warning colour when not zero (overdue work). */
  urgent?: boolean
}

interface StaffHomeProps {
  agencyCount: number
  homeAgencyName: string | null
  /** The triage queue's tabs that need attention (roles that see letters). */
  letters: WorkCount[]
  /** Visits recorded today (roles that receive citizens). */
  visitsToday: number | null
  /** Items sent to the user's agency and not yet answered (receiving-agency users). */
  inbox: number | null
}

const Count = ({ item }: { item: WorkCount }) => (
  <li>
    <a href={item.href} class={item.urgent && item.count > 0 ? 'work-count work-count--urgent' : 'work-count'}>
      <strong>{item.count.toLocaleString('vi-VN')}</strong> {item.label}
    </a>
  </li>
)

export const StaffHomePage = ({ agencyCount, homeAgencyName, letters, visitsToday, inbox }: StaffHomeProps) => {
  const { user } = usePage()
  if (!user) return null
  return (
    <Layout title="Tổng quan" staff>
      <h1>Xin chào, {user.displayName}</h1>
      <p class="muted">Vai trò: {user.roles.map((r) => ROLES[r]).join(', ')}</p>
      <div class="cards">
        {letters.length > 0 ? (
          <section class="card">
            <h2>Đơn thư</h2>
            <ul class="work-list">
              {letters.map((item) => (
                <Count item={item} />
              ))}
            </ul>
            {can(user.roles, 'register_letter') ? (
              <p>
                <a class="button" href="/can-bo/don/moi">
                  Vào sổ đơn mới
                </a>
              </p>
            ) : null}
          </section>
        ) : null}
        {visitsToday !== null ? (
          <section class="card">
            <h2>Tiếp công dân</h2>
            <p>
              <a href="/can-bo/tiep-dan">
                <strong>{visitsToday}</strong> lượt tiếp hôm nay
              </a>
            </p>
            {can(user.roles, 'record_reception') ? (
              <p>
                <a class="button" href="/can-bo/tiep-dan/moi">
                  Ghi lượt tiếp
                </a>
              </p>
            ) : null}
          </section>
        ) : null}
        {inbox !== null ? (
          <a class="card card--link" href="/can-bo/co-quan">
            <h2>Đơn được chuyển đến</h2>
            <p>
              <strong>{inbox}</strong> đơn chưa có văn bản phúc đáp.
            </p>
          </a>
        ) : null}
        {can(user.roles, 'view_reports') ? (
          <a class="card card--link" href="/can-bo/bao-cao">
            <h2>Báo cáo</h2>
            <p>Số liệu tiếp công dân, xử lý đơn theo kỳ báo cáo; biểu mẫu, xuất Excel.</p>
          </a>
        ) : null}
        {can(user.roles, 'manage_agencies') ? (
          <a class="card card--link" href="/can-bo/quan-tri/co-quan">
            <h2>Danh bạ cơ quan</h2>
            <p>{agencyCount} cơ quan, đơn vị. Xem, sửa, nhập từ tệp CSV/JSON.</p>
          </a>
        ) : null}
        {can(user.roles, 'manage_settings') ? (
          <a class="card card--link" href="/can-bo/quan-tri/cai-dat">
            <h2>Cài đặt</h2>
            <p>Cơ quan chủ quản: {homeAgencyName ?? 'chưa chọn'}. Lịch nghỉ lễ, ngày làm bù, thời hạn, quy ước.</p>
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
