import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { columnName, sheetNames, workbook, xmlText } from '../../src/domain/xlsx.ts'
import { readXlsx, sheetRows } from '../support/xlsx-read.ts'

describe('the XLSX writer', () => {
  it('writes an OOXML package whose numbers are numbers and whose text is Vietnamese', () => {
    const bytes = workbook(
      [
        { name: 'Tổng hợp', rows: [[{ value: 'Chỉ tiêu', style: 'header' }, { value: 'Số liệu', style: 'header' }], ['Số lượt tiếp', 285], ['Đơn <khiếu nại> & "tố cáo"', 1112], [null, 0]], widths: [30, 10] },
        { name: 'Biểu 01/TCD', rows: [['Đơn vị', 'Cột']], merges: [{ row: 0, col: 0, rows: 2, cols: 1 }] },
      ],
      { title: 'Báo cáo', created: '2026-03-15T01:02:03.000Z' },
    )
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK')
    const files = unzipSync(bytes)
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    )
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet1).toContain('<c r="B2" s="3"><v>285</v></c>')
    expect(sheet1).toContain('<c r="B4" s="3"><v>0</v></c>')
    expect(sheet1).toContain('Đơn &lt;khiếu nại&gt; &amp; &quot;tố cáo&quot;')
    expect(sheet1).toContain('<col min="1" max="1" width="30" customWidth="1"/>')
    expect(strFromU8(files['xl/worksheets/sheet2.xml']!)).toContain('<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>')
    expect(strFromU8(files['docProps/core.xml']!)).toContain('2026-03-15T01:02:03Z')
    const read = readXlsx(bytes)
    expect(read.names).toEqual(['Tổng hợp', 'Biểu 01-TCD'])
    expect(sheetRows(read.sheets.get('Tổng hợp')!)).toEqual([['Chỉ tiêu', 'Số liệu'], ['Số lượt tiếp', 285], ['Đơn <khiếu nại> & "tố cáo"', 1112], [undefined, 0]])
  })

  it('column names, sheet names, XML text', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA'])
    expect(sheetNames(['Biểu 01/TCD', 'Biểu 01/TCD', 'x'.repeat(40), ''])).toEqual(['Biểu 01-TCD', 'Biểu 01-TCD-2', 'x'.repeat(31), 'Sheet4'])
    expect(xmlText('a\u0001b<&')).toBe('ab&lt;&amp;')
  })

  it('is deterministic for the same input (no clock inside)', () => {
    const make = () => workbook([{ name: 'A', rows: [['x', 1]] }], { created: '2026-01-01T00:00:00.000Z' })
    expect(make()).toEqual(make())
  })
})
