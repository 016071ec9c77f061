/** Error pages in plain Vietnamese: what happened and what to do next. */
import { Layout } from '../layouts/Layout.tsx'

const TEXT: Record<number, { title: string; body: string }> = {
  400: { title: 'Yêu cầu không hợp lệ', body: 'Dữ liệu gửi lên không đọc được. Vui lòng quay lại và thử lại.' },
  403: { title: 'Không có quyền truy cập', body: 'Tài khoản của bạn không có quyền xem trang này.' },
  404: { title: 'Không tìm thấy trang', body: 'Địa chỉ này không tồn tại hoặc đã được thay đổi.' },
  413: { title: 'Dữ liệu quá lớn', body: 'Nội dung hoặc tệp gửi lên vượt quá dung lượng cho phép.' },
  500: { title: 'Hệ thống gặp sự cố', body: 'Đã có lỗi ngoài ý muốn. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại sau ít phút.' },
}

export const ErrorPage = ({ status, message, staff = false }: { status: number; message?: string | undefined; staff?: boolean }) => {
  const text = TEXT[status] ?? TEXT[400]!
  return (
    <Layout title={text.title} staff={staff}>
      <div class="narrow">
        <h1>{text.title}</h1>
        <p>{message ?? text.body}</p>
        <p>
          <a href={staff ? '/can-bo' : '/'}>Về trang chủ</a>
        </p>
      </div>
    </Layout>
  )
}
