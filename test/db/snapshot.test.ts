/**
 * Db.snapshot on Node: reads on one snapshot, here or on the second connection in a worker thread
 * (`apart`), which a report's load splits its reads across. The thread must read what this
 * connection would, refuse to write, come back after it stopped for being idle, and a report read
 * across the two snapshots must never mix two versions of the data.
 */
import BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery } from 'kysely'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { seedSynthetic } from '../../scripts/synthetic/generate.ts'
import type { Db } from '../../src/db/db.ts'
import { dataVersion } from '../../src/db/data-version.ts'
import { migrate } from '../../src/db/migrate.ts'
import { loadReportData } from '../../src/db/reports.ts'
import { openSqlite, type SqliteDb } from '../../src/db/sqlite.ts'
import { secondConnection } from '../../src/db/sqlite-second-connection.ts'
import { bootstrap } from '../../src/http/bootstrap.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-snapshot-'))
const file = join(dir, 'pakn.db')
let db: SqliteDb
const w = { from: '2026-01-01', to: '2026-12-31' }
const options = { largeGroupThreshold: 5, scopes: ['xld_du_dieu_kien', 'tcd_qua_tiep_dan'] as const, chartsAsOf: w.to }

beforeAll(async () => {
  db = openSqlite(file)
  migrate(db.sqlite)
  await bootstrap({ db, now: () => new Date(), clientAddress: () => 'test', config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 } })
  await seedSynthetic(db.sqlite, { letters: 2000, visits: 1000, year: 2026, seed: 5, fts: 'rebuild', bulk: true })
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The same database without a second connection: every read here. */
const hereOnly = (db: Db): Db => ({ ...db, snapshot: (queries) => db.snapshot(queries) })

const countLetters = CompiledQuery.raw('SELECT count(*) AS n FROM letters')

it('reads apart what it reads here', async () => {
  const here = await db.snapshot([countLetters, CompiledQuery.raw('SELECT kind, count(*) AS n FROM receptions GROUP BY kind ORDER BY kind')])
  const apart = await db.snapshot([countLetters, CompiledQuery.raw('SELECT kind, count(*) AS n FROM receptions GROUP BY kind ORDER BY kind')], { apart: true })
  expect(apart).toEqual(here)
  expect(here[0]).toEqual([{ n: 2000 }])
  // a report split across the two connections is the report read on one
  expect(await loadReportData(db, w, options)).toEqual(await loadReportData(hereOnly(db), w, options))
})

it('refuses to write on the second connection, and changes nothing', async () => {
  await expect(db.snapshot([CompiledQuery.raw("UPDATE letters SET status = 'moi'")], { apart: true })).rejects.toThrow(/not a read/)
  await expect(db.snapshot([CompiledQuery.raw('DELETE FROM history')], { apart: true })).rejects.toThrow()
  expect(await db.snapshot([countLetters], { apart: true })).toEqual([[{ n: 2000 }]])
})

it('sees what this connection committed', async () => {
  const before = await dataVersion(db)
  db.sqlite.prepare("UPDATE settings SET value = value WHERE key = (SELECT key FROM settings LIMIT 1)").run()
  const [[row]] = (await db.snapshot([CompiledQuery.raw('SELECT n FROM data_version')], { apart: true })) as [[{ n: number }]]
  expect(row.n).toBeGreaterThan(before)
})

it('reads everything again on one snapshot when a write lands between the two', async () => {
  const visit = db.sqlite.prepare('SELECT * FROM receptions WHERE kind = ? LIMIT 1').get('thuong_xuyen') as Record<string, unknown>
  let wrote = false
  const calls: string[] = []
  // the second connection's read starts after this one's was done and a visit was added
  const racing: Db = {
    ...db,
    snapshot: async (queries, o) => {
      calls.push(o?.apart ? 'apart' : 'here')
      if (o?.apart && !wrote) {
        await new Promise((resolve) => setTimeout(resolve, 0))
        wrote = true
        db.sqlite
          .prepare('INSERT INTO receptions (id, date, kind, form, persons, matter_id, content_type, search_text, identity_text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run('raced', '2026-06-01', 'thuong_xuyen', 'truc_tiep', 3, visit.matter_id, 'khieu_nai', '', '', '2026-06-01T01:00:00.000Z')
      }
      return db.snapshot(queries, o)
    },
  }
  const before = await loadReportData(hereOnly(db), w, options)
  const raced = await loadReportData(racing, w, options)
  expect(wrote).toBe(true)
  // the two snapshots disagreed, so all was read again on one
  expect(calls).toEqual(['apart', 'here', 'here'])
  const after = await loadReportData(hereOnly(db), w, options)
  expect(raced).toEqual(after)
  expect(raced.version).toBe(await dataVersion(db))
  const visits = (r: typeof before) => [...r.data.visits.buckets.values()].reduce((sum, b) => sum + b.visits, 0)
  expect(visits(raced)).toBe(visits(before) + 1)
})

it('stops when idle and starts again on the next read', async () => {
  const reader = secondConnection(file, 20)
  expect(await reader.read([countLetters])).toEqual([[{ n: 2000 }]])
  await new Promise((resolve) => setTimeout(resolve, 80))
  expect(await reader.read([countLetters])).toEqual([[{ n: 2000 }]])
  await reader.close()
})

it('runs here for an in-memory database, which no other connection can open', async () => {
  const sqlite = new BetterSqlite3(':memory:')
  const { fromSqlite } = await import('../../src/db/sqlite.ts')
  const memory = fromSqlite(sqlite)
  expect(await memory.snapshot([CompiledQuery.raw('SELECT 1 AS one')], { apart: true })).toEqual([[{ one: 1 }]])
  await memory.close()
})
