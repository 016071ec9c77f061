/**
 * Receipt and matter codes are 8 random symbols of 31: two draws can meet. A new letter whose
 * code (or its new matter's) equals a stored one is registered under codes drawn again — a 201,
 * not a 500 — and its attachments are written with it; so is a visit that opens a new matter.
 */
import { afterEach, expect, it, vi } from 'vitest'
import { testApp } from '../support/app.ts'

const draws = vi.hoisted(() => ({ forced: [] as string[] }))
vi.mock('../../src/db/record-code.ts', async (original) => {
  const real = await original<typeof import('../../src/db/record-code.ts')>()
  // the next forced codes first, then random ones as usual
  return { ...real, newRecordCode: () => draws.forced.shift() ?? real.newRecordCode() }
})
afterEach(() => {
  draws.forced = []
})

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64').toString('base64')
const complaint = (name: string) => ({
  contentType: 'khieu_nai',
  senders: [{ name, address: 'Thôn 3, xã Sơn Tây', phone: '0905123456' }],
  respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Chủ tịch Ủy ban nhân dân xã Sơn Tây' },
  summary: 'Quyết định thu hồi đất số 12/QĐ-UBND không bồi thường cho gia đình tôi.',
  request: 'Hủy quyết định và bồi thường đúng quy định.',
  field: 'dat_dai',
  declaration: true,
  attachments: [{ fileName: 'anh.png', mediaType: 'image/png', data: PNG }],
})
const submit = (t: Awaited<ReturnType<typeof testApp>>, body: unknown) =>
  t.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

it('draws the receipt code again when it equals a stored letter’s', async () => {
  const t = await testApp()
  const first = (await (await submit(t, complaint('Nguyễn Văn An'))).json()) as { code: string }
  draws.forced = [first.code]
  const res = await submit(t, complaint('Trần Thị Bình'))
  expect(res.status).toBe(201)
  const second = (await res.json()) as { code: string }
  expect(second.code).not.toBe(first.code)
  expect(t.count('letters')).toBe(2)
  // the files came with the letter that was written, once
  expect(t.count('attachments')).toBe(2)
})

it('draws both again when the new matter’s code equals a stored matter’s', async () => {
  const t = await testApp()
  await submit(t, complaint('Nguyễn Văn An'))
  const [matter] = t.dump('matters') as Array<{ code: string }>
  // the letter's code is drawn first, then its matter's
  draws.forced = ['23456789', matter!.code]
  const res = await submit(t, complaint('Trần Thị Bình'))
  expect(res.status).toBe(201)
  expect(t.count('matters')).toBe(2)
  expect(new Set((t.dump('matters') as Array<{ code: string }>).map((m) => m.code)).size).toBe(2)
})

it('draws a visit’s new matter code again when it equals a stored matter’s', async () => {
  const t = await testApp()
  const admin = await t.token()
  await t.json('/api/v1/users', 'POST', { username: 'tiepdan', displayName: 'Cán bộ tiếp dân', password: 'mat-khau-can-bo-123', roles: ['tiep_dan'] }, admin)
  const token = await t.token('tiepdan', 'mat-khau-can-bo-123')
  const visit = {
    date: '2026-07-06',
    kind: 'thuong_xuyen',
    persons: 1,
    contentType: 'khieu_nai',
    field: 'dat_dai',
    summary: 'Khiếu nại việc bồi thường giải phóng mặt bằng.',
    visitors: [{ name: 'Phạm Văn Hùng', idKind: 'can_cuoc', idNumber: '051075000111', address: 'Thôn 3, xã Bình Sơn' }],
  }
  expect((await t.json('/api/v1/receptions', 'POST', visit, token)).status).toBe(201)
  const [matter] = t.dump('matters') as Array<{ code: string }>
  draws.forced = [matter!.code]
  const res = await t.json('/api/v1/receptions', 'POST', { ...visit, visitors: [{ name: 'Võ Thị Lan', idKind: 'can_cuoc', idNumber: '051080000222', address: 'Thôn 3, xã Bình Sơn' }] }, token)
  expect(res.status).toBe(201)
  expect(t.count('receptions')).toBe(2)
  expect(new Set((t.dump('matters') as Array<{ code: string }>).map((m) => m.code)).size).toBe(2)
})
