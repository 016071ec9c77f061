/**
 * The agency directory as choices in a select: tree order (each agency followed by its
 * children, names in Vietnamese order), depth for indentation, and a note on bodies that no
 * longer exist (a district body stays pickable for an older letter, marked with its end date).
 */
import type { Agency } from '../domain/agency.ts'
import { viCollator } from '../domain/text.ts'

/** An agency of the directory as a choice: its place in the tree and whether it still exists. */
export interface AgencyChoice {
  code: string
  name: string
  depth: number
  /** "đến 30/06/2025" for a body that no longer exists. */
  note: string | null
}

const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export function agencyChoices(agencies: readonly Agency[], today: string): AgencyChoice[] {
  const shown = agencies.filter((a) => a.active !== false)
  const byCode = new Map(shown.map((a) => [a.code, a]))
  const children = new Map<string | null, Agency[]>()
  for (const a of shown) {
    const parent = a.parentCode && byCode.has(a.parentCode) ? a.parentCode : null
    children.set(parent, [...(children.get(parent) ?? []), a])
  }
  const out: AgencyChoice[] = []
  const seen = new Set<string>()
  const ended = (a: Agency) => a.validTo != null && a.validTo < today
  const visit = (parent: string | null, depth: number) => {
    // bodies that still exist first, then the historical ones
    const list = (children.get(parent) ?? []).sort((x, y) => Number(ended(x)) - Number(ended(y)) || viCollator.compare(x.name, y.name))
    for (const a of list) {
      if (seen.has(a.code)) continue
      seen.add(a.code)
      out.push({ code: a.code, name: a.name, depth, note: ended(a) ? `đến ${viDate(a.validTo!)}` : a.validFrom && a.validFrom > today ? `từ ${viDate(a.validFrom)}` : null })
      visit(a.code, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** Commune and ward areas (location codes) with the commune's name. */
export const areaChoices = (agencies: readonly Agency[]) =>
  agencies
    .filter((a) => a.level === 'xa' && a.active !== false)
    .flatMap((a) => a.areaCodes.map((code) => ({ value: code, label: a.name.replace(/^Ủy ban nhân dân\s+/u, '') })))
    .sort((x, y) => viCollator.compare(x.label, y.label))
