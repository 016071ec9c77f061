// GET/PUT /api/v1/settings on workerd + D1: partial updates in one batch with their history;
// invalid updates are refused whole.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS } from '../../src/sample/directory.ts'
import { adminToken, getJson, jsonRequest, type ApiErrorBody } from './helpers.ts'

interface ApiSettings {
  homeAgencyCode: string | null
  largeGroupThreshold: number
  holidays: string[]
  extraWorkingDays: string[]
  boardName: string
  localityName: string
  [key: string]: unknown
}

let token: string
beforeAll(async () => {
  token = await adminToken()
})

async function getSettings(): Promise<ApiSettings> {
  const res = await getJson('/api/v1/settings', token)
  expect(res.status).toBe(200)
  return (await res.json()) as ApiSettings
}

const putSettings = (update: unknown) => jsonRequest('PUT', '/api/v1/settings', update, token)

async function expect422(update: unknown, paths: string[]) {
  const res = await putSettings(update)
  expect(res.status).toBe(422)
  const body = (await res.json()) as ApiErrorBody
  expect(body.error.code).toBe('validation_failed')
  expect([...new Set(body.error.fields.map((f) => f.path))].sort()).toEqual(paths)
  return body
}

describe('/api/v1/settings', () => {
  it('starts from the sample settings written by bootstrap', async () => {
    const settings = await getSettings()
    expect(settings.homeAgencyCode).toBe('UBND_TINH')
    expect(settings.largeGroupThreshold).toBe(5)
    expect(settings.holidays).toEqual(SAMPLE_HOLIDAYS)
    expect(settings.extraWorkingDays).toEqual(SAMPLE_EXTRA_WORKING_DAYS)
    expect(settings.localityName).toBe('tỉnh Quảng Ngãi')
  })

  it('round-trips a partial update (threshold 7, holidays sorted and de-duplicated)', async () => {
    const before = await getSettings()
    const res = await putSettings({ largeGroupThreshold: 7, holidays: ['2027-01-01', '2026-12-31', '2027-01-01'] })
    expect(res.status).toBe(200)
    const returned = (await res.json()) as ApiSettings
    expect(returned.largeGroupThreshold).toBe(7)
    expect(returned.holidays).toEqual(['2026-12-31', '2027-01-01'])

    const after = await getSettings()
    expect(after).toEqual(returned)
    // keys not in the update are unchanged
    expect(after.extraWorkingDays).toEqual(before.extraWorkingDays)
    expect(after.boardName).toBe(before.boardName)

    // stored as JSON rows, with a history entry naming the admin
    const stored = await env.DB.prepare("SELECT value, updated_by FROM settings WHERE key = 'largeGroupThreshold'").first<{
      value: string
      updated_by: string | null
    }>()
    expect(stored?.value).toBe('7')
    expect(stored?.updated_by).not.toBeNull()
    const history = await env.DB.prepare(
      "SELECT actor_name, data FROM history WHERE entity = 'settings' AND action = 'cap_nhat_cai_dat' ORDER BY id DESC LIMIT 1",
    ).first<{ actor_name: string; data: string }>()
    expect(history?.actor_name).toBe('Quản trị hệ thống')
    expect(JSON.parse(history?.data ?? '{}')).toEqual({ largeGroupThreshold: 7, holidays: ['2026-12-31', '2027-01-01'] })
  })

  it('keeps Vietnamese text intact (NFC) through D1', async () => {
    const nfd = 'Ban Tiếp công dân tỉnh Quảng Ngãi'.normalize('NFD')
    const res = await putSettings({ boardName: nfd })
    expect(res.status).toBe(200)
    await res.arrayBuffer()
    expect((await getSettings()).boardName).toBe('Ban Tiếp công dân tỉnh Quảng Ngãi'.normalize('NFC'))
  })

  it('refuses invalid values with 422 and field paths, changing nothing', async () => {
    const before = await getSettings()
    const historyBefore = await env.DB.prepare("SELECT count(*) AS n FROM history WHERE entity = 'settings'").first<number>('n')

    const body = await expect422({ largeGroupThreshold: 1, holidays: ['2026-02-30'] }, ['holidays.0', 'largeGroupThreshold'])
    expect(body.error.fields.find((f) => f.path === 'largeGroupThreshold')?.message).toBe('Ngưỡng đoàn đông người phải từ 2 người trở lên.')
    await expect422({ largeGroupThreshold: 'bảy' }, ['largeGroupThreshold'])
    await expect422({ khongCo: 1 }, ['khongCo'])
    await expect422({ homeAgencyCode: 'KHONG_CO' }, ['homeAgencyCode'])
    // a day cannot be both a holiday and a make-up working day
    await expect422({ extraWorkingDays: ['2026-12-31'] }, ['extraWorkingDays'])
    // a valid key next to an invalid one is not saved either
    await expect422({ largeGroupThreshold: 9, holidays: ['not-a-date'] }, ['holidays.0'])

    expect(await getSettings()).toEqual(before)
    const historyAfter = await env.DB.prepare("SELECT count(*) AS n FROM history WHERE entity = 'settings'").first<number>('n')
    expect(historyAfter).toBe(historyBefore)
  })
})
