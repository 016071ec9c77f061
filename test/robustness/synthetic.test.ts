/**
 * The synthetic loader (scripts/synthetic/generate.ts): generating in a worker thread while this
 * thread writes gives the very database that generating here does, row for row; and the rows keep
 * the CHECK constraints and foreign keys when written without bulk mode.
 */
import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { LOADED_COLUMNS, seedSynthetic, type SeedOptions } from '../../scripts/synthetic/generate.ts'
import { migrate } from '../../src/db/migrate.ts'
import { fromSqlite } from '../../src/db/sqlite.ts'
import { bootstrap } from '../../src/http/bootstrap.ts'

async function seeded(o: Partial<SeedOptions>) {
  const db = fromSqlite(new BetterSqlite3(':memory:'))
  migrate(db.sqlite)
  await bootstrap({ db, now: () => new Date('2026-12-31T00:00:00Z'), clientAddress: () => 'test', config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 } })
  const stats = await seedSynthetic(db.sqlite, { letters: 12_000, visits: 4_000, year: 2026, seed: 9, fts: 'rebuild', bulk: true, ...o })
  return { db, stats }
}

/** Every loaded table's rows in rowid order, with the columns triggers fill. */
const dump = (sqlite: BetterSqlite3.Database) =>
  Object.fromEntries(Object.keys(LOADED_COLUMNS).map((table) => [table, sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all()]))

it('writes the same rows whether the generator runs in a worker thread or here', async () => {
  const here = await seeded({ thread: false })
  const apart = await seeded({ thread: true })
  const a = dump(here.db.sqlite)
  const b = dump(apart.db.sqlite)
  expect((a.letters as unknown[]).length).toBe(12_000)
  expect((a.receptions as unknown[]).length).toBe(4_000)
  for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table])
  expect({ ...apart.stats, letterSeconds: 0, visitSeconds: 0, indexSeconds: 0, ftsSeconds: 0 }).toEqual({ ...here.stats, letterSeconds: 0, visitSeconds: 0, indexSeconds: 0, ftsSeconds: 0 })
  expect(here.stats.matters).toBeGreaterThan(0)
  await here.db.close()
  await apart.db.close()
})

it('keeps every constraint when written row by row with foreign keys on', async () => {
  const { db } = await seeded({ letters: 3_000, visits: 1_000, bulk: false, fts: 'triggers', thread: true })
  expect(db.sqlite.pragma('foreign_key_check')).toEqual([])
  // the search index, filled by its trigger row by row, matches the letters (SQLITE_CORRUPT_VTAB otherwise)
  expect(() => db.sqlite.prepare("INSERT INTO letters_fts (letters_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
  expect(db.sqlite.prepare('SELECT count(*) FROM letters_fts').pluck().get()).toBe(3_000)
  await db.close()
})
