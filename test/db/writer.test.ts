/**
 * Db.atomic on a database file: every group commit runs on the writer thread
 * (src/db/sqlite-writer.ts), never on the server's connection, and means what it means on the
 * server's connection — each batch all-or-nothing, a failing batch alone rolled back with
 * SQLite's own message, blobs intact, every caller answered after the commit.
 */
import { CompiledQuery } from 'kysely'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { guardPreviousChanged, isGuardFailure } from '../../src/db/db.ts'
import { migrate } from '../../src/db/migrate.ts'
import { openSqlite, type SqliteDb } from '../../src/db/sqlite.ts'
import { startWriterThread, WriterUnavailableError } from '../../src/db/sqlite-writer.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-writer-'))
let db: SqliteDb

beforeAll(() => {
  db = openSqlite(join(dir, 'pakn.db'))
  migrate(db.sqlite)
  db.sqlite.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v BLOB)')
})
afterAll(async () => {
  await db.close()
  rmSync(dir, { recursive: true, force: true })
})

const insert = (k: string, v: unknown = null) => CompiledQuery.raw('INSERT INTO t (k, v) VALUES (?, ?)', [k, v])
const serverChanges = () => db.sqlite.prepare('SELECT total_changes()').pluck().get() as number
const keys = () => db.sqlite.prepare('SELECT k FROM t ORDER BY k').pluck().all()

it('commits on the writer thread, and the server sees the rows once the call resolves', async () => {
  const before = serverChanges()
  const results = await db.atomic([insert('a'), insert('b'), CompiledQuery.raw("UPDATE t SET v = 'x' WHERE k IN ('a', 'b')")])
  expect(results).toEqual([{ changes: 1 }, { changes: 1 }, { changes: 2 }])
  expect(keys()).toEqual(['a', 'b'])
  // the server's connection wrote nothing itself
  expect(serverChanges()).toBe(before)
})

it('rolls back a failing batch alone, with SQLite’s message, while the batches written with it commit', async () => {
  const calls = [
    db.atomic([insert('c1'), insert('c2')]),
    // the second statement breaks the primary key: the first must not stay either
    db.atomic([insert('d1'), insert('a')]),
    // a guarded UPDATE that matched nothing (a lost race) fails its batch through the guard
    db.atomic([insert('e1'), CompiledQuery.raw("UPDATE t SET v = 'y' WHERE k = 'nobody'"), guardPreviousChanged()]),
    db.atomic([insert('f1')]),
  ]
  const settled = await Promise.allSettled(calls)
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
  expect(((settled[1] as PromiseRejectedResult).reason as Error).message).toMatch(/UNIQUE constraint failed: t\.k/)
  expect(((settled[1] as PromiseRejectedResult).reason as { code?: string }).code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY')
  expect(isGuardFailure((settled[2] as PromiseRejectedResult).reason)).toBe(true)
  expect(keys()).toEqual(['a', 'b', 'c1', 'c2', 'f1'])
})

it('writes blobs byte for byte and answers many concurrent callers, each after its own commit', async () => {
  const blob = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256))
  await db.atomic([insert('blob', blob)])
  expect(Buffer.compare(db.sqlite.prepare("SELECT v FROM t WHERE k = 'blob'").pluck().get() as Buffer, blob)).toBe(0)

  const many = Array.from({ length: 300 }, (_, i) => `m${String(i).padStart(3, '0')}`)
  await Promise.all(
    many.map(async (k) => {
      await db.atomic([insert(k)])
      // answered only once committed: the server's connection sees it at once
      expect(db.sqlite.prepare('SELECT count(*) FROM t WHERE k = ?').pluck().get(k)).toBe(1)
    }),
  )
  expect(db.sqlite.prepare("SELECT count(*) FROM t WHERE k LIKE 'm%'").pluck().get()).toBe(300)
})

it('says when its thread could not open the database, so the group may run elsewhere', async () => {
  const writer = startWriterThread(join(dir, 'missing-folder', 'pakn.db'), [])
  const error = await writer.run([[{ sql: 'SELECT 1', parameters: [] }]]).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WriterUnavailableError)
  expect((error as WriterUnavailableError).started).toBe(false)
  await writer.close()
})

it('is the only writer: the app writes through Db.atomic, never with a query the server’s connection runs itself', () => {
  // A write run on the server's connection would wait there, with the event loop, for the writer
  // thread's lock. Every INSERT, UPDATE or DELETE the app builds must end in .compile() (for atomic).
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))
  const direct: string[] = []
  for (const f of files) {
    const source = readFileSync(join('src', f), 'utf8')
    for (const m of source.matchAll(/\b(insertInto|updateTable|deleteFrom|replaceInto)\(/g)) {
      const rest = source.slice(m.index)
      const compiled = rest.search(/\.compile\(\)/)
      const executed = rest.search(/\.execute(TakeFirst|TakeFirstOrThrow)?\(/)
      if (executed >= 0 && (compiled < 0 || executed < compiled)) direct.push(`${f}:${source.slice(0, m.index).split('\n').length}`)
    }
  }
  expect(files.length).toBeGreaterThan(50)
  expect(direct).toEqual([])
})
