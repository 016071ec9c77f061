/**
 * Reads back the cells of an .xlsx written by src/domain/xlsx.ts (inline strings and numbers):
 * enough to check exported numbers are numbers and equal the report's.
 */
import { strFromU8, unzipSync } from 'fflate'

export type SheetCells = Map<string, string | number>

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

export function readXlsx(bytes: Uint8Array): { names: string[]; sheets: Map<string, SheetCells>; files: string[] } {
  const files = unzipSync(bytes)
  const workbook = strFromU8(files['xl/workbook.xml']!)
  const names = [...workbook.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) => unescape(m[1]!))
  const sheets = new Map<string, SheetCells>()
  names.forEach((name, i) => {
    const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!)
    const cells: SheetCells = new Map()
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/g)) {
      const [, ref, attrs, body] = m
      if (!body) continue
      if (/t="inlineStr"/.test(attrs!)) cells.set(ref!, unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body)![1]!))
      else cells.set(ref!, Number(/<v>(.*?)<\/v>/.exec(body)![1]))
    }
    sheets.set(name, cells)
  })
  return { names, sheets, files: Object.keys(files) }
}

/** "B" + 7 → "B7"; column index 0 = A. */
export const cellRef = (col: number, row: number) => {
  let n = col + 1
  let name = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    name = String.fromCharCode(65 + rem) + name
    n = Math.floor((n - 1) / 26)
  }
  return `${name}${row + 1}`
}

/** The rows of a sheet as arrays (missing cells undefined). */
export function sheetRows(cells: SheetCells): Array<Array<string | number | undefined>> {
  const rows: Array<Array<string | number | undefined>> = []
  for (const [ref, value] of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!
    const col = [...m[1]!].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1
    const row = Number(m[2]) - 1
    ;(rows[row] ??= [])[col] = value
  }
  return rows
}
