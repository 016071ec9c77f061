/** Small formatting helpers of the reception screens. */
import { CONTENT_TYPES, fieldLabel } from '../../../src/domain/codes.ts'
import { HANDLINGS, RECEPTION_FORMS, RECEPTION_KINDS } from '../../../src/domain/reception.ts'

/** "2026-07-06" → "06/07/2026" (screens; documents use the administrative short form). */
export const viDate = (iso: string | null | undefined): string => {
  if (!iso) return ''
  const [y, m, d] = iso.slice(0, 10).split('-')
  return `${d}/${m}/${y}`
}

/** Matter and letter codes as people read them: XXXX-XXXX. */
export const code8 = (code: string | null | undefined): string => (code && code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : (code ?? ''))

const lookup = (table: Record<string, string>, code: string | null | undefined) => (code ? (table[code] ?? code) : '')

export const kindLabel = (code: string | null | undefined) => lookup(RECEPTION_KINDS, code)
export const formLabel = (code: string | null | undefined) => lookup(RECEPTION_FORMS, code)
export const handlingLabel = (code: string | null | undefined) => lookup(HANDLINGS, code)
export const contentLabel = (code: string | null | undefined) => lookup(CONTENT_TYPES, code)
export const fieldName = (code: string | null | undefined) => (code ? fieldLabel(code) : '')

/** Thousands with "." as in the reports. */
export const count = (n: number) => n.toLocaleString('vi-VN')

/** Where the other workspace's screens live (built in parallel): link, never import. */
export const letterHref = (id: string) => `/can-bo/don/${encodeURIComponent(id)}`
export const matterHref = (id: string) => `/can-bo/vu-viec/${encodeURIComponent(id)}`
export const visitHref = (id: string) => `/can-bo/tiep-dan/${encodeURIComponent(id)}`
export const sessionHref = (id: string) => `/can-bo/tiep-dan/ky/${encodeURIComponent(id)}`
export const visitDocumentHref = (visitId: string, docId: string) => `${visitHref(visitId)}/van-ban/${encodeURIComponent(docId)}`
