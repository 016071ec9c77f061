/**
 * Recreates, from generated records, the citizen-reception section of the seed report
 * shared/seeds/004_59f3cc9bab903646.txt (6 months of 2023) — with numbers that add up: the seed
 * says 156 + 54 + 341 = 532, which cannot be; here the feedback letters are 322 (RULES.md §7).
 */
import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../src/domain/codes.ts'
import { Browser, testApp } from '../support/app.ts'
import { insertLetters, insertVisits, oracle, type LetterSpec, type VisitSpec } from '../support/report-data.ts'

const W = { from: '2022-12-15', to: '2023-06-14' }
const day = (i: number) => new Date(Date.parse(`${W.from}T00:00:00Z`) + (i % 182) * 86_400_000).toISOString().slice(0, 10)
const at = (i: number) => `${day(i)}T03:00:00.000Z`

describe('the seed report, recreated', () => {
  it('reads exactly like the seed, with consistent numbers', async () => {
    const t = await testApp({ now: new Date('2023-06-10T02:00:00Z') })
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'tiepdan', displayName: 'Cán bộ tiếp dân', password: 'mat-khau-tiep-dan', roles: ['tiep_dan', 'xu_ly_don', 'lanh_dao'] }, admin)
    await t.json('/api/v1/users', 'POST', { username: 'baocao', displayName: 'Cán bộ báo cáo', password: 'mat-khau-bao-cao', roles: ['bao_cao'] }, admin)
    const officer = await t.token('tiepdan', 'mat-khau-tiep-dan')

    // ----- through the API: two visits (one a large group) and two letters with their decisions
    const visitRes = await t.json('/api/v1/receptions', 'POST', { date: '2023-03-01', kind: 'thuong_xuyen', persons: 5, contentType: 'khieu_nai', summary: 'Đoàn 5 hộ dân.', visitors: [{ name: 'Phạm Văn Hùng' }] }, officer)
    expect(visitRes.status).toBe(201)
    expect((await t.json('/api/v1/receptions', 'POST', { date: '2023-03-02', kind: 'thuong_xuyen', persons: 1, contentType: 'to_cao', visitors: [{ name: 'Lê Thị Hoa' }] }, officer)).status).toBe(201)
    const complaint = {
      receivedAt: '2023-03-02', channel: 'truc_tiep', contentType: 'khieu_nai', writtenDate: '2023-02-25', field: 'dat_dai', location: 'XA_SON_TAY',
      senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', signed: true }],
      respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
      summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi đất.', request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND.', complaintRound: 2,
      decision: { date: '2023-01-10', knownDate: '2023-02-12', number: '12/QĐ-UBND' },
    }
    const denunciation = {
      receivedAt: '2023-03-03', channel: 'buu_chinh', contentType: 'to_cao', writtenDate: '2023-03-01', field: 'y_te',
      senders: [{ name: 'Lê Thị Hoa', address: 'Tổ 5', phone: '0912000111', signed: true }, { name: 'Lê Văn Nam', address: 'Tổ 5', signed: true }],
      respondent: { agencyCode: 'SO_YT', person: 'Trưởng phòng Y', isHead: false }, act: 'Nhận tiền của bệnh nhân.', summary: 'Tố cáo nhận tiền.', hasEvidence: true,
    }
    for (const body of [complaint, denunciation]) {
      const res = await t.json('/api/v1/letters', 'POST', body, officer)
      expect(res.status).toBe(201)
      const { id } = (await res.json()) as { id: string }
      const decided = await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, officer)
      expect(decided.status).toBe(200)
    }

    // ----- the rest as records: 283 regular visits (8 more large groups), leaders' sessions
    const visits: VisitSpec[] = []
    for (let i = 0; i < 8; i++) visits.push({ date: day(i * 20), kind: 'thuong_xuyen', persons: 5, matter: `g${i}` })
    for (let i = 0; i < 260; i++) visits.push({ date: day(i), kind: 'thuong_xuyen', persons: 1, matter: `a${i % 200}` })
    for (let i = 0; i < 15; i++) visits.push({ date: day(i * 7 + 3), kind: 'thuong_xuyen', persons: 2, matter: `b${i}` })
    visits.push({ date: '2023-04-20', kind: 'dinh_ky', persons: 3, matter: 'l1', host: 'Chủ tịch UBND tỉnh' }, { date: '2023-04-20', kind: 'dinh_ky', persons: 12, matter: 'l2', host: 'Chủ tịch UBND tỉnh' })
    visits.push({ date: '2023-05-18', kind: 'dot_xuat', persons: 4, matter: 'l3', host: 'Phó Chủ tịch UBND tỉnh', delegated: true })
    // outside the window: not counted
    visits.push({ date: '2022-12-14', kind: 'thuong_xuyen', persons: 30, matter: 'x1' }, { date: '2023-06-15', kind: 'thuong_xuyen', persons: 1, matter: 'x2' })
    insertVisits(t.db.sqlite, visits)

    // 1,109 + 1 more letters in the window: 40 more with several signers; 155 + 53 + 322 more eligible; the rest not
    const letters: LetterSpec[] = []
    const add = (n: number, make: (i: number) => Partial<LetterSpec> & { outcome: Outcome | null }) => {
      for (let i = 0; i < n; i++) {
        const { outcome, ...rest } = make(letters.length)
        const k = letters.length
        letters.push({ receivedAt: day(k), track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: k % 27 === 0 && k < 27 * 40 ? 'nhieu_nguoi' : 'mot_nguoi', decision: outcome ? { at: at(k + 5), outcome } : null, agency: 'UBND_TINH', ...rest })
      }
    }
    add(155, (i) => ({ contentType: 'khieu_nai', outcome: (['thu_ly', 'khong_thu_ly', 'huong_dan'] as const)[i % 3]! }))
    add(53, (i) => ({ contentType: 'to_cao', outcome: (['thu_ly', 'kiem_tra', 'chuyen_don'] as const)[i % 3]! }))
    add(300, (i) => ({ contentType: 'kien_nghi_phan_anh', outcome: (['thu_ly', 'chuyen_don', 'don_doc'] as const)[i % 3]! }))
    // several-content letters handled as one: counted under their first content (feedback here)
    add(22, () => ({ contentType: 'nhieu_noi_dung', firstContent: 'kien_nghi_phan_anh', outcome: 'thu_ly' }))
    add(470, () => ({ contentType: 'kien_nghi_phan_anh', outcome: 'luu_don' }))
    add(40, () => ({ contentType: 'nhieu_noi_dung', outcome: 'tach_don' }))
    add(69, () => ({ contentType: 'khieu_nai', outcome: null }))
    // ⚠ the signer groups: exactly 40 more letters with several signers
    let several = letters.filter((l) => l.signerGroup === 'nhieu_nguoi').length
    for (const l of letters) {
      if (several >= 40) break
      if (l.signerGroup !== 'nhieu_nguoi') {
        l.signerGroup = 'nhieu_nguoi'
        several++
      }
    }
    for (const l of letters.filter((l) => l.signerGroup === 'nhieu_nguoi').slice(40)) l.signerGroup = 'mot_nguoi'
    // decided only after the window: received in it, not processed in it
    letters.push({ receivedAt: '2023-06-10', track: 'don_thu', channel: 'buu_chinh', contentType: 'to_cao', signerGroup: 'khac', decision: { at: '2023-06-14T17:00:00.000Z', outcome: 'chuyen_don' } })
    // outside the window, and administrative-regulation feedback: not TT05 letters of the window
    letters.push({ receivedAt: '2023-06-15', track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: 'nhieu_nguoi', decision: { at: at(0), outcome: 'thu_ly' } })
    letters.push({ receivedAt: '2023-03-01', track: 'quy_dinh_hanh_chinh', channel: 'cong_dvc_quoc_gia', contentType: 'kien_nghi_phan_anh', signerGroup: 'mot_nguoi', decision: { at: at(60), outcome: 'chuyen_don' } })
    insertLetters(t.db.sqlite, letters)

    // ----- the report
    const reporter = await t.token('baocao', 'mat-khau-bao-cao')
    const res = await t.json(`/api/v1/reports/tiep-cong-dan?from=${W.from}&to=${W.to}`, 'GET', undefined, reporter)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { text: string; donThu: Record<string, number>; tiepCongDan: Record<string, any>; kiemTra: unknown[] }
    expect(body.text).toContain('Ban Tiếp công dân tỉnh đã tiếp thường xuyên 285 lượt (336 người); tiếp 09 đoàn đông người.')
    expect(body.text).toContain(
      'Ban Tiếp công dân tỉnh đã tiếp nhận tổng cộng 1.112 đơn (có 41 đơn có nhiều người đứng tên); số đơn đủ điều kiện xử lý: 532 đơn (trong đó, đơn khiếu nại: 156 đơn; đơn tố cáo: 54 đơn; đơn phản ánh, kiến nghị: 322 đơn).',
    )
    expect(body.text).toContain('Phục vụ lãnh đạo tiếp công dân định kỳ, đột xuất 02 kỳ, tiếp 03 lượt (19 người).')
    expect(body.donThu).toMatchObject({ tong: 1112, nhieuNguoiDungTen: 41, duDieuKien: 532, khieuNai: 156, toCao: 54, kienNghiPhanAnh: 322, daXuLy: 1112 - 70 })
    expect(body.kiemTra).toEqual([])
    // the same numbers as an independent count of the directly inserted records (+ the API-made ones)
    const expected = oracle(letters, visits, W)
    expect(body.donThu.tong).toBe(expected.donThu.tong + 2)
    expect(body.tiepCongDan.thuongXuyen).toEqual({ luot: expected.tiepCongDan.thuongXuyen.luot + 2, nguoi: expected.tiepCongDan.thuongXuyen.nguoi + 6, doanDongNguoi: expected.tiepCongDan.thuongXuyen.doanDongNguoi + 1 })

    // the page shows the same paragraph, ready to copy
    const browser = new Browser(t)
    await browser.login('baocao', 'mat-khau-bao-cao')
    const page = await (await browser.get('/can-bo/bao-cao?ky=6-thang&nam=2023')).text()
    expect(page).toContain('Số liệu tính từ ngày 15/12/2022 đến ngày 14/06/2023')
    expect(page).toContain('Ban Tiếp công dân tỉnh đã tiếp thường xuyên 285 lượt (336 người); tiếp 09 đoàn đông người.')
    expect(page).toContain('tổng cộng 1.112 đơn (có 41 đơn có nhiều người đứng tên); số đơn đủ điều kiện xử lý: 532 đơn')
  })
})
