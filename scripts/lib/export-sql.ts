/**
 * The data of a pakn database as plain SQL INSERT statements for a database that already has the
 * schema (migrations applied): the path from one Node server to Workers + D1
 * (`wrangler d1 execute --file`), or to another SQLite file.
 *
 * - Only data: no schema, no migrations table (the target applies migrations itself), no search
 *   index (letters_fts is derived: its trigger fills it on import, and a final
 *   `INSERT INTO letters_fts(letters_fts) VALUES('rebuild')` makes it exact; `wrangler d1 export`
 *   refuses databases with FTS5 tables for the same reason).
 * - Not sign-in sessions or login attempts (people sign in again on the new server), nor the
 *   batch_guard helper row, nor the data_version and config_version counters. Attachment bytes (attachment_blobs, 1 MiB chunks) do not fit D1's
 *   100 KB statement limit: on Workers they live in R2 (see `attachmentFiles`).
 * - Tables in foreign-key order, rows in insertion order (agencies parents first), generated
 *   columns left out, several rows per INSERT but each statement under `maxStatementBytes`.
 */
import type BetterSqlite3 from 'better-sqlite3'

// data_version, config_version: the target's own counters (its migrations made the rows; the import's triggers move them)
const SKIPPED = new Set(['d1_migrations', 'sqlite_sequence', 'batch_guard', 'data_version', 'config_version', 'auth_sessions', 'login_attempts', 'attachment_blobs'])
const isDerived = (name: string) => name.startsWith('letters_fts') || name.startsWith('sqlite_') || name.startsWith('_cf_')

/** D1 refuses statements longer than 100 KB. */
export const D1_MAX_STATEMENT_BYTES = 100_000

export interface ExportStats {
  tables: Record<string, number>
  statements: number
  bytes: number
  /** Rows longer than the statement limit on their own (D1 would refuse them). */
  oversized: string[]
}

/** The exported tables, each after the tables it refers to. */
export function exportedTables(sqlite: BetterSqlite3.Database): string[] {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>)
    .map((t) => t.name)
    .filter((name) => !SKIPPED.has(name) && !isDerived(name))
  const refs = new Map(
    names.map((name) => [name, (sqlite.prepare('SELECT "table" AS t FROM pragma_foreign_key_list(?)').all(name) as Array<{ t: string }>).map((r) => r.t).filter((t) => t !== name)]),
  )
  const ordered: string[] = []
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || !refs.has(name)) return
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`)
    path.add(name)
    for (const ref of refs.get(name)!) visit(ref, path)
    path.delete(name)
    ordered.push(name)
  }
  for (const name of names) visit(name, new Set())
  return ordered
}

const ROW_ORDER: Record<string, string> = {
  // a parent agency before its children (the tree is effective-dated, not insertion-ordered)
  agencies: `WITH RECURSIVE tree (code, depth) AS (
      SELECT code, 0 FROM agencies WHERE parent_code IS NULL
      UNION ALL SELECT a.code, tree.depth + 1 FROM agencies a JOIN tree ON a.parent_code = tree.code)
    SELECT {cols} FROM agencies LEFT JOIN tree USING (code) ORDER BY coalesce(tree.depth, 1000000), agencies.rowid`,
}

export const sqlValue = (v: unknown): string => {
  if (v === null || v === undefined) return 'NULL'
  if (typeof v === 'number' || typeof v === 'bigint') return String(v)
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`
  return `'${String(v).replaceAll("'", "''")}'`
}

/**
 * Calls `write` with each statement (ending in ";\n"). Streams the rows: memory stays flat for
 * a database of any size.
 */
export function exportData(sqlite: BetterSqlite3.Database, write: (statement: string) => void, options: { maxStatementBytes?: number; ftsRebuild?: boolean } = {}): ExportStats {
  const max = options.maxStatementBytes ?? D1_MAX_STATEMENT_BYTES - 1000
  const stats: ExportStats = { tables: {}, statements: 0, bytes: 0, oversized: [] }
  const emit = (statement: string) => {
    write(statement)
    stats.statements++
    stats.bytes += Buffer.byteLength(statement)
  }
  for (const table of exportedTables(sqlite)) {
    const columns = (sqlite.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid').all(table) as Array<{ name: string }>).map((c) => c.name)
    const cols = columns.map((c) => `"${c}"`).join(', ')
    const qualified = columns.map((c) => `"${table}"."${c}"`).join(', ')
    const query = (ROW_ORDER[table] ?? `SELECT {cols} FROM "${table}" ORDER BY rowid`).replace('{cols}', qualified)
    const head = `INSERT INTO "${table}" (${cols}) VALUES\n`
    let rows: string[] = []
    let size = head.length
    let count = 0
    const flush = () => {
      if (rows.length > 0) emit(`${head}${rows.join(',\n')};\n`)
      rows = []
      size = head.length
    }
    for (const row of sqlite.prepare(query).raw().iterate() as IterableIterator<unknown[]>) {
      const tuple = `(${row.map(sqlValue).join(', ')})`
      const bytes = Buffer.byteLength(tuple) + 2
      if (head.length + bytes > max) stats.oversized.push(`${table} #${count + 1}`)
      if (size + bytes > max) flush()
      rows.push(tuple)
      size += bytes
      count++
    }
    flush()
    stats.tables[table] = count
  }
  if (options.ftsRebuild !== false) emit("INSERT INTO letters_fts (letters_fts) VALUES ('rebuild');\n")
  return stats
}

/** Attachment bytes as whole files by storage key (for `wrangler r2 object put`), from attachment_blobs. */
export function* attachmentFiles(sqlite: BetterSqlite3.Database): Generator<{ key: string; mediaType: string; bytes: Buffer }> {
  const rows = sqlite.prepare('SELECT a.storage_key AS key, a.media_type AS mediaType FROM attachments a ORDER BY a.rowid').all() as Array<{ key: string; mediaType: string }>
  // the chunks of a file are `<key>#000`, `<key>#001`… (src/db/attachments.ts)
  const chunks = sqlite.prepare("SELECT data FROM attachment_blobs WHERE storage_key >= ? || '#' AND storage_key < ? || '$' ORDER BY storage_key")
  for (const { key, mediaType } of rows) {
    const parts = (chunks.all(key, key) as Array<{ data: Buffer }>).map((c) => c.data)
    if (parts.length > 0) yield { key, mediaType, bytes: Buffer.concat(parts) }
  }
}
