/**
 * The reception log (/can-bo/tiep-dan): visits of a period, filtered by kind, form, large
 * groups and a search by name or ID without diacritics, with the counts of what is shown and
 * the print of the register (Mẫu 03/TCD). With htmx the filter form swaps only the results
 * (and the URL follows, so Back works); without it, it is a plain GET form.
 */
import type { StoredVisit, VisitLogCounts } from '../../../src/db/receptions.ts'
import { can } from '../../../src/domain/permissions.ts'
import { usePage } from '../../context.ts'
import { ErrorSummary, Field, FieldFrame, Flash, Select, fieldId, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { code8, contentLabel, count, formLabel, handlingLabel, kindLabel, letterHref, sessionHref, viDate, visitHref } from './labels.ts'

export interface LogFilterValues {
  from: string
  to: string
  kind: string
  form: string
  doan: boolean
  q: string
}

export interface LogRow {
  visit: StoredVisit
  identityShown: boolean
  largeGroup: boolean
}

export interface LogResultsProps {
  filter: LogFilterValues
  counts: VisitLogCounts
  rows: readonly LogRow[]
  nextHref: string | null
  printHref: string
  threshold: number
  /** A filter problem, inside the swapped fragment (htmx): the fields' messages are outside it. */
  notice?: string | null
}

const Visitors = ({ row }: { row: LogRow }) => {
  if (!row.identityShown) return <span class="muted">Người tố cáo — thông tin được giữ bí mật</span>
  const people = row.visit.visitors
  return (
    <ul class="plain-list">
      {people.slice(0, 4).map((p) => (
        <li>
          {p.name}
          {p.representative ? <span class="badge badge--muted">đại diện</span> : null}
          {p.idNumber ? <span class="muted"> · {p.idNumber}</span> : null}
        </li>
      ))}
      {people.length > 4 ? <li class="muted">và {people.length - 4} người khác được ghi tên</li> : null}
    </ul>
  )
}

export const LogResults = (p: LogResultsProps) => (
  <div id="visit-results" aria-live="polite">
    {p.notice ? (
      <p class="flash flash--warning" role="alert">
        {p.notice}
      </p>
    ) : null}
    <dl class="log-counts">
      <div>
        <dt>Lượt tiếp</dt>
        <dd id="count-visits">{count(p.counts.visits)}</dd>
      </div>
      <div>
        <dt>Người</dt>
        <dd id="count-persons">{count(p.counts.persons)}</dd>
      </div>
      <div>
        <dt>Đoàn đông người</dt>
        <dd id="count-groups">{count(p.counts.largeGroups)}</dd>
      </div>
      <div>
        <dt>Vụ việc</dt>
        <dd id="count-matters">{count(p.counts.matters)}</dd>
      </div>
    </dl>
    <p class="actions no-print">
      <a class="button button--secondary" href={p.printHref} id="print-register">
        In sổ tiếp công dân (Mẫu 03/TCD)
      </a>
    </p>
    {p.rows.length === 0 ? (
      <p class="muted" id="no-visits">
        Không có lượt tiếp nào khớp điều kiện lọc.
      </p>
    ) : (
      <div class="table-wrap">
        <table class="table table--log table--cards">
          <caption class="visually-hidden">Các lượt tiếp công dân, mới nhất trước</caption>
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Người đến</th>
              <th scope="col" class="num">Số người</th>
              <th scope="col">Nội dung</th>
              <th scope="col">Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((row) => {
              const v = row.visit
              return (
                <tr data-visit={v.id}>
                  <td>
                    <a href={visitHref(v.id)}>{viDate(v.date)}</a>
                    <div class="muted small">
                      {kindLabel(v.kind)}
                      {v.form === 'truc_tuyen' ? ` · ${formLabel(v.form)}` : ''}
                    </div>
                    {v.sessionId ? (
                      <div class="small">
                        <a href={sessionHref(v.sessionId)}>{v.hostName ?? 'Kỳ tiếp'}</a>
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Người đến">
                    <Visitors row={row} />
                  </td>
                  <td class="num" data-label="Số người">
                    {v.persons}
                    {row.largeGroup ? (
                      <div>
                        <span class="badge badge--warn">đoàn đông người</span>
                      </div>
                    ) : null}
                  </td>
                  <td data-label="Nội dung">
                    <span class="badge">{contentLabel(v.contentType)}</span> {v.summary}
                    {v.matterCode ? <div class="muted small">Vụ việc {code8(v.matterCode)}</div> : null}
                  </td>
                  <td data-label="Kết quả">
                    {handlingLabel(v.handling) || <span class="muted">—</span>}
                    {v.letterId ? (
                      <div class="small">
                        <a href={letterHref(v.letterId)}>Đơn {code8(v.letterCode)}</a>
                      </div>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    )}
    {p.nextHref ? (
      <p>
        <a href={p.nextHref} id="next-page">
          Xem các lượt tiếp trước đó →
        </a>
      </p>
    ) : null}
  </div>
)

const KIND_OPTIONS = [
  { value: 'thuong_xuyen', label: 'Tiếp thường xuyên' },
  { value: 'dinh_ky', label: 'Lãnh đạo tiếp định kỳ' },
  { value: 'dot_xuat', label: 'Lãnh đạo tiếp đột xuất' },
  { value: 'lanh_dao', label: 'Lãnh đạo tiếp (định kỳ và đột xuất)' },
]
const FORM_OPTIONS = [
  { value: 'truc_tiep', label: 'Trực tiếp' },
  { value: 'truc_tuyen', label: 'Trực tuyến' },
]

export const LogPage = (p: LogResultsProps & { errors: Errors; flash?: string | null }) => {
  const { user } = usePage()
  const f = p.filter
  return (
    <Layout title="Sổ tiếp công dân" staff>
      <div class="page-head">
        <h1>Sổ tiếp công dân</h1>
        {user && can(user.roles, 'record_reception') ? (
          <a class="button" href="/can-bo/tiep-dan/moi" id="new-visit">
            Ghi lượt tiếp
          </a>
        ) : null}
      </div>
      <Flash message={p.flash} />
      <ErrorSummary errors={p.errors} />
      <form
        method="get"
        action="/can-bo/tiep-dan"
        class="form log-filter no-print"
        role="search"
        hx-get="/can-bo/tiep-dan"
        hx-trigger="submit, input changed delay:400ms"
        hx-target="#visit-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div class="grid-4">
          <Field name="from" label="Từ ngày" value={f.from} error={p.errors.from} inputmode="numeric" hint="Ngày/tháng/năm" />
          <Field name="to" label="Đến ngày" value={f.to} error={p.errors.to} inputmode="numeric" hint="Ngày/tháng/năm" />
          <Select name="kind" label="Hình thức tiếp" options={KIND_OPTIONS} value={f.kind} emptyLabel="Tất cả" />
          <Select name="form" label="Cách thức" options={FORM_OPTIONS} value={f.form} emptyLabel="Tất cả" />
        </div>
        <FieldFrame
          name="q"
          label="Tìm theo họ tên, số giấy tờ, nội dung hoặc mã vụ việc"
          hint="Gõ có dấu hay không dấu đều được. Thông tin người tố cáo chỉ tìm được với quyền xem thông tin người tố cáo."
          control={(a) => <input {...a} name="q" type="search" value={f.q} class="input" autocomplete="off" />}
        />
        <div class="checkbox">
          <input type="checkbox" id={fieldId('doan')} name="doan" value="1" checked={f.doan} />
          <label for={fieldId('doan')}>Chỉ đoàn đông người (từ {p.threshold} người)</label>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            Lọc
          </button>
          <a href="/can-bo/tiep-dan">Bỏ lọc</a>
        </div>
      </form>
      <LogResults {...p} />
    </Layout>
  )
}
