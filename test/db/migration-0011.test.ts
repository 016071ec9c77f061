/**
 * Migration 0011 sets how the search index merges its segments: 16 at a time, all at once only
 * past 64. The settings live in the index's own config table, so they must survive what the tools
 * do to the index (a rebuild after a bulk load or an import), and search must find every letter
 * written one by one, as intake writes them, across many merges.
 */
import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { migrate } from '../../src/db/migrate.ts'
import { ftsQuery } from '../../src/domain/text.ts'

const config = (sqlite: BetterSqlite3.Database) =>
  Object.fromEntries(sqlite.prepare("SELECT k, v FROM letters_fts_config WHERE k IN ('automerge', 'crisismerge')").raw().all() as Array<[string, number]>)

it('merges 16 segments at a time, and keeps that through a rebuild', () => {
  const sqlite = new BetterSqlite3(':memory:')
  migrate(sqlite)
  expect(config(sqlite)).toEqual({ automerge: 16, crisismerge: 64 })
  sqlite.exec("INSERT INTO letters_fts (letters_fts) VALUES ('rebuild')")
  expect(config(sqlite)).toEqual({ automerge: 16, crisismerge: 64 })
})

it('finds every letter indexed one segment at a time', () => {
  const sqlite = new BetterSqlite3(':memory:')
  migrate(sqlite)
  // the index alone (its trigger fills it from letters; here its rows are written as the trigger would)
  const insert = sqlite.prepare('INSERT INTO letters_fts (rowid, search_text, identity_text) VALUES (?, ?, ?)')
  const words = ['dat dai', 'boi thuong', 'tai dinh cu', 'xay dung', 'moi truong']
  // one transaction per row: one new segment each, so every level fills and merges several times
  for (let seq = 1; seq <= 1500; seq++) insert.run(seq, `${words[seq % words.length]} so ${seq}`, `nguoi ${seq % 7}`)
  const found = (q: string) => sqlite.prepare('SELECT count(*) FROM letters_fts WHERE letters_fts MATCH ?').pluck().get(`search_text : (${ftsQuery(q)})`)
  expect(found('boi thuong')).toBe(300)
  expect(found('so 1499')).toBe(1)
  expect(() => sqlite.exec("INSERT INTO letters_fts (letters_fts, rank) VALUES ('integrity-check', 0)")).not.toThrow()
})
