/**
 * The report page (/can-bo/bao-cao): choose a period, read the paragraphs ready to copy, the
 * summary numbers, the charts and the statistical forms; every number links to its records.
 */
import { CALENDAR_PERIODS, OFFICIAL_PERIODS } from '../../../src/domain/report-periods.ts'
import { vnDate } from '../../../src/domain/report-window.ts'
import { MEASURES, SUMMARY_INDENT, SUMMARY_SECTIONS, type MeasureKey } from '../../../src/domain/report-measures.ts'
import { formatNumber } from '../../../src/domain/report-text.ts'
import type { BuiltReport } from '../../../src/http/reports.ts'
import { BarChart } from '../../components/BarChart.tsx'
import { ErrorSummary, fieldId, type Errors } from '../../components/forms.tsx'
import { ReportFormTable, formAnchor } from '../../components/ReportFormTable.tsx'
import { Layout } from '../../layouts/Layout.tsx'

export interface PeriodForm {
  ky: string
  nam: string
  thang: string
  from: string
  to: string
  agency: string
}

export interface ReportLinks {
  measure: (keys: MeasureKey[]) => string
  list: (params: Record<string, string>) => string
  csv: (table: string) => string
  xlsx: string
  print: string
  api: string
}

interface Props {
  report: BuiltReport | null
  form: PeriodForm
  agencies: ReadonlyArray<{ code: string; name: string }>
  errors?: Errors
  links: ReportLinks | null
}

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1))

/** A date shown as staff type it (dd/mm/yyyy); what was typed, when it is not a date, as typed. */
const dayOrRaw = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? vnDate(s) : s)

const PeriodChooser = ({ form, agencies, errors = {} }: { form: PeriodForm; agencies: Props['agencies']; errors?: Errors }) => (
  <form method="get" action="/can-bo/bao-cao" class="form report-period" aria-labelledby="period-title">
    <h2 id="period-title" class="visually-hidden">
      Chọn kỳ báo cáo
    </h2>
    <ErrorSummary errors={errors} />
    <div class="grid-4">
      <div class={`field${errors.ky ? ' field--error' : ''}`}>
        <label for={fieldId('ky')}>Kỳ báo cáo</label>
        <select id={fieldId('ky')} name="ky" class="input">
          <optgroup label="Theo mốc chốt số liệu (Thông tư 01/2024/TT-TTCP)">
            {Object.entries(OFFICIAL_PERIODS).map(([value, label]) => (
              <option value={value} selected={form.ky === value}>
                {label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Theo lịch">
            {Object.entries(CALENDAR_PERIODS).map(([value, label]) => (
              <option value={value} selected={form.ky === value}>
                {label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Khác">
            <option value="tuy-chon" selected={form.ky === 'tuy-chon'}>
              Tùy chọn (từ ngày … đến ngày …)
            </option>
          </optgroup>
        </select>
      </div>
      <div class={`field period-year${errors.nam ? ' field--error' : ''}`}>
        <label for={fieldId('nam')}>Năm</label>
        {errors.nam ? <p class="field-error">{errors.nam}</p> : null}
        <input id={fieldId('nam')} name="nam" class="input input--short" inputmode="numeric" value={form.nam} />
      </div>
      <div class="field period-month">
        <label for={fieldId('thang')}>Tháng (kỳ theo tháng)</label>
        <select id={fieldId('thang')} name="thang" class="input input--short">
          {MONTHS.map((m) => (
            <option value={m} selected={form.thang === m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={fieldId('agency')}>Đơn thuộc thẩm quyền của</label>
        <select id={fieldId('agency')} name="agency" class="input">
          <option value="">Tất cả cơ quan</option>
          {agencies.map((a) => (
            <option value={a.code} selected={form.agency === a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
    </div>
    <div class="grid-4 period-custom">
      <div class={`field${errors.from ? ' field--error' : ''}`}>
        <label for={fieldId('from')}>Từ ngày (kỳ tùy chọn)</label>
        {errors.from ? <p class="field-error">{errors.from}</p> : null}
        <input id={fieldId('from')} name="from" class="input input--medium" inputmode="numeric" placeholder="dd/mm/yyyy" value={dayOrRaw(form.from)} />
      </div>
      <div class={`field${errors.to ? ' field--error' : ''}`}>
        <label for={fieldId('to')}>Đến ngày (kỳ tùy chọn)</label>
        {errors.to ? <p class="field-error">{errors.to}</p> : null}
        <input id={fieldId('to')} name="to" class="input input--medium" inputmode="numeric" placeholder="dd/mm/yyyy" value={dayOrRaw(form.to)} />
      </div>
    </div>
    <button type="submit" class="button">
      Xem báo cáo
    </button>
  </form>
)

const NumberLink = ({ keyName, value, links }: { keyName: MeasureKey; value: number | undefined; links: ReportLinks }) => (
  <a href={links.measure([keyName])} data-measure={keyName} data-value={value ?? ''}>
    {formatNumber(value ?? 0)}
  </a>
)

export const ReportPage = ({ report, form, agencies, errors, links }: Props) => (
  <Layout title="Báo cáo" staff>
    <h1>Báo cáo công tác tiếp công dân, xử lý đơn</h1>
    <PeriodChooser form={form} agencies={agencies} errors={errors} />
    {report && links ? (
      // printed on A4 landscape (the forms' 29 columns), unlike the app's other pages
      <div class="report-sheet">
        <div class="report-head">
          <h2>{report.period.name}</h2>
          <p class="lead">{report.period.range}.</p>
          {report.period.basis ? <p class="muted">Căn cứ: {report.period.basis}.</p> : null}
          {report.period.note ? <p class="hint hint--warning">{report.period.note}</p> : null}
          {report.agency ? (
            <p class="flash flash--info">
              Số liệu đơn chỉ gồm đơn thuộc thẩm quyền giải quyết của {report.agency.name}. Số liệu tiếp công dân là của toàn {report.boardName}.
            </p>
          ) : null}
          <nav class="actions report-exports" aria-label="Tải về, in">
            <a class="button button--secondary" href={links.xlsx}>
              Tải Excel (XLSX)
            </a>
            <a class="button button--secondary" href={links.csv('tong-hop')}>
              Tải CSV tổng hợp
            </a>
            <a class="button button--secondary" href={links.print}>
              Bản in
            </a>
            <details class="api-call">
              <summary>Dữ liệu JSON (API)</summary>
              <code class="api-call__request">GET {links.api}</code>
            </details>
          </nav>
        </div>
        {report.violations.length > 0 ? (
          <div class="flash flash--warning" role="alert">
            Cảnh báo: số liệu không khớp ({report.violations.map((v) => v.rule).join('; ')}). Vui lòng báo quản trị hệ thống.
          </div>
        ) : null}

        <section class="panel" aria-labelledby="text-title">
          <h2 id="text-title">Văn bản báo cáo</h2>
          <p class="hint">Đoạn văn theo cách viết của báo cáo định kỳ; số liệu khớp với các bảng và biểu mẫu bên dưới.</p>
          <div class="report-text">
            {report.paragraphs.map((p) => (
              <p>{p}</p>
            ))}
          </div>
          <label for="report-copy" class="report-copy__label">
            Sao chép: chọn toàn bộ ô dưới đây (Ctrl+A) rồi sao chép (Ctrl+C)
          </label>
          <textarea id="report-copy" class="input report-copy" rows={8} readonly>
            {report.paragraphs.join('\n')}
          </textarea>
          <p>
            <a href={links.csv('van-ban')}>Tải văn bản (CSV)</a>
          </p>
        </section>

        <section aria-labelledby="summary-title">
          <h2 id="summary-title">Số liệu tổng hợp</h2>
          <p class="hint">Bấm vào một con số để xem danh sách hồ sơ được đếm.</p>
          <div class="summary-grid">
            {SUMMARY_SECTIONS.map((section) => (
              <div class="table-wrap">
                <table class="table table--summary">
                  <caption>{section.title}</caption>
                  <tbody>
                    {section.keys.map((key) => (
                      <tr>
                        <th scope="row">
                          <span class={`indent indent--${SUMMARY_INDENT[key] ?? 0}`}>{MEASURES[key].label}</span>
                        </th>
                        <td class="num">
                          <NumberLink keyName={key} value={report.values[key]} links={links} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        </section>

        {report.charts.length > 0 ? (
          <section aria-labelledby="charts-title">
            <h2 id="charts-title">Biểu đồ</h2>
            <div class="charts">
              {report.charts.map((chart) => (
                <BarChart chart={chart} href={links.list} />
              ))}
            </div>
          </section>
        ) : null}

        <section aria-labelledby="forms-title">
          <h2 id="forms-title">Biểu mẫu thống kê</h2>
          <nav class="actions" aria-label="Các biểu mẫu">
            {report.forms.map((f) => (
              <>
                <a href={`#${formAnchor(f.layout.code)}`}>Biểu {f.layout.code}</a>
                <a class="muted" href={links.csv(f.layout.code.replace('/', '-'))}>
                  (CSV)
                </a>
              </>
            ))}
          </nav>
          {report.forms.map((f) => (
            <ReportFormTable form={f} unit={report.agency?.name ?? report.boardName} href={links.measure} />
          ))}
        </section>
      </div>
    ) : null}
  </Layout>
)
