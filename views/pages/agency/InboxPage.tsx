/**
 * A receiving agency's inbox (/can-bo/co-quan): what the board forwarded to it (chuyển đơn) or
 * sent for follow-up (đôn đốc), by state. "Đã nhận" confirms receipt in place with htmx (a plain
 * form post without JavaScript); each item opens its page to record the reply.
 */
import { CONTENT_TYPES } from '../../../src/domain/codes.ts'
import { FORWARDING_KINDS, FORWARDING_STATES } from '../../../src/domain/forwarding.ts'
import type { StoredForwarding } from '../../../src/db/forwardings.ts'
import { CsrfField, Flash } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { codeOf, viDate, viDateTime } from '../letters/labels.ts'

export interface InboxItem extends StoredForwarding {
  overdue: boolean
  canAcknowledge: boolean
}

export interface InboxTab {
  key: string
  label: string
  count: number
  href: string
  current: boolean
}

export interface InboxProps {
  agencyName: string
  tabs: InboxTab[]
  items: InboxItem[]
  nextHref: string | null
  flash?: string | null
}

const typeLabel = (t: string) => CONTENT_TYPES[t as keyof typeof CONTENT_TYPES] ?? t

/** One forwarding: also the fragment htmx swaps after "Đã nhận" (`tab`: the inbox tab it is listed under). */
export const InboxEntry = ({ f, tab }: { f: InboxItem; tab: string }) => (
  <li class={`inbox-item${f.overdue ? ' inbox-item--overdue' : ''}`} id={`fw-${f.id}`}>
    <div class="inbox-item__head">
      <a href={`/can-bo/co-quan/${f.id}`} class="inbox-item__title">
        {FORWARDING_KINDS[f.kind]} · Đơn {typeLabel(f.contentType).toLowerCase()} {codeOf(f.letterCode)}
      </a>
      <span class={`badge${f.state === 'da_phuc_dap' ? ' badge--ok' : ''}`}>{FORWARDING_STATES[f.state]}</span>
      {f.overdue ? <span class="badge badge--overdue">Quá hạn phúc đáp</span> : null}
    </div>
    <p class="inbox-item__meta muted">
      Nhận đơn ngày {viDate(f.receivedAt)} · chuyển ngày {viDate(f.sentOn)}
      {f.replyDueOn ? ` · hạn phúc đáp ${viDate(f.replyDueOn)}` : ''}
      {f.acknowledgedAt ? ` · đã nhận lúc ${viDateTime(f.acknowledgedAt)}` : ''}
    </p>
    {f.summary ? <p class="inbox-item__summary">{f.summary}</p> : null}
    {f.canAcknowledge ? (
      <form method="post" action={`/can-bo/co-quan/${f.id}/tiep-nhan`} class="inline-form" hx-post={`/can-bo/co-quan/${f.id}/tiep-nhan`} hx-target={`#fw-${f.id}`} hx-swap="outerHTML">
        <CsrfField />
        <input type="hidden" name="next" value="hop-thu" />
        <input type="hidden" name="tab" value={tab} />
        <button type="submit" class="button button--secondary">
          Xác nhận đã nhận
        </button>
      </form>
    ) : null}
  </li>
)

/** The state tabs with their counts; `oob`: sent along with a confirmed entry so the counts follow it. */
export const InboxTabs = ({ tabs, oob }: { tabs: InboxTab[]; oob?: boolean }) => (
  <nav class="tabs" id="inbox-tabs" aria-label="Trạng thái" hx-swap-oob={oob ? 'true' : undefined}>
    {tabs.map((t) => (
      <a href={t.href} class="tabs__tab" aria-current={t.current ? 'page' : undefined}>
        {t.label} <span class="tabs__count">{t.count}</span>
      </a>
    ))}
  </nav>
)

export const InboxPage = (p: InboxProps) => (
  <Layout title="Đơn được chuyển đến" staff>
    <h1>Đơn được chuyển đến</h1>
    <p class="lead">{p.agencyName}</p>
    <Flash message={p.flash} />
    <InboxTabs tabs={p.tabs} />
    {p.items.length === 0 ? (
      <p class="muted" id="inbox-empty">
        Không có đơn nào.
      </p>
    ) : (
      <ul class="inbox" id="inbox">
        {p.items.map((f) => (
          <InboxEntry f={f} tab={p.tabs.find((t) => t.current)?.key ?? ''} />
        ))}
      </ul>
    )}
    {p.nextHref ? (
      <p class="pager">
        <a href={p.nextHref} class="button button--secondary">
          Trang sau
        </a>
      </p>
    ) : null}
  </Layout>
)
