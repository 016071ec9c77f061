import { describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINES } from '../../src/domain/deadline-table.ts'
import { testApp } from '../support/app.ts'

describe('/api/v1/settings', () => {
  it('returns the full settings, with the sample home agency and 2026 calendar', async () => {
    const t = await testApp()
    const res = await t.json('/api/v1/settings', 'GET', undefined, await t.token())
    expect(res.status).toBe(200)
    const settings = (await res.json()) as Record<string, unknown>
    expect(settings).toMatchObject({ homeAgencyCode: 'UBND_TINH', largeGroupThreshold: 5, centralAgencyCode: 'TTCP' })
    expect(settings.holidays).toEqual(expect.arrayContaining(['2026-02-16', '2026-09-02']))
    expect(settings.extraWorkingDays).toEqual(expect.arrayContaining(['2026-01-10', '2026-08-22']))
    expect(settings.deadlines).toEqual(DEFAULT_DEADLINES)
  })

  it('applies a partial update and returns the full settings; history records who', async () => {
    const t = await testApp()
    const token = await t.token()
    const res = await t.json('/api/v1/settings', 'PUT', { largeGroupThreshold: 7, holidays: ['2027-01-01', '2026-12-31', '2027-01-01'] }, token)
    expect(res.status).toBe(200)
    const settings = (await res.json()) as { largeGroupThreshold: number; holidays: string[]; homeAgencyCode: string }
    expect(settings.largeGroupThreshold).toBe(7)
    expect(settings.holidays).toEqual(['2026-12-31', '2027-01-01'])
    expect(settings.homeAgencyCode).toBe('UBND_TINH')
    const last = t.dump('history').at(-1) as { action: string; actor_name: string }
    expect(last).toMatchObject({ action: 'cap_nhat_cai_dat', actor_name: 'Quản trị hệ thống' })
  })

  it('rejects bad values with field messages and changes nothing', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('settings')
    const res = await t.json('/api/v1/settings', 'PUT', { largeGroupThreshold: 1, holidays: ['2026-13-01'], homeAgencyCode: 'KHONG CO', unknownKey: 1 }, token)
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }
    expect(error.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['largeGroupThreshold', 'holidays.0', 'homeAgencyCode']))
    expect(error.fields.find((f) => f.path === 'largeGroupThreshold')?.message).toBe('Ngưỡng đoàn đông người phải từ 2 người trở lên.')
    expect(t.dump('settings')).toEqual(before)
  })

  it('rejects an unknown home agency and a day that is both holiday and make-up day', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('settings')
    const unknown = await t.json('/api/v1/settings', 'PUT', { homeAgencyCode: 'KHONG_CO' }, token)
    expect(unknown.status).toBe(422)
    const both = await t.json('/api/v1/settings', 'PUT', { extraWorkingDays: ['2026-09-02'] }, token)
    expect(both.status).toBe(422)
    expect(((await both.json()) as { error: { fields: Array<{ message: string }> } }).error.fields[0]?.message).toContain('2026-09-02')
    expect(t.dump('settings')).toEqual(before)
  })
})

describe('conventions, deadlines and competence rules are settings', () => {
  it('switches a convention and changes a deadline row, which the classifier then uses', async () => {
    const t = await testApp()
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'xuly', displayName: 'Xử lý', password: 'mat-khau-xu-ly-don', roles: ['xu_ly_don'] }, admin)
    const officer = await t.token('xuly', 'mat-khau-xu-ly-don')
    const torn = { receivedAt: '2026-03-02', channel: 'buu_chinh', contentType: 'kien_nghi_phan_anh', writtenDate: '2026-03-01', illegible: true, field: 'giao_thong', location: 'XA_SON_TAY', summary: 'Đề nghị sửa đường liên thôn.', senders: [{ name: 'Hồ Văn Tư', address: 'Thôn 1, xã Sơn Tây', signed: true }] }
    const before = (await (await t.json('/api/v1/classify', 'POST', torn, officer)).json()) as { reasons: string[]; dueDate: string }
    expect(before.reasons).toContain('khong_doc_duoc')
    const res = await t.json('/api/v1/settings', 'PUT', { conventions: { illegibleIneligible: false } }, admin)
    expect(res.status).toBe(200)
    const settings = (await res.json()) as { conventions: Record<string, boolean>; deadlines: Array<Record<string, unknown>> }
    expect(settings.conventions).toMatchObject({ illegibleIneligible: false, abusiveIneligible: true })
    const after = (await (await t.json('/api/v1/classify', 'POST', torn, officer)).json()) as { reasons: string[]; dueDate: string }
    expect(after.reasons).not.toContain('khong_doc_duoc')
    // D1 from 10 to 15 days
    const deadlines = settings.deadlines.map((row) => (row.rule === 'D1' ? { ...row, length: 15 } : row))
    expect((await t.json('/api/v1/settings', 'PUT', { deadlines }, admin)).status).toBe(200)
    const longer = (await (await t.json('/api/v1/classify', 'POST', torn, officer)).json()) as { dueDate: string }
    expect(longer.dueDate).toBe('2026-03-17')
  })

  it('rejects a malformed deadline row or unknown convention, changing nothing', async () => {
    const t = await testApp()
    const admin = await t.token()
    const before = t.dump('settings')
    const bad = await t.json('/api/v1/settings', 'PUT', { deadlines: [{ rule: 'D99', variant: 'thuong', from: null, to: null, length: 0, unit: 'tuan', label: '', basis: 'x' }], conventions: { khongCo: true } }, admin)
    expect(bad.status).toBe(422)
    const paths = ((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['deadlines.0.rule', 'deadlines.0.length', 'deadlines.0.unit', 'deadlines.0.label']))
    expect(t.dump('settings')).toEqual(before)
  })
})
