/**
 * One visit (/can-bo/tiep-dan/:id): what was recorded, who came (or that a denouncer's identity
 * is withheld from this viewer), the letter it produced, its matter and session, and its
 * documents — the refusal notice with its due date, the receipt.
 */
import { vnDateOf } from '../../../src/domain/calendar.ts'
import { can } from '../../../src/domain/permissions.ts'
import { ID_KINDS, groundByCode, type IdKind } from '../../../src/domain/reception.ts'
import type { VisitView } from '../../../src/http/receptions.ts'
import { usePage } from '../../context.ts'
import { Layout } from '../../layouts/Layout.tsx'
import { LETTER_STATUSES_SHORT } from '../letters/labels.ts'
import { code8, contentLabel, fieldName, formLabel, handlingLabel, kindLabel, letterHref, matterHref, sessionHref, viDate, visitDocumentHref } from './labels.ts'

export const VisitPage = ({ view, flash }: { view: VisitView; flash?: string | null }) => {
  const { user } = usePage()
  const v = view.visit
  const ground = groundByCode(v.refusalGround)
  return (
    <Layout title={`Lượt tiếp ngày ${viDate(v.date)}`} staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/can-bo/tiep-dan">Sổ tiếp công dân</a> › <span aria-current="page">Lượt tiếp ngày {viDate(v.date)}</span>
      </nav>
      <h1>Lượt tiếp ngày {viDate(v.date)}</h1>
      {flash ? (
        <div class="flash flash--success" role="status" id="flash">
          {flash}
        </div>
      ) : null}
      <dl class="facts">
        <dt>Hình thức tiếp</dt>
        <dd>
          {kindLabel(v.kind)}
          {v.sessionId ? (
            <>
              {' '}
              — <a href={sessionHref(v.sessionId)}>{v.hostName ?? 'kỳ tiếp'}</a>
              {v.delegated ? ' (người được ủy quyền)' : ''}
            </>
          ) : null}
        </dd>
        <dt>Cách thức</dt>
        <dd>{formLabel(v.form)}</dd>
        <dt>Số người</dt>
        <dd id="visit-persons">
          {v.persons}
          {view.largeGroup ? <span class="badge badge--warn">đoàn đông người</span> : null}
        </dd>
        <dt>Vụ việc</dt>
        <dd>
          <a href={matterHref(v.matterId)} id="matter-link">
            {code8(v.matterCode)}
          </a>
        </dd>
        <dt>Phân loại</dt>
        <dd>
          {contentLabel(v.contentType)}
          {v.field ? ` · ${fieldName(v.field)}` : ''}
        </dd>
        <dt>Nội dung</dt>
        <dd>{v.summary ?? <span class="muted">Không ghi</span>}</dd>
        {v.resolvedBy ? (
          <>
            <dt>Cơ quan đã giải quyết</dt>
            <dd>{v.resolvedBy}</dd>
          </>
        ) : null}
        <dt>Kết quả tiếp</dt>
        <dd id="visit-handling">
          {handlingLabel(v.handling) || <span class="muted">Không ghi</span>}
          {v.handledTo ? ` — ${v.handledTo}` : ''}
          {v.handledRef ? ` (văn bản số ${v.handledRef})` : ''}
          {v.handling === 'tu_choi' ? <div>Lý do: {ground ? `${ground.label} (${ground.basis})` : (v.refusalGround ?? '')}</div> : null}
        </dd>
        {view.letter ? (
          <>
            <dt>Đơn</dt>
            <dd>
              <a href={letterHref(view.letter.id)} id="letter-link">
                Đơn {code8(view.letter.code)}
              </a>{' '}
              — {LETTER_STATUSES_SHORT[view.letter.status] ?? view.letter.status}
            </dd>
          </>
        ) : null}
        <dt>Người ghi</dt>
        <dd>
          {v.createdByName ?? ''} · {viDate(vnDateOf(new Date(v.createdAt)))}
        </dd>
      </dl>

      <h2>Người đến</h2>
      {view.identityShown ? (
        <div class="table-wrap">
          <table class="table" id="visitors-table">
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Địa chỉ</th>
                <th scope="col">Giấy tờ</th>
                <th scope="col">Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {v.visitors.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{p.address ?? ''}</td>
                  <td>
                    {p.idNumber ?? ''}
                    {p.idKind ? <div class="muted small">{ID_KINDS[p.idKind as IdKind] ?? p.idKind}</div> : null}
                  </td>
                  <td>
                    {p.representative ? 'Người đại diện' : ''}
                    {p.authorisation ? `${p.representative ? '; ' : ''}Ủy quyền: ${p.authorisation}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="flash flash--info" id="identity-hidden">
          Thông tin người tố cáo được giữ bí mật (Điều 56 Luật Tố cáo): tài khoản của bạn không có quyền xem.
        </p>
      )}

      <h2>Văn bản</h2>
      {view.refusalNoticeDue ? (
        <p id="refusal-due">
          Thông báo từ chối tiếp công dân phải ban hành chậm nhất ngày <strong>{viDate(view.refusalNoticeDue)}</strong> (03 ngày làm việc, khoản 3 Điều 4 Nghị
          định 154/2026/NĐ-CP).
        </p>
      ) : null}
      {view.documents.length === 0 ? (
        <p class="muted">Lượt tiếp này không có văn bản.</p>
      ) : (
        <ul id="visit-documents">
          {view.documents.map((d) => (
            <li>
              <a href={visitDocumentHref(v.id, d.id)}>{d.model.title}</a>
              {d.model.form ? ` (${d.model.form})` : ''} · lập ngày {viDate(d.issuedOn)}
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {user && can(user.roles, 'record_reception') ? (
          <a class="button" href={`/can-bo/tiep-dan/moi?vu-viec=${encodeURIComponent(v.matterId)}`} id="visit-again">
            Ghi lượt tiếp mới cho vụ việc này
          </a>
        ) : null}
        <a class="button button--secondary" href="/can-bo/tiep-dan">
          Về sổ tiếp công dân
        </a>
      </div>
    </Layout>
  )
}
