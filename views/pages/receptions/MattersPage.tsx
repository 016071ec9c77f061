/**
 * Matter search as a page of its own (/can-bo/tiep-dan/vu-viec?q=): what the visit form's
 * search box shows in place, for a link opened without htmx or in a new tab.
 */
import type { MatterHit } from '../../../src/db/receptions.ts'
import { can } from '../../../src/domain/permissions.ts'
import { usePage } from '../../context.ts'
import { Layout } from '../../layouts/Layout.tsx'
import { code8, contentLabel, fieldName, handlingLabel, letterHref, matterHref, viDate, visitHref } from './labels.ts'

export const MattersPage = ({ q, matters, namesOf }: { q: string; matters: readonly MatterHit[] | null; namesOf: (m: MatterHit) => boolean }) => {
  const { user } = usePage()
  const mayRecord = !!user && can(user.roles, 'record_reception')
  return (
    <Layout title="Tìm vụ việc" staff>
      <nav class="breadcrumb" aria-label="Đường dẫn">
        <a href="/can-bo/tiep-dan">Sổ tiếp công dân</a> › <span aria-current="page">Tìm vụ việc</span>
      </nav>
      <h1>Tìm vụ việc</h1>
      <form method="get" action="/can-bo/tiep-dan/vu-viec" class="search" role="search">
        <label for="f-q">Họ tên, số giấy tờ, mã vụ việc hoặc mã đơn (có dấu hay không dấu đều được)</label>
        <div class="search__row">
          <input id="f-q" name="q" type="search" value={q} class="input" autocomplete="off" />
          <button type="submit" class="button">
            Tìm
          </button>
        </div>
      </form>
      {matters === null ? null : matters.length === 0 ? (
        <p class="muted">Không tìm thấy vụ việc nào khớp “{q}”.</p>
      ) : (
        <ul class="matter-list">
          {matters.map((m) => (
            <li class="card">
              <h2>
                <a href={matterHref(m.id)}>Vụ việc {code8(m.code)}</a>
              </h2>
              <p>
                {contentLabel(m.contentType)}
                {m.field ? ` · ${fieldName(m.field)}` : ''} — {m.summary ?? 'không có tóm tắt'}
              </p>
              <ul>
                {m.lastVisits.map((v) => (
                  <li>
                    <a href={visitHref(v.id)}>Lượt tiếp {viDate(v.date)}</a>: {v.persons} người
                    {v.handling ? `, ${handlingLabel(v.handling).toLowerCase()}` : ''}
                    {namesOf(m) && v.visitorNames.length > 0 ? ` — ${v.visitorNames.slice(0, 4).join(', ')}` : ''}
                  </li>
                ))}
                {m.lastLetters.map((l) => (
                  <li>
                    <a href={letterHref(l.id)}>Đơn {code8(l.code)}</a> nhận ngày {viDate(l.receivedAt)}
                  </li>
                ))}
              </ul>
              {mayRecord ? (
                <p>
                  <a class="button button--secondary" href={`/can-bo/tiep-dan/moi?vu-viec=${encodeURIComponent(m.id)}`}>
                    Ghi lượt tiếp cho vụ việc này
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
