/**
 * A short version of `npm run soak` (bench/soak-lib.ts): mixed reads and writes from several
 * clients against the real Node server for a few seconds, and not a single failed answer.
 * The memory trend needs minutes and is left to the full soak.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { runSoak } from '../../bench/soak-lib.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-soak-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('mixed load: every request answered without error', { timeout: 90_000 }, async () => {
  const r = await runSoak({ seconds: 10, users: 6, letters: 3000, visits: 1000, warmupFraction: 0.5, maxSlopeMbPerMinute: Infinity, sampleSeconds: 1, runFile: join(dir, 'soak.db') })
  expect(r.errorSamples).toEqual([])
  expect(r.errors).toBe(0)
  expect(r.requests).toBeGreaterThan(200)
  for (const op of ['POST submissions', 'POST letters', 'GET queue', 'GET search', 'GET status']) expect(r.perOperation[op]?.n ?? 0, op).toBeGreaterThan(0)
})
