/**
 * A second connection to the database file, in a worker thread, for the two jobs that would
 * otherwise stall the server's one thread (better-sqlite3 runs every statement on the calling
 * thread):
 *
 * - reads (`Db.snapshot(…, { apart: true })`): two long reads on the server's connection take the
 *   sum of their times; with this one they take the longer of the two, on two cores (a year's
 *   report at national volume is such a pair). Each request runs in one read transaction (one
 *   snapshot); the connection is `query_only`, and the thread refuses any statement that writes.
 * - WAL checkpoints (`checkpoint()`): copying committed pages from the WAL into the database file,
 *   with its fsyncs. Run by the committing connection after a commit, they took about two thirds
 *   of each group commit's time under intake load (bench/analysis.md); here they run beside the
 *   writer thread (src/db/sqlite-writer.ts) instead of between its commits. A checkpoint does not
 *   change the data, so `query_only` allows it.
 *
 * WAL mode lets this connection read and checkpoint while the writer writes. Started on first use
 * (~30 ms), stopped after ten seconds unused: its V8 heap, malloc arena and page cache are ~25 MB
 * the server would otherwise hold for nothing.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { plainError, threadCalls, type ThreadCalls } from './thread-calls.ts'
import { threadSource } from './thread-source.ts'

export interface ReadStatement {
  sql: string
  parameters: readonly unknown[]
}

/** What `PRAGMA wal_checkpoint(PASSIVE)` answers: WAL frames in all, and copied to the file so far. */
export interface CheckpointResult {
  busy: number
  log: number
  checkpointed: number
}

/** The thread could not run the request (it failed to start, or exited): run it elsewhere. */
export class SecondConnectionUnavailableError extends Error {}

/** One request to the thread: a read (its statements) or, with none, a checkpoint. */
interface ThreadRequest {
  id: number
  queries: ReadStatement[] | null
}

/** The thread's program. Its only outer names are its parameters (src/db/thread-source.ts). */
function secondConnectionThread(require: (id: string) => unknown, plain: typeof plainError) {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads')
  const { file, driver } = workerData as { file: string; driver: string }
  const Sqlite = require(driver) as typeof BetterSqlite3
  const db = new Sqlite(file, { timeout: 5000 })
  db.pragma('query_only = ON')
  db.pragma('synchronous = NORMAL')
  db.pragma('cache_size = -2048')
  const statements = new Map<string, BetterSqlite3.Statement>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      if (!statement.reader) throw new Error('not a read: ' + sql.slice(0, 60))
      if (statements.size >= 200) statements.delete(statements.keys().next().value!)
      statements.set(sql, statement)
    }
    return statement
  }
  const read = db.transaction((queries: ReadStatement[]) => queries.map((q) => prepare(q.sql).all(...q.parameters)))
  // PASSIVE: copies what no reader still needs and never waits for the writer or the readers
  const checkpoint = () => (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[])[0]
  parentPort!.on('message', ({ id, queries }: ThreadRequest) => {
    try {
      parentPort!.postMessage({ id, result: queries ? read(queries) : checkpoint() })
    } catch (error) {
      parentPort!.postMessage({ id, error: plain(error) })
    }
  })
}

const THREAD_SOURCE = threadSource(secondConnectionThread, plainError)

export interface SecondConnection {
  read(queries: readonly ReadStatement[]): Promise<unknown[][]>
  checkpoint(): Promise<CheckpointResult>
  close(): Promise<void>
}

export function secondConnection(file: string, idleMs = 10_000): SecondConnection {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  let thread: { worker: Worker; calls: ThreadCalls } | null = null
  let idle: ReturnType<typeof setTimeout> | null = null

  const stop = () => {
    const w = thread?.worker
    thread = null
    if (idle) clearTimeout(idle)
    idle = null
    return w ? w.terminate().then(() => undefined) : Promise.resolve()
  }
  const scheduleStop = () => {
    if (idle) clearTimeout(idle)
    idle = setTimeout(() => void stop(), idleMs)
    idle.unref()
  }
  const start = () => {
    // a small heap: the thread holds statements and one request's rows (a report's are a few hundred)
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver }, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 } })
    const started = { worker, calls: threadCalls(worker, scheduleStop) }
    const gone = (error: Error) => {
      if (thread === started) thread = null
      started.calls.failAll(new SecondConnectionUnavailableError(error.message))
    }
    worker.on('error', gone)
    worker.on('exit', (code) => gone(new Error(`second connection's thread exited (${code})`)))
    return started
  }
  const request = <T>(queries: readonly ReadStatement[] | null): Promise<T> => {
    if (idle) clearTimeout(idle)
    idle = null
    thread ??= start()
    return thread.calls.call<T>({ queries: queries && queries.map((q) => ({ sql: q.sql, parameters: [...q.parameters] })) })
  }

  return {
    read: (queries) => request<unknown[][]>(queries),
    checkpoint: () => request<CheckpointResult>(null),
    close: stop,
  }
}
