// Reception on workerd + D1: a large group's visit that registers its letter, its receipt and a
// refusal notice all run as one D1 batch; the register and the matter search read them back.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { adminToken, getJson, jsonRequest } from './helpers.ts'

const visitors = Array.from({ length: 15 }, (_, i) => ({
  name: `Người đại diện số ${i + 1}`,
  idKind: 'can_cuoc',
  idNumber: `0510750001${String(i).padStart(2, '0')}`,
  address: 'Thôn 3, xã Bình Sơn',
  representative: i < 2,
}))

describe('reception on workerd', () => {
  it('records a visit with its letter and documents in one batch, and reads it back', async () => {
    const admin = await adminToken()
    const user = await jsonRequest('POST', '/api/v1/users', { username: 'tiepdan', displayName: 'Cán bộ tiếp dân', password: 'mat-khau-tiep-dan', roles: ['tiep_dan'] }, admin)
    expect(user.status).toBe(201)
    const token = ((await (await jsonRequest('POST', '/api/v1/auth/token', { username: 'tiepdan', password: 'mat-khau-tiep-dan' })).json()) as { token: string }).token
    // 15 visitors: their rows are chunked to stay within D1's 100 bound parameters per statement
    const res = await jsonRequest(
      'POST',
      '/api/v1/receptions',
      {
        date: '2026-07-06',
        kind: 'thuong_xuyen',
        persons: 40,
        contentType: 'khieu_nai',
        summary: 'Đoàn 40 hộ dân khiếu nại việc bồi thường giải phóng mặt bằng.',
        visitors,
        handling: 'nhan_don',
        createLetter: true,
        documentsReceived: ['Đơn khiếu nại (03 trang)'],
      },
      token,
    )
    expect(res.status).toBe(201)
    const created = (await res.json()) as { id: string; caseId: string; letterId: string; documents: Array<{ template: string }> }
    expect(created.documents.map((d) => d.template)).toEqual(['nd154_m02_giay_bien_nhan'])
    const row = await env.DB.prepare('SELECT r.letter_id, l.matter_id, l.channel FROM receptions r JOIN letters l ON l.id = r.letter_id WHERE r.id = ?')
      .bind(created.id)
      .first<{ letter_id: string; matter_id: string; channel: string }>()
    expect(row).toEqual({ letter_id: created.letterId, matter_id: created.caseId, channel: 'truc_tiep' })
    const count = await env.DB.prepare('SELECT count(*) AS n FROM reception_visitors WHERE reception_id = ?').bind(created.id).first<{ n: number }>()
    expect(count?.n).toBe(15)

    const refused = await jsonRequest(
      'POST',
      '/api/v1/receptions',
      { date: '2026-07-07', kind: 'thuong_xuyen', persons: 1, contentType: 'khieu_nai', visitors: [visitors[0]], handling: 'tu_choi', refusalGround: 'tcd_9_3' },
      token,
    )
    expect(refused.status).toBe(201)
    expect(((await refused.json()) as { refusalNoticeDue: string }).refusalNoticeDue).toBe('2026-07-10')

    const register = (await (await getJson('/api/v1/receptions/register?from=2026-07-01&to=2026-07-31', token)).json()) as { rows: Array<{ persons: number; followUp: string }> }
    expect(register.rows.map((r) => r.persons)).toEqual([40, 1])
    expect(register.rows[1]!.followUp).toContain('Từ chối tiếp')
    const matters = (await (await getJson('/api/v1/matters?q=nguoi%20dai%20dien%20so%2012', token)).json()) as { items: Array<{ id: string }> }
    expect(matters.items.map((m) => m.id)).toContain(created.caseId)
  })
})
