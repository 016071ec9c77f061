/** Admin: the effective-dated deadline table (editable) and the competence rules in force. */
import type { Child } from 'hono/jsx'
import type { CompetenceRule } from '../../../src/domain/competence-rules.ts'
import { DEADLINE_RULE_IDS, type DeadlineSetting } from '../../../src/domain/deadline-table.ts'
import { CONTENT_TYPES } from '../../../src/domain/codes.ts'
import { CsrfField, ErrorSummary, Flash, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export const UNIT_LABELS = { ngay: 'ngày', ngay_lam_viec: 'ngày làm việc', nam: 'năm' } as const
export const VARIANT_LABELS = {
  thuong: 'thông thường',
  phuc_tap: 'vụ việc phức tạp',
  vung_sau: 'vùng sâu, vùng xa',
  phuc_tap_vung_sau: 'phức tạp, vùng sâu, vùng xa',
  gia_han: 'gia hạn',
  gia_han_2: 'gia hạn lần hai',
} as const
const RULE_IDS = DEADLINE_RULE_IDS
const TARGET_LABELS = {
  respondent_agency: 'Cơ quan bị khiếu nại, tố cáo',
  respondent_parent: 'Cấp trên trực tiếp của cơ quan đó',
  field_manager: 'Cơ quan quản lý lĩnh vực tại địa bàn',
  field_holder: 'Cơ quan giữ lĩnh vực',
} as const

/** One row as typed in the form (strings, so a bad value can be shown back). */
export interface DeadlineFormRow {
  rule: string
  variant: string
  from: string
  to: string
  length: string
  unit: string
  label: string
  basis: string
  keep: string
}

export const deadlineFormRows = (rows: readonly DeadlineSetting[]): DeadlineFormRow[] =>
  rows.map((r) => ({ rule: r.rule, variant: r.variant, from: r.from ?? '', to: r.to ?? '', length: String(r.length), unit: r.unit, label: r.label, basis: r.basis, keep: '1' }))

const emptyRow: DeadlineFormRow = { rule: '', variant: 'thuong', from: '', to: '', length: '', unit: 'ngay', label: '', basis: '', keep: '1' }

const cell = (label: string, input: Child) => (
  <label class="cell-label">
    <span class="visually-hidden">{label}</span>
    {input}
  </label>
)

interface Props {
  rows: DeadlineFormRow[]
  competenceRules: readonly CompetenceRule[]
  errors?: Errors
  flash?: string | null
}

export const DeadlinesPage = ({ rows, competenceRules, errors = {}, flash }: Props) => (
  <Layout title="Thời hạn và thẩm quyền" staff>
    <p>
      <a href="/can-bo/quan-tri/cai-dat">← Cài đặt</a>
    </p>
    <h1>Thời hạn xử lý</h1>
    <Flash message={flash} />
    <p class="muted">
      Mỗi dòng áp dụng cho đơn nhận trong khoảng "từ ngày – đến ngày". Khi có văn bản mới, thêm một dòng với ngày áp dụng mới và
      ghi ngày hết áp dụng cho dòng cũ; đơn nhận trước đó vẫn tính theo quy định cũ.
    </p>
    <ErrorSummary errors={errors} />
    <form method="post" action="/can-bo/quan-tri/thoi-han" class="form">
      <CsrfField />
      <div class="table-wrap">
        <table class="table table--form">
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Trường hợp</th>
              <th scope="col">Từ ngày</th>
              <th scope="col">Đến ngày</th>
              <th scope="col">Độ dài</th>
              <th scope="col">Đơn vị</th>
              <th scope="col">Nội dung, căn cứ</th>
              <th scope="col">Giữ</th>
            </tr>
          </thead>
          <tbody>
            {[...rows, emptyRow].map((r, i) => (
              <tr class={errors[`row${i}`] ? 'row--error' : undefined}>
                <td>
                  {cell(
                    'Mã thời hạn',
                    <select name="rule" class="input">
                      {i === rows.length ? <option value="">— thêm —</option> : null}
                      {RULE_IDS.map((id) => (
                        <option value={id} selected={id === r.rule}>
                          {id}
                        </option>
                      ))}
                    </select>,
                  )}
                </td>
                <td>
                  {cell(
                    'Trường hợp',
                    <select name="variant" class="input">
                      {Object.entries(VARIANT_LABELS).map(([value, label]) => (
                        <option value={value} selected={value === r.variant}>
                          {label}
                        </option>
                      ))}
                    </select>,
                  )}
                </td>
                <td>{cell('Từ ngày', <input type="date" name="from" value={r.from} class="input" />)}</td>
                <td>{cell('Đến ngày', <input type="date" name="to" value={r.to} class="input" />)}</td>
                <td>{cell('Độ dài', <input name="length" value={r.length} inputmode="numeric" class="input input--short" />)}</td>
                <td>
                  {cell(
                    'Đơn vị',
                    <select name="unit" class="input">
                      {Object.entries(UNIT_LABELS).map(([value, label]) => (
                        <option value={value} selected={value === r.unit}>
                          {label}
                        </option>
                      ))}
                    </select>,
                  )}
                </td>
                <td>
                  {cell('Nội dung', <input name="label" value={r.label} class="input" placeholder="Nội dung thời hạn" />)}
                  {cell('Căn cứ', <input name="basis" value={r.basis} class="input" placeholder="Căn cứ pháp lý" />)}
                  {errors[`row${i}`] ? <p class="field-error">{errors[`row${i}`]}</p> : null}
                </td>
                <td>
                  {cell(
                    'Giữ hay xóa dòng',
                    <select name="keep" class="input">
                      <option value="1" selected={r.keep !== '0'}>
                        Giữ
                      </option>
                      <option value="0" selected={r.keep === '0'}>
                        Xóa
                      </option>
                    </select>,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" class="button">
        Lưu bảng thời hạn
      </button>
    </form>

    <h2>Quy tắc xác định thẩm quyền đang áp dụng</h2>
    <p class="muted">Quy tắc là dữ liệu; thay đổi qua API <code>PUT /api/v1/settings</code> (trường <code>competenceRules</code>).</p>
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Loại đơn</th>
            <th scope="col">Trường hợp</th>
            <th scope="col">Cơ quan có thẩm quyền</th>
            <th scope="col">Hiệu lực</th>
            <th scope="col">Căn cứ</th>
          </tr>
        </thead>
        <tbody>
          {competenceRules.map((r) => (
            <tr>
              <td>{CONTENT_TYPES[r.contentType]}</td>
              <td>
                <code>{r.condition}</code>
              </td>
              <td>{TARGET_LABELS[r.target]}</td>
              <td>
                {r.from ?? '…'} – {r.to ?? '…'}
              </td>
              <td>{r.basis}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </Layout>
)
