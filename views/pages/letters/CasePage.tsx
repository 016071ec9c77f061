/**
 * A letter's case page (/can-bo/don/:id): all its facts, the classification with its legal
 * basis and reasons, the decision (accept the suggestion in one click, or choose another outcome
 * or agency with a required note; the version seen travels along so a concurrent change is
 * reported, not overwritten), the documents to print, where it was sent and the replies, the
 * deadlines, the other letters and visits of the same matter, and the timeline.
 *
 * A receiving agency's user sees the same page without the board's internal parts (decision
 * form, timeline, matter), and never a denouncer's identity.
 */
import { CHANNELS, CONTENT_TYPES, OUTCOMES, fieldLabel } from '../../../src/domain/codes.ts'
import { FORWARDING_KINDS, FORWARDING_STATES } from '../../../src/domain/forwarding.ts'
import type { StoredForwarding } from '../../../src/db/forwardings.ts'
import type { MatterLetter, MatterVisit } from '../../../src/db/matters.ts'
import type { LetterView } from '../../../src/http/letters.ts'
import { CsrfField, Flash, Select, TextArea, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { Reasons } from './ClassificationPanel.tsx'
import { AgencyTreeSelect, type AgencyChoice } from './inputs.tsx'
import { ResolutionSection, type ResolutionSectionProps } from './ResolutionSection.tsx'
import { HIDDEN_IDENTITY, HISTORY_ACTIONS, LETTER_STATUSES, VISIT_HANDLING, VISIT_KINDS, codeOf, label, viDate, viDateTime } from './labels.ts'

type Option = { value: string; label: string }

export interface CaseDeadline {
  id: string
  label: string
  date: string | null
  rule: string | null
  basis: string | null
  state: 'cho' | 'sap_den_han' | 'qua_han' | 'xong'
  note: string | null
  /** The clock is stopped (a suspended complaint or denunciation): "Tạm dừng" instead of a date. */
  paused?: boolean
}

export interface CaseForwarding extends StoredForwarding {
  overdue: boolean
  /** Why a follow-up cannot be sent now; null when it can. */
  followUpProblem: string | null
}

export interface DecisionFormState {
  values: { outcome: string; competentAgencyCode: string; note: string }
  errors: Errors
  /** The message of a rejected decision (409: someone else changed the letter). */
  message: string | null
  /** Open the "another decision" form (it has errors or was being filled). */
  open: boolean
}

export interface CaseProps {
  letter: LetterView
  agencyName: (code: string | null | undefined) => string | null
  areaName: (code: string | null | undefined) => string | null
  registeredBy: string | null
  duplicateOfCode: string | null
  viewer: { canDecide: boolean; boardView: boolean; canFollowUp: boolean }
  deadlines: CaseDeadline[]
  forwardings: CaseForwarding[]
  matter: { id: string; code: string; letters: MatterLetter[]; visits: MatterVisit[] } | null
  decision: DecisionFormState
  options: { outcomes: Option[]; agencies: AgencyChoice[] }
  flash: string | null
  /** A warning above the page (a follow-up that could not be sent). */
  notice: string | null
  /** The "Giải quyết" section of an accepted complaint or denunciation (board only). */
  resolution: ResolutionSectionProps | null
  /** Links to the printable complaint letter and authorisation (Mẫu 01, 02) pre-filled from this complaint. */
  citizenForms: Array<{ href: string; label: string }>
}

const typeLabel = (t: string) => CONTENT_TYPES[t as keyof typeof CONTENT_TYPES] ?? t
const outcomeLabel = (o: string | null | undefined) => (o ? (OUTCOMES[o as keyof typeof OUTCOMES] ?? o) : '')
const yes = (b: boolean | undefined | null) => (b ? 'Có' : 'Không')

const DEADLINE_STATES: Record<CaseDeadline['state'], string> = { cho: '', sap_den_han: 'Sắp đến hạn', qua_han: 'Quá hạn', xong: 'Đã xong' }

function Facts({ p }: { p: CaseProps }) {
  const l = p.letter.letter
  const r = l.respondent ?? null
  const rows: Array<[string, unknown]> = [
    ['Ngày nhận', viDate(p.letter.receivedAt)],
    ['Nguồn đơn', CHANNELS[p.letter.channel]],
    ['Nơi chuyển đến', l.forwardedBy?.name ? `${l.forwardedBy.name}${l.forwardedBy.reference ? ` (văn bản số ${l.forwardedBy.reference})` : ''}` : null],
    ['Loại đơn', typeLabel(p.letter.contentType)],
    ['Ngày viết đơn', l.writtenDate ? viDate(l.writtenDate) : 'Không ghi'],
    ['Lĩnh vực', l.field ? fieldLabel(l.field) : null],
    ['Địa bàn', l.location ? (p.areaName(l.location) ?? l.location) : null],
    ['Cơ quan bị khiếu nại, tố cáo', r?.agencyCode ? (p.agencyName(r.agencyCode) ?? r.agencyCode) : null],
    ['Người bị khiếu nại, tố cáo', r?.person ? `${r.person}${r.isHead ? ' (người đứng đầu, cấp phó)' : ''}${r.private ? ' (ngoài nhà nước)' : ''}` : null],
    ['Tóm tắt nội dung', l.summary],
    ['Yêu cầu, đề nghị', l.request],
    ['Hành vi bị tố cáo', l.act],
    ['Các nội dung', l.contents?.length ? l.contents.map((c) => `${typeLabel(c.contentType)}: ${c.summary ?? ''}`).join('; ') : null],
    ['Chứng cứ kèm theo', yes(l.hasEvidence)],
    ['Lần khiếu nại', l.complaintRound ? `Lần ${l.complaintRound === 2 ? 'hai' : 'đầu'}` : null],
    [
      'Quyết định bị khiếu nại',
      l.decision && (l.decision.number || l.decision.date)
        ? `${l.decision.number ?? ''}${l.decision.date ? ` ngày ${viDate(l.decision.date)}` : ''}${l.decision.knownDate ? `; biết ngày ${viDate(l.decision.knownDate)}` : ''}`
        : null,
    ],
    ['Đã giải quyết trước đây', l.priorResolution?.round ? `Lần ${l.priorResolution.round}${l.priorResolution.effective ? ', đã có hiệu lực' : ''}` : null],
    ['Đang giải quyết tại', l.pendingAt ? `${p.agencyName(l.pendingAt.agencyCode) ?? l.pendingAt.agencyCode} từ ${viDate(l.pendingAt.since)}` : null],
    ['Người vào sổ', p.registeredBy],
  ]
  const flags = (
    [
      ['impersonated', 'mạo danh'],
      ['illegible', 'không đọc được'],
      ['abusive', 'nội dung xúc phạm'],
      ['aboutAdministrativeRegulation', 'về quy định hành chính'],
      ['concluded', 'tố cáo đã có kết luận'],
      ['newEvidence', 'có chứng cứ mới'],
      ['verificationExtended', 'gia hạn xử lý ban đầu (10 ngày làm việc)'],
      ['courtAccepted', 'Tòa án đã thụ lý'],
      ['notDirectlyConcerned', 'không liên quan trực tiếp'],
      ['lacksCapacity', 'không có năng lực hành vi'],
      ['invalidRepresentative', 'đại diện không hợp pháp'],
      ['withdrawnBefore', 'đã rút, đình chỉ'],
      ['internalDecision', 'quyết định nội bộ'],
      ['goodReasonForDelay', 'có lý do chính đáng'],
      ['remoteArea', 'vùng sâu, vùng xa'],
      ['complex', 'vụ việc phức tạp'],
    ] as const
  )
    .filter(([k]) => (l as Record<string, unknown>)[k] === true)
    .map(([, text]) => text)
  return (
    <dl class="facts" id="letter-facts">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([k, value]) => (
          <>
            <dt>{k}</dt>
            <dd>{String(value)}</dd>
          </>
        ))}
      {flags.length > 0 ? (
        <>
          <dt>Ghi chú</dt>
          <dd>{flags.join(', ')}</dd>
        </>
      ) : null}
    </dl>
  )
}

function Senders({ p }: { p: CaseProps }) {
  const l = p.letter
  if (l.sendersHidden) {
    return (
      <p class="flash flash--info" id="senders-hidden">
        {HIDDEN_IDENTITY}: {l.senderCount > 0 ? `${l.senderCount} người` : 'không nêu tên'}. Thông tin người tố cáo chỉ cán bộ trực tiếp xử lý được xem (Điều 56 Luật Tố cáo).
      </p>
    )
  }
  if (l.letter.senders.length === 0) return <p class="muted">Đơn không có tên người gửi.</p>
  return (
    <ul class="senders-list" id="senders-list">
      {l.letter.senders.map((s) => (
        <li>
          <strong>{s.name ?? 'Không có tên'}</strong>
          {s.address ? ` — ${s.address}` : ''}
          {s.idNumber ? ` — số định danh ${s.idNumber}` : ''}
          {s.phone ? ` — ĐT ${s.phone}` : ''}
          {s.email ? ` — ${s.email}` : ''}
          {s.signed ? '' : <span class="badge badge--muted">chưa ký</span>}
        </li>
      ))}
    </ul>
  )
}

function Classification({ p }: { p: CaseProps }) {
  const c = p.letter.classification
  return (
    <section class="panel" aria-labelledby="classification-title">
      <h2 id="classification-title">Đề xuất của hệ thống</h2>
      <dl class="facts facts--tight">
        <dt>Hướng xử lý</dt>
        <dd id="suggestion-outcome">{outcomeLabel(c.outcome)}</dd>
        <dt>Cơ quan có thẩm quyền</dt>
        <dd id="suggestion-agency">{p.agencyName(c.competentAgencyCode) ?? 'Chưa xác định'}</dd>
        <dt>Điều kiện xử lý</dt>
        <dd>{c.eligible ? 'Đủ điều kiện' : 'Không đủ điều kiện'}</dd>
        <dt>Thẩm quyền</dt>
        <dd>{c.withinCompetence ? 'Thuộc thẩm quyền' : 'Không thuộc thẩm quyền'}</dd>
        <dt>Hạn xử lý đề xuất</dt>
        <dd>
          {viDate(c.dueDate)} ({c.deadlineRule})
        </dd>
      </dl>
      <Reasons reasons={c.reasonDetails} />
      <h3>Căn cứ pháp lý</h3>
      <ul class="basis-list">
        {c.legalBasis.map((b) => (
          <li>{b}</li>
        ))}
      </ul>
    </section>
  )
}

function DecisionSection({ p }: { p: CaseProps }) {
  const l = p.letter
  const d = l.decision
  const s = l.classification
  // the anchor: a rejected decision comes back scrolled to this form and its message
  const action = `/can-bo/don/${l.id}/quyet-dinh#decision`
  const f = p.decision
  return (
    <section class="panel decision" aria-labelledby="decision-title" id="decision">
      <h2 id="decision-title">Quyết định xử lý</h2>
      {f.message ? (
        <div class="flash flash--warning" role="alert" id="decision-message">
          {f.message}
        </div>
      ) : null}
      {d ? (
        <dl class="facts facts--tight" id="decision-current">
          <dt>Hướng xử lý</dt>
          <dd id="decision-outcome">
            <strong>{outcomeLabel(d.outcome)}</strong>
            {d.overrides ? <span class="badge badge--soon">Khác đề xuất</span> : null}
          </dd>
          <dt>Cơ quan có thẩm quyền</dt>
          <dd>{p.agencyName(d.competentAgencyCode) ?? '—'}</dd>
          {d.note ? (
            <>
              <dt>Lý do, ghi chú</dt>
              <dd>{d.note}</dd>
            </>
          ) : null}
          <dt>Người quyết định</dt>
          <dd>
            {d.decidedBy ?? ''}, {viDateTime(d.decidedAt)}
          </dd>
        </dl>
      ) : (
        <p class="muted">Chưa có quyết định.</p>
      )}
      {p.viewer.canDecide && !d ? (
        <form method="post" action={action} class="inline-decision">
          <CsrfField />
          <input type="hidden" name="version" value={String(l.version)} />
          <input type="hidden" name="cach" value="theo-de-xuat" />
          <button type="submit" class="button" id="accept-suggestion">
            Đồng ý đề xuất: {outcomeLabel(s.outcome)}
            {s.competentAgencyCode && !s.withinCompetence ? ` — ${p.agencyName(s.competentAgencyCode) ?? s.competentAgencyCode}` : ''}
          </button>
        </form>
      ) : null}
      {p.viewer.canDecide ? (
        <details class="decision-other" open={f.open}>
          <summary>{d ? 'Thay đổi quyết định' : 'Quyết định khác đề xuất'}</summary>
          <form method="post" action={action} class="form form--plain" novalidate>
            <CsrfField />
            <input type="hidden" name="version" value={String(l.version)} />
            <input type="hidden" name="cach" value="khac" />
            <div class="grid-2">
              <Select name="outcome" label="Hướng xử lý" options={p.options.outcomes} value={f.values.outcome} error={f.errors.outcome} emptyLabel="Theo đề xuất" />
              <AgencyTreeSelect
                name="competentAgencyCode"
                label="Cơ quan có thẩm quyền"
                hint="Để hướng dẫn, chuyển đơn hoặc đôn đốc."
                value={f.values.competentAgencyCode}
                agencies={p.options.agencies}
                error={f.errors.competentAgencyCode}
                emptyLabel="Theo đề xuất"
              />
            </div>
            <TextArea name="note" label="Lý do (bắt buộc khi khác đề xuất hoặc thay đổi quyết định)" value={f.values.note} error={f.errors.note} rows={3} />
            <button type="submit" class="button" id="decide-other">
              Ghi quyết định
            </button>
          </form>
        </details>
      ) : null}
    </section>
  )
}

function Documents({ p }: { p: CaseProps }) {
  const docs = p.letter.documents
  return (
    <section class="panel" aria-labelledby="documents-title" id="documents">
      <h2 id="documents-title">Văn bản</h2>
      {docs.length === 0 ? (
        <p class="muted">Chưa có văn bản. Văn bản được lập khi có quyết định xử lý.</p>
      ) : (
        <ul class="documents-list">
          {docs.map((d) => (
            <li>
              <a href={`/can-bo/don/${p.letter.id}/van-ban/${d.id}`} class="document-link">
                {d.title}
              </a>{' '}
              <span class="muted small">
                lập ngày {viDate(d.issuedOn)}
                {d.redacted ? ' · đã ẩn thông tin người tố cáo' : ''}
              </span>{' '}
              · <a href={`/can-bo/don/${p.letter.id}/van-ban/${d.id}.docx`}>Tải .docx</a>
            </li>
          ))}
        </ul>
      )}
      {p.citizenForms.length > 0 ? (
        <p class="citizen-forms" id="citizen-forms">
          Mẫu cho công dân ký:{' '}
          {p.citizenForms.map((f, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={f.href}>{f.label}</a>
            </>
          ))}
        </p>
      ) : null}
    </section>
  )
}

function Forwardings({ p }: { p: CaseProps }) {
  if (p.forwardings.length === 0) return null
  return (
    <section class="panel" aria-labelledby="forwardings-title" id="forwardings">
      <h2 id="forwardings-title">Chuyển đơn, đôn đốc và phúc đáp</h2>
      <ul class="forwardings-list">
        {p.forwardings.map((f) => (
          <li>
            <p>
              <strong>{FORWARDING_KINDS[f.kind]}</strong> đến {p.agencyName(f.agencyCode) ?? f.agencyCode}, ngày {viDate(f.sentOn)}
              {f.replyDueOn ? `, hạn phúc đáp ${viDate(f.replyDueOn)}` : ''}
              {f.overdue ? <span class="badge badge--overdue">Quá hạn phúc đáp</span> : null} —{' '}
              <a href={`/can-bo/co-quan/${f.id}`}>{FORWARDING_STATES[f.state]}</a>
            </p>
            {f.repliedOn ? (
              <p class="reply">
                Văn bản phúc đáp số {f.replyNumber} ngày {viDate(f.repliedOn)}: {f.replyResult}
              </p>
            ) : null}
            {p.viewer.canFollowUp && f.followUpProblem === null ? (
              <form method="post" action={`/can-bo/don/${p.letter.id}/don-doc`} class="inline-form">
                <CsrfField />
                <input type="hidden" name="forwardingId" value={f.id} />
                <button type="submit" class="button button--secondary">
                  Gửi văn bản đôn đốc
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function Deadlines({ p }: { p: CaseProps }) {
  return (
    <section class="panel" aria-labelledby="deadlines-title" id="deadlines">
      <h2 id="deadlines-title">Thời hạn</h2>
      <dl class="facts facts--tight">
        {p.deadlines.map((d) => (
          <>
            <dt>{d.label}</dt>
            <dd id={`deadline-${d.id}`}>
              {d.paused ? <strong>Tạm dừng</strong> : d.date ? viDate(d.date) : '—'}
              {d.rule ? <span class="muted small"> ({d.rule})</span> : null}
              {d.state === 'qua_han' ? <span class="badge badge--overdue">Quá hạn</span> : null}
              {d.state === 'sap_den_han' ? <span class="badge badge--soon">Sắp đến hạn</span> : null}
              {d.state === 'xong' ? <span class="badge badge--muted">{DEADLINE_STATES.xong}</span> : null}
              {d.note ? <span class="hint"> {d.note}</span> : null}
              {d.basis ? <span class="muted small"> — {d.basis}</span> : null}
            </dd>
          </>
        ))}
      </dl>
    </section>
  )
}

function MatterSection({ p }: { p: CaseProps }) {
  const m = p.matter
  if (!m) return null
  const others = m.letters.filter((x) => x.id !== p.letter.id)
  return (
    <section class="panel" aria-labelledby="matter-title" id="matter">
      <h2 id="matter-title">
        Vụ việc <a href={`/can-bo/vu-viec/${m.id}`}>{codeOf(m.code)}</a>
      </h2>
      {p.duplicateOfCode && p.letter.duplicateOf ? (
        <p>
          Đơn trùng với đơn <a href={`/can-bo/don/${p.letter.duplicateOf}`}>{codeOf(p.duplicateOfCode)}</a> (cùng người gửi, cùng nội dung).
        </p>
      ) : null}
      <h3>Các đơn khác cùng vụ việc</h3>
      {others.length === 0 ? (
        <p class="muted">Không có.</p>
      ) : (
        <ul>
          {others.map((x) => (
            <li>
              <a href={`/can-bo/don/${x.id}`}>{codeOf(x.code)}</a> · {viDate(x.receivedAt)} · {typeLabel(x.contentType)} · {label(LETTER_STATUSES, x.status)}
              {x.outcome ? ` · ${outcomeLabel(x.outcome)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>Lượt tiếp công dân</h3>
      {m.visits.length === 0 ? (
        <p class="muted">Chưa có lượt tiếp nào về vụ việc này.</p>
      ) : (
        <ul>
          {m.visits.map((v) => (
            <li>
              {viDate(v.date)} · {label(VISIT_KINDS, v.kind)} · {v.persons} người{v.handling ? ` · ${label(VISIT_HANDLING, v.handling)}` : ''}
              {v.summary ? ` — ${v.summary}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Timeline({ p }: { p: CaseProps }) {
  return (
    <section class="panel" aria-labelledby="timeline-title" id="timeline">
      <h2 id="timeline-title">Diễn biến</h2>
      <ol class="timeline">
        {p.letter.history.map((h) => (
          <li>
            <span class="timeline__when">{viDateTime(h.at)}</span> <strong>{label(HISTORY_ACTIONS, h.action)}</strong> — {h.actor}
            {h.onBehalfOf ? <span class="muted"> (thay cho {h.onBehalfOf})</span> : null}
            {h.reason ? <span class="timeline__why">: {h.reason}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

export const CasePage = (p: CaseProps) => {
  const l = p.letter
  return (
    <Layout title={`Đơn ${codeOf(l.code)}`} staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        {p.viewer.boardView ? <a href="/can-bo/don">Đơn thư</a> : <a href="/can-bo/co-quan">Đơn được chuyển đến</a>} › <span aria-current="page">Đơn {codeOf(l.code)}</span>
      </nav>
      <div class="page-head">
        <h1>
          Đơn {typeLabel(l.contentType).toLowerCase()} <span class="code">{codeOf(l.code)}</span>
        </h1>
        <p class="status-pill" id="letter-status">
          {label(LETTER_STATUSES, l.status)}
        </p>
      </div>
      <Flash message={p.flash} />
      {p.notice ? (
        <div class="flash flash--warning" role="alert" id="case-notice">
          {p.notice}
        </div>
      ) : null}
      <div class="case-layout">
        <div class="case-main">
          <section class="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">Thông tin đơn</h2>
            <h3>Người gửi</h3>
            <Senders p={p} />
            <Facts p={p} />
          </section>
          {p.viewer.boardView ? <Classification p={p} /> : null}
          <Documents p={p} />
          {p.resolution ? <ResolutionSection {...p.resolution} /> : null}
          <Forwardings p={p} />
          {p.viewer.boardView ? <MatterSection p={p} /> : null}
          {p.viewer.boardView ? <Timeline p={p} /> : null}
        </div>
        <div class="case-side">
          {p.viewer.boardView ? <DecisionSection p={p} /> : null}
          <Deadlines p={p} />
        </div>
      </div>
    </Layout>
  )
}
