import { describe, expect, it } from 'vitest'
import { workingCalendar } from '../../src/domain/calendar.ts'
import { DEFAULT_DEADLINES } from '../../src/domain/deadline-table.ts'
import {
  anonymity,
  complaintExclusions,
  complaintTimeLimit,
  eligibilityReasons,
  onceOnlyReasons,
  signerGroup,
} from '../../src/domain/eligibility.ts'
import type { Letter } from '../../src/domain/letter.ts'
import { DEFAULT_CONVENTIONS, type Conventions } from '../../src/domain/settings.ts'
import { SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS } from '../../src/sample/directory.ts'
import { anonymousDenunciation, complaint, denunciation, feedback } from './fixtures/letters.ts'

const reasons = (letter: Letter, conventions: Partial<Conventions> = {}) => eligibilityReasons(letter, { ...DEFAULT_CONVENTIONS, ...conventions })
const EXCLUSION_CTX = {
  deadlines: DEFAULT_DEADLINES,
  calendar: workingCalendar({ holidays: SAMPLE_HOLIDAYS, extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS }),
}
const exclusions = (letter: Letter) => complaintExclusions(letter, EXCLUSION_CTX)

describe('TT05-9 eligibility (docs/classification.md §4)', () => {
  it('the base letters are eligible', () => {
    for (const letter of [complaint(), denunciation(), feedback(), anonymousDenunciation()]) expect(reasons(letter)).toEqual([])
  })

  it('TT05-9.1 a letter in another language without notarised translation is ineligible (khong_tieng_viet)', () => {
    expect(reasons(complaint({ language: 'en' }))).toEqual(['khong_tieng_viet'])
    expect(reasons(complaint({ language: 'fr', notarizedTranslation: true }))).toEqual([])
    expect(reasons(complaint({ language: 'vi-VN' }))).toEqual([])
    expect(reasons(complaint({ language: 'VI' }))).toEqual([])
    expect(reasons(complaint({ language: null }))).toEqual([])
    expect(reasons(complaint({ language: '  ' }))).toEqual([])
  })

  it('TT05-9.2 a letter without a date of writing is ineligible (thieu_ngay_viet_don)', () => {
    expect(reasons(complaint({ writtenDate: null }))).toEqual(['thieu_ngay_viet_don'])
    expect(reasons(complaint({ writtenDate: '' }))).toEqual(['thieu_ngay_viet_don'])
  })

  it('TT05-9.2 CONV on online channels and the hotline the date of receipt is the date of writing', () => {
    for (const channel of ['truc_tuyen', 'cong_dvc_quoc_gia', 'duong_day_nong'] as const) {
      expect(reasons(complaint({ writtenDate: null, channel }))).toEqual([])
      expect(reasons(complaint({ writtenDate: null, channel }), { electronicReceiptDateIsWrittenDate: false })).toEqual(['thieu_ngay_viet_don'])
    }
    expect(reasons(complaint({ writtenDate: null, channel: 'hop_thu' }))).toEqual(['thieu_ngay_viet_don'])
  })

  it('TT05-9.2 a letter with no sender having both name and address is ineligible (thieu_ho_ten_dia_chi)', () => {
    expect(reasons(complaint({ senders: [{ name: 'An', phone: '09', signed: true }] }))).toEqual(['thieu_ho_ten_dia_chi'])
    expect(reasons(complaint({ senders: [{ name: 'An', signed: true }, { name: 'Bình', address: 'Thôn 1', signed: true }] }))).toEqual([])
  })

  it('TT05-9 unsigned letter is ineligible (thieu_chu_ky)', () => {
    expect(reasons(complaint({ senders: [{ name: 'An', address: 'Thôn 3', signed: false }] }))).toEqual(['thieu_chu_ky'])
    // only signed: true counts as signed
    expect(reasons(complaint({ senders: [{ name: 'An', address: 'Thôn 3' }] }))).toEqual(['thieu_chu_ky'])
    // one named co-signer who did not sign is enough to fail
    expect(reasons(complaint({ senders: [{ name: 'An', address: 'Thôn 3', signed: true }, { name: 'Bình', signed: false }] }))).toEqual(['thieu_chu_ky'])
    // an unnamed entry is not a signer
    expect(reasons(complaint({ senders: [{ name: 'An', address: 'Thôn 3', signed: true }, { phone: '09', signed: false }] }))).toEqual([])
  })

  it('TT05-9 a letter with no sender at all lacks name, address and signature', () => {
    expect(reasons(complaint({ senders: [] }))).toEqual(['thieu_ho_ten_dia_chi', 'thieu_chu_ky'])
    expect(reasons(feedback({ senders: null }))).toEqual(['thieu_ho_ten_dia_chi', 'thieu_chu_ky'])
  })

  it('TT05-9.3 a complaint without respondent, content or request is ineligible (thieu_noi_dung_khieu_nai)', () => {
    expect(reasons(complaint({ respondent: null }))).toEqual(['thieu_noi_dung_khieu_nai'])
    expect(reasons(complaint({ respondent: { person: 'Ông B' } }))).toEqual([])
    expect(reasons(complaint({ summary: '' }))).toEqual(['thieu_noi_dung_khieu_nai'])
    expect(reasons(complaint({ request: null }))).toEqual(['thieu_noi_dung_khieu_nai'])
  })

  it('TT05-9.4 a denunciation without the accused, the act or a contact is ineligible (thieu_noi_dung_to_cao)', () => {
    expect(reasons(denunciation({ respondent: { agencyCode: '', person: ' ' } }))).toEqual(['thieu_noi_dung_to_cao'])
    expect(reasons(denunciation({ act: null, summary: null }))).toEqual(['thieu_noi_dung_to_cao'])
    expect(reasons(denunciation({ act: null }))).toEqual([]) // the summary states the act
    expect(reasons(denunciation({ senders: [{ name: 'An', address: 'Thôn 3', signed: true }] }))).toEqual([]) // address is a contact
  })

  it('TT05-9.4 a denunciation with no way to contact the denouncer is ineligible', () => {
    // name without address fails the identity rule and the contact rule
    expect(reasons(denunciation({ senders: [{ name: 'An', signed: true }] }))).toEqual(['thieu_ho_ten_dia_chi', 'thieu_noi_dung_to_cao'])
  })

  it('TT05-9.5 a recommendation with empty content is ineligible (thieu_noi_dung_kien_nghi)', () => {
    expect(reasons(feedback({ summary: '', request: null }))).toEqual(['thieu_noi_dung_kien_nghi'])
    expect(reasons(feedback({ summary: null, request: 'Đề nghị sửa đường.' }))).toEqual([])
  })

  it('CONV a torn or illegible letter is ineligible (khong_doc_duoc), unless switched off', () => {
    expect(reasons(feedback({ illegible: true }))).toEqual(['khong_doc_duoc'])
    expect(reasons(feedback({ illegible: true }), { illegibleIneligible: false })).toEqual([])
  })

  it('CONV an abusive letter is ineligible (noi_dung_xuc_pham), unless switched off', () => {
    expect(reasons(feedback({ abusive: true }))).toEqual(['noi_dung_xuc_pham'])
    expect(reasons(feedback({ abusive: true }), { abusiveIneligible: false })).toEqual([])
  })

  it('records every failing reason, in the order of the table', () => {
    const letter: Letter = {
      receivedAt: '2026-03-02',
      channel: 'buu_chinh',
      contentType: 'khieu_nai',
      language: 'zh',
      senders: [{ name: 'An', signed: false }],
      illegible: true,
      abusive: true,
      priorResolution: { effective: true },
    }
    expect(reasons(letter)).toEqual([
      'khong_tieng_viet',
      'thieu_ngay_viet_don',
      'thieu_ho_ten_dia_chi',
      'thieu_chu_ky',
      'thieu_noi_dung_khieu_nai',
      'khong_doc_duoc',
      'noi_dung_xuc_pham',
      'da_co_quyet_dinh_co_hieu_luc',
    ])
  })

  it('§2.3 several contents → nhieu_noi_dung alone', () => {
    const letter: Letter = { receivedAt: '2026-03-02', channel: 'buu_chinh', contentType: 'nhieu_noi_dung', language: 'en' }
    expect(reasons(letter)).toEqual(['nhieu_noi_dung'])
  })
})

describe('TT05-9.6 anonymous and impersonated denunciations', () => {
  it('TT05-9.6 anonymous denunciation with named violator, act and evidence is eligible', () => {
    expect(anonymity(anonymousDenunciation())).toBe('nac_danh')
    expect(reasons(anonymousDenunciation())).toEqual([])
    // the sender rules (date, name, address, signature, contact) are not applied
    expect(reasons(anonymousDenunciation({ senders: [{ phone: '09' }], writtenDate: null }))).toEqual([])
  })

  it('TT05-9.6 anonymous denunciation without evidence is ineligible (nac_danh)', () => {
    expect(reasons(anonymousDenunciation({ hasEvidence: false }))).toEqual(['nac_danh'])
    expect(reasons(anonymousDenunciation({ respondent: null }))).toEqual(['nac_danh'])
    expect(reasons(anonymousDenunciation({ act: '', summary: '' }))).toEqual(['nac_danh'])
  })

  it('TT05-9.6 impersonated denunciation (mao_danh): same exception, own reason', () => {
    const impersonated = denunciation({ impersonated: true })
    expect(anonymity(impersonated)).toBe('mao_danh')
    expect(reasons(impersonated)).toEqual([])
    expect(reasons(denunciation({ impersonated: true, hasEvidence: false }))).toEqual(['mao_danh'])
  })

  it('TT05-9.6 language, legibility and abuse still apply to anonymous letters', () => {
    expect(reasons(anonymousDenunciation({ hasEvidence: false, language: 'en', illegible: true, abusive: true }))).toEqual([
      'khong_tieng_viet',
      'nac_danh',
      'khong_doc_duoc',
      'noi_dung_xuc_pham',
    ])
    expect(reasons(anonymousDenunciation({ language: 'en' }))).toEqual(['khong_tieng_viet'])
  })

  it('TT05-9.6 an anonymous letter of another type simply lacks its sender', () => {
    expect(reasons(complaint({ senders: [] }))).toEqual(['thieu_ho_ten_dia_chi', 'thieu_chu_ky'])
    expect(reasons(feedback({ senders: [{ address: 'Thôn 3', signed: true }] }))).toEqual(['thieu_ho_ten_dia_chi'])
  })
})

describe('TT05-22 already decided (docs/classification.md §5)', () => {
  it('TT05-22b complaint with a legally effective resolution decision (da_co_quyet_dinh_co_hieu_luc)', () => {
    expect(reasons(complaint({ priorResolution: { round: 1, effective: true } }))).toEqual(['da_co_quyet_dinh_co_hieu_luc'])
    expect(reasons(complaint({ priorResolution: { round: 1, effective: false } }))).toEqual([])
    expect(reasons(complaint({ priorResolution: { effective: true } }), { alreadyDecidedIneligible: false })).toEqual([])
  })

  it('TT05-22c denunciation already concluded without new evidence (da_co_ket_luan_to_cao)', () => {
    expect(reasons(denunciation({ concluded: true }))).toEqual(['da_co_ket_luan_to_cao'])
    expect(reasons(denunciation({ concluded: true, newEvidence: true }))).toEqual([])
    expect(reasons(denunciation({ concluded: true }), { alreadyDecidedIneligible: false })).toEqual([])
  })
})

describe('TT05-15 / TT05-17 once only (docs/classification.md §6)', () => {
  const once = (letter: Letter, earlierOutcome: string | null, conventions: Partial<Conventions> = {}, earlierOutcomes?: string[]) =>
    onceOnlyReasons(
      letter,
      { letterId: 'L1', matterId: 'M1', earlierOutcome: earlierOutcome as never, earlierOutcomes: earlierOutcomes as never },
      { ...DEFAULT_CONVENTIONS, ...conventions },
    )

  it('TT05-15 complaint already guided once → da_huong_dan', () => {
    expect(once(complaint(), 'huong_dan')).toEqual(['da_huong_dan'])
    expect(once(complaint(), 'thu_ly')).toEqual([])
    expect(once(complaint(), 'luu_don', {}, ['luu_don', 'huong_dan'])).toEqual(['da_huong_dan'])
    expect(once(complaint(), 'huong_dan', { onceOnlyIneligible: false })).toEqual([])
  })

  it('TT05-17 denunciation already forwarded once → da_chuyen_don', () => {
    expect(once(denunciation(), 'chuyen_don')).toEqual(['da_chuyen_don'])
    expect(once(denunciation(), 'huong_dan')).toEqual([])
    expect(once(feedback(), 'chuyen_don')).toEqual([])
  })

  it('no duplicate → nothing', () => {
    expect(onceOnlyReasons(complaint(), null, DEFAULT_CONVENTIONS)).toEqual([])
    expect(onceOnlyReasons(complaint(), undefined, DEFAULT_CONVENTIONS)).toEqual([])
  })
})

describe('§3 signer group', () => {
  it('nhieu_nguoi with ≥ 2 named senders, mot_nguoi with one, khac with none or impersonated', () => {
    expect(signerGroup(complaint({ senders: [{ name: 'An' }, { name: 'Bình' }, { phone: '09' }] }))).toBe('nhieu_nguoi')
    expect(signerGroup(complaint({ senders: [{ name: 'An' }, { name: '  ' }] }))).toBe('mot_nguoi')
    expect(signerGroup(complaint({ senders: [] }))).toBe('khac')
    expect(signerGroup(complaint({ senders: null }))).toBe('khac')
    expect(signerGroup(denunciation({ impersonated: true }))).toBe('khac')
  })
})

describe('KN-Art.11 complaint exclusions (docs/classification.md §9)', () => {
  // 2026-01-07 + 90 days = 2026-04-07, a Tuesday: the last day to complain
  const known = (knownDate: string | null, receivedAt: string, extra: Partial<Letter> = {}) =>
    complaint({ decision: { knownDate, date: '2026-01-05' }, receivedAt, ...extra })

  it('KN-Art.11 complaint received 90 days after knowing the decision is in time', () => {
    expect(exclusions(known('2026-01-07', '2026-04-07'))).toEqual([])
    expect(complaintTimeLimit(known('2026-01-07', '2026-04-07'), EXCLUSION_CTX)?.lastDay).toBe('2026-04-07')
  })

  it('KN-Art.11 complaint received 91 days after knowing the decision is excluded (het_thoi_hieu)', () => {
    expect(exclusions(known('2026-01-07', '2026-04-08'))).toEqual(['het_thoi_hieu'])
  })

  it('KN-Art.9 a good reason for the delay waives het_thoi_hieu', () => {
    expect(exclusions(known('2026-01-07', '2026-04-08', { goodReasonForDelay: true }))).toEqual([])
  })

  it('KN-Art.9 without knownDate the decision date counts; without any date the limit is not checked', () => {
    expect(exclusions(complaint({ decision: { date: '2026-01-07' }, receivedAt: '2026-04-08' }))).toEqual(['het_thoi_hieu'])
    expect(exclusions(complaint({ decision: null, receivedAt: '2027-01-01' }))).toEqual([])
    expect(exclusions(complaint({ decision: { knownDate: 'hôm qua' }, receivedAt: '2027-01-01' }))).toEqual([])
  })

  it('KN-Art.33 second complaint: 30 days, 45 in remote areas', () => {
    // 2026-02-02 + 30 = 2026-03-04 (Wed); + 45 = 2026-03-19 (Thu)
    const second = (receivedAt: string, remoteArea = false) =>
      complaint({ complaintRound: 2, decision: { knownDate: '2026-02-02' }, receivedAt, remoteArea, respondent: { agencyCode: 'UBND_XA_SON_TAY' } })
    expect(exclusions(second('2026-03-04'))).toEqual([])
    expect(exclusions(second('2026-03-05'))).toEqual(['het_thoi_hieu'])
    expect(exclusions(second('2026-03-19', true))).toEqual([])
    expect(exclusions(second('2026-03-20', true))).toEqual(['het_thoi_hieu'])
  })

  it('KN-Art.11.7 complaint with a second-level decision (da_giai_quyet_lan_hai)', () => {
    expect(exclusions(complaint({ priorResolution: { round: 2, effective: false } }))).toEqual(['da_giai_quyet_lan_hai'])
  })

  it('KN-Art.11.9 complaint accepted by a court (toa_an_da_thu_ly)', () => {
    expect(exclusions(complaint({ courtAccepted: true }))).toEqual(['toa_an_da_thu_ly'])
  })

  it('KN-Art.11.2 decision not directly concerning the complainant (khong_lien_quan_truc_tiep)', () => {
    expect(exclusions(complaint({ notDirectlyConcerned: true }))).toEqual(['khong_lien_quan_truc_tiep'])
  })

  it('KN-Art.11.3 complainant without capacity or representative (khong_co_nang_luc_hanh_vi)', () => {
    expect(exclusions(complaint({ lacksCapacity: true }))).toEqual(['khong_co_nang_luc_hanh_vi'])
  })

  it('KN-Art.11.4 unlawful representative (dai_dien_khong_hop_phap)', () => {
    expect(exclusions(complaint({ invalidRepresentative: true }))).toEqual(['dai_dien_khong_hop_phap'])
  })

  it('KN-Art.11.8 suspended and not continued within 30 days (dinh_chi_khong_tiep_tuc)', () => {
    expect(exclusions(complaint({ withdrawnBefore: true }))).toEqual(['dinh_chi_khong_tiep_tuc'])
  })

  it('KN-Art.11.1 internal decision (quyet_dinh_noi_bo)', () => {
    expect(exclusions(complaint({ internalDecision: true }))).toEqual(['quyet_dinh_noi_bo'])
  })

  it('KN-Art.11 every exclusion that holds is listed, in order', () => {
    const all = known('2026-01-07', '2026-04-08', {
      priorResolution: { round: 2 },
      courtAccepted: true,
      notDirectlyConcerned: true,
      lacksCapacity: true,
      invalidRepresentative: true,
      withdrawnBefore: true,
      internalDecision: true,
    })
    expect(exclusions(all)).toEqual([
      'het_thoi_hieu',
      'da_giai_quyet_lan_hai',
      'toa_an_da_thu_ly',
      'khong_lien_quan_truc_tiep',
      'khong_co_nang_luc_hanh_vi',
      'dai_dien_khong_hop_phap',
      'dinh_chi_khong_tiep_tuc',
      'quyet_dinh_noi_bo',
    ])
  })

  it('exclusions concern complaints only', () => {
    expect(exclusions(denunciation({ courtAccepted: true, internalDecision: true }))).toEqual([])
  })
})

describe('CONV hotlineCallerCountsAsSigned', () => {
  const call: Letter = {
    receivedAt: '2026-06-10',
    channel: 'duong_day_nong',
    contentType: 'kien_nghi_phan_anh',
    senders: [{ name: 'Võ Văn Năm', address: 'Thôn 2, xã Bình Sơn', phone: '0905111222', signed: false }],
    summary: 'Phản ánh ổ gà trên quốc lộ.',
  }
  it('TT05-9 a recorded hotline caller has not signed (thieu_chu_ky) by default', () => {
    expect(eligibilityReasons(call, DEFAULT_CONVENTIONS)).toContain('thieu_chu_ky')
  })
  it('the board may count a recorded call as signed; a letter by post still needs a signature', () => {
    const conventions = { ...DEFAULT_CONVENTIONS, hotlineCallerCountsAsSigned: true }
    expect(eligibilityReasons(call, conventions)).not.toContain('thieu_chu_ky')
    expect(eligibilityReasons({ ...call, channel: 'buu_chinh', writtenDate: '2026-06-09' }, conventions)).toContain('thieu_chu_ky')
  })
})
