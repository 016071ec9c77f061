/**
 * Applies migrations/*.sql on Node, recording them in the same `d1_migrations` table that
 * `wrangler d1 migrations apply` keeps, so a database file is interchangeable between the two.
 * Each file runs in its own transaction: a failing migration leaves nothing behind.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url))

export function migrate(sqlite: BetterSqlite3.Database, dir = MIGRATIONS_DIR): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`)
  const applied = new Set(
    (sqlite.prepare('SELECT name FROM d1_migrations').all() as Array<{ name: string }>).map((r) => r.name),
  )
  const pending = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f) && !applied.has(f))
    .sort()
  const apply = sqlite.transaction((name: string, sql: string) => {
    sqlite.exec(sql)
    sqlite.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name)
  })
  for (const name of pending) apply(name, readFileSync(join(dir, name), 'utf8'))
  return pending
}
