/** The public start page (the citizen portal issue fills it with the online forms). */
import { Layout } from '../layouts/Layout.tsx'

const KINDS = [
  {
    title: 'Khiếu nại',
    text: 'Khi bạn cho rằng một quyết định hoặc hành vi hành chính của cơ quan, cán bộ nhà nước xâm phạm quyền, lợi ích hợp pháp của chính bạn.',
    example: 'Ví dụ: không đồng ý với quyết định thu hồi đất, bồi thường chưa thỏa đáng.',
  },
  {
    title: 'Tố cáo',
    text: 'Khi bạn biết một cán bộ, cơ quan, tổ chức hoặc cá nhân có hành vi vi phạm pháp luật. Danh tính người tố cáo được pháp luật bảo vệ.',
    example: 'Ví dụ: cán bộ nhận tiền để giải quyết hồ sơ, doanh nghiệp xả thải trái phép.',
  },
  {
    title: 'Kiến nghị',
    text: 'Khi bạn muốn đề xuất với cơ quan nhà nước về một vấn đề liên quan đến quản lý, chính sách.',
    example: 'Ví dụ: đề nghị lắp đèn chiếu sáng, sửa chữa tuyến đường xuống cấp.',
  },
  {
    title: 'Phản ánh',
    text: 'Khi bạn muốn cho cơ quan nhà nước biết một sự việc, vướng mắc hoặc hành vi chưa đúng.',
    example: 'Ví dụ: rác thải tồn đọng, thủ tục hành chính rườm rà.',
  },
]

export const HomePage = ({ boardName }: { boardName: string }) => (
  <Layout title="Trang chủ">
    <section class="hero">
      <h1>{boardName}</h1>
      <p class="lead">
        Nơi tiếp nhận khiếu nại, tố cáo, kiến nghị, phản ánh của công dân. Mỗi đơn được ghi nhận, phân loại theo quy định
        của pháp luật và trả lời trong thời hạn luật định.
      </p>
    </section>
    <section aria-labelledby="kinds-title">
      <h2 id="kinds-title">Bạn muốn gửi gì?</h2>
      <div class="cards">
        {KINDS.map((k) => (
          <article class="card">
            <h3>{k.title}</h3>
            <p>{k.text}</p>
            <p class="muted">{k.example}</p>
          </article>
        ))}
      </div>
    </section>
    <section class="panel">
      <h2>Đến trực tiếp</h2>
      <p>
        Công dân có thể đến trụ sở tiếp công dân vào các ngày làm việc trong tuần. Khi đến, vui lòng mang theo căn cước
        (hoặc giấy chứng nhận căn cước, hộ chiếu) và giấy ủy quyền hợp pháp nếu đi thay người khác.
      </p>
    </section>
  </Layout>
)
