/**
 * A matter (vụ việc, /can-bo/vu-viec/:id): the letters and the reception visits about the same
 * thing from the same people, oldest first. No sender identities here: they are on each letter's
 * page, for the roles that may see them.
 */
import { CONTENT_TYPES, OUTCOMES, fieldLabel } from '../../../src/domain/codes.ts'
import type { Matter, MatterLetter, MatterVisit } from '../../../src/db/matters.ts'
import { Layout } from '../../layouts/Layout.tsx'
import { LETTER_STATUSES, VISIT_HANDLING, VISIT_KINDS, codeOf, label, suggested, viDate } from './labels.ts'

export interface MatterPageProps {
  matter: Matter
  letters: MatterLetter[]
  visits: MatterVisit[]
  agencyName: (code: string | null) => string | null
}

const typeLabel = (t: string) => CONTENT_TYPES[t as keyof typeof CONTENT_TYPES] ?? t

export const MatterPage = ({ matter, letters, visits, agencyName }: MatterPageProps) => (
  <Layout title={`Vụ việc ${codeOf(matter.code)}`} staff>
    <nav class="breadcrumb" aria-label="Đường dẫn">
      <a href="/can-bo/don">Đơn thư</a> › <span aria-current="page">Vụ việc {codeOf(matter.code)}</span>
    </nav>
    <h1>
      Vụ việc <span class="code">{codeOf(matter.code)}</span>
    </h1>
    <dl class="facts panel">
      <dt>Loại</dt>
      <dd>{typeLabel(matter.contentType)}</dd>
      {matter.field ? (
        <>
          <dt>Lĩnh vực</dt>
          <dd>{fieldLabel(matter.field)}</dd>
        </>
      ) : null}
      <dt>Mở ngày</dt>
      <dd>{viDate(matter.openedOn)}</dd>
      {matter.summary ? (
        <>
          <dt>Nội dung</dt>
          <dd>{matter.summary}</dd>
        </>
      ) : null}
      <dt>Số đơn, lượt tiếp</dt>
      <dd>
        {letters.length} đơn · {visits.length} lượt tiếp
      </dd>
    </dl>
    <section aria-labelledby="letters-title">
      <h2 id="letters-title">Các đơn</h2>
      {letters.length === 0 ? (
        <p class="muted">Chưa có đơn.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="matter-letters">
            <thead>
              <tr>
                <th scope="col">Mã đơn</th>
                <th scope="col">Ngày nhận</th>
                <th scope="col">Loại đơn</th>
                <th scope="col">Tóm tắt</th>
                <th scope="col">Hướng xử lý</th>
                <th scope="col">Cơ quan có thẩm quyền</th>
                <th scope="col">Trạng thái</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((l) => (
                <tr>
                  <td>
                    <a href={`/can-bo/don/${l.id}`}>{codeOf(l.code)}</a>
                  </td>
                  <td>{viDate(l.receivedAt)}</td>
                  <td>{typeLabel(l.contentType)}</td>
                  <td>{l.summary ?? ''}</td>
                  <td>{l.outcome ? OUTCOMES[l.outcome] : suggested(OUTCOMES[l.suggestedOutcome])}</td>
                  <td>{agencyName(l.competentAgencyCode) ?? ''}</td>
                  <td>{label(LETTER_STATUSES, l.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    <section aria-labelledby="visits-title">
      <h2 id="visits-title">Các lượt tiếp công dân</h2>
      {visits.length === 0 ? (
        <p class="muted">Chưa có lượt tiếp nào.</p>
      ) : (
        <div class="table-wrap">
          <table class="table" id="matter-visits">
            <thead>
              <tr>
                <th scope="col">Ngày</th>
                <th scope="col">Hình thức</th>
                <th scope="col" class="num">Số người</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Kết quả</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr>
                  <td>{viDate(v.date)}</td>
                  <td>
                    {label(VISIT_KINDS, v.kind)}
                    {v.hostName ? ` (${v.hostName})` : ''}
                  </td>
                  <td class="num">{v.persons}</td>
                  <td>{v.summary ?? ''}</td>
                  <td>
                    {label(VISIT_HANDLING, v.handling)}
                    {v.letterId ? (
                      <>
                        {' '}
                        · <a href={`/can-bo/don/${v.letterId}`}>đơn nhận tại buổi tiếp</a>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  </Layout>
)
