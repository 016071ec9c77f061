/**
 * Vietnamese text helpers shared by search, duplicate detection and sorting.
 * SQLite folds neither đ nor case outside ASCII, so folding happens here, in app code,
 * the same way on both runtimes (stack-notes A5).
 */

/** NFC-normalise and collapse whitespace: what every stored free text goes through. */
export const cleanText = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim()

/** Fold for search: NFD, combining marks stripped, đ→d, lower case, whitespace collapsed. */
export const foldVi = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐðÐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()

/** Folded words, punctuation removed: the tokens search and similarity work on. */
export const foldedWords = (s: string): string[] =>
  foldVi(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0)

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
