/**
 * One forwarded letter as the receiving agency handles it (/can-bo/co-quan/:id): the letter
 * (never a denouncer's identity), the documents addressed to the agency, the forwarding and its
 * follow-ups, "confirm receipt", and the reply form (văn bản phúc đáp: number, date, result).
 * The board sees the same page and may record a reply that came on paper.
 */
import { CHANNELS, CONTENT_TYPES, fieldLabel } from '../../../src/domain/codes.ts'
import { FORWARDING_KINDS, FORWARDING_STATES } from '../../../src/domain/forwarding.ts'
import type { DocumentSummary } from '../../../src/db/documents.ts'
import type { StoredForwarding } from '../../../src/db/forwardings.ts'
import { respondentLine, type Letter, type Sender } from '../../../src/domain/letter.ts'
import { CsrfField, ErrorSummary, Field, Flash, TextArea, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { HIDDEN_IDENTITY, codeOf, viDate, viDateTime } from '../letters/labels.ts'

export interface ForwardingPageProps {
  forwarding: StoredForwarding & { overdue: boolean }
  /** Every forwarding of the letter to this agency (the original and the follow-ups). */
  chain: Array<StoredForwarding & { overdue: boolean }>
  letter: Omit<Letter, 'senders'>
  /** Null when the identity is protected from this viewer (or anonymous). */
  senders: Sender[] | null
  documents: DocumentSummary[]
  agencyName: (code: string | null | undefined) => string | null
  canAcknowledge: boolean
  canReply: boolean
  /** The board's view: a link back to the letter's case page. */
  boardView: boolean
  reply: { values: { number: string; date: string; result: string }; errors: Errors }
  flash: string | null
  notice: string | null
}

export const ForwardingPage = (p: ForwardingPageProps) => {
  const f = p.forwarding
  const l = p.letter
  const typeLabel = CONTENT_TYPES[l.contentType]
  return (
    <Layout title={`${FORWARDING_KINDS[f.kind]} đơn ${codeOf(f.letterCode)}`} staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        {p.boardView ? <a href="/can-bo/co-quan/tong-hop">Phúc đáp của cơ quan</a> : <a href="/can-bo/co-quan">Đơn được chuyển đến</a>} ›{' '}
        <span aria-current="page">Đơn {codeOf(f.letterCode)}</span>
      </nav>
      <div class="page-head">
        <h1>
          {FORWARDING_KINDS[f.kind]}: đơn {typeLabel.toLowerCase()} <span class="code">{codeOf(f.letterCode)}</span>
        </h1>
        <p class="status-pill" id="forwarding-state">
          {FORWARDING_STATES[f.state]}
        </p>
      </div>
      <Flash message={p.flash} />
      {p.notice ? (
        <div class="flash flash--warning" role="alert" id="forwarding-notice">
          {p.notice}
        </div>
      ) : null}
      <div class="case-layout">
        <div class="case-main">
          <section class="panel" aria-labelledby="letter-title">
            <h2 id="letter-title">Nội dung đơn</h2>
            {p.senders === null ? (
              <p class="flash flash--info" id="senders-hidden">
                {HIDDEN_IDENTITY}. Thông tin người tố cáo không được chuyển cho cơ quan khác (Điều 56 Luật Tố cáo).
              </p>
            ) : p.senders.length === 0 ? (
              <p class="muted">Đơn không có tên người gửi.</p>
            ) : (
              <ul class="senders-list" id="senders-list">
                {p.senders.map((s) => (
                  <li>
                    <strong>{s.name ?? 'Không có tên'}</strong>
                    {s.address ? ` — ${s.address}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <dl class="facts" id="letter-facts">
              <dt>Ngày nhận đơn</dt>
              <dd>{viDate(l.receivedAt)}</dd>
              <dt>Nguồn đơn</dt>
              <dd>{CHANNELS[l.channel]}</dd>
              {l.field ? (
                <>
                  <dt>Lĩnh vực</dt>
                  <dd>{fieldLabel(l.field)}</dd>
                </>
              ) : null}
              {l.respondent?.person || l.respondent?.agencyCode ? (
                <>
                  <dt>Người, cơ quan bị khiếu nại, tố cáo</dt>
                  <dd>{respondentLine(l.respondent.person, p.agencyName(l.respondent.agencyCode))}</dd>
                </>
              ) : null}
              {l.summary ? (
                <>
                  <dt>Tóm tắt nội dung</dt>
                  <dd>{l.summary}</dd>
                </>
              ) : null}
              {l.request ? (
                <>
                  <dt>Yêu cầu, đề nghị</dt>
                  <dd>{l.request}</dd>
                </>
              ) : null}
              {l.act ? (
                <>
                  <dt>Hành vi bị tố cáo</dt>
                  <dd>{l.act}</dd>
                </>
              ) : null}
            </dl>
            {p.boardView ? (
              <p>
                <a href={`/can-bo/don/${f.letterId}`}>Mở trang đơn</a>
              </p>
            ) : null}
          </section>
          <section class="panel" aria-labelledby="documents-title" id="documents">
            <h2 id="documents-title">Văn bản gửi cơ quan</h2>
            {p.documents.length === 0 ? (
              <p class="muted">Không có văn bản.</p>
            ) : (
              <ul class="documents-list">
                {p.documents.map((d) => (
                  <li>
                    <a href={`/can-bo/don/${f.letterId}/van-ban/${d.id}`} class="document-link">
                      {d.title}
                    </a>{' '}
                    <span class="muted small">ngày {viDate(d.issuedOn)}</span> · <a href={`/can-bo/don/${f.letterId}/van-ban/${d.id}.docx`}>Tải .docx</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div class="case-side">
          <section class="panel" aria-labelledby="chain-title">
            <h2 id="chain-title">Chuyển đơn và đôn đốc</h2>
            <ul class="forwardings-list">
              {p.chain.map((x) => (
                <li class={x.id === f.id ? 'is-current' : undefined}>
                  <a href={`/can-bo/co-quan/${x.id}`}>{FORWARDING_KINDS[x.kind]}</a> ngày {viDate(x.sentOn)}
                  {x.replyDueOn ? `, hạn phúc đáp ${viDate(x.replyDueOn)}` : ''}
                  {x.overdue ? <span class="badge badge--overdue">Quá hạn</span> : null}
                  {x.acknowledgedAt ? (
                    <span class="muted small">
                      {' '}
                      · đã nhận {viDateTime(x.acknowledgedAt)}
                      {x.acknowledgedByName ? ` (${x.acknowledgedByName})` : ''}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {p.canAcknowledge ? (
              <form method="post" action={`/can-bo/co-quan/${f.id}/tiep-nhan`}>
                <CsrfField />
                <button type="submit" class="button button--secondary" id="acknowledge">
                  Xác nhận đã nhận
                </button>
              </form>
            ) : null}
          </section>
          <section class="panel" aria-labelledby="reply-title" id="reply">
            <h2 id="reply-title">Văn bản phúc đáp</h2>
            {f.repliedOn ? (
              <dl class="facts facts--tight" id="reply-recorded">
                <dt>Số, ký hiệu</dt>
                <dd>{f.replyNumber}</dd>
                <dt>Ngày</dt>
                <dd>{viDate(f.repliedOn)}</dd>
                <dt>Kết quả</dt>
                <dd>{f.replyResult}</dd>
                {f.repliedByName ? (
                  <>
                    <dt>Người ghi nhận</dt>
                    <dd>{f.repliedByName}</dd>
                  </>
                ) : null}
              </dl>
            ) : f.answered ? (
              <p>Cơ quan đã phúc đáp (xem phiếu chuyển khác của đơn này).</p>
            ) : p.canReply ? (
              <form method="post" action={`/can-bo/co-quan/${f.id}/phuc-dap`} class="form form--plain" novalidate>
                <CsrfField />
                <ErrorSummary errors={p.reply.errors} />
                <Field name="number" label="Số, ký hiệu văn bản" value={p.reply.values.number} error={p.reply.errors.number} hint="Ví dụ: 45/UBND-TCD" required />
                <Field name="date" label="Ngày văn bản" value={p.reply.values.date} error={p.reply.errors.date} hint="dd/mm/yyyy" inputmode="numeric" required />
                <TextArea name="result" label="Kết quả xử lý, giải quyết" value={p.reply.values.result} error={p.reply.errors.result} rows={4} required />
                <button type="submit" class="button" id="record-reply">
                  Ghi nhận phúc đáp
                </button>
              </form>
            ) : (
              <p class="muted">Chưa có văn bản phúc đáp.</p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  )
}
