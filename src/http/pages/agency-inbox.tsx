/**
 * Receiving agencies and their replies, mounted at /can-bo/co-quan:
 *
 *   GET  /                 a co_quan user's inbox (the board is sent to /tong-hop)
 *   GET  /tong-hop         the board: replies and late agencies per agency, follow-up buttons
 *   GET  /:id              one forwarding: the letter (no denouncer identity), documents, reply form
 *   POST /:id/tiep-nhan    the agency confirms receipt (htmx: the inbox entry is swapped in place)
 *   POST /:id/phuc-dap     the reply (văn bản phúc đáp): number, date, result
 *
 * A co_quan user reaches only its own agency's forwardings (403 on others'). Use cases and their
 * rules: src/http/forwardings.ts.
 */
import { Hono, type Context } from 'hono'
import { vnDateOf } from '../../domain/calendar.ts'
import { FORWARDING_FILTERS, type ForwardingFilter } from '../../domain/forwarding.ts'
import { can } from '../../domain/permissions.ts'
import { listAgencies } from '../../db/agencies.ts'
import { documentsOfLetter, summaryOf } from '../../db/documents.ts'
import { agencyReplySummary, countForwardingsByState, forwardingsOfLetter, listForwardings, overdue, recentReplies, type StoredForwarding } from '../../db/forwardings.ts'
import { getLetter, peopleOfLetters } from '../../db/letters.ts'
import { ForwardingPage, type ForwardingPageProps } from '../../../views/pages/agency/ForwardingPage.tsx'
import { InboxEntry, InboxPage, InboxTabs, type InboxItem, type InboxTab } from '../../../views/pages/agency/InboxPage.tsx'
import { RepliesBoardPage } from '../../../views/pages/agency/RepliesBoardPage.tsx'
import type { AppEnv, CurrentUser } from '../env.ts'
import { forbidden, notFound } from '../errors.ts'
import { pageRequires, signedIn } from '../auth/pages.ts'
import { formText, parseDateInput, readForm, safeParseForm } from '../form.ts'
import { fragment } from '../fragment.tsx'
import { acknowledge, forwardingForViewer, mayAcknowledge, mayRecordReply, reply, type Checked } from '../forwardings.ts'
import { isPartialRequest } from '../htmx.ts'
import { protectsIdentity, visibleDocuments, withoutIdentity } from '../letters.ts'
import { render } from '../render.tsx'
import { ReplySchema } from '../schemas/forwarding.ts'

const ID = '[A-Za-z0-9_-]{1,64}'

const FLASH: Record<string, string> = {
  'tiep-nhan': 'Đã xác nhận tiếp nhận đơn.',
  'phuc-dap': 'Đã ghi nhận văn bản phúc đáp. Ban Tiếp công dân đã nhận được kết quả.',
  'don-doc': 'Đã lập văn bản đôn đốc gửi cơ quan.',
}
const flashOf = (key: string | undefined) => (key ? (FLASH[key] ?? null) : null)

const INBOX_TABS: Array<ForwardingFilter | 'tat_ca'> = ['chua_phuc_dap', 'cho_tiep_nhan', 'qua_han', 'da_phuc_dap', 'tat_ca']
const TAB_LABELS: Record<ForwardingFilter | 'tat_ca', string> = { ...FORWARDING_FILTERS, tat_ca: 'Tất cả' }

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

function unwrap<T>(result: Checked<T>): T {
  if (result.ok) return result.value
  if (result.status === 403) throw forbidden(result.message)
  throw notFound(result.message)
}

type InboxTabKey = ForwardingFilter | 'tat_ca'
const inboxTab = (requested: string | undefined): InboxTabKey => ((INBOX_TABS as Array<string | undefined>).includes(requested) ? (requested as InboxTabKey) : 'chua_phuc_dap')

const inboxTabs = (counts: Record<InboxTabKey, number>, tab: InboxTabKey): InboxTab[] =>
  INBOX_TABS.map((key) => ({ key, label: TAB_LABELS[key], count: counts[key], href: `/can-bo/co-quan?tab=${key}`, current: key === tab }))

/** The inbox entries: a denouncer's name retyped in a summary is hidden from those who may not see it. */
async function inboxItems(c: Context<AppEnv>, list: readonly StoredForwarding[], user: CurrentUser, today: string): Promise<InboxItem[]> {
  const people = await peopleOfLetters(c.get('deps').db, list.map((f) => f.letterId))
  const mayIdentify = can(user.roles, 'view_denouncer_identity')
  return list.map((f) => {
    const who = people.get(f.letterId)
    const summary = who?.protectsIdentity && !mayIdentify ? (withoutIdentity({ summary: f.summary }, who.senders).summary ?? null) : f.summary
    return { ...f, summary, overdue: overdue(f, today), canAcknowledge: mayAcknowledge(user, f) }
  })
}

async function inbox(c: Context<AppEnv>) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  if (!user.roles.includes('co_quan') || !user.agencyCode) {
    if (can(user.roles, 'view_letters')) return c.redirect('/can-bo/co-quan/tong-hop', 303)
    throw forbidden()
  }
  const today = vnDateOf(now())
  const tab = inboxTab(c.req.query('tab'))
  const [counts, page, agencies] = await Promise.all([
    countForwardingsByState(db, user.agencyCode, today),
    listForwardings(db, { agencyCode: user.agencyCode, state: tab === 'tat_ca' ? undefined : tab, today }, c.req.query('trang') ?? null, 50),
    listAgencies(db),
  ])
  const items = await inboxItems(c, page.items, user, today)
  c.header('Cache-Control', 'no-store')
  return render(
    c,
    <InboxPage
      agencyName={agencies.find((a) => a.code === user.agencyCode)?.name ?? user.agencyCode}
      tabs={inboxTabs(counts, tab)}
      items={items}
      nextHref={page.nextCursor ? `/can-bo/co-quan?tab=${tab}&trang=${encodeURIComponent(page.nextCursor)}` : null}
      flash={flashOf(c.req.query('ok'))}
    />,
  )
}

async function forwardingPage(c: Context<AppEnv>, f: StoredForwarding, status: 200 | 409 | 422 = 200, extra: Partial<Pick<ForwardingPageProps, 'reply' | 'notice' | 'flash'>> = {}) {
  const { db, now } = c.get('deps')
  const user = c.get('user')!
  const today = vnDateOf(now())
  const [letter, agencies, documents] = await Promise.all([getLetter(db, f.letterId), listAgencies(db), documentsOfLetter(db, f.letterId)])
  if (!letter) throw notFound('Không tìm thấy đơn.')
  const board = can(user.roles, 'view_letters')
  const chain = await forwardingsOfLetter(db, f.letterId, f.agencyCode)
  const names = new Map(agencies.map((a) => [a.code, a.name]))
  // the identity of a denouncer is never on this page: not even for the board (it is on the case page, logged)
  const hidden = protectsIdentity(letter.letter)
  const { senders: _senders, ...facts } = letter.letter
  c.header('Cache-Control', 'no-store')
  return render(
    c,
    <ForwardingPage
      forwarding={{ ...f, overdue: overdue(f, today) }}
      chain={chain.map((x) => ({ ...x, overdue: overdue(x, today) }))}
      letter={hidden ? withoutIdentity(facts, letter.senders) : facts}
      senders={hidden ? null : letter.senders}
      documents={visibleDocuments(user, documents).map(summaryOf)}
      agencyName={(code) => (code ? (names.get(code) ?? code) : null)}
      canAcknowledge={mayAcknowledge(user, f)}
      canReply={mayRecordReply(user, f)}
      boardView={board}
      reply={extra.reply ?? { values: { number: '', date: viDate(today), result: '' }, errors: {} }}
      flash={extra.flash ?? null}
      notice={extra.notice ?? null}
    />,
    status,
  )
}

export const agencyPages = new Hono<AppEnv>()
  .use(signedIn)
  .get('/', inbox)
  .get('/tong-hop', pageRequires('view_letters'), async (c) => {
    const { db, now } = c.get('deps')
    const today = vnDateOf(now())
    const [summary, late, replies, agencies] = await Promise.all([
      agencyReplySummary(db, today),
      listForwardings(db, { state: 'qua_han', today }, null, 200),
      recentReplies(db, 20),
      listAgencies(db),
    ])
    const names = new Map(agencies.map((a) => [a.code, a.name]))
    c.header('Cache-Control', 'no-store')
    return render(
      c,
      <RepliesBoardPage
        summary={summary.sort((a, b) => b.overdue - a.overdue || (names.get(a.agencyCode) ?? '').localeCompare(names.get(b.agencyCode) ?? '', 'vi'))}
        overdue={late.items}
        replies={replies}
        agencyName={(code) => names.get(code) ?? code}
        canFollowUp={can(c.get('user')!.roles, 'send_follow_up')}
        today={today}
        flash={flashOf(c.req.query('ok'))}
      />,
    )
  })
  .get(`/:id{${ID}}`, async (c) => {
    const f = unwrap(await forwardingForViewer(c.get('deps').db, c.req.param('id'), c.get('user')!))
    return forwardingPage(c, f, 200, { flash: flashOf(c.req.query('ok')) })
  })
  .post(`/:id{${ID}}/tiep-nhan`, async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const body = await readForm(c)
    const f = unwrap(await acknowledge(db, c.req.param('id'), user, now()))
    if (isPartialRequest(c)) {
      // the entry in place, and the tabs again (out of band): their counts changed with it
      const today = vnDateOf(now())
      const tab = inboxTab(formText(body, 'tab', 20))
      const [item] = await inboxItems(c, [f], user, today)
      const counts = user.agencyCode ? await countForwardingsByState(db, user.agencyCode, today) : null
      return fragment(
        c,
        <>
          <InboxEntry f={item!} tab={tab} />
          {counts ? <InboxTabs tabs={inboxTabs(counts, tab)} oob /> : null}
        </>,
      )
    }
    return c.redirect(formText(body, 'next', 20) === 'hop-thu' ? `/can-bo/co-quan?tab=${inboxTab(formText(body, 'tab', 20))}&ok=tiep-nhan` : `/can-bo/co-quan/${f.id}?ok=tiep-nhan`, 303)
  })
  .post(`/:id{${ID}}/phuc-dap`, async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const f = unwrap(await forwardingForViewer(db, c.req.param('id'), user))
    const body = await readForm(c)
    const values = { number: formText(body, 'number', 200), date: formText(body, 'date', 20), result: formText(body, 'result', 10_000) }
    const parsed = safeParseForm(ReplySchema, { ...values, date: parseDateInput(values.date) })
    const errors: Record<string, string> = {}
    if (!parsed.ok) {
      const dateMessage = values.date.trim() === '' ? 'Nhập ngày văn bản phúc đáp.' : 'Ngày văn bản phải có dạng dd/mm/yyyy và là ngày có thật.'
      for (const e of parsed.errors) errors[e.path] ??= e.path === 'date' ? dateMessage : e.message
      return forwardingPage(c, f, 422, { reply: { values, errors } })
    }
    const result = await reply(db, f.id, parsed.value, user, now())
    if (result.ok) return c.redirect(`/can-bo/co-quan/${f.id}?ok=phuc-dap`, 303)
    if (result.status === 422) {
      for (const e of result.errors ?? []) errors[e.path] ??= e.message
      return forwardingPage(c, f, 422, { reply: { values, errors } })
    }
    if (result.status === 409) return forwardingPage(c, unwrap(await forwardingForViewer(db, f.id, user)), 409, { notice: result.message, reply: { values, errors } })
    return unwrap(result)
  })
