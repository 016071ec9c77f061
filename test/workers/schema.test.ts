// The schema on D1: migrations/0001_init.sql split by wrangler's splitter and applied by
// apply-migrations.ts gives the same objects as on Node, and the invariants that live in
// triggers (append-only history) hold on D1 too.
import { SELF, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { url } from './helpers.ts'

const TRIGGERS = [
  'history_no_delete',
  'history_no_update',
  'letter_decisions_no_delete',
  'letter_decisions_no_update',
  'letters_fts_insert',
  'letters_fts_update',
  'letters_no_delete',
  'users_roles_known_insert',
  'users_roles_known_update',
]

describe('migrations on D1', () => {
  it('records every migration file once, like `wrangler d1 migrations apply`', async () => {
    const { results } = await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()
    expect(results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name))
    expect(results[0]?.name).toBe('0001_init.sql')
  })

  it('keeps each CREATE TRIGGER … BEGIN …; END; whole', async () => {
    const trigger = env.TEST_MIGRATIONS[0]?.queries.find((q) => q.includes('TRIGGER letters_fts_update'))
    expect(trigger).toMatch(/BEGIN[\s\S]*'delete'[\s\S]*;\s*INSERT INTO letters_fts[\s\S]*END$/)

    const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all<{
      name: string
      sql: string
    }>()
    expect(results.map((r) => r.name)).toEqual(TRIGGERS)
    for (const row of results) expect(row.sql).toMatch(/\bEND$/)
  })

  it('creates the same tables and indexes as the Node migrator', async () => {
    const { results } = await env.DB.prepare(
      "SELECT type, count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' GROUP BY type ORDER BY type",
    ).all<{ type: string; n: number }>()
    // the counts src/db/migrate.ts gives on better-sqlite3 (tables include d1_migrations and
    // the FTS5 table with its shadow tables)
    expect(results).toEqual([
      { type: 'index', n: 20 },
      { type: 'table', n: 25 },
      { type: 'trigger', n: 9 },
    ])
  })

  it('has a working FTS5 table with the unicode61 remove_diacritics 2 tokenizer', async () => {
    const sql = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE name = 'letters_fts'").first<string>('sql')
    expect(sql).toContain("tokenize = 'unicode61 remove_diacritics 2'")
    const count = await env.DB.prepare('SELECT count(*) AS n FROM letters_fts').first<number>('n')
    expect(count).toBe(0)
  })
})

describe('append-only history on D1', () => {
  beforeAll(async () => {
    // the first request runs bootstrap, which writes history (sample directory, admin)
    const res = await SELF.fetch(url('/'))
    expect(res.status).toBe(200)
  })

  it('has history rows written by the app', async () => {
    const { results } = await env.DB.prepare('SELECT entity, action FROM history ORDER BY id').all<{ entity: string; action: string }>()
    expect(results).toContainEqual({ entity: 'agency', action: 'thay_danh_ba' })
    expect(results.some((r) => r.entity === 'user')).toBe(true)
  })

  it('refuses UPDATE', async () => {
    const before = await env.DB.prepare('SELECT id, actor_name FROM history ORDER BY id LIMIT 1').first<{ id: number; actor_name: string }>()
    expect(before).not.toBeNull()
    await expect(
      env.DB.prepare('UPDATE history SET actor_name = ? WHERE id = ?').bind('Kẻ sửa lịch sử', before!.id).run(),
    ).rejects.toThrow(/history is append-only/)
    const after = await env.DB.prepare('SELECT actor_name FROM history WHERE id = ?').bind(before!.id).first<string>('actor_name')
    expect(after).toBe(before!.actor_name)
  })

  it('refuses DELETE', async () => {
    const count = () => env.DB.prepare('SELECT count(*) AS n FROM history').first<number>('n')
    const before = await count()
    expect(before).toBeGreaterThan(0)
    await expect(env.DB.prepare('DELETE FROM history').run()).rejects.toThrow(/history is append-only/)
    await expect(env.DB.prepare('DELETE FROM history WHERE id = (SELECT max(id) FROM history)').run()).rejects.toThrow(
      /history is append-only/,
    )
    expect(await count()).toBe(before)
  })

  it('still accepts INSERT (append)', async () => {
    const result = await env.DB.prepare(
      "INSERT INTO history (at, actor_name, entity, entity_id, action) VALUES (?, 'Hệ thống', 'settings', 'settings', 'kiem_thu')",
    )
      .bind(new Date().toISOString())
      .run()
    expect(result.meta.changes).toBe(1)
  })

  it('rejects an unknown role through the users trigger', async () => {
    await expect(
      env.DB.prepare(
        "INSERT INTO users (id, username, display_name, password_hash, roles, created_at, updated_at) VALUES ('u1', 'nguoila', 'Người lạ', 'pbkdf2-sha256$1$a$b', '[\"sieu_quan_tri\"]', '2026-01-01', '2026-01-01')",
      ).run(),
    ).rejects.toThrow(/unknown role/)
  })
})
