// Forwardings on workerd + D1: the queries that judge "answered", "late" and "latest of its chain"
// (EXISTS over the same table, rowid, a CTE for the board's overview) and the reply's guarded
// batch run on D1 as on SQLite; the letters queue and the overview pages render.
import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ORIGIN, adminToken, cookieHeader, csrfField, getJson, jsonRequest, setCookies, url } from './helpers.ts'

async function user(admin: string, username: string, roles: string[], agencyCode?: string) {
  const created = await jsonRequest('POST', '/api/v1/users', { username, displayName: `Cán bộ ${username}`, password: `mat-khau-${username}`, roles, agencyCode }, admin)
  expect(created.status).toBe(201)
  const res = await jsonRequest('POST', '/api/v1/auth/token', { username, password: `mat-khau-${username}` })
  return ((await res.json()) as { token: string }).token
}

async function signIn(username: string) {
  const page = await SELF.fetch(url('/dang-nhap'))
  const csrf = setCookies(page).get('pakn_csrf')!
  const res = await SELF.fetch(url('/dang-nhap'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader({ pakn_csrf: csrf }), origin: ORIGIN },
    body: new URLSearchParams({ _csrf: csrfField(await page.text())!, username, password: `mat-khau-${username}`, next: '/can-bo' }).toString(),
  })
  expect(res.status).toBe(303)
  return cookieHeader({ pakn_csrf: csrf, pakn_sid: setCookies(res).get('pakn_sid')! })
}

describe('forwardings on workerd', () => {
  it('forwards, lists by state, records the reply in one batch, and shows the board’s overview', async () => {
    const admin = await adminToken()
    const handler = await user(admin, 'xulydon', ['xu_ly_don'])
    const commune = await user(admin, 'sontay', ['co_quan'], 'UBND_XA_SON_TAY')
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
    const created = await jsonRequest(
      'POST',
      '/api/v1/letters',
      {
        receivedAt: today,
        channel: 'hop_thu',
        contentType: 'kien_nghi_phan_anh',
        writtenDate: today,
        field: 'moi_truong',
        location: 'XA_SON_TAY',
        senders: [{ name: 'Phạm Thị Lan', address: 'Thôn 1, xã Sơn Tây', signed: true }],
        summary: 'Bãi rác tự phát gây ô nhiễm nguồn nước.',
      },
      handler,
    )
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    expect((await jsonRequest('POST', `/api/v1/letters/${id}/decision`, {}, handler)).status).toBe(200)

    const waiting = (await (await getJson('/api/v1/forwardings?status=cho_tiep_nhan', commune)).json()) as { items: Array<{ id: string; replyDueOn: string }> }
    expect(waiting.items).toHaveLength(1)
    const forwarding = waiting.items[0]!
    expect(forwarding.replyDueOn > today).toBe(true)
    expect((await jsonRequest('POST', `/api/v1/forwardings/${forwarding.id}/acknowledge`, {}, commune)).status).toBe(200)
    const reply = await jsonRequest('POST', `/api/v1/forwardings/${forwarding.id}/reply`, { number: '45/UBND', date: today, result: 'Đã dọn bãi rác.' }, commune)
    expect(reply.status).toBe(200)
    const answered = (await (await getJson('/api/v1/forwardings?status=da_phuc_dap', commune)).json()) as { items: unknown[] }
    expect(answered.items).toHaveLength(1)
    expect((await jsonRequest('POST', `/api/v1/forwardings/${forwarding.id}/reply`, { number: '46/UBND', date: today, result: 'x' }, commune)).status).toBe(409)
    const letter = (await (await getJson(`/api/v1/letters/${id}`, handler)).json()) as { status: string }
    expect(letter.status).toBe('da_phuc_dap')

    const cookie = await signIn('xulydon')
    const overview = await SELF.fetch(url('/can-bo/co-quan/tong-hop'), { headers: { cookie } })
    expect(overview.status).toBe(200)
    expect(await overview.text()).toContain('45/UBND')
    const queue = await SELF.fetch(url('/can-bo/don?tab=da_phuc_dap&q=pham%20thi%20lan'), { headers: { cookie } })
    expect(queue.status).toBe(200)
    expect(await queue.text()).toContain('1 đơn.')
  })
})
