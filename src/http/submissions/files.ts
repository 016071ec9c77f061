/**
 * Attachments a citizen sends: photos and PDF scans of evidence. The type is read from the
 * file's first bytes (its "magic number"), never trusted from the name or the declared type,
 * so a script renamed to .jpg or an HTML page sent as image/png is refused. Names are cleaned
 * and kept only for display; files are stored under random keys.
 */
import type { FieldError } from '../errors.ts'

export const ATTACHMENT_TYPES = {
  'image/jpeg': 'Ảnh JPEG',
  'image/png': 'Ảnh PNG',
  'image/webp': 'Ảnh WebP',
  'application/pdf': 'Tệp PDF',
} as const
export type AttachmentType = keyof typeof ATTACHMENT_TYPES

export const ATTACHMENT_LIMITS = {
  /** Files per submission. */
  count: 5,
  /** One file: a phone photo or a few scanned pages. */
  fileBytes: 5 * 1024 * 1024,
  /** All files of one submission. */
  totalBytes: 10 * 1024 * 1024,
} as const

/** The whole multipart body of a page submission: the files plus generous room for the text. */
export const SUBMISSION_FORM_BODY_LIMIT = ATTACHMENT_LIMITS.totalBytes + 1024 * 1024

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b)

const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0))

/** The type the content really has, or null when it is none of the accepted ones. */
export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  return null
}

/** Declared types a browser may send for an accepted file (it guesses from the extension). */
const DECLARED_OK = new Set<string>(['', 'application/octet-stream', ...Object.keys(ATTACHMENT_TYPES)])

/** A name safe to show and to put in a Content-Disposition later: no path, no control characters. */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"<>|*?:]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned
  return `tep-dinh-kem.${type === 'application/pdf' ? 'pdf' : type.split('/')[1]}`
}

export interface IncomingFile {
  name: string
  /** The type the client declared (browser guess or API field); checked, never trusted. */
  declaredType: string
  bytes: Uint8Array
}

export interface CheckedFile {
  fileName: string
  mediaType: AttachmentType
  bytes: Uint8Array
  sha256: string
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Checks count, sizes and real types. Errors are reported on `path` (the form field or the API
 * array), each file by its position: `attachments.1`.
 */
export async function checkFiles(files: readonly IncomingFile[], path = 'attachments'): Promise<{ files: CheckedFile[]; errors: FieldError[] }> {
  const errors: FieldError[] = []
  if (files.length > ATTACHMENT_LIMITS.count) {
    errors.push({ path, message: `Chỉ gửi được tối đa ${ATTACHMENT_LIMITS.count} tệp đính kèm.` })
    return { files: [], errors }
  }
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0)
  if (total > ATTACHMENT_LIMITS.totalBytes) {
    errors.push({ path, message: `Tổng dung lượng các tệp không được vượt quá ${ATTACHMENT_LIMITS.totalBytes / 1024 / 1024} MB.` })
    return { files: [], errors }
  }
  const checked: CheckedFile[] = []
  for (const [i, file] of files.entries()) {
    const label = `Tệp “${file.name.slice(0, 60) || `thứ ${i + 1}`}”`
    const at = `${path}.${i}`
    if (file.bytes.length === 0) {
      errors.push({ path: at, message: `${label} rỗng.` })
      continue
    }
    if (file.bytes.length > ATTACHMENT_LIMITS.fileBytes) {
      errors.push({ path: at, message: `${label} lớn hơn ${ATTACHMENT_LIMITS.fileBytes / 1024 / 1024} MB. Hãy chụp lại ảnh nhỏ hơn hoặc chia tệp PDF.` })
      continue
    }
    const real = sniffType(file.bytes)
    const declared = file.declaredType.split(';')[0]!.trim().toLowerCase()
    if (!real || !DECLARED_OK.has(declared)) {
      errors.push({ path: at, message: `${label} không phải ảnh (JPEG, PNG, WebP) hoặc tệp PDF.` })
      continue
    }
    checked.push({
      fileName: cleanFileName(file.name, real),
      mediaType: real,
      bytes: file.bytes,
      sha256: hex(await crypto.subtle.digest('SHA-256', file.bytes as Uint8Array<ArrayBuffer>)),
    })
  }
  return { files: errors.length > 0 ? [] : checked, errors }
}
