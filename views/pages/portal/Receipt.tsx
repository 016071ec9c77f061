/**
 * The receipt: code, access key (shown this once), date, what happens next and a QR code that
 * opens the status page. Prints on one page without the site's header and footer.
 */
import { QrCode } from '../../components/QrCode.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { viDate } from './kinds.ts'

export interface ReceiptView {
  /** Who received it (printed on the receipt: the page header is not). */
  boardName: string
  code: string
  accessKey: string
  receivedAt: string
  kindLabel: string
  dueDate: string | null
  dueDateMeaning: string | null
  anonymous: boolean
  attachmentCount: number
  statusUrl: string
  qr: { size: number; path: string }
  /** The same submission arrived again (double click, reload): nothing new was created. */
  replayed: boolean
}

export const ReceiptPage = ({ r }: { r: ReceiptView }) => (
  <Layout title="Biên nhận đơn">
    <div class="receipt-page">
      <h1>Đã nhận đơn của bạn</h1>
      {r.replayed ? (
        <div class="flash flash--info" role="status">
          Đơn này đã được nhận trước đó; đây là biên nhận của lần gửi ấy. Không có đơn mới nào được tạo thêm.
        </div>
      ) : null}
      <section class="receipt" aria-labelledby="receipt-title">
        <h2 id="receipt-title" class="receipt__title">
          Biên nhận đơn gửi trực tuyến
        </h2>
        <p class="receipt__board">{r.boardName}</p>
        <dl class="receipt__facts">
          <dt>Mã đơn</dt>
          <dd>
            <strong class="code" id="receipt-code">
              {r.code}
            </strong>
          </dd>
          <dt>Mã tra cứu</dt>
          <dd>
            <strong class="code" id="receipt-key">
              {r.accessKey}
            </strong>
          </dd>
          <dt>Loại đơn</dt>
          <dd>{r.kindLabel}</dd>
          <dt>Ngày nhận</dt>
          <dd>{viDate(r.receivedAt)}</dd>
          {r.dueDate ? (
            <>
              <dt>Hạn xử lý</dt>
              <dd>
                {viDate(r.dueDate)}
                {r.dueDateMeaning ? <span class="muted"> — {r.dueDateMeaning.toLowerCase()}</span> : null}
              </dd>
            </>
          ) : null}
          <dt>Tệp đính kèm</dt>
          <dd>{r.attachmentCount > 0 ? `${r.attachmentCount} tệp` : 'Không có'}</dd>
        </dl>
        <div class="receipt__qr">
          <QrCode size={r.qr.size} path={r.qr.path} id="receipt-qr" title="Mã QR mở trang tình trạng đơn" />
          <p class="receipt__qr-caption">Quét mã QR để xem tình trạng đơn.</p>
        </div>
        <p class="receipt__link">
          Hoặc mở: <a href={r.statusUrl}>{r.statusUrl}</a>
        </p>
      </section>

      <div class="flash flash--warning receipt__keep" role="note">
        <strong>Hãy lưu lại biên nhận này</strong> (in, chụp màn hình hoặc ghi lại hai mã). Mã tra cứu chỉ hiện một lần: hệ thống
        không lưu mã này nên không thể cấp lại.
        {r.anonymous ? (
          <>
            {' '}
            Vì bạn tố cáo không nêu tên, cơ quan không thể liên hệ với bạn: <strong>biên nhận này là cách duy nhất</strong> để theo
            dõi đơn.
          </>
        ) : null}
      </div>

      <section aria-labelledby="next-title">
        <h2 id="next-title">Tiếp theo là gì?</h2>
        <ol class="steps">
          <li>Cán bộ tiếp công dân phân loại đơn và quyết định cách xử lý{r.dueDate ? ` trước ngày ${viDate(r.dueDate)}` : ''}.</li>
          <li>
            Nếu đơn thuộc thẩm quyền, cơ quan nhận giải quyết; nếu không, đơn được hướng dẫn hoặc chuyển đến cơ quan có thẩm quyền.
            {r.anonymous ? null : ' Thông báo được gửi về địa chỉ bạn đã ghi.'}
          </li>
          <li>
            Bạn xem tình trạng đơn ở trang <a href="/tra-cuu">Tra cứu đơn</a> bằng mã đơn và mã tra cứu, hoặc quét mã QR.
          </li>
        </ol>
      </section>

      <p class="actions no-print">
        <button type="button" class="button button--secondary" data-print hidden>
          In biên nhận
        </button>
        <a class="button button--secondary" href="/">
          Về trang chủ
        </a>
      </p>
      <script src="/static/js/print.js" defer></script>
    </div>
  </Layout>
)
