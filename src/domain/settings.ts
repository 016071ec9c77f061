/**
 * Settings: the values RULES.md leaves to the board (home agency, thresholds, the working-day
 * calendar, names used in reports). Stored one key per row; anything not stored takes the
 * default below. Conventions (CONV) of RULES.md are settings, never constants in code.
 */

export interface Settings {
  /** The agency whose reception board runs this system (RULES.md §2 step 7). */
  homeAgencyCode: string | null
  /** Visits with at least this many persons are a large group (đoàn đông người). */
  largeGroupThreshold: number
  /** Public holidays (YYYY-MM-DD) that are not working days. */
  holidays: string[]
  /** Weekend days that are working days (làm bù), e.g. Saturday 2026-01-10. */
  extraWorkingDays: string[]
  /** The board's name as it opens the report paragraph, e.g. "Ban Tiếp công dân tỉnh". */
  boardName: string
  /** The province or body named in documents, e.g. "tỉnh Quảng Ngãi". */
  localityName: string
}

export const DEFAULT_SETTINGS: Settings = {
  homeAgencyCode: null,
  largeGroupThreshold: 5,
  holidays: [],
  extraWorkingDays: [],
  boardName: 'Ban Tiếp công dân tỉnh',
  localityName: 'tỉnh',
}

export type SettingKey = keyof Settings
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[]

/** Settings from stored rows: unknown keys ignored, missing keys defaulted. */
export function settingsFromRows(rows: ReadonlyArray<{ key: string; value: unknown }>): Settings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS)
  for (const row of rows) {
    if ((SETTING_KEYS as string[]).includes(row.key)) {
      ;(settings as unknown as Record<string, unknown>)[row.key] = row.value
    }
  }
  return settings
}

/** Holiday and make-up lists are kept sorted and unique so diffs and lookups stay simple. */
export const normaliseDateList = (dates: readonly string[]): string[] => [...new Set(dates)].sort()
