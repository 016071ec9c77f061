/**
 * Looking a letter up by code and access key, and its status: stage, outcome and what it
 * means, competent agency, due date. Never the content, never who sent it (RULES.md §6).
 */
import { ErrorSummary, Field, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { viDate } from './kinds.ts'

export interface StatusView {
  codeFormatted: string
  receivedAt: string
  contentTypeLabel: string
  statusLabel: string
  outcomeLabel: string | null
  outcomeMeaning: string | null
  competentAgency: { code: string; name: string } | null
  dueDate: string | null
  dueDateMeaning: string | null
}

interface LookupProps {
  code: string
  accessKey: string
  errors?: Errors
  /** Nothing matches this code and key (the same answer whether the code exists or not). */
  notFound?: boolean
  /** Too many look-ups from this address. */
  notice?: string | null
}

const LookupForm = ({ code, accessKey, errors = {} }: LookupProps) => (
  <form method="get" action="/tra-cuu" class="form lookup-form" novalidate>
    <Field name="ma" label="Mã đơn" value={code} error={errors.ma} hint="8 ký tự trên biên nhận, ví dụ K7M2-Q9XD." autocomplete="off" width="medium" required />
    <Field name="khoa" label="Mã tra cứu" value={accessKey} error={errors.khoa} hint="12 ký tự trên biên nhận, ví dụ ABCD-EFGH-JKLM." autocomplete="off" width="medium" required />
    <button type="submit" class="button">
      Tra cứu
    </button>
  </form>
)

export const LookupPage = (p: LookupProps) => (
  <Layout title="Tra cứu đơn">
    <div class="narrow">
      <h1>Tra cứu tình trạng đơn</h1>
      <p>Nhập mã đơn và mã tra cứu in trên biên nhận, hoặc quét mã QR trên biên nhận.</p>
      {p.notice ? (
        <div class="flash flash--warning" role="alert">
          {p.notice}
        </div>
      ) : null}
      {p.notFound ? (
        <div class="flash flash--warning" role="alert">
          Không tìm thấy đơn khớp với mã đơn và mã tra cứu đã nhập. Vui lòng kiểm tra lại từng ký tự trên biên nhận.
        </div>
      ) : null}
      <ErrorSummary errors={p.errors ?? {}} />
      <LookupForm {...p} />
    </div>
  </Layout>
)

/** Every outcome a letter can get, in plain words (RULES.md §1). */
export type OutcomeGuide = ReadonlyArray<{ label: string; meaning: string }>

export const StatusPage = ({ s, outcomes }: { s: StatusView; outcomes: OutcomeGuide }) => (
  <Layout title="Tình trạng đơn">
    <div class="narrow">
      <h1>Tình trạng đơn</h1>
      <dl class="status-facts">
        <dt>Mã đơn</dt>
        <dd>
          <strong class="code">{s.codeFormatted}</strong>
        </dd>
        <dt>Loại đơn</dt>
        <dd>{s.contentTypeLabel}</dd>
        <dt>Ngày nhận</dt>
        <dd>{viDate(s.receivedAt)}</dd>
        <dt>Giai đoạn</dt>
        <dd id="status-stage">{s.statusLabel}</dd>
        <dt>Kết quả xử lý</dt>
        <dd id="status-outcome">{s.outcomeLabel ?? 'Chưa có — đơn đang được xem xét.'}</dd>
        {s.competentAgency ? (
          <>
            <dt>Cơ quan có thẩm quyền</dt>
            <dd id="status-agency">{s.competentAgency.name}</dd>
          </>
        ) : null}
        {s.dueDate ? (
          <>
            <dt>Hạn</dt>
            <dd id="status-due">
              {viDate(s.dueDate)}
              {s.dueDateMeaning ? <span class="muted"> — {s.dueDateMeaning.toLowerCase()}</span> : null}
            </dd>
          </>
        ) : s.dueDateMeaning ? (
          <>
            <dt>Hạn</dt>
            <dd id="status-due">{s.dueDateMeaning}</dd>
          </>
        ) : null}
      </dl>
      {s.outcomeMeaning ? (
        <section class="panel" aria-labelledby="meaning-title">
          <h2 id="meaning-title">Kết quả này nghĩa là gì?</h2>
          <p>{s.outcomeMeaning}</p>
        </section>
      ) : (
        <p>
          Cán bộ đang phân loại đơn và sẽ quyết định cách xử lý{s.dueDate ? ` trước ngày ${viDate(s.dueDate)}` : ''}. Hãy quay lại trang
          này sau.
        </p>
      )}
      <details class="outcome-guide">
        <summary>Các kết quả xử lý đơn có thể có và ý nghĩa</summary>
        <dl>
          {outcomes.map((o) => (
            <>
              <dt>{o.label}</dt>
              <dd>{o.meaning}</dd>
            </>
          ))}
        </dl>
      </details>
      <p class="muted">Vì lý do bảo mật, trang này không hiển thị nội dung đơn và thông tin người gửi.</p>
      <p class="actions">
        <a class="button button--secondary" href="/tra-cuu">
          Tra cứu đơn khác
        </a>
        <a class="button button--secondary" href="/">
          Về trang chủ
        </a>
      </p>
    </div>
  </Layout>
)
