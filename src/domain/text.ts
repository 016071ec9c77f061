/**
 * Vietnamese text helpers shared by search, duplicate detection and sorting.
 * SQLite folds neither đ nor case outside ASCII, so folding happens here, in app code,
 * the same way on both runtimes (stack-notes A5).
 */

/** NFC-normalise and collapse whitespace: what every stored free text goes through. */
export const cleanText = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim()

/**
 * Fold for search: NFD, combining marks stripped, đ→d, lower case, whitespace collapsed. This is
 * the definition; `foldVi` computes the same thing faster.
 */
export const foldViByDefinition = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()

/**
 * Each UTF-16 unit of the Latin blocks (U+0000–U+024F, combining marks U+0300–U+036F, Latin
 * Extended Additional U+1E00–U+1EFF: all of Vietnamese, precomposed or not) as the definition folds
 * it on its own: the one unit it becomes, SPACE for whitespace, DROPPED for nothing (a combining mark).
 * For these units folding is per unit: NFD only splits a letter into base and marks, marks are
 * dropped, and lower-casing a base letter depends on no neighbour. Units outside the blocks (Greek
 * sigma lower-cases by context), or folding to more than one unit, go through the definition.
 */
const FOLD_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x024f],
  [0x0300, 0x036f],
  [0x1e00, 0x1eff],
]
const OUTSIDE = -1
const SPACE = -2
const DROPPED = -3
const FOLDED = new Int32Array(0x1f00).fill(OUTSIDE)
for (const [from, to] of FOLD_BLOCKS) {
  for (let unit = from; unit <= to; unit++) {
    const char = String.fromCharCode(unit)
    if (/\s/u.test(char)) FOLDED[unit] = SPACE
    else {
      const folded = foldViByDefinition(char)
      if (folded.length === 0) FOLDED[unit] = DROPPED
      else if (folded.length === 1) FOLDED[unit] = folded.charCodeAt(0)
    }
  }
}

/**
 * Fold for search (see foldViByDefinition), one pass over the text with the table above: ~5 times
 * faster than normalising and running four Unicode regular expressions, and every letter's intake
 * folds its text, its senders and their addresses. Any unit outside the table sends the whole text
 * through the definition. `test/domain/text.test.ts` checks both agree.
 */
export function foldVi(s: string): string {
  const units = new Uint16Array(s.length)
  let length = 0
  // a space is written only before the next kept unit: runs collapse, and the ends are trimmed
  let space = false
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    const folded = unit < 0x1f00 ? FOLDED[unit]! : OUTSIDE
    if (folded >= 0) {
      if (space && length > 0) units[length++] = 0x20
      space = false
      units[length++] = folded
    } else if (folded === SPACE) space = true
    else if (folded === OUTSIDE) return foldViByDefinition(s)
  }
  return decodeUnits(units.subarray(0, length))
}

/** UTF-16 units as a string, by String.fromCharCode in slices (a call takes a bounded number of arguments). */
function decodeUnits(units: Uint16Array): string {
  let text = ''
  for (let from = 0; from < units.length; from += 4096) text += String.fromCharCode.apply(null, units.subarray(from, from + 4096) as unknown as number[])
  return text
}

/** Folded words, punctuation removed: the tokens search and similarity work on. */
export const foldedWordsByDefinition = (s: string): string[] =>
  foldViByDefinition(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0)

/** Whether a folded unit of the table is a letter or a digit (the units words are made of). */
const WORD_UNIT = new Uint8Array(0x10000)
for (const unit of FOLDED) if (unit >= 0) WORD_UNIT[unit] = /[\p{L}\p{N}]/u.test(String.fromCharCode(unit)) ? 1 : 0

/** Folded words (see foldedWordsByDefinition), in one pass with foldVi's table; duplicate detection splits every sender and text into them. */
export function foldedWords(s: string): string[] {
  const words: string[] = []
  const units = new Uint16Array(s.length)
  let length = 0
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    const folded = unit < 0x1f00 ? FOLDED[unit]! : OUTSIDE
    if (folded === OUTSIDE) return foldedWordsByDefinition(s)
    // a mark is dropped before words are split: it never splits one
    if (folded === DROPPED) continue
    if (folded >= 0 && WORD_UNIT[folded]) units[length++] = folded
    else if (length > 0) {
      words.push(decodeUnits(units.subarray(0, length)))
      length = 0
    }
  }
  if (length > 0) words.push(decodeUnits(units.subarray(0, length)))
  return words
}

/**
 * An FTS5 MATCH expression for a user's query: every folded word quoted (so no user
 * input is ever FTS syntax) and the last one a prefix, so typing "dang van du" finds Đức.
 * Returns null when the query has no searchable word.
 */
export const ftsQuery = (q: string): string | null => {
  const words = foldedWords(q).slice(0, 12)
  if (words.length === 0) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

/** Vietnamese-aware ordering for lists sorted in app code. */
export const viCollator = new Intl.Collator('vi')
