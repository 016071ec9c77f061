/**
 * The writer thread: one connection in a worker thread that runs every group commit of the server
 * (`Db.atomic` in src/db/sqlite.ts), so the server's thread goes on with the next requests —
 * parsing, classifying, reading — while SQLite inserts, indexes and commits the previous ones.
 * Under intake load the write transaction was about 40 % of the server thread's time
 * (bench/analysis.md); here it runs on the other core.
 *
 * One writer at a time is SQLite's rule anyway; with this thread the server's own connection only
 * reads (WAL mode: readers never wait for the writer), so it never waits on the lock either. The
 * thread lives as long as the database is open and holds no reference that keeps the process alive
 * while no group is under way.
 *
 * `groupRunner` is the one implementation of a group commit: the thread runs its source text, and
 * the server's connection runs it directly where there is no thread (an in-memory database) or the
 * thread could not start.
 */
import type BetterSqlite3 from 'better-sqlite3'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { SqlTextMap } from './sql-text-map.ts'
import { errorOf, plainError, threadCalls, type ThreadError } from './thread-calls.ts'
import { threadSource } from './thread-source.ts'

export interface WriteStatement {
  sql: string
  parameters: readonly unknown[]
}

/** The statements of one `atomic` call: all-or-nothing. */
export type Batch = readonly WriteStatement[]

/** One batch's outcome in a group: its statements' changed-row counts, or why it rolled back. */
export type BatchOutcome<E = unknown> = { ok: true; results: Array<{ changes: number }> } | { ok: false; error: E }

/**
 * Runs groups of batches: each group in one transaction, each batch in its own savepoint, so a
 * batch that breaks a constraint rolls back alone and the others commit. The group fails as a whole
 * only when SQLite itself ended the transaction (I/O error, disk full).
 *
 * Self-contained (no imports, no outer names): the writer thread evaluates its source text.
 */
export function groupRunner<Q extends { parameters: readonly unknown[] }>(sqlite: BetterSqlite3.Database, prepare: (q: Q) => BetterSqlite3.Statement) {
  const runBatch = sqlite.transaction((queries: readonly Q[]) =>
    queries.map((q) => {
      const statement = prepare(q)
      if (statement.reader) {
        statement.all(...q.parameters)
        return { changes: 0 }
      }
      return { changes: statement.run(...q.parameters).changes }
    }),
  )
  return sqlite.transaction((batches: ReadonlyArray<readonly Q[]>): BatchOutcome[] =>
    batches.map((queries) => {
      try {
        return { ok: true as const, results: runBatch(queries) }
      } catch (error) {
        if (!sqlite.inTransaction) throw error
        return { ok: false as const, error }
      }
    }),
  )
}

/** A statement as it crosses to the thread: its text's number (see `startWriterThread`) and values. */
interface NumberedStatement {
  n: number
  parameters: readonly unknown[]
}

/** One group for the thread: the texts numbered since the last group, then the batches. */
interface GroupMessage {
  id: number
  /** The thread forgets every number first (the server's table was full). */
  reset: boolean
  texts: Array<[number, string]>
  group: NumberedStatement[][]
}

interface ThreadData {
  file: string
  driver: string
  pragmas: readonly string[]
}

/** The thread's program. Its only outer names are its parameters (src/db/thread-source.ts). */
function writerThread(require: (id: string) => unknown, runnerOf: typeof groupRunner, plain: typeof plainError) {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads')
  const { file, driver, pragmas } = workerData as ThreadData
  const Sqlite = require(driver) as typeof BetterSqlite3
  const db = new Sqlite(file, { timeout: 5000 })
  for (const pragma of pragmas) db.pragma(pragma)
  // compiled statements by number, each compiled at its first use (a text that fails to compile
  // fails its batch, inside the group, like any other statement)
  const texts = new Map<number, string>()
  const statements = new Map<number, BetterSqlite3.Statement>()
  const runGroup = runnerOf(db, (q: NumberedStatement) => {
    let statement = statements.get(q.n)
    if (!statement) {
      statement = db.prepare(texts.get(q.n)!)
      statements.set(q.n, statement)
    }
    return statement
  })
  parentPort!.postMessage({ ready: true })
  parentPort!.on('message', ({ id, reset, texts: numbered, group }: GroupMessage) => {
    if (reset) {
      texts.clear()
      statements.clear()
    }
    for (const [n, sql] of numbered) texts.set(n, sql)
    try {
      const outcomes = runGroup(group).map((o) => (o.ok ? o : { ok: false as const, error: plain(o.error) }))
      parentPort!.postMessage({ id, result: outcomes })
    } catch (error) {
      parentPort!.postMessage({ id, error: plain(error) })
    }
  })
}

const THREAD_SOURCE = threadSource(writerThread, groupRunner, plainError)

/**
 * The thread is gone. `started` says whether it had opened its connection: if not, no group
 * reached the database and the caller may run it elsewhere; if so, a group under way may or may
 * not have committed.
 */
export class WriterUnavailableError extends Error {
  constructor(
    message: string,
    readonly started: boolean,
  ) {
    super(message)
  }
}

export interface WriterThread {
  /** Runs one group commit on the thread; resolves once it committed (or failed as a whole). */
  run(group: readonly Batch[]): Promise<BatchOutcome[]>
  close(): Promise<void>
}

/** Statement texts numbered at most; the app's are a bounded set well below it. */
const TEXTS_LIMIT = 2000

/**
 * Starts the writer thread on `file`. `pragmas` are run on its connection first (the server's
 * durability and integrity settings: synchronous, foreign_keys, …).
 */
export function startWriterThread(file: string, pragmas: readonly string[]): WriterThread {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver, pragmas } satisfies ThreadData })
  worker.unref()
  // Statement texts by number: each text crosses to the thread once, then only its number does
  // (copying the texts of every statement was most of the cost of passing a group).
  const numbers = new SqlTextMap<number>()
  const numberOf = (sql: string, texts: GroupMessage['texts']) => {
    let n = numbers.get(sql)
    if (n === undefined) {
      n = numbers.size
      numbers.add(sql, n)
      texts.push([n, sql])
    }
    return n
  }
  let gone: WriterUnavailableError | null = null
  let started = false
  worker.on('message', (message: { ready?: true }) => {
    if (message.ready) started = true
  })
  const calls = threadCalls(worker)
  const fail = (error: Error) => {
    gone ??= new WriterUnavailableError(error.message, started)
    calls.failAll(gone)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`writer thread exited (${code})`)))
  return {
    async run(group) {
      if (gone) throw gone
      const reset = numbers.size >= TEXTS_LIMIT
      if (reset) numbers.clear()
      const texts: GroupMessage['texts'] = []
      const numbered = group.map((batch) => batch.map((q) => ({ n: numberOf(q.sql, texts), parameters: q.parameters })))
      const outcomes = await calls.call<Array<BatchOutcome<ThreadError>>>({ reset, texts, group: numbered } satisfies Omit<GroupMessage, 'id'>)
      return outcomes.map((o) => (o.ok ? o : { ok: false, error: errorOf(o.error) }))
    },
    async close() {
      await worker.terminate()
    },
  }
}
