/**
 * One form per kind of letter, asking only what that kind needs, with help next to each field.
 * Works without JavaScript: "Thêm người đứng tên" is a submit button that re-renders the form
 * with one more row and everything typed kept; htmx, when present, swaps only that fieldset.
 * Input names are the API's paths (`senders.0.name`), so errors land next to their field.
 */
import type { Child } from 'hono/jsx'
import { Checkbox, CsrfField, ErrorSummary, Field, FieldFrame, Select, TextArea, fieldId, type Errors } from '../../components/forms.tsx'
import { SenderRow, SendersFieldset } from '../../components/senders.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { PORTAL_KINDS, type PortalKind } from './kinds.ts'

export type FormValues = Record<string, string>

export interface AgencyOption {
  code: string
  name: string
  level: string
}

export interface SubmissionFormProps {
  kind: PortalKind
  values: FormValues
  senderRows: number
  errors: Errors
  agencies: readonly AgencyOption[]
  areas: ReadonlyArray<{ code: string; name: string }>
  fields: ReadonlyArray<{ value: string; label: string }>
  limits: { count: number; fileMb: number; totalMb: number }
  /** Files had been chosen: browsers cannot keep them across a page load. */
  filesDropped?: boolean
  /** The honeypot was filled: show it, so a real person can empty it. */
  honeypotVisible?: boolean
  /** A message above the form (throttling). */
  notice?: string | null
  /** Focus the first input of this sender row (the one just added). */
  focusRow?: number | null
}

const LEVELS: Array<[string, string]> = [
  ['tinh', 'Cấp tỉnh'],
  ['xa', 'Cấp xã, phường, đặc khu'],
  ['trung_uong', 'Trung ương'],
]

const AgencySelect = (p: { name: string; label: string; hint: Child; value: string; agencies: readonly AgencyOption[]; error?: string | undefined }) => (
  <FieldFrame
    {...p}
    control={(a) => (
      <select {...a} name={p.name} class="input">
        <option value="">Không rõ / không có trong danh sách</option>
        {LEVELS.map(([level, label]) => {
          const list = p.agencies.filter((ag) => ag.level === level)
          return list.length === 0 ? null : (
            <optgroup label={label}>
              {list.map((ag) => (
                <option value={ag.code} selected={ag.code === p.value}>
                  {ag.name}
                </option>
              ))}
            </optgroup>
          )
        })}
      </select>
    )}
  />
)

const SenderFields = ({ i, values, errors, autofocus }: { i: number; values: FormValues; errors: Errors; autofocus: boolean }) => {
  const v = (f: string) => values[`senders.${i}.${f}`] ?? ''
  const e = (f: string) => errors[`senders.${i}.${f}`]
  return (
    <SenderRow i={i}>
      {/* the row just added gets the focus, with or without JavaScript */}
      <FieldFrame
        name={`senders.${i}.name`}
        label="Họ và tên"
        error={e('name')}
        required
        control={(a) => (
          <input {...a} name={`senders.${i}.name`} type="text" value={v('name')} required autocomplete={i === 0 ? 'name' : 'off'} autofocus={autofocus} class="input" />
        )}
      />
      <Field
        name={`senders.${i}.address`}
        label="Địa chỉ"
        value={v('address')}
        error={e('address')}
        hint="Nơi nhận thông báo: số nhà, thôn/tổ, xã/phường, tỉnh."
        autocomplete={i === 0 ? 'street-address' : 'off'}
        required
      />
      <div class="grid-2">
        <Field name={`senders.${i}.phone`} label="Số điện thoại" type="tel" value={v('phone')} error={e('phone')} autocomplete={i === 0 ? 'tel' : 'off'} inputmode="tel" />
        <Field
          name={`senders.${i}.idNumber`}
          label="Số căn cước"
          value={v('idNumber')}
          error={e('idNumber')}
          hint="12 chữ số; không bắt buộc nhưng giúp xác định đúng người."
          inputmode="numeric"
          autocomplete="off"
        />
      </div>
      <Field name={`senders.${i}.email`} label="Thư điện tử (nếu có)" type="email" value={v('email')} error={e('email')} autocomplete={i === 0 ? 'email' : 'off'} inputmode="email" />
    </SenderRow>
  )
}

const ProtectionNotice = () => (
  <section class="panel panel--note" aria-labelledby="protect-title">
    <h2 id="protect-title">Quyền của người tố cáo</h2>
    <ul>
      <li>
        Họ tên, địa chỉ, bút tích và thông tin cá nhân của bạn được <strong>giữ bí mật</strong> (Điều 9 và Điều 56 Luật Tố cáo).
        Khi đơn được chuyển cho cơ quan khác, thông tin của bạn được loại bỏ.
      </li>
      <li>
        Bạn có quyền đề nghị cơ quan có thẩm quyền <strong>bảo vệ</strong> vị trí công tác, việc làm, tính mạng, sức khỏe, tài sản,
        danh dự của mình và người thân khi bị đe dọa, trả thù.
      </li>
      <li>Bạn có nghĩa vụ trình bày trung thực và chịu trách nhiệm nếu cố ý tố cáo sai sự thật.</li>
    </ul>
  </section>
)

const AnonymousOption = ({ values, errors }: { values: FormValues; errors: Errors }) => (
  <fieldset class="form-section">
    <legend>Nêu tên hay không nêu tên</legend>
    <Checkbox
      name="anonymous"
      checked={values.anonymous === '1'}
      error={errors.anonymous}
      label="Tôi tố cáo mà không nêu tên (nặc danh)"
      hint={
        <>
          Nếu không nêu tên, cơ quan chỉ xem xét khi đơn nêu rõ <strong>người vi phạm</strong>, <strong>hành vi vi phạm</strong> và có{' '}
          <strong>chứng cứ cụ thể</strong> — bạn phải đính kèm ít nhất một tệp chứng cứ. Cơ quan sẽ không thể liên hệ hay gửi thông
          báo cho bạn: <strong>mã đơn và mã tra cứu trên biên nhận là cách duy nhất</strong> để theo dõi. Khi chọn ô này, hãy để
          trống phần thông tin người tố cáo.
        </>
      }
    />
  </fieldset>
)

export const SubmissionFormPage = (p: SubmissionFormProps) => {
  const k = PORTAL_KINDS[p.kind]
  const action = `/gui-don/${p.kind}`
  const v = (name: string) => p.values[name] ?? ''
  const e = p.errors
  // the file input has one id; every file's error points to it
  const fileError = Object.entries(e).find(([path]) => path === 'attachments' || path.startsWith('attachments.'))?.[1]
  const summaryIds = Object.fromEntries(Object.keys(e).filter((path) => path.startsWith('attachments.')).map((path) => [path, fieldId('attachments')]))
  return (
    <Layout title={Object.keys(e).length > 0 ? `Lỗi: ${k.formTitle}` : k.formTitle}>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/">Trang chủ</a> › <span aria-current="page">{k.formTitle}</span>
      </nav>
      <h1>{k.formTitle}</h1>
      {/* first thing under the heading: on a phone the intro and the rights notice fill the screen */}
      <ErrorSummary errors={e} fieldIds={summaryIds} />
      <p class="lead">{k.text}</p>
      <p class="muted">
        Các mục có dấu <span class="required">*</span> là bắt buộc. Gửi trực tuyến không cần tài khoản; bạn sẽ nhận biên nhận ngay.
      </p>
      {p.kind === 'to-cao' ? <ProtectionNotice /> : null}
      {p.notice ? (
        <div class="flash flash--warning" role="alert">
          {p.notice}
        </div>
      ) : null}
      <form method="post" action={action} enctype="multipart/form-data" class="form submission-form" novalidate>
        <CsrfField />
        <div class={p.honeypotVisible ? 'field field--error' : 'hp'} aria-hidden={p.honeypotVisible ? undefined : 'true'}>
          <label for="f-website">Ô này dùng để chặn thư rác, vui lòng để trống</label>
          {e.website ? (
            <p class="field-error" id="f-website-error">
              {e.website}
            </p>
          ) : null}
          <input id="f-website" type="text" name="website" value={v('website')} tabindex={-1} autocomplete="off" class="input" />
        </div>

        {p.kind === 'to-cao' ? <AnonymousOption values={p.values} errors={e} /> : null}
        <SendersFieldset
          legend={k.filer}
          hint={p.kind === 'to-cao' ? 'Thông tin của bạn chỉ cán bộ trực tiếp xử lý đơn được xem và được giữ bí mật.' : 'Nếu nhiều người cùng đứng tên một đơn, hãy thêm từng người.'}
          senderRows={p.senderRows}
          action={action}
          row={(i) => <SenderFields i={i} values={p.values} errors={e} autofocus={p.focusRow === i} />}
        />

        <fieldset class="form-section">
          <legend>{k.contentLegend}</legend>
          {p.kind === 'khieu-nai' ? (
            <>
              <AgencySelect
                name="respondent.agencyCode"
                label="Cơ quan có quyết định hoặc việc làm bị khiếu nại"
                hint="Chọn trong danh sách nếu bạn biết; nếu không, ghi ở ô dưới."
                value={v('respondent.agencyCode')}
                agencies={p.agencies}
                error={e['respondent.agencyCode']}
              />
              <Field
                name="respondent.person"
                label="Người hoặc cơ quan bị khiếu nại"
                value={v('respondent.person')}
                error={e['respondent.person']}
                hint="Ví dụ: Chủ tịch UBND xã Sơn Tây; ông Trần Văn B, cán bộ địa chính."
                required
              />
              <div class="grid-2">
                <Field name="decision.number" label="Số quyết định bị khiếu nại (nếu có)" value={v('decision.number')} error={e['decision.number']} hint="Ví dụ: 12/QĐ-UBND" />
                <Field
                  name="decision.date"
                  label="Ngày ký quyết định"
                  value={v('decision.date')}
                  error={e['decision.date']}
                  hint="Ngày/tháng/năm, ví dụ 15/01/2026"
                  inputmode="numeric"
                />
              </div>
              <Field
                name="decision.knownDate"
                label="Ngày bạn nhận được hoặc biết quyết định, việc làm đó"
                value={v('decision.knownDate')}
                error={e['decision.knownDate']}
                hint="Thời hiệu khiếu nại là 90 ngày kể từ ngày này."
                inputmode="numeric"
                width="medium"
              />
              <fieldset class="field radio-group">
                <legend class="radio-group__legend">Đây là lần khiếu nại thứ mấy?</legend>
                <div class="radio">
                  <input type="radio" id="f-complaintRound-1" name="complaintRound" value="1" checked={v('complaintRound') !== '2'} />
                  <label for="f-complaintRound-1">Lần đầu</label>
                </div>
                <div class="radio">
                  <input type="radio" id="f-complaintRound-2" name="complaintRound" value="2" checked={v('complaintRound') === '2'} />
                  <label for="f-complaintRound-2">Lần hai — tôi không đồng ý với quyết định giải quyết lần đầu</label>
                </div>
              </fieldset>
            </>
          ) : null}
          {p.kind === 'to-cao' ? (
            <>
              <Field
                name="respondent.person"
                label="Người (hoặc tổ chức) có hành vi vi phạm"
                value={v('respondent.person')}
                error={e['respondent.person']}
                hint="Họ tên, chức vụ, nơi làm việc nếu biết. Ví dụ: ông Nguyễn Văn T, cán bộ địa chính phường."
                required
              />
              <AgencySelect
                name="respondent.agencyCode"
                label="Người đó làm việc ở cơ quan nào?"
                hint="Bỏ qua nếu là cá nhân, doanh nghiệp không thuộc cơ quan nhà nước."
                value={v('respondent.agencyCode')}
                agencies={p.agencies}
                error={e['respondent.agencyCode']}
              />
              <Checkbox name="respondent.isHead" checked={v('respondent.isHead') === '1'} label="Người đó là thủ trưởng hoặc cấp phó của cơ quan" />
              <Checkbox name="respondent.private" checked={v('respondent.private') === '1'} label="Là cá nhân, doanh nghiệp, tổ chức ngoài nhà nước" />
              <TextArea
                name="act"
                label="Hành vi vi phạm pháp luật"
                value={v('act')}
                error={e.act}
                hint="Việc gì, ở đâu, khi nào. Ví dụ: nhận 20 triệu đồng để làm nhanh hồ sơ đất ngày 10/02/2026."
                rows={5}
                required
              />
            </>
          ) : null}
          <TextArea
            name="summary"
            label={k.summaryLabel}
            value={v('summary')}
            error={e.summary}
            hint={k.summaryHint}
            rows={p.kind === 'to-cao' ? 3 : 6}
            required={p.kind !== 'to-cao'}
          />
          {p.kind === 'khieu-nai' ? (
            <TextArea name="request" label="Yêu cầu của bạn" value={v('request')} error={e.request} hint="Ví dụ: hủy quyết định, bồi thường đúng quy định." rows={3} required />
          ) : null}
          {p.kind === 'kien-nghi' || p.kind === 'phan-anh' ? (
            <>
              <TextArea
                name="request"
                label={p.kind === 'kien-nghi' ? 'Đề xuất của bạn' : 'Bạn mong cơ quan làm gì? (nếu có)'}
                value={v('request')}
                error={e.request}
                rows={3}
              />
              <Checkbox
                name="aboutAdministrativeRegulation"
                checked={v('aboutAdministrativeRegulation') === '1'}
                label="Nội dung là về quy định hành chính (cơ chế, chính sách, thủ tục hành chính)"
                hint="Những ý kiến này được chuyển đến bộ phận kiểm soát thủ tục hành chính."
              />
            </>
          ) : null}
          <Select name="field" label="Lĩnh vực" options={p.fields} value={v('field')} error={e.field} emptyLabel="Không rõ" hint="Giúp chuyển đơn đến đúng nơi." />
          <Select
            name="location"
            label="Xã, phường nơi xảy ra sự việc"
            options={p.areas.map((a) => ({ value: a.code, label: a.name }))}
            value={v('location')}
            error={e.location}
            emptyLabel="Không rõ / nơi khác"
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>Tệp đính kèm{p.kind === 'to-cao' ? ' (chứng cứ)' : ''}</legend>
          <div class={`field${fileError ? ' field--error' : ''}`}>
            <label for="f-attachments">Ảnh chụp hoặc tệp PDF</label>
            <p class="hint" id="f-attachments-hint">
              Tối đa {p.limits.count} tệp, mỗi tệp không quá {p.limits.fileMb} MB, tổng không quá {p.limits.totalMb} MB. Nhận ảnh JPEG,
              PNG, WebP và tệp PDF.
            </p>
            {p.filesDropped ? (
              <p class="hint hint--warning" id="f-attachments-again">
                Trình duyệt không giữ lại tệp đã chọn sau khi tải lại trang: vui lòng chọn lại tệp.
              </p>
            ) : null}
            {fileError ? (
              <p class="field-error" id="f-attachments-error">
                {fileError}
              </p>
            ) : null}
            <input
              type="file"
              id="f-attachments"
              name="attachments"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf"
              class="input"
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={['f-attachments-hint', p.filesDropped ? 'f-attachments-again' : '', fileError ? 'f-attachments-error' : ''].filter(Boolean).join(' ')}
            />
          </div>
        </fieldset>

        <fieldset class="form-section">
          <legend>Cam đoan</legend>
          <Checkbox
            name="declaration"
            checked={v('declaration') === '1'}
            error={e.declaration}
            label="Tôi cam đoan những nội dung trên là đúng sự thật và chịu trách nhiệm trước pháp luật."
            hint="Đơn gửi trực tuyến có xác nhận này được coi như đơn đã ký tên."
          />
        </fieldset>

        <div class="actions">
          <button type="submit" name="hanh_dong" value="gui" class="button button--large">
            Gửi đơn
          </button>
        </div>
      </form>
    </Layout>
  )
}

/** The same submission sent again with other content, or after the receipt can no longer be shown. */
export const AlreadyReceivedPage = ({ code, kind }: { code: string; kind: PortalKind }) => (
  <Layout title="Đơn đã được gửi">
    <div class="narrow">
      <h1>Đơn này đã được gửi trước đó</h1>
      <p>
        Hệ thống đã nhận đơn từ mẫu đơn này với mã đơn <strong class="code">{code}</strong>. Mã tra cứu đã hiện trên biên nhận lần
        gửi đầu tiên; vì lý do bảo mật, hệ thống không lưu và không thể hiện lại mã đó.
      </p>
      <p>Nếu bạn muốn gửi một đơn khác, hãy mở mẫu đơn mới.</p>
      <p class="actions">
        <a class="button" href={`/gui-don/${kind}`}>
          Mở mẫu đơn mới
        </a>
        <a class="button button--secondary" href="/tra-cuu">
          Tra cứu đơn
        </a>
      </p>
    </div>
  </Layout>
)
