/**
 * The embedded database on Node: a better-sqlite3 connection in WAL mode that serves the reads,
 * a writer thread that commits every write (src/db/sqlite-writer.ts), and a second connection for
 * long reads and checkpoints (src/db/sqlite-second-connection.ts), each on its own thread.
 * Imported only by the Node entry point and Node tests.
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { Kysely, SqliteDialect } from 'kysely'
import type { AtomicResult, Db } from './db.ts'
import type { Database } from './schema.ts'
import { SqlTextMap } from './sql-text-map.ts'
import { SecondConnectionUnavailableError, secondConnection, type ReadStatement, type SecondConnection } from './sqlite-second-connection.ts'
import { groupRunner, startWriterThread, WriterUnavailableError, type Batch, type BatchOutcome, type WriteStatement } from './sqlite-writer.ts'

export interface SqliteDb extends Db {
  readonly sqlite: BetterSqlite3.Database
  close(): Promise<void>
}

/** Every connection's settings (the server's, the writer thread's). */
const CONNECTION_PRAGMAS = [
  // NORMAL is durable across application crashes in WAL mode and ~10x faster than FULL
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
]

export function openSqlite(file: string): SqliteDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new BetterSqlite3(file, { timeout: 5000 })
  sqlite.pragma('journal_mode = WAL')
  for (const pragma of CONNECTION_PRAGMAS) sqlite.pragma(pragma)
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
  const statements = new SqlTextMap<BetterSqlite3.Statement>()
  return (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = sqlite.prepare(sql)
      if (statements.size >= limit) statements.deleteOldest()
      statements.add(sql, statement)
    }
    return statement
  }
}

/**
 * How often written data is looked for, and so how much WAL a checkpoint apart copies at most.
 * Each checkpoint ends with fsyncs, and while the device writes them the writer thread's own WAL
 * appends can wait in the kernel: smaller, more frequent checkpoints make shorter waits. At 1M
 * letters under intake, p99 was 97–107 ms at 200 ms, 120–133 at 1 s, 75–87 at 50 ms and the same
 * at 20, with the same throughput (bench/analysis.md).
 */
const CHECKPOINT_EVERY_MS = 50
/**
 * The WAL size (pages of 4 KiB) past which this connection checkpoints by itself after a commit
 * (SQLite's default is 1000): only when the checkpoints apart could not keep up or run. A letter
 * adds ~23 pages to the WAL, so at intake's ~1 200 letters a second about 1 400 pages gather between
 * two looks.
 */
const WAL_SAFETY_PAGES = 10_000

/**
 * The writer thread's connection: the same settings, its own page cache (the pages a commit
 * touches: the ends of the id-ordered indexes, the search index's newest segments), and the WAL
 * size past which it checkpoints by itself (see checkpointsApart).
 */
const WRITER_PRAGMAS = [...CONNECTION_PRAGMAS, 'cache_size = -16384', `wal_autocheckpoint = ${WAL_SAFETY_PAGES}`]

/**
 * Groups handed to the writer thread and not yet answered, at most: while it writes one, the next
 * is already waiting in its queue, so the thread never idles while the server's thread is busy.
 */
const GROUPS_IN_FLIGHT = 2

export function fromSqlite(sqlite: BetterSqlite3.Database): SqliteDb {
  const prepare = statementCache(sqlite)
  // Kysely needs only prepare() and close(); its driver runs each statement to completion (all/run),
  // never two at once on one connection, so a cached statement is never busy when reused
  const database = { prepare, close: () => sqlite.close() }
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: database as unknown as BetterSqlite3.Database }) })
  const runGroupHere = groupRunner(sqlite, (q: WriteStatement) => prepare(q.sql))
  // an in-memory database is this connection's alone: nothing else can open it
  let writer = sqlite.memory ? null : startWriterThread(sqlite.name, WRITER_PRAGMAS)
  let committedGroups = 0
  const runGroup = async (batches: Batch[]): Promise<BatchOutcome[]> => {
    if (writer) {
      try {
        return await writer.run(batches)
      } catch (error) {
        if (!(error instanceof WriterUnavailableError)) throw error
        // a thread that never opened its connection wrote nothing: the group runs here, as do
        // the next ones; one that failed later may have committed the group, which fails
        if (writer) console.error(`Luồng ghi cơ sở dữ liệu đã dừng (${error.message}); từ nay ghi trên luồng chính.`)
        writer = null
        if (error.started) throw error
      }
    }
    return runGroupHere(batches)
  }
  /**
   * Group commit: the batches that arrive while the previous group is being written (concurrent
   * requests) are written together in one transaction, each in its own savepoint, and every caller
   * is answered only after that transaction committed. The commit's fixed costs — writing the
   * touched pages to the WAL, flushing a new segment of the search index — are then paid once per
   * group instead of once per letter.
   */
  let pending: Array<{ queries: Batch; resolve: (r: AtomicResult[]) => void; reject: (e: unknown) => void }> = []
  let inFlight = 0
  const flush = async () => {
    if (inFlight >= GROUPS_IN_FLIGHT || pending.length === 0) return
    const group = pending
    pending = []
    inFlight++
    try {
      const outcomes = await runGroup(group.map((g) => g.queries))
      committedGroups++
      outcomes.forEach((outcome, i) => (outcome.ok ? group[i]!.resolve(outcome.results) : group[i]!.reject(outcome.error)))
    } catch (error) {
      for (const g of group) g.reject(error)
    } finally {
      inFlight--
      // what arrived meanwhile is the next group
      if (pending.length > 0) setImmediate(flush)
    }
  }
  // one read transaction: its first statement fixes the snapshot the others see
  const readHere = sqlite.transaction((queries: readonly ReadStatement[]) => queries.map((q) => prepare(q.sql).all(...q.parameters)))
  const second = sqlite.memory ? null : secondConnection(sqlite.name)
  const checkpoints = second ? checkpointsApart(sqlite, second, () => committedGroups) : null
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
      while (inFlight > 0 || pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 5))
      await checkpoints?.stop()
      await writer?.close()
      await second?.close()
      await kysely.destroy()
    },
  }
}

/**
 * WAL checkpoints on the second connection: whenever a group was committed, or this connection
 * wrote by itself, since the last look (every CHECKPOINT_EVERY_MS), one PASSIVE checkpoint runs
 * there, never two at once. SQLite's own checkpoint after a commit would otherwise run on the
 * committing thread, with its fsyncs, between two groups. If the thread is unavailable the
 * checkpoint runs here instead.
 */
function checkpointsApart(sqlite: BetterSqlite3.Database, second: SecondConnection, written: () => number) {
  sqlite.pragma(`wal_autocheckpoint = ${WAL_SAFETY_PAGES}`)
  // what this connection wrote itself (migrations, a test's setup) and the groups committed
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck()
  const writes = () => (totalChanges.get() as number) + written()
  let seen = writes()
  let running: Promise<unknown> | null = null
  const look = () => {
    if (running || !sqlite.open || sqlite.inTransaction) return
    const now = writes()
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
