/**
 * A leader's session (/can-bo/tiep-dan/ky/:id): one leader on one day, its visits, and its end —
 * the leader's conclusion, issued as the "Thông báo kết luận việc tiếp công dân" (NĐ 154/2026
 * Art. 25–27). The conclusion is written once.
 */
import { vnDateOf } from '../../../src/domain/calendar.ts'
import { can } from '../../../src/domain/permissions.ts'
import type { SessionView } from '../../../src/http/receptions.ts'
import { usePage } from '../../context.ts'
import { CsrfField, ErrorSummary, TextArea, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { code8, contentLabel, handlingLabel, kindLabel, letterHref, viDate, visitDocumentHref, visitHref } from './labels.ts'

interface Props {
  view: SessionView
  threshold: number
  conclusion: string
  errors: Errors
  flash?: string | null
  notice?: string | null
}

export const SessionPage = ({ view, threshold, conclusion, errors, flash, notice }: Props) => {
  const { user } = usePage()
  const s = view.session
  const action = `/can-bo/tiep-dan/ky/${encodeURIComponent(s.id)}`
  return (
    <Layout title={`Kỳ tiếp ngày ${viDate(s.date)}`} staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/can-bo/tiep-dan">Sổ tiếp công dân</a> › <span aria-current="page">Kỳ tiếp ngày {viDate(s.date)}</span>
      </nav>
      <h1>
        {kindLabel(s.kind)} ngày {viDate(s.date)}
      </h1>
      {flash ? (
        <div class="flash flash--success" role="status" id="flash">
          {flash}
        </div>
      ) : null}
      {notice ? (
        <div class="flash flash--warning" role="alert">
          {notice}
        </div>
      ) : null}
      <dl class="facts">
        <dt>Lãnh đạo chủ trì</dt>
        <dd id="session-host">
          {s.hostName}
          {s.delegated ? ' (người được ủy quyền tiếp)' : ''}
        </dd>
        <dt>Đã tiếp</dt>
        <dd id="session-counts">
          {view.visits.length} lượt, {view.persons} người, {view.matters} vụ việc
        </dd>
      </dl>
      <h2>Các lượt tiếp</h2>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Người đến</th>
              <th scope="col" class="num">Số người</th>
              <th scope="col">Nội dung</th>
              <th scope="col">Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {view.visits.map((v) => (
              <tr data-visit={v.id}>
                <td>
                  <a href={visitHref(v.id)}>
                    {v.visitors.length > 0 ? v.visitors.map((p) => p.name).join(', ') : 'Người tố cáo — thông tin được giữ bí mật'}
                  </a>
                </td>
                <td class="num">
                  {v.persons}
                  {v.persons >= threshold ? <span class="badge badge--warn">đoàn đông người</span> : null}
                </td>
                <td>
                  <span class="badge">{contentLabel(v.contentType)}</span> {v.summary}
                  {v.matterCode ? <div class="muted small">Vụ việc {code8(v.matterCode)}</div> : null}
                </td>
                <td>
                  {handlingLabel(v.handling)}
                  {v.letterId ? (
                    <div class="small">
                      <a href={letterHref(v.letterId)}>Đơn {code8(v.letterCode)}</a>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Kết luận của lãnh đạo</h2>
      {s.conclusion !== null ? (
        <section class="panel" id="conclusion">
          {s.conclusion.split(/\r?\n/).filter(Boolean).map((line) => (
            <p>{line}</p>
          ))}
          <p class="muted">Kết luận ngày {s.concludedAt ? viDate(vnDateOf(new Date(s.concludedAt))) : ''}.</p>
          {view.notice ? (
            <p>
              <a href={visitDocumentHref(view.notice.receptionId, view.notice.id)} id="conclusion-notice">
                {view.notice.model.title}
              </a>
            </p>
          ) : null}
        </section>
      ) : user && can(user.roles, 'record_reception') ? (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={action} class="form" novalidate>
            <CsrfField />
            <TextArea
              name="conclusion"
              label="Nội dung kết luận"
              value={conclusion}
              error={errors.conclusion}
              rows={8}
              hint="Ý kiến chỉ đạo của lãnh đạo đối với từng vụ việc, mỗi ý một dòng. Khi lưu, hệ thống lập Thông báo kết luận việc tiếp công dân; kết luận không sửa được sau khi lưu."
              required
            />
            <div class="actions">
              <button type="submit" class="button">
                Lưu kết luận và lập thông báo
              </button>
            </div>
          </form>
        </>
      ) : (
        <p class="muted">Chưa có kết luận.</p>
      )}
    </Layout>
  )
}
