/** The report for printing (/can-bo/bao-cao/in): text, summary and forms, no navigation or links. */
import { MEASURES, SUMMARY_INDENT, SUMMARY_SECTIONS } from '../../../src/domain/report-measures.ts'
import { formatNumber } from '../../../src/domain/report-text.ts'
import { vnDate } from '../../../src/domain/report-window.ts'
import type { BuiltReport } from '../../../src/http/reports.ts'
import { ReportFormTable } from '../../components/ReportFormTable.tsx'

interface Props {
  report: BuiltReport
  printedOn: string
  backHref: string
}

export const ReportPrintPage = ({ report, printedOn, backHref }: Props) => (
  <html lang="vi">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`Báo cáo ${report.period.name} · Tiếp công dân`}</title>
      <link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/css/app.css" />
    </head>
    <body class="print-page">
      <main class="print-sheet report-sheet">
        <p class="no-print">
          <a href={backHref}>← Về báo cáo</a> · Dùng lệnh In của trình duyệt (Ctrl+P); nên chọn khổ giấy A4 nằm ngang cho các biểu mẫu.
        </p>
        <header class="print-sheet__head">
          <p class="print-sheet__unit">{report.agency?.name ?? report.boardName}</p>
          <h1>BÁO CÁO CÔNG TÁC TIẾP CÔNG DÂN, XỬ LÝ ĐƠN</h1>
          <p>
            <strong>{report.period.name}</strong> — {report.period.range}
          </p>
          {report.agency ? <p>Số liệu đơn: đơn thuộc thẩm quyền giải quyết của {report.agency.name}.</p> : null}
        </header>
        <section>
          <h2>I. Kết quả</h2>
          {report.paragraphs.map((p) => (
            <p class="print-sheet__text">{p}</p>
          ))}
        </section>
        <section>
          <h2>II. Số liệu tổng hợp</h2>
          {SUMMARY_SECTIONS.map((section) => (
            <table class="table table--summary">
              <caption>{section.title}</caption>
              <tbody>
                {section.keys.map((key) => (
                  <tr>
                    <th scope="row">
                      <span class={`indent indent--${SUMMARY_INDENT[key] ?? 0}`}>{MEASURES[key].label}</span>
                    </th>
                    <td class="num" data-measure={key} data-value={report.values[key] ?? ''}>
                      {formatNumber(report.values[key] ?? 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
        <section class="print-sheet__forms">
          <h2>III. Biểu mẫu thống kê</h2>
          {report.forms.map((f) => (
            <ReportFormTable form={f} unit={report.agency?.name ?? report.boardName} href={() => '#'} plain />
          ))}
        </section>
        <p class="muted">In ngày {vnDate(printedOn)}.</p>
      </main>
    </body>
  </html>
)
