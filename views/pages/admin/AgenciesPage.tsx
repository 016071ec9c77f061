/** Admin: the agency directory, searchable without diacritics, as an indented tree. */
import type { Agency } from '../../../src/domain/agency.ts'
import { AGENCY_KINDS, AGENCY_LEVELS, fieldLabel } from '../../../src/domain/codes.ts'
import { Flash } from '../../components/forms.tsx'
import { Layout } from '../../layouts/Layout.tsx'

interface Props {
  agencies: readonly Agency[]
  /** depth in the tree for each code (0 = root), when not searching */
  depth: ReadonlyMap<string, number>
  q: string
  total: number
  flash?: string | null
}

const validity = (a: Agency) => {
  if (!a.validFrom && !a.validTo) return ''
  const d = (s: string | null | undefined) => (s ? s.split('-').reverse().join('/') : '…')
  return `${d(a.validFrom)} – ${d(a.validTo)}`
}

export const AgenciesPage = ({ agencies, depth, q, total, flash }: Props) => (
  <Layout title="Danh bạ cơ quan" staff>
    <div class="page-head">
      <h1>Danh bạ cơ quan</h1>
      <div class="actions">
        <a class="button" href="/can-bo/quan-tri/co-quan/moi">
          Thêm cơ quan
        </a>
        <a class="button button--secondary" href="/can-bo/quan-tri/co-quan/nhap">
          Nhập từ tệp
        </a>
        <a class="button button--secondary" href="/can-bo/quan-tri/co-quan/tai-ve.csv">
          Tải CSV
        </a>
        <a class="button button--secondary" href="/can-bo/quan-tri/co-quan/tai-ve.json">
          Tải JSON
        </a>
      </div>
    </div>
    <Flash message={flash} />
    <form method="get" action="/can-bo/quan-tri/co-quan" class="search" role="search">
      <label for="q">Tìm cơ quan (gõ có dấu hoặc không dấu)</label>
      <div class="search__row">
        <input id="q" name="q" type="search" value={q} class="input" placeholder="ví dụ: so nong nghiep, son tay" />
        <button type="submit" class="button">
          Tìm
        </button>
      </div>
    </form>
    <p class="muted">
      {q ? `${agencies.length} kết quả trong ${total} cơ quan.` : `${total} cơ quan, đơn vị.`}
    </p>
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Cơ quan</th>
            <th scope="col">Mã</th>
            <th scope="col">Cấp</th>
            <th scope="col">Loại</th>
            <th scope="col">Lĩnh vực quản lý</th>
            <th scope="col">Hiệu lực</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr class={a.active === false ? 'row--inactive' : undefined}>
              <td>
                <span class={`indent indent--${Math.min(depth.get(a.code) ?? 0, 4)}`}>
                  <a href={`/can-bo/quan-tri/co-quan/${encodeURIComponent(a.code)}`}>{a.name}</a>
                  {a.active === false ? <span class="badge badge--muted">ngừng hoạt động</span> : null}
                </span>
              </td>
              <td>
                <code>{a.code}</code>
              </td>
              <td>{AGENCY_LEVELS[a.level]}</td>
              <td>{AGENCY_KINDS[a.kind]}</td>
              <td>{a.fields.map(fieldLabel).join(', ')}</td>
              <td>{validity(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </Layout>
)
