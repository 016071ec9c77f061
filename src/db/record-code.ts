/**
 * Codes people read and type (receipt codes of letters, matter codes): 8 characters of an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX.
 */
import { customAlphabet } from 'nanoid'

export const newRecordCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 8)

/** A new code equal to a stored one: two random draws of 31⁸ met (the UNIQUE constraints refuse it). */
const isCodeClash = (error: unknown) => error instanceof Error && /UNIQUE constraint failed: (letters|matters)\.code\b/.test(error.message)

/**
 * Runs a write that draws new codes each time it is run, again while its codes clash with stored
 * ones (at most three runs: at a national volume one clash is about one in a million).
 */
export async function withFreshCodes<T>(write: () => Promise<T>): Promise<T> {
  for (let run = 1; ; run++) {
    try {
      return await write()
    } catch (error) {
      if (run >= 3 || !isCodeClash(error)) throw error
    }
  }
}
