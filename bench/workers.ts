/**
 * The Workers build under `wrangler dev --local` (workerd + a local D1), for bench/run.ts:
 * a fresh local D1 gets the migrations (`wrangler d1 migrations apply --local`) and the data of a
 * synthetic Node database through the export of scripts/export-d1.ts (the statements go to D1 in
 * batches through Miniflare, the library `wrangler d1 execute` runs on: its own SQL splitter takes
 * minutes per ten megabytes), then the same intake and report measurements as on Node.
 *
 * The bench's wrangler config is wrangler.toml without the rate-limit bindings (the portal's
 * limits are not what is measured) and with absolute paths.
 */
import BetterSqlite3 from 'better-sqlite3'
import { Miniflare } from 'miniflare'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { vnDateOf } from '../src/domain/calendar.ts'
import { exportData } from '../scripts/lib/export-sql.ts'
import { ROOT } from '../test/support/server-process.ts'
import { getOk, intake, latencies, memoryOf, preparedDatabase, staffLetter, submission, TMP, tokenFor, type Latencies, type Throughput } from './lib.ts'

export interface WorkersResults {
  volume: { letters: number; visits: number }
  importSeconds: number
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

export async function benchWorkers(o: { letters: number; visits: number; seconds: number; connections: number; log: (s: string) => void }): Promise<WorkersResults> {
  const { log } = o
  const { file: config, databaseId } = benchConfig()
  rmSync(STATE, { recursive: true, force: true })
  log(`Workers: D1 cục bộ mới, migration (wrangler d1 migrations apply --local)…`)
  await run(['d1', 'migrations', 'apply', 'pakn', '--local', '--persist-to', STATE, '-c', config])

  const source = await preparedDatabase(o.letters, o.visits, `${TMP}/workers-source.db`, log)
  log(`Workers: nạp ${o.letters.toLocaleString('vi-VN')} đơn, ${o.visits.toLocaleString('vi-VN')} lượt tiếp vào D1 (bản xuất của scripts/export-d1.ts)…`)
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
    const count = (await d1.prepare('SELECT count(*) AS n FROM letters').first<{ n: number }>())?.n
    if (count !== o.letters) throw new Error(`D1 has ${count} letters after the import, expected ${o.letters}`)
  } finally {
    await mf.dispose()
  }
  const importSeconds = (performance.now() - started) / 1000
  log(`Workers: đã nạp trong ${importSeconds.toFixed(0)} s (${stats.statements} câu lệnh, ${(stats.bytes / 1048576).toFixed(0)} MB)`)

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
      importSeconds,
      importStatements: stats.statements,
      importMegabytes: stats.bytes / 1048576,
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
