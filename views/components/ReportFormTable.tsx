/**
 * A statistical form (Biểu 01/TCD, 02/TCD, 01/XLD) as a table: merged group headings, the
 * column-number row (MS), the unit's row with every number linked to its records, and the
 * control sums of the formula row checked underneath.
 */
import { headerRows, type FilledForm } from '../../src/domain/report-forms.ts'
import type { MeasureKey } from '../../src/domain/report-measures.ts'
import { formatNumber } from '../../src/domain/report-text.ts'

interface Props {
  form: FilledForm
  unit: string
  href: (keys: MeasureKey[]) => string
  /** Print view: plain numbers, no links. */
  plain?: boolean
}

export const formAnchor = (code: string) => `bieu-${code.replace('/', '-').toLowerCase()}`

export const ReportFormTable = ({ form, unit, href, plain = false }: Props) => {
  const { rows, depth } = headerRows(form.layout)
  const id = formAnchor(form.layout.code)
  return (
    <section class="report-form" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        Biểu số {form.layout.code}: {form.layout.title}
      </h3>
      <p class="muted">
        {form.layout.basis}
        {form.inForce ? null : ' (chưa có mẫu biểu đã kiểm chứng cho kỳ này; dùng mẫu gần nhất)'}
      </p>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-title`} tabindex={0}>
        <table class="table table--report-form" data-form={form.layout.code}>
          <thead>
            {rows.map((cells, r) => (
              <tr>
                {r === 0 ? (
                  <th scope="col" rowspan={depth}>
                    Đơn vị
                  </th>
                ) : null}
                {cells.map((cell) => (
                  <th scope={cell.colspan > 1 ? 'colgroup' : 'col'} colspan={cell.colspan > 1 ? cell.colspan : undefined} rowspan={cell.rowspan > 1 ? cell.rowspan : undefined}>
                    {cell.label}
                  </th>
                ))}
              </tr>
            ))}
            <tr class="report-form__ms">
              <th scope="row">MS</th>
              {form.layout.columns.map((c) => (
                <th scope="col">{c.no}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{unit}</th>
              {form.cells.map((cell) =>
                cell.note ? (
                  <td class="report-form__note" data-col={cell.no}>
                    {cell.note.map((part) =>
                      part.measure && !plain ? (
                        <a href={href([part.measure])} data-measure={part.measure} data-value={part.text}>
                          {part.text}
                        </a>
                      ) : (
                        part.text
                      ),
                    )}
                  </td>
                ) : (
                  <td class="num" data-col={cell.no} data-value={cell.value ?? ''}>
                    {plain ? formatNumber(cell.value ?? 0) : <a href={href(cell.measures)}>{formatNumber(cell.value ?? 0)}</a>}
                  </td>
                ),
              )}
            </tr>
          </tbody>
        </table>
      </div>
      <ul class="report-form__checks">
        {form.checks.map((check) => (
          <li class={check.ok ? 'check--ok' : 'check--bad'}>
            {check.ok ? '✓' : '✗'} Cột {check.text}
            {check.ok ? '' : ' — không khớp'}
          </li>
        ))}
      </ul>
      {form.layout.note ? <p class="hint">{form.layout.note}</p> : null}
    </section>
  )
}
