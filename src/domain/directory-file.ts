/**
 * The agency directory as a file (import and export): JSON in the API's shape, or CSV with one
 * agency per row. CSV headers may be the API's names or their Vietnamese labels; list columns
 * (fields, areas) separate codes with "|" or ";" inside the cell.
 */
import type { Agency } from './agency.ts'
import { parseCsv, toCsv } from './csv.ts'
import { foldVi } from './text.ts'

export const DIRECTORY_COLUMNS = [
  { key: 'code', label: 'Mã' },
  { key: 'name', label: 'Tên cơ quan' },
  { key: 'level', label: 'Cấp' },
  { key: 'kind', label: 'Loại' },
  { key: 'parentCode', label: 'Mã cấp trên' },
  { key: 'fields', label: 'Lĩnh vực' },
  { key: 'areaCodes', label: 'Địa bàn' },
  { key: 'headTitle', label: 'Chức danh người đứng đầu' },
  { key: 'address', label: 'Địa chỉ' },
  { key: 'validFrom', label: 'Hiệu lực từ' },
  { key: 'validTo', label: 'Hiệu lực đến' },
  { key: 'active', label: 'Đang hoạt động' },
] as const

type ColumnKey = (typeof DIRECTORY_COLUMNS)[number]['key']

const headerKey = (header: string): ColumnKey | null => {
  const folded = foldVi(header).replace(/[^a-z0-9]/g, '')
  for (const column of DIRECTORY_COLUMNS) {
    if (folded === column.key.toLowerCase() || folded === foldVi(column.label).replace(/[^a-z0-9]/g, '')) return column.key
  }
  return null
}

export type DirectoryFileResult =
  | { ok: true; records: unknown[]; rowOf: (index: number) => string }
  | { ok: false; message: string }

const list = (cell: string) =>
  cell
    .split(/[|;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

const bool = (cell: string): boolean | string => {
  const v = foldVi(cell)
  if (v === '' || ['1', 'true', 'co', 'x', 'yes'].includes(v)) return true
  if (['0', 'false', 'khong', 'no'].includes(v)) return false
  return cell // left for the schema to reject with a message
}

/**
 * Reads a directory file into plain records for the schema to validate. `rowOf` tells the
 * user where a record came from ("dòng 5" for CSV, "phần tử 3" for JSON).
 */
export function readDirectoryFile(text: string, fileName = ''): DirectoryFileResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (trimmed === '') return { ok: false, message: 'Tệp không có dữ liệu.' }
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown
    try {
      data = JSON.parse(trimmed)
    } catch {
      return { ok: false, message: 'Tệp JSON không đúng cú pháp.' }
    }
    const records = Array.isArray(data) ? data : (data as { agencies?: unknown })?.agencies
    if (!Array.isArray(records)) return { ok: false, message: 'Tệp JSON phải là một danh sách (mảng) các cơ quan.' }
    return { ok: true, records, rowOf: (i) => `phần tử ${i + 1}` }
  }
  const rows = parseCsv(trimmed)
  const [header, ...body] = rows
  if (!header) return { ok: false, message: 'Tệp CSV không có dòng tiêu đề.' }
  const keys = header.map(headerKey)
  for (const required of ['code', 'name', 'level', 'kind'] as const) {
    if (!keys.includes(required)) {
      const label = DIRECTORY_COLUMNS.find((c) => c.key === required)?.label
      return { ok: false, message: `Tệp CSV thiếu cột "${required}" (${label}).` }
    }
  }
  const records = body.map((cells) => {
    const record: Record<string, unknown> = {}
    keys.forEach((key, i) => {
      if (!key) return
      const cell = (cells[i] ?? '').trim()
      if (key === 'fields' || key === 'areaCodes') record[key] = list(cell)
      else if (key === 'active') record[key] = bool(cell)
      else if (cell === '' && key !== 'name' && key !== 'code') record[key] = null
      else record[key] = cell
    })
    return record
  })
  return { ok: true, records, rowOf: (i) => `dòng ${i + 2}` }
}

export function directoryToCsv(agencies: readonly Agency[]): string {
  return toCsv([
    DIRECTORY_COLUMNS.map((c) => c.key),
    ...agencies.map((a) => [
      a.code,
      a.name,
      a.level,
      a.kind,
      a.parentCode ?? '',
      a.fields.join('|'),
      a.areaCodes.join('|'),
      a.headTitle ?? '',
      a.address ?? '',
      a.validFrom ?? '',
      a.validTo ?? '',
      a.active === false ? '0' : '1',
    ]),
  ])
}
