/**
 * The Workers build under `wrangler dev --local` (workerd + a local D1), for bench/run.ts:
 * a fresh local D1 gets the migrations (`wrangler d1 migrations apply --local`) and the data of a
 * synthetic Node database, then the same intake and report measurements as on Node. The data gets
 * there one of two ways:
 *
 * - `file` (default): the local D1 is a SQLite file, and a Node database with the same migrations
 *   applied is one too (src/db/migrate.ts records them in the same `d1_migrations` table). The
 *   synthetic database takes the place of that file, keeping what workerd stored in it
 *   (`_cf_METADATA`). A million letters are there in the time of a file copy.
 * - `export`: the statements of scripts/export-d1.ts, sent to D1 in batches through Miniflare (the
 *   library `wrangler d1 execute` runs on; its own SQL splitter takes minutes per ten megabytes).
 *   The path a real move to D1 takes, but ~3 GB of SQL at a million letters; for small volumes.
 *
 * The bench's wrangler config is wrangler.toml without the rate-limit bindings (the portal's
 * limits are not what is measured) and with absolute paths.
 */
import BetterSqlite3 from 'better-sqlite3'
import { Miniflare } from 'miniflare'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { vnDateOf } from '../src/domain/calendar.ts'
import { exportData } from '../scripts/lib/export-sql.ts'
import { ROOT } from '../test/support/server-process.ts'
import { getOk, intake, latencies, memoryOf, preparedDatabase, staffLetter, submission, TMP, tokenFor, type Latencies, type Throughput } from './lib.ts'

export interface WorkersResults {
  volume: { letters: number; visits: number }
  /** How the data got into the local D1 (absent in runs from before the file copy: export). */
  load?: WorkersLoad
  importSeconds: number
  /** Statements of the export (0 when the file was copied). */
  importStatements: number
  importMegabytes: number
  reads: Record<string, Latencies>
  intake: Record<string, Throughput>
  /** Resident memory of the workerd processes at the end. */
  rss: number
}

const DIR = resolve(TMP, 'workers')
const STATE = join(DIR, 'state')

function benchConfig(): { file: string; databaseId: string } {
  const source = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
  const databaseId = /database_id\s*=\s*"([^"]+)"/.exec(source)?.[1]
  if (!databaseId) throw new Error('wrangler.toml has no database_id')
  const config = source
    .replace(/\[\[ratelimits\]\][^[]*/g, '')
    .replace(/^main = ".*"$/m, `main = "${join(ROOT, 'src/entry/worker.ts')}"`)
    .replace(/^directory = ".*"$/m, `directory = "${join(ROOT, 'public')}"`)
    .replace(/^migrations_dir = ".*"$/m, `migrations_dir = "${join(ROOT, 'migrations')}"`)
  if (/\[\[ratelimits\]\]/.test(config)) throw new Error('could not remove the rate limits from the bench config')
  mkdirSync(DIR, { recursive: true })
  const file = join(DIR, 'wrangler.toml')
  writeFileSync(file, config)
  return { file, databaseId }
}

const wranglerEnv = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' }
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')

function run(args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`wrangler ${args[0]} failed (${code}):\n${out}`))))
  })
}

const freePort = () =>
  new Promise<number>((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => ok(port))
    })
  })

/** The pids of a process and all its descendants (workerd runs under wrangler). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone
    }
  }
  const all: number[] = []
  const visit = (p: number) => {
    all.push(p)
    for (const c of children.get(p) ?? []) visit(c)
  }
  visit(pid)
  return all
}

export type WorkersLoad = 'file' | 'export'

export async function benchWorkers(o: { letters: number; visits: number; load: WorkersLoad; seconds: number; connections: number; log: (s: string) => void }): Promise<WorkersResults> {
  const { log } = o
  const { file: config, databaseId } = benchConfig()
  rmSync(STATE, { recursive: true, force: true })
  log(`Workers: D1 cục bộ mới, migration (wrangler d1 migrations apply --local)…`)
  await run(['d1', 'migrations', 'apply', 'pakn', '--local', '--persist-to', STATE, '-c', config])
  log(`Workers: nạp ${o.letters.toLocaleString('vi-VN')} đơn, ${o.visits.toLocaleString('vi-VN')} lượt tiếp vào D1 (${o.load === 'file' ? 'chép tệp' : 'bản xuất của scripts/export-d1.ts'})…`)
  const loaded = o.load === 'file' ? await copyIntoLocalD1(o) : await importExport(o, databaseId)
  const count = (() => {
    const d1 = new BetterSqlite3(localD1File(), { readonly: true })
    try {
      return (d1.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n
    } finally {
      d1.close()
    }
  })()
  if (count !== o.letters) throw new Error(`D1 has ${count} letters after the load, expected ${o.letters}`)
  const { seconds: importSeconds, statements, megabytes } = loaded
  log(`Workers: đã nạp trong ${importSeconds.toFixed(0)} s (${o.load === 'file' ? 'chép tệp' : `${statements} câu lệnh`}, ${megabytes.toFixed(0)} MB)`)

  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const dev = spawn(process.execPath, [WRANGLER, 'dev', '--local', '--persist-to', STATE, '-c', config, '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'], {
    cwd: ROOT,
    env: wranglerEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  dev.stdout.on('data', (c: Buffer) => (output += c.toString()))
  dev.stderr.on('data', (c: Buffer) => (output += c.toString()))
  try {
    const deadline = Date.now() + 120_000
    for (;;) {
      try {
        if ((await fetch(`${origin}/`)).ok) break
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`wrangler dev did not start:\n${output.slice(-3000)}`)
      await new Promise((r) => setTimeout(r, 500))
    }
    const token = await tokenFor(origin)
    const auth = { authorization: `Bearer ${token}` }
    const reads: Record<string, Latencies> = {}
    const read = async (name: string, url: string, count: number, before?: (i: number) => Promise<void>) => {
      reads[name] = await latencies(() => getOk(url, auth), { count, warmup: 2, maxSeconds: 120, before })
      log(`Workers ${name}: p50 ${reads[name]!.p50.toFixed(0)} ms, p95 ${reads[name]!.p95.toFixed(0)} ms`)
    }
    await read('queue', `${origin}/api/v1/letters`, 50)
    await read('search', `${origin}/api/v1/letters?q=${encodeURIComponent('nguyễn văn')}`, 20)
    // one letter before each report (not timed): a fresh build each time, not the isolate's cached report
    const oneLetter = staffLetter(`workers-report-${Date.now()}`, vnDateOf(new Date()))
    const write = async (i: number) => {
      const res = await fetch(`${origin}/api/v1/letters`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(oneLetter(1e8 + i)) })
      if (res.status !== 201) throw new Error(`letter before the report: ${res.status} ${await res.text()}`)
    }
    await read('report', `${origin}/api/v1/reports/tiep-cong-dan?from=2025-12-15&to=2026-12-14`, 5, write)
    const results: Record<string, Throughput> = {}
    const load = async (name: string, path: string, body: (n: number) => unknown, headers: Record<string, string> = {}) => {
      await intake({ url: `${origin}${path}`, connections: o.connections, seconds: 2, body: (n) => body(1e7 + n), headers })
      results[name] = await intake({ url: `${origin}${path}`, connections: o.connections, seconds: o.seconds, body, headers })
      log(`Workers ${name}: ${results[name]!.requestsPerSecond.toFixed(0)} yêu cầu/s, p99 ${results[name]!.p99} ms, non-2xx ${results[name]!.non2xx}`)
    }
    await load('submissions', '/api/v1/submissions', submission(`workers-${Date.now()}`))
    await load('letters', '/api/v1/letters', staffLetter(`workers-${Date.now()}`, vnDateOf(new Date())), auth)
    const rss = processTree(dev.pid!).reduce((total, pid) => total + (memoryOf(pid)?.rss ?? 0), 0)
    return {
      volume: { letters: o.letters, visits: o.visits },
      load: o.load,
      importSeconds,
      importStatements: statements,
      importMegabytes: megabytes,
      reads,
      intake: results,
      rss,
    }
  } finally {
    try {
      process.kill(-dev.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
  }
}

/** The local D1's database file under the bench's wrangler state (one database: pakn). */
function localD1File(): string {
  const dir = join(STATE, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (files.length !== 1) throw new Error(`expected one local D1 database in ${dir}, found ${files.length}`)
  return join(dir, files[0]!)
}

interface Loaded {
  seconds: number
  statements: number
  megabytes: number
}

/**
 * The synthetic Node database in place of the local D1's file. It must have exactly the
 * migrations wrangler applied; what workerd keeps in the file (`_cf_METADATA`) is carried over.
 */
async function copyIntoLocalD1(o: { letters: number; visits: number; log: (s: string) => void }): Promise<Loaded> {
  const target = localD1File()
  const d1 = new BetterSqlite3(target, { readonly: true })
  const applied = d1.prepare('SELECT name FROM d1_migrations ORDER BY name').pluck().all()
  const metadata = d1.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '_cf_METADATA'").pluck().get() as string | undefined
  const metadataRows = metadata ? (d1.prepare('SELECT * FROM _cf_METADATA').raw().all() as unknown[][]) : []
  d1.close()
  const started = performance.now()
  const partial = `${target}.dang-chep`
  await preparedDatabase(o.letters, o.visits, partial, o.log)
  const db = new BetterSqlite3(partial)
  try {
    const ours = db.prepare('SELECT name FROM d1_migrations ORDER BY name').pluck().all()
    if (JSON.stringify(ours) !== JSON.stringify(applied)) throw new Error(`the synthetic database's migrations differ from the local D1's: ${ours.join(', ')} / ${applied.join(', ')}`)
    if (metadata) db.exec(metadata)
    for (const row of metadataRows) db.prepare(`INSERT INTO _cf_METADATA VALUES (${row.map(() => '?').join(', ')})`).run(row)
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true })
  renameSync(partial, target)
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true })
  return { seconds: (performance.now() - started) / 1000, statements: 0, megabytes: statSync(target).size / 1048576 }
}

/** The data through the export of scripts/export-d1.ts, in batches through Miniflare. */
async function importExport(o: { letters: number; visits: number; log: (s: string) => void }, databaseId: string): Promise<Loaded> {
  const source = await preparedDatabase(o.letters, o.visits, `${TMP}/workers-source.db`, o.log)
  const sqlite = new BetterSqlite3(source.file, { readonly: true })
  const statements: string[] = []
  const stats = exportData(sqlite, (s) => statements.push(s))
  sqlite.close()
  const mf = new Miniflare({ modules: true, script: '', d1Persist: join(STATE, 'v3', 'd1'), d1Databases: { DATABASE: databaseId } })
  const started = performance.now()
  try {
    const d1 = await mf.getD1Database('DATABASE')
    // the last statement rebuilds the search index: alone, after everything else
    for (let i = 0; i < statements.length; i += 25) await d1.batch(statements.slice(i, i + 25).map((s) => d1.prepare(s)))
  } finally {
    await mf.dispose()
  }
  return { seconds: (performance.now() - started) / 1000, statements: stats.statements, megabytes: stats.bytes / 1048576 }
}
