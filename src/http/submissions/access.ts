/**
 * The citizen's two secrets-that-are-not-passwords: the receipt code (public, printed) and the
 * access key (shown once, only its SHA-256 kept) — and how a resent submission finds its letter.
 *
 * Every submission has an idempotency secret:
 * - from a page form, the browser's own CSRF secret (the HttpOnly `pakn_csrf` cookie, 256 random
 *   bits, checked on every post) together with the content. A hidden form nonce would not do:
 *   when the citizen goes back from the receipt, Chrome fetches the form again and restores
 *   what was typed but not hidden inputs, so "Back, send again" would carry a new nonce;
 * - from the API, the client's `Idempotency-Key` (a random one when it sends none).
 *
 * From it:
 * - `letters.idempotency_key` = SHA-256 of the secret (namespaced per source; for a page form
 *   also of the content), so a resend finds the letter without the database holding the secret;
 * - the access key = a one-way function of the secret and the submission's content.
 *
 * So a resend of the *same* submission (a double click, a reload of the receipt, "Back" and send
 * again, a client retrying after a timeout) re-derives the same key and shows the same receipt,
 * while the server keeps no copy of the key: a stolen database gives neither keys nor secrets.
 * A page form sent again with other content is a new letter (the citizen corrected it; the
 * duplicate check links the two for the officer). Resends are honoured for
 * REPLAY_WINDOW_HOURS; after that the key is never shown again.
 */
import { customAlphabet } from 'nanoid'
import { sha256Bytes, sha256Hex, timingSafeEqualText } from '../auth/crypto.ts'

/** The receipt's alphabet: no 0/O, 1/I/L look-alikes (the same as the letter codes). */
export const KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** 12 symbols of 31 ≈ 59 bits: unguessable together with the code, short enough to type. */
export const ACCESS_KEY_LENGTH = 12
/** How long a resend may still show the access key again. */
export const REPLAY_WINDOW_HOURS = 24

export type IdempotencySource = 'page' | 'api' | 'none'

/** A fresh secret for an API request sent without Idempotency-Key (256 bits): never replayable. */
export const newSecret = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-', 43)

/** What an Idempotency-Key must look like (anything else is refused, not hashed). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{16,128}$/

/**
 * The value kept in letters.idempotency_key. A page form's key also covers the content (the
 * browser secret is shared by all its letters); an API key is the client's promise that it is
 * the same request, so another body under it is a client error (409).
 */
export const storedIdempotencyKey = async (source: IdempotencySource, secret: string, fingerprint: string): Promise<string> =>
  `${source}:${await sha256Hex(`pakn/idempotency/v1\n${source}\n${secret}\n${source === 'page' ? fingerprint : ''}`)}`

/** The access key of a submission: derived, never stored. */
export async function deriveAccessKey(secret: string, fingerprint: string): Promise<string> {
  const bytes = await sha256Bytes(`pakn/access-key/v1\n${secret}\n${fingerprint}`)
  // 256 bits read as one number, written in base 31: the bias is far below anything measurable
  let n = 0n
  for (const b of bytes) n = (n << 8n) | BigInt(b)
  let key = ''
  for (let i = 0; i < ACCESS_KEY_LENGTH; i++) {
    key += KEY_ALPHABET[Number(n % 31n)]
    n /= 31n
  }
  return key
}

/** What people type: "abcd efgh-jkLM" → "ABCDEFGHJKLM". */
export const normaliseKey = (input: string) => input.toUpperCase().replace(/[^0-9A-Z]/g, '')

/** ABCD-EFGH-JKLM */
export const formatKey = (key: string) => key.match(/.{1,4}/g)?.join('-') ?? key

/** letters.access_key_hash: the SHA-256 of the key as printed without dashes. */
export const accessKeyHash = (key: string) => sha256Hex(normaliseKey(key))

/** Compares a typed key with the stored hash; always does the same work. */
export async function keyMatches(typed: string, storedHash: string | null): Promise<boolean> {
  const hash = await accessKeyHash(typed)
  // compare against a dummy when there is nothing stored, so both paths cost the same
  return timingSafeEqualText(hash, storedHash ?? '0'.repeat(64)) && storedHash !== null
}

/** A stable digest of what was submitted: the same content gives the same fingerprint. */
export const fingerprintOf = (canonical: unknown): Promise<string> => sha256Hex(JSON.stringify(canonical))
