/**
 * Duplicate letters and matters (RULES.md §4): letters are the same matter when they have the
 * same sender set, the same respondent and content type, and near-identical texts. A duplicate
 * links to the first (earliest) matching letter and to its matter.
 */
import type { ContentType, Outcome } from './codes.ts'
import type { Respondent, Sender } from './letter.ts'
import { foldedWords, foldVi } from './text.ts'

/** Folded words joined by single spaces: diacritics removed, đ→d, lower case, punctuation gone. */
const foldPlain = (s: string | null | undefined): string => (s ? foldedWords(s).join(' ') : '')

/** The parts of a sender's identity used for matching. */
export interface SenderIdentity {
  /** Folded name. */
  name: string
  /** Digits of the ID number (căn cước / định danh / passport), or null when none was given. */
  id: string | null
  /** Folded address, or null when none was given. */
  address: string | null
}

/** A sender's identity parts; null when the sender has no name (not identifiable). */
export function senderIdentity(sender: Sender | null | undefined): SenderIdentity | null {
  const name = foldPlain(sender?.name)
  if (name === '') return null
  // Digits only, so "CCCD: 051 080 001 234" and "051080001234" agree; a passport's letter is dropped (the name still has to match).
  const id = (sender?.idNumber ?? '').replace(/\D+/gu, '')
  const address = foldPlain(sender?.address)
  return { name, id: id === '' ? null : id, address: address === '' ? null : address }
}

/**
 * A sender's identity key: folded name + ID digits when an ID is given, else folded name + folded
 * address (empty when none); null when the sender has no name. Good for grouping and display;
 * matching uses `sameSender`, which also links a letter with an ID to one without.
 */
export function senderIdentityKey(sender: Sender | null | undefined): string | null {
  const who = senderIdentity(sender)
  if (who === null) return null
  return who.id !== null ? `${who.name}#id:${who.id}` : `${who.name}#dc:${who.address ?? ''}`
}

/** Name + ID key ("nguyen van duc#id:051080001234"), or null without a name or an ID (letter_senders.identity_key). */
export function senderIdKey(sender: Sender | null | undefined): string | null {
  return idKeyOf(senderIdentity(sender))
}

/** Name + address key ("nguyen van duc#dc:thon 3 xa son tay"), or null without a name or an address (letter_senders.address_key). */
export function senderAddressKey(sender: Sender | null | undefined): string | null {
  return addressKeyOf(senderIdentity(sender))
}

const idKeyOf = (who: SenderIdentity | null): string | null => (who?.id != null ? `${who.name}#id:${who.id}` : null)
const addressKeyOf = (who: SenderIdentity | null): string | null => (who?.address != null ? `${who.name}#dc:${who.address}` : null)

/** What is stored with a sender, from one folding of the name and address: identity, ID key, address key. */
export function senderKeys(sender: Sender | null | undefined): { identity: SenderIdentity | null; idKey: string | null; addressKey: string | null } {
  const identity = senderIdentity(sender)
  return { identity, idKey: idKeyOf(identity), addressKey: addressKeyOf(identity) }
}

/**
 * Every key under which a sender may be looked up: name + ID and name + address, whichever are
 * known (for finding candidate earlier letters in storage; `sameSender` decides).
 */
export function senderLookupKeys(sender: Sender | null | undefined): string[] {
  const { idKey, addressKey } = senderKeys(sender)
  return [idKey, addressKey].filter((k): k is string => k !== null)
}

/**
 * Two senders are the same person when their folded names are equal and either both give an ID
 * number and the numbers agree, or both give an address and the addresses agree. So a person who
 * wrote once with an ID and once without is matched on name + address; two different ID numbers
 * do not by themselves keep a name + address match apart (an ID mistyped once must not split a
 * matter — the respondent, content type and text still have to agree). A name alone never matches.
 */
export function sameSender(a: Sender | null | undefined, b: Sender | null | undefined): boolean {
  const x = senderIdentity(a)
  const y = senderIdentity(b)
  return x !== null && y !== null && samePerson(x, y)
}

/** `sameSender` on identities already derived. */
const samePerson = (x: SenderIdentity, y: SenderIdentity): boolean =>
  x.name === y.name && ((x.id !== null && x.id === y.id) || (x.address !== null && x.address === y.address))

/** The sorted, de-duplicated identity keys of the senders joined by '|'; null when no sender is identifiable. */
export function senderSetKey(senders: readonly Sender[] | null | undefined): string | null {
  const keys = [...new Set((senders ?? []).map(senderIdentityKey).filter((k): k is string => k !== null))].sort()
  return keys.length === 0 ? null : keys.join('|')
}

/**
 * Same sender set: each identifiable sender of one letter is the same person as some sender of
 * the other, and the other way round (so repeating a name in one letter does not matter).
 * Letters with no identifiable sender (anonymous) never have the same sender set.
 */
export function sameSenderSet(a: readonly Sender[] | null | undefined, b: readonly Sender[] | null | undefined): boolean {
  return samePeople(identitiesOf(a), identitiesOf(b))
}

/** The identities of the identifiable senders (each sender folded once). */
const identitiesOf = (senders: readonly Sender[] | null | undefined): SenderIdentity[] =>
  (senders ?? []).map(senderIdentity).filter((who): who is SenderIdentity => who !== null)

/** `sameSenderSet` on identities already derived. */
function samePeople(xs: readonly SenderIdentity[], ys: readonly SenderIdentity[]): boolean {
  if (xs.length === 0 || ys.length === 0) return false
  return xs.every((x) => ys.some((y) => samePerson(x, y))) && ys.every((y) => xs.some((x) => samePerson(x, y)))
}

/**
 * The respondent's key: agency code + folded person ("AGENCY|nguyen van b"); null when neither is
 * given. Two letters have the same respondent when their keys are equal (both null included:
 * feedback letters often name nobody).
 */
export function respondentKey(respondent: Respondent | null | undefined): string | null {
  const agency = (respondent?.agencyCode ?? '').trim()
  const person = foldPlain(respondent?.person)
  if (agency === '' && person === '') return null
  return `${agency}|${person}`
}

/** The text compared for duplicates: summary, request and act, joined. */
export const letterText = (l: { summary?: string | null; request?: string | null; act?: string | null }): string =>
  [l.summary, l.request, l.act].filter((s): s is string => typeof s === 'string' && s.trim() !== '').join(' \n ')

/** Folded words with numbers written without leading zeros ("10/01/2026" and "10/1/2026" agree). */
const similarityWords = (text: string): string[] => foldedWords(text).map((w) => (/^\d+$/u.test(w) ? w.replace(/^0+(?=\d)/u, '') : w))

/** Word bigrams of the folded text, with start and end markers so a one-word text still has shingles. */
function shingles(text: string): Set<string> {
  const words = similarityWords(text)
  const out = new Set<string>()
  if (words.length === 0) return out
  const padded = ['^', ...words, '$']
  for (let i = 0; i + 1 < padded.length; i++) out.add(`${padded[i]} ${padded[i + 1]}`)
  return out
}

/**
 * Similarity of two texts, 0..1: the Dice coefficient 2|A∩B| / (|A|+|B|) of their sets of word
 * bigrams over folded text (diacritics removed, đ→d, lower case, punctuation dropped, leading
 * zeros of numbers dropped). Vietnamese words are single syllables, so bigrams carry the
 * compound words ("khiếu nại", "thu hồi"); on sample letters they keep a reworded repeat of the
 * same matter (≈0.75–0.85) clearly above a different matter in the same official phrasing
 * (≈0.3), where character trigrams put both close together (≈0.9 vs ≈0.6). Texts that fold to
 * the same words score 1; an empty text scores 0 against anything.
 */
export function textSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  return dice(shingles(a ?? ''), shingles(b ?? ''))
}

function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0
  let common = 0
  for (const s of x) if (y.has(s)) common++
  return (2 * common) / (x.size + y.size)
}

/**
 * Numbers of official documents cited in a text, folded ("Quyết định số 012/QĐ-UBND" →
 * "12/qd-ubnd"; "Luật số 02/2011/QH13" → "2/2011/qh13"). A reference needs a hyphenated type
 * code or a year, so dates ("10/01/2026") and street numbers ("12/Trần Phú") are not taken.
 */
export function documentRefs(text: string | null | undefined): Set<string> {
  const folded = foldVi(text ?? '').replace(/\s*([/-])\s*/gu, '$1')
  const refs = new Set<string>()
  const pattern = /(?<![\p{L}\p{N}])0*(\d+)\/(?:(\d{4})\/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)|([a-z]+(?:-[a-z0-9]+)+))/gu
  for (const m of folded.matchAll(pattern)) {
    refs.add(m[2] != null ? `${m[1]}/${m[2]}/${m[3]}` : `${m[1]}/${m[4]}`)
  }
  return refs
}

/** A letter as duplicate detection sees it. */
export interface DuplicateItem {
  id: string
  matterId?: string | null
  receivedAt: string
  contentType: ContentType
  senders?: readonly Sender[] | null
  respondent?: Respondent | null
  /** Summary + request + act (see `letterText`). */
  text: string
  outcome?: Outcome | null
}

/** The candidate being checked: like an item, but it may not be stored yet. */
export type DuplicateCandidate = Omit<DuplicateItem, 'id' | 'outcome'> & { id?: string | null }

export interface DuplicateMatch {
  /** The first (earliest) earlier letter of the same matter. */
  letterId: string
  /** Its matter, if it has one. */
  matterId: string | null
  similarity: number
  /** The outcome of that first letter. */
  earlierOutcome: Outcome | null
  /** Outcomes of every matching earlier letter, earliest first (for the once-only rule). */
  earlierOutcomes: Outcome[]
}

/**
 * Whether `earlier` is the same matter as `candidate` (RULES.md §4): same sender set (see
 * `sameSenderSet`), same respondent (`respondentKey`), same content type, and text similarity
 * at least `threshold` (the `duplicateSimilarity` setting). Returns the similarity, or null.
 * Guard: when both texts cite document numbers and share none, they are about different
 * decisions and never the same matter, however alike the wording (a template letter against
 * decision 12/QĐ-UBND and then 13/QĐ-UBND).
 */
export function matchSimilarity(candidate: DuplicateCandidate, earlier: DuplicateItem, threshold: number): number | null {
  return similarityTo(comparable(candidate), earlier, threshold)
}

/** What matchSimilarity reads of the candidate, derived once for all the earlier letters it is compared with. */
interface Comparable {
  candidate: DuplicateCandidate
  senders: readonly SenderIdentity[]
  respondent: string | null
  refs: ReadonlySet<string>
  shingles: ReadonlySet<string>
}

const comparable = (candidate: DuplicateCandidate): Comparable => ({
  candidate,
  senders: identitiesOf(candidate.senders),
  respondent: respondentKey(candidate.respondent),
  refs: documentRefs(candidate.text),
  shingles: shingles(candidate.text ?? ''),
})

// the cheap tests first: most earlier letters of a sender fail on type, respondent or senders
function similarityTo(c: Comparable, earlier: DuplicateItem, threshold: number): number | null {
  if (c.candidate.contentType !== earlier.contentType) return null
  if (c.respondent !== respondentKey(earlier.respondent)) return null
  if (!samePeople(c.senders, identitiesOf(earlier.senders))) return null
  const refs = documentRefs(earlier.text)
  if (c.refs.size > 0 && refs.size > 0 && ![...c.refs].some((r) => refs.has(r))) return null
  const similarity = dice(c.shingles, shingles(earlier.text ?? ''))
  return similarity >= threshold ? similarity : null
}

/**
 * Every earlier letter of the same matter as `candidate`, earliest first (ties keep the given
 * order). Letters received after the candidate, and the candidate itself, are left out.
 */
export function findDuplicates(
  candidate: DuplicateCandidate,
  earlier: readonly DuplicateItem[],
  threshold: number,
): Array<{ item: DuplicateItem; similarity: number }> {
  const found: Array<{ item: DuplicateItem; similarity: number; index: number }> = []
  const c = comparable(candidate)
  earlier.forEach((item, index) => {
    if (candidate.id != null && item.id === candidate.id) return
    if (item.receivedAt > candidate.receivedAt) return
    const similarity = similarityTo(c, item, threshold)
    if (similarity !== null) found.push({ item, similarity, index })
  })
  found.sort((a, b) => (a.item.receivedAt < b.item.receivedAt ? -1 : a.item.receivedAt > b.item.receivedAt ? 1 : a.index - b.index))
  return found.map(({ item, similarity }) => ({ item, similarity }))
}

/**
 * The first (earliest) earlier letter of the same matter as `candidate`, or null: the letter a
 * duplicate links to (`duplicateOf`) with its matter. A different matter from the same sender
 * (other respondent, other content type, or dissimilar text) and the same text from other
 * senders do not match.
 */
export function findDuplicate(
  candidate: DuplicateCandidate,
  earlier: readonly DuplicateItem[],
  threshold: number,
): DuplicateMatch | null {
  const all = findDuplicates(candidate, earlier, threshold)
  const first = all[0]
  if (first === undefined) return null
  return {
    letterId: first.item.id,
    matterId: first.item.matterId ?? null,
    similarity: first.similarity,
    earlierOutcome: first.item.outcome ?? null,
    earlierOutcomes: all.map((m) => m.item.outcome).filter((o): o is Outcome => o != null),
  }
}

/** Reason codes of the once-only rule (RULES.md §2 step 6). */
export type PriorOutcomeReason = 'da_huong_dan' | 'da_chuyen_don'

/**
 * The once-only reason (TT05-15, TT05-17, TC-6): a complaint whose matter was already guided
 * (`huong_dan`) → `da_huong_dan`; a denunciation whose matter was already forwarded
 * (`chuyen_don`) → `da_chuyen_don`; otherwise null. `earlierOutcomes` are those of the earlier
 * letters of the same matter (see `findDuplicate`).
 */
export function priorOutcomeReason(
  contentType: ContentType,
  earlierOutcomes: ReadonlyArray<Outcome | null | undefined>,
): PriorOutcomeReason | null {
  if (contentType === 'khieu_nai' && earlierOutcomes.includes('huong_dan')) return 'da_huong_dan'
  if (contentType === 'to_cao' && earlierOutcomes.includes('chuyen_don')) return 'da_chuyen_don'
  return null
}
