/** Admin: add or edit one agency. */
import type { Agency } from '../../../src/domain/agency.ts'
import { AGENCY_KINDS, AGENCY_LEVELS, FIELDS } from '../../../src/domain/codes.ts'
import { CsrfField, ErrorSummary, Field, Select, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export interface AgencyForm {
  code: string
  name: string
  level: string
  kind: string
  parentCode: string
  fields: string[]
  otherFields: string
  areaCodes: string
  headTitle: string
  address: string
  validFrom: string
  validTo: string
  active: boolean
}

export const emptyAgencyForm: AgencyForm = {
  code: '',
  name: '',
  level: 'xa',
  kind: 'ubnd',
  parentCode: '',
  fields: [],
  otherFields: '',
  areaCodes: '',
  headTitle: '',
  address: '',
  validFrom: '',
  validTo: '',
  active: true,
}

export const agencyToForm = (a: Agency): AgencyForm => ({
  code: a.code,
  name: a.name,
  level: a.level,
  kind: a.kind,
  parentCode: a.parentCode ?? '',
  fields: a.fields.filter((f) => f in FIELDS),
  otherFields: a.fields.filter((f) => !(f in FIELDS)).join(', '),
  areaCodes: a.areaCodes.join(', '),
  headTitle: a.headTitle ?? '',
  address: a.address ?? '',
  validFrom: a.validFrom ?? '',
  validTo: a.validTo ?? '',
  active: a.active !== false,
})

interface Props {
  form: AgencyForm
  isNew: boolean
  parents: readonly Agency[]
  errors?: Errors
}

export const AgencyFormPage = ({ form, isNew, parents, errors = {} }: Props) => (
  <Layout title={isNew ? 'Thêm cơ quan' : form.name} staff>
    <p>
      <a href="/can-bo/quan-tri/co-quan">← Danh bạ cơ quan</a>
    </p>
    <h1>{isNew ? 'Thêm cơ quan' : `Sửa: ${form.name}`}</h1>
    <ErrorSummary errors={errors} />
    <form
      method="post"
      action={isNew ? '/can-bo/quan-tri/co-quan/moi' : `/can-bo/quan-tri/co-quan/${encodeURIComponent(form.code)}`}
      class="form"
      novalidate
    >
      <CsrfField />
      {isNew ? (
        <Field name="code" label="Mã cơ quan" hint="Chữ không dấu, số, dấu gạch dưới; ví dụ UBND_XA_SON_TAY. Không đổi được sau khi tạo." value={form.code} error={errors.code} required width="medium" />
      ) : (
        <input type="hidden" name="code" value={form.code} />
      )}
      <Field name="name" label="Tên cơ quan" value={form.name} error={errors.name} required />
      <div class="grid-2">
        <Select name="level" label="Cấp" options={Object.entries(AGENCY_LEVELS).map(([value, label]) => ({ value, label }))} value={form.level} error={errors.level} required />
        <Select name="kind" label="Loại" options={Object.entries(AGENCY_KINDS).map(([value, label]) => ({ value, label }))} value={form.kind} error={errors.kind} required />
      </div>
      <Select
        name="parentCode"
        label="Cơ quan cấp trên"
        options={parents.filter((p) => p.code !== form.code).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
        value={form.parentCode}
        emptyLabel="— Không có —"
        error={errors.parentCode}
      />
      <fieldset class={errors.fields ? 'field--error' : undefined}>
        <legend>Lĩnh vực quản lý nhà nước</legend>
        {errors.fields ? <p class="field-error">{errors.fields}</p> : null}
        <div class="checkbox-grid">
          {Object.entries(FIELDS).map(([value, label]) => (
            <label class="checkbox">
              <input type="checkbox" name="fields" value={value} checked={form.fields.includes(value)} /> {label}
            </label>
          ))}
        </div>
        <Field name="otherFields" label="Mã lĩnh vực khác" hint="Cách nhau bởi dấu phẩy." value={form.otherFields} error={errors.otherFields} />
      </fieldset>
      <Field name="areaCodes" label="Địa bàn phụ trách (mã xã, phường)" hint="Cách nhau bởi dấu phẩy, ví dụ XA_SON_TAY." value={form.areaCodes} error={errors.areaCodes} />
      <Field name="headTitle" label="Chức danh người đứng đầu" value={form.headTitle} error={errors.headTitle} />
      <Field name="address" label="Địa chỉ" value={form.address} error={errors.address} />
      <div class="grid-2">
        <Field name="validFrom" label="Hiệu lực từ ngày" type="date" value={form.validFrom} error={errors.validFrom} width="medium" />
        <Field name="validTo" label="Hiệu lực đến ngày" type="date" value={form.validTo} error={errors.validTo} width="medium" />
      </div>
      <label class="checkbox">
        <input type="checkbox" name="active" value="1" checked={form.active} /> Đang hoạt động
      </label>
      <div class="actions">
        <button type="submit" class="button">
          {isNew ? 'Thêm cơ quan' : 'Lưu thay đổi'}
        </button>
        <a href="/can-bo/quan-tri/co-quan" class="button button--secondary">
          Hủy
        </a>
      </div>
    </form>
  </Layout>
)
