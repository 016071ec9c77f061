/**
 * Migration 0008 rebuilds resolution_events to add the `gia_han` and `ket_luan` kinds: a database with events
 * recorded under 0005 keeps every one of them, in order (the sequence triggers read the latest by
 * rowid), and every trigger of 0005 and 0006 is there again afterwards.
 */
import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts'
import { testApp } from '../support/app.ts'

// Today's app reads the config version (0010) on every request; that migration touches nothing
// 0008 or 0009 do, so the "before" database has it already for the app-driven test below.
const APP_NEEDS = ['0010_config_version.sql']
const before0008 = mkdtempSync(join(tmpdir(), 'pakn-migrations-'))
for (const name of readdirSync(MIGRATIONS_DIR)) if (name < '0008' || APP_NEEDS.includes(name)) copyFileSync(join(MIGRATIONS_DIR, name), join(before0008, name))
afterAll(() => rmSync(before0008, { recursive: true, force: true }))
// 0008 and whatever came after it
const from0008 = readdirSync(MIGRATIONS_DIR).filter((name) => name.endsWith('.sql') && name >= '0008' && !APP_NEEDS.includes(name)).sort()

it('keeps the recorded events in order and every trigger, and accepts extensions afterwards', () => {
  const sqlite = new BetterSqlite3(':memory:')
  // events without their letter and user are enough here (the HTTP tests run 0008 with foreign keys on)
  sqlite.pragma('foreign_keys = OFF')
  migrate(sqlite, before0008)
  const insert = sqlite.prepare("INSERT INTO resolution_events (id, letter_id, kind, date, data, created_at, created_by) VALUES (?, 'L1', ?, ?, ?, '2026-08-01T00:00:00Z', 'U1')")
  insert.run('e1', 'tam_dinh_chi', '2026-08-01', '{"ground":"cho_giam_dinh","reason":"x"}')
  insert.run('e2', 'tiep_tuc', '2026-08-05', '{"reason":"y"}')
  insert.run('e3', 'tam_dinh_chi', '2026-08-10', '{"ground":"cho_giam_dinh","reason":"z"}')
  const rows = () => sqlite.prepare('SELECT id, letter_id, kind, date, data, document_id, created_at, created_by FROM resolution_events ORDER BY rowid').all()
  const kept = rows()
  expect(() => insert.run('x', 'gia_han', '2026-08-11', '{"days":30,"reason":"r"}')).toThrow(/CHECK constraint failed/)

  expect(migrate(sqlite)).toEqual(from0008)
  expect(rows()).toEqual(kept)
  // the latest clock event is still the suspension e3: a second one is refused, a resumption is not
  expect(() => insert.run('e4', 'tam_dinh_chi', '2026-08-12', '{"ground":"cho_giam_dinh","reason":"w"}')).toThrow(/already suspended/)
  insert.run('e4', 'tiep_tuc', '2026-08-12', '{"reason":"v"}')
  expect(() => sqlite.prepare("UPDATE resolution_events SET date = '2026-08-02' WHERE id = 'e1'").run()).toThrow(/append-only/)
  expect(() => sqlite.prepare("DELETE FROM resolution_events WHERE id = 'e1'").run()).toThrow(/append-only/)

  expect(() => insert.run('g4', 'gia_han', '2026-08-13', '{"days":31,"reason":"r"}')).toThrow(/CHECK constraint failed/)
  expect(() => insert.run('g5', 'gia_han', '2026-08-13', '{"days":"30","reason":"r"}')).toThrow(/CHECK constraint failed/)
  expect(() => insert.run('g6', 'gia_han', '2026-08-13', '{"days":30,"reason":" "}')).toThrow(/CHECK constraint failed/)
  insert.run('g1', 'gia_han', '2026-08-13', '{"days":30,"reason":"r"}')
  insert.run('g2', 'gia_han', '2026-08-14', '{"days":15,"reason":"r"}')
  expect(() => insert.run('g3', 'gia_han', '2026-08-15', '{"days":5,"reason":"r"}')).toThrow(/extended twice/)

  // the conclusion closes the case, and has its number and finding
  expect(() => insert.run('k0', 'ket_luan', '2026-08-20', '{"number":"","finding":"dung","summary":"s"}')).toThrow(/CHECK constraint failed/)
  expect(() => insert.run('k0', 'ket_luan', '2026-08-20', '{"number":"15/KL-UBND","finding":"dung lam","summary":"s"}')).toThrow(/CHECK constraint failed/)
  insert.run('k1', 'ket_luan', '2026-08-20', '{"number":"15/KL-UBND","finding":"dung_mot_phan","summary":"s"}')
  expect(() => insert.run('k2', 'tam_dinh_chi', '2026-08-21', '{"ground":"cho_giam_dinh","reason":"w"}')).toThrow(/resolution closed/)

  const triggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'resolution_events' OR name = 'letters_outcome_fixed_once_resolving') ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name)
  expect(triggers).toEqual([
    'letters_outcome_fixed_once_resolving',
    'resolution_events_closed',
    'resolution_events_concluded',
    'resolution_events_extend_twice',
    'resolution_events_no_delete',
    'resolution_events_no_update',
    'resolution_events_resume_suspended',
    'resolution_events_suspend_once',
  ])
  expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'resolution_events_letter'").get()).toBeTruthy()
})

it('runs with foreign keys on, under a database the app has been using: events kept, new kinds recorded after', async () => {
  const t = await testApp({ now: new Date('2026-08-03T02:00:00Z'), migrationsDir: before0008 })
  const admin = await t.token()
  expect((await t.json('/api/v1/users', 'POST', { username: 'xuly', displayName: 'Cán bộ xử lý', password: 'mat-khau-can-bo-123', roles: ['xu_ly_don'] }, admin)).status).toBe(201)
  const token = await t.token('xuly', 'mat-khau-can-bo-123')
  const letter = {
    receivedAt: '2026-08-03',
    channel: 'buu_chinh',
    contentType: 'to_cao',
    writtenDate: '2026-08-03',
    field: 'dat_dai',
    senders: [{ name: 'Lê Thị Hoa Mai', address: 'Tổ 5, phường Cẩm Thành', signed: true }],
    respondent: { agencyCode: 'UBND_TINH', person: 'Nguyễn Văn Tâm', isHead: false },
    act: 'Nhận tiền để hợp thức hóa đất lấn chiếm.',
    summary: 'Tố cáo cán bộ nhận hối lộ.',
    hasEvidence: true,
  }
  const { id } = (await (await t.json('/api/v1/letters', 'POST', letter, token)).json()) as { id: string }
  expect((await t.json(`/api/v1/letters/${id}/decision`, 'POST', {}, token)).status).toBe(200)
  const act = (action: string, body: unknown) => t.json(`/api/v1/letters/${id}/resolution/${action}`, 'POST', body, token)
  expect((await act('suspension', { date: '2026-08-03', ground: 'cho_giam_dinh', reason: 'Chờ giám định.' })).status).toBe(201)
  expect((await act('resumption', { date: '2026-08-03', reason: 'Đã có kết quả.' })).status).toBe(201)
  const before = t.dump('resolution_events')

  expect(t.db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
  expect(migrate(t.db.sqlite)).toEqual(from0008)
  expect(t.dump('resolution_events')).toEqual(before)
  expect(t.db.sqlite.pragma('foreign_key_check')).toEqual([])
  expect((await act('extension', { date: '2026-08-03', days: 10, reason: 'Phải xác minh tại ba xã.' })).status).toBe(201)
  expect((await act('conclusion', { date: '2026-08-03', number: '5/KL-UBND', finding: 'sai', summary: 'Tố cáo sai.' })).status).toBe(201)
  // the 0006 trigger came back: the outcome of a case being resolved cannot change
  expect(() => t.db.sqlite.prepare("UPDATE letters SET outcome = 'luu_don' WHERE id = ?").run(id)).toThrow(/resolution already started/)
})
