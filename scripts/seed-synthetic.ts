/**
 * npm run seed:synthetic -- --letters N --visits M [--db path] [--year 2026] [--seed 1] [--fts triggers|rebuild] [--no-thread]
 *
 * Fills a pakn database (created and migrated if needed, the sample directory loaded) with a
 * realistic synthetic year: see scripts/synthetic/generate.ts. Without --db: $PAKN_DB or
 * ./data/pakn.db. Adds to what is there; never deletes. Stop the server first: the bulk load
 * (default; --no-bulk to keep them) drops the secondary indexes while it writes. Above 20 000 rows the
 * rows are generated in a worker thread while this one writes (--no-thread: here; the same rows).
 */
import { parseArgs } from 'node:util'
import { migrate } from '../src/db/migrate.ts'
import { openSqlite } from '../src/db/sqlite.ts'
import { bootstrap } from '../src/http/bootstrap.ts'
import { seedSynthetic } from './synthetic/generate.ts'

const { values } = parseArgs({
  options: {
    letters: { type: 'string', default: '10000' },
    visits: { type: 'string', default: '0' },
    db: { type: 'string', default: process.env.PAKN_DB ?? './data/pakn.db' },
    year: { type: 'string', default: '2026' },
    seed: { type: 'string', default: '1' },
    fts: { type: 'string', default: 'rebuild' },
    // --no-bulk: keep indexes and foreign-key checks during the load (slower)
    bulk: { type: 'boolean', default: true },
    // --no-thread: generate on this thread too (by default a worker thread does, above 20 000 rows)
    thread: { type: 'boolean' },
  },
  allowNegative: true,
})
const count = (name: string, value: string) => {
  const n = Number(value.replace(/[_.,]/g, ''))
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} phải là số nguyên không âm`)
  return n
}
if (values.fts !== 'triggers' && values.fts !== 'rebuild') throw new Error('--fts phải là triggers hoặc rebuild')

const db = openSqlite(values.db)
migrate(db.sqlite)
await bootstrap({
  db,
  now: () => new Date(),
  clientAddress: () => 'seed',
  config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 },
})
// a bulk load, not a server: durability per transaction does not matter until the end
db.sqlite.pragma('synchronous = OFF')
db.sqlite.pragma('cache_size = -1000000')
db.sqlite.pragma('temp_store = MEMORY')

const letters = count('letters', values.letters)
const visits = count('visits', values.visits)
console.log(`Sinh ${letters.toLocaleString('vi-VN')} đơn, ${visits.toLocaleString('vi-VN')} lượt tiếp vào ${values.db} (năm ${values.year}, FTS: ${values.fts})`)
const started = performance.now()
const stats = await seedSynthetic(db.sqlite, {
  letters,
  visits,
  year: count('year', values.year),
  seed: count('seed', values.seed),
  fts: values.fts,
  bulk: values.bulk,
  thread: values.thread,
  log: (line) => console.log(line),
})
db.sqlite.pragma('wal_checkpoint(TRUNCATE)')
await db.close()
const total = (performance.now() - started) / 1000
const rate = (n: number, s: number) => (s > 0 ? Math.round(n / s).toLocaleString('vi-VN') : '–')
const n = (x: number) => x.toLocaleString('vi-VN')
console.log(
  `Xong trong ${total.toFixed(1)} s: đơn ${stats.letterSeconds.toFixed(1)} s (${rate(letters, stats.letterSeconds)} đơn/s), lượt tiếp ${stats.visitSeconds.toFixed(1)} s ` +
    `(${rate(visits, stats.visitSeconds)}/s), tạo lại chỉ mục ${stats.indexSeconds.toFixed(1)} s, FTS ${stats.ftsSeconds.toFixed(1)} s; ` +
    `${n(stats.matters)} vụ việc, ${n(stats.sessions)} kỳ tiếp, ${n(stats.forwardings)} lần chuyển đơn.`,
)
