/**
 * The vertical chart's axis: whole counts, evenly spaced, whatever the largest bar
 * (a maximum of 5 used to read 0, 1, 3, 4, 5).
 */
import { describe, expect, it } from 'vitest'
import type { ChartModel } from '../../../src/domain/report-charts.ts'
import { BarChart } from '../../../views/components/BarChart.tsx'

const chart = (largest: number): ChartModel => ({
  id: 'c',
  title: 'Đơn theo tháng',
  description: 'Số đơn mỗi tháng.',
  series: [{ key: 'khieu_nai', label: 'Khiếu nại' }],
  bars: [{ key: '2026-11', label: 'Tháng 11', values: [largest], links: [null] }],
  orientation: 'vertical',
})

const ticksOf = (largest: number) =>
  [...String(<BarChart chart={chart(largest)} href={() => '#'} />).matchAll(/class="chart__tick"[^>]*>([^<]*)</g)].map((m) => m[1]!.replace(/\./g, ''))

describe('BarChart axis', () => {
  it.each([
    [1, ['0', '1', '2', '3', '4', '5']],
    [5, ['0', '1', '2', '3', '4', '5']],
    [9, ['0', '2', '4', '6', '8', '10']],
    [19, ['0', '4', '8', '12', '16', '20']],
    [23, ['0', '5', '10', '15', '20', '25']],
    [4321, ['0', '1000', '2000', '3000', '4000', '5000']],
  ])('largest bar %i: ticks %j', (largest, ticks) => {
    expect(ticksOf(largest)).toEqual(ticks)
  })
})
