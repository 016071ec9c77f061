/**
 * The embedded database on Node: one better-sqlite3 connection in WAL mode.
 * Imported only by the Node entry point and Node tests.
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import type { AtomicResult, Db } from './db.ts'
import type { Database } from './schema.ts'
import { SecondConnectionUnavailableError, secondConnection, type ReadStatement, type SecondConnection } from './sqlite-second-connection.ts'

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
  // 16 MiB of page cache (the default is 2): the hot pages of the triage queue and of intake (the
  // newest letters, the upper levels of every index) stay in this process. SQLite also lets a sort
  // hold this much in memory before it spills to a temporary file, and the report's GROUP BYs sort
  // a year of rows: at 32 MiB the report with forms and charts peaked ~35 MB higher and was no
  // faster; its scans are read from the OS cache either way (bench/analysis.md). Memory-mapped
  // I/O stays off, so the server's resident memory is its own, bounded by this.
  sqlite.pragma('cache_size = -16384')
  return fromSqlite(sqlite)
}

/**
 * Compiled statements by SQL text. Kysely's driver and the atomic batches ask for a statement per
 * execution, and compiling one (parsing, planning against a schema with CHECKs and triggers) cost
 * more than running most of them: under intake load about a tenth of the server's CPU went to it. The
 * app's queries are a bounded set of texts; the cache forgets the oldest past `limit`.
 */
export function statementCache(sqlite: BetterSqlite3.Database, limit = 2000) {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = sqlite.prepare(sql)
      if (statements.size >= limit) statements.delete(statements.keys().next().value!)
      statements.set(sql, statement)
    }
    return statement
  }
}

export function fromSqlite(sqlite: BetterSqlite3.Database): SqliteDb {
  const prepare = statementCache(sqlite)
  // Kysely needs only prepare() and close(); its driver runs each statement to completion (all/run),
  // never two at once on one connection, so a cached statement is never busy when reused
  const database = { prepare, close: () => sqlite.close() }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: database as unknown as BetterSqlite3.Database }) })
  type Batch = ReadonlyArray<{ sql: string; parameters: readonly unknown[] }>
  // one batch: all-or-nothing (a SAVEPOINT when run inside the group's transaction)
  const runBatch = sqlite.transaction((queries: Batch) =>
    queries.map((q) => {
      const statement = prepare(q.sql)
      if (statement.reader) {
        statement.all(...q.parameters)
        return { changes: 0 }
      }
      return { changes: statement.run(...q.parameters).changes }
    }),
  )
  const runGroup = sqlite.transaction((batches: Batch[]) =>
    batches.map((queries) => {
      try {
        return { ok: true as const, results: runBatch(queries) }
      } catch (error) {
        // a batch that broke a constraint rolled back to its savepoint; the others go on,
        // unless SQLite itself ended the transaction (I/O error, disk full): then all fail
        if (!sqlite.inTransaction) throw error
        return { ok: false as const, error }
      }
    }),
  )
  /**
   * Group commit: the batches that arrive during one turn of the event loop (concurrent requests)
   * are written in one transaction, each in its own savepoint, and every caller is answered only
   * after that transaction committed. The commit's fixed costs — writing the touched pages to the
   * WAL, flushing a new segment of the search index — are then paid once per group instead of
   * once per letter (about half the cost of a letter at 20 per group; bench/RESULTS.md).
   */
  let pending: Array<{ queries: Batch; resolve: (r: AtomicResult[]) => void; reject: (e: unknown) => void }> = []
  const flush = () => {
    const group = pending
    pending = []
    let outcomes
    try {
      outcomes = runGroup(group.map((g) => g.queries))
    } catch (error) {
      for (const g of group) g.reject(error)
      return
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? group[i]!.resolve(outcome.results) : group[i]!.reject(outcome.error)))
  }
  // one read transaction: its first statement fixes the snapshot the others see
  const readHere = sqlite.transaction((queries: readonly ReadStatement[]) => queries.map((q) => prepare(q.sql).all(...q.parameters)))
  // an in-memory database is this connection's alone: nothing else can open it
  const second = sqlite.memory ? null : secondConnection(sqlite.name)
  const checkpoints = second ? checkpointsApart(sqlite, second) : null
  return {
    kysely,
    sqlite,
    async snapshot(queries, options) {
      if (options?.apart && second) {
        try {
          return await second.read(queries)
        } catch (error) {
          if (!(error instanceof SecondConnectionUnavailableError)) throw error
        }
      }
      return readHere(queries)
    },
    atomic(queries) {
      if (queries.length === 0) return Promise.resolve([])
      return new Promise<AtomicResult[]>((resolve, reject) => {
        pending.push({ queries, resolve, reject })
        if (pending.length === 1) setImmediate(flush)
      })
    },
    async close() {
      await checkpoints?.stop()
      await second?.close()
      await kysely.destroy()
    },
  }
}

/** How often written data is looked for, and so how much WAL a checkpoint apart copies at most. */
const CHECKPOINT_EVERY_MS = 200
/**
 * The WAL size (pages of 4 KiB) past which this connection checkpoints by itself after a commit
 * (SQLite's default is 1000): only when the checkpoints apart could not keep up or run. A letter
 * adds ~23 pages to the WAL, so at intake's ~750 letters a second about 3 400 pages gather between
 * two looks.
 */
const WAL_SAFETY_PAGES = 10_000

/**
 * WAL checkpoints on the second connection: whenever this connection has written since the last
 * look (every CHECKPOINT_EVERY_MS), one PASSIVE checkpoint runs there, never two at once. SQLite's
 * own checkpoint after a commit would otherwise run on the server's thread, with its fsyncs, while
 * every request waits. If the thread is unavailable the checkpoint runs here instead.
 */
function checkpointsApart(sqlite: BetterSqlite3.Database, second: SecondConnection) {
  sqlite.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`)
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck()
  let seen = totalChanges.get() as number
  let running: Promise<unknown> | null = null
  const look = () => {
    if (running || !sqlite.open || sqlite.inTransaction) return
    const now = totalChanges.get() as number
    if (now === seen) return
    seen = now
    running = second
      .checkpoint()
      .catch((error) => {
        if (!(error instanceof SecondConnectionUnavailableError) || !sqlite.open) return
        sqlite.pragma('wal_checkpoint(PASSIVE)')
      })
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(look, CHECKPOINT_EVERY_MS)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
