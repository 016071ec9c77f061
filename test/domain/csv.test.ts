import { describe, expect, it } from 'vitest'
import { parseCsv, toCsv } from '../../src/domain/csv.ts'
import { directoryToCsv, readDirectoryFile } from '../../src/domain/directory-file.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, newlines in quotes, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ])
  })

  it('detects the semicolon separator Excel uses in Vietnam', () => {
    expect(parseCsv('mã;tên\nA;Sở Y tế')).toEqual([
      ['mã', 'tên'],
      ['A', 'Sở Y tế'],
    ])
  })

  it('round-trips through toCsv', () => {
    const rows = [['Tên', 'Ghi chú'], ['Ủy ban nhân dân xã Sơn Tây', 'có "ngoặc", dấu phẩy; và\nxuống dòng']]
    expect(parseCsv(toCsv(rows))).toEqual(rows)
  })
})

describe('directory files', () => {
  it('round-trip the sample directory through CSV', () => {
    const read = readDirectoryFile(directoryToCsv(SAMPLE_DIRECTORY), 'danh-ba.csv')
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.records).toHaveLength(SAMPLE_DIRECTORY.length)
    const son = read.records.find((r) => (r as { code: string }).code === 'UBND_XA_SON_TAY') as Record<string, unknown>
    expect(son.fields).toContain('dat_dai')
    expect(son.areaCodes).toEqual(['XA_SON_TAY'])
    expect(son.parentCode).toBe('UBND_TINH')
  })

  it('accept Vietnamese column headings', () => {
    const read = readDirectoryFile('Mã,Tên cơ quan,Cấp,Loại,Mã cấp trên\nSO_YT,Sở Y tế,tinh,so,UBND_TINH\n')
    expect(read.ok && read.records).toEqual([{ code: 'SO_YT', name: 'Sở Y tế', level: 'tinh', kind: 'so', parentCode: 'UBND_TINH' }])
    expect(read.ok && read.rowOf(0)).toBe('dòng 2')
  })

  it('explain what is missing', () => {
    expect(readDirectoryFile('name,level\nX,tinh')).toEqual({ ok: false, message: 'Tệp CSV thiếu cột "code" (Mã).' })
    expect(readDirectoryFile('{"a":1}', 'x.json')).toEqual({ ok: false, message: 'Tệp JSON phải là một danh sách (mảng) các cơ quan.' })
    expect(readDirectoryFile('[1,', 'x.json')).toEqual({ ok: false, message: 'Tệp JSON không đúng cú pháp.' })
  })
})
