/**
 * Agencies: the effective-dated tree of RULES.md §3 (levels trung_uong / tinh / xa, with the
 * historical huyen level still representable), their fields of state management and areas.
 */
import type { AgencyKind, AgencyLevel } from './codes.ts'

export interface Agency {
  code: string
  name: string
  level: AgencyLevel
  kind: AgencyKind
  parentCode: string | null
  fields: string[]
  areaCodes: string[]
  headTitle?: string | null
  address?: string | null
  /** First day the agency exists in this form (YYYY-MM-DD); null = always. */
  validFrom?: string | null
  /** Last day it exists (e.g. 2025-06-30 for district bodies); null = still exists. */
  validTo?: string | null
  active?: boolean
}

/** Whether the agency existed on that date. */
export const agencyExistsOn = (agency: Agency, date: string): boolean =>
  (agency.validFrom == null || agency.validFrom <= date) && (agency.validTo == null || agency.validTo >= date)

export interface DirectoryProblem {
  index: number
  path: string
  message: string
}

/**
 * Problems that make a directory unusable as a tree: duplicate codes, a parent that is not in
 * the directory, or a parent chain that loops. Field-level checks are done by the schema.
 * `known` are agencies already stored that the directory may point to as parents.
 */
export function directoryProblems(agencies: readonly Agency[], known: ReadonlySet<string> = new Set()): DirectoryProblem[] {
  const problems: DirectoryProblem[] = []
  const byCode = new Map<string, Agency>()
  agencies.forEach((agency, index) => {
    if (byCode.has(agency.code)) {
      problems.push({ index, path: `${index}.code`, message: `Mã cơ quan "${agency.code}" bị trùng trong danh sách.` })
    }
    byCode.set(agency.code, agency)
  })
  agencies.forEach((agency, index) => {
    if (agency.parentCode == null) return
    if (agency.parentCode === agency.code) {
      problems.push({ index, path: `${index}.parentCode`, message: 'Cơ quan không thể là cấp trên của chính nó.' })
      return
    }
    if (!byCode.has(agency.parentCode) && !known.has(agency.parentCode)) {
      problems.push({
        index,
        path: `${index}.parentCode`,
        message: `Không tìm thấy cơ quan cấp trên có mã "${agency.parentCode}".`,
      })
      return
    }
    // walk up: a chain that comes back to this agency is a loop
    const seen = new Set([agency.code])
    let parent = byCode.get(agency.parentCode)
    while (parent?.parentCode != null) {
      if (seen.has(parent.code)) break
      seen.add(parent.code)
      if (parent.parentCode === agency.code) {
        problems.push({ index, path: `${index}.parentCode`, message: 'Quan hệ cấp trên tạo thành vòng lặp.' })
        break
      }
      parent = byCode.get(parent.parentCode)
    }
  })
  return problems
}

/** The agency's ancestors, nearest first (stops at a loop or a missing parent). */
export function ancestorsOf(code: string, byCode: ReadonlyMap<string, Agency>): Agency[] {
  const chain: Agency[] = []
  const seen = new Set<string>([code])
  let parentCode = byCode.get(code)?.parentCode ?? null
  while (parentCode != null && !seen.has(parentCode)) {
    const parent = byCode.get(parentCode)
    if (!parent) break
    chain.push(parent)
    seen.add(parentCode)
    parentCode = parent.parentCode
  }
  return chain
}
