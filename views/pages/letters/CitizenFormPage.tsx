/**
 * A citizen's form ready to print (Đơn khiếu nại, Giấy ủy quyền khiếu nại): a toolbar that is not
 * printed, then the form. Blank, or filled from a registered complaint to be read back and signed.
 */
import type { CitizenFormModel } from '../../../src/domain/citizen-forms.ts'
import { OfficialDocument } from '../../documents/OfficialDocument.tsx'
import { Layout } from '../../layouts/Layout.tsx'
import { codeOf } from './labels.ts'

export interface CitizenFormPageProps {
  model: CitizenFormModel
  docxHref: string
  /** The case page of the complaint it was filled from. */
  letterHref: string | null
}

export const CitizenFormPage = ({ model, docxHref, letterHref }: CitizenFormPageProps) => (
  <Layout title={model.title} staff>
    <link rel="stylesheet" href="/static/css/document.css" />
    <div class="document-toolbar">
      <h1>{model.title}</h1>
      <p class="muted" id="citizen-form-source">
        {model.form}, {model.source}
        {model.letterCode && letterHref ? (
          <>
            {' '}
            · Điền sẵn từ đơn <a href={letterHref}>{codeOf(model.letterCode)}</a>
          </>
        ) : (
          ' · Mẫu trống'
        )}
      </p>
      <div class="actions">
        <button type="button" class="button print-button" data-print hidden>
          In
        </button>
        <a class="button button--secondary" href={docxHref} download>
          Tải về (.docx)
        </a>
      </div>
      <p class="hint">
        {model.letterCode
          ? 'Đọc lại cho công dân nghe; công dân ký hoặc điểm chỉ. Phần để trống do công dân tự ghi.'
          : 'Để in: bấm “In” hoặc nhấn Ctrl+P, chọn khổ giấy A4. Công dân tự ghi vào chỗ trống rồi ký hoặc điểm chỉ.'}
      </p>
    </div>
    <OfficialDocument model={model} />
    <script src="/static/js/print.js" defer></script>
  </Layout>
)
