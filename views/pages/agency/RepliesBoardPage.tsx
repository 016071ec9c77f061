/**
 * The board's view of what it sent out (/can-bo/co-quan/tong-hop): per agency, the letters sent,
 * waiting, late and answered; the late ones with a "follow-up" button (a written đôn đốc
 * request); and the latest replies.
 */
import { CONTENT_TYPES } from '../../../src/domain/codes.ts'
import { FORWARDING_KINDS } from '../../../src/domain/forwarding.ts'
import type { AgencyReplySummary, StoredForwarding } from '../../../src/db/forwardings.ts'
import { CsrfField, Flash } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { codeOf, viDate } from '../letters/labels.ts'

export interface RepliesBoardProps {
  summary: AgencyReplySummary[]
  overdue: StoredForwarding[]
  replies: StoredForwarding[]
  agencyName: (code: string) => string
  canFollowUp: boolean
  today: string
  flash?: string | null
}

const typeLabel = (t: string) => CONTENT_TYPES[t as keyof typeof CONTENT_TYPES] ?? t
const daysLate = (due: string, today: string) => Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000)

export const RepliesBoardPage = (p: RepliesBoardProps) => (
  <Layout title="Phúc đáp của cơ quan" staff>
    <h1>Phúc đáp của cơ quan</h1>
    <p class="muted">Đơn đã chuyển, văn bản đôn đốc và văn bản phúc đáp của các cơ quan. Hạn phúc đáp: thời hạn xử lý của cơ quan nhận đơn (tố cáo: 7 ngày làm việc; đơn khác, đôn đốc: 10 ngày).</p>
    <Flash message={p.flash} />
    <section aria-labelledby="by-agency-title">
      <h2 id="by-agency-title">Theo cơ quan</h2>
      {p.summary.length === 0 ? (
        <p class="muted">Chưa chuyển đơn nào.</p>
      ) : (
        <div class="table-wrap">
          <table class="table table--agency" id="agency-summary">
            <thead>
              <tr>
                <th scope="col">Cơ quan</th>
                <th scope="col" class="num">Đơn đã chuyển</th>
                <th scope="col" class="num">Chưa tiếp nhận</th>
                <th scope="col" class="num">Đang xử lý</th>
                <th scope="col" class="num">Quá hạn phúc đáp</th>
                <th scope="col" class="num">Đã phúc đáp</th>
                <th scope="col" class="num">Lần đôn đốc</th>
              </tr>
            </thead>
            <tbody>
              {p.summary.map((s) => (
                <tr class={s.overdue > 0 ? 'row--overdue' : undefined}>
                  <th scope="row">{p.agencyName(s.agencyCode)}</th>
                  <td class="num">{s.letters}</td>
                  <td class="num">{s.waiting}</td>
                  <td class="num">{s.inProgress}</td>
                  <td class="num">{s.overdue > 0 ? <strong>{s.overdue}</strong> : 0}</td>
                  <td class="num">{s.replied}</td>
                  <td class="num">{s.followUps}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    <section aria-labelledby="overdue-title">
      <h2 id="overdue-title">Quá hạn phúc đáp</h2>
      {p.overdue.length === 0 ? (
        <p class="muted" id="overdue-empty">
          Không có cơ quan nào quá hạn phúc đáp.
        </p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="overdue-list">
            <thead>
              <tr>
                <th scope="col">Đơn</th>
                <th scope="col">Cơ quan</th>
                <th scope="col">Đã gửi</th>
                <th scope="col">Hạn phúc đáp</th>
                <th scope="col">Thao tác</th>
              </tr>
            </thead>
            <tbody>
              {p.overdue.map((f) => (
                <tr>
                  <td>
                    <a href={`/can-bo/don/${f.letterId}`}>{codeOf(f.letterCode)}</a>
                    <br />
                    <span class="muted small">{typeLabel(f.contentType)}</span>
                  </td>
                  <td>{p.agencyName(f.agencyCode)}</td>
                  <td>
                    {FORWARDING_KINDS[f.kind]} {viDate(f.sentOn)}
                  </td>
                  <td>
                    {viDate(f.replyDueOn)} <span class="badge badge--overdue">Quá {f.replyDueOn ? daysLate(f.replyDueOn, p.today) : 0} ngày</span>
                  </td>
                  <td>
                    {p.canFollowUp ? (
                      <form method="post" action={`/can-bo/don/${f.letterId}/don-doc`} class="inline-form">
                        <CsrfField />
                        <input type="hidden" name="forwardingId" value={f.id} />
                        <input type="hidden" name="next" value="tong-hop" />
                        <button type="submit" class="button button--secondary">
                          Đôn đốc
                        </button>
                      </form>
                    ) : null}{' '}
                    <a href={`/can-bo/co-quan/${f.id}`}>Ghi nhận phúc đáp</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    <section aria-labelledby="replies-title">
      <h2 id="replies-title">Phúc đáp mới nhận</h2>
      {p.replies.length === 0 ? (
        <p class="muted">Chưa có văn bản phúc đáp.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="recent-replies">
            <thead>
              <tr>
                <th scope="col">Đơn</th>
                <th scope="col">Cơ quan</th>
                <th scope="col">Văn bản phúc đáp</th>
                <th scope="col">Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {p.replies.map((f) => (
                <tr>
                  <td>
                    <a href={`/can-bo/don/${f.letterId}`}>{codeOf(f.letterCode)}</a>
                  </td>
                  <td>{p.agencyName(f.agencyCode)}</td>
                  <td>
                    Số {f.replyNumber} ngày {viDate(f.repliedOn)}
                  </td>
                  <td>{f.replyResult}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  </Layout>
)
