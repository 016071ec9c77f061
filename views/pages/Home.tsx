/**
 * The public start page: the four kinds of letter in plain words, what each needs, what
 * happens next and the legal deadlines (from the deadline table in settings), then the forms.
 */
import type { DeadlineSetting } from '../../src/domain/deadline-table.ts'
import { Layout } from '../layouts/Layout.tsx'
import { PORTAL_KINDS, deadlineText, type PortalKind } from './portal/kinds.ts'

const ORDER: PortalKind[] = ['khieu-nai', 'to-cao', 'kien-nghi', 'phan-anh']

export const HomePage = ({ boardName, deadlines }: { boardName: string; deadlines: readonly DeadlineSetting[] }) => (
  <Layout title="Trang chủ">
    <section class="hero">
      <h1>{boardName}</h1>
      <p class="lead">
        Nơi tiếp nhận khiếu nại, tố cáo, kiến nghị, phản ánh của công dân. Bạn có thể gửi đơn ngay trên điện thoại, không cần
        tài khoản, và theo dõi kết quả bằng mã trên biên nhận.
      </p>
      <p class="actions">
        <a class="button" href="#kinds-title">
          Gửi đơn trực tuyến
        </a>
        <a class="button button--secondary" href="/tra-cuu">
          Tra cứu đơn đã gửi
        </a>
      </p>
    </section>

    <section aria-labelledby="kinds-title">
      <h2 id="kinds-title">Bạn muốn gửi gì?</h2>
      <div class="cards">
        {ORDER.map((slug) => {
          const k = PORTAL_KINDS[slug]
          return (
            <article class="card kind-card" aria-labelledby={`kind-${slug}`}>
              <h3 id={`kind-${slug}`}>{k.title}</h3>
              <p>{k.text}</p>
              <p class="muted">{k.examples}</p>
              <p class="kind-card__needs-title">Cần có:</p>
              <ul class="kind-card__needs">
                {k.needs.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
              <a class="button kind-card__go" href={`/gui-don/${slug}`}>
                {k.formTitle}
              </a>
            </article>
          )
        })}
      </div>
    </section>

    <section class="panel" aria-labelledby="next-title">
      <h2 id="next-title">Sau khi gửi đơn</h2>
      <ol class="steps">
        <li>
          Bạn nhận ngay <strong>biên nhận</strong> có mã đơn, mã tra cứu và mã QR. Hãy lưu hoặc in lại: mã tra cứu chỉ hiện một lần.
        </li>
        <li>
          Trong <strong>{deadlineText(deadlines, 'D1')}</strong> kể từ ngày nhận, cơ quan phân loại và quyết định cách xử lý đơn:
          nhận giải quyết nếu thuộc thẩm quyền, hướng dẫn hoặc chuyển đơn đến nơi có thẩm quyền, hoặc lưu đơn nếu chưa đủ điều kiện.
        </li>
        <li>
          <strong>Khiếu nại</strong> thuộc thẩm quyền được thụ lý hoặc thông báo không thụ lý trong {deadlineText(deadlines, 'D2')}.
        </li>
        <li>
          <strong>Tố cáo</strong> được xử lý ban đầu trong {deadlineText(deadlines, 'D8')}; tố cáo không thuộc thẩm quyền được chuyển
          đến cơ quan có thẩm quyền trong {deadlineText(deadlines, 'D9')} và người tố cáo được thông báo.
        </li>
        <li>
          Bạn xem tình trạng đơn bất cứ lúc nào ở trang <a href="/tra-cuu">Tra cứu đơn</a> bằng mã đơn và mã tra cứu.
        </li>
      </ol>
      <p class="muted">Ngày làm việc không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.</p>
    </section>

    <section class="panel" aria-labelledby="visit-title">
      <h2 id="visit-title">Đến trực tiếp</h2>
      <p>
        Công dân có thể đến trụ sở tiếp công dân vào các ngày làm việc trong tuần. Khi đến, vui lòng mang theo căn cước
        (hoặc giấy chứng nhận căn cước, hộ chiếu) và giấy ủy quyền hợp pháp nếu đi thay người khác.
      </p>
    </section>
  </Layout>
)
