/**
 * The register for printing (/can-bo/tiep-dan/in): Sổ tiếp công dân as Mẫu 03/TCD of NĐ
 * 154/2026 lays it out — 12 numbered columns, one row per visit of the period, A4 landscape.
 * A page of its own (no navigation), like the report's print view.
 */
import { REGISTER_COLUMNS } from '../../../src/domain/reception.ts'
import type { RegisterRow } from '../../../src/http/receptions.ts'
import { viDate } from './labels.ts'

interface Props {
  boardName: string
  parentName: string | null
  from: string
  to: string
  rows: readonly RegisterRow[]
  backHref: string
  printedOn: string
}

const Lines = ({ lines }: { lines: readonly string[] }) => (
  <>
    {lines.map((l, i) => (
      <>
        {i > 0 ? <br /> : null}
        {l}
      </>
    ))}
  </>
)

export const RegisterPrintPage = (p: Props) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`Sổ tiếp công dân ${viDate(p.from)}–${viDate(p.to)} · Tiếp công dân`}</title>
      <link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/css/app.css" />
    </head>
    <body class="print-page">
      <main class="print-sheet tcd-register-sheet">
        <p class="no-print">
          <a href={p.backHref}>← Về sổ tiếp công dân</a> · Dùng lệnh In của trình duyệt (Ctrl+P), khổ giấy A4 nằm ngang.{' '}
          <button type="button" class="link-button" data-print hidden>
            In
          </button>
        </p>
        <header class="tcd-register-head">
          <div class="tcd-register-head__unit">
            {p.parentName ? <p>{p.parentName.toLocaleUpperCase('vi')}</p> : null}
            <p class="tcd-register-head__board">{p.boardName.toLocaleUpperCase('vi')}</p>
          </div>
          <p class="tcd-register-head__form">Mẫu số 03/TCD (Nghị định số 154/2026/NĐ-CP)</p>
        </header>
        <h1 class="tcd-register-title">SỔ TIẾP CÔNG DÂN</h1>
        <p class="tcd-register-period" id="register-period">
          Từ ngày {viDate(p.from)} đến ngày {viDate(p.to)}
        </p>
        <table class="tcd-register" id="tcd-register">
          <colgroup>
            {REGISTER_COLUMNS.map((_, i) => (
              <col class={`tcd-register__col tcd-register__col--${i + 1}`} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {REGISTER_COLUMNS.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
            <tr class="tcd-register__numbers">
              {REGISTER_COLUMNS.map((_, i) => (
                <th scope="col">({i + 1})</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.length === 0 ? (
              <tr>
                <td colspan={REGISTER_COLUMNS.length} class="tcd-register__empty">
                  Không có lượt tiếp nào trong thời gian này.
                </td>
              </tr>
            ) : (
              p.rows.map((r) => (
                <tr data-visit={r.visitId}>
                  <td class="num">{r.stt}</td>
                  <td class="nowrap">{r.date}</td>
                  <td>
                    <Lines lines={r.people} />
                  </td>
                  <td>
                    <Lines lines={r.ids} />
                  </td>
                  <td>{r.summary}</td>
                  <td>{r.type}</td>
                  <td class="num">{r.persons}</td>
                  <td>{r.resolvedBy}</td>
                  <td class="tcd-register__mark">{r.withinCompetence ? 'x' : ''}</td>
                  <td>{r.guided}</td>
                  <td>{r.forwarded}</td>
                  <td>{r.followUp}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <p class="tcd-register-foot">
          Tổng số: {p.rows.length} lượt tiếp, {p.rows.reduce((n, r) => n + r.persons, 0)} người. In ngày {viDate(p.printedOn)}.
        </p>
      </main>
      <script src="/static/js/print.js" defer></script>
    </body>
  </html>
)
