import { describe, expect, it } from 'vitest'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { testApp, type TestApp } from '../support/app.ts'

type ApiAgency = { code: string; name: string; active: boolean; parentCode: string | null; fields: string[] }

const list = async (t: TestApp, token: string, query = '') =>
  (await (await t.json(`/api/v1/agencies${query}`, 'GET', undefined, token)).json()) as ApiAgency[]

const minimal = [
  { code: 'UBND_TINH', name: 'Ủy ban nhân dân tỉnh', level: 'tinh', kind: 'ubnd', parentCode: null, fields: [], areaCodes: [] },
  { code: 'SO_YT', name: 'Sở Y tế', level: 'tinh', kind: 'so', parentCode: 'UBND_TINH', fields: ['y_te'], areaCodes: [] },
]

describe('GET /api/v1/agencies', () => {
  it('lists the sample directory loaded into the empty database', async () => {
    const t = await testApp()
    const agencies = await list(t, await t.token())
    expect(agencies).toHaveLength(SAMPLE_DIRECTORY.length)
    expect(agencies.find((a) => a.code === 'UBND_XA_SON_TAY')).toMatchObject({
      name: 'Ủy ban nhân dân xã Sơn Tây',
      level: 'xa',
      kind: 'ubnd',
      parentCode: 'UBND_TINH',
      areaCodes: ['XA_SON_TAY'],
      validFrom: '2025-07-01',
      active: true,
    })
  })

  it('searches without diacritics', async () => {
    const t = await testApp()
    const token = await t.token()
    expect((await list(t, token, '?q=so%20nong%20nghiep')).map((a) => a.code)).toEqual(['SO_NNMT'])
    expect((await list(t, token, '?q=SƠN%20TÂY')).map((a) => a.code).sort()).toEqual(['UBND_HUYEN_SON_TAY', 'UBND_XA_SON_TAY'])
    expect((await list(t, token, '?q=%25')).length).toBe(0) // LIKE wildcards are literal
  })
})

describe('PUT /api/v1/agencies', () => {
  it('replaces the directory; agencies no longer listed are deleted', async () => {
    const t = await testApp()
    const token = await t.token()
    const res = await t.json('/api/v1/agencies', 'PUT', minimal, token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ count: 2 })
    expect((await list(t, token)).map((a) => a.code).sort()).toEqual(['SO_YT', 'UBND_TINH'])
    expect(t.dump('history').some((h) => (h as { action: string }).action === 'thay_danh_ba')).toBe(true)
  })

  it('keeps an agency that records point to, marked inactive, and its parents', async () => {
    const t = await testApp()
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'coquan1', displayName: 'Cán bộ xã', password: 'mat-khau-co-quan', roles: ['co_quan'], agencyCode: 'UBND_XA_SON_TAY' }, admin)
    const res = await t.json('/api/v1/agencies', 'PUT', [minimal[1]!], admin)
    expect(res.status).toBe(200)
    const after = await list(t, admin)
    expect(after.find((a) => a.code === 'UBND_XA_SON_TAY')?.active).toBe(false)
    expect(after.find((a) => a.code === 'UBND_TINH')?.active).toBe(false) // parent of kept agencies stays
    expect(after.find((a) => a.code === 'SO_YT')?.active).toBe(true)
    expect(after.find((a) => a.code === 'SO_NNMT')).toBeUndefined()
  })

  it('rejects invalid agency data with 422 and field paths, changing nothing', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('agencies')
    const res = await t.json(
      '/api/v1/agencies',
      'PUT',
      [
        { code: 'A B', name: '', level: 'quan', kind: 'so', fields: ['Đất đai'] },
        { code: 'X1', name: 'Tên', level: 'tinh', kind: 'so', parentCode: 'KHONG_CO' },
        { code: 'X2', name: 'Tên', level: 'tinh', kind: 'so', validFrom: '2026-02-30' },
      ],
      token,
    )
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { code: string; fields: Array<{ path: string; message: string }> } }
    expect(error.code).toBe('validation_failed')
    const paths = error.fields.map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['0.code', '0.name', '0.level', '0.fields.0', '2.validFrom']))
    expect(error.fields.find((f) => f.path === '0.name')?.message).toBe('Tên cơ quan không được để trống.')
    expect(t.dump('agencies')).toEqual(before)
  })

  it('rejects a parent that does not exist and a loop', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('agencies')
    const res = await t.json(
      '/api/v1/agencies',
      'PUT',
      [
        { code: 'P1', name: 'Một', level: 'tinh', kind: 'so', parentCode: 'P2' },
        { code: 'P2', name: 'Hai', level: 'tinh', kind: 'so', parentCode: 'P1' },
        { code: 'P3', name: 'Ba', level: 'tinh', kind: 'so', parentCode: 'KHONG_CO' },
      ],
      token,
    )
    expect(res.status).toBe(422)
    const { error } = (await res.json()) as { error: { fields: Array<{ path: string; message: string }> } }
    expect(error.fields.map((f) => f.path)).toEqual(['0.parentCode', '1.parentCode', '2.parentCode'])
    expect(error.fields[2]?.message).toBe('Không tìm thấy cơ quan cấp trên có mã "KHONG_CO".')
    expect(t.dump('agencies')).toEqual(before)
  })

  it('malformed JSON → 400, not JSON → 415, not a list → 422; nothing changes', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('agencies')
    const malformed = await t.json('/api/v1/agencies', 'PUT', '[{"code":', token)
    expect(malformed.status).toBe(400)
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalid_json')
    const text = await t.request('/api/v1/agencies', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: '[]' })
    expect(text.status).toBe(415)
    expect((await t.json('/api/v1/agencies', 'PUT', { code: 'X' }, token)).status).toBe(422)
    expect(t.dump('agencies')).toEqual(before)
  })

  it('an oversized body → 413, nothing changes', async () => {
    const t = await testApp()
    const token = await t.token()
    const before = t.dump('agencies')
    const huge = JSON.stringify(Array.from({ length: 30000 }, (_, i) => ({ code: `C${i}`, name: 'x'.repeat(60), level: 'xa', kind: 'ubnd' })))
    expect(huge.length).toBeGreaterThan(2 * 1024 * 1024)
    const res = await t.json('/api/v1/agencies', 'PUT', huge, token)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large')
    expect(t.dump('agencies')).toEqual(before)
  })

  it('only an admin may replace the directory', async () => {
    const t = await testApp()
    const admin = await t.token()
    await t.json('/api/v1/users', 'POST', { username: 'baocao', displayName: 'Phạm Thị Dung', password: 'mat-khau-bao-cao', roles: ['bao_cao'] }, admin)
    const token = await t.token('baocao', 'mat-khau-bao-cao')
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(200)
    expect((await t.json('/api/v1/agencies', 'PUT', minimal, token)).status).toBe(403)
  })
})
