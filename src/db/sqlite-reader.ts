/**
 * A second, read-only connection to the database file, in a worker thread: `Db.snapshot(…,
 * { apart: true })` on Node. better-sqlite3 runs a statement on the calling thread, so two long
 * reads on the server's one connection take the sum of their times; with this one they take the
 * longer of the two, on two cores (a year's report at national volume is such a pair). WAL mode
 * lets the two connections read while the main one also writes.
 *
 * Started on first use (~30 ms), stopped after ten seconds unused: its V8 heap, malloc arena and
 * page cache are ~25 MB the server would otherwise hold for nothing. Each request runs in one read transaction (one
 * snapshot); the connection is `query_only`, so nothing sent here can write.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export interface ReadStatement {
  sql: string
  parameters: readonly unknown[]
}

/** The thread could not run the request (it failed to start, or exited): run it elsewhere. */
export class ReaderUnavailableError extends Error {}

// The thread's whole program, evaluated as CommonJS in the worker (a separate file would need its
// own entry in the server bundle). It answers { id, rows } or { id, error } per { id, queries }.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Sqlite = require(workerData.driver)
const db = new Sqlite(workerData.file, { timeout: 5000 })
db.pragma('query_only = ON')
db.pragma('cache_size = -2048')
const statements = new Map()
const prepare = (sql) => {
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    if (!statement.reader) throw new Error('not a read: ' + sql.slice(0, 60))
    if (statements.size >= 200) statements.delete(statements.keys().next().value)
    statements.set(sql, statement)
  }
  return statement
}
const read = db.transaction((queries) => queries.map((q) => prepare(q.sql).all(...q.parameters)))
parentPort.on('message', ({ id, queries }) => {
  try {
    parentPort.postMessage({ id, rows: read(queries) })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) })
  }
})
`

export interface ReaderThread {
  read(queries: readonly ReadStatement[]): Promise<unknown[][]>
  close(): Promise<void>
}

export function readerThread(file: string, idleMs = 10_000): ReaderThread {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  let worker: Worker | null = null
  let idle: ReturnType<typeof setTimeout> | null = null
  let nextId = 0
  const waiting = new Map<number, { resolve: (rows: unknown[][]) => void; reject: (error: Error) => void }>()

  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error)
    waiting.clear()
  }
  const stop = () => {
    const w = worker
    worker = null
    if (idle) clearTimeout(idle)
    idle = null
    return w ? w.terminate().then(() => undefined) : Promise.resolve()
  }
  const start = (): Worker => {
    // a small heap: the thread holds statements and one request's rows (a report's are a few hundred)
    const w = new Worker(THREAD_SOURCE, { eval: true, workerData: { file, driver }, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 } })
    w.on('message', (message: { id: number; rows?: unknown[][]; error?: string }) => {
      const request = waiting.get(message.id)
      if (!request) return
      waiting.delete(message.id)
      if (message.error !== undefined) request.reject(new Error(message.error))
      else request.resolve(message.rows!)
      if (waiting.size === 0) {
        w.unref()
        scheduleStop()
      }
    })
    const gone = (error: Error) => {
      if (worker === w) worker = null
      failAll(new ReaderUnavailableError(error.message))
    }
    w.on('error', gone)
    w.on('exit', (code) => gone(new Error(`reader thread exited (${code})`)))
    return w
  }
  const scheduleStop = () => {
    if (idle) clearTimeout(idle)
    idle = setTimeout(() => void stop(), idleMs)
    idle.unref()
  }

  return {
    read(queries) {
      if (idle) clearTimeout(idle)
      idle = null
      worker ??= start()
      const id = nextId++
      const w = worker
      // a read under way keeps the process alive; an idle thread does not (see the message handler)
      w.ref()
      return new Promise<unknown[][]>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        w.postMessage({ id, queries: queries.map((q) => ({ sql: q.sql, parameters: [...q.parameters] })) })
      })
    },
    close: stop,
  }
}
