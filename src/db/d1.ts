/**
 * The database on Cloudflare Workers: a small Kysely dialect over a D1 binding, and atomic
 * writes through D1's batch (its only transaction). Written here rather than taken from
 * kysely-d1, which is unmaintained for Kysely 0.28 and warns on every query.
 */
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely'
import type { Db } from './db.ts'
import type { Database } from './schema.ts'

/** The part of the D1 binding we use (structural, so Node type-checks without workers-types). */
export interface D1Like {
  prepare(sql: string): D1StatementLike
  batch(statements: D1StatementLike[]): Promise<Array<{ results?: unknown[]; meta: { changes?: number } }>>
}
export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike
  all(): Promise<{ results?: unknown[]; meta: { changes?: number; last_row_id?: number } }>
}

class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Like) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.d1
      .prepare(query.sql)
      .bind(...query.parameters)
      .all()
    const changes = result.meta.changes ?? 0
    return {
      rows: (result.results ?? []) as R[],
      numAffectedRows: BigInt(changes),
      ...(result.meta.last_row_id !== undefined ? { insertId: BigInt(result.meta.last_row_id) } : {}),
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not supported by D1
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not support streaming')
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1Like) {}
  async init() {}
  async acquireConnection() {
    return new D1Connection(this.d1)
  }
  async beginTransaction(): Promise<void> {
    throw new Error('D1 has no interactive transactions: use Db.atomic')
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection() {}
  async destroy() {}
}

class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Like) {}
  createAdapter() {
    return new SqliteAdapter()
  }
  createDriver() {
    return new D1Driver(this.d1)
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}

export function openD1(d1: D1Like): Db {
  return {
    kysely: new Kysely<Database>({ dialect: new D1Dialect(d1) }),
    async atomic(queries) {
      if (queries.length === 0) return []
      const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)))
      return results.map((r) => ({ changes: r.meta.changes ?? 0 }))
    },
    // a batch is D1's one transaction, hence one snapshot; D1 has no second connection to offer
    async snapshot(queries) {
      if (queries.length === 0) return []
      const results = await d1.batch(queries.map((q) => d1.prepare(q.sql).bind(...q.parameters)))
      return results.map((r) => r.results ?? [])
    },
  }
}
