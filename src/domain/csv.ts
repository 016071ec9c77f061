/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, newlines inside
 * quotes, CRLF or LF), with or without a UTF-8 BOM. Excel in Vietnam also writes ";" as the
 * separator, so the separator is detected from the header line.
 */

export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '')
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === separator) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}

const needsQuotes = /[",;\r\n]/

/** CSV text with a BOM so Excel opens Vietnamese text correctly; numbers stay unquoted. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  const line = (cells: ReadonlyArray<string | number | null | undefined>) =>
    cells
      .map((cell) => {
        if (cell === null || cell === undefined) return ''
        const s = String(cell)
        return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s
      })
      .join(',')
  return `\uFEFF${rows.map(line).join('\r\n')}\r\n`
}
