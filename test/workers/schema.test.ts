// The schema on D1: migrations/0001_init.sql split by wrangler's splitter and applied by
// apply-migrations.ts gives the same objects as on Node, and the invariants that live in
// triggers (append-only history) hold on D1 too.
import { SELF, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { url } from './helpers.ts'

interface SchemaObject {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

/** D1's schema, minus SQLite's own objects, D1's internal _cf_* tables and d1_migrations. */
async function d1Schema(): Promise<SchemaObject[]> {
  const { results } = await env.DB.prepare(
    "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name <> 'd1_migrations' ORDER BY type, name",
  ).all<SchemaObject>()
  return results
}

/**
 * SQL without `--` comments and with whitespace collapsed (outside string literals): wrangler's
 * splitter drops comments inside statements, which SQLite then stores without them.
 */
function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null
  let out = ''
  let quote: string | null = null
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!
    if (quote) {
      out += ch
      if (ch === quote) quote = null
    } else if (ch === "'" || ch === '"') {
      quote = ch
      out += ch
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
      out += ' '
    } else {
      out += /\s/.test(ch) ? ' ' : ch
    }
  }
  return out.replace(/ {2,}/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').replace(/ ,/g, ',').trim()
}

const normalised = (objects: SchemaObject[]) => objects.map((o) => ({ ...o, sql: normaliseSql(o.sql) }))

describe('migrations on D1', () => {
  it('records every migration file once, like `wrangler d1 migrations apply`', async () => {
    const { results } = await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{ name: string }>()
    expect(results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name))
    expect(results[0]?.name).toBe('0001_init.sql')
  })

  it('builds exactly the schema the Node migrator builds from the same files (same objects, same SQL up to comments)', async () => {
    const node = env.TEST_NODE_SCHEMA as SchemaObject[]
    expect(node.length).toBeGreaterThan(40)
    expect(normalised(await d1Schema())).toEqual(normalised(node))
  })

  it('keeps each CREATE TRIGGER … BEGIN …; END; whole when splitting', async () => {
    const queries = env.TEST_MIGRATIONS.flatMap((m) => m.queries)
    const triggers = queries.filter((q) => /^\s*CREATE TRIGGER/i.test(q))
    expect(triggers.length).toBeGreaterThanOrEqual(9)
    for (const trigger of triggers) expect(trigger).toMatch(/\bBEGIN\b[\s\S]*;\s*END$/)
    // a body with two statements stays one query
    const fts = triggers.find((q) => q.includes('TRIGGER letters_fts_update'))
    expect(fts?.match(/INSERT INTO letters_fts/g)).toHaveLength(2)
    // no fragment of a trigger body became a statement of its own (a body's INSERT or UPDATE names
    // NEW or OLD; the top-level INSERTs of migrations 0007, 0008, 0010 and 0011 and UPDATEs of 0009 do not)
    expect(
      queries.filter((q) => /^\s*(END|SELECT RAISE|UPDATE (data|config)_version)\b/i.test(q) || (/^\s*(INSERT|UPDATE)\b/i.test(q) && /\b(NEW|OLD)\./.test(q))),
    ).toEqual([])
    expect(queries.filter((q) => /^\s*INSERT\b/i.test(q)).map((q) => q.split('\n')[0])).toEqual([
      'INSERT INTO data_version (id, n) VALUES (1, 0)',
      'INSERT INTO resolution_events_next (id, letter_id, kind, date, data, document_id, created_at, created_by)',
      'INSERT INTO config_version (id, n) VALUES (1, 0)',
      "INSERT INTO letters_fts (letters_fts, rank) VALUES ('automerge', 16)",
      "INSERT INTO letters_fts (letters_fts, rank) VALUES ('crisismerge', 64)",
    ])

    const names = (await d1Schema()).filter((o) => o.type === 'trigger').map((o) => o.name)
    expect(names).toEqual(
      expect.arrayContaining(['history_no_update', 'history_no_delete', 'letters_fts_insert', 'letters_fts_update', 'receptions_report_dims_insert', 'forwardings_report_dims_insert', 'settings_config_version_update']),
    )
  })

  it('has the FTS5 table with the unicode61 remove_diacritics 2 tokenizer, kept in sync by its triggers', async () => {
    const sql = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE name = 'letters_fts'").first<string>('sql')
    expect(sql).toMatch(/USING fts5/i)
    expect(sql).toContain("tokenize = 'unicode61 remove_diacritics 2'")
    expect(await env.DB.prepare('SELECT count(*) AS n FROM letters_fts').first<number>('n')).toBe(0)
    // migration 0011's merge settings, kept in the index's own config table
    const merging = await env.DB.prepare("SELECT k, v FROM letters_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k").all<{ k: string; v: number }>()
    expect(merging.results).toEqual([
      { k: 'automerge', v: 16 },
      { k: 'crisismerge', v: 64 },
    ])
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
