/** Admin: import a directory from a CSV or JSON file, with a preview before anything changes. */
import { DIRECTORY_COLUMNS } from '../../../src/domain/directory-file.ts'
import { CsrfField, ErrorSummary, type Errors } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export type ImportMode = 'bo_sung' | 'thay_toan_bo'

export const ImportPage = ({ mode = 'bo_sung', errors = {}, problems = [] }: { mode?: ImportMode; errors?: Errors; problems?: string[] }) => (
  <Layout title="Nhập danh bạ" staff>
    <p>
      <a href="/can-bo/quan-tri/co-quan">← Danh bạ cơ quan</a>
    </p>
    <h1>Nhập danh bạ cơ quan từ tệp</h1>
    <ErrorSummary errors={errors} />
    {problems.length > 0 ? (
      <div class="error-summary" role="alert">
        <h2>Tệp có {problems.length} lỗi, chưa nhập gì</h2>
        <ul>
          {problems.slice(0, 200).map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      </div>
    ) : null}
    <form method="post" action="/can-bo/quan-tri/co-quan/nhap" enctype="multipart/form-data" class="form">
      <CsrfField />
      <div class={`field${errors.file ? ' field--error' : ''}`}>
        <label for="f-file">Tệp CSV hoặc JSON</label>
        <p class="hint" id="f-file-hint">
          CSV: một dòng một cơ quan, dòng đầu là tiêu đề. Các cột: {DIRECTORY_COLUMNS.map((c) => `${c.key} (${c.label})`).join(', ')}.
          Lĩnh vực và địa bàn ghi nhiều mã cách nhau bởi dấu |. JSON: danh sách cơ quan như API /api/v1/agencies.
        </p>
        {errors.file ? <p class="field-error">{errors.file}</p> : null}
        <input id="f-file" type="file" name="file" accept=".csv,.json,text/csv,application/json" aria-describedby="f-file-hint" />
      </div>
      <fieldset>
        <legend>Cách nhập</legend>
        <label class="radio">
          <input type="radio" name="mode" value="bo_sung" checked={mode === 'bo_sung'} /> Bổ sung, cập nhật: thêm cơ quan mới, sửa cơ quan
          cùng mã; giữ nguyên các cơ quan khác
        </label>
        <label class="radio">
          <input type="radio" name="mode" value="thay_toan_bo" checked={mode === 'thay_toan_bo'} /> Thay toàn bộ: cơ quan không có trong tệp
          bị xóa (hoặc chuyển sang ngừng hoạt động nếu đã có hồ sơ liên quan)
        </label>
      </fieldset>
      <button type="submit" class="button">
        Xem trước
      </button>
    </form>
  </Layout>
)

interface PreviewProps {
  mode: ImportMode
  payload: string
  created: string[]
  updated: string[]
  removed: string[]
}

export const ImportPreviewPage = ({ mode, payload, created, updated, removed }: PreviewProps) => (
  <Layout title="Xem trước khi nhập" staff>
    <h1>Xem trước khi nhập</h1>
    <ul class="summary-list">
      <li>
        <strong>{created.length}</strong> cơ quan mới
      </li>
      <li>
        <strong>{updated.length}</strong> cơ quan được cập nhật
      </li>
      {mode === 'thay_toan_bo' ? (
        <li>
          <strong>{removed.length}</strong> cơ quan không còn trong danh bạ (xóa, hoặc ngừng hoạt động nếu đã có hồ sơ)
        </li>
      ) : null}
    </ul>
    {removed.length > 0 && mode === 'thay_toan_bo' ? (
      <details>
        <summary>Danh sách cơ quan không còn trong danh bạ</summary>
        <p>{removed.join(', ')}</p>
      </details>
    ) : null}
    <form method="post" action="/can-bo/quan-tri/co-quan/nhap/xac-nhan" class="form">
      <CsrfField />
      <input type="hidden" name="mode" value={mode} />
      <input type="hidden" name="payload" value={payload} />
      <div class="actions">
        <button type="submit" class="button">
          Xác nhận nhập
        </button>
        <a href="/can-bo/quan-tri/co-quan/nhap" class="button button--secondary">
          Chọn tệp khác
        </a>
      </div>
    </form>
  </Layout>
)
