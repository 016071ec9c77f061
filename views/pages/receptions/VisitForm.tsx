/**
 * Recording a visit (/can-bo/tiep-dan/moi): when and how the citizens were received, who came
 * (with their papers), the matter (new, or an earlier one found by name or ID without
 * diacritics), what they raised and how it was handled. Works without JavaScript: "Thêm người"
 * and "Tìm" are submit buttons that re-render the form with everything typed kept; with htmx
 * they swap only the visitor rows or the matter results. Input names are the API's paths
 * (`visitors.0.idNumber`), so errors land next to their field. Which detail fields belong to
 * which choice is shown by CSS (:has), with no script.
 */
import type { Child } from 'hono/jsx'
import type { MatterHit } from '../../../src/db/receptions.ts'
import { CONTENT_TYPES } from '../../../src/domain/codes.ts'
import { HANDLINGS, ID_KINDS, RECEPTION_FORMS, RECEPTION_KINDS, type RefusalGround } from '../../../src/domain/reception.ts'
import { Checkbox, CsrfField, ErrorSummary, Field, FieldFrame, Select, TextArea, fieldId, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { code8, contentLabel, fieldName, handlingLabel, kindLabel, viDate } from './labels.ts'

export type FormValues = Record<string, string>

export const MAX_VISITOR_ROWS = 50
export const FORM_ACTION = '/can-bo/tiep-dan/moi'
export const MATTER_SEARCH = '/can-bo/tiep-dan/vu-viec'

export interface VisitFormProps {
  values: FormValues
  visitorRows: number
  errors: Errors
  threshold: number
  fields: ReadonlyArray<{ value: string; label: string }>
  agencyNames: readonly string[]
  grounds: readonly RefusalGround[]
  /** Matters found by the last search; null when no search was made. */
  matters: readonly MatterHit[] | null
  /** The matter picked (kept when it is not among the results). */
  selected: MatterHit | null
  focusRow?: number | null
  notice?: string | null
}

const Radios = (p: {
  name: string
  legend: string
  options: ReadonlyArray<{ value: string; label: Child }>
  value: string
  error?: string | undefined
  hint?: Child
}) => (
  <fieldset class={`field radio-group${p.error ? ' field--error' : ''}`} id={fieldId(p.name)} tabindex={-1}>
    <legend class="radio-group__legend">{p.legend}</legend>
    {p.hint ? <p class="hint">{p.hint}</p> : null}
    {p.error ? (
      <p class="field-error" id={`${fieldId(p.name)}-error`}>
        {p.error}
      </p>
    ) : null}
    {p.options.map((o) => (
      <div class="radio">
        <input type="radio" id={`${fieldId(p.name)}-${o.value || 'none'}`} name={p.name} value={o.value} checked={p.value === o.value} />
        <label for={`${fieldId(p.name)}-${o.value || 'none'}`}>{o.label}</label>
      </div>
    ))}
  </fieldset>
)

const ID_OPTIONS = Object.entries(ID_KINDS).map(([value, label]) => ({ value, label }))

const VisitorRow = ({ i, values, errors, autofocus }: { i: number; values: FormValues; errors: Errors; autofocus: boolean }) => {
  const v = (f: string) => values[`visitors.${i}.${f}`] ?? ''
  const e = (f: string) => errors[`visitors.${i}.${f}`]
  return (
    <div class="sender-row visitor-row" role="group" aria-labelledby={`visitor-${i}-title`}>
      <h3 id={`visitor-${i}-title`} class="sender-row__title">
        Người đến thứ {i + 1}
      </h3>
      <FieldFrame
        name={`visitors.${i}.name`}
        label="Họ và tên"
        error={e('name')}
        required
        control={(a) => <input {...a} name={`visitors.${i}.name`} type="text" value={v('name')} autocomplete="off" autofocus={autofocus} class="input" />}
      />
      <Field name={`visitors.${i}.address`} label="Địa chỉ" value={v('address')} error={e('address')} hint="Số nhà, thôn/tổ dân phố, xã/phường, tỉnh." autocomplete="off" />
      <div class="grid-2">
        <Select name={`visitors.${i}.idKind`} label="Loại giấy tờ" options={ID_OPTIONS} value={v('idKind')} error={e('idKind')} emptyLabel="— Chọn —" />
        <Field name={`visitors.${i}.idNumber`} label="Số giấy tờ" value={v('idNumber')} error={e('idNumber')} inputmode="text" autocomplete="off" hint="Bắt buộc với lượt tiếp từ 01/7/2026." />
      </div>
      <Checkbox name={`visitors.${i}.representative`} label="Người đại diện của đoàn" checked={v('representative') === '1'} />
      <Field
        name={`visitors.${i}.authorisation`}
        label="Văn bản ủy quyền (nếu là người được ủy quyền)"
        value={v('authorisation')}
        error={e('authorisation')}
        hint="Loại văn bản, số, ngày; người được ủy quyền phải xuất trình văn bản ủy quyền hợp pháp (Điều 12, 13 Nghị định 154/2026)."
        autocomplete="off"
      />
    </div>
  )
}

/** The visitor rows: also the fragment htmx swaps when a row is added. */
export const VisitorRows = ({ values, visitorRows, errors, focusRow }: Pick<VisitFormProps, 'values' | 'visitorRows' | 'errors' | 'focusRow'>) => (
  <div id="visitor-rows">
    <input type="hidden" name="visitorRows" value={String(visitorRows)} />
    {Array.from({ length: visitorRows }, (_, i) => (
      <VisitorRow i={i} values={values} errors={errors} autofocus={focusRow === i} />
    ))}
    {visitorRows < MAX_VISITOR_ROWS ? (
      <button
        type="submit"
        name="hanh_dong"
        value="them-nguoi"
        formnovalidate
        class="button button--secondary"
        hx-post={FORM_ACTION}
        hx-target="#visitor-rows"
        hx-swap="outerHTML"
      >
        Thêm người
      </button>
    ) : null}
  </div>
)

const MatterOption = ({ m, checked, showNames }: { m: MatterHit; checked: boolean; showNames: boolean }) => {
  const id = `${fieldId('caseId')}-${m.id}`
  const last = m.lastVisits[0]
  return (
    <div class="radio matter-option" data-matter={m.code}>
      <input type="radio" id={id} name="caseId" value={m.id} checked={checked} />
      <label for={id}>
        <strong class="matter-option__code">{code8(m.code)}</strong> · {contentLabel(m.contentType)}
        {m.field ? ` · ${fieldName(m.field)}` : ''} — {m.summary ?? 'không có tóm tắt'}
        <span class="matter-option__facts">
          {m.visits} lượt tiếp, {m.letters} đơn.
          {last
            ? ` Lượt tiếp gần nhất: ${viDate(last.date)} (${kindLabel(last.kind).toLowerCase()}, ${last.persons} người${last.handling ? `, ${handlingLabel(last.handling).toLowerCase()}` : ''})${showNames && last.visitorNames.length > 0 ? ` — ${last.visitorNames.slice(0, 4).join(', ')}${last.visitorNames.length > 4 ? '…' : ''}` : ''}.`
            : ''}
          {m.lastLetters.length > 0 ? ` Đơn: ${m.lastLetters.map((l) => `${code8(l.code)} (${viDate(l.receivedAt)})`).join(', ')}.` : ''}
        </span>
      </label>
    </div>
  )
}

/** The matter choices: "new", the matter already picked, then the search results. The fragment the search swaps. */
export const MatterResults = (p: { query: string; matters: readonly MatterHit[] | null; selected: MatterHit | null; caseId: string; error?: string | undefined; namesOf: (m: MatterHit) => boolean }) => {
  const others = (p.matters ?? []).filter((m) => m.id !== p.selected?.id)
  return (
    <div id="matter-results" class={`matter-results${p.error ? ' field field--error' : ''}`} aria-live="polite">
      {p.error ? (
        <p class="field-error" id={`${fieldId('caseId')}-error`}>
          {p.error}
        </p>
      ) : null}
      <div class="radio">
        <input type="radio" id={`${fieldId('caseId')}-new`} name="caseId" value="" checked={p.caseId === '' || (!p.selected && !others.some((m) => m.id === p.caseId))} />
        <label for={`${fieldId('caseId')}-new`}>
          <strong>Vụ việc mới</strong> — lần đầu đến trình bày nội dung này
        </label>
      </div>
      {p.selected ? <MatterOption m={p.selected} checked={p.caseId === p.selected.id} showNames={p.namesOf(p.selected)} /> : null}
      {others.map((m) => (
        <MatterOption m={m} checked={p.caseId === m.id} showNames={p.namesOf(m)} />
      ))}
      {p.matters !== null && p.matters.length === 0 ? (
        <p class="muted" id="matter-none">
          Không tìm thấy vụ việc nào khớp “{p.query}”.
        </p>
      ) : null}
      {p.matters !== null && p.matters.length > 0 ? (
        <p class="hint" id="matter-count">
          {p.matters.length} vụ việc khớp “{p.query}”: chọn vụ việc công dân đến trình bày lại.
        </p>
      ) : null}
    </div>
  )
}

const KIND_OPTIONS = Object.entries(RECEPTION_KINDS).map(([value, label]) => ({ value, label }))
const FORM_OPTIONS = Object.entries(RECEPTION_FORMS).map(([value, label]) => ({ value, label }))
const CONTENT_OPTIONS = Object.entries(CONTENT_TYPES).map(([value, label]) => ({ value, label }))
const HANDLING_OPTIONS = Object.entries(HANDLINGS).map(([value, label]) => ({ value, label }))

/** Summary links for errors whose field is a group, not an input of that id. */
const SUMMARY_IDS: Record<string, string> = {
  caseId: 'matter-results',
  visitors: 'visitors',
}

export const VisitFormPage = (p: VisitFormProps & { namesOf: (m: MatterHit) => boolean }) => {
  const v = (name: string) => p.values[name] ?? ''
  const e = p.errors
  const before = v('date') !== '' && v('date') < '2026-07-01'
  return (
    <Layout title="Ghi lượt tiếp công dân" staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/can-bo/tiep-dan">Sổ tiếp công dân</a> › <span aria-current="page">Ghi lượt tiếp</span>
      </nav>
      <h1>Ghi lượt tiếp công dân</h1>
      <p class="muted">
        Các mục có dấu <span class="required">*</span> là bắt buộc. Từ ngày 01/7/2026, mỗi người đến phải nêu họ tên, địa chỉ và xuất trình căn cước, giấy chứng
        nhận căn cước, số định danh cá nhân hoặc hộ chiếu (Điều 12 Nghị định 154/2026/NĐ-CP).
      </p>
      {p.notice ? (
        <div class="flash flash--warning" role="alert">
          {p.notice}
        </div>
      ) : null}
      <ErrorSummary errors={e} fieldIds={SUMMARY_IDS} />
      <form method="post" action={FORM_ACTION} class="form visit-form" novalidate>
        <CsrfField />
        <fieldset class="form-section">
          <legend>Buổi tiếp</legend>
          <Field name="date" label="Ngày tiếp" value={v('date')} error={e.date} hint="Ngày/tháng/năm, ví dụ 06/07/2026." inputmode="numeric" width="medium" required />
          <div class="kind-choice">
            <Radios name="kind" legend="Hình thức tiếp" options={KIND_OPTIONS} value={v('kind') || 'thuong_xuyen'} error={e.kind} />
            <div class="kind-choice__leader">
              <Field
                name="hostName"
                label="Lãnh đạo chủ trì"
                value={v('hostName')}
                error={e.hostName}
                hint="Với tiếp định kỳ, đột xuất: họ tên, chức vụ người chủ trì. Các lượt tiếp của cùng một người trong một ngày là một kỳ tiếp."
              />
              <Checkbox name="delegated" label="Người được ủy quyền tiếp thay thủ trưởng" checked={v('delegated') === '1'} />
            </div>
          </div>
          <Radios
            name="form"
            legend="Cách thức tiếp"
            options={FORM_OPTIONS}
            value={v('form') || 'truc_tiep'}
            error={e.form}
            hint="Tiếp trực tuyến là buổi tiếp qua truyền hình có ghi hình tại điểm tiếp công dân (từ 01/7/2026), không phải đơn gửi qua mạng."
          />
        </fieldset>

        <fieldset class={`form-section${e.visitors ? ' field--error' : ''}`} id="visitors" tabindex={-1}>
          <legend>Người đến</legend>
          {e.visitors ? (
            <p class="field-error" id="visitors-error">
              {e.visitors}
            </p>
          ) : null}
          <Field
            name="persons"
            label="Số người đến"
            value={v('persons') || '1'}
            error={e.persons}
            inputmode="numeric"
            width="short"
            hint={`Đoàn từ ${p.threshold} người trở lên là đoàn đông người: ghi tên và đánh dấu người đại diện; không cần ghi tên từng người.`}
            required
          />
          <VisitorRows values={p.values} visitorRows={p.visitorRows} errors={e} focusRow={p.focusRow ?? null} />
        </fieldset>

        <fieldset class="form-section" id="matter">
          <legend>Vụ việc</legend>
          <p class="hint">
            Công dân đã từng đến hoặc đã gửi đơn về cùng nội dung? Tìm theo họ tên, số giấy tờ hoặc mã vụ việc, mã đơn — gõ không dấu cũng được.
          </p>
          <div class="search">
            <label for="f-matterQuery">Tìm vụ việc đã có</label>
            <div class="search__row">
              <input
                id="f-matterQuery"
                name="matterQuery"
                type="search"
                value={v('matterQuery')}
                class="input"
                autocomplete="off"
                hx-get={MATTER_SEARCH}
                hx-trigger="input changed delay:400ms, search"
                hx-target="#matter-results"
                hx-swap="outerHTML"
                hx-include="#matter-results input[name='caseId']:checked"
              />
              <button
                type="submit"
                name="hanh_dong"
                value="tim-vu-viec"
                formnovalidate
                class="button button--secondary"
                hx-post={FORM_ACTION}
                hx-target="#matter-results"
                hx-swap="outerHTML"
              >
                Tìm
              </button>
            </div>
          </div>
          <MatterResults query={v('matterQuery')} matters={p.matters} selected={p.selected} caseId={v('caseId')} error={e.caseId} namesOf={p.namesOf} />
        </fieldset>

        <fieldset class="form-section">
          <legend>Nội dung</legend>
          <div class="grid-2">
            <Select name="contentType" label="Phân loại" options={CONTENT_OPTIONS} value={v('contentType') || 'khieu_nai'} error={e.contentType} required />
            <Select name="field" label="Lĩnh vực" options={p.fields} value={v('field')} error={e.field} emptyLabel="Không rõ" />
          </div>
          <TextArea
            name="summary"
            label="Tóm tắt nội dung công dân trình bày"
            value={v('summary')}
            error={e.summary}
            rows={4}
            hint="Ghi vào cột 5 của sổ tiếp công dân. Nội dung tố cáo: thông tin người tố cáo được giữ bí mật."
            required
          />
          <Field name="resolvedBy" label="Cơ quan đã giải quyết hết thẩm quyền (nếu có)" value={v('resolvedBy')} error={e.resolvedBy} hint="Cột 8 của sổ: cơ quan đã giải quyết vụ việc trước đó." />
        </fieldset>

        <fieldset class="form-section handling">
          <legend>Kết quả tiếp</legend>
          <Radios name="handling" legend="Xử lý tại buổi tiếp" options={HANDLING_OPTIONS} value={v('handling')} error={e.handling} />
          <div class="handling-detail handling-detail--nhan_don">
            <p class="hint">
              Nhận đơn: hệ thống lập đơn (nguồn trực tiếp, người đến là người đứng tên, ngày viết đơn là ngày tiếp) và đưa vào hàng đơn cần xử lý; đơn thuộc vụ việc của lượt
              tiếp.
            </p>
            <Field name="respondentPerson" label="Người, cơ quan bị khiếu nại, bị tố cáo (nếu có)" value={v('respondentPerson')} error={e.respondentPerson} />
            <TextArea name="request" label="Yêu cầu, đề nghị của công dân (nếu có)" value={v('request')} error={e.request} rows={2} />
          </div>
          <div class="handling-detail handling-detail--huong_dan handling-detail--chuyen_don">
            <FieldFrame
              name="handledTo"
              label="Hướng dẫn đến / chuyển đến cơ quan"
              error={e.handledTo}
              hint="Cơ quan, người có thẩm quyền giải quyết (chọn trong danh bạ hoặc gõ tên)."
              control={(a) => <input {...a} name="handledTo" type="text" value={v('handledTo')} list="agency-names" autocomplete="off" class="input" />}
            />
            <datalist id="agency-names">
              {p.agencyNames.map((name) => (
                <option value={name}></option>
              ))}
            </datalist>
            <Field name="handledRef" label="Số văn bản hướng dẫn / số phiếu chuyển" value={v('handledRef')} error={e.handledRef} width="medium" />
          </div>
          <div class="handling-detail handling-detail--tu_choi">
            <Select
              name="refusalGround"
              label="Lý do từ chối tiếp"
              options={p.grounds.map((g) => ({ value: g.code, label: `${g.label} (${g.basis})` }))}
              value={v('refusalGround')}
              error={e.refusalGround}
              emptyLabel="— Chọn lý do —"
              hint="Khoản 3 Điều 9 Luật Tiếp công dân và điểm h khoản 1 Điều 4 Nghị định 154/2026: lập Thông báo từ chối tiếp công dân (Mẫu 01/TCD) trong 03 ngày làm việc. Các trường hợp khác: giải thích trực tiếp cho công dân."
            />
          </div>
          <TextArea
            name="documentsReceived"
            label="Thông tin, tài liệu công dân cung cấp"
            value={v('documentsReceived')}
            error={e.documentsReceived}
            rows={3}
            hint="Mỗi tài liệu một dòng, ví dụ: Đơn khiếu nại (02 trang); Bản sao Quyết định số 12/QĐ-UBND. Hệ thống lập Giấy biên nhận (Mẫu 02/TCD)."
          />
        </fieldset>
        {before ? <p class="hint">Lượt tiếp trước 01/7/2026: áp dụng Luật Tiếp công dân 2013 và Nghị định 64/2014/NĐ-CP.</p> : null}
        <div class="actions">
          <button type="submit" name="hanh_dong" value="luu" class="button button--large">
            Lưu lượt tiếp
          </button>
          <a href="/can-bo/tiep-dan">Hủy</a>
        </div>
      </form>
    </Layout>
  )
}
