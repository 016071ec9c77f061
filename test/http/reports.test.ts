import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Browser, testApp, type TestApp } from '../support/app.ts'
import { insertLetters, insertVisits, letterSpec, oracle, visitSpec, type LetterSpec, type VisitSpec } from '../support/report-data.ts'

async function staff(t: TestApp, roles: string[], username = `u${Math.floor(Math.random() * 1e9)}`) {
  const admin = await t.token()
  const res = await t.json('/api/v1/users', 'POST', { username, displayName: `Cán bộ ${username}`, password: 'mat-khau-can-bo-123', roles }, admin)
  if (res.status !== 201) throw new Error(await res.text())
  return t.token(username, 'mat-khau-can-bo-123')
}

/** A staff user's name (the password is the one `staff` uses), for signing in through the pages. */
async function staffName(t: TestApp, roles: string[]) {
  const username = `u${Math.floor(Math.random() * 1e9)}`
  await staff(t, roles, username)
  return username
}

const report = async (t: TestApp, token: string, query: string) => {
  const res = await t.json(`/api/v1/reports/tiep-cong-dan?${query}`, 'GET', undefined, token)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Record<string, any>
}

const complaint = {
  receivedAt: '2026-03-02',
  channel: 'truc_tiep',
  contentType: 'khieu_nai',
  writtenDate: '2026-02-25',
  field: 'dat_dai',
  location: 'XA_SON_TAY',
  senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', idNumber: '051080001234', signed: true }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
  summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi đất.',
  request: 'Đề nghị hủy Quyết định số 12/QĐ-UBND.',
  complaintRound: 2,
  decision: { date: '2026-01-10', knownDate: '2026-02-12', number: '12/QĐ-UBND' },
}

describe('GET /api/v1/reports/tiep-cong-dan: access and validation', () => {
  it('needs view_reports; 422 names each bad or missing date', async () => {
    const t = await testApp()
    const reporter = await staff(t, ['bao_cao'])
    const receptionist = await staff(t, ['tiep_dan'])
    expect((await t.json('/api/v1/reports/tiep-cong-dan?from=2026-01-01&to=2026-03-31', 'GET', undefined)).status).toBe(401)
    expect((await t.json('/api/v1/reports/tiep-cong-dan?from=2026-01-01&to=2026-03-31', 'GET', undefined, receptionist)).status).toBe(403)
    const cases: Array<[string, string[]]> = [
      ['', ['from', 'to']],
      ['from=2026-01-01', ['to']],
      ['from=2026-02-30&to=2026-03-01', ['from']],
      ['from=01/01/2026&to=2026-13-01', ['from', 'to']],
      ['from=2026-03-02&to=2026-03-01', ['to']],
      ['from=2026-01-01&to=2026-03-01&agency=KHONG_CO', ['agency']],
    ]
    for (const [query, paths] of cases) {
      const res = await t.json(`/api/v1/reports/tiep-cong-dan?${query}`, 'GET', undefined, reporter)
      expect(res.status, query).toBe(422)
      const body = (await res.json()) as { error: { code: string; message: string; fields: Array<{ path: string; message: string }> } }
      expect(body.error.fields.map((f) => f.path).sort(), query).toEqual(paths.sort())
      for (const f of body.error.fields) expect(f.message.length).toBeGreaterThan(10)
    }
  })

  it('an empty database gives the shape of API.md with zeros and a text', async () => {
    const t = await testApp()
    const token = await staff(t, ['bao_cao'])
    const body = await report(t, token, 'from=2025-12-15&to=2026-03-14')
    expect(body.period).toEqual({ from: '2025-12-15', to: '2026-03-14' })
    expect(Object.keys(body.tiepCongDan).sort()).toEqual(['dinhKyDotXuat', 'doanDongNguoi', 'luot', 'nguoi', 'thuongXuyen', 'vuViec', 'vuViecLanDau', 'vuViecNhieuLan'])
    expect(body.donThu).toMatchObject({ tong: 0, nhieuNguoiDungTen: 0, motNguoiDungTen: 0, khac: 0, daXuLy: 0, duDieuKien: 0, luuDon: 0, tachDon: 0 })
    expect(body.paknHanhChinh).toMatchObject({ tong: 0, donThu: 0, congDvcQuocGia: 0, duongDayNong: 0, trucTiep: 0, daGiaiQuyet: 0 })
    expect(body.text).toContain('Ban Tiếp công dân tỉnh đã tiếp thường xuyên 00 lượt (00 người); không có đoàn đông người.')
    expect(body.kiemTra).toEqual([])
  })
})

describe('the report counts what the records say', () => {
  it('letters and visits made through the API and their decisions', async () => {
    const t = await testApp({ now: new Date('2026-03-01T02:00:00Z') })
    const officer = await staff(t, ['tiep_dan', 'xu_ly_don', 'lanh_dao'])
    const reporter = await staff(t, ['bao_cao'])
    const post = async (body: unknown) => {
      const res = await t.json('/api/v1/letters', 'POST', body, officer)
      expect(res.status, await res.clone().text()).toBe(201)
      return ((await res.json()) as { id: string }).id
    }
    // within competence, decided → thu_ly
    const a = await post(complaint)
    // a denunciation outside competence, decided → chuyen_don (sent out)
    const b = await post({
      receivedAt: '2026-03-03', channel: 'buu_chinh', contentType: 'to_cao', writtenDate: '2026-03-01', field: 'y_te',
      senders: [{ name: 'Lê Thị Hoa', address: 'Tổ 5', phone: '0912000111', signed: true }, { name: 'Lê Văn Nam', address: 'Tổ 5', signed: true }],
      respondent: { agencyCode: 'SO_YT', person: 'Trưởng phòng Y', isHead: false }, act: 'Nhận tiền của bệnh nhân.', summary: 'Tố cáo nhận tiền.', hasEvidence: true,
    })
    // ineligible (no date, no signature) → luu_don
    const c = await post({ receivedAt: '2026-03-04', channel: 'hop_thu', contentType: 'kien_nghi_phan_anh', summary: 'Đường hỏng.' })
    // undecided
    await post({ ...complaint, receivedAt: '2026-03-05', senders: [{ name: 'Phan Văn Tí', address: 'Thôn 9', signed: true }], summary: 'Khiếu nại việc cấp giấy chứng nhận.' })
    // administrative-regulation feedback: its own track, not a TT05 letter
    await post({ receivedAt: '2026-03-05', channel: 'cong_dvc_quoc_gia', contentType: 'kien_nghi_phan_anh', aboutAdministrativeRegulation: true, summary: 'Thủ tục cấp phép quá rườm rà.', senders: [{ name: 'Vũ Thị Mai', address: 'Phường Nghĩa Lộ' }] })
    // before the window, undecided: carried over
    await post({ ...complaint, receivedAt: '2025-12-01', senders: [{ name: 'Hồ Văn Cũ', address: 'Thôn 1', signed: true }], summary: 'Khiếu nại cũ chưa xử lý.' })
    for (const id of [a, b, c]) expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, officer)).status).toBe(200)
    // visits: a regular large group, its later visit, a leader's session with two visits
    const v1 = (await (await t.json('/api/v1/receptions', 'POST', { date: '2026-01-06', kind: 'thuong_xuyen', persons: 12, contentType: 'khieu_nai', visitors: [{ name: 'Phạm Văn Hùng' }] }, officer)).json()) as { caseId: string }
    await t.json('/api/v1/receptions', 'POST', { date: '2026-02-03', kind: 'thuong_xuyen', persons: 2, caseId: v1.caseId, contentType: 'khieu_nai', visitors: [{ name: 'Phạm Văn Hùng' }] }, officer)
    await t.json('/api/v1/receptions', 'POST', { date: '2026-02-10', kind: 'dinh_ky', hostName: 'Chủ tịch UBND tỉnh', persons: 3, contentType: 'to_cao', visitors: [{ name: 'Võ A' }] }, officer)
    await t.json('/api/v1/receptions', 'POST', { date: '2026-02-10', kind: 'dinh_ky', hostName: 'chu tich ubnd tinh', persons: 1, contentType: 'kien_nghi_phan_anh', visitors: [{ name: 'Võ B' }] }, officer)
    // a visit after the window
    await t.json('/api/v1/receptions', 'POST', { date: '2026-04-01', kind: 'thuong_xuyen', persons: 1, contentType: 'khieu_nai', visitors: [{ name: 'Ngoài kỳ' }] }, officer)

    const body = await report(t, reporter, 'from=2025-12-15&to=2026-03-14')
    expect(body.tiepCongDan).toEqual({
      luot: 4, nguoi: 18, vuViec: 3, vuViecLanDau: 3, vuViecNhieuLan: 0,
      doanDongNguoi: { doan: 1, nguoi: 12 },
      thuongXuyen: { luot: 2, nguoi: 14, doanDongNguoi: 1 },
      dinhKyDotXuat: { ky: 1, luot: 2, nguoi: 4 },
    })
    expect(body.donThu).toEqual({
      tong: 4, nhieuNguoiDungTen: 1, motNguoiDungTen: 2, khac: 1, daXuLy: 3, duDieuKien: 2, khieuNai: 1, toCao: 1, kienNghiPhanAnh: 0,
      thuocThamQuyen: 1, thuLy: 1, khongThuLy: 0, kiemTra: 0, khongThuocThamQuyen: 1, huongDan: 0, chuyenDon: 1, donDoc: 0, luuDon: 1, tachDon: 0,
    })
    expect(body.paknHanhChinh).toMatchObject({ tong: 1, congDvcQuocGia: 1, donThu: 0, duongDayNong: 0, trucTiep: 0, daGiaiQuyet: 0 })
    expect(body.xuLyDon).toEqual({ phaiXuLy: 5, kyTruocChuyenSang: 1, tiepNhanTrongKy: 4, daXuLy: 3, chuaXuLy: 2, vanBanPhucDap: 0 })
    // the matter visited in the first window is "nhiều lần" in the next one
    const next = await report(t, reporter, 'from=2026-02-01&to=2026-04-30')
    expect(next.tiepCongDan).toMatchObject({ luot: 4, vuViec: 4, vuViecLanDau: 3, vuViecNhieuLan: 1 })
    // per agency: only the letters whose competent agency is that one
    const soYt = await report(t, reporter, 'from=2025-12-15&to=2026-03-14&agency=SO_YT')
    expect(soYt.agency).toEqual({ code: 'SO_YT', name: 'Sở Y tế' })
    expect(soYt.donThu).toMatchObject({ tong: 1, daXuLy: 1, duDieuKien: 1, toCao: 1, khongThuocThamQuyen: 1, chuyenDon: 1 })
    expect(soYt.tiepCongDan.luot).toBe(4)
    expect(soYt.text).toContain('thuộc thẩm quyền giải quyết của Sở Y tế')
  })

  it('any generated data: every count equals an independent count of the records', async () => {
    const windows = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 120 }))
      .map(([start, length]) => {
        const day = (n: number) => new Date(Date.parse('2025-06-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10)
        return { from: day(start), to: day(start + length) }
      })
    await fc.assert(
      fc.asyncProperty(
        windows.chain((w) =>
          fc.record({
            w: fc.constant(w),
            letters: fc.array(letterSpec(w), { minLength: 10, maxLength: 80 }),
            visits: fc.array(visitSpec(w), { minLength: 5, maxLength: 40 }),
            agency: fc.option(fc.constantFrom('SO_NNMT', 'UBND_TINH'), { nil: null, freq: 3 }),
          }),
        ),
        async ({ w, letters, visits, agency }: { w: { from: string; to: string }; letters: LetterSpec[]; visits: VisitSpec[]; agency: string | null }) => {
          const t = await testApp()
          insertLetters(t.db.sqlite, letters)
          insertVisits(t.db.sqlite, visits)
          const token = await t.token()
          const body = await report(t, token, `from=${w.from}&to=${w.to}${agency ? `&agency=${agency}` : ''}`)
          const expected = oracle(letters, visits, w, 5, agency)
          expect(body.tiepCongDan).toEqual(expected.tiepCongDan)
          expect(body.donThu).toEqual(expected.donThu)
          expect(body.paknHanhChinh).toEqual(expected.paknHanhChinh)
          expect(body.xuLyDon).toEqual(expected.xuLyDon)
          expect(body.kiemTra).toEqual([])
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('a letter decided again later', () => {
  it('still counts as processed in the window of its first decision', async () => {
    const t = await testApp({ now: new Date('2026-03-10T03:00:00Z') })
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'xuly2', displayName: 'Xử lý', password: 'mat-khau-xu-ly-don', roles: ['xu_ly_don', 'bao_cao'] }, admin)
    let officer = await t.token('xuly2', 'mat-khau-xu-ly-don')
    const letter = { receivedAt: '2026-03-02', channel: 'buu_chinh', contentType: 'kien_nghi_phan_anh', writtenDate: '2026-03-01', field: 'giao_thong', location: 'XA_SON_TAY', summary: 'Đề nghị sửa đường liên thôn.', senders: [{ name: 'Hồ Văn Tư', address: 'Thôn 1, xã Sơn Tây', signed: true }] }
    const { id } = (await (await t.json('/api/v1/letters', 'POST', letter, officer)).json()) as { id: string }
    expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, officer)).status).toBe(200)
    const report = async () => ((await (await t.json('/api/v1/reports/tiep-cong-dan?from=2026-03-01&to=2026-03-14', 'GET', undefined, officer)).json()) as { donThu: { daXuLy: number } }).donThu.daXuLy
    expect(await report()).toBe(1)
    t.clock.advance(30 * 24 * 3600_000) // a month later the officer corrects the decision
    officer = await t.token('xuly2', 'mat-khau-xu-ly-don')
    expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', { outcome: 'luu_don', note: 'Người gửi rút đơn.' }, officer)).status).toBe(200)
    expect(await report()).toBe(1)
  })
})

describe('a report is built once per data version', () => {
  it('repeats come from the cache; a visit, a letter or a setting is counted in the very next report', async () => {
    const t = await testApp()
    const reporter = await staff(t, ['bao_cao'])
    const officer = await staff(t, ['tiep_dan', 'xu_ly_don'])
    const query = 'from=2025-12-15&to=2026-03-14'
    const visit = (persons: number) =>
      t.json('/api/v1/receptions', 'POST', { date: '2026-01-06', kind: 'thuong_xuyen', persons, contentType: 'khieu_nai', visitors: [{ name: 'Phạm Văn Hùng' }] }, officer)
    expect((await visit(6)).status).toBe(201)
    const first = await report(t, reporter, query)
    expect(first.tiepCongDan).toMatchObject({ luot: 1, nguoi: 6, doanDongNguoi: { doan: 1, nguoi: 6 } })
    expect(await report(t, reporter, query)).toEqual(first)

    // white box: a change the version does not see (its trigger dropped) is not seen either —
    // the proof that the repeat was served from the cache
    const sqlite = t.db.sqlite
    const trigger = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'receptions_data_version_update'").get() as { sql: string }).sql
    sqlite.exec('DROP TRIGGER receptions_data_version_update')
    sqlite.exec('UPDATE receptions SET persons = 7')
    expect((await report(t, reporter, query)).tiepCongDan.nguoi).toBe(6)
    sqlite.exec(trigger)
    sqlite.exec('UPDATE receptions SET persons = 6')

    // every change to the inputs counts at once
    expect((await visit(2)).status).toBe(201)
    expect((await report(t, reporter, query)).tiepCongDan).toMatchObject({ luot: 2, nguoi: 8 })
    const admin = await t.token()
    expect((await t.json('/api/v1/settings', 'PUT', { largeGroupThreshold: 10 }, admin)).status).toBe(200)
    expect((await report(t, reporter, query)).tiepCongDan.doanDongNguoi).toEqual({ doan: 0, nguoi: 0 })
    expect((await t.json('/api/v1/letters', 'POST', complaint, officer)).status).toBe(201)
    expect((await report(t, reporter, query)).donThu.tong).toBe(1)

    // a report built with the forms answers one without them, and not the other way round
    const plain = await report(t, reporter, query)
    expect(plain.bieuMau).toBeUndefined()
    const withForms = await report(t, reporter, `${query}&include=bieu-mau`)
    expect(withForms.bieuMau.length).toBe(3)
    expect(await report(t, reporter, query)).toEqual(plain)
  })
})

describe('lateness while the period runs', () => {
  it('a letter due next week is not late yet; once its due date has passed, the next report says so', async () => {
    const t = await testApp()
    const reporter = await staff(t, ['bao_cao'])
    const officer = await staff(t, ['tiep_dan', 'xu_ly_don'])
    // received 2/3/2026 (today), due 12/3, not decided
    expect((await t.json('/api/v1/letters', 'POST', complaint, officer)).status).toBe(201)
    const lateness = async (token = reporter) => {
      const body = await report(t, token, 'from=2025-12-15&to=2026-12-14&include=bieu-do')
      const chart = (body.bieuDo as Array<{ ma: string; cot: Array<{ giaTri: number[] }> }>).find((c) => c.ma === 'dung-han-qua-han')!
      const [onTime, late, notYetDue] = [0, 1, 2].map((i) => chart.cot.reduce((a, bar) => a + (bar.giaTri[i] ?? 0), 0))
      return { onTime, late, notYetDue }
    }
    expect(await lateness()).toEqual({ onTime: 0, late: 0, notYetDue: 1 })
    // the chart's segment opens a list that says what it lists
    const reporterPage = new Browser(t)
    await reporterPage.login(await staffName(t, ['bao_cao']), 'mat-khau-can-bo-123')
    const list = await (await reporterPage.get('/can-bo/bao-cao/ho-so?loai=don&track=don_thu&from=2025-12-15&to=2026-12-14&agency=UBND_TINH&timeliness=chua_den_han&asOf=2026-03-02')).text()
    expect(list).toContain('thuộc thẩm quyền của Ủy ban nhân dân tỉnh Quảng Ngãi; chưa xử lý, chưa đến hạn (tính đến hết ngày 02/03/2026).')
    expect(list).toContain('data-total="1"')
    t.clock.advance(20 * 86_400_000)
    // (a new sign-in: tokens last a day)
    expect(await lateness(await staff(t, ['bao_cao']))).toEqual({ onTime: 0, late: 1, notYetDue: 0 })
  })
})

describe('the data version', () => {
  it('every table a report reads bumps it on insert, update and delete; others do not', async () => {
    const t = await testApp()
    const sqlite = t.db.sqlite
    const version = () => (sqlite.prepare('SELECT n FROM data_version').get() as { n: number }).n
    for (const table of ['letters', 'receptions', 'reception_sessions', 'forwardings', 'agencies', 'settings']) {
      for (const event of ['insert', 'update', 'delete']) {
        const row = sqlite.prepare('SELECT sql FROM sqlite_master WHERE type = ? AND name = ?').get('trigger', `${table}_data_version_${event}`) as { sql: string } | undefined
        expect(row?.sql, `${table} ${event}`).toMatch(new RegExp(`AFTER ${event.toUpperCase()} ON ${table}\\s+BEGIN\\s+UPDATE data_version SET n = n \\+ 1`, 'i'))
      }
    }
    const token = await t.token()
    const before = version()
    expect((await t.json('/api/v1/settings', 'PUT', { largeGroupThreshold: 8 }, token)).status).toBe(200)
    expect(version()).toBeGreaterThan(before)
    const afterSettings = version()
    sqlite.prepare("UPDATE agencies SET name = name WHERE code = 'SO_YT'").run()
    expect(version()).toBe(afterSettings + 1)
    // a user is not an input of any report
    expect((await t.json('/api/v1/users', 'POST', { username: 'khac', displayName: 'Người khác', password: 'mat-khau-khac-123', roles: ['bao_cao'] }, token)).status).toBe(201)
    expect(version()).toBe(afterSettings + 1)
  })
})

