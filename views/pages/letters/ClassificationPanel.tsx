/**
 * The live classification beside the registration form: what the rules make of the letter as
 * typed so far — outcome, competent agency, due date, eligibility reasons with their legal basis,
 * the content type the text suggests, and earlier letters of the same senders. htmx swaps this
 * panel's content as the officer types; without JavaScript the "Xem đề xuất" button does.
 */
import { CONTENT_TYPES, OUTCOMES } from '../../../src/domain/codes.ts'
import type { Classification } from '../../../src/domain/letter.ts'
import { codeOf, viDate } from './labels.ts'

export interface EarlierLetterItem {
  id: string
  code: string
  receivedAt: string
  contentType: string
  outcome: string | null
  /** The duplicate check found it the same matter (RULES.md §4). */
  sameMatter: boolean
}

export interface ClassificationPreview {
  /** What keeps the letter from being classified (receipt date, channel, type). */
  missing: string[]
  /** Inputs left out because they are not valid yet. */
  ignored: string[]
  classification: Classification | null
  competentAgencyName: string | null
  /** suggestContentType on the letter's text. */
  suggestedType: { contentType: string | null; cues: string[] } | null
  chosenType: string | null
  earlier: EarlierLetterItem[]
  /** The D16 escalation date for letters received from 2026-07-01. */
  escalationDate: string | null
}

const typeLabel = (t: string | null) => (t ? (CONTENT_TYPES[t as keyof typeof CONTENT_TYPES] ?? t) : '')

/** The suggestion's reasons, each with its legal basis (none: nothing). */
export const Reasons = ({ reasons, id }: { reasons: Classification['reasonDetails']; id?: string }) =>
  reasons.length > 0 ? (
    <>
      <h3>Lý do</h3>
      <ul class="reasons" id={id}>
        {reasons.map((r) => (
          <li>
            {r.message}
            {r.basis ? <span class="muted small"> — {r.basis}</span> : null}
          </li>
        ))}
      </ul>
    </>
  ) : null

export const ClassificationContent = ({ preview }: { preview: ClassificationPreview | null }) => {
  if (!preview) {
    return <p class="muted">Nhập ngày nhận, nguồn đơn và loại đơn để hệ thống đề xuất hướng xử lý.</p>
  }
  const c = preview.classification
  const suggested = preview.suggestedType
  return (
    <>
      {suggested?.contentType && suggested.contentType !== preview.chosenType ? (
        <p class="suggest-type" id="suggested-type">
          Nội dung đơn có dấu hiệu là <strong>{typeLabel(suggested.contentType).toLowerCase()}</strong>
          {suggested.cues.length > 0 ? ` (${suggested.cues.slice(0, 4).join(', ')})` : ''}
          {preview.chosenType ? ' — kiểm tra lại loại đơn đã chọn.' : '.'} Loại đơn do cán bộ xác định theo nội dung, không theo tiêu đề.
        </p>
      ) : null}
      {preview.missing.length > 0 ? (
        <div id="classification-missing">
          <p>Chưa đủ thông tin để phân loại:</p>
          <ul>
            {preview.missing.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {c ? (
        <>
          <dl class="facts facts--tight">
            <dt>Hướng xử lý</dt>
            <dd id="suggested-outcome">
              <strong>{OUTCOMES[c.outcome]}</strong>
            </dd>
            <dt>Cơ quan có thẩm quyền</dt>
            <dd id="suggested-agency">{preview.competentAgencyName ?? 'Chưa xác định'}</dd>
            <dt>Thẩm quyền</dt>
            <dd>{c.withinCompetence ? 'Thuộc thẩm quyền' : 'Không thuộc thẩm quyền'}</dd>
            <dt>Điều kiện xử lý</dt>
            <dd id="suggested-eligible">{c.eligible ? 'Đủ điều kiện xử lý' : 'Không đủ điều kiện xử lý'}</dd>
            <dt>Hạn xử lý</dt>
            <dd id="suggested-due">
              {viDate(c.dueDate)} <span class="muted">({c.deadlineRule})</span>
            </dd>
            {preview.escalationDate ? (
              <>
                <dt>Cảnh báo 45 ngày</dt>
                <dd>{viDate(preview.escalationDate)}</dd>
              </>
            ) : null}
          </dl>
          <Reasons reasons={c.reasonDetails} id="suggested-reasons" />
          <details class="basis">
            <summary>Căn cứ pháp lý</summary>
            <ul>
              {c.legalBasis.map((b) => (
                <li>{b}</li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
      {preview.ignored.length > 0 ? <p class="muted small">Chưa tính các mục đang nhập chưa đúng: {preview.ignored.join(' ')}</p> : null}
      {preview.earlier.length > 0 ? (
        <div class="earlier" id="possible-duplicates">
          <h3>Đơn trước đây của cùng người gửi</h3>
          <ul>
            {preview.earlier.map((e) => (
              <li>
                <a href={`/can-bo/don/${e.id}`}>{codeOf(e.code)}</a> · {viDate(e.receivedAt)} · {typeLabel(e.contentType)}
                {e.outcome ? ` · ${OUTCOMES[e.outcome as keyof typeof OUTCOMES] ?? e.outcome}` : ' · chưa xử lý'}
                {e.sameMatter ? <span class="badge badge--soon">Trùng vụ việc</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  )
}

/** The panel with its stable live region; htmx replaces only what is inside `#classification`. */
export const ClassificationPanel = ({ preview }: { preview: ClassificationPreview | null }) => (
  <section class="panel classification" aria-labelledby="classification-title">
    <h2 id="classification-title">Đề xuất của hệ thống</h2>
    <div id="classification" aria-live="polite">
      <ClassificationContent preview={preview} />
    </div>
  </section>
)
