/**
 * Property tests of the classifier over arbitrary letters built from the schema's field types:
 * junk strings, missing and null fields, unknown agency codes, unknown fields, dates in any order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../src/domain/calendar.ts'
import { classify, type ClassifyContext } from '../../src/domain/classify.ts'
import { CHANNELS, codesOf, CONTENT_TYPES, OUTCOMES, type Outcome } from '../../src/domain/codes.ts'
import type { Letter } from '../../src/domain/letter.ts'
import { DEFAULT_CONVENTIONS, type Conventions } from '../../src/domain/settings.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { anonymousDenunciation, complaint, denunciation, feedback, SETTINGS } from './fixtures/letters.ts'

const CODES = SAMPLE_DIRECTORY.map((a) => a.code)
const AREAS = [...new Set(SAMPLE_DIRECTORY.flatMap((a) => a.areaCodes))]
const FIELDS = [...new Set(SAMPLE_DIRECTORY.flatMap((a) => a.fields))]

const junk = fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ maxLength: 12 }), fc.constantFrom('Nguyễn Văn An', 'Thôn 3', 'x', '0905123456'))
const optText = fc.option(junk, { nil: null })
const validDate = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
const anyDate = fc.oneof(validDate, validDate, junk, fc.constant(null))
const agencyCode = fc.option(fc.oneof(fc.constantFrom(...CODES), junk), { nil: null })
const outcome = fc.constantFrom(...codesOf(OUTCOMES))

const sender = fc.record(
  { name: optText, address: optText, idNumber: optText, phone: optText, email: optText, signed: fc.boolean() },
  { requiredKeys: [] },
)

/** Everything but the three required fields may be missing. */
const optionalFields = fc.record(
  {
    contents: fc.option(fc.array(fc.record({ contentType: fc.constantFrom('khieu_nai', 'to_cao', 'kien_nghi_phan_anh'), summary: optText }), { maxLength: 3 }), { nil: null }),
    field: fc.option(fc.oneof(fc.constantFrom(...FIELDS), junk), { nil: null }),
    aboutAdministrativeRegulation: fc.boolean(),
    language: fc.option(fc.oneof(fc.constantFrom('vi', 'en', 'vi-VN', 'fr'), junk), { nil: null }),
    notarizedTranslation: fc.boolean(),
    writtenDate: anyDate,
    senders: fc.option(fc.array(sender, { maxLength: 4 }), { nil: null }),
    impersonated: fc.boolean(),
    illegible: fc.boolean(),
    abusive: fc.boolean(),
    respondent: fc.option(fc.record({ agencyCode, person: optText, isHead: fc.boolean(), private: fc.boolean() }, { requiredKeys: [] }), { nil: null }),
    location: fc.option(fc.oneof(fc.constantFrom(...AREAS), junk), { nil: null }),
    summary: optText,
    request: optText,
    act: optText,
    hasEvidence: fc.boolean(),
    complaintRound: fc.constantFrom(1, 2, null),
    decision: fc.option(fc.record({ date: anyDate, knownDate: anyDate, number: optText }, { requiredKeys: [] }), { nil: null }),
    priorResolution: fc.option(fc.record({ round: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), effective: fc.boolean() }, { requiredKeys: [] }), { nil: null }),
    concluded: fc.boolean(),
    newEvidence: fc.boolean(),
    courtAccepted: fc.boolean(),
    goodReasonForDelay: fc.boolean(),
    remoteArea: fc.boolean(),
    forwardedBy: fc.option(fc.record({ name: optText, reference: optText }, { requiredKeys: [] }), { nil: null }),
    pendingAt: fc.option(fc.record({ agencyCode: fc.oneof(fc.constantFrom(...CODES), junk), since: fc.oneof(validDate, junk) }), { nil: null }),
    notDirectlyConcerned: fc.boolean(),
    lacksCapacity: fc.boolean(),
    invalidRepresentative: fc.boolean(),
    withdrawnBefore: fc.boolean(),
    internalDecision: fc.boolean(),
    complex: fc.boolean(),
  },
  { requiredKeys: [] },
)

/** Unknown fields the schema lets through. */
const unknownFields = fc.dictionary(fc.string({ maxLength: 8 }).map((k) => `x_${k}`), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 })

/** Arbitrary letters: every optional field random (mostly ineligible). */
const randomLetter: fc.Arbitrary<Letter> = fc
  .tuple(
    unknownFields,
    optionalFields,
    fc.record({ receivedAt: validDate, channel: fc.constantFrom(...codesOf(CHANNELS)), contentType: fc.constantFrom(...codesOf(CONTENT_TYPES)) }),
  )
  .map(([extra, optional, required]) => ({ ...extra, ...optional, ...required }) as Letter)

/** Well-formed letters with a few fields changed: reaches every outcome, đôn đốc included. */
const nearValidLetter: fc.Arbitrary<Letter> = fc
  .tuple(
    fc.constantFrom<(extra?: Partial<Letter>) => Letter>(complaint, denunciation, anonymousDenunciation, feedback),
    optionalFields,
    fc.subarray(['respondent', 'complaintRound', 'field', 'location', 'senders', 'decision', 'courtAccepted', 'impersonated', 'hasEvidence', 'aboutAdministrativeRegulation', 'writtenDate', 'internalDecision'] as const, { maxLength: 2 }),
    fc.option(fc.record({ agencyCode: fc.constantFrom('UBND_XA_SON_TAY', 'SO_YT', 'SO_NNMT', 'UBND_TINH', 'TTCP'), since: validDate }), { nil: null }),
    fc.record({ receivedAt: validDate, respondentCode: fc.constantFrom('UBND_TINH', 'UBND_XA_SON_TAY', 'SO_YT', 'UBND_HUYEN_SON_TAY', 'CONG_AN_TINH') }),
  )
  .map(([base, optional, keys, pendingAt, { receivedAt, respondentCode }]) => {
    const letter = base({ receivedAt, pendingAt, respondent: { agencyCode: respondentCode, person: 'Ông B', isHead: respondentCode === 'SO_YT' } })
    const changed: Record<string, unknown> = { ...letter }
    for (const key of keys) changed[key] = optional[key]
    return changed as unknown as Letter
  })

const letterArb: fc.Arbitrary<Letter> = fc.oneof(randomLetter, nearValidLetter, nearValidLetter)

const conventionsArb: fc.Arbitrary<Conventions> = fc.record({
  hotlineCallerCountsAsSigned: fc.boolean(),
  onlineDeclarationCountsAsSigned: fc.boolean(),
  periodEndsOnWorkingDay: fc.boolean(),
  electronicReceiptDateIsWrittenDate: fc.boolean(),
  severalContentsIneligible: fc.boolean(),
  illegibleIneligible: fc.boolean(),
  abusiveIneligible: fc.boolean(),
  alreadyDecidedIneligible: fc.boolean(),
  onceOnlyIneligible: fc.boolean(),
})

const ctxArb: fc.Arbitrary<ClassifyContext> = fc
  .record({
    home: fc.oneof(fc.constant('UBND_TINH'), fc.constant('UBND_TINH'), fc.constantFrom(...CODES), fc.constant(null)),
    central: fc.constantFrom('TTCP', null, '', 'KHONG_CO'),
    conventions: fc.oneof(fc.constant(DEFAULT_CONVENTIONS), conventionsArb),
    duplicate: fc.option(fc.record({ letterId: junk, matterId: optText, earlierOutcome: fc.option(outcome, { nil: null }) }), { nil: null }),
  })
  .map(({ home, central, conventions, duplicate }) => ({
    agencies: SAMPLE_DIRECTORY,
    settings: { ...SETTINGS, homeAgencyCode: home, centralAgencyCode: central, conventions },
    duplicate,
  }))

const RUNS = { numRuns: 600 }

const INELIGIBLE: readonly Outcome[] = ['luu_don', 'tach_don']
const WITHIN: readonly Outcome[] = ['thu_ly', 'khong_thu_ly', 'kiem_tra']
const OUTSIDE: readonly Outcome[] = ['huong_dan', 'chuyen_don', 'don_doc']

describe('classify: properties over arbitrary letters', () => {
  it('the letters generated reach every outcome (so the properties below say something)', () => {
    const seen = new Set(fc.sample(fc.tuple(letterArb, ctxArb), { numRuns: 3000, seed: 20260701 }).map(([l, c]) => classify(l, c).outcome))
    expect([...seen].sort()).toEqual(codesOf(OUTCOMES).sort())
  })

  it('(a) never throws on letters built from the schema types', () => {
    fc.assert(
      fc.property(letterArb, ctxArb, (letter, ctx) => {
        classify(letter, ctx)
      }),
      RUNS,
    )
  })

  it('(a) never throws even on values of the wrong type or a malformed receipt date', () => {
    const keys = ['contents', 'field', 'aboutAdministrativeRegulation', 'language', 'writtenDate', 'senders', 'impersonated', 'respondent',
      'location', 'summary', 'request', 'act', 'hasEvidence', 'complaintRound', 'decision', 'priorResolution', 'concluded', 'remoteArea',
      'pendingAt', 'complex', 'goodReasonForDelay', 'courtAccepted']
    const wild = fc
      .tuple(fc.dictionary(fc.constantFrom(...keys), fc.anything({ withNullPrototype: true }), { maxKeys: 8 }), fc.oneof(validDate, junk))
      .map(([fields, receivedAt]) => ({ ...fields, receivedAt, channel: 'buu_chinh' }) as unknown as Letter)
    fc.assert(
      fc.property(wild, fc.constantFrom(...codesOf(CONTENT_TYPES)), (letter, contentType) => {
        classify({ ...letter, contentType }, { agencies: SAMPLE_DIRECTORY, settings: SETTINGS })
      }),
      RUNS,
    )
  })

  it('(b) the outcome is consistent with eligible and withinCompetence', () => {
    fc.assert(
      fc.property(letterArb, ctxArb, (letter, ctx) => {
        const r = classify(letter, ctx)
        if (!r.eligible) expect(INELIGIBLE).toContain(r.outcome)
        else if (r.withinCompetence) expect(WITHIN).toContain(r.outcome)
        else expect(OUTSIDE).toContain(r.outcome)
      }),
      RUNS,
    )
  })

  it('(c) reasons are empty exactly when the letter is eligible and not refused (khong_thu_ly)', () => {
    fc.assert(
      fc.property(letterArb, ctxArb, (letter, ctx) => {
        const r = classify(letter, ctx)
        expect(r.reasons.length === 0).toBe(r.eligible && r.outcome !== 'khong_thu_ly')
        expect(r.reasonDetails.map((d) => d.code)).toEqual(r.reasons)
        for (const d of r.reasonDetails) expect(d.message.length * d.basis.length).toBeGreaterThan(0)
      }),
      RUNS,
    )
  })

  it('(d) the signer group follows the count of named senders', () => {
    fc.assert(
      fc.property(letterArb, ctxArb, (letter, ctx) => {
        const named = (letter.senders ?? []).filter((s) => typeof s?.name === 'string' && s.name.trim() !== '').length
        const expected = letter.impersonated === true ? 'khac' : named >= 2 ? 'nhieu_nguoi' : named === 1 ? 'mot_nguoi' : 'khac'
        expect(classify(letter, ctx).signerGroup).toBe(expected)
      }),
      RUNS,
    )
  })

  it('within competence means the home agency; every letter gets a due date, a rule and a legal basis', () => {
    fc.assert(
      fc.property(letterArb, ctxArb, (letter, ctx) => {
        const r = classify(letter, ctx)
        if (r.withinCompetence) expect(r.competentAgencyCode).toBe(ctx.settings.homeAgencyCode)
        expect(isIsoDate(r.dueDate)).toBe(true)
        expect(r.dueDate > letter.receivedAt).toBe(true)
        expect(r.deadlineRule).toMatch(/^D(1|2|8|9)$/)
        expect(r.legalBasis.length).toBeGreaterThan(0)
        expect(r.track === 'quy_dinh_hanh_chinh').toBe(r.contentType === 'kien_nghi_phan_anh' && letter.aboutAdministrativeRegulation === true)
        if (r.outcome === 'tach_don') expect(r).toMatchObject({ competentAgencyCode: null, withinCompetence: false, reasons: ['nhieu_noi_dung'] })
      }),
      RUNS,
    )
  })
})
