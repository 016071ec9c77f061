/**
 * A statistical form filled in: each column's value from the measure values, the control sums
 * of the formula row checked, and the header laid out as rows of merged cells (the same grid
 * for the HTML table, the CSV and the XLSX sheet).
 */
import type { MeasureValues } from './report.ts'
import { FORM_LAYOUTS, type FormCode, type FormColumn, type FormLayout } from './report-layouts.ts'
import type { MeasureKey } from './report-measures.ts'

/** The layout of a form for a window ending on `end`: the one in force then, else the latest known. */
export function layoutFor(code: FormCode, end: string, layouts: readonly FormLayout[] = FORM_LAYOUTS): { layout: FormLayout; inForce: boolean } {
  const versions = layouts.filter((l) => l.code === code).sort((a, b) => a.validFrom.localeCompare(b.validFrom))
  if (versions.length === 0) throw new Error(`no layout for form ${code}`)
  const inForce = versions.filter((l) => l.validFrom <= end && (l.validTo === null || end <= l.validTo)).at(-1)
  return inForce ? { layout: inForce, inForce: true } : { layout: versions.at(-1)!, inForce: false }
}

export interface NotePart {
  text: string
  measure?: MeasureKey
}

export interface FormCell {
  no: number
  /** null for a note column. */
  value: number | null
  /** The measures behind the value (several for a sum column): what its drill-down lists. */
  measures: MeasureKey[]
  note: NotePart[] | null
}

export interface ControlSumCheck {
  column: number
  text: string
  ok: boolean
}

export interface FilledForm {
  layout: FormLayout
  /** False when no layout is in force for the window and the latest known one is used. */
  inForce: boolean
  cells: FormCell[]
  checks: ControlSumCheck[]
}

const byNo = (layout: FormLayout) => new Map(layout.columns.map((c) => [c.no, c]))

/** The measures a column adds up (a sum column: those of its parts). */
export function columnMeasures(layout: FormLayout, column: FormColumn): MeasureKey[] {
  const columns = byNo(layout)
  const seen = new Set<number>()
  const walk = (c: FormColumn): MeasureKey[] => {
    if (seen.has(c.no)) throw new Error(`form ${layout.code}: column ${c.no} sums itself`)
    seen.add(c.no)
    if ('measure' in c.value) return [c.value.measure]
    if ('sumOf' in c.value) {
      return c.value.sumOf.flatMap((no) => {
        const part = columns.get(no)
        if (!part) throw new Error(`form ${layout.code}: column ${c.no} sums unknown column ${no}`)
        return walk(part)
      })
    }
    return []
  }
  return walk(column)
}

/** All measure keys a layout needs. */
export const layoutMeasures = (layout: FormLayout): MeasureKey[] => [
  ...new Set([
    ...layout.columns.flatMap((c) => columnMeasures(layout, c)),
    ...layout.columns.flatMap((c) => ('note' in c.value ? noteMeasures(c.value.note) : [])),
  ]),
]

const noteMeasures = (_note: 'tcd02'): MeasureKey[] => ['tcd02.khongDuDieuKien', 'tcd02.chuaXuLy']

function noteParts(note: 'tcd02', value: (key: MeasureKey) => number): NotePart[] {
  switch (note) {
    case 'tcd02':
      return [
        { text: 'Không tính ' },
        { text: String(value('tcd02.khongDuDieuKien')), measure: 'tcd02.khongDuDieuKien' },
        { text: ' đơn không đủ điều kiện xử lý và ' },
        { text: String(value('tcd02.chuaXuLy')), measure: 'tcd02.chuaXuLy' },
        { text: ' đơn chưa xử lý.' },
      ]
  }
}

export function fillForm(code: FormCode, end: string, values: MeasureValues, layouts: readonly FormLayout[] = FORM_LAYOUTS): FilledForm {
  const { layout, inForce } = layoutFor(code, end, layouts)
  const value = (key: MeasureKey): number => {
    const v = values[key]
    if (v === undefined) throw new Error(`form ${code} needs measure ${key}`)
    return v
  }
  const cells: FormCell[] = layout.columns.map((column) => {
    if ('note' in column.value) return { no: column.no, value: null, measures: [], note: noteParts(column.value.note, value) }
    const measures = columnMeasures(layout, column)
    return { no: column.no, value: measures.reduce((total, key) => total + value(key), 0), measures, note: null }
  })
  const cellValue = new Map(cells.map((c) => [c.no, c.value ?? 0]))
  const checks = layout.controlSums.map((s) => {
    const target = cellValue.get(s.column) ?? 0
    const ok = s.equals.every((parts) => parts.reduce((total, no) => total + (cellValue.get(no) ?? 0), 0) === target)
    return { column: s.column, text: [String(s.column), ...s.equals.map((parts) => parts.join('+'))].join(' = '), ok }
  })
  return { layout, inForce, cells, checks }
}

// ----- header grid --------------------------------------------------------------------------------

export interface HeaderCell {
  label: string
  /** 0-based index of the first column it covers. */
  col: number
  colspan: number
  rowspan: number
}

/**
 * The header as rows of merged cells: group headings span their columns, a column heading spans
 * down to the last header row. Row `depth` (not included) is the column-number row.
 */
export function headerRows(layout: FormLayout): { rows: HeaderCell[][]; depth: number } {
  const cols = layout.columns
  const depth = Math.max(...cols.map((c) => c.groups.length)) + 1
  const rows: HeaderCell[][] = []
  for (let r = 0; r < depth; r++) {
    const row: HeaderCell[] = []
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!
      if (r > c.groups.length) continue
      if (r === c.groups.length) {
        row.push({ label: c.heading, col: i, colspan: 1, rowspan: depth - r })
        continue
      }
      const path = c.groups.slice(0, r + 1).join('\u0000')
      const previous = row.at(-1)
      const prevCol = i > 0 ? cols[i - 1]! : null
      if (previous && prevCol && previous.col + previous.colspan === i && prevCol.groups.length > r && prevCol.groups.slice(0, r + 1).join('\u0000') === path) {
        previous.colspan += 1
      } else {
        row.push({ label: c.groups[r]!, col: i, colspan: 1, rowspan: 1 })
      }
    }
    rows.push(row)
  }
  return { rows, depth }
}
