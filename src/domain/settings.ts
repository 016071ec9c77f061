import { workingCalendar, type WorkingCalendar } from './calendar.ts'
import { DEFAULT_COMPETENCE_RULES, type CompetenceRule } from './competence-rules.ts'
import { DEFAULT_DEADLINES, type DeadlineSetting } from './deadline-table.ts'

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
  /** Where matters above the province go (RULES.md §3 last rule); null = the home agency. */
  centralAgencyCode: string | null
  /** Text similarity (0–1) above which two letters of the same senders are the same matter (RULES.md §4). */
  duplicateSimilarity: number
  /** Effective-dated deadline rows (RULES.md §5). */
  deadlines: DeadlineSetting[]
  /** Effective-dated competence rules (RULES.md §3): who decides what, as data rows. */
  competenceRules: CompetenceRule[]
  /** The conventions (CONV) of RULES.md §2, each switchable. */
  conventions: Conventions
}

export interface Conventions {
  /** An online submission counts as signed when the sender confirmed the declaration. */
  onlineDeclarationCountsAsSigned: boolean
  /** A hotline call recorded by the officer counts as signed (the caller cannot sign). */
  hotlineCallerCountsAsSigned: boolean
  /** A period counted in calendar days that ends on a non-working day ends on the next working day (Bộ luật Dân sự 2015 Art. 148). */
  periodEndsOnWorkingDay: boolean
  /** On electronic channels and the hotline the date of receipt stands for the date of writing. */
  electronicReceiptDateIsWrittenDate: boolean
  /** A letter with several contents is not eligible as one letter: guide the sender to split it (tach_don). */
  severalContentsIneligible: boolean
  /** A torn or illegible letter is not eligible (khong_doc_duoc). */
  illegibleIneligible: boolean
  /** Insulting / anti-State content is not eligible (noi_dung_xuc_pham). */
  abusiveIneligible: boolean
  /** Already finally decided / concluded matters count as not eligible (TT05-22). */
  alreadyDecidedIneligible: boolean
  /** A complaint already guided once / denunciation already forwarded once counts as not eligible. */
  onceOnlyIneligible: boolean
}

/** What each convention means, in the words shown to the administrator. */
export const CONVENTION_LABELS: Record<keyof Conventions, string> = {
  onlineDeclarationCountsAsSigned: 'Đơn gửi trực tuyến được coi là đã ký khi người gửi xác nhận lời cam đoan',
  hotlineCallerCountsAsSigned: 'Cuộc gọi đường dây nóng đã được cán bộ ghi nhận được coi là đã ký (người gọi không thể ký)',
  periodEndsOnWorkingDay: 'Thời hạn tính theo ngày mà ngày cuối là ngày nghỉ thì kết thúc vào ngày làm việc tiếp theo (Điều 148 Bộ luật Dân sự)',
  electronicReceiptDateIsWrittenDate: 'Đơn trực tuyến, qua Cổng DVC quốc gia, đường dây nóng: ngày nhận được coi là ngày viết đơn',
  severalContentsIneligible: 'Đơn có nhiều nội dung không đủ điều kiện xử lý như một đơn: hướng dẫn tách đơn',
  illegibleIneligible: 'Đơn rách nát, không đọc được là đơn không đủ điều kiện xử lý',
  abusiveIneligible: 'Đơn có nội dung xúc phạm, chống đối Nhà nước là đơn không đủ điều kiện xử lý',
  alreadyDecidedIneligible: 'Vụ việc đã có quyết định giải quyết có hiệu lực / đã có kết luận tố cáo: đơn không đủ điều kiện xử lý',
  onceOnlyIneligible: 'Đơn đã được hướng dẫn / đã được chuyển một lần: đơn không đủ điều kiện xử lý (lưu đơn)',
}

export const DEFAULT_CONVENTIONS: Conventions = {
  onlineDeclarationCountsAsSigned: true,
  // off by default: docs/classification.md reads TT05 literally (a recorded caller has not signed)
  hotlineCallerCountsAsSigned: false,
  periodEndsOnWorkingDay: true,
  electronicReceiptDateIsWrittenDate: true,
  severalContentsIneligible: true,
  illegibleIneligible: true,
  abusiveIneligible: true,
  alreadyDecidedIneligible: true,
  onceOnlyIneligible: true,
}

export const DEFAULT_SETTINGS: Settings = {
  homeAgencyCode: null,
  largeGroupThreshold: 5,
  holidays: [],
  extraWorkingDays: [],
  boardName: 'Ban Tiếp công dân tỉnh',
  localityName: 'tỉnh',
  centralAgencyCode: null,
  duplicateSimilarity: 0.6,
  deadlines: DEFAULT_DEADLINES,
  competenceRules: DEFAULT_COMPETENCE_RULES,
  conventions: DEFAULT_CONVENTIONS,
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

/** The working-day calendar these settings define (holidays, make-up days, Art. 148 convention). */
export const calendarOf = (settings: Pick<Settings, 'holidays' | 'extraWorkingDays' | 'conventions'>): WorkingCalendar =>
  workingCalendar({
    holidays: settings.holidays,
    extraWorkingDays: settings.extraWorkingDays,
    endOnWorkingDay: settings.conventions?.periodEndsOnWorkingDay ?? true,
  })

/** Holiday and make-up lists are kept sorted and unique so diffs and lookups stay simple. */
export const normaliseDateList = (dates: readonly string[]): string[] => [...new Set(dates)].sort()
