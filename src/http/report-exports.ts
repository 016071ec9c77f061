/**
 * Exports of a built report: CSV (one table per file) and XLSX (one workbook, a sheet per table),
 * with Vietnamese headers and numbers as numbers. Every value is read from the report's measure
 * values, like the page and the JSON.
 */
import { CHANNELS, CONTENT_TYPES, OUTCOMES, SIGNER_GROUPS, fieldLabel } from '../domain/codes.ts'
import { toCsv } from '../domain/csv.ts'
import { headerRows, type FilledForm } from '../domain/report-forms.ts'
import { MEASURES, SUMMARY_SECTIONS } from '../domain/report-measures.ts'
import { vnDate } from '../domain/report-window.ts'
import { workbook, type Cell, type Merge, type Sheet } from '../domain/xlsx.ts'
import { VISIT_CATEGORIES } from '../domain/tallies.ts'
import { formatCode } from '../db/letters.ts'
import type { Records } from './report-records.ts'
import type { BuiltReport } from './reports.ts'

type Row = Array<string | number | null>

/** "Tổng hợp": every summary measure with its key, section and label. */
export function summaryRows(r: BuiltReport): Row[] {
  const rows: Row[] = [['Mã chỉ tiêu', 'Nhóm', 'Chỉ tiêu', 'Số liệu']]
  for (const section of SUMMARY_SECTIONS) {
    for (const key of section.keys) rows.push([key, section.title, MEASURES[key].label, r.values[key] ?? null])
  }
  return rows
}

/** The unit a report row is about: the board, or the competent agency it was narrowed to. */
export const unitName = (r: BuiltReport) => r.agency?.name ?? r.boardName

export interface Grid {
  rows: Array<Array<string | number | null>>
  merges: Merge[]
  /** Rows that are headers (bold). */
  headerRowCount: number
}

/**
 * A form as a grid: the header rows with merges, the column-number row (MS), the unit's row.
 * The first column is the unit (Đơn vị), as in the official forms.
 */
export function formGrid(r: BuiltReport, form: FilledForm): Grid {
  const { rows: header, depth } = headerRows(form.layout)
  const width = form.layout.columns.length + 1
  const rows: Grid['rows'] = Array.from({ length: depth }, () => Array.from({ length: width }, () => null))
  const merges: Merge[] = [{ row: 0, col: 0, rows: depth, cols: 1 }]
  rows[0]![0] = 'Đơn vị'
  header.forEach((cells, r) => {
    for (const cell of cells) {
      rows[r]![cell.col + 1] = cell.label
      merges.push({ row: r, col: cell.col + 1, rows: cell.rowspan, cols: cell.colspan })
    }
  })
  rows.push(['MS', ...form.layout.columns.map((c) => c.no)])
  rows.push([unitName(r), ...form.cells.map((cell) => (cell.note ? cell.note.map((p) => p.text).join('') : cell.value))])
  return { rows, merges, headerRowCount: depth + 1 }
}

const windowLine = (r: BuiltReport) => `Số liệu tính từ ngày ${vnDate(r.period.from)} đến ngày ${vnDate(r.period.to)}`

export type CsvTable = 'tong-hop' | 'van-ban' | '01-TCD' | '02-TCD' | '01-XLD'

export const formOfTable = (table: CsvTable) => (table.includes('-') && table !== 'tong-hop' && table !== 'van-ban' ? table.replace('-', '/') : null)

/** One table as CSV (forms: header rows, MS row, unit row; merged headers repeat nothing). */
export function reportCsv(r: BuiltReport, table: CsvTable): string {
  if (table === 'tong-hop') return toCsv(summaryRows(r))
  if (table === 'van-ban') return toCsv([['Đoạn văn'], ...r.paragraphs.map((p) => [p])])
  const form = r.forms.find((f) => f.layout.code === formOfTable(table))
  if (!form) throw new Error(`form ${table} was not built`)
  return toCsv(formGrid(r, form).rows)
}

const styled = (rows: Grid['rows'], headerRowCount: number): Cell[][] =>
  rows.map((row, i) => row.map((value) => (i < headerRowCount ? { value, style: 'header' as const } : typeof value === 'number' ? value : { value, style: 'wrap' as const })))

/** The workbook: summary, text, each form, the charts' data. */
export function reportXlsx(r: BuiltReport, createdAt: string): Uint8Array<ArrayBuffer> {
  const title = (text: string): Cell => ({ value: text, style: 'title' })
  const sheets: Sheet[] = [
    {
      name: 'Tổng hợp',
      rows: [
        [title(`Báo cáo tiếp công dân, xử lý đơn: ${r.period.name}`)],
        [windowLine(r)],
        [r.agency ? `Đơn thuộc thẩm quyền của: ${r.agency.name}` : `Đơn vị: ${r.boardName}`],
        [],
        ...summaryRows(r).map((row, i) => (i === 0 ? row.map((value) => ({ value, style: 'header' as const })) : row)),
      ],
      widths: [26, 44, 56, 12],
    },
    {
      name: 'Văn bản',
      rows: [[title('Văn bản báo cáo')], [windowLine(r)], [], ...r.paragraphs.map((p) => [{ value: p, style: 'wrap' as const }])],
      widths: [120],
    },
  ]
  for (const form of r.forms) {
    const grid = formGrid(r, form)
    const top: Cell[][] = [[title(`Biểu số ${form.layout.code}`)], [title(form.layout.title)], [windowLine(r)], [form.layout.basis], []]
    const checks: Cell[][] = [[], ['Kiểm tra tổng'], ...form.checks.map((c) => [`${c.text}: ${c.ok ? 'khớp' : 'KHÔNG KHỚP'}`])]
    const notes: Cell[][] = form.layout.note ? [[], [{ value: form.layout.note, style: 'wrap' }]] : []
    sheets.push({
      name: `Biểu ${form.layout.code.replace('/', '-')}`,
      rows: [...top, ...styled(grid.rows, grid.headerRowCount), ...checks, ...notes],
      merges: grid.merges.map((m) => ({ ...m, row: m.row + top.length })),
      widths: [28, ...form.layout.columns.map(() => 12)],
    })
  }
  if (r.charts.length > 0) {
    const rows: Cell[][] = [[title('Số liệu các biểu đồ')], [windowLine(r)]]
    for (const chart of r.charts) {
      rows.push([], [title(chart.title)], [{ value: '', style: 'header' }, ...chart.series.map((s) => ({ value: s.label, style: 'header' as const }))])
      for (const bar of chart.bars) rows.push([bar.label, ...bar.values])
    }
    sheets.push({ name: 'Biểu đồ', rows, widths: [40, 16, 16, 16, 16] })
  }
  return workbook(sheets, { title: `Báo cáo tiếp công dân, xử lý đơn: ${r.period.name}`, creator: r.boardName, created: createdAt })
}

// ----- the records behind a number ----------------------------------------------------------------

const KIND_LABELS: Record<string, string> = { thuong_xuyen: 'Thường xuyên', dinh_ky: 'Định kỳ', dot_xuat: 'Đột xuất' }
const FORWARDING_LABELS: Record<string, string> = { huong_dan: 'Hướng dẫn', chuyen_don: 'Chuyển đơn', don_doc: 'Đôn đốc' }
const labelOf = (table: Record<string, string>, code: string | null | undefined) => (code ? (table[code] ?? code) : null)

/** An instant as Vietnam local date and time, sortable: "2026-11-23 01:08" (the UTC instant is a day off at night). */
const vnDateTime = (instant: string | null) => (instant ? new Date(Date.parse(instant) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null)

/** A drill-down list as a table with Vietnamese headers (no sender identities). */
export function recordsTable(records: Records, agencyName: (code: string) => string, showSummaries: boolean): Row[] {
  switch (records.kind) {
    case 'don':
      return [
        ['Mã đơn', 'Ngày nhận', 'Nguồn đơn', 'Loại đơn', 'Người đứng tên', 'Hướng xử lý', 'Thời điểm xử lý', 'Cơ quan có thẩm quyền', 'Hạn xử lý', ...(showSummaries ? ['Tóm tắt'] : [])],
        ...records.rows.map((r) => [
          formatCode(r.code),
          r.receivedAt,
          labelOf(CHANNELS, r.channel),
          labelOf(CONTENT_TYPES, r.contentType),
          labelOf(SIGNER_GROUPS, r.signerGroup),
          labelOf(OUTCOMES, r.outcome),
          vnDateTime(r.decidedAt),
          r.competentAgencyCode ? agencyName(r.competentAgencyCode) : null,
          r.dueDate,
          ...(showSummaries ? [r.summary] : []),
        ]),
      ]
    case 'luot':
      return [
        ['Ngày tiếp', 'Hình thức', 'Nhóm (Biểu 01/TCD)', 'Số người', 'Mã vụ việc', 'Lãnh đạo chủ trì', 'Nội dung', 'Lĩnh vực', ...(showSummaries ? ['Tóm tắt'] : [])],
        ...records.rows.map((r) => [
          r.date,
          labelOf(KIND_LABELS, r.kind),
          VISIT_CATEGORIES[r.category],
          r.persons,
          r.matterCode,
          r.hostName,
          labelOf(CONTENT_TYPES, r.contentType),
          r.field ? fieldLabel(r.field) : null,
          ...(showSummaries ? [r.summary] : []),
        ]),
      ]
    case 'vu-viec':
      return [
        ['Mã vụ việc', 'Nội dung', 'Lĩnh vực', 'Lần tiếp đầu tiên', 'Số lượt tiếp trong danh sách', ...(showSummaries ? ['Tóm tắt'] : [])],
        ...records.rows.map((r) => [formatCode(r.code), labelOf(CONTENT_TYPES, r.contentType), r.field ? fieldLabel(r.field) : null, r.firstVisit, r.visits, ...(showSummaries ? [r.summary] : [])]),
      ]
    case 'ky-tiep':
      return [
        ['Ngày', 'Hình thức', 'Lãnh đạo chủ trì', 'Ủy quyền tiếp', 'Số lượt', 'Số người'],
        ...records.rows.map((r) => [r.date, labelOf(KIND_LABELS, r.kind), r.hostName, r.delegated ? 'Có' : 'Không', r.visits, r.persons]),
      ]
    case 'phuc-dap':
      return [
        ['Mã đơn', 'Cơ quan nhận', 'Hình thức', 'Ngày gửi', 'Ngày phúc đáp', 'Số văn bản phúc đáp'],
        ...records.rows.map((r) => [r.letterCode, agencyName(r.agencyCode), labelOf(FORWARDING_LABELS, r.kind), r.sentOn, r.repliedOn, r.replyNumber]),
      ]
  }
}

/** Several lists in one file: a "Phần" column tells which number each row is behind. */
export function recordsRows(sections: ReadonlyArray<{ heading: string; records: Records }>, agencyName: (code: string) => string, showSummaries: boolean): Row[] {
  if (sections.length === 1) return recordsTable(sections[0]!.records, agencyName, showSummaries)
  const out: Row[] = []
  sections.forEach((s, i) => {
    const [header, ...rows] = recordsTable(s.records, agencyName, showSummaries)
    if (i === 0 || out.length === 0) out.push(['Phần', ...header!])
    for (const row of rows) out.push([s.heading, ...row])
  })
  return out
}

export const recordsCsv = (rows: Row[]) => toCsv(rows)

export const recordsXlsx = (title: string, rows: Row[], createdAt: string) =>
  workbook(
    [
      {
        name: 'Danh sách',
        rows: [[{ value: title, style: 'title' }], [], ...rows.map((row, i) => (i === 0 ? row.map((value) => ({ value, style: 'header' as const })) : row))],
        widths: rows[0]?.map(() => 20) ?? [],
      },
    ],
    { title, created: createdAt },
  )
