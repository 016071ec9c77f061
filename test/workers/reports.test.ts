// The citizen-reception report on workerd + D1: the visit summary is computed in SQL (a
// materialised CTE, a UNION ALL and sum(DISTINCT 1 << bit)), and D1 must answer it as SQLite does.
import { describe, expect, it } from 'vitest'
import { adminToken, getJson, jsonRequest } from './helpers.ts'

describe('report on workerd', () => {
  it('counts visits, persons, matters, first-time matters and sessions', async () => {
    const admin = await adminToken()
    const user = await jsonRequest('POST', '/api/v1/users', { username: 'baocao', displayName: 'Cán bộ tiếp dân và báo cáo', password: 'mat-khau-bao-cao', roles: ['tiep_dan', 'bao_cao'] }, admin)
    expect(user.status).toBe(201)
    const token = ((await (await jsonRequest('POST', '/api/v1/auth/token', { username: 'baocao', password: 'mat-khau-bao-cao' })).json()) as { token: string }).token
    const visit = async (body: Record<string, unknown>) => {
      const res = await jsonRequest('POST', '/api/v1/receptions', body, token)
      expect(res.status).toBe(201)
      return (await res.json()) as { caseId: string }
    }
    // a matter first visited before the window, visited again inside it: "nhiều lần"
    const old = await visit({ date: '2025-11-20', kind: 'thuong_xuyen', persons: 1, contentType: 'khieu_nai', visitors: [{ name: 'Lê Văn Cũ' }] })
    await visit({ date: '2026-01-05', kind: 'thuong_xuyen', persons: 2, caseId: old.caseId, contentType: 'khieu_nai', visitors: [{ name: 'Lê Văn Cũ' }] })
    // a large group, then the same matter again
    const group = await visit({ date: '2026-01-06', kind: 'thuong_xuyen', persons: 12, contentType: 'khieu_nai', visitors: [{ name: 'Phạm Văn Hùng' }] })
    await visit({ date: '2026-02-03', kind: 'thuong_xuyen', persons: 2, caseId: group.caseId, contentType: 'khieu_nai', visitors: [{ name: 'Phạm Văn Hùng' }] })
    // one leader's session with two visits
    await visit({ date: '2026-02-10', kind: 'dinh_ky', hostName: 'Chủ tịch UBND tỉnh', persons: 3, contentType: 'to_cao', visitors: [{ name: 'Võ A' }] })
    await visit({ date: '2026-02-10', kind: 'dinh_ky', hostName: 'Chủ tịch UBND tỉnh', persons: 1, contentType: 'kien_nghi_phan_anh', visitors: [{ name: 'Võ B' }] })

    const res = await getJson('/api/v1/reports/tiep-cong-dan?from=2025-12-15&to=2026-03-14&include=bieu-mau', token)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { tiepCongDan: unknown; kiemTra: unknown[] }
    expect(body.tiepCongDan).toEqual({
      luot: 5,
      nguoi: 20,
      vuViec: 4,
      vuViecLanDau: 3,
      vuViecNhieuLan: 1,
      doanDongNguoi: { doan: 1, nguoi: 12 },
      thuongXuyen: { luot: 3, nguoi: 16, doanDongNguoi: 1 },
      dinhKyDotXuat: { ky: 1, luot: 2, nguoi: 4 },
    })
    expect(body.kiemTra).toEqual([])
  })
})
