import { describe, expect, it } from 'vitest'
import type { Agency } from '../../src/domain/agency.ts'
import { classify, suggestContentType } from '../../src/domain/classify.ts'
import { codesOf, OUTCOMES, type Outcome } from '../../src/domain/codes.ts'
import type { Letter } from '../../src/domain/letter.ts'
import { REASONS, reasonDetail } from '../../src/domain/reasons.ts'
import { DEFAULT_CONVENTIONS } from '../../src/domain/settings.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { anonymousDenunciation, complaint, CTX, ctxWith, denunciation, feedback } from './fixtures/letters.ts'

const c = (letter: Letter, ctx = CTX) => classify(letter, ctx)
const communeComplaint = (extra: Partial<Letter> = {}) => complaint({ respondent: { agencyCode: 'UBND_XA_SON_TAY' }, ...extra })
const DUP = (earlierOutcome: Outcome | null) => ({ letterId: 'L-001', matterId: 'VV-001', earlierOutcome })

describe('§2.1 track gate', () => {
  it('§2.1 administrative-regulation feedback is on its own track', () => {
    const result = c(feedback({ aboutAdministrativeRegulation: true }))
    expect(result).toMatchObject({
      track: 'quy_dinh_hanh_chinh',
      eligible: true,
      reasons: [],
      competentAgencyCode: 'VP_UBND_TINH',
      withinCompetence: false,
      outcome: 'chuyen_don',
      deadlineRule: 'D1',
      dueDate: '2026-03-12',
    })
    expect(result.legalBasis.join(' ')).toMatch(/Nghị định 20\/2008\/NĐ-CP/)
    expect(c(feedback()).track).toBe('don_thu')
  })

  it('§2.1 only content is checked on that track (no sender rules)', () => {
    expect(c(feedback({ aboutAdministrativeRegulation: true, senders: [], writtenDate: null })).eligible).toBe(true)
    const empty = c(feedback({ aboutAdministrativeRegulation: true, summary: '', request: '' }))
    expect(empty).toMatchObject({ eligible: false, reasons: ['thieu_noi_dung_kien_nghi'], outcome: 'luu_don', track: 'quy_dinh_hanh_chinh' })
  })

  it('§2.1 when the holder of quy_dinh_hanh_chinh is home → thu_ly', () => {
    const result = c(feedback({ aboutAdministrativeRegulation: true }), ctxWith({ homeAgencyCode: 'VP_UBND_TINH' }))
    expect(result).toMatchObject({ competentAgencyCode: 'VP_UBND_TINH', withinCompetence: true, outcome: 'thu_ly', deadlineRule: 'D1' })
  })

  it('§2.1 the flag on a complaint or denunciation does not change its track', () => {
    expect(c(complaint({ aboutAdministrativeRegulation: true })).track).toBe('don_thu')
  })
})

describe('§2.3 several contents', () => {
  const several: Letter = {
    ...feedback(),
    contentType: 'nhieu_noi_dung',
    contents: [{ contentType: 'khieu_nai', summary: 'a' }, { contentType: 'to_cao', summary: 'b' }],
  }

  it('§2.3 a letter with several contents → tach_don, no competent agency, D1', () => {
    expect(c(several)).toMatchObject({
      contentType: 'nhieu_noi_dung',
      eligible: false,
      reasons: ['nhieu_noi_dung'],
      outcome: 'tach_don',
      competentAgencyCode: null,
      withinCompetence: false,
      deadlineRule: 'D1',
      dueDate: '2026-03-12',
    })
  })

  it('§2.3 CONV switched off: handled as one letter of its first content', () => {
    const off = ctxWith({ conventions: { ...DEFAULT_CONVENTIONS, severalContentsIneligible: false } })
    const result = c({ ...several, summary: 's', request: 'r', respondent: { agencyCode: 'UBND_TINH' } }, off)
    expect(result).toMatchObject({ contentType: 'khieu_nai', outcome: 'thu_ly' })
    // no usable content listed: still split
    expect(c({ ...several, contents: null }, off).outcome).toBe('tach_don')
  })
})

describe('§2.4–2.6 letters that are not eligible → luu_don', () => {
  it('TT05-9 unsigned letter is ineligible (thieu_chu_ky)', () => {
    const result = c(communeComplaint({ senders: [{ name: 'An', address: 'Thôn 3', signed: false }] }))
    expect(result).toMatchObject({ eligible: false, reasons: ['thieu_chu_ky'], outcome: 'luu_don', deadlineRule: 'D1' })
    // the competent agency is still reported, it helps the officer
    expect(result).toMatchObject({ competentAgencyCode: 'UBND_XA_SON_TAY', withinCompetence: false })
    expect(result.reasonDetails).toEqual([reasonDetail('thieu_chu_ky')])
    expect(result.legalBasis).toContain(REASONS.thieu_chu_ky.basis)
  })

  it('§7 an ineligible letter within competence is still filed (luu_don)', () => {
    expect(c(complaint({ writtenDate: null }))).toMatchObject({ withinCompetence: true, outcome: 'luu_don', reasons: ['thieu_ngay_viet_don'] })
  })

  it('TT05-9.6 anonymous denunciation without evidence → luu_don (nac_danh)', () => {
    expect(c(anonymousDenunciation({ hasEvidence: false }))).toMatchObject({ reasons: ['nac_danh'], outcome: 'luu_don', signerGroup: 'khac' })
  })

  it('TT05-22 complaint already finally decided → luu_don (da_co_quyet_dinh_co_hieu_luc)', () => {
    expect(c(complaint({ priorResolution: { round: 1, effective: true } }))).toMatchObject({
      eligible: false,
      reasons: ['da_co_quyet_dinh_co_hieu_luc'],
      outcome: 'luu_don',
    })
  })

  it('TT05-22 denunciation already concluded → luu_don (da_co_ket_luan_to_cao)', () => {
    expect(c(denunciation({ concluded: true }))).toMatchObject({ reasons: ['da_co_ket_luan_to_cao'], outcome: 'luu_don' })
  })

  it('TT05-15 complaint already guided once → da_huong_dan, luu_don', () => {
    const result = c(communeComplaint(), { ...CTX, duplicate: DUP('huong_dan') })
    expect(result).toMatchObject({
      eligible: false,
      reasons: ['da_huong_dan'],
      outcome: 'luu_don',
      duplicateOf: 'L-001',
      matterId: 'VV-001',
      competentAgencyCode: 'UBND_XA_SON_TAY',
    })
  })

  it('TT05-17 denunciation already forwarded once → da_chuyen_don, luu_don', () => {
    expect(c(denunciation(), { ...CTX, duplicate: DUP('chuyen_don') })).toMatchObject({ reasons: ['da_chuyen_don'], outcome: 'luu_don' })
  })

  it('§4 a duplicate with another earlier outcome is reported but changes nothing', () => {
    expect(c(complaint(), { ...CTX, duplicate: DUP('thu_ly') })).toMatchObject({ outcome: 'thu_ly', duplicateOf: 'L-001', matterId: 'VV-001' })
    expect(c(complaint())).toMatchObject({ duplicateOf: null, matterId: null })
  })
})

describe('§9 eligible letters within competence', () => {
  it('TT05-14 complaint within competence → thu_ly with D2', () => {
    const result = c(complaint())
    expect(result).toMatchObject({ eligible: true, reasons: [], reasonDetails: [], outcome: 'thu_ly', deadlineRule: 'D2', dueDate: '2026-03-12' })
    expect(result.legalBasis).toEqual(
      expect.arrayContaining([
        'Điểm a khoản 2 Điều 6 Thông tư 05/2021/TT-TTCP; Điều 8 Luật Khiếu nại 2011',
        expect.stringContaining('Điều 17 – 21 Luật Khiếu nại 2011'),
        expect.stringContaining('(D2): Điều 27 Luật Khiếu nại 2011'),
      ]),
    )
  })

  it('KN-Art.11 complaint received 91 days after knowing the decision is excluded (het_thoi_hieu) → khong_thu_ly', () => {
    const result = c(complaint({ decision: { knownDate: '2026-01-07' }, receivedAt: '2026-04-08' }))
    expect(result).toMatchObject({ eligible: true, reasons: ['het_thoi_hieu'], outcome: 'khong_thu_ly', deadlineRule: 'D2' })
    expect(result.reasonDetails[0]?.message).toMatch(/07\/04\/2026/)
    expect(result.legalBasis.join(' ')).toMatch(/Khoản 6 Điều 11/)
    expect(c(complaint({ decision: { knownDate: '2026-01-07' }, receivedAt: '2026-04-07' })).outcome).toBe('thu_ly')
  })

  it.each([
    ['da_giai_quyet_lan_hai', { priorResolution: { round: 2 } }],
    ['toa_an_da_thu_ly', { courtAccepted: true }],
    ['khong_lien_quan_truc_tiep', { notDirectlyConcerned: true }],
    ['khong_co_nang_luc_hanh_vi', { lacksCapacity: true }],
    ['dai_dien_khong_hop_phap', { invalidRepresentative: true }],
    ['dinh_chi_khong_tiep_tuc', { withdrawnBefore: true }],
    ['quyet_dinh_noi_bo', { internalDecision: true }],
  ] as const)('KN-Art.11 %s → khong_thu_ly, still eligible', (code, extra) => {
    const result = c(complaint(extra as Partial<Letter>))
    expect(result).toMatchObject({ eligible: true, reasons: [code], outcome: 'khong_thu_ly' })
    expect(result.reasonDetails[0]).toMatchObject({ code, basis: expect.stringContaining('Điều 11 Luật Khiếu nại 2011') })
  })

  it('KN-Art.11 exclusions are only checked within competence', () => {
    expect(c(communeComplaint({ courtAccepted: true }))).toMatchObject({ outcome: 'huong_dan', reasons: [] })
  })

  it('TT05-16 named denunciation within competence → thu_ly with D8', () => {
    const letter = denunciation({ respondent: { agencyCode: 'SO_XD', person: 'Giám đốc Sở', isHead: true } })
    expect(c(letter)).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D8', dueDate: '2026-03-11', signerGroup: 'mot_nguoi' })
  })

  it('TC-4 initial processing that needs verification in several places: D8 extended to 10 working days; not for a complaint', () => {
    const letter = denunciation({ respondent: { agencyCode: 'SO_XD', person: 'Giám đốc Sở', isHead: true }, verificationExtended: true })
    // 7 working days end on 11/3; 3 more: 12, 13, 16/3
    expect(c(letter)).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D8', dueDate: '2026-03-16' })
    expect(c(communeComplaint({ verificationExtended: true })).dueDate).toBe(c(communeComplaint({})).dueDate)
  })

  it('TT05-9.6 anonymous denunciation with named violator, act and evidence is eligible → kiem_tra', () => {
    const letter = anonymousDenunciation({ respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Chủ tịch xã', isHead: true } })
    const result = c(letter)
    expect(result).toMatchObject({ eligible: true, reasons: [], outcome: 'kiem_tra', deadlineRule: 'D8', signerGroup: 'khac', withinCompetence: true })
    expect(result.legalBasis.join(' ')).toMatch(/Khoản 2 Điều 25 Luật Tố cáo 2018/)
  })

  it('TC-9 impersonated denunciation with evidence within competence → kiem_tra', () => {
    const letter = denunciation({ impersonated: true, respondent: { agencyCode: 'SO_YT', person: 'Giám đốc', isHead: true } })
    expect(c(letter)).toMatchObject({ outcome: 'kiem_tra', signerGroup: 'khac' })
  })

  it('TT05-20 feedback within competence → thu_ly with D1', () => {
    expect(c(feedback({ field: null }))).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D1', withinCompetence: true })
  })
})

describe('§9 eligible letters outside competence', () => {
  it('TT05-15 complaint outside competence → huong_dan', () => {
    expect(c(communeComplaint())).toMatchObject({ outcome: 'huong_dan', eligible: true, reasons: [], deadlineRule: 'D1', dueDate: '2026-03-12' })
  })

  it('TT05-17 denunciation outside competence → chuyen_don with D9 (5 working days)', () => {
    const result = c(denunciation())
    expect(result).toMatchObject({ outcome: 'chuyen_don', deadlineRule: 'D9', dueDate: '2026-03-09' })
    expect(result.legalBasis.join(' ')).toMatch(/Điều 56 Luật Tố cáo 2018/)
  })

  it('TC-9 anonymous denunciation outside competence → chuyen_don', () => {
    expect(c(anonymousDenunciation())).toMatchObject({ outcome: 'chuyen_don', eligible: true, deadlineRule: 'D9' })
  })

  it('TT05-20 feedback outside competence → chuyen_don', () => {
    expect(c(feedback({ field: 'y_te' }))).toMatchObject({ outcome: 'chuyen_don', competentAgencyCode: 'SO_YT' })
  })
})

describe('TT05-14b / TT05-18 đôn đốc', () => {
  const pending = (since: string, agencyCode = 'UBND_XA_SON_TAY') => ({ pendingAt: { agencyCode, since } })

  it("TT05-14b đôn đốc when the subordinate's deadline passed", () => {
    // D3: 2026-01-05 + 30 days = 2026-02-04, before receipt on 2026-03-02
    const result = c(communeComplaint(pending('2026-01-05')))
    expect(result).toMatchObject({ outcome: 'don_doc', eligible: true, reasons: [], withinCompetence: false, deadlineRule: 'D1' })
    expect(result.legalBasis.join(' ')).toMatch(/đôn đốc/)
  })

  it('TT05-14b no đôn đốc while the deadline runs, nor on its last day', () => {
    expect(c(communeComplaint(pending('2026-02-10'))).outcome).toBe('huong_dan')
    // 2026-01-31 + 30 days = 2026-03-02 = the day of receipt: not yet passed
    expect(c(communeComplaint(pending('2026-01-31'))).outcome).toBe('huong_dan')
    // 2026-01-30 + 30 days = Sunday 2026-03-01, which moves to Monday 2026-03-02 (BLDS Art. 148)
    expect(c(communeComplaint(pending('2026-01-30'))).outcome).toBe('huong_dan')
    expect(c(communeComplaint(pending('2026-01-28'))).outcome).toBe('don_doc')
  })

  it('TT05-14b complex case in a remote area: D3 is 60 days', () => {
    const letter = (receivedAt: string) => communeComplaint({ ...pending('2026-01-05'), complex: true, remoteArea: true, receivedAt })
    expect(c(letter('2026-03-06')).outcome).toBe('huong_dan') // due 2026-03-06
    expect(c(letter('2026-03-09')).outcome).toBe('don_doc')
  })

  it('TT05-18 đôn đốc a denunciation after D11 (30 days)', () => {
    expect(c(denunciation(pending('2026-01-05'))).outcome).toBe('don_doc')
    expect(c(denunciation(pending('2026-02-10'))).outcome).toBe('chuyen_don')
  })

  it('đôn đốc feedback after D1 (10 days)', () => {
    expect(c(feedback(pending('2026-02-10'))).outcome).toBe('don_doc')
    expect(c(feedback(pending('2026-02-25'))).outcome).toBe('chuyen_don')
  })

  it('no đôn đốc when the matter sits elsewhere than the competent agency', () => {
    expect(c(communeComplaint(pending('2026-01-05', 'UBND_XA_DAK_HA'))).outcome).toBe('huong_dan')
  })

  it('no đôn đốc when the competent agency is not a direct subordinate of home', () => {
    const agencies: Agency[] = [
      ...SAMPLE_DIRECTORY,
      { code: 'CHI_CUC_TS', name: 'Chi cục Thủy sản', level: 'tinh', kind: 'khac', parentCode: 'SO_NNMT', fields: ['thuy_san'], areaCodes: [] },
    ]
    const letter = feedback({ field: 'thuy_san', ...pending('2026-01-05', 'CHI_CUC_TS') })
    expect(c(letter, { ...CTX, agencies })).toMatchObject({ competentAgencyCode: 'CHI_CUC_TS', outcome: 'chuyen_don' })
    // above the province: TTCP is no subordinate
    const second = complaint({ complaintRound: 2, decision: { knownDate: '2026-02-20' }, ...pending('2025-01-01', 'TTCP') })
    expect(c(second).outcome).toBe('huong_dan')
  })

  it('đôn đốc needs a usable date', () => {
    expect(c(communeComplaint(pending('sớm'))).outcome).toBe('huong_dan')
  })
})

describe('§5 due dates', () => {
  it('§5 due date D2 before/after 2026-07-01', () => {
    const before = c(complaint({ receivedAt: '2026-06-26', decision: { knownDate: '2026-06-01' } }))
    expect(before).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D2', dueDate: '2026-07-06' })
    expect(before.legalBasis.join(' ')).toMatch(/Điều 27 Luật Khiếu nại 2011/)
    const after = c(complaint({ receivedAt: '2026-07-03', decision: { knownDate: '2026-06-01' } }))
    expect(after).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D2', dueDate: '2026-07-14' }) // 7 working days
    expect(after.legalBasis.join(' ')).toMatch(/Nghị định 155\/2026\/NĐ-CP/)
  })

  it('§5 D2 also applies to khong_thu_ly', () => {
    expect(c(complaint({ courtAccepted: true })).deadlineRule).toBe('D2')
  })

  it('§5 D9 skips the Tết holidays', () => {
    expect(c(denunciation({ receivedAt: '2026-02-13' })).dueDate).toBe('2026-02-27')
  })

  it('§5 D1 ending on a holiday moves to the next working day', () => {
    expect(c(feedback({ receivedAt: '2026-04-20' }))).toMatchObject({ deadlineRule: 'D1', dueDate: '2026-05-04' })
  })

  it('§10 CONV periodEndsOnWorkingDay switched off: the period ends on the bare calendar date', () => {
    const off = ctxWith({ conventions: { ...DEFAULT_CONVENTIONS, periodEndsOnWorkingDay: false } })
    expect(c(feedback({ receivedAt: '2026-04-20' }), off).dueDate).toBe('2026-04-30')
  })

  it('§5 filed letters (luu_don) get the D1 handling date', () => {
    expect(c(complaint({ writtenDate: null }))).toMatchObject({ outcome: 'luu_don', deadlineRule: 'D1', dueDate: '2026-03-12' })
  })
})

describe('codes of RULES.md', () => {
  it('every reason code of RULES.md has a Vietnamese message and a legal basis', () => {
    const rulesCodes = [
      'khong_tieng_viet', 'thieu_ngay_viet_don', 'thieu_ho_ten_dia_chi', 'thieu_chu_ky', 'thieu_noi_dung_khieu_nai',
      'thieu_noi_dung_to_cao', 'thieu_noi_dung_kien_nghi', 'khong_doc_duoc', 'noi_dung_xuc_pham', 'nac_danh', 'mao_danh',
      'nhieu_noi_dung', 'da_co_quyet_dinh_co_hieu_luc', 'da_co_ket_luan_to_cao', 'da_huong_dan', 'da_chuyen_don',
      'het_thoi_hieu', 'da_giai_quyet_lan_hai', 'toa_an_da_thu_ly', 'khong_lien_quan_truc_tiep', 'khong_co_nang_luc_hanh_vi',
      'dai_dien_khong_hop_phap', 'dinh_chi_khong_tiep_tuc', 'quyet_dinh_noi_bo',
    ]
    expect(Object.keys(REASONS).sort()).toEqual([...rulesCodes].sort())
    for (const code of rulesCodes) {
      const detail = reasonDetail(code)
      expect(detail.message, code).toMatch(/[àáảãạăâđêôơưíìóòúùýế]/i)
      expect(detail.basis, code).toMatch(/(Thông tư|Luật|Nghị định)/)
    }
  })

  it('every outcome of RULES.md is reached by some letter', () => {
    const examples: Record<Outcome, Letter> = {
      thu_ly: complaint(),
      khong_thu_ly: complaint({ courtAccepted: true }),
      kiem_tra: anonymousDenunciation({ respondent: { agencyCode: 'SO_YT', person: 'Giám đốc', isHead: true } }),
      huong_dan: communeComplaint(),
      chuyen_don: denunciation(),
      don_doc: communeComplaint({ pendingAt: { agencyCode: 'UBND_XA_SON_TAY', since: '2026-01-05' } }),
      tach_don: { ...feedback(), contentType: 'nhieu_noi_dung' },
      luu_don: complaint({ senders: [] }),
    }
    for (const outcome of codesOf(OUTCOMES)) expect(c(examples[outcome]).outcome, outcome).toBe(outcome)
  })
})

describe('robustness', () => {
  it('the minimal letter the schema accepts is classified', () => {
    const result = c({ receivedAt: '2026-03-02', channel: 'truc_tuyen', contentType: 'to_cao' })
    expect(result).toMatchObject({ eligible: false, reasons: ['nac_danh'], outcome: 'luu_don', signerGroup: 'khac', dueDate: '2026-03-12' })
  })

  it('odd values and unknown fields do not throw', () => {
    const odd = {
      receivedAt: '2026-03-02',
      channel: 'buu_chinh',
      contentType: 'khieu_nai',
      senders: [null, 'An', 42, { name: 7, address: ['x'], signed: 'yes' }],
      respondent: [],
      decision: 'hôm qua',
      priorResolution: 3,
      pendingAt: { agencyCode: null, since: 12 },
      contents: 'nhiều',
      extra: { anything: true },
    } as unknown as Letter
    expect(() => c(odd)).not.toThrow()
    // the one object sender has no (string) name: no name and address; nobody named left unsigned
    expect(c(odd).reasons).toEqual(['thieu_ngay_viet_don', 'thieu_ho_ten_dia_chi', 'thieu_noi_dung_khieu_nai'])
  })

  it('a malformed receipt date gives no due date rather than an error', () => {
    const result = c(complaint({ receivedAt: '02/03/2026' }))
    expect(result.dueDate).toBe('')
    expect(result).toMatchObject({ outcome: 'thu_ly', deadlineRule: 'D2' })
  })

  it('malformed settings lists are ignored', () => {
    expect(() => c(complaint(), ctxWith({ holidays: ['x', '2026-13-01'] }))).not.toThrow()
  })
})

describe('RULES §2.2 suggestContentType', () => {
  it('suggests khieu_nai from complaint phrases', () => {
    const s = suggestContentType('Tôi làm đơn này đề nghị hủy Quyết định số 12/QĐ-UBND vì quyết định thu hồi đất không đúng quy định.')
    expect(s.contentType).toBe('khieu_nai')
    expect(s.cues).toEqual(expect.arrayContaining(['đề nghị hủy quyết định', 'quyết định … không đúng']))
    expect(s.confidence).toBeGreaterThan(0.5)
  })

  it('suggests to_cao from denunciation phrases, diacritics or not', () => {
    expect(suggestContentType('Ông B nhận hối lộ khi cấp sổ đỏ').contentType).toBe('to_cao')
    for (const text of ['Cán bộ địa chính nhận tiền hối lộ của dân', 'Ông C đòi hối lộ mới giải quyết hồ sơ', 'ong D dua hoi lo']) expect(suggestContentType(text), text).toMatchObject({ contentType: 'to_cao', cues: ['hối lộ'] })
    expect(suggestContentType('TO CAO can bo xa THAM NHUNG').contentType).toBe('to_cao')
    expect(suggestContentType('Cán bộ có nhiều sai phạm, vi phạm pháp luật').cues).toEqual(['sai phạm', 'vi phạm pháp luật'])
  })

  it('suggests kien_nghi_phan_anh from feedback phrases', () => {
    expect(suggestContentType('Phản ánh đường liên thôn xuống cấp, đề nghị sửa chữa').contentType).toBe('kien_nghi_phan_anh')
    expect(suggestContentType('Tôi có đề xuất về giờ làm việc').contentType).toBe('kien_nghi_phan_anh')
  })

  it('several strong kinds → nhieu_noi_dung', () => {
    const s = suggestContentType('Tôi khiếu nại quyết định thu hồi đất và tố cáo chủ tịch xã tham nhũng.')
    expect(s.contentType).toBe('nhieu_noi_dung')
    expect(s.scores.khieu_nai).toBeGreaterThanOrEqual(3)
    expect(s.scores.to_cao).toBeGreaterThanOrEqual(3)
  })

  it('no cue → no suggestion', () => {
    expect(suggestContentType('Xin chào')).toEqual({ contentType: null, confidence: 0, cues: [], scores: { khieu_nai: 0, to_cao: 0, kien_nghi_phan_anh: 0 } })
    expect(suggestContentType(null).contentType).toBeNull()
  })

  it('does not match inside other words', () => {
    // "đề xuất" is a cue; "xuất khẩu" alone is not
    expect(suggestContentType('xuất khẩu gạo').contentType).toBeNull()
  })
})
