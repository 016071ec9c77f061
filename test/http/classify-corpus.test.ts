/**
 * The checked-in corpus of realistic letters (test/fixtures/letters/*.json), each with the result
 * the rules give, run through POST /api/v1/classify. The corpus is an oracle written from the
 * rules alone (see its README), so a difference is a bug on one side or the other.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../support/app.ts'

const dir = fileURLToPath(new URL('../fixtures/letters', import.meta.url))
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()

interface Fixture {
  title: string
  letter: Record<string, unknown>
  expected: Record<string, unknown>
  /** needs-prior/: an earlier letter of the same matter, stored and decided first. */
  prior?: { letter: Record<string, unknown>; expectedOutcome: string }
}

const priorDir = join(dir, 'needs-prior')
const priorFiles = readdirSync(priorDir).filter((f) => f.endsWith('.json')).sort()

let t: TestApp
let token: string
beforeAll(async () => {
  t = await testApp()
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username: 'xuly', displayName: 'Cán bộ xử lý đơn', password: 'mat-khau-xu-ly-don', roles: ['xu_ly_don'] }, admin)
  token = await t.token('xuly', 'mat-khau-xu-ly-don')
})

describe('letter corpus through POST /api/v1/classify', () => {
  it('has at least 40 letters', () => {
    expect(files.length).toBeGreaterThanOrEqual(40)
  })

  for (const file of files) {
    const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture
    it(`${file}: ${fixture.title}`, async () => {
      const res = await t.json('/api/v1/classify', 'POST', fixture.letter, token)
      expect(res.status).toBe(200)
      const result = (await res.json()) as Record<string, unknown>
      const picked = Object.fromEntries(Object.keys(fixture.expected).map((k) => [k, result[k]]))
      expect(picked).toEqual(fixture.expected)
    })
  }
})

describe('letters that repeat an earlier, already handled letter (once-only rule)', () => {
  for (const file of priorFiles) {
    const fixture = JSON.parse(readFileSync(join(priorDir, file), 'utf8')) as Fixture
    it(`${file}: ${fixture.title}`, async () => {
      const t2 = await testApp()
      const admin = await t2.token()
      await t2.json('/api/v1/users', 'POST', { username: 'xuly', displayName: 'Cán bộ xử lý đơn', password: 'mat-khau-xu-ly-don', roles: ['xu_ly_don'] }, admin)
      const officer = await t2.token('xuly', 'mat-khau-xu-ly-don')
      const prior = (await (await t2.json('/api/v1/letters', 'POST', fixture.prior!.letter, officer)).json()) as { id: string; classification: { outcome: string } }
      expect(prior.classification.outcome).toBe(fixture.prior!.expectedOutcome)
      expect((await t2.json(`/api/v1/letters/${prior.id}/decision`, 'POST', {}, officer)).status).toBe(200)
      const result = (await (await t2.json('/api/v1/classify', 'POST', fixture.letter, officer)).json()) as Record<string, unknown>
      const picked = Object.fromEntries(Object.keys(fixture.expected).map((k) => [k, result[k]]))
      expect(picked).toEqual(fixture.expected)
      expect(result.duplicateOf).toBe(prior.id)
    })
  }
})
