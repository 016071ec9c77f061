/**
 * A small XLSX (SpreadsheetML, ECMA-376) writer: sheets of text and numbers, bold headers, merged
 * header cells, column widths. The package is zipped with fflate, a maintained pure-JavaScript
 * zip library that runs unchanged on Node and on Workers (no Node streams, no file system).
 *
 * Why not a spreadsheet library: exceljs depends on Node streams (archiver, fs) and does not run
 * on Workers; the npm release of SheetJS (xlsx 0.18.5) is no longer maintained there. A report
 * needs only cells, so the few XML parts are written here and tested by reading them back.
 *
 * Numbers are written as numbers (`<v>`), never as text, so spreadsheets can add them up; text
 * is inline (no shared-string table), XML-escaped, control characters removed.
 */
import { strToU8, zipSync } from 'fflate'

export type CellStyle = 'text' | 'header' | 'title' | 'number' | 'wrap'

export interface StyledCell {
  value: string | number | null
  style?: CellStyle
}

export type Cell = string | number | null | StyledCell

export interface Merge {
  /** 0-based first row and column, and how many rows and columns the merged cell covers. */
  row: number
  col: number
  rows: number
  cols: number
}

export interface Sheet {
  name: string
  rows: ReadonlyArray<ReadonlyArray<Cell>>
  merges?: readonly Merge[]
  /** Column widths in characters. */
  widths?: readonly number[]
}

const STYLE_INDEX: Record<CellStyle, number> = { text: 0, header: 1, title: 2, number: 3, wrap: 4 }

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** XML text: escaped, and without the control characters XML 1.0 forbids. */
export const xmlText = (s: string): string =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    name = String.fromCharCode(65 + rem) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

const ref = (row: number, col: number) => `${columnName(col)}${row + 1}`

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>()
  return names.map((raw, i) => {
    const base = raw.replace(/[:\\/?*[\]]/g, '-').trim().slice(0, 31) || `Sheet${i + 1}`
    let name = base
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}-${k}`
    used.add(name.toLowerCase())
    return name
  })
}

function cellXml(cell: Cell, row: number, col: number): string {
  const styled: StyledCell = cell !== null && typeof cell === 'object' ? cell : { value: cell }
  const value = styled.value
  if (value === null || value === undefined || value === '') {
    return styled.style && styled.style !== 'text' ? `<c r="${ref(row, col)}" s="${STYLE_INDEX[styled.style]}"/>` : ''
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return ''
    const style = STYLE_INDEX[styled.style ?? 'number']
    return `<c r="${ref(row, col)}" s="${style}"><v>${value}</v></c>`
  }
  const style = STYLE_INDEX[styled.style ?? 'text']
  const text = value.slice(0, 32_767)
  return `<c r="${ref(row, col)}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`
}

function sheetXml(sheet: Sheet): string {
  const cols = sheet.widths?.length
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, w))}" customWidth="1"/>`).join('')}</cols>`
    : ''
  const rows = sheet.rows
    .map((cells, r) => {
      const xml = cells.map((cell, c) => cellXml(cell, r, c)).join('')
      return `<row r="${r + 1}">${xml}</row>`
    })
    .join('')
  const merges = sheet.merges?.filter((m) => m.rows > 1 || m.cols > 1) ?? []
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${ref(m.row, m.col)}:${ref(m.row + m.rows - 1, m.col + m.cols - 1)}"/>`).join('')}</mergeCells>`
    : ''
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${cols}<sheetData>${rows}</sheetData>${mergeXml}</worksheet>`
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>' +
  '<fonts count="3">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="13"/><name val="Calibri"/><family val="2"/></font>' +
  '</fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEEF0F3"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

export interface WorkbookMeta {
  title?: string
  creator?: string
  /** ISO instant; defaults to now. */
  created?: string
}

/** The .xlsx file of these sheets. */
export function workbook(sheets: readonly Sheet[], meta: WorkbookMeta = {}): Uint8Array<ArrayBuffer> {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet')
  const names = sheetNames(sheets.map((s) => s.name))
  const created = (meta.created ?? new Date().toISOString()).replace(/\.\d{3}Z$/, 'Z')
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:title>${xmlText(meta.title ?? '')}</dc:title><dc:creator>${xmlText(meta.creator ?? 'pakn')}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`,
    ),
    'docProps/app.xml': strToU8(
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>pakn</Application></Properties>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        '</Relationships>',
    ),
    'xl/styles.xml': strToU8(STYLES_XML),
  }
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet))
  })
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
