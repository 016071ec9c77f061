/**
 * Password hashing and random tokens with WebCrypto only, so the same code runs on Node and
 * Workers. PBKDF2-SHA256 at 100,000 iterations: the most Workers' WebCrypto allows, and the
 * OWASP floor for that KDF is met by the per-user salt plus login throttling.
 */
import { customAlphabet, nanoid } from 'nanoid'

const ITERATIONS = 100_000
const encoder = new TextEncoder()

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0))

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return new Uint8Array(bits)
}

/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = await derive(password, salt, ITERATIONS)
  return `pbkdf2-sha256$${ITERATIONS}$${toBase64(salt)}$${toBase64(hash)}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, hash] = stored.split('$')
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !hash) return false
  const actual = await derive(password, fromBase64(salt), Number(iterations))
  return timingSafeEqual(actual, fromBase64(hash))
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

export const timingSafeEqualText = (a: string, b: string): boolean =>
  timingSafeEqual(encoder.encode(a), encoder.encode(b))

/** A password that verifies nothing, hashed once, so unknown usernames cost the same time. */
export const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='

/**
 * Node's own synchronous SHA-256 where there is one: WebCrypto's digest is a round trip through
 * Node's thread pool, several times the cost of hashing a token this short, and intake hashes up
 * to four per letter. On Workers (no `process`) WebCrypto; both give the same bytes.
 */
type NodeHash = { createHash(algorithm: 'sha256'): { update(text: string): { digest(): Uint8Array } } }
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeHash | undefined

export async function sha256Bytes(text: string): Promise<Uint8Array> {
  if (nodeCrypto) return new Uint8Array(nodeCrypto.createHash('sha256').update(text).digest())
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)))
}

export async function sha256Hex(text: string): Promise<string> {
  return [...(await sha256Bytes(text))].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** 256-bit random token for sessions and API bearer tokens. */
export const newToken = (): string => nanoid(43)

/** A readable random password (no 0/O, 1/l/I) for the generated first admin. */
export const newPassword = customAlphabet('23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ', 16)
