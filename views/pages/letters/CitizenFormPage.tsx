/**
 * A citizen's form ready to print (Đơn khiếu nại, Giấy ủy quyền khiếu nại): a toolbar that is not
 * printed, then the form. Blank, or filled from a registered complaint to be read back and signed.
 */
import type { CitizenFormModel } from '../../../src/domain/citizen-forms.ts'
import { DocumentToolbarPage } from '../../documents/DocumentToolbarPage.tsx'
import { codeOf } from './labels.ts'

export interface CitizenFormPageProps {
  model: CitizenFormModel
  docxHref: string
  /** The case page of the complaint it was filled from. */
  letterHref: string | null
}

export const CitizenFormPage = ({ model, docxHref, letterHref }: CitizenFormPageProps) => (
  <DocumentToolbarPage
    model={model}
    docxHref={docxHref}
    hint={
      model.letterCode
        ? 'Đọc lại cho công dân nghe; công dân ký hoặc điểm chỉ. Phần để trống do công dân tự ghi.'
        : 'Để in: bấm “In” hoặc nhấn Ctrl+P, chọn khổ giấy A4. Công dân tự ghi vào chỗ trống rồi ký hoặc điểm chỉ.'
    }
  >
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
  </DocumentToolbarPage>
)
