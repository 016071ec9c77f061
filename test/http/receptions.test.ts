import { describe, expect, it } from 'vitest'
import { testApp, type TestApp } from '../support/app.ts'

async function officer(t: TestApp) {
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username: 'tiepdan', displayName: 'Cán bộ tiếp dân', password: 'mat-khau-tiep-dan', roles: ['tiep_dan'] }, admin)
  return t.token('tiepdan', 'mat-khau-tiep-dan')
}

const visit = {
  date: '2026-07-06',
  kind: 'thuong_xuyen',
  persons: 12,
  contentType: 'khieu_nai',
  field: 'dat_dai',
  summary: 'Đoàn 12 hộ dân thôn 3 khiếu nại việc bồi thường giải phóng mặt bằng dự án đường ven biển.',
  visitors: [
    { name: 'Phạm Văn Hùng', idNumber: '051075000111', address: 'Thôn 3, xã Bình Sơn', representative: true },
    { name: 'Võ Thị Lan', idNumber: '051080000222', address: 'Thôn 3, xã Bình Sơn', representative: true },
  ],
}

describe('POST /api/v1/receptions', () => {
  it('records a visit and opens a matter; a later visit joins it', async () => {
    const t = await testApp()
    const token = await officer(t)
    const res = await t.json('/api/v1/receptions', 'POST', visit, token)
    expect(res.status).toBe(201)
    const first = (await res.json()) as { id: string; caseId: string }
    expect(t.count('matters')).toBe(1)
    expect(t.count('reception_visitors')).toBe(2)
    const again = await t.json('/api/v1/receptions', 'POST', { ...visit, date: '2026-08-03', persons: 3, caseId: first.caseId }, token)
    expect(again.status).toBe(201)
    expect(((await again.json()) as { caseId: string }).caseId).toBe(first.caseId)
    expect(t.count('matters')).toBe(1)
  })

  it('groups a leader\'s visits of one day into one session', async () => {
    const t = await testApp()
    const token = await officer(t)
    const a = (await (await t.json('/api/v1/receptions', 'POST', { ...visit, kind: 'dinh_ky', hostName: 'Nguyễn Văn Chủ tịch' }, token)).json()) as { sessionId: string }
    const b = (await (await t.json('/api/v1/receptions', 'POST', { ...visit, kind: 'dinh_ky', hostName: 'nguyen van chu tich', persons: 2 }, token)).json()) as { sessionId: string }
    expect(a.sessionId).toBeTruthy()
    expect(b.sessionId).toBe(a.sessionId)
    expect(t.count('reception_sessions')).toBe(1)
  })

  it('rejects bad visits with field messages and stores nothing', async () => {
    const t = await testApp()
    const token = await officer(t)
    const before = [t.count('receptions'), t.count('matters')]
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...visit, kind: 'dinh_ky' }, 'hostName'],
      [{ ...visit, persons: 1 }, 'persons'],
      [{ ...visit, persons: 0 }, 'persons'],
      [{ ...visit, visitors: [] }, 'visitors'],
      [{ ...visit, date: '2026-02-29' }, 'date'],
      [{ ...visit, caseId: 'khong-co' }, 'caseId'],
      [{ ...visit, handling: 'tu_choi' }, 'refusalGround'],
    ]
    for (const [body, path] of cases) {
      const res = await t.json('/api/v1/receptions', 'POST', body, token)
      expect(res.status, path).toBe(422)
      const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }
      expect(error.fields.map((f) => f.path), path).toContain(path)
    }
    expect([t.count('receptions'), t.count('matters')]).toEqual(before)
  })

  it('needs the reception role', async () => {
    const t = await testApp()
    const admin = await t.token()
    expect((await t.json('/api/v1/receptions', 'POST', visit, admin)).status).toBe(403)
  })
})
