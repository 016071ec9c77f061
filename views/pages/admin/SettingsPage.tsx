/** Admin: the board's settings, including the working-day calendar. */
import type { Agency } from '../../../src/domain/agency.ts'
import { CONVENTION_LABELS, type Conventions } from '../../../src/domain/settings.ts'
import { CsrfField, ErrorSummary, Field, Flash, Select, TextArea, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export interface SettingsForm {
  homeAgencyCode: string
  boardName: string
  localityName: string
  largeGroupThreshold: string
  holidays: string
  extraWorkingDays: string
  centralAgencyCode: string
  duplicateSimilarity: string
  conventions: Conventions
}

interface Props {
  form: SettingsForm
  agencies: readonly Agency[]
  errors?: Errors
  flash?: string | null
}

export const SettingsPage = ({ form, agencies, errors = {}, flash }: Props) => (
  <Layout title="Cài đặt" staff>
    <h1>Cài đặt</h1>
    <Flash message={flash} />
    <ErrorSummary errors={errors} />
    <form method="post" action="/can-bo/quan-tri/cai-dat" class="form" novalidate>
      <CsrfField />
      <fieldset>
        <legend>Đơn vị</legend>
        <Select
          name="homeAgencyCode"
          label="Cơ quan chủ quản"
          hint="Cơ quan mà Ban Tiếp công dân này trực thuộc; dùng để xác định đơn thuộc hay không thuộc thẩm quyền."
          options={agencies.filter((a) => a.active !== false).map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
          value={form.homeAgencyCode}
          emptyLabel="— Chưa chọn —"
          error={errors.homeAgencyCode}
        />
        <Field
          name="boardName"
          label="Tên Ban Tiếp công dân trong báo cáo"
          hint='Mở đầu đoạn báo cáo, ví dụ: "Ban Tiếp công dân tỉnh".'
          value={form.boardName}
          error={errors.boardName}
          required
        />
        <Field name="localityName" label="Tên địa phương" hint='Ví dụ: "tỉnh Quảng Ngãi".' value={form.localityName} error={errors.localityName} required />
        <Field
          name="largeGroupThreshold"
          label="Ngưỡng đoàn đông người (số người)"
          hint="Lượt tiếp có từ số người này trở lên được tính là đoàn đông người."
          type="number"
          inputmode="numeric"
          min={2}
          max={1000}
          width="short"
          value={form.largeGroupThreshold}
          error={errors.largeGroupThreshold}
          required
        />
      </fieldset>
      <fieldset>
        <legend>Định tuyến và trùng đơn</legend>
        <Select
          name="centralAgencyCode"
          label="Cơ quan trung ương nhận đơn vượt thẩm quyền cấp tỉnh"
          hint="Ví dụ: đơn tố cáo Chủ tịch UBND tỉnh. Để trống thì chuyển về cơ quan chủ quản."
          options={agencies.filter((a) => a.active !== false && a.level === 'trung_uong').map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
          value={form.centralAgencyCode}
          emptyLabel="— Không chọn —"
          error={errors.centralAgencyCode}
        />
        <Field
          name="duplicateSimilarity"
          label="Ngưỡng giống nhau để coi là đơn trùng (0,3 – 1)"
          hint="Hai đơn của cùng người gửi, cùng đối tượng, cùng loại, có nội dung giống nhau từ mức này trở lên là cùng một vụ việc."
          inputmode="decimal"
          width="short"
          value={form.duplicateSimilarity}
          error={errors.duplicateSimilarity}
        />
      </fieldset>
      <fieldset>
        <legend>Quy ước áp dụng khi quy định chưa rõ</legend>
        <input type="hidden" name="conventionsShown" value="1" />
        {(Object.keys(CONVENTION_LABELS) as Array<keyof Conventions>).map((key) => (
          <label class="checkbox">
            <input type="checkbox" name="conventions" value={key} checked={form.conventions[key]} /> {CONVENTION_LABELS[key]}
          </label>
        ))}
        <p class="hint">
          Thời hạn xử lý và quy tắc xác định thẩm quyền: xem <a href="/can-bo/quan-tri/thoi-han">bảng thời hạn</a>.
        </p>
      </fieldset>
      <fieldset>
        <legend>Lịch ngày làm việc</legend>
        <p class="hint">
          Thời hạn tính theo ngày làm việc bỏ qua thứ Bảy, Chủ nhật và các ngày nghỉ lễ dưới đây, và tính cả các ngày làm bù.
          Mỗi dòng một ngày, dạng 2026-04-30 hoặc 30/04/2026.
        </p>
        <div class="grid-2">
          <TextArea name="holidays" label="Ngày nghỉ lễ, Tết" rows={12} value={form.holidays} error={errors.holidays} />
          <TextArea name="extraWorkingDays" label="Ngày làm bù (thứ Bảy đi làm)" rows={12} value={form.extraWorkingDays} error={errors.extraWorkingDays} />
        </div>
      </fieldset>
      <button type="submit" class="button">
        Lưu cài đặt
      </button>
    </form>
  </Layout>
)
