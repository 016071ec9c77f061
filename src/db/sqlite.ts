/**
 * The embedded database on Node: one better-sqlite3 connection in WAL mode.
 * Imported only by the Node entry point and Node tests.
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import type { Db } from './db.ts'
import type { Database } from './schema.ts'

export interface SqliteDb extends Db {
  readonly sqlite: BetterSqlite3.Database
  close(): Promise<void>
}

export function openSqlite(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file, { timeout: 5000 })
  sqlite.pragma('journal_mode = WAL')
  // NORMAL is durable across application crashes in WAL mode and ~10x faster than FULL
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return fromSqlite(sqlite)
}

export function fromSqlite(sqlite: BetterSqlite3.Database): SqliteDb {
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const runAll = sqlite.transaction((queries: ReadonlyArray<{ sql: string; parameters: readonly unknown[] }>) =>
    queries.map((q) => {
      const statement = sqlite.prepare(q.sql)
      if (statement.reader) {
        statement.all(...q.parameters)
        return { changes: 0 }
      }
      return { changes: statement.run(...q.parameters).changes }
    }),
  )
  return {
    kysely,
    sqlite,
    async atomic(queries) {
      return runAll(queries)
    },
    async close() {
      await kysely.destroy()
    },
  }
}
