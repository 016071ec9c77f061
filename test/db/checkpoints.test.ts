/**
 * WAL checkpoints on the second connection (src/db/sqlite.ts checkpointsApart): what the server's
 * connection commits is copied into the database file by the worker thread, shortly after, and
 * not by the server's connection, which checkpoints by itself only past WAL_SAFETY_PAGES.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { openSqlite, type SqliteDb } from '../../src/db/sqlite.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-checkpoints-'))
let db: SqliteDb | null = null
afterEach(async () => {
  await db?.close()
  db = null
  rmSync(dir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const until = async (done: () => boolean, ms: number) => {
  const end = Date.now() + ms
  while (!done() && Date.now() < end) await sleep(20)
  return done()
}

it('copies committed pages into the database file apart, soon after the commit', async () => {
  const file = join(dir, 'wal.db')
  db = openSqlite(file)
  const sqlite = db.sqlite
  expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000)
  sqlite.exec('CREATE TABLE t (x BLOB)')
  await sleep(300) // the table's creation is checkpointed first
  const before = statSync(file).size
  // ~2 MB: about 500 pages, far below the size at which this connection would checkpoint itself
  const insert = sqlite.prepare('INSERT INTO t VALUES (randomblob(4000))')
  sqlite.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run()
  })()
  // committed to the WAL; the file itself grows only when a checkpoint copies the pages
  expect(statSync(file).size).toBe(before)
  expect(await until(() => statSync(file).size > before + 1_900_000, 3000)).toBe(true)
  // nothing was left to copy here
  const [{ log, checkpointed }] = sqlite.pragma('wal_checkpoint(PASSIVE)') as [{ log: number; checkpointed: number }]
  expect(checkpointed).toBe(log)
})

it('closes cleanly with a checkpoint due, and leaves every row in the file', async () => {
  const file = join(dir, 'close.db')
  db = openSqlite(file)
  db.sqlite.exec('CREATE TABLE t (x)')
  const insert = db.sqlite.prepare('INSERT INTO t VALUES (?)')
  for (let i = 0; i < 100; i++) insert.run(i)
  await db.close()
  db = openSqlite(file)
  expect(db.sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(100)
})
