/**
 * Migration 0009 keeps facts the report counts on the rows it counts (a visit's column group and
 * its matter's first day; a reply's letter track, channel and agency), written by triggers. Both
 * the backfill of a database that already has rows and every later change must leave each stored
 * value equal to its definition, which `mismatches` states in SQL from the source rows.
 */
import BetterSqlite3 from 'better-sqlite3'
import fc from 'fast-check'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { seedSynthetic } from '../../scripts/synthetic/generate.ts'
import { MIGRATIONS_DIR, migrate } from '../../src/db/migrate.ts'
import { fromSqlite } from '../../src/db/sqlite.ts'
import { bootstrap } from '../../src/http/bootstrap.ts'
import { AGENCIES, insertLetters, insertVisits, letterSpec, visitSpec } from '../support/report-data.ts'

const before0009 = mkdtempSync(join(tmpdir(), 'pakn-migrations-'))
for (const name of readdirSync(MIGRATIONS_DIR)) if (name < '0009') copyFileSync(join(MIGRATIONS_DIR, name), join(before0009, name))
afterAll(() => rmSync(before0009, { recursive: true, force: true }))

const w = { from: '2026-01-01', to: '2026-03-31' }

/** Rows whose stored report facts differ from what their source rows say now. */
const mismatches = (sqlite: BetterSqlite3.Database) =>
  sqlite
    .prepare(
      `SELECT 'visit' AS kind, r.id, r.category, r.matter_first_on FROM receptions r LEFT JOIN reception_sessions s ON s.id = r.session_id
       WHERE r.category IS NOT (CASE WHEN r.kind = 'thuong_xuyen' THEN 'thuong_xuyen' WHEN s.delegated = 1 THEN 'uy_quyen' ELSE 'thu_truong' END)
          OR r.matter_first_on IS NOT (SELECT min(e.date) FROM receptions e WHERE e.matter_id = r.matter_id)
       UNION ALL
       SELECT 'reply', f.id, f.letter_track, f.letter_agency_code FROM forwardings f JOIN letters l ON l.id = f.letter_id
       WHERE f.letter_track IS NOT l.track OR f.letter_channel IS NOT l.channel OR f.letter_agency_code IS NOT l.competent_agency_code`,
    )
    .all()

const database = (migrations?: string) => {
  const sqlite = new BetterSqlite3(':memory:')
  // rows without their agencies and users are enough here: the triggers read the rows themselves
  sqlite.pragma('foreign_keys = OFF')
  migrate(sqlite, migrations)
  return sqlite
}

it('fills the new columns of a database that already has visits and replies', () => {
  const sqlite = database(before0009)
  const sample = fc.sample(fc.tuple(fc.array(letterSpec(w), { minLength: 30, maxLength: 30 }), fc.array(visitSpec(w), { minLength: 40, maxLength: 40 })), { numRuns: 1, seed: 9 })[0]!
  insertLetters(sqlite, sample[0])
  insertVisits(sqlite, sample[1])
  expect(migrate(sqlite)).toEqual(readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql') && n >= '0009').sort())
  expect((sqlite.prepare('SELECT count(*) AS n FROM receptions WHERE category IS NOT NULL AND matter_first_on IS NOT NULL').get() as { n: number }).n).toBe(40)
  expect((sqlite.prepare('SELECT count(*) AS n FROM forwardings').get() as { n: number }).n).toBeGreaterThan(0)
  expect(mismatches(sqlite)).toEqual([])
})

it('keeps them equal to their definitions through inserts in any date order, session and letter changes', () => {
  fc.assert(
    fc.property(
      fc.array(letterSpec(w), { maxLength: 25 }),
      // several batches of visits to the same few matters, each in random date order: a visit
      // dated before a matter's first one moves the first day of all its visits
      fc.array(fc.array(visitSpec(w), { maxLength: 12 }), { maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.option(fc.constantFrom(...AGENCIES), { nil: null })), { maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 4 }),
      (letters, visitBatches, agencyChanges, sessionFlips) => {
        const sqlite = database()
        const letterIds = insertLetters(sqlite, letters)
        // (each batch its own leaders: one session per leader and day)
        visitBatches.forEach((batch, i) => insertVisits(sqlite, batch.map((v) => ({ ...v, host: `${v.host} ${i}` }))))
        // the same matters across batches: move every visit of one batch's matter onto another's
        const matterIds = sqlite.prepare('SELECT DISTINCT matter_id FROM receptions ORDER BY matter_id').pluck().all() as string[]
        if (matterIds.length >= 2) sqlite.prepare('UPDATE receptions SET matter_id = ? WHERE matter_id = ?').run(matterIds[0], matterIds[1])
        for (const [i, agency] of agencyChanges) {
          if (letterIds.length > 0) sqlite.prepare('UPDATE letters SET competent_agency_code = ? WHERE id = ?').run(agency, letterIds[i % letterIds.length])
        }
        const sessionIds = sqlite.prepare('SELECT id FROM reception_sessions ORDER BY id').pluck().all() as string[]
        for (const i of sessionFlips) {
          if (sessionIds.length > 0) sqlite.prepare('UPDATE reception_sessions SET delegated = 1 - delegated WHERE id = ?').run(sessionIds[i % sessionIds.length])
        }
        expect(mismatches(sqlite)).toEqual([])
      },
    ),
    { numRuns: 60 },
  )
})

it('copies the letter onto a forwarding written after it, as the app writes them', () => {
  const sqlite = database()
  const [id] = insertLetters(sqlite, [
    { receivedAt: '2026-02-02', track: 'don_thu', channel: 'buu_chinh', contentType: 'khieu_nai', signerGroup: 'mot_nguoi', decision: { at: '2026-02-03T02:00:00.000Z', outcome: 'chuyen_don' }, agency: 'SO_YT' },
  ])
  sqlite.prepare("INSERT INTO forwardings (id, letter_id, agency_code, kind, sent_on) VALUES ('f1', ?, 'SO_YT', 'chuyen_don', '2026-02-03')").run(id)
  expect(sqlite.prepare("SELECT letter_track, letter_channel, letter_agency_code FROM forwardings WHERE id = 'f1'").get()).toEqual({
    letter_track: 'don_thu',
    letter_channel: 'buu_chinh',
    letter_agency_code: 'SO_YT',
  })
  // a reply recorded later leaves them as they are
  sqlite.prepare("UPDATE forwardings SET replied_on = '2026-02-20', reply_result = 'Đã giải quyết' WHERE id = 'f1'").run()
  expect(mismatches(sqlite)).toEqual([])
})

it('holds for the synthetic national-volume loader too (its bulk mode drops most indexes, never the triggers)', async () => {
  const db = fromSqlite(new BetterSqlite3(':memory:'))
  migrate(db.sqlite)
  await bootstrap({ db, now: () => new Date(), clientAddress: () => 'test', config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 } })
  await seedSynthetic(db.sqlite, { letters: 3000, visits: 1500, year: 2026, seed: 11, fts: 'rebuild', bulk: true })
  expect((db.sqlite.prepare('SELECT count(*) AS n FROM receptions').get() as { n: number }).n).toBe(1500)
  expect((db.sqlite.prepare('SELECT count(*) AS n FROM forwardings').get() as { n: number }).n).toBeGreaterThan(100)
  expect(mismatches(db.sqlite)).toEqual([])
  await db.close()
})
