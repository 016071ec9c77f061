/**
 * The "Giải quyết" section of an accepted complaint's or denunciation's case page: where the case
 * stands, the resolution deadline (counting the suspended spans, "Tạm dừng" while suspended), what
 * is still to do, the decisions to send and by when, the events with their documents, and a small
 * form for each action that can be recorded now. Every form posts without JavaScript and comes back
 * with its values and a message next to each field when rejected.
 */
import type { ResolutionView } from '../../../src/http/resolution.ts'
import type { ResolutionAction } from '../../../src/domain/resolution-rules.ts'
import { CsrfField, Field, Select, TextArea, fieldId, type Errors } from '../../components/forms.tsx'
import { viDate, viDateTime } from './labels.ts'

/** The form that was posted, kept when it is rejected. */
export interface ResolutionFormState {
  action: ResolutionAction
  values: Record<string, string | string[]>
  /** Keyed by the input name ("suspension.date"); "" = about the case as a whole. */
  errors: Errors
  message: string | null
}

export interface ResolutionSectionProps {
  letterId: string
  version: number
  view: ResolutionView
  canRecord: boolean
  form: ResolutionFormState | null
  /** Today as the date fields show it (dd/mm/yyyy). */
  today: string
  /** Titles of the letter's documents by id (the events link to theirs). */
  documentTitles: Record<string, string>
}

/** The page's path segment of each action. */
export const RESOLUTION_SLUGS: Record<ResolutionAction, string> = {
  complexity: 'xac-dinh-phuc-tap',
  dialogue: 'doi-thoai',
  suspension: 'tam-dinh-chi',
  resumption: 'tiep-tuc',
  termination: 'dinh-chi',
  withdrawal: 'rut-don',
  extension: 'gia-han',
  conclusion: 'giai-quyet-xong',
}

const FORM_TITLES: Record<ResolutionAction, (noun: string) => string> = {
  complexity: () => 'Xác định vụ việc phức tạp (Điều 3a)',
  dialogue: () => 'Ghi biên bản đối thoại (Mẫu số 14)',
  suspension: (noun) => `Tạm đình chỉ giải quyết ${noun}`,
  resumption: (noun) => `Tiếp tục giải quyết ${noun}`,
  termination: (noun) => `Đình chỉ giải quyết ${noun}`,
  withdrawal: (noun) => `Ghi nhận rút ${noun}`,
  extension: () => 'Gia hạn giải quyết tố cáo (Điều 30 Luật Tố cáo)',
  conclusion: (noun) => (noun === 'tố cáo' ? 'Ghi kết luận nội dung tố cáo (giải quyết xong)' : 'Ghi quyết định giải quyết khiếu nại (giải quyết xong)'),
}

const SEND_LABELS: Record<string, string> = {
  tam_dinh_chi: 'Gửi quyết định tạm đình chỉ',
  dinh_chi: 'Gửi quyết định đình chỉ',
  tiep_tuc: 'Gửi quyết định tiếp tục giải quyết',
}

type Values = ResolutionFormState['values']
const text = (values: Values, name: string, fallback = '') => {
  const v = values[name]
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? fallback) : fallback
}
const list = (values: Values, name: string) => {
  const v = values[name]
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []
}

function Deadline({ p }: { p: ResolutionSectionProps }) {
  const d = p.view.deadline
  const variant = d.complex ? ', vụ việc phức tạp' : ''
  return (
    <dl class="facts facts--tight">
      <dt>Tình trạng</dt>
      <dd id="resolution-status">
        <strong>{p.view.statusLabel}</strong>
        {d.suspendedSince ? ` từ ngày ${viDate(d.suspendedSince)}` : ''}
        {d.closedOn && p.view.status === 'da_dinh_chi' ? ` ngày ${viDate(d.closedOn)}` : ''}
      </dd>
      <dt>Ngày thụ lý</dt>
      <dd>{viDate(p.view.acceptedOn)}</dd>
      <dt>Hạn giải quyết</dt>
      <dd id="resolution-due">
        {d.paused ? <strong>Tạm dừng</strong> : d.dueDate ? viDate(d.dueDate) : '—'}
        <span class="muted small">
          {' '}
          ({d.deadlineRule}
          {variant}
          {d.days ? `, ${d.days} ngày` : ''})
        </span>
        {d.paused ? <span class="hint"> Thời hạn không chạy trong thời gian tạm đình chỉ; tính tiếp từ ngày có quyết định tiếp tục giải quyết.</span> : null}
        {!d.paused && d.pauses.length > 0 ? <span class="hint"> Không kể thời gian tạm đình chỉ.</span> : null}
        {d.basis ? <span class="muted small"> — {d.basis}</span> : null}
      </dd>
    </dl>
  )
}

function Events({ p }: { p: ResolutionSectionProps }) {
  const events = p.view.events
  if (events.length === 0) return <p class="muted">Chưa ghi nhận việc giải quyết nào.</p>
  return (
    <ol class="timeline" id="resolution-events">
      {events.map((e) => (
        <li id={`resolution-event-${e.id}`}>
          <span class="timeline__when">{viDate(e.date)}</span> <strong>{e.kindLabel}</strong>
          {e.createdBy ? <span class="muted small"> — ghi bởi {e.createdBy}, {viDateTime(e.createdAt)}</span> : null}
          <ul class="resolution-details">
            {e.details.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
          {e.documentId ? (
            <p>
              <a href={`/can-bo/don/${p.letterId}/van-ban/${e.documentId}`} class="document-link">
                {p.documentTitles[e.documentId] ?? 'Văn bản'}
              </a>
              {e.sendBy ? <span class="muted small"> · gửi chậm nhất ngày {viDate(e.sendBy)}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

/** The date field every form starts with. */
const DateField = ({ action, label, values, errors, today }: { action: ResolutionAction; label: string; values: Values; errors: Errors; today: string }) => (
  <Field name={`${action}.date`} label={label} value={text(values, `${action}.date`, today)} error={errors[`${action}.date`]} hint="dd/mm/yyyy" width="medium" />
)

function ActionForm({ p, action }: { p: ResolutionSectionProps; action: ResolutionAction }) {
  const mine = p.form?.action === action ? p.form : null
  const values = mine?.values ?? {}
  const errors = mine?.errors ?? {}
  const o = p.view.options
  const noun = p.view.contentType === 'to_cao' ? 'tố cáo' : 'khiếu nại'
  const n = (field: string) => `${action}.${field}`
  const date = (label: string) => <DateField action={action} label={label} values={values} errors={errors} today={p.today} />
  const body = (() => {
    switch (action) {
      case 'complexity':
        return (
          <>
            {date('Ngày xác định')}
            <fieldset class={`field${errors[n('criteria')] ? ' field--error' : ''}`} id={fieldId(n('criteria'))}>
              <legend class="radio-group__legend">Tiêu chí vụ việc có (Điều 3a)</legend>
              {errors[n('criteria')] ? (
                <p class="field-error" id={`${fieldId(n('criteria'))}-error`}>
                  {errors[n('criteria')]}
                </p>
              ) : null}
              {o.criteria.map((c) => (
                <label class="checkbox">
                  <input type="checkbox" name={n('criteria')} value={c.value} checked={list(values, n('criteria')).includes(c.value)} /> {c.label}
                </label>
              ))}
            </fieldset>
            <TextArea name={n('reason')} label="Lý do (tình tiết ứng với tiêu chí)" value={text(values, n('reason'))} error={errors[n('reason')]} rows={3} />
            <Field name={n('decidedBy')} label="Người xác định (họ tên, chức vụ)" value={text(values, n('decidedBy'))} error={errors[n('decidedBy')]} />
          </>
        )
      case 'dialogue':
        return (
          <>
            {date('Ngày đối thoại')}
            <Field name={n('chairedBy')} label="Người chủ trì (họ tên, chức vụ)" value={text(values, n('chairedBy'))} error={errors[n('chairedBy')]} />
            <Field name={n('place')} label="Địa điểm" value={text(values, n('place'))} error={errors[n('place')]} />
            <TextArea name={n('participants')} label="Thành phần tham gia (mỗi người một dòng)" value={text(values, n('participants'))} error={errors[n('participants')]} rows={3} />
            <Select name={n('attendance')} label="Người khiếu nại" options={o.attendance} value={text(values, n('attendance'), 'co_mat')} error={errors[n('attendance')]} />
            <Field name={n('absenceReason')} label="Lý do vắng mặt (nếu vắng mặt có lý do)" value={text(values, n('absenceReason'))} error={errors[n('absenceReason')]} />
            <TextArea name={n('summary')} label="Nội dung đối thoại, ý kiến các bên" value={text(values, n('summary'))} error={errors[n('summary')]} rows={4} />
          </>
        )
      case 'suspension':
      case 'termination':
        return (
          <>
            {date(action === 'suspension' ? 'Ngày quyết định tạm đình chỉ' : 'Ngày quyết định đình chỉ')}
            <Select
              name={n('ground')}
              label="Căn cứ"
              options={action === 'suspension' ? o.suspensionGrounds : o.terminationGrounds}
              value={text(values, n('ground'))}
              error={errors[n('ground')]}
              emptyLabel="— Chọn căn cứ —"
            />
            <TextArea name={n('reason')} label="Sự việc cụ thể" value={text(values, n('reason'))} error={errors[n('reason')]} rows={3} />
          </>
        )
      case 'resumption':
        return (
          <>
            {date('Ngày quyết định tiếp tục giải quyết')}
            <TextArea name={n('reason')} label="Lý do tạm đình chỉ không còn" value={text(values, n('reason'))} error={errors[n('reason')]} rows={3} />
          </>
        )
      case 'extension':
        return (
          <>
            {date('Ngày quyết định gia hạn')}
            <Field name={n('days')} label="Gia hạn thêm (số ngày, tối đa 30)" value={text(values, n('days'), '30')} error={errors[n('days')]} width="short" inputmode="numeric" />
            <TextArea name={n('reason')} label="Lý do gia hạn (vụ việc phức tạp, đặc biệt phức tạp)" value={text(values, n('reason'))} error={errors[n('reason')]} rows={3} />
          </>
        )
      case 'conclusion':
        return (
          <>
            {date('Ngày ban hành')}
            <Field name={n('number')} label={noun === 'tố cáo' ? 'Số kết luận' : 'Số quyết định'} value={text(values, n('number'))} error={errors[n('number')]} width="medium" />
            <Select name={n('finding')} label="Kết quả" options={o.findings} value={text(values, n('finding'))} error={errors[n('finding')]} emptyLabel="— Chọn kết quả —" />
            <TextArea name={n('summary')} label={noun === 'tố cáo' ? 'Tóm tắt nội dung kết luận' : 'Tóm tắt nội dung giải quyết'} value={text(values, n('summary'))} error={errors[n('summary')]} rows={3} />
          </>
        )
      case 'withdrawal':
        return (
          <>
            {date('Ngày rút')}
            <Select name={n('scope')} label="Phạm vi" options={o.scopes} value={text(values, n('scope'), 'toan_bo')} error={errors[n('scope')]} />
            <Select name={n('form')} label="Hình thức" options={o.forms} value={text(values, n('form'), 'don')} error={errors[n('form')]} />
            <TextArea
              name={n('content')}
              label="Nội dung được rút"
              hint="Bắt buộc khi rút một phần; khiếu nại đông người: ghi những người rút."
              value={text(values, n('content'))}
              error={errors[n('content')]}
              rows={2}
            />
            {o.continueGrounds.length > 0 ? (
              <Select
                name={n('continueGround')}
                label="Vẫn tiếp tục giải quyết tố cáo vì"
                options={o.continueGrounds}
                value={text(values, n('continueGround'))}
                error={errors[n('continueGround')]}
                emptyLabel="Không — đình chỉ giải quyết"
              />
            ) : null}
          </>
        )
    }
  })()
  const hint: Record<ResolutionAction, string> = {
    complexity: 'Hạn giải quyết chuyển sang thời hạn của vụ việc phức tạp. Lập văn bản xác định, lưu trong hồ sơ.',
    dialogue: 'Lập biên bản đối thoại; vắng mặt không có lý do thì tiếp tục giải quyết.',
    suspension: 'Lập quyết định tạm đình chỉ; thời hạn giải quyết ngừng chạy từ ngày quyết định.',
    resumption: 'Lập quyết định tiếp tục giải quyết; thời hạn tính tiếp từ ngày quyết định.',
    termination: 'Lập quyết định đình chỉ; vụ việc kết thúc.',
    withdrawal: `Rút toàn bộ: đình chỉ giải quyết${p.view.contentType === 'to_cao' ? ' (trừ khi có căn cứ tiếp tục)' : ''}. Rút một phần: tiếp tục giải quyết phần còn lại.`,
    conclusion: `Ghi văn bản đã ban hành; vụ việc chuyển sang "đã giải quyết xong" và không ghi thêm được.`,
    extension: 'Vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp hai lần, mỗi lần không quá 30 ngày; quyết định trước khi hết hạn và gửi người tố cáo, người bị tố cáo.',
  }
  return (
    <details class="resolution-form" open={mine !== null} id={`resolution-form-${action}`}>
      <summary>{FORM_TITLES[action](noun)}</summary>
      <form method="post" action={`/can-bo/don/${p.letterId}/giai-quyet/${RESOLUTION_SLUGS[action]}#resolution-form-${action}`} class="form form--plain" novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={String(p.version)} />
        <p class="hint">{hint[action]}</p>
        {mine?.message ? (
          <div class="flash flash--warning" role="alert" id={fieldId(`${action}-message`)}>
            {mine.message}
            {errors[''] ? ` ${errors['']}` : ''}
          </div>
        ) : null}
        {body}
        <button type="submit" class="button" id={`resolution-submit-${action}`}>
          Ghi nhận
        </button>
      </form>
    </details>
  )
}

export const ResolutionSection = (p: ResolutionSectionProps) => {
  const v = p.view
  return (
    <section class="panel" aria-labelledby="resolution-title" id="resolution">
      <h2 id="resolution-title">Giải quyết</h2>
      {p.form && !v.actions.includes(p.form.action) ? (
        // the form that was posted is not offered in this state (e.g. resuming what is not suspended)
        <div class="flash flash--warning" role="alert" id="resolution-message">
          {p.form.message}
          {Object.values(p.form.errors).map((m) => ` ${m}`)}
        </div>
      ) : null}
      <Deadline p={p} />
      {v.todos.length > 0 ? (
        <>
          <h3>Việc cần làm</h3>
          <ul class="resolution-todos" id="resolution-todos">
            {v.todos.map((t) => (
              <li id={`todo-${t.code}`}>
                {t.message} <span class="muted small">— {t.basis}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.pendingSends.length > 0 ? (
        <ul class="resolution-sends" id="resolution-sends">
          {v.pendingSends.map((s) => (
            <li>
              {SEND_LABELS[s.kind] ?? 'Gửi quyết định'} chậm nhất ngày <strong>{viDate(s.sendBy)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>Diễn biến giải quyết</h3>
      <Events p={p} />
      {p.canRecord && v.actions.length > 0 ? (
        <div class="resolution-actions">
          {v.actions.map((action) => (
            <ActionForm p={p} action={action} />
          ))}
        </div>
      ) : null}
    </section>
  )
}
