/**
 * The triage queue (/can-bo/don): letters by state in tabs with their counts, filters, a
 * diacritic-insensitive search, one row per letter, cursor paging. Without JavaScript the filter
 * form is a plain GET; with htmx the results (tabs, table, paging) are swapped in place and the
 * URL pushed, so Back restores the page it came from.
 */
import { CONTENT_TYPES } from '../../../src/domain/codes.ts'
import type { QueueParams } from '../../../src/http/letter-queue.ts'
import { FieldFrame, Flash, Select, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { HIDDEN_IDENTITY, codeOf, viDate } from './labels.ts'

/** The filters as typed (the URL's parameters). */
export type QueueFilters = QueueParams

export interface QueueTab {
  key: string
  label: string
  count: number
  href: string
  current: boolean
}

export interface QueueRow {
  id: string
  code: string
  receivedAt: string
  contentType: string
  channelLabel: string
  /** First sender's name, or null when hidden or anonymous. */
  sender: string | null
  senderHidden: boolean
  otherSenders: number
  summary: string | null
  agencyName: string | null
  dueDate: string | null
  overdue: boolean
  dueSoon: boolean
  statusLabel: string
  outcomeLabel: string | null
}

type Option = { value: string; label: string }

export interface QueueProps {
  filters: QueueFilters
  errors: Errors
  tabs: QueueTab[]
  rows: QueueRow[]
  /** Rows in the current tab with these filters. */
  total: number
  nextHref: string | null
  options: { contentTypes: Option[]; fields: Option[]; channels: Option[]; agencies: Option[]; officers: Option[] }
  canRegister: boolean
  flash?: string | null
}

const FilterSelect = (p: { name: keyof QueueFilters; label: string; options: Option[]; value: string; error?: string | undefined }) => <Select {...p} emptyLabel="Tất cả" />

const DateFilter = ({ name, label, value, error }: { name: 'tu' | 'den'; label: string; value: string; error?: string | undefined }) => (
  <FieldFrame name={name} label={label} error={error} control={(a) => <input {...a} name={name} value={value} class="input" inputmode="numeric" placeholder="dd/mm/yyyy" />} />
)

/**
 * An empty tab while the search or filters match letters under another one (a code looked up
 * from "Mới" for a letter already forwarded): say where they are, not just "none".
 */
const NoneHere = ({ tabs }: Pick<QueueProps, 'tabs'>) => {
  const here = tabs.find((t) => t.current)
  const all = tabs.find((t) => t.key === 'tat_ca')
  if (!here || !all || here.key === 'tat_ca' || all.count === 0) return <>Không có đơn nào.</>
  return (
    <>
      Không có đơn nào ở mục «{here.label}», nhưng có {all.count} đơn khớp ở các mục khác: <a href={all.href} id="queue-elsewhere">xem ở mục «{all.label}»</a>.
    </>
  )
}

/** The part htmx swaps: tabs with counts, the table, paging. */
export const QueueResults = ({ tabs, rows, total, nextHref, errors }: Pick<QueueProps, 'tabs' | 'rows' | 'total' | 'nextHref' | 'errors'>) => (
  <div id="queue-results">
    {Object.keys(errors).length > 0 ? (
      <div class="flash flash--warning" role="alert" id="queue-errors">
        Bộ lọc chưa hợp lệ, chưa được áp dụng: {Object.values(errors).join(' ')}
      </div>
    ) : null}
    <nav class="tabs" aria-label="Trạng thái đơn">
      {tabs.map((t) => (
        <a href={t.href} class="tabs__tab" aria-current={t.current ? 'page' : undefined} id={`tab-${t.key}`}>
          {t.label} <span class="tabs__count">{t.count}</span>
        </a>
      ))}
    </nav>
    <p class="muted" id="queue-total" role="status">
      {total === 0 ? <NoneHere tabs={tabs} /> : `${total} đơn.`}
    </p>
    {rows.length > 0 ? (
      <div class="table-wrap">
        <table class="table table--cards queue-table">
          <caption class="visually-hidden">Danh sách đơn</caption>
          <thead>
            <tr>
              <th scope="col">Mã đơn</th>
              <th scope="col">Ngày nhận</th>
              <th scope="col">Loại đơn</th>
              <th scope="col">Người gửi</th>
              <th scope="col">Tóm tắt</th>
              <th scope="col">Cơ quan có thẩm quyền</th>
              <th scope="col">Hạn xử lý</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr class={r.overdue ? 'row--overdue' : undefined}>
                <td data-label="Mã đơn">
                  <a href={`/can-bo/don/${r.id}`} class="code-link">
                    {codeOf(r.code)}
                  </a>
                </td>
                <td data-label="Ngày nhận">{viDate(r.receivedAt)}</td>
                <td data-label="Loại đơn">
                  {CONTENT_TYPES[r.contentType as keyof typeof CONTENT_TYPES] ?? r.contentType}
                  <br />
                  <span class="muted small">{r.channelLabel}</span>
                </td>
                <td data-label="Người gửi">
                  {r.senderHidden ? <em class="muted">{HIDDEN_IDENTITY}</em> : r.sender ? r.sender : <em class="muted">Không có tên</em>}
                  {!r.senderHidden && r.otherSenders > 0 ? <span class="muted small"> và {r.otherSenders} người khác</span> : null}
                </td>
                <td class="queue-table__summary" data-label="Tóm tắt">
                  {r.summary ?? ''}
                </td>
                <td data-label="Cơ quan có thẩm quyền">{r.agencyName ?? <span class="muted">Chưa xác định</span>}</td>
                <td class="nowrap" data-label="Hạn xử lý">
                  {viDate(r.dueDate)}
                  {r.overdue ? <span class="badge badge--overdue">Quá hạn</span> : r.dueSoon ? <span class="badge badge--soon">Sắp đến hạn</span> : null}
                </td>
                <td data-label="Trạng thái">
                  {r.statusLabel}
                  {r.outcomeLabel ? (
                    <>
                      <br />
                      <span class="muted small">{r.outcomeLabel}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : null}
    {nextHref ? (
      <p class="pager">
        <a href={nextHref} class="button button--secondary" hx-get={nextHref} hx-target="#queue-results" hx-swap="outerHTML" hx-push-url="true">
          Trang sau
        </a>
      </p>
    ) : null}
  </div>
)

export const QueuePage = (p: QueueProps) => {
  const f = p.filters
  const e = p.errors
  const advanced = Boolean(f.nguon || f['co-quan'] || f['can-bo'] || f.tu || f.den || e.tu || e.den || e.nguon || e['co-quan'] || e['can-bo'])
  return (
    <Layout title="Đơn thư" staff>
      <div class="page-head">
        <h1>Đơn thư</h1>
        {p.canRegister ? (
          <a class="button" href="/can-bo/don/moi" id="register-letter">
            Đăng ký đơn mới
          </a>
        ) : null}
      </div>
      <Flash message={p.flash} />
      <form
        method="get"
        action="/can-bo/don"
        class="form queue-filters"
        role="search"
        hx-get="/can-bo/don"
        hx-target="#queue-results"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, input changed delay:500ms from:#f-q, change"
        hx-sync="replace"
      >
        <input type="hidden" name="tab" value={f.tab} />
        <div class={`field${e.q ? ' field--error' : ''}`}>
          <label for="f-q">Tìm theo tên, địa chỉ, mã đơn, nội dung (gõ có dấu hoặc không dấu)</label>
          {e.q ? (
            <p class="field-error" id="f-q-error">
              {e.q}
            </p>
          ) : null}
          <div class="search__row">
            <input id="f-q" name="q" type="search" value={f.q} class="input" placeholder="ví dụ: dang van duc, K7M2, thu hoi dat" autocomplete="off" />
            <button type="submit" class="button">
              Tìm
            </button>
          </div>
        </div>
        <div class="grid-4">
          <FilterSelect name="loai" label="Loại đơn" options={p.options.contentTypes} value={f.loai} error={e.loai} />
          <FilterSelect name="linh-vuc" label="Lĩnh vực" options={p.options.fields} value={f['linh-vuc']} error={e['linh-vuc']} />
        </div>
        <details class="queue-filters__more" open={advanced}>
          <summary>Lọc thêm: nguồn đơn, cơ quan, cán bộ, thời gian</summary>
          <div class="grid-4">
            <FilterSelect name="nguon" label="Nguồn đơn" options={p.options.channels} value={f.nguon} error={e.nguon} />
            <FilterSelect name="co-quan" label="Cơ quan có thẩm quyền" options={p.options.agencies} value={f['co-quan']} error={e['co-quan']} />
            <FilterSelect name="can-bo" label="Cán bộ vào sổ" options={p.options.officers} value={f['can-bo']} error={e['can-bo']} />
            <DateFilter name="tu" label="Nhận từ ngày" value={f.tu} error={e.tu} />
            <DateFilter name="den" label="Đến ngày" value={f.den} error={e.den} />
          </div>
        </details>
        <p class="actions">
          <a href={`/can-bo/don?tab=${encodeURIComponent(f.tab)}`}>Xóa bộ lọc</a>
        </p>
      </form>
      <QueueResults tabs={p.tabs} rows={p.rows} total={p.total} nextHref={p.nextHref} errors={p.errors} />
    </Layout>
  )
}
