/**
 * Ids of stored records (letters, matters, visits, decisions, forwardings, documents, users): 21
 * URL-safe characters like nanoid's, the first 8 the creation time in milliseconds (base 62,
 * digits and letters in ASCII order), the other 13 random (78 bits). So ids sort by creation time
 * and every index keyed by an id (a letter's own, its senders', its history's, a matter's letters)
 * grows at its end. With random ids each new letter landed on several random index pages: at a
 * national volume mostly pages the connection had to read back in, each written to the WAL again
 * at every commit (intake at a million letters +17–24 %, bench/analysis.md). The time part uses no
 * '-' or '_', so an id never begins with a dash (an option, to a command line).
 */
import { customAlphabet } from 'nanoid'

const TIME_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
/** The random part's symbols: nanoid's URL-safe 64. */
export const RECORD_ID_ALPHABET = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz'
const randomPart = customAlphabet(RECORD_ID_ALPHABET, 13)

/** The 8-symbol time part of an id made at `at` (milliseconds: 62⁸ of them reach the year 8888). */
export function recordIdTime(at: number): string {
  let time = ''
  for (let i = 0, t = at; i < 8; i++, t = Math.floor(t / 62)) time = TIME_ALPHABET[t % 62]! + time
  return time
}

export const newRecordId = (at: number = Date.now()): string => recordIdTime(at) + randomPart()
