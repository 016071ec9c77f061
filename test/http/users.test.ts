import { describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'

describe('/api/v1/users', () => {
  it('creates staff accounts; a receiving-agency account needs an existing agency', async () => {
    const t = await testApp()
    const admin = await t.token()
    const noAgency = await t.json('/api/v1/users', 'POST', { username: 'xa1', displayName: 'Cán bộ xã', password: 'mat-khau-xa-111', roles: ['co_quan'] }, admin)
    expect(noAgency.status).toBe(422)
    expect(((await noAgency.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]?.path).toBe('agencyCode')
    const unknown = await t.json('/api/v1/users', 'POST', { username: 'xa1', displayName: 'Cán bộ xã', password: 'mat-khau-xa-111', roles: ['co_quan'], agencyCode: 'KHONG_CO' }, admin)
    expect(unknown.status).toBe(422)
    const ok = await t.json('/api/v1/users', 'POST', { username: 'Xa1', displayName: 'Cán bộ xã', password: 'mat-khau-xa-111', roles: ['co_quan'], agencyCode: 'UBND_XA_SON_TAY' }, admin)
    expect(ok.status).toBe(201)
    expect(await ok.json()).toMatchObject({ username: 'xa1', roles: ['co_quan'], agencyCode: 'UBND_XA_SON_TAY', active: true })
    const again = await t.json('/api/v1/users', 'POST', { username: 'xa1', displayName: 'Khác', password: 'mat-khau-xa-222', roles: ['tiep_dan'] }, admin)
    expect(again.status).toBe(409)
  })

  it('rejects short passwords and unknown roles; never returns password hashes', async () => {
    const t = await testApp()
    const admin = await t.token()
    const bad = await t.json('/api/v1/users', 'POST', { username: 'ab', displayName: '', password: 'ngan', roles: ['thu_ky'] }, admin)
    expect(bad.status).toBe(422)
    const paths = ((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['username', 'displayName', 'password', 'roles.0']))
    const all = await (await t.json('/api/v1/users', 'GET', undefined, admin)).text()
    expect(all).not.toContain('pbkdf2')
  })

  it('never lets the last active admin lock everyone out', async () => {
    const t = await testApp()
    const admin = await t.token()
    const users = (await (await t.json('/api/v1/users', 'GET', undefined, admin)).json()) as Array<{ id: string }>
    const res = await t.json(`/api/v1/users/${users[0]!.id}`, 'PATCH', { active: false }, admin)
    expect(res.status).toBe(422)
    const roles = await t.json(`/api/v1/users/${users[0]!.id}`, 'PATCH', { roles: ['bao_cao'] }, admin)
    expect(roles.status).toBe(422)
    expect((await t.json('/api/v1/users', 'GET', undefined, admin)).status).toBe(200)
  })

  it('a new password ends the user\'s sessions', async () => {
    const t = await testApp()
    const admin = await t.token()
    const created = (await (await t.json('/api/v1/users', 'POST', { username: 'ld1', displayName: 'Lãnh đạo', password: 'mat-khau-lanh-dao', roles: ['lanh_dao'] }, admin)).json()) as { id: string }
    const token = await t.token('ld1', 'mat-khau-lanh-dao')
    expect((await t.json(`/api/v1/users/${created.id}`, 'PATCH', { password: 'mat-khau-moi-2026' }, admin)).status).toBe(200)
    expect((await t.json('/api/v1/agencies', 'GET', undefined, token)).status).toBe(401)
    expect(await t.token('ld1', 'mat-khau-moi-2026')).toMatch(/./)
  })

  it('unknown user → 404', async () => {
    const t = await testApp()
    expect((await t.json('/api/v1/users/khong-co', 'PATCH', { displayName: 'X' }, await t.token())).status).toBe(404)
  })
})
