/**
 * How Vietnamese administrative documents write dates, numbers, names and headings
 * (Nghị định 30/2020/NĐ-CP, Phụ lục I). Pure string helpers for the document templates.
 */
import type { Agency } from './agency.ts'

/**
 * A day below 10 and the months January and February take a leading zero
 * ("ngày 05 tháng 02 năm 2026"); other months do not ("ngày 22 tháng 11 năm 2026").
 */
export function vnDateWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const day = String(d).padStart(2, '0')
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m)
  return `ngày ${day} tháng ${month} năm ${y}`
}

/** "02/3/2026": the short form used inside sentences (day two digits, month as for the long form). */
export function vnDateShort(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m)
  return `${String(d).padStart(2, '0')}/${month}/${y}`
}

/** Counts below 10 are written with two digits in administrative text ("02 người"). */
export const twoDigits = (n: number): string => (n < 10 ? String(n).padStart(2, '0') : String(n))

/** Upper case with the Vietnamese locale (Ủy → ỦY), for issuing bodies, titles and signers. */
export const upper = (s: string): string => s.toLocaleUpperCase('vi')

/** The first letter upper case: a phrase that opens a sentence or a "Kính gửi" line. */
export const capitalise = (s: string): string => (s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s)

/**
 * The place in the date line is the locality without its administrative prefix:
 * "tỉnh Quảng Ngãi" → "Quảng Ngãi". An unset locality leaves a dotted blank to fill by hand.
 */
export function placeName(localityName: string): string {
  const place = localityName
    .trim()
    .replace(/^(tỉnh|thành phố|tp\.?|xã|phường|đặc khu)(\s+|$)/iu, '')
    .trim()
  return place || '……'
}

/** A sentence ends with exactly one full stop (free text typed by officers may or may not have one). */
export const sentence = (s: string): string => {
  const t = s.trim()
  return /[.!?…:;]$/u.test(t) ? t : `${t}.`
}

/** Free text quoted inside a sentence: trimmed, without its final full stop. */
export const clause = (s: string): string => s.trim().replace(/[.;,\s]+$/u, '')

/**
 * The signing title of an agency's head, as printed above the signature (CHỦ TỊCH, GIÁM ĐỐC …).
 * Taken from the agency's kind; the head's full title (headTitle) is used in "Kính gửi" lines.
 */
export function signingTitle(agency: Pick<Agency, 'kind' | 'headTitle'> | null | undefined): string {
  switch (agency?.kind) {
    case 'ubnd':
      return 'CHỦ TỊCH'
    case 'so':
      return 'GIÁM ĐỐC'
    case 'thanh_tra':
      return 'CHÁNH THANH TRA'
    case 'ban_tiep_cong_dan':
      return 'TRƯỞNG BAN'
    case 'cong_an':
      return 'GIÁM ĐỐC'
    case 'toa_an':
      return 'CHÁNH ÁN'
    case 'vien_kiem_sat':
      return 'VIỆN TRƯỞNG'
    default:
      return agency?.headTitle ? upper(agency.headTitle.split(/\s+/u).slice(0, 2).join(' ')) : 'THỦ TRƯỞNG CƠ QUAN'
  }
}

/** Who a document to an agency is addressed to: its head ("Giám đốc Sở Y tế"), else the agency. */
export const headOf = (agency: Pick<Agency, 'name' | 'headTitle'>): string => agency.headTitle || agency.name

/** A file name without diacritics or spaces: "Phiếu chuyển đơn tố cáo" → "phieu-chuyen-don-to-cao". */
export const asciiSlug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
