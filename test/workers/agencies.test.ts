// GET/PUT /api/v1/agencies on workerd + D1: bootstrap loads the sample directory into the
// empty database; PUT replaces it in one D1 batch (its only transaction), within D1's limit
// of 100 bound parameters per statement.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_DIRECTORY } from '../../src/sample/directory.ts'
import { adminToken, getJson, jsonRequest, type ApiErrorBody } from './helpers.ts'

interface ApiAgency {
  code: string
  name: string
  level: string
  kind: string
  parentCode: string | null
  fields: string[]
  areaCodes: string[]
  headTitle: string | null
  address: string | null
  validFrom: string | null
  validTo: string | null
  active: boolean
}

let token: string
beforeAll(async () => {
  token = await adminToken()
})

async function listAgencies(query = ''): Promise<ApiAgency[]> {
  const res = await getJson(`/api/v1/agencies${query}`, token)
  expect(res.status).toBe(200)
  return (await res.json()) as ApiAgency[]
}

const putDirectory = (agencies: unknown) => jsonRequest('PUT', '/api/v1/agencies', agencies, token)

const historyCount = () => env.DB.prepare("SELECT count(*) AS n FROM history WHERE entity = 'agency'").first<number>('n')

describe('GET /api/v1/agencies', () => {
  it('lists the sample directory loaded by bootstrap into the empty D1 database', async () => {
    const agencies = await listAgencies()
    expect(agencies).toHaveLength(SAMPLE_DIRECTORY.length)
    const codes = agencies.map((a) => a.code)
    expect(codes).toContain('UBND_TINH')
    expect(codes).toContain('UBND_XA_SON_TAY')
    expect(agencies.find((a) => a.code === 'UBND_XA_SON_TAY')).toEqual({
      code: 'UBND_XA_SON_TAY',
      name: 'Ủy ban nhân dân xã Sơn Tây',
      level: 'xa',
      kind: 'ubnd',
      parentCode: 'UBND_TINH',
      fields: ['dat_dai', 'xay_dung', 'moi_truong', 'tu_phap', 'chinh_sach_xa_hoi', 'an_ninh_trat_tu', 'nong_nghiep', 'dan_toc_ton_giao'],
      areaCodes: ['XA_SON_TAY'],
      headTitle: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây',
      address: null,
      validFrom: '2025-07-01',
      validTo: null,
      active: true,
    })
  })

  it('searches without diacritics ("son tay" finds Sơn Tây)', async () => {
    const codes = (await listAgencies('?q=son%20tay')).map((a) => a.code).sort()
    expect(codes).toEqual(['UBND_HUYEN_SON_TAY', 'UBND_XA_SON_TAY'])
  })
})

describe('PUT /api/v1/agencies', () => {
  it('replaces the directory: unlisted agencies are deleted, new ones added, changes saved', async () => {
    const current = await listAgencies()
    const removed = ['UBND_HUYEN_SON_TAY', 'UBND_XA_SON_TAY']
    const next = current
      .filter((a) => !removed.includes(a.code))
      .map((a) => (a.code === 'BTCD_TINH' ? { ...a, address: '01 Hùng Vương, phường Cẩm Thành' } : a))
    next.push({
      code: 'UBND_XA_MOI',
      name: 'Ủy ban nhân dân xã Mới',
      level: 'xa',
      kind: 'ubnd',
      parentCode: 'UBND_TINH',
      fields: ['dat_dai'],
      areaCodes: ['XA_MOI'],
      headTitle: null,
      address: null,
      validFrom: '2026-01-01',
      validTo: null,
      active: true,
    })
    const historyBefore = await historyCount()

    const res = await putDirectory(next)
    expect(res.status).toBe(200)
    const result = (await res.json()) as { count: number; deactivated: string[]; deleted: string[] }
    expect({ ...result, deleted: [...result.deleted].sort() }).toEqual({ count: current.length - 1, deactivated: [], deleted: removed })

    const after = await listAgencies()
    expect(after).toHaveLength(current.length - 1)
    const codes = after.map((a) => a.code)
    expect(codes).not.toContain('UBND_XA_SON_TAY')
    expect(codes).not.toContain('UBND_HUYEN_SON_TAY')
    expect(codes).toContain('UBND_XA_MOI')
    expect(after.find((a) => a.code === 'BTCD_TINH')?.address).toBe('01 Hùng Vương, phường Cẩm Thành')
    // the change and its history row were one batch
    expect(await historyCount()).toBe((historyBefore ?? 0) + 1)
  })

  it('refuses invalid agency data with 422 and field paths, changing nothing', async () => {
    const before = await listAgencies()
    const historyBefore = await historyCount()
    const invalid = [
      ...before.slice(0, 3),
      { ...before[3], level: 'quan', name: '   ' },
      { ...before[4], code: 'mã có dấu' },
    ]
    const res = await putDirectory(invalid)
    expect(res.status).toBe(422)
    const body = (await res.json()) as ApiErrorBody
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['3.level', '3.name', '4.code'])
    expect(body.error.fields.find((f) => f.path === '3.level')?.message).toBe('Cấp phải là một trong: trung_uong, tinh, huyen, xa.')

    expect(await listAgencies()).toEqual(before)
    expect(await historyCount()).toBe(historyBefore)
  })

  it('refuses a directory whose parents do not resolve (422 with row paths), changing nothing', async () => {
    const before = await listAgencies()
    const broken = before.map((a, i) => (i === 5 ? { ...a, parentCode: 'KHONG_CO' } : a))
    broken.push({ ...before[0]!, code: before[0]!.code }) // a duplicate code
    const res = await putDirectory(broken)
    expect(res.status).toBe(422)
    const paths = ((await res.json()) as ApiErrorBody).error.fields.map((f) => f.path).sort()
    expect(paths).toEqual([`${before.length}.code`, '5.parentCode'])
    expect(await listAgencies()).toEqual(before)
  })

  it('refuses a non-array body with 422', async () => {
    const res = await putDirectory({ code: 'X' })
    expect(res.status).toBe(422)
    expect(((await res.json()) as ApiErrorBody).error.fields[0]?.message).toBe('Danh bạ phải là một danh sách (mảng JSON) các cơ quan.')
  })

  it('runs on a D1 that enforces 100 bound parameters per statement (as production does)', async () => {
    const inList = (n: number) =>
      env.DB.prepare(`SELECT count(*) AS n FROM agencies WHERE code IN (${Array(n).fill('?').join(',')})`)
        .bind(...Array.from({ length: n }, (_, i) => `C${i}`))
        .first<number>('n')
    await expect(inList(100)).resolves.toBe(0)
    await expect(inList(101)).rejects.toThrow(/too many SQL variables/)
  })

  it('saves and then removes a directory larger than 100 agencies (chunked IN lists, one batch)', async () => {
    const base = await listAgencies()
    const many: ApiAgency[] = Array.from({ length: 240 }, (_, i) => ({
      code: `XA_THU_${String(i).padStart(3, '0')}`,
      name: `Ủy ban nhân dân xã Thử ${i}`,
      level: 'xa',
      kind: 'ubnd',
      parentCode: 'UBND_TINH',
      fields: ['dat_dai'],
      areaCodes: [`KV_${i}`],
      headTitle: null,
      address: null,
      validFrom: null,
      validTo: null,
      active: true,
    }))
    const grown = await putDirectory([...base, ...many])
    expect(grown.status).toBe(200)
    expect(((await grown.json()) as { count: number }).count).toBe(base.length + many.length)
    expect(await listAgencies()).toHaveLength(base.length + many.length)

    // back to the base list: 240 deletes, more than 100 codes, so several DELETE … IN (…)
    const shrunk = await putDirectory(base)
    expect(shrunk.status).toBe(200)
    const result = (await shrunk.json()) as { deleted: string[] }
    expect(result.deleted).toHaveLength(many.length)
    expect(await listAgencies()).toEqual(base)
  })

  it('refuses a caller without a token (401)', async () => {
    const res = await jsonRequest('PUT', '/api/v1/agencies', [])
    expect(res.status).toBe(401)
    await res.arrayBuffer()
  })
})
