import { describe, expect, it } from 'vitest'
import type { Agency } from '../../src/domain/agency.ts'
import { classify } from '../../src/domain/classify.ts'
import { competentAgency, competenceCondition, type CompetenceContext } from '../../src/domain/competence.ts'
import { competenceRuleFor, DEFAULT_COMPETENCE_RULES, type CompetenceRule } from '../../src/domain/competence-rules.ts'
import type { Letter } from '../../src/domain/letter.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { complaint, CTX, ctxWith, denunciation, feedback } from './fixtures/letters.ts'

const COMPETENCE: CompetenceContext = {
  agencies: SAMPLE_DIRECTORY,
  homeAgencyCode: 'UBND_TINH',
  centralAgencyCode: 'TTCP',
  rules: DEFAULT_COMPETENCE_RULES,
}
const agencyOf = (letter: Letter, ctx: Partial<CompetenceContext> = {}) => competentAgency(letter, { ...COMPETENCE, ...ctx }).agencyCode

describe('competence rules as data (RULES.md §3)', () => {
  it('every condition has a row in force on every day (before, during and after the two-tier reform)', () => {
    const conditions = [
      ['khieu_nai', 'khieu_nai_lan_dau'],
      ['khieu_nai', 'khieu_nai_lan_hai'],
      ['to_cao', 'to_cao_can_bo'],
      ['to_cao', 'to_cao_nguoi_dung_dau'],
      ['to_cao', 'to_cao_ca_nhan_to_chuc'],
      ['kien_nghi_phan_anh', 'kien_nghi_phan_anh'],
      ['kien_nghi_phan_anh', 'quy_dinh_hanh_chinh'],
    ] as const
    for (const date of ['2020-01-01', '2025-06-30', '2025-07-01', '2026-06-30', '2026-07-01', '2030-12-31']) {
      for (const [type, condition] of conditions) {
        const rule = competenceRuleFor(DEFAULT_COMPETENCE_RULES, type, condition, date)
        expect(rule, `${type}/${condition} on ${date}`).not.toBeNull()
        expect(rule?.basis).toMatch(/\S/)
      }
    }
  })

  it('the basis follows the law in force: two-tier from 2025-07-01, Luật 136/2025 from 2026-07-01', () => {
    const on = (date: string) => competenceRuleFor(DEFAULT_COMPETENCE_RULES, 'khieu_nai', 'khieu_nai_lan_hai', date)?.basis
    expect(on('2025-06-30')).not.toMatch(/141\/2025|136\/2025/)
    expect(on('2025-07-01')).toMatch(/Nghị định 141\/2025\/NĐ-CP/)
    expect(on('2026-07-01')).toMatch(/Luật 136\/2025\/QH15/)
  })

  it('overlapping rows: the one with the latest `from` wins', () => {
    const rules: CompetenceRule[] = [
      { contentType: 'khieu_nai', condition: 'khieu_nai_lan_dau', target: 'respondent_agency', from: null, to: null, basis: 'cũ' },
      { contentType: 'khieu_nai', condition: 'khieu_nai_lan_dau', target: 'respondent_parent', from: '2026-01-01', to: null, basis: 'mới' },
    ]
    expect(competenceRuleFor(rules, 'khieu_nai', 'khieu_nai_lan_dau', '2025-12-31')?.basis).toBe('cũ')
    expect(competenceRuleFor(rules, 'khieu_nai', 'khieu_nai_lan_dau', '2026-01-01')?.basis).toBe('mới')
  })

  it('a change of law is a data change: a new row re-routes letters received from its date', () => {
    const rules: CompetenceRule[] = [
      ...DEFAULT_COMPETENCE_RULES,
      { contentType: 'khieu_nai', condition: 'khieu_nai_lan_dau', target: 'respondent_parent', from: '2027-01-01', to: null, basis: 'Luật giả định 2027' },
    ]
    const letter = complaint({ respondent: { agencyCode: 'UBND_XA_SON_TAY' } })
    expect(agencyOf(letter, { rules })).toBe('UBND_XA_SON_TAY')
    const later = competentAgency({ ...letter, receivedAt: '2027-01-04' }, { ...COMPETENCE, rules })
    expect(later).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true, basis: expect.stringContaining('Luật giả định 2027') })
  })

  it('no rule in force → the home agency decides, and says so', () => {
    const result = competentAgency(complaint(), { ...COMPETENCE, rules: [] })
    expect(result).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true, target: null })
    expect(result.basis).toMatch(/Không có quy tắc/)
  })

  it('classify takes the rules as a parameter', () => {
    const rules: CompetenceRule[] = [
      { contentType: 'khieu_nai', condition: 'khieu_nai_lan_dau', target: 'respondent_parent', from: null, to: null, basis: 'thử' },
    ]
    const letter = complaint({ respondent: { agencyCode: 'UBND_XA_SON_TAY' } })
    expect(classify(letter, CTX).outcome).toBe('huong_dan')
    expect(classify(letter, { ...CTX, competenceRules: rules }).outcome).toBe('thu_ly')
  })
})

describe('conditions (docs/classification.md §8)', () => {
  it('reads round, head and private flags', () => {
    expect(competenceCondition(complaint())).toBe('khieu_nai_lan_dau')
    expect(competenceCondition(complaint({ complaintRound: null }))).toBe('khieu_nai_lan_dau')
    expect(competenceCondition(complaint({ complaintRound: 2 }))).toBe('khieu_nai_lan_hai')
    expect(competenceCondition(denunciation())).toBe('to_cao_can_bo')
    expect(competenceCondition(denunciation({ respondent: { agencyCode: 'X', isHead: true } }))).toBe('to_cao_nguoi_dung_dau')
    expect(competenceCondition(denunciation({ respondent: { person: 'Công ty A', private: true, isHead: true } }))).toBe('to_cao_ca_nhan_to_chuc')
    expect(competenceCondition(feedback())).toBe('kien_nghi_phan_anh')
    expect(competenceCondition(feedback({ aboutAdministrativeRegulation: true }))).toBe('quy_dinh_hanh_chinh')
    expect(competenceCondition({ ...feedback(), contentType: 'nhieu_noi_dung' })).toBeNull()
  })
})

describe('§3 complaints', () => {
  it('§3 first complaint against a provincial decision is within competence → thu_ly', () => {
    expect(competentAgency(complaint(), COMPETENCE)).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true, target: 'respondent_agency' })
    expect(classify(complaint(), CTX).outcome).toBe('thu_ly')
  })

  it('§3 first complaint against a commune decision goes to the commune (outside → huong_dan)', () => {
    const letter = complaint({ respondent: { agencyCode: 'UBND_XA_SON_TAY' } })
    expect(competentAgency(letter, COMPETENCE)).toMatchObject({ agencyCode: 'UBND_XA_SON_TAY', withinCompetence: false })
    expect(classify(letter, CTX)).toMatchObject({ competentAgencyCode: 'UBND_XA_SON_TAY', outcome: 'huong_dan', deadlineRule: 'D1' })
  })

  it("§3 second complaint against a commune decision goes to the provincial People's Committee (within competence → thu_ly)", () => {
    const letter = complaint({ complaintRound: 2, respondent: { agencyCode: 'UBND_XA_SON_TAY' }, decision: { knownDate: '2026-02-20' } })
    expect(competentAgency(letter, COMPETENCE)).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true, target: 'respondent_parent' })
    expect(classify(letter, CTX)).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D2', reasons: [] })
  })

  it('§3 second complaint against a department decision goes to the province', () => {
    expect(agencyOf(complaint({ complaintRound: 2, respondent: { agencyCode: 'SO_XD' } }))).toBe('UBND_TINH')
  })

  it('§3 second complaint against a provincial decision goes above the province, to the central agency → huong_dan', () => {
    const letter = complaint({ complaintRound: 2, respondent: { agencyCode: 'UBND_TINH' }, decision: { knownDate: '2026-02-20' } })
    expect(competentAgency(letter, COMPETENCE)).toMatchObject({ agencyCode: 'TTCP', withinCompetence: false })
    expect(classify(letter, CTX).outcome).toBe('huong_dan')
  })

  it('§3 above the province with no central agency configured → home', () => {
    const letter = complaint({ complaintRound: 2, respondent: { agencyCode: 'UBND_TINH' } })
    expect(competentAgency(letter, { ...COMPETENCE, centralAgencyCode: null })).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true })
    expect(competentAgency(letter, { ...COMPETENCE, centralAgencyCode: '' }).agencyCode).toBe('UBND_TINH')
  })

  it('§3 a complaint against a central body itself goes to the configured central agency', () => {
    expect(agencyOf(complaint({ respondent: { agencyCode: 'BTCD_TW' } }))).toBe('TTCP')
  })

  it('§3 a letter of 2025-03 about a district decision routes by the directory in force then', () => {
    const march = complaint({ receivedAt: '2025-03-10', respondent: { agencyCode: 'UBND_HUYEN_SON_TAY' }, decision: { knownDate: '2025-02-20' } })
    expect(competentAgency(march, COMPETENCE)).toMatchObject({ agencyCode: 'UBND_HUYEN_SON_TAY', withinCompetence: false })
    expect(classify(march, CTX).outcome).toBe('huong_dan')
    // second complaint against the district decision: the province, then as now
    expect(agencyOf({ ...march, complaintRound: 2 })).toBe('UBND_TINH')
  })

  it('§3 after 2025-06-30 a dissolved district is replaced by its nearest existing ancestor', () => {
    const august = complaint({ receivedAt: '2025-08-04', respondent: { agencyCode: 'UBND_HUYEN_SON_TAY' }, decision: { knownDate: '2025-07-20' } })
    const result = competentAgency(august, COMPETENCE)
    expect(result).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true })
    expect(result.basis).toMatch(/không còn tồn tại/)
    expect(agencyOf({ ...august, complaintRound: 2 })).toBe('UBND_TINH')
    expect(classify(august, CTX).outcome).toBe('thu_ly')
  })

  it('§3 a department merged on 2025-03-01 is replaced by the province for later letters', () => {
    expect(agencyOf(complaint({ receivedAt: '2025-02-20', respondent: { agencyCode: 'SO_TNMT' } }))).toBe('SO_TNMT')
    expect(agencyOf(complaint({ receivedAt: '2025-03-03', respondent: { agencyCode: 'SO_TNMT' } }))).toBe('UBND_TINH')
  })

  it('§3 a complaint whose respondent agency is missing or unknown falls back to the field rule', () => {
    expect(competentAgency(complaint({ respondent: { person: 'Ông B' } }), COMPETENCE)).toMatchObject({ agencyCode: 'UBND_XA_SON_TAY', target: 'respondent_agency' })
    expect(agencyOf(complaint({ respondent: { agencyCode: 'KHONG_CO' }, field: 'giao_duc' }))).toBe('SO_GDDT')
    expect(agencyOf(complaint({ respondent: null, field: null }))).toBe('UBND_TINH')
  })
})

describe('§3 denunciations', () => {
  it('§3 denunciation of a commune official goes to the commune → chuyen_don', () => {
    expect(agencyOf(denunciation())).toBe('UBND_XA_SON_TAY')
    expect(classify(denunciation(), CTX)).toMatchObject({ outcome: 'chuyen_don', deadlineRule: 'D9' })
  })

  it('§3 denunciation of a commune chairman goes to the province', () => {
    const letter = denunciation({ respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Chủ tịch UBND xã', isHead: true } })
    expect(competentAgency(letter, COMPETENCE)).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true, target: 'respondent_parent' })
    expect(classify(letter, CTX)).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D8' })
  })

  it('§3 denunciation of a department director goes to the province; of a department official to the department', () => {
    expect(agencyOf(denunciation({ respondent: { agencyCode: 'SO_YT', person: 'Giám đốc', isHead: true } }))).toBe('UBND_TINH')
    expect(agencyOf(denunciation({ respondent: { agencyCode: 'SO_YT', person: 'Chuyên viên' } }))).toBe('SO_YT')
  })

  it('§3 denunciation of the provincial chairman goes above the province', () => {
    expect(agencyOf(denunciation({ respondent: { agencyCode: 'UBND_TINH', person: 'Chủ tịch UBND tỉnh', isHead: true } }))).toBe('TTCP')
  })

  it('§3 denunciation of the head of an agency with no parent in the directory goes to the central agency', () => {
    expect(agencyOf(denunciation({ respondent: { agencyCode: 'CONG_AN_TINH', person: 'Giám đốc', isHead: true } }))).toBe('TTCP')
  })

  it('§3 denunciation of a private party routes by field and location', () => {
    const privateParty = (field: string | null, location: string | null) =>
      denunciation({ respondent: { person: 'Công ty TNHH A', private: true }, field, location })
    expect(competentAgency(privateParty('dat_dai', 'XA_SON_TAY'), COMPETENCE)).toMatchObject({ agencyCode: 'UBND_XA_SON_TAY', target: 'field_manager' })
    expect(agencyOf(privateParty('giao_thong', 'XA_SON_TAY'))).toBe('SO_XD')
    expect(agencyOf(privateParty('dat_dai', null))).toBe('SO_NNMT')
    expect(agencyOf(privateParty(null, 'XA_SON_TAY'))).toBe('UBND_TINH')
    expect(agencyOf(privateParty('linh_vuc_la', 'XA_SON_TAY'))).toBe('UBND_TINH')
  })

  it('§3 a denunciation whose respondent agency is missing falls back to the field rule', () => {
    expect(agencyOf(denunciation({ respondent: { person: 'Ông C' }, field: 'y_te' }))).toBe('SO_YT')
  })
})

describe('§3 recommendations and feedback', () => {
  it('§3 feedback on land at xã Sơn Tây goes to UBND_XA_SON_TAY → chuyen_don', () => {
    expect(competentAgency(feedback(), COMPETENCE)).toMatchObject({ agencyCode: 'UBND_XA_SON_TAY', withinCompetence: false, target: 'field_manager' })
    expect(classify(feedback(), CTX)).toMatchObject({ outcome: 'chuyen_don', deadlineRule: 'D1' })
  })

  it('§3 feedback on a provincial field goes to the department holding it', () => {
    expect(agencyOf(feedback({ field: 'giao_duc' }))).toBe('SO_GDDT')
    expect(agencyOf(feedback({ field: 'cong_thuong', location: 'PHUONG_CAM_THANH' }))).toBe('SO_CT')
  })

  it('§3 feedback with no field manager goes to home → thu_ly', () => {
    const letter = feedback({ field: null })
    expect(competentAgency(letter, COMPETENCE)).toMatchObject({ agencyCode: 'UBND_TINH', withinCompetence: true })
    expect(classify(letter, CTX).outcome).toBe('thu_ly')
  })

  it('§3 before the reform, feedback on land went to the district covering the commune; departments by their dates', () => {
    expect(agencyOf(feedback({ receivedAt: '2025-03-10' }))).toBe('UBND_HUYEN_SON_TAY')
    expect(agencyOf(feedback({ receivedAt: '2025-01-10', location: null }))).toBe('SO_TNMT')
    expect(agencyOf(feedback({ receivedAt: '2025-04-10', location: null }))).toBe('SO_NNMT')
    expect(agencyOf(feedback({ receivedAt: '2025-07-01' }))).toBe('UBND_XA_SON_TAY')
  })

  it('§2.1 administrative-regulation feedback goes to the holder of field quy_dinh_hanh_chinh', () => {
    expect(competentAgency(feedback({ aboutAdministrativeRegulation: true }), COMPETENCE)).toMatchObject({
      agencyCode: 'VP_UBND_TINH',
      target: 'field_holder',
    })
    const noHolder = SAMPLE_DIRECTORY.filter((a) => a.code !== 'VP_UBND_TINH')
    expect(agencyOf(feedback({ aboutAdministrativeRegulation: true }), { agencies: noHolder })).toBe('UBND_TINH')
  })
})

describe('defensive reading of the directory and the letter', () => {
  it('a several-content letter has no competent agency', () => {
    expect(competentAgency({ ...feedback(), contentType: 'nhieu_noi_dung' }, COMPETENCE)).toEqual({
      agencyCode: null,
      withinCompetence: false,
      basis: '',
      target: null,
    })
  })

  it('no home agency configured: nothing is within competence', () => {
    const result = competentAgency(feedback({ field: null }), { ...COMPETENCE, homeAgencyCode: null, centralAgencyCode: null })
    expect(result).toMatchObject({ agencyCode: null, withinCompetence: false })
  })

  it('odd shapes do not throw', () => {
    const odd = { ...complaint(), respondent: 'UBND_TINH', field: 42, location: [] } as unknown as Letter
    expect(() => competentAgency(odd, COMPETENCE)).not.toThrow()
    const agencies = [...SAMPLE_DIRECTORY, null, { code: 'X' }] as unknown as Agency[]
    expect(() => competentAgency(feedback(), { ...COMPETENCE, agencies })).not.toThrow()
  })

  it('ctxWith keeps the sample directory', () => {
    expect(classify(complaint(), ctxWith({ centralAgencyCode: null })).competentAgencyCode).toBe('UBND_TINH')
  })
})

describe('field search by epoch', () => {
  it('§3 before the reform, a complaint with no respondent agency falls back to the district covering the area', () => {
    expect(agencyOf(complaint({ receivedAt: '2025-03-10', respondent: { person: 'Ông B' } }))).toBe('UBND_HUYEN_SON_TAY')
    expect(agencyOf(complaint({ receivedAt: '2025-08-04', respondent: { person: 'Ông B' } }))).toBe('UBND_XA_SON_TAY')
  })
})

describe('RULES.md §3: a respondent named in words, not picked from the directory', () => {
  const named = (person: string, agencyCode: string | null = null) => complaint({ respondent: { agencyCode, person } })

  it('the agency whose whole name the description contains is the respondent agency, with a note for the officer', () => {
    const result = competentAgency(named('Chủ tịch UBND phường Cẩm Thành'), COMPETENCE)
    expect(result.agencyCode).toBe('UBND_PHUONG_CAM_THANH')
    expect(result.basis).toContain('nhận ra từ tên ghi trong đơn: Ủy ban nhân dân phường Cẩm Thành; cán bộ kiểm tra lại')
    // typed without diacritics, the longest name wins over a shorter one inside it
    expect(agencyOf(named('giam doc so xay dung'))).toBe('SO_XD')
  })

  it('a pick from the directory wins; nothing named, or nothing definite, falls back as before', () => {
    expect(agencyOf(named('Chủ tịch UBND phường Cẩm Thành', 'UBND_XA_SON_TAY'))).toBe('UBND_XA_SON_TAY')
    const fallback = agencyOf(complaint({ respondent: { agencyCode: null, person: null } }))
    expect(agencyOf(named('ông Nguyễn Văn A'))).toBe(fallback)
    expect(competentAgency(named('ông Nguyễn Văn A'), COMPETENCE).basis).not.toContain('nhận ra từ tên')
  })
})
