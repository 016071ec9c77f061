import { describe, expect, it } from 'vitest'
import { RECEPTION_DOCUMENT_RULES, buildReceptionDocument, receptionTemplateFor, type ReceptionBuildInput } from '../../src/domain/documents.ts'
import { REFUSAL_GROUNDS, groundByCode, groundsOn, idNumberProblem, regimeOn } from '../../src/domain/reception.ts'
import { SAMPLE_DIRECTORY, SAMPLE_HOME_AGENCY } from '../../src/sample/directory.ts'

const settings = { homeAgencyCode: SAMPLE_HOME_AGENCY, boardName: 'Ban Tiếp công dân tỉnh', localityName: 'tỉnh Quảng Ngãi' }

const input = (over: Partial<ReceptionBuildInput['visit']> = {}, extra: Partial<ReceptionBuildInput> = {}): ReceptionBuildInput => ({
  visit: {
    id: 'V1',
    date: '2026-07-06',
    kind: 'thuong_xuyen',
    hostName: null,
    persons: 1,
    contentType: 'khieu_nai',
    summary: 'Tiếp tục khiếu nại việc thu hồi đất đã giải quyết.',
    sessionId: null,
    visitors: [{ name: 'Trương Văn Kiên', address: 'Tổ 4, phường Cẩm Thành', idKind: 'can_cuoc', idNumber: '051070000999' }],
    refusalGround: groundByCode('tcd_9_3'),
    ...over,
  },
  agencies: SAMPLE_DIRECTORY,
  settings,
  issuedOn: '2026-07-07',
  ...extra,
})

describe('reception rules by date', () => {
  it('requires ID papers and allows online reception from 1 July 2026 only', () => {
    expect(regimeOn('2026-06-30')).toMatchObject({ identityRequired: false, onlineReception: false })
    expect(regimeOn('2026-07-01')).toMatchObject({ identityRequired: true, onlineReception: true })
  })

  it('offers NĐ 154 Art. 4 grounds from 1 July 2026 and Art. 9 cl. 4 before; a written notice for cl. 3 and point h only', () => {
    const before = groundsOn('2026-06-30').map((g) => g.code)
    const after = groundsOn('2026-07-01').map((g) => g.code)
    expect(before).toEqual(['tcd_9_1', 'tcd_9_2', 'tcd_9_3', 'tcd_9_4'])
    expect(after).toEqual(['tcd_9_1', 'tcd_9_2', 'tcd_9_3', ...'a b c d dd e g h i k'.split(' ').map((p) => `nd154_4_1_${p}`)])
    expect(REFUSAL_GROUNDS.filter((g) => g.writtenNotice).map((g) => g.code)).toEqual(['tcd_9_3', 'nd154_4_1_h'])
  })

  it('picks each document by the visit date, with no gap and no overlap', () => {
    for (const kind of ['tu_choi', 'bien_nhan', 'ket_luan'] as const) {
      expect(receptionTemplateFor(kind, '2026-06-30')).toMatch(/^tt04_/)
      expect(receptionTemplateFor(kind, '2026-07-01')).toMatch(/^nd154_/)
      expect(RECEPTION_DOCUMENT_RULES.filter((r) => r.kind === kind)).toHaveLength(2)
    }
  })
})

describe('reception documents', () => {
  it('Mẫu 01/TCD names the citizen, the papers, the ground and its provision', () => {
    const doc = buildReceptionDocument('tu_choi', input())!
    expect(doc).toMatchObject({ template: 'nd154_m01_thong_bao_tu_choi', form: 'Mẫu số 01/TCD', audience: 'nguoi_gui', redacted: false })
    expect(doc.heading.symbol).toBe('TB-BTCD')
    expect(doc.titleLines).toEqual(['THÔNG BÁO', 'Về việc từ chối tiếp công dân'])
    expect(doc.addressees).toEqual(['Ông (bà) Trương Văn Kiên'])
    const text = doc.body.map((p) => p.text).join('\n')
    expect(text).toContain('Số căn cước/giấy chứng nhận căn cước/số định danh cá nhân/số hộ chiếu (hoặc giấy tờ tùy thân): 051070000999')
    expect(text).toContain('Căn cứ khoản 3 Điều 9 Luật Tiếp công dân, Ban Tiếp công dân tỉnh từ chối tiếp ông (bà) Trương Văn Kiên vì lý do: vụ việc đã được giải quyết')
    expect(doc.legalBasis.join(' ')).toContain('Nghị định số 154/2026/NĐ-CP')
    // before 1 July 2026: NĐ 64/2014 and TT 04/2021
    const old = buildReceptionDocument('tu_choi', input({ date: '2026-06-15' }))!
    expect(old.template).toBe('tt04_thong_bao_tu_choi')
    expect(old.legalBasis.join(' ')).toContain('Nghị định số 64/2014/NĐ-CP')
    expect(old.legalBasis.join(' ')).toContain('Thông tư số 04/2021/TT-TTCP')
  })

  it('the receipt lists the items and is signed by the citizen and the officer', () => {
    const doc = buildReceptionDocument('bien_nhan', input({ persons: 12 }, { documentsReceived: ['Đơn khiếu nại (02 trang)', 'Bản sao Quyết định số 12/QĐ-UBND'], officerName: 'Nguyễn Thị Tiếp' }))!
    expect(doc.form).toBe('Mẫu số 02/TCD')
    expect(doc.body.filter((p) => p.item).map((p) => p.text)).toEqual(['- Đơn khiếu nại (02 trang);', '- Bản sao Quyết định số 12/QĐ-UBND.'])
    expect(doc.body[0]!.text).toContain('ông (bà) Trương Văn Kiên cùng 11 người khác')
    expect(doc.signers).toEqual([
      { lines: ['NGƯỜI NỘP'], name: 'Trương Văn Kiên' },
      { lines: ['NGƯỜI NHẬN'], name: 'Nguyễn Thị Tiếp' },
    ])
  })

  it('the conclusion notice scrubs a denouncer the leader named, and says it is redacted', () => {
    const doc = buildReceptionDocument(
      'ket_luan',
      input(
        { kind: 'dinh_ky', sessionId: 'S1' },
        {
          session: {
            id: 'S1',
            date: '2026-07-09',
            kind: 'dinh_ky',
            hostName: 'Chủ tịch UBND tỉnh',
            delegated: false,
            visits: 3,
            persons: 15,
            matters: 2,
            conclusion: 'Giao Thanh tra tỉnh xác minh nội dung tố cáo của bà Lê Thị Hoa.\nGiao Sở Tài nguyên và Môi trường trả lời ông Trương Văn Kiên.',
            protectedVisitors: [{ name: 'Lê Thị Hoa', address: 'Tổ 5, phường Cẩm Thành', idNumber: '051190004321' }],
          },
        },
      ),
    )!
    expect(doc.template).toBe('nd154_thong_bao_ket_luan')
    expect(doc.redacted).toBe(true)
    expect(doc.session).toEqual({ id: 'S1', date: '2026-07-09', hostName: 'Chủ tịch UBND tỉnh' })
    const text = doc.body.map((p) => p.text).join('\n')
    expect(text).not.toContain('Lê Thị Hoa')
    expect(text).toContain('xác minh nội dung tố cáo của bà ***')
    expect(text).toContain('trả lời ông Trương Văn Kiên')
    expect(text).toContain('đã tiếp 03 lượt với 15 người, về 02 vụ việc')
    expect(doc.signers[0]!.lines).toEqual(['CHỦ TỊCH'])
  })
})

describe('NĐ 154 Art. 12 cl. 1: the number of each paper has its form', () => {
  it('a căn cước, its certificate and the personal identification number are 12 digits; a passport 6 to 9 letters and digits; other papers as written', () => {
    expect(idNumberProblem('can_cuoc', '051075000111')).toBeNull()
    expect(idNumberProblem('can_cuoc', '0510 7500 0111')).toBeNull()
    expect(idNumberProblem('can_cuoc', '12345')).toBe('Số căn cước, số định danh cá nhân gồm đúng 12 chữ số.')
    expect(idNumberProblem('dinh_danh', '05107500011A')).not.toBeNull()
    expect(idNumberProblem('giay_chung_nhan_can_cuoc', '0510750001111')).not.toBeNull()
    expect(idNumberProblem('ho_chieu', 'C1234567')).toBeNull()
    expect(idNumberProblem('ho_chieu', 'B1')).toBe('Số hộ chiếu gồm 6 đến 9 chữ cái và chữ số.')
    expect(idNumberProblem('khac', '212345678')).toBeNull()
    expect(idNumberProblem(null, '1')).toBeNull()
    expect(idNumberProblem('can_cuoc', '')).toBeNull()
  })
})
