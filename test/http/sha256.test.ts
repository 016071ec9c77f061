/**
 * sha256Hex uses Node's synchronous hash where it runs on Node and WebCrypto elsewhere (Workers):
 * both must give the same bytes, or a token hashed on one runtime would not be found on the other.
 */
import { expect, it } from 'vitest'
import { sha256Bytes, sha256Hex } from '../../src/http/auth/crypto.ts'

const webCrypto = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))

it('gives the standard digest, the same as WebCrypto, for ASCII and Vietnamese text', async () => {
  expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  for (const text of ['', 'abc', 'pakn/access-key/v1\nbí mật\nNguyễn Văn Đức', 'x'.repeat(1000)]) {
    expect(await sha256Bytes(text)).toEqual(await webCrypto(text))
  }
})
