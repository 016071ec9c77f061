/**
 * The records behind a report number (/can-bo/bao-cao/ho-so): letters, visits, matters, leaders'
 * sessions or replies — exactly the rows the number counts, a page at a time. A simple list; the
 * letter and visit screens of later work will link from here. Never a sender's identity.
 */
import type { Child } from 'hono/jsx'
import { CHANNELS, CONTENT_TYPES, OUTCOMES, SIGNER_GROUPS, fieldLabel } from '../../../src/domain/codes.ts'
import { vnDateOf } from '../../../src/domain/calendar.ts'
import { formatNumber } from '../../../src/domain/report-text.ts'
import { vnDate } from '../../../src/domain/report-window.ts'
import { VISIT_CATEGORIES } from '../../../src/domain/tallies.ts'
import type { Records } from '../../../src/http/report-records.ts'
import { Layout } from '../../layouts/Layout.tsx'
import { LETTER_STATUSES_SHORT, codeOf, label } from '../letters/labels.ts'

export interface RecordSection {
  heading: string
  /** The number on the report this list is behind, when it came from one. */
  value: number | null
  /** The number counts persons (sum of the visits' persons) rather than rows. */
  counts: 'rows' | 'persons'
  records: Records
  apiHref: string | null
  nextHref: string | null
  csvHref: string
  xlsxHref: string
}

interface Props {
  title: string
  subtitle: string | null
  sections: RecordSection[]
  backHref: string
  agencyName: (code: string | null) => string
  showSummaries: boolean
  errors?: string[]
}

const KINDS: Record<string, string> = { thuong_xuyen: 'Thường xuyên', dinh_ky: 'Định kỳ', dot_xuat: 'Đột xuất' }
const FORMS: Record<string, string> = { truc_tiep: 'Trực tiếp', truc_tuyen: 'Trực tuyến' }
const FORWARDING_KINDS: Record<string, string> = { huong_dan: 'Hướng dẫn', chuyen_don: 'Chuyển đơn', don_doc: 'Đôn đốc' }
const dateOf = (s: string | null) => (s ? vnDate(s.slice(0, 10)) : '')
/** An instant (ISO, UTC) as its Vietnam date: a decision at 01:08 on 23/11 is on 23/11, not 22/11. */
const dayOf = (instant: string | null) => (instant ? vnDate(vnDateOf(new Date(instant))) : '')

/** A table of records: the column heads (with the summaries' column when they are shown), then the rows. */
const RecordsTable = ({ heads, summaries = false, children }: { heads: string[]; summaries?: boolean; children?: Child }) => (
  <table class="table table--records">
    <thead>
      <tr>
        {heads.map((head) => (
          <th scope="col">{head}</th>
        ))}
        {summaries ? <th scope="col">Tóm tắt</th> : null}
      </tr>
    </thead>
    <tbody>{children}</tbody>
  </table>
)

function Rows({ records, agencyName, showSummaries }: { records: Records; agencyName: Props['agencyName']; showSummaries: boolean }) {
  switch (records.kind) {
    case 'don':
      return (
        <RecordsTable heads={['Mã đơn', 'Ngày nhận', 'Nguồn đơn', 'Loại đơn', 'Người đứng tên', 'Trạng thái', 'Hướng xử lý', 'Ngày xử lý', 'Cơ quan có thẩm quyền', 'Hạn xử lý']} summaries={showSummaries}>
          {records.rows.map((r) => (
            <tr data-row={r.id}>
              <td>
                <a href={`/can-bo/don/${r.id}`}>
                  <code>{codeOf(r.code)}</code>
                </a>
                {r.track === 'quy_dinh_hanh_chinh' ? <span class="badge">NĐ 20/2008</span> : null}
              </td>
              <td>{dateOf(r.receivedAt)}</td>
              <td>{label(CHANNELS, r.channel)}</td>
              <td>{label(CONTENT_TYPES, r.contentType)}</td>
              <td>{label(SIGNER_GROUPS, r.signerGroup)}</td>
              <td>{label(LETTER_STATUSES_SHORT, r.status)}</td>
              <td>{r.outcome ? label(OUTCOMES, r.outcome) : <span class="muted">(đề xuất: {label(OUTCOMES, r.suggestedOutcome)})</span>}</td>
              <td>{dayOf(r.decidedAt)}</td>
              <td>{r.competentAgencyCode ? agencyName(r.competentAgencyCode) : ''}</td>
              <td>{dateOf(r.dueDate)}</td>
              {showSummaries ? <td class="records__summary">{r.summary ?? ''}</td> : null}
            </tr>
          ))}
        </RecordsTable>
      )
    case 'luot':
      return (
        <RecordsTable heads={['Ngày tiếp', 'Hình thức', 'Nhóm (Biểu 01/TCD)', 'Cách thức', 'Số người', 'Vụ việc', 'Lãnh đạo chủ trì', 'Nội dung', 'Lĩnh vực']} summaries={showSummaries}>
          {records.rows.map((r) => (
            <tr data-row={r.id} data-persons={r.persons}>
              <td>
                <a href={`/can-bo/tiep-dan/${r.id}`}>{dateOf(r.date)}</a>
              </td>
              <td>{label(KINDS, r.kind)}</td>
              <td>{VISIT_CATEGORIES[r.category]}</td>
              <td>{label(FORMS, r.form)}</td>
              <td class="num">{formatNumber(r.persons)}</td>
              <td>
                <code>{r.matterCode ? codeOf(r.matterCode) : ''}</code>
              </td>
              <td>{r.hostName ?? ''}</td>
              <td>{label(CONTENT_TYPES, r.contentType)}</td>
              <td>{r.field ? fieldLabel(r.field) : ''}</td>
              {showSummaries ? <td class="records__summary">{r.summary ?? ''}</td> : null}
            </tr>
          ))}
        </RecordsTable>
      )
    case 'vu-viec':
      return (
        <RecordsTable heads={['Mã vụ việc', 'Nội dung', 'Lĩnh vực', 'Lần tiếp đầu tiên', 'Số lượt tiếp trong danh sách']} summaries={showSummaries}>
          {records.rows.map((r) => (
            <tr data-row={r.id}>
              <td>
                <code>{codeOf(r.code)}</code>
              </td>
              <td>{label(CONTENT_TYPES, r.contentType)}</td>
              <td>{r.field ? fieldLabel(r.field) : ''}</td>
              <td>{dateOf(r.firstVisit)}</td>
              <td class="num">{formatNumber(r.visits)}</td>
              {showSummaries ? <td class="records__summary">{r.summary ?? ''}</td> : null}
            </tr>
          ))}
        </RecordsTable>
      )
    case 'ky-tiep':
      return (
        <RecordsTable heads={['Ngày', 'Hình thức', 'Lãnh đạo chủ trì', 'Ủy quyền tiếp', 'Số lượt', 'Số người']}>
          {records.rows.map((r) => (
            <tr data-row={r.id}>
              <td>{dateOf(r.date)}</td>
              <td>{label(KINDS, r.kind)}</td>
              <td>{r.hostName}</td>
              <td>{r.delegated ? 'Có' : 'Không'}</td>
              <td class="num">{formatNumber(r.visits)}</td>
              <td class="num">{formatNumber(r.persons)}</td>
            </tr>
          ))}
        </RecordsTable>
      )
    case 'phuc-dap':
      return (
        <RecordsTable heads={['Mã đơn', 'Cơ quan nhận', 'Hình thức', 'Ngày gửi', 'Ngày phúc đáp', 'Số văn bản phúc đáp']}>
          {records.rows.map((r) => (
            <tr data-row={r.id}>
              <td>
                <code>{codeOf(r.letterCode)}</code>
              </td>
              <td>{agencyName(r.agencyCode)}</td>
              <td>{label(FORWARDING_KINDS, r.kind)}</td>
              <td>{dateOf(r.sentOn)}</td>
              <td>{dateOf(r.repliedOn)}</td>
              <td>{r.replyNumber ?? ''}</td>
            </tr>
          ))}
        </RecordsTable>
      )
  }
}

const UNITS: Record<Records['kind'], string> = { don: 'đơn', luot: 'lượt tiếp', 'vu-viec': 'vụ việc', 'ky-tiep': 'kỳ tiếp', 'phuc-dap': 'văn bản' }

export const RecordsPage = ({ title, subtitle, sections, backHref, agencyName, showSummaries, errors = [] }: Props) => (
  <Layout title={title} staff>
    <p class="breadcrumb">
      <a href={backHref}>← Về báo cáo</a>
    </p>
    <h1>{title}</h1>
    {subtitle ? <p class="lead">{subtitle}</p> : null}
    {errors.length > 0 ? (
      <div class="error-summary" role="alert">
        <h2>Bộ lọc không hợp lệ</h2>
        <ul>
          {errors.map((e) => (
            <li>{e}</li>
          ))}
        </ul>
      </div>
    ) : null}
    {sections.map((s) => (
      <section class="records" aria-label={s.heading}>
        {sections.length > 1 ? <h2>{s.heading}</h2> : null}
        <p class="records__total">
          <strong data-total={s.records.total}>{formatNumber(s.records.total)}</strong> {UNITS[s.records.kind]}
          {s.records.kind === 'luot' ? (
            <>
              {' '}
              — tổng số người: <strong data-persons-total={s.records.persons}>{formatNumber(s.records.persons)}</strong>
            </>
          ) : null}
          {s.value !== null ? <span class="muted"> (số trên báo cáo: {formatNumber(s.value)})</span> : null}
        </p>
        <nav class="actions" aria-label="Tải danh sách">
          <a href={s.csvHref}>Tải CSV</a>
          <a href={s.xlsxHref}>Tải Excel</a>
          {s.apiHref ? (
            <details class="api-call">
              <summary>API tương ứng</summary>
              <code class="api-call__request">GET {s.apiHref}</code>
            </details>
          ) : null}
        </nav>
        <div class="table-wrap">
          <Rows records={s.records} agencyName={agencyName} showSummaries={showSummaries} />
        </div>
        {s.nextHref ? (
          <p>
            <a href={s.nextHref} rel="next">
              Trang sau →
            </a>
          </p>
        ) : null}
      </section>
    ))}
  </Layout>
)
