import { describe, expect, it } from 'vitest'
import type { Agency } from '../../src/domain/agency.ts'
import { CONTENT_TYPES, OUTCOMES, codesOf, type ContentType, type Outcome } from '../../src/domain/codes.ts'
import { placeName, vnDateWords } from '../../src/domain/document-format.ts'
import {
  DOCUMENT_RULES,
  MOTTO,
  NATION,
  REDACTED_DENOUNCER,
  TEMPLATES,
  buildDocument,
  documentsFor,
  scrubIdentity,
  identityPieces,
  templatesFor,
  type BuildInput,
  type DocumentModel,
  type TemplateId,
} from '../../src/domain/documents.ts'
import { respondentNames, type Letter } from '../../src/domain/letter.ts'
import { buildCitizenForm } from '../../src/domain/citizen-forms.ts'
import { EXCLUSION_REASONS } from '../../src/domain/reasons.ts'
import { RESOLUTION_DOCUMENT_RULES } from '../../src/domain/resolution-rules.ts'
import type { ResolutionDocEvent } from '../../src/domain/resolution-templates.ts'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'

const settings = { homeAgencyCode: 'UBND_TINH', boardName: 'Ban Tiếp công dân tỉnh', localityName: 'tỉnh Quảng Ngãi' }

const denouncer = { name: 'Lê Thị Hoa', address: 'Tổ 5, phường Cẩm Thành', idNumber: '051190004321', phone: '0912000111', email: 'lethihoa@example.vn', signed: true }

const denunciation: Letter = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'to_cao',
  writtenDate: '2026-02-27',
  field: 'y_te',
  senders: [denouncer],
  respondent: { agencyCode: 'SO_YT', person: 'Trưởng phòng Nghiệp vụ Y', isHead: false },
  // free text that repeats the denouncer's identity, without diacritics and with a spaced phone number
  act: 'Tôi là Le Thi Hoa, ở to 5, phuong Cam Thanh (điện thoại 0912 000 111, thư lethihoa@example.vn, CCCD 051190004321), tố cáo trưởng phòng nhận tiền của doanh nghiệp.',
  summary: 'Tố cáo cán bộ Sở Y tế nhận hối lộ.',
  hasEvidence: true,
}

const complaint: Letter = {
  receivedAt: '2026-03-02',
  channel: 'buu_chinh',
  contentType: 'khieu_nai',
  writtenDate: '2026-02-25',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', phone: '0905123456', signed: true }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi 300 m² đất nông nghiệp của gia đình tôi.',
  request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND và bồi thường đúng quy định.',
  complaintRound: 1,
  decision: { date: '2026-01-10', knownDate: '2026-02-12', number: '12/QĐ-UBND' },
}

/** An event for a resolution template (null for an outcome's), its free text repeating the denouncer's identity. */
function resolutionEventFor(template: TemplateId): ResolutionDocEvent | null {
  const rule = RESOLUTION_DOCUMENT_RULES.find((r) => r.template === template)
  if (!rule) return null
  const said = 'Bà Le Thi Hoa (0912 000 111) trình bày lại nội dung.'
  return {
    kind: rule.kind,
    date: '2026-07-10',
    acceptedOn: '2026-07-01',
    ground: { label: 'Căn cứ', basis: 'khoản 1 Điều 34 Luật Tố cáo' },
    reason: said,
    criteria: [{ point: 'a', label: 'Tiêu chí' }],
    decidedBy: 'Nguyễn Văn An',
    dialogue: { chairedBy: 'Phó Chủ tịch', place: null, participants: ['Bà Lê Thị Hoa, người tố cáo'], summary: said, attendance: 'co_mat', absenceReason: null },
    suspendedOn: '2026-07-05',
    dueDate: '2026-08-20',
    dueDays: 30,
    extension: { days: 30, count: 1 },
    withdrawal: null,
  }
}

function input(letter: Letter, outcome: Outcome, competentAgencyCode: string | null, extra: Partial<BuildInput> = {}): BuildInput {
  return {
    letter: { id: 'letter-1', code: 'K7M2Q9XD', track: 'don_thu', letter, reasons: [] },
    decision: { outcome, competentAgencyCode, note: null, dueDate: '2026-03-12', decidedByName: 'Nguyễn Cán Bộ' },
    agencies: SAMPLE_DIRECTORY,
    settings,
    issuedOn: '2026-11-22',
    ...extra,
  }
}

const text = (m: DocumentModel) => JSON.stringify(m)
const identityStrings = ['Lê Thị Hoa', 'Le Thi Hoa', 'Tổ 5, phường Cẩm Thành', 'to 5, phuong Cam Thanh', '051190004321', '0912000111', '0912 000 111', 'lethihoa@example.vn']
const expectNoIdentity = (m: DocumentModel) => {
  const all = text(m).normalize('NFC')
  for (const s of identityStrings) expect(all, `leaks "${s}" in ${m.template}`).not.toContain(s)
}

describe('which documents for which outcome', () => {
  const cases: Array<[Outcome, ContentType, string, TemplateId[]]> = [
    ['thu_ly', 'khieu_nai', '2026-06-30', ['tt05_m01_de_xuat_thu_ly', 'nd124_m03_thong_bao_thu_ly']],
    ['thu_ly', 'khieu_nai', '2026-07-01', ['tt05_m01_de_xuat_thu_ly', 'nd155_m03_thong_bao_thu_ly']],
    ['khong_thu_ly', 'khieu_nai', '2026-06-30', ['nd124_m04_thong_bao_khong_thu_ly']],
    ['khong_thu_ly', 'khieu_nai', '2026-07-01', ['nd155_m04_thong_bao_khong_thu_ly']],
    ['thu_ly', 'to_cao', '2026-03-02', ['tc_de_xuat_thu_ly']],
    ['thu_ly', 'kien_nghi_phan_anh', '2026-03-02', ['knpa_de_xuat_giai_quyet']],
    ['kiem_tra', 'to_cao', '2026-03-02', ['tc_de_xuat_kiem_tra']],
    ['huong_dan', 'khieu_nai', '2026-03-02', ['tt05_m02_huong_dan']],
    ['chuyen_don', 'to_cao', '2026-03-02', ['tt05_m03_chuyen_don_to_cao', 'tc_thong_bao_chuyen_don']],
    ['chuyen_don', 'kien_nghi_phan_anh', '2026-03-02', ['tt05_chuyen_don']],
    ['don_doc', 'khieu_nai', '2026-03-02', ['tt05_don_doc']],
    ['don_doc', 'to_cao', '2026-03-02', ['tt05_don_doc']],
    ['tach_don', 'nhieu_noi_dung', '2026-03-02', ['tt05_huong_dan_tach_don']],
  ]
  it.each(cases)('%s on %s received %s → %j', (outcome, contentType, receivedAt, expected) => {
    expect(templatesFor(outcome, contentType, receivedAt)).toEqual(expected)
  })

  it('a filed letter (luu_don) gets no document, whatever its type', () => {
    for (const contentType of codesOf(CONTENT_TYPES)) expect(templatesFor('luu_don', contentType, '2026-03-02')).toEqual([])
  })

  it('every other outcome has a document for every content type, on both sides of 2026-07-01', () => {
    for (const outcome of codesOf(OUTCOMES).filter((o) => o !== 'luu_don' && o !== 'kiem_tra' && o !== 'khong_thu_ly' && o !== 'thu_ly')) {
      for (const contentType of codesOf(CONTENT_TYPES)) {
        for (const date of ['2026-06-30', '2026-07-01']) expect(templatesFor(outcome, contentType, date).length, `${outcome} ${contentType} ${date}`).toBeGreaterThan(0)
      }
    }
  })

  it('an anonymous denouncer cannot be notified: only the forwarding slip', () => {
    expect(documentsFor('chuyen_don', { ...denunciation, senders: [] })).toEqual(['tt05_m03_chuyen_don_to_cao'])
    expect(documentsFor('chuyen_don', { ...denunciation, impersonated: true })).toEqual(['tt05_m03_chuyen_don_to_cao'])
  })

  it('the regime rows do not overlap and leave no gap around 2026-07-01', () => {
    const complaintRows = DOCUMENT_RULES.filter((r) => r.outcome === 'thu_ly' && r.contentTypes !== '*' && r.contentTypes.includes('khieu_nai'))
    expect(complaintRows.map((r) => [r.from, r.to])).toEqual([
      [null, '2026-06-30'],
      ['2026-07-01', null],
    ])
  })
})

describe('the heading (NĐ 30/2020)', () => {
  it('has the national motto, the issuing body under the home agency, a number to fill in and the place and date', () => {
    const m = buildDocument('tt05_m01_de_xuat_thu_ly', input({ ...complaint, complaintRound: 2 }, 'thu_ly', 'UBND_TINH'))
    expect(m.heading).toEqual({
      nation: NATION,
      motto: MOTTO,
      parentBody: 'UBND TỈNH QUẢNG NGÃI',
      issuingBody: 'BAN TIẾP CÔNG DÂN TỈNH',
      number: null,
      symbol: 'PĐX-BTCD',
      placeDate: 'Quảng Ngãi, ngày 22 tháng 11 năm 2026',
    })
    expect(NATION).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(MOTTO).toBe('Độc lập - Tự do - Hạnh phúc')
    expect(m.titleLines).toEqual(['PHIẾU ĐỀ XUẤT THỤ LÝ ĐƠN KHIẾU NẠI'])
    expect(m.addressees).toEqual(['Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi'])
    expect(m.signers.map((s) => s.lines[0])).toEqual(['Ý KIẾN PHÊ DUYỆT CỦA LÃNH ĐẠO', 'NGƯỜI ĐỀ XUẤT'])
    expect(m.signers[1]?.name).toBe('Nguyễn Cán Bộ')
    expect(m.form).toBe('Mẫu số 01')
  })

  it('a notice is issued by the home agency and signed by its head; a given number is used', () => {
    const m = buildDocument('nd124_m03_thong_bao_thu_ly', input({ ...complaint, complaintRound: 2 }, 'thu_ly', 'UBND_TINH', { number: '15' }))
    expect(m.heading).toMatchObject({ parentBody: null, issuingBody: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI', number: '15', symbol: 'TB-UBND' })
    expect(m.titleLines).toEqual(['THÔNG BÁO', 'Về việc thụ lý giải quyết khiếu nại (lần hai)'])
    expect(m.signers).toEqual([{ lines: ['CHỦ TỊCH'], name: null }])
    // copies to the same-level inspectorate (Luật Khiếu nại Art. 27)
    expect(m.recipients).toEqual(['Như trên;', 'Thanh tra tỉnh Quảng Ngãi;', 'Lưu: VT, hồ sơ.'])
  })

  it('writes dates as administrative documents do', () => {
    expect(vnDateWords('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026')
    expect(vnDateWords('2026-11-22')).toBe('ngày 22 tháng 11 năm 2026')
    expect(vnDateWords('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026')
    expect(placeName('tỉnh Quảng Ngãi')).toBe('Quảng Ngãi')
    expect(placeName('thành phố Đà Nẵng')).toBe('Đà Nẵng')
    expect(placeName('tỉnh')).toBe('……')
  })
})

describe('the 2026 complaint templates (NĐ 155/2026) apply by the date received', () => {
  const received = (receivedAt: string) => ({ ...complaint, complaintRound: 2 as const, receivedAt })

  it('before 2026-07-01: NĐ 124/2020 forms and citations', () => {
    const [, notice] = documentsFor('thu_ly', received('2026-06-30')).map((t) => buildDocument(t, input(received('2026-06-30'), 'thu_ly', 'UBND_TINH')))
    expect(notice?.template).toBe('nd124_m03_thong_bao_thu_ly')
    expect(notice?.source).toBe('Nghị định số 124/2020/NĐ-CP')
    expect(text(notice!)).not.toContain('155/2026')
    expect(text(notice!)).not.toContain('136/2025')
    expect(notice?.body.map((p) => p.text)).toContain('Số CMND/CCCD/Hộ chiếu (hoặc giấy tờ tùy thân): 051080001234; ngày cấp: …; nơi cấp: …')
  })

  it('from 2026-07-01: NĐ 155/2026 forms, the amended laws cited, the new identity papers named', () => {
    const [proposal, notice] = documentsFor('thu_ly', received('2026-07-01')).map((t) => buildDocument(t, input(received('2026-07-01'), 'thu_ly', 'UBND_TINH')))
    expect(notice?.template).toBe('nd155_m03_thong_bao_thu_ly')
    expect(notice?.form).toBe('Mẫu số 03')
    expect(notice?.source).toContain('Nghị định số 155/2026/NĐ-CP')
    expect(notice?.legalBasis.join(' ')).toContain('Nghị định số 155/2026/NĐ-CP ngày 15 tháng 5 năm 2026')
    expect(notice?.legalBasis.join(' ')).toContain('Luật số 136/2025/QH15')
    expect(notice?.body.map((p) => p.text)).toContain('Số căn cước/định danh cá nhân/giấy chứng nhận căn cước/hộ chiếu: 051080001234; ngày cấp: …; nơi cấp: …')
    expect(proposal?.legalBasis.join(' ')).toContain('155/2026')
  })

  it('the non-acceptance notice states each reason with its basis (src/domain/reasons.ts)', () => {
    const letter = received('2026-07-15')
    const m = buildDocument('nd155_m04_thong_bao_khong_thu_ly', {
      ...input(letter, 'khong_thu_ly', 'UBND_TINH'),
      letter: { id: 'letter-1', code: 'K7M2Q9XD', track: 'don_thu', letter, reasons: ['het_thoi_hieu', 'toa_an_da_thu_ly'] },
    })
    expect(m.titleLines).toEqual(['THÔNG BÁO', 'Về việc không thụ lý giải quyết khiếu nại'])
    const items = m.body.filter((p) => p.item).map((p) => p.text)
    expect(items).toHaveLength(2)
    expect(items[0]).toContain(EXCLUSION_REASONS.het_thoi_hieu.message.replace(/\.$/, ''))
    expect(items[1]).toContain(EXCLUSION_REASONS.toa_an_da_thu_ly.message.replace(/\.$/, ''))
    expect(items[1]).toMatch(/\.$/)
    expect(m.addressees).toEqual(['Ông (bà) Đặng Văn Đức'])
  })
})

describe('confidentiality of the denouncer (Luật Tố cáo Art. 56)', () => {
  it('the forwarding slip (Mẫu 03) carries no identity, even from the letter text, and is marked redacted', () => {
    const m = buildDocument('tt05_m03_chuyen_don_to_cao', input(denunciation, 'chuyen_don', 'SO_YT'))
    expect(m.redacted).toBe(true)
    expect(m.audience).toBe('co_quan')
    expect(m.addresseeAgencyCode).toBe('SO_YT')
    expect(m.addressees).toEqual(['Giám đốc Sở Y tế'])
    expect(m.body.map((p) => p.text)).toContain(`${REDACTED_DENOUNCER}.`)
    expectNoIdentity(m)
    // what the slip is about is still there
    expect(text(m)).toContain('Trưởng phòng Nghiệp vụ Y')
    expect(text(m)).toContain('nhận tiền của doanh nghiệp')
  })

  it('every document of a denunciation that is not addressed to the denouncer is redacted', () => {
    const decisions: Array<[TemplateId, string | null]> = (Object.keys(TEMPLATES) as TemplateId[]).map((t) => [t, 'SO_YT'])
    for (const [template, agency] of decisions) {
      // a resolution's document records its event: one whose free text names the denouncer again
      const m = buildDocument(template, input(denunciation, 'chuyen_don', agency, { event: resolutionEventFor(template) }))
      if (TEMPLATES[template].audience === 'nguoi_gui') {
        expect(m.redacted, template).toBe(false)
      } else {
        expect(m.redacted, template).toBe(true)
        expectNoIdentity(m)
      }
    }
  })

  it('a several-content letter that contains a denunciation is protected the same way', () => {
    const letter: Letter = { ...denunciation, contentType: 'nhieu_noi_dung', contents: [{ contentType: 'to_cao', summary: 'Tố cáo Lê Thị Hoa bị ép ký' }, { contentType: 'khieu_nai', summary: 'Khiếu nại thu hồi đất' }] }
    const slip = buildDocument('tt05_chuyen_don', input(letter, 'chuyen_don', 'SO_YT'))
    expect(slip.redacted).toBe(true)
    expectNoIdentity(slip)
    // the guidance to split the letter goes to its writer and names them
    const guidance = buildDocument('tt05_huong_dan_tach_don', input(letter, 'tach_don', null))
    expect(guidance.redacted).toBe(false)
    expect(guidance.addressees).toEqual(['Ông (bà) Lê Thị Hoa'])
  })

  it('scrubbing leaves other words alone: short names are not searched for', () => {
    const pieces = identityPieces([{ name: 'Hoa', address: null, phone: '12' }])
    expect(pieces).toEqual({ texts: [], numbers: [] })
    expect(scrubIdentity('Xã Hòa Bình, ông Lê Hoàng', identityPieces([{ name: 'Lê Hoàng Nam' }]))).toBe('Xã Hòa Bình, ông Lê Hoàng')
    expect(scrubIdentity('ông LÊ HOÀNG NAM và bà Lê Hoàng Nam.', identityPieces([{ name: 'Lê Hoàng Nam' }]))).toBe('ông *** và bà ***.')
  })
})

describe('complaints: guidance letter (Mẫu 02)', () => {
  it('names the complainant and the competent agency, and is not redacted', () => {
    const m = buildDocument('tt05_m02_huong_dan', input(complaint, 'huong_dan', 'UBND_XA_SON_TAY'))
    expect(m.form).toBe('Mẫu số 02')
    expect(m.redacted).toBe(false)
    expect(m.titleLines).toEqual([])
    expect(m.subject).toBe('V/v hướng dẫn gửi đơn khiếu nại đến cơ quan có thẩm quyền giải quyết')
    expect(m.heading.symbol).toBe('BTCD-XLĐ')
    expect(m.addressees).toEqual(['Ông (bà) Đặng Văn Đức'])
    const body = m.body.map((p) => p.text).join('\n')
    expect(body).toContain('ông (bà) Đặng Văn Đức, địa chỉ: Thôn 3, xã Sơn Tây')
    expect(body).toContain('mà thuộc thẩm quyền giải quyết của Chủ tịch Ủy ban nhân dân xã Sơn Tây.')
    expect(body).toContain('gửi đơn và các thông tin, tài liệu, chứng cứ kèm theo (nếu có) đến Ủy ban nhân dân xã Sơn Tây')
    expect(body).toContain('Việc hướng dẫn chỉ thực hiện một lần.')
    expect(body).toContain('Người bị khiếu nại: Trần Văn Bình (Ủy ban nhân dân xã Sơn Tây)')
  })

  it('respondentNames: the person left out when it is only the agency again (folded, trailing stop ignored)', () => {
    const agency = 'Ủy ban nhân dân xã Sơn Tây'
    expect(respondentNames('Trần Văn Bình', agency)).toEqual({ person: 'Trần Văn Bình', agency })
    expect(respondentNames(' UY BAN NHAN DAN XA SON TAY. ', agency)).toEqual({ person: null, agency })
    expect(respondentNames('Chủ tịch Ủy ban nhân dân xã Sơn Tây', agency)).toEqual({ person: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây', agency })
    expect(respondentNames('  ', agency)).toEqual({ person: null, agency })
    expect(respondentNames('Trần Văn Bình', null)).toEqual({ person: 'Trần Văn Bình', agency: null })
    // the printed complaint form (Mẫu 01) names it once too
    const form = buildCitizenForm({ kind: 'don_khieu_nai', date: '2026-07-02', letter: { code: 'K7M2Q9XD', letter: { ...complaint, respondent: { agencyCode: 'UBND_XA_SON_TAY', person: agency, isHead: false } } }, agencies: SAMPLE_DIRECTORY, settings })
    expect(JSON.stringify(form)).not.toContain(`${agency}, ${agency}`)
    expect(JSON.stringify(form)).toContain(agency)
  })

  it('names the respondent agency once when the person typed is the agency itself', () => {
    for (const person of ['Ủy ban nhân dân xã Sơn Tây', 'uy ban nhan dan xa son tay', '  ỦY BAN NHÂN DÂN XÃ SƠN TÂY ']) {
      const m = buildDocument('tt05_m02_huong_dan', input({ ...complaint, respondent: { agencyCode: 'UBND_XA_SON_TAY', person, isHead: false } }, 'huong_dan', 'UBND_XA_SON_TAY'))
      const body = m.body.map((p) => p.text).join('\n')
      expect(body, person).toMatch(/Người bị khiếu nại: Ủy ban nhân dân xã Sơn Tây\.?(\n|$)/)
      expect(body).not.toContain('Sơn Tây (Ủy ban')
    }
  })

  it('the snapshot is built once: changing the directory afterwards does not change a built model', () => {
    const agencies: Agency[] = structuredClone(SAMPLE_DIRECTORY)
    const m = buildDocument('tt05_m02_huong_dan', { ...input(complaint, 'huong_dan', 'UBND_XA_SON_TAY'), agencies })
    const before = text(m)
    agencies.find((a) => a.code === 'UBND_XA_SON_TAY')!.name = 'Ủy ban nhân dân xã Sơn Tây Mới'
    expect(text(m)).toBe(before)
  })
})
