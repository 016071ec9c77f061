/**
 * The database port every route and query uses. Two adapters build it: better-sqlite3 on
 * Node (src/db/sqlite.ts) and D1 on Workers (src/db/d1.ts).
 *
 * D1 has no interactive transactions, so multi-statement writes are built first (Kysely
 * `.compile()`) and handed to `atomic`, which runs them all-or-nothing on both runtimes.
 * Preconditions that a read established are re-checked inside the batch by the statements'
 * WHERE clauses and constraints.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from './schema.ts'

export interface Db {
  readonly kysely: Kysely<Database>
  /**
   * Runs the statements in one transaction; rejects, changing nothing, if any fails. The app's
   * only way to write: on Node the writes run on a writer thread (src/db/sqlite-writer.ts), and a
   * write run through `kysely` directly would make the server's thread wait for that thread's lock.
   */
  atomic(queries: ReadonlyArray<CompiledQuery>): Promise<AtomicResult[]>
  /**
   * Runs read-only statements on one snapshot of the database (no write lands between them) and
   * returns each one's rows. `apart` asks for a second connection that reads while this one does
   * other work — a worker thread on Node, so two long reads use two cores; where there is none
   * the statements run as without it.
   */
  snapshot(queries: ReadonlyArray<CompiledQuery>, options?: SnapshotOptions): Promise<unknown[][]>
}

export interface SnapshotOptions {
  apart?: boolean
}

export interface AtomicResult {
  /** Rows changed by that statement (UPDATE/INSERT/DELETE). */
  changes: number
}

/** Thrown by an atomic batch whose guarded statement matched nothing (a lost race). */
export class ConflictError extends Error {
  constructor(message = 'conflict') {
    super(message)
    this.name = 'ConflictError'
  }
}

/** D1 binds at most 100 parameters per statement; chunk multi-row inserts to fit. */
export const MAX_BOUND_PARAMETERS = 100

export const chunkRows = <T>(rows: readonly T[], columnsPerRow: number): T[][] => {
  const size = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, columnsPerRow)))
  const chunks: T[][] = []
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size))
  return chunks
}

/**
 * A statement to put right after a guarded UPDATE in an atomic batch: it fails the whole
 * batch when that UPDATE changed no row (its WHERE re-checked a precondition that no longer
 * holds). See the batch_guard table in migrations/0001_init.sql.
 */
export const guardPreviousChanged = (): CompiledQuery =>
  CompiledQuery.raw(
    'INSERT INTO batch_guard (id, changed) VALUES (1, changes()) ON CONFLICT (id) DO UPDATE SET changed = excluded.changed',
  )

/** True when an error is the batch guard firing (the precondition no longer held). */
export const isGuardFailure = (error: unknown): boolean =>
  error instanceof Error && /CHECK constraint failed: changed > 0/.test(error.message)
