// Resolving an accepted complaint on workerd + D1: the suspension's batch (the guarded touch of
// the letter, the Mẫu 14a document, the event, the history) runs on D1 as on SQLite; the clock is
// paused and counts again after the resumption; the sequence triggers of migration 0005 hold on D1.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { adminToken, getJson, jsonRequest, type ApiErrorBody } from './helpers.ts'

const dayOffset = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

async function user(admin: string, username: string, roles: string[]) {
  const created = await jsonRequest('POST', '/api/v1/users', { username, displayName: `Cán bộ ${username}`, password: `mat-khau-${username}`, roles }, admin)
  expect(created.status).toBe(201)
  const res = await jsonRequest('POST', '/api/v1/auth/token', { username, password: `mat-khau-${username}` })
  return ((await res.json()) as { token: string }).token
}

interface Resolution {
  status: string
  deadline: { deadlineRule: string; dueDate: string | null; paused: boolean }
  events: Array<{ kind: string; documentId: string | null }>
}

describe('resolution on workerd', () => {
  it('suspends in one batch with its Mẫu 14a, pauses the clock, resumes, and refuses a second suspension', async () => {
    const admin = await adminToken()
    const handler = await user(admin, 'giaiquyet', ['xu_ly_don'])
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
    // a second complaint against the commune's decision, in time: the province accepts it
    const created = await jsonRequest(
      'POST',
      '/api/v1/letters',
      {
        receivedAt: today,
        channel: 'buu_chinh',
        contentType: 'khieu_nai',
        writtenDate: today,
        field: 'dat_dai',
        location: 'XA_SON_TAY',
        senders: [{ name: 'Đặng Văn Đức', address: 'Thôn 3, xã Sơn Tây', signed: true }],
        respondent: { agencyCode: 'UBND_XA_SON_TAY', person: 'Trần Văn Bình', isHead: true },
        summary: 'Khiếu nại Quyết định số 12/QĐ-UBND thu hồi đất.',
        request: 'Hủy Quyết định số 12/QĐ-UBND.',
        complaintRound: 2,
        decision: { number: '12/QĐ-UBND', date: dayOffset(today, -10), knownDate: dayOffset(today, -5) },
      },
      handler,
    )
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const decided = (await (await jsonRequest('POST', `/api/v1/letters/${id}/decision`, {}, handler)).json()) as { decision: { outcome: string } }
    expect(decided.decision.outcome).toBe('thu_ly')

    const before = (await (await getJson(`/api/v1/letters/${id}/resolution`, handler)).json()) as Resolution
    expect(before).toMatchObject({ status: 'dang_giai_quyet', deadline: { deadlineRule: 'D4', paused: false } })
    expect(before.deadline.dueDate).not.toBeNull()

    const suspended = await jsonRequest('POST', `/api/v1/letters/${id}/resolution/suspension`, { date: today, ground: 'tro_ngai_khach_quan', reason: 'Người khiếu nại điều trị tại bệnh viện.' }, handler)
    expect(suspended.status).toBe(201)
    const s = (await suspended.json()) as { events: Array<{ kind: string; documentId: string }>; resolution: Resolution }
    expect(s.resolution).toMatchObject({ status: 'tam_dinh_chi', deadline: { dueDate: null, paused: true } })
    const doc = (await (await getJson(`/api/v1/letters/${id}/documents/${s.events[0]!.documentId}`, handler)).json()) as { template: string; form: string }
    expect(doc).toMatchObject({ template: 'nd155_m14a_tam_dinh_chi', form: 'Mẫu số 14a' })
    const letter = (await (await getJson(`/api/v1/letters/${id}`, handler)).json()) as { version: number; history: Array<{ action: string }> }
    expect(letter.version).toBe(3)
    expect(letter.history.map((h) => h.action)).toContain('tam_dinh_chi_giai_quyet')

    // a second suspension: refused by the checks, nothing stored
    const twice = await jsonRequest('POST', `/api/v1/letters/${id}/resolution/suspension`, { date: today, ground: 'tro_ngai_khach_quan', reason: 'x' }, handler)
    expect(twice.status).toBe(422)
    expect(((await twice.json()) as ApiErrorBody).error.fields[0]!.message).toContain('không tạm đình chỉ lần nữa')
    // and by D1 itself, should a racing request get past them
    await expect(
      env.DB.prepare(
        "INSERT INTO resolution_events (id, letter_id, kind, date, data, created_at, created_by) VALUES ('race', ?, 'tam_dinh_chi', ?, '{\"ground\":\"x\"}', 'now', (SELECT id FROM users WHERE username = 'giaiquyet'))",
      )
        .bind(id, today)
        .run(),
    ).rejects.toThrow(/already suspended/)
    const count = await env.DB.prepare('SELECT count(*) AS n FROM resolution_events WHERE letter_id = ?').bind(id).first<{ n: number }>()
    expect(count?.n).toBe(1)

    // resumed the same day: the clock counts again, as if never stopped
    const resumed = await jsonRequest('POST', `/api/v1/letters/${id}/resolution/resumption`, { date: today, reason: 'Đã ra viện.' }, handler)
    expect(resumed.status).toBe(201)
    const r = (await resumed.json()) as { resolution: Resolution }
    expect(r.resolution).toMatchObject({ status: 'dang_giai_quyet', deadline: { paused: false, dueDate: before.deadline.dueDate } })
  })
})
