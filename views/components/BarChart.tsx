/**
 * A stacked bar chart as server-rendered SVG: no script, colours from the stylesheet (CSP),
 * a <title>/<desc> for assistive technology, every segment a link to the letters behind it, and
 * the same numbers as a table (with the same links) for keyboard and screen-reader users. The SVG
 * is a figure, not an image: an image may not hold links (axe nested-interactive).
 */
import type { Child } from 'hono/jsx'
import type { ChartModel } from '../../src/domain/report-charts.ts'
import { formatNumber } from '../../src/domain/report-text.ts'

interface Props {
  chart: ChartModel
  /** The drill-down page of a segment's letter filter. */
  href: (params: Record<string, string>) => string
}

const niceMax = (n: number) => {
  if (n <= 5) return 5
  const magnitude = 10 ** Math.floor(Math.log10(n))
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= n) return step * magnitude
  return 10 * magnitude
}

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

const totalOf = (values: number[]) => values.reduce((a, b) => a + b, 0)

/** One segment of a bar: its value as a tooltip, a link to the records behind it when there are some. */
const Segment = ({ href, label, children }: { href: string | null; label: string; children?: Child }) =>
  href ? (
    <a href={href}>
      <title>{label}</title>
      {children}
    </a>
  ) : (
    <g>
      <title>{label}</title>
      {children}
    </g>
  )

function Vertical({ chart, href }: Props) {
  const width = 720
  const height = 300
  const m = { top: 16, right: 12, bottom: 44, left: 52 }
  const plotW = width - m.left - m.right
  const plotH = height - m.top - m.bottom
  const max = niceMax(Math.max(0, ...chart.bars.map((b) => totalOf(b.values))))
  const band = plotW / Math.max(1, chart.bars.length)
  const barW = Math.min(56, band * 0.62)
  const y = (v: number) => m.top + plotH - (v / max) * plotH
  // fifths: every nice maximum (5, 10, 20, 25, 50, …) divides into whole, evenly spaced counts
  const ticks = [0, 1, 2, 3, 4, 5].map((i) => (max * i) / 5)
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="chart__svg" role="figure" aria-labelledby={`${chart.id}-t ${chart.id}-d`}>
      <title id={`${chart.id}-t`}>{chart.title}</title>
      <desc id={`${chart.id}-d`}>{chart.description}</desc>
      {ticks.map((t) => (
        <g>
          <line x1={m.left} x2={width - m.right} y1={y(t)} y2={y(t)} class="chart__grid" />
          <text x={m.left - 6} y={y(t) + 4} class="chart__tick" text-anchor="end">
            {formatNumber(t)}
          </text>
        </g>
      ))}
      {chart.bars.map((bar, i) => {
        const x = m.left + i * band + (band - barW) / 2
        let acc = 0
        return (
          <g>
            {bar.values.map((value, s) => {
              if (value === 0) return null
              const top = y(acc + value)
              const h = y(acc) - top
              acc += value
              const rect = <rect x={x} y={top} width={barW} height={Math.max(h, 0.5)} class={`chart__s${s}`} />
              const link = bar.links[s]
              return (
                <Segment href={link ? href(link) : null} label={`${bar.label}, ${chart.series[s]!.label}: ${formatNumber(value)}`}>
                  {rect}
                </Segment>
              )
            })}
            <text x={x + barW / 2} y={height - m.bottom + 16} class="chart__label" text-anchor="middle">
              {/* "12/2025" on two lines (month, then year): thirteen of them side by side ran together */}
              {/^\d{2}\/\d{4}$/.test(bar.label) ? (
                <>
                  <tspan x={x + barW / 2}>{bar.label.slice(0, 2)}</tspan>
                  <tspan x={x + barW / 2} dy="14">
                    {bar.label.slice(3)}
                  </tspan>
                </>
              ) : (
                bar.label
              )}
            </text>
            <text x={x + barW / 2} y={y(totalOf(bar.values)) - 4} class="chart__value" text-anchor="middle">
              {totalOf(bar.values) > 0 ? formatNumber(totalOf(bar.values)) : ''}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

function Horizontal({ chart, href }: Props) {
  const rowH = 28
  const m = { top: 8, right: 56, bottom: 8, left: 230 }
  const width = 720
  const height = m.top + m.bottom + rowH * Math.max(1, chart.bars.length)
  const plotW = width - m.left - m.right
  const max = niceMax(Math.max(0, ...chart.bars.map((b) => totalOf(b.values))))
  const x = (v: number) => m.left + (v / max) * plotW
  return (
    <svg viewBox={`0 0 ${width} ${height}`} class="chart__svg" role="figure" aria-labelledby={`${chart.id}-t ${chart.id}-d`}>
      <title id={`${chart.id}-t`}>{chart.title}</title>
      <desc id={`${chart.id}-d`}>{chart.description}</desc>
      {chart.bars.map((bar, i) => {
        const top = m.top + i * rowH + 5
        let acc = 0
        return (
          <g>
            <text x={m.left - 8} y={top + 13} class="chart__label" text-anchor="end">
              <title>{bar.label}</title>
              {clip(bar.label, 34)}
            </text>
            {bar.values.map((value, s) => {
              if (value === 0) return null
              const left = x(acc)
              acc += value
              const rect = <rect x={left} y={top} width={Math.max(x(acc) - left, 0.5)} height={rowH - 10} class={`chart__s${s}`} />
              const link = bar.links[s]
              return (
                <Segment href={link ? href(link) : null} label={`${bar.label}, ${chart.series[s]!.label}: ${formatNumber(value)}`}>
                  {rect}
                </Segment>
              )
            })}
            <text x={x(totalOf(bar.values)) + 6} y={top + 13} class="chart__value">
              {formatNumber(totalOf(bar.values))}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

export const BarChart = ({ chart, href }: Props) => (
  <figure class="chart" id={chart.id}>
    <figcaption class="chart__title">{chart.title}</figcaption>
    {chart.bars.length === 0 ? (
      <p class="muted">{chart.description}</p>
    ) : (
      // on a phone the chart keeps a legible size and scrolls sideways in its box
      <div class="chart__scroll" tabindex={0} role="region" aria-label={chart.title}>
        {chart.orientation === 'vertical' ? <Vertical chart={chart} href={href} /> : <Horizontal chart={chart} href={href} />}
      </div>
    )}
    <ul class="chart__legend">
      {chart.series.map((s, i) => (
        <li>
          <span class={`chart__swatch chart__s${i}`} aria-hidden="true"></span>
          {s.label}
        </li>
      ))}
    </ul>
    <details class="chart__data">
      <summary>Bảng số liệu của biểu đồ</summary>
      <div class="table-wrap">
        <table class="table table--compact">
          <caption class="visually-hidden">{chart.description}</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              {chart.series.map((s) => (
                <th scope="col">{s.label}</th>
              ))}
              <th scope="col">Cộng</th>
            </tr>
          </thead>
          <tbody>
            {chart.bars.map((bar) => (
              <tr>
                <th scope="row">{bar.label}</th>
                {bar.values.map((value, s) => {
                  const link = bar.links[s]
                  return (
                    <td class="num" data-chart={chart.id} data-bar={bar.key} data-series={chart.series[s]!.key} data-value={value}>
                      {link && value > 0 ? <a href={href(link)}>{formatNumber(value)}</a> : formatNumber(value)}
                    </td>
                  )
                })}
                <td class="num">{formatNumber(totalOf(bar.values))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  </figure>
)
