/**
 * Which agency is competent for a letter (RULES.md §3, docs/classification.md §8), from the
 * competence rules (data) and the agency directory, both as in force on the day of receipt.
 */
import { agencyExistsOn, ancestorsOf, type Agency } from './agency.ts'
import { competenceRuleFor, type CompetenceCondition, type CompetenceRule, type CompetenceTarget } from './competence-rules.ts'
import { flag, objectOf, textOf } from './eligibility.ts'
import type { Letter } from './letter.ts'
import { foldVi } from './text.ts'

export interface CompetenceContext {
  agencies: readonly Agency[]
  /** The agency whose board runs this system; null = nothing is within competence. */
  homeAgencyCode: string | null
  /** Where matters above the province go; null/empty = home. */
  centralAgencyCode: string | null
  rules: readonly CompetenceRule[]
}

export interface CompetenceResult {
  /** The competent agency; null for a several-content letter, or when no home is configured and nothing matched. */
  agencyCode: string | null
  /** The competent agency is the home agency. */
  withinCompetence: boolean
  /** Legal basis of the rule applied (plus how the directory was read), in Vietnamese. */
  basis: string
  /** The rule's target; null when no rule applied. */
  target: CompetenceTarget | null
}

/**
 * The condition of docs/classification.md §8 the letter falls under: complaint round 2 or
 * first; denunciation of a private party, of a head, or of an official; recommendation or
 * administrative-regulation feedback. Null for a several-content letter or an unknown type.
 */
export function competenceCondition(letter: Letter): CompetenceCondition | null {
  const respondent = objectOf(letter.respondent)
  switch (letter.contentType) {
    case 'khieu_nai':
      return letter.complaintRound === 2 ? 'khieu_nai_lan_hai' : 'khieu_nai_lan_dau'
    case 'to_cao':
      if (flag(respondent.private)) return 'to_cao_ca_nhan_to_chuc'
      return flag(respondent.isHead) ? 'to_cao_nguoi_dung_dau' : 'to_cao_can_bo'
    case 'kien_nghi_phan_anh':
      return flag(letter.aboutAdministrativeRegulation) ? 'quy_dinh_hanh_chinh' : 'kien_nghi_phan_anh'
    default:
      return null
  }
}

/** The directory as the rules see it on one day. */
interface Directory {
  byCode: Map<string, Agency>
  date: string
  exists(agency: Agency): boolean
}

function directoryOn(agencies: readonly Agency[], date: string): Directory {
  const byCode = new Map<string, Agency>()
  for (const agency of Array.isArray(agencies) ? agencies : []) {
    if (agency != null && typeof agency.code === 'string' && !byCode.has(agency.code)) byCode.set(agency.code, agency)
  }
  return { byCode, date, exists: (agency) => agencyExistsOn(agency, date) }
}

const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

/** The nearest ancestor of `code` that exists on the day; null when none (the top of our tree). */
function nearestExistingAncestor(dir: Directory, code: string): Agency | null {
  return ancestorsOf(code, dir.byCode).find((a) => dir.exists(a)) ?? null
}

/** A respondent agency as it stands on the day: itself, else its nearest existing ancestor (a dissolved body's successor). */
function respondentOnDay(dir: Directory, code: string): { agency: Agency | null; note: string } {
  const agency = dir.byCode.get(code)
  if (!agency) return { agency: null, note: '' }
  if (dir.exists(agency)) return { agency, note: '' }
  const successor = nearestExistingAncestor(dir, code)
  return {
    agency: successor,
    note: successor ? `${agency.name} không còn tồn tại vào ngày nhận đơn; cơ quan kế thừa: ${successor.name}.` : '',
  }
}

// the abbreviations people write for the bodies' names
const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/gu, 'uy ban nhan dan'],
  [/\bhdnd\b/gu, 'hoi dong nhan dan'],
  [/\bp\.\s*/gu, 'phuong '],
  [/\btp\.?\s*/gu, 'thanh pho '],
]

const foldedName = (s: string) => {
  let folded = foldVi(s).replace(/[^a-z0-9. ]+/g, ' ')
  for (const [re, full] of ABBREVIATIONS) folded = folded.replace(re, full)
  return ` ${folded.replace(/\s+/g, ' ').trim()} `
}

/**
 * The agency a respondent's description names ("Chủ tịch UBND phường Cẩm Thành"), when the letter
 * does not pick one from the directory: the existing agency whose whole name appears in the text,
 * the longest such name, and only if no other of that length does.
 */
function agencyNamedIn(dir: Directory, text: string): Agency | null {
  if (text.trim() === '') return null
  const haystack = foldedName(text)
  const named = [...dir.byCode.values()]
    .filter((a) => dir.exists(a) && typeof a.name === 'string')
    .map((agency) => ({ agency, name: foldedName(agency.name) }))
    .filter((a) => haystack.includes(a.name))
  if (named.length === 0) return null
  const longest = Math.max(...named.map((a) => a.name.length))
  const best = named.filter((a) => a.name.length === longest)
  return best.length === 1 ? best[0]!.agency : null
}

/**
 * The respondent agency: the one the letter picked from the directory, else the one its
 * description names (with a note, for the officer to check).
 */
function respondentCodeOf(letter: Letter, dir: Directory): { code: string; note: string } {
  const respondent = objectOf(letter.respondent)
  const picked = textOf(respondent.agencyCode)
  if (picked !== '') return { code: picked, note: '' }
  const named = agencyNamedIn(dir, textOf(respondent.person))
  return named ? { code: named.code, note: `Cơ quan của người bị khiếu nại, tố cáo nhận ra từ tên ghi trong đơn: ${named.name}; cán bộ kiểm tra lại` } : { code: '', note: '' }
}

/**
 * The field manager: a local agency (levels in order, default commune `xa`) covering the
 * location and holding the field; else a provincial body other than a People's Committee
 * holding the field; else null (the caller falls back to home).
 */
function fieldManager(dir: Directory, field: string, location: string, levels: readonly string[]): Agency | null {
  if (field === '') return null
  const all = [...dir.byCode.values()].filter((a) => dir.exists(a) && listOf(a.fields).includes(field))
  if (location !== '') {
    for (const level of levels) {
      const local = all.find((a) => a.level === level && listOf(a.areaCodes).includes(location))
      if (local) return local
    }
  }
  return all.find((a) => a.level === 'tinh' && a.kind !== 'ubnd') ?? null
}

/** Any existing agency holding `field`, provincial bodies first. */
function fieldHolder(dir: Directory, field: string): Agency | null {
  const all = [...dir.byCode.values()].filter((a) => dir.exists(a) && listOf(a.fields).includes(field))
  return all.find((a) => a.level === 'tinh') ?? all[0] ?? null
}

type Found = { code: string | null; note: string }

/** Apply the rule's target to the letter; code null = "not found, use home". `above` marks the top of the tree. */
function applyTarget(rule: CompetenceRule, letter: Letter, dir: Directory): Found & { above?: boolean } {
  const { code: respondentCode, note: namedNote } = respondentCodeOf(letter, dir)
  const withNamed = (note: string) => [namedNote, note].filter((n) => n !== '').join('. ')
  const fieldRule = (): Found => {
    const levels = Array.isArray(rule.areaLevels) && rule.areaLevels.length > 0 ? rule.areaLevels : ['xa']
    const agency = fieldManager(dir, textOf(letter.field), textOf(letter.location), levels)
    return { code: agency?.code ?? null, note: agency ? '' : 'Không xác định được cơ quan quản lý lĩnh vực; chuyển về cơ quan chủ quản.' }
  }
  switch (rule.target) {
    case 'field_holder': {
      const agency = fieldHolder(dir, textOf(rule.field) || textOf(letter.field))
      return { code: agency?.code ?? null, note: '' }
    }
    case 'field_manager':
      return fieldRule()
    case 'respondent_agency': {
      // a respondent missing, unknown to the directory, or with no successor falls back to the field rule
      const { agency, note } = respondentOnDay(dir, respondentCode)
      if (!agency) return fieldRule()
      return { code: agency.code, note: withNamed(note) }
    }
    case 'respondent_parent': {
      const own = dir.byCode.get(respondentCode)
      if (!own) return fieldRule()
      // the nearest existing ancestor: a dissolved district's decisions go to the province
      const parent = nearestExistingAncestor(dir, respondentCode)
      if (!parent) return { code: null, note: withNamed(`Cấp trên của ${own.name} nằm ngoài danh mục cơ quan.`), above: true }
      return { code: parent.code, note: withNamed('') }
    }
    default:
      return { code: null, note: '' }
  }
}

/**
 * The competent agency for a letter (docs/classification.md §8), judged on `receivedAt`:
 * the competence rule in force then picks a target (respondent agency, its parent, the field
 * manager); only agencies existing then are candidates, a dissolved respondent being replaced
 * by its nearest existing ancestor. Anything at central level, or above the top of the
 * directory, goes to `centralAgencyCode` (else home). Nothing found → home.
 * `withinCompetence` is true exactly when the result is the home agency.
 */
export function competentAgency(letter: Letter, ctx: CompetenceContext): CompetenceResult {
  const home = textOf(ctx.homeAgencyCode) || null
  const central = textOf(ctx.centralAgencyCode) || home
  const date = textOf(letter.receivedAt)
  const condition = competenceCondition(letter)
  if (condition === null) return { agencyCode: null, withinCompetence: false, basis: '', target: null }

  const rule = competenceRuleFor(Array.isArray(ctx.rules) ? ctx.rules : [], letter.contentType, condition, date)
  if (rule === null) {
    return {
      agencyCode: home,
      withinCompetence: home !== null,
      basis: 'Không có quy tắc thẩm quyền áp dụng cho ngày nhận đơn; cơ quan chủ quản xem xét.',
      target: null,
    }
  }

  const dir = directoryOn(ctx.agencies, date)
  const found = applyTarget(rule, letter, dir)
  let code = found.code ?? (found.above ? central : home)
  const notes = [found.note]
  // above the province: central bodies are outside the system's tree (RULES.md §3 last rule)
  if (code !== null && dir.byCode.get(code)?.level === 'trung_uong' && code !== central) {
    notes.push('Vụ việc thuộc thẩm quyền cấp trung ương.')
    code = central
  }
  const basis = [rule.basis, ...notes.filter((n) => n !== '')].join('. ')
  return { agencyCode: code, withinCompetence: code !== null && code === home, basis, target: rule.target }
}
