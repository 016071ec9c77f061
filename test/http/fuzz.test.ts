/**
 * No request body makes the server answer 5xx: random JSON, random letters built from the
 * schema's own vocabulary with junk mixed in, and random bytes, against every endpoint that
 * takes a body. A rejected request changes nothing.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, CONTENT_TYPES, OUTCOMES } from '../../src/domain/codes.ts'
import { testApp, type TestApp } from '../support/app.ts'

let t: TestApp
let token: string
let letterId: string
beforeAll(async () => {
  t = await testApp()
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username: 'fuzz', displayName: 'Kiểm thử', password: 'mat-khau-kiem-thu', roles: ['tiep_dan', 'xu_ly_don', 'lanh_dao'] }, admin)
  token = await t.token('fuzz', 'mat-khau-kiem-thu')
  const res = await t.json('/api/v1/letters', 'POST', { receivedAt: '2026-03-02', channel: 'buu_chinh', contentType: 'khieu_nai' }, token)
  letterId = ((await res.json()) as { id: string }).id
})

const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant(''),
  fc.constant('<script>alert(1)</script>'),
  fc.constant('2026-02-30'),
  fc.constant('XA_SON_TAY'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
)

const date = fc.oneof(fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), junk)
const sender = fc.record(
  { name: fc.oneof(fc.string(), junk), address: fc.oneof(fc.string(), junk), idNumber: fc.oneof(fc.stringMatching(/^[0-9]{0,14}$/), junk), phone: junk, signed: fc.oneof(fc.boolean(), junk) },
  { requiredKeys: [] },
)
const letter = fc.record(
  {
    receivedAt: date,
    channel: fc.oneof(fc.constantFrom(...Object.keys(CHANNELS)), junk),
    contentType: fc.oneof(fc.constantFrom(...Object.keys(CONTENT_TYPES)), junk),
    senders: fc.oneof(fc.array(sender, { maxLength: 4 }), junk),
    respondent: fc.oneof(fc.record({ agencyCode: fc.oneof(fc.constantFrom('UBND_TINH', 'UBND_XA_SON_TAY', 'SO_YT', 'KHONG_CO'), junk), person: junk, isHead: junk, private: junk }, { requiredKeys: [] }), junk),
    field: fc.oneof(fc.constantFrom('dat_dai', 'y_te', 'xay_dung'), junk),
    location: junk,
    summary: fc.oneof(fc.string(), junk),
    request: junk,
    act: junk,
    writtenDate: date,
    complaintRound: fc.oneof(fc.constantFrom(1, 2), junk),
    decision: fc.oneof(fc.record({ date, knownDate: date, number: junk }, { requiredKeys: [] }), junk),
    priorResolution: fc.oneof(fc.record({ round: junk, effective: junk }, { requiredKeys: [] }), junk),
    pendingAt: fc.oneof(fc.record({ agencyCode: fc.constantFrom('UBND_XA_SON_TAY', 'X'), since: date }), junk),
    contents: fc.oneof(fc.array(fc.record({ contentType: fc.oneof(fc.constantFrom('khieu_nai', 'to_cao'), junk), summary: junk }), { maxLength: 3 }), junk),
    hasEvidence: junk,
    remoteArea: junk,
    language: junk,
  },
  { requiredKeys: [] },
)

const anyBody = fc.oneof(fc.json(), letter.map((l) => JSON.stringify(l)), fc.string(), fc.uint8Array({ maxLength: 64 }).map((b) => String.fromCharCode(...b)))

describe('no request body gives a 5xx', () => {
  it('POST /classify, /letters, /letters/{id}/decision, /letters/{id}/resolution/*, /receptions, /agencies, /settings, /auth/token', async () => {
    const admin = await t.token()
    const endpoints: Array<[string, string, string]> = [
      ['POST', '/api/v1/classify', token],
      ['POST', '/api/v1/letters', token],
      ['POST', `/api/v1/letters/${letterId}/decision`, token],
      ...['complexity', 'dialogue', 'suspension', 'resumption', 'termination', 'withdrawal'].map((a): [string, string, string] => ['POST', `/api/v1/letters/${letterId}/resolution/${a}`, token]),
      ['POST', '/api/v1/receptions', token],
      ['PUT', '/api/v1/agencies', admin],
      ['PUT', '/api/v1/settings', admin],
      ['POST', '/api/v1/auth/token', ''],
    ]
    const settingsBefore = t.dump('settings')
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), anyBody, async ([method, path, bearer], body) => {
        const res = await t.request(path, {
          method,
          headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body,
        })
        expect(res.status, `${method} ${path} ${body.slice(0, 200)}`).toBeLessThan(500)
        if (res.status >= 400) {
          const json = (await res.json()) as { error: { code: string; message: string; fields: unknown[] } }
          expect(json.error.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 400 },
    )
    // the settings and directory only change through valid bodies, which random ones never are
    expect(t.dump('settings')).toEqual(settingsBefore)
  })

  it('letters built from the schema classify without error whenever the schema accepts them', async () => {
    await fc.assert(
      fc.asyncProperty(letter, async (l) => {
        const res = await t.json('/api/v1/classify', 'POST', l, token)
        expect(res.status).toBeLessThan(500)
        if (res.status === 200) {
          const c = (await res.json()) as { outcome: string; eligible: boolean; dueDate: string }
          expect(Object.keys(OUTCOMES)).toContain(c.outcome)
          expect(c.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        }
      }),
      { numRuns: 400 },
    )
  })
})
