/**
 * Registering a letter that came on paper, through the drop box, the hotline, the national
 * portal or forwarded by a leader, deputy, the press or another agency (/can-bo/don/moi).
 * One form with the facts the rules need; the rarely used ones are grouped in <details>. Input
 * names are the API's paths, so errors land next to their field. As the officer types, htmx
 * posts the form to /can-bo/don/moi/phan-loai and shows the live classification; without
 * JavaScript the "Xem đề xuất" button re-renders the page with it.
 */
import { CsrfField, ErrorSummary, Field, FieldFrame, Select, TextArea, type Errors } from '../../components/forms.tsx'
import { SenderRow, SendersFieldset } from '../../components/senders.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { ClassificationPanel, type ClassificationPreview } from './ClassificationPanel.tsx'
import { AgencyTreeSelect, Checkbox, RadioGroup, type AgencyChoice } from './inputs.tsx'

type Option = { value: string; label: string }
export type FormValues = Record<string, string>

export interface RegisterOptions {
  channels: Option[]
  contentTypes: Option[]
  singleContentTypes: Option[]
  fields: Option[]
  areas: Option[]
  agencies: AgencyChoice[]
}

export interface RegisterProps {
  values: FormValues
  senderRows: number
  errors: Errors
  /** Ids for errors whose path is not an input (the summary's links). */
  errorTargets: Record<string, string>
  preview: ClassificationPreview | null
  options: RegisterOptions
  /** Whether the <details> of rarely used facts starts open (one of them is set or wrong). */
  detailsOpen: boolean
  contentRows: number
  /** Focus the name of this signer row (the one just added). */
  focusRow?: number | null
}

const SenderFields = ({ i, values, errors, autofocus }: { i: number; values: FormValues; errors: Errors; autofocus: boolean }) => {
  const v = (f: string) => values[`senders.${i}.${f}`] ?? ''
  const e = (f: string) => errors[`senders.${i}.${f}`]
  return (
    <SenderRow i={i}>
      <div class="grid-2">
        <FieldFrame
          name={`senders.${i}.name`}
          label="Họ và tên"
          error={e('name')}
          control={(a) => <input {...a} name={`senders.${i}.name`} value={v('name')} class="input" autocomplete="off" autofocus={autofocus} />}
        />
        <Field name={`senders.${i}.address`} label="Địa chỉ" value={v('address')} error={e('address')} autocomplete="off" />
        <Field name={`senders.${i}.phone`} label="Số điện thoại" type="tel" value={v('phone')} error={e('phone')} autocomplete="off" inputmode="tel" />
        <Field name={`senders.${i}.idNumber`} label="Số căn cước / định danh" value={v('idNumber')} error={e('idNumber')} autocomplete="off" inputmode="numeric" />
        <Field name={`senders.${i}.email`} label="Thư điện tử" type="email" value={v('email')} error={e('email')} autocomplete="off" />
      </div>
      <Checkbox name={`senders.${i}.signed`} checked={v('signed') === '1'} error={e('signed')} label="Có chữ ký hoặc điểm chỉ" />
    </SenderRow>
  )
}

export const RegisterPage = (p: RegisterProps) => {
  const v = (name: string) => p.values[name] ?? ''
  const on = (name: string) => v(name) === '1'
  const e = p.errors
  return (
    <Layout title="Đăng ký đơn" staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/can-bo/don">Đơn thư</a> › <span aria-current="page">Đăng ký đơn</span>
      </nav>
      <h1>Đăng ký đơn</h1>
      <p class="muted">Vào sổ đơn nhận qua bưu chính, hộp thư, đường dây nóng, Cổng Dịch vụ công quốc gia hoặc do nơi khác chuyển đến. Người vào sổ được ghi lại.</p>
      <p class="citizen-forms" id="blank-forms">
        Công dân không tự viết được đơn: in mẫu trống <a href="/can-bo/don/mau/don-khieu-nai">Đơn khiếu nại (Mẫu số 01)</a> ·{' '}
        <a href="/can-bo/don/mau/giay-uy-quyen">Giấy ủy quyền khiếu nại (Mẫu số 02)</a>
      </p>
      <ErrorSummary errors={e} fieldIds={p.errorTargets} />
      <div class="register-layout">
        <form
          method="post"
          action="/can-bo/don/moi"
          class="form register-form"
          novalidate
          hx-post="/can-bo/don/moi/phan-loai"
          hx-trigger="input changed delay:600ms, change"
          hx-sync="replace"
          hx-target="#classification"
          hx-swap="innerHTML"
        >
          <CsrfField />
          <input type="hidden" name="formKey" value={v('formKey')} />
          {/* Enter in a field submits with the form's first button: make that "show the suggestion", never "save" nor "add a signer" */}
          <button type="submit" name="hanh_dong" value="phan-loai" formnovalidate class="visually-hidden" tabindex={-1}>
            Xem đề xuất
          </button>
          <fieldset class="form-section">
            <legend>Tiếp nhận</legend>
            <div class="grid-2">
              <Field name="receivedAt" label="Ngày nhận đơn" value={v('receivedAt')} error={e.receivedAt} hint="dd/mm/yyyy" inputmode="numeric" required />
              <Field name="writtenDate" label="Ngày viết đơn" value={v('writtenDate')} error={e.writtenDate} hint="dd/mm/yyyy; để trống nếu đơn không ghi ngày" inputmode="numeric" />
              <Select name="channel" label="Nguồn đơn" options={p.options.channels} value={v('channel')} error={e.channel} emptyLabel="— Chọn nguồn đơn —" required />
              <Select name="contentType" label="Loại đơn" options={p.options.contentTypes} value={v('contentType')} error={e.contentType} emptyLabel="— Chọn loại đơn —" hint="Theo nội dung đơn, không theo tiêu đề." required />
            </div>
            <div class="grid-2">
              <Field name="forwardedBy.name" label="Nơi chuyển đơn đến" value={v('forwardedBy.name')} error={e['forwardedBy.name']} hint="Chỉ khi đơn do lãnh đạo, đại biểu, báo chí, cơ quan khác chuyển đến." />
              <Field name="forwardedBy.reference" label="Số văn bản chuyển" value={v('forwardedBy.reference')} error={e['forwardedBy.reference']} hint="Ví dụ: 123/ĐĐBQH" />
            </div>
          </fieldset>

          <SendersFieldset
            legend="Người gửi đơn"
            hint="Đơn nhiều người đứng tên: thêm từng người. Đơn không có tên (nặc danh): để trống các ô."
            senderRows={p.senderRows}
            action="/can-bo/don/moi"
            row={(i) => <SenderFields i={i} values={p.values} errors={e} autofocus={p.focusRow === i} />}
          />

          <fieldset class="form-section">
            <legend>Nội dung đơn</legend>
            <div class="grid-2">
              <AgencyTreeSelect
                name="respondent.agencyCode"
                label="Cơ quan bị khiếu nại, tố cáo (hoặc nơi người bị tố cáo công tác)"
                value={v('respondent.agencyCode')}
                agencies={p.options.agencies}
                error={e['respondent.agencyCode']}
                emptyLabel="Không có / cá nhân, tổ chức ngoài nhà nước"
              />
              <Field name="respondent.person" label="Người bị khiếu nại, tố cáo" value={v('respondent.person')} error={e['respondent.person']} hint="Họ tên, chức vụ; hoặc tên doanh nghiệp." />
            </div>
            <div class="grid-2">
              <Checkbox name="respondent.isHead" checked={on('respondent.isHead')} label="Là người đứng đầu hoặc cấp phó của cơ quan đó" />
              <Checkbox name="respondent.private" checked={on('respondent.private')} label="Là cá nhân, tổ chức ngoài nhà nước" />
            </div>
            <div class="grid-2">
              <Select name="field" label="Lĩnh vực" options={p.options.fields} value={v('field')} error={e.field} emptyLabel="Không rõ" />
              <Select name="location" label="Địa bàn xảy ra sự việc" options={p.options.areas} value={v('location')} error={e.location} emptyLabel="Không rõ / nơi khác" />
            </div>
            <TextArea name="summary" label="Tóm tắt nội dung" value={v('summary')} error={e.summary} rows={4} required />
            <div class="grid-2">
              <TextArea name="request" label="Yêu cầu, đề nghị của người gửi" value={v('request')} error={e.request} rows={3} />
              <TextArea name="act" label="Hành vi bị tố cáo" value={v('act')} error={e.act} rows={3} hint="Với đơn tố cáo." />
            </div>
            <Checkbox name="hasEvidence" checked={on('hasEvidence')} label="Có tài liệu, chứng cứ kèm theo" />
          </fieldset>

          <fieldset class="form-section">
            <legend>Khiếu nại</legend>
            <RadioGroup
              name="complaintRound"
              legend="Lần khiếu nại"
              value={v('complaintRound') || '1'}
              error={e.complaintRound}
              options={[
                { value: '1', label: 'Lần đầu' },
                { value: '2', label: 'Lần hai (không đồng ý với quyết định giải quyết lần đầu)' },
              ]}
            />
            <div class="grid-2">
              <Field name="decision.number" label="Số quyết định bị khiếu nại" value={v('decision.number')} error={e['decision.number']} hint="Ví dụ: 12/QĐ-UBND" />
              <Field name="decision.date" label="Ngày ban hành" value={v('decision.date')} error={e['decision.date']} hint="dd/mm/yyyy" inputmode="numeric" />
              <Field name="decision.knownDate" label="Ngày người khiếu nại nhận được, biết được" value={v('decision.knownDate')} error={e['decision.knownDate']} hint="Tính thời hiệu khiếu nại." inputmode="numeric" />
            </div>
          </fieldset>

          <details class="form-section more-facts" open={p.detailsOpen}>
            <summary>Thông tin khác: nhiều nội dung, đã giải quyết trước đây, trường hợp không thụ lý, đôn đốc…</summary>
            <div class="grid-2">
              <Field name="language" label="Ngôn ngữ của đơn" value={v('language')} error={e.language} hint="Để trống nếu là tiếng Việt; ví dụ: en, zh." width="short" />
              <Checkbox name="notarizedTranslation" checked={on('notarizedTranslation')} label="Có bản dịch công chứng" />
            </div>
            <div class="checkbox-grid">
              <Checkbox name="impersonated" checked={on('impersonated')} label="Mạo danh (ghi tên người khác)" />
              <Checkbox name="illegible" checked={on('illegible')} label="Đơn rách nát, không đọc được" />
              <Checkbox name="abusive" checked={on('abusive')} label="Nội dung xúc phạm, chống đối" />
              <Checkbox name="aboutAdministrativeRegulation" checked={on('aboutAdministrativeRegulation')} label="Kiến nghị về quy định hành chính (NĐ 20/2008)" />
            </div>
            <fieldset class="subsection">
              <legend>Đơn có nhiều nội dung</legend>
              {Array.from({ length: p.contentRows }, (_, i) => (
                <div class="grid-2">
                  <Select name={`contents.${i}.contentType`} label={`Nội dung ${i + 1}`} options={p.options.singleContentTypes} value={v(`contents.${i}.contentType`)} error={e[`contents.${i}.contentType`]} emptyLabel="—" />
                  <Field name={`contents.${i}.summary`} label={`Tóm tắt nội dung ${i + 1}`} value={v(`contents.${i}.summary`)} error={e[`contents.${i}.summary`]} />
                </div>
              ))}
            </fieldset>
            <fieldset class="subsection">
              <legend>Đã giải quyết trước đây</legend>
              <div class="grid-2">
                <Select
                  name="priorResolution.round"
                  label="Đã có quyết định giải quyết khiếu nại"
                  options={[
                    { value: '1', label: 'Lần đầu' },
                    { value: '2', label: 'Lần hai' },
                  ]}
                  value={v('priorResolution.round')}
                  error={e['priorResolution.round']}
                  emptyLabel="Chưa có"
                />
                <Checkbox name="priorResolution.effective" checked={on('priorResolution.effective')} label="Quyết định đó đã có hiệu lực pháp luật" />
                <Checkbox name="concluded" checked={on('concluded')} label="Tố cáo đã có kết luận" />
                <Checkbox name="newEvidence" checked={on('newEvidence')} label="Tố cáo lại có tình tiết, chứng cứ mới" />
                <Checkbox
                  name="verificationExtended"
                  checked={on('verificationExtended')}
                  label="Xử lý ban đầu phải xác minh ở nhiều nơi: gia hạn đến 10 ngày làm việc (khoản 1 Điều 24 Luật Tố cáo)"
                />
              </div>
            </fieldset>
            <fieldset class="subsection">
              <legend>Trường hợp không thụ lý khiếu nại (Điều 11 Luật Khiếu nại), thời hạn</legend>
              <div class="checkbox-grid">
                <Checkbox name="courtAccepted" checked={on('courtAccepted')} label="Tòa án đã thụ lý" />
                <Checkbox name="notDirectlyConcerned" checked={on('notDirectlyConcerned')} label="Không liên quan trực tiếp đến quyền, lợi ích của người khiếu nại" />
                <Checkbox name="lacksCapacity" checked={on('lacksCapacity')} label="Người khiếu nại không có năng lực hành vi đầy đủ, không có người đại diện" />
                <Checkbox name="invalidRepresentative" checked={on('invalidRepresentative')} label="Người đại diện không hợp pháp" />
                <Checkbox name="withdrawnBefore" checked={on('withdrawnBefore')} label="Đã rút khiếu nại, đã đình chỉ giải quyết" />
                <Checkbox name="internalDecision" checked={on('internalDecision')} label="Quyết định nội bộ, chỉ đạo điều hành" />
                <Checkbox name="goodReasonForDelay" checked={on('goodReasonForDelay')} label="Có lý do chính đáng khiến khiếu nại muộn" />
                <Checkbox name="remoteArea" checked={on('remoteArea')} label="Vùng sâu, vùng xa" />
                <Checkbox name="complex" checked={on('complex')} label="Vụ việc phức tạp" />
              </div>
            </fieldset>
            <fieldset class="subsection">
              <legend>Vụ việc đang được cơ quan cấp dưới giải quyết (đôn đốc)</legend>
              <div class="grid-2">
                <AgencyTreeSelect
                  name="pendingAt.agencyCode"
                  label="Cơ quan đang giải quyết"
                  value={v('pendingAt.agencyCode')}
                  agencies={p.options.agencies}
                  error={e['pendingAt.agencyCode']}
                  emptyLabel="Không có"
                />
                <Field name="pendingAt.since" label="Từ ngày" value={v('pendingAt.since')} error={e['pendingAt.since']} hint="dd/mm/yyyy" inputmode="numeric" />
              </div>
            </fieldset>
          </details>

          <div class="actions form-actions">
            <button type="submit" name="hanh_dong" value="luu" class="button button--large" id="save-letter">
              Vào sổ đơn
            </button>
            <button type="submit" name="hanh_dong" value="phan-loai" formnovalidate class="button button--secondary">
              Xem đề xuất
            </button>
          </div>
        </form>
        <ClassificationPanel preview={p.preview} />
      </div>
    </Layout>
  )
}
