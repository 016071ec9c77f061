/**
 * What the benchmarks and the soak share: a prepared database, latency percentiles, autocannon
 * runs that count every non-2xx answer, resident-memory sampling of a server process, and the
 * request bodies (every request distinct, so every intake request is a real insert).
 */
import autocannon from 'autocannon'
import { execSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs'
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { migrate } from '../src/db/migrate.ts'
import { openSqlite } from '../src/db/sqlite.ts'
import { createUser } from '../src/db/users.ts'
import { hashPassword } from '../src/http/auth/crypto.ts'
import { bootstrap } from '../src/http/bootstrap.ts'
import { buildNode } from '../scripts/build-node.mjs'
import { seedSynthetic, type SeedStats } from '../scripts/synthetic/generate.ts'
import { submissionBody } from '../test/support/server-process.ts'

export const TMP = 'bench/.tmp'

/** The staff account the benchmarks sign in with (all roles that read letters and reports). */
export const STAFF = { username: 'canbo.bench', password: 'mat-khau-do-tai-2026' }

export interface Prepared {
  file: string
  seeded: SeedStats | null
  seededSeconds: number | null
}

/**
 * A database with `letters` and `visits` synthetic records and the bench account: built once
 * under bench/.tmp (seeding a million letters takes minutes), then copied for each run so that
 * what a run writes never changes the next run's data.
 */
export async function preparedDatabase(letters: number, visits: number, runFile: string, log: (s: string) => void): Promise<Prepared> {
  const base = `${TMP}/base-${letters}-${visits}.db`
  let seeded: SeedStats | null = null
  let seededSeconds: number | null = null
  if (!existsSync(base)) {
    log(`Sinh dữ liệu: ${letters.toLocaleString('vi-VN')} đơn, ${visits.toLocaleString('vi-VN')} lượt tiếp → ${base}`)
    const partial = `${base}.dang-tao`
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true })
    const db = openSqlite(partial)
    migrate(db.sqlite)
    await bootstrap({ db, now: () => new Date(), clientAddress: () => 'bench', config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 } })
    await createUser(
      db,
      { username: STAFF.username, displayName: 'Cán bộ đo tải', passwordHash: await hashPassword(STAFF.password), roles: ['xu_ly_don', 'tiep_dan', 'bao_cao', 'lanh_dao'], agencyCode: null },
      { id: null, name: 'bench' },
      new Date(),
    )
    db.sqlite.pragma('synchronous = OFF')
    db.sqlite.pragma('cache_size = -1000000')
    const started = performance.now()
    seeded = await seedSynthetic(db.sqlite, { letters, visits, year: 2026, seed: 1, fts: 'rebuild', bulk: true, log: (line) => log(line) })
    seededSeconds = (performance.now() - started) / 1000
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await db.close()
    copyFileSync(partial, base)
    for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true })
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(runFile + suffix, { force: true })
  copyFileSync(base, runFile)
  // the copy gets any migration added since the base was built (the server would apply it at start)
  const db = openSqlite(runFile)
  migrate(db.sqlite)
  await db.close()
  return { file: runFile, seeded, seededSeconds }
}

// ----- numbers --------------------------------------------------------------------------------------

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!

export interface Latencies {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  failures: string[]
}

/**
 * Latency of `request(i)` over `count` calls (or until `maxSeconds`), `concurrency` at a time,
 * after `warmup` unmeasured calls. A call fails when it throws (e.g. a non-2xx status).
 */
export async function latencies(
  request: (i: number) => Promise<void>,
  // before: untimed work ahead of each request (the report phases write a letter, so no report is served from the cache)
  o: { count: number; concurrency?: number; warmup?: number; maxSeconds?: number; before?: (i: number) => Promise<void> },
): Promise<Latencies> {
  for (let i = 0; i < (o.warmup ?? 0); i++) {
    await o.before?.(-1 - i)
    await request(-1 - i)
  }
  const times: number[] = []
  const failures: string[] = []
  const deadline = Date.now() + (o.maxSeconds ?? 60) * 1000
  let next = 0
  const worker = async () => {
    while (next < o.count && Date.now() < deadline) {
      const i = next++
      await o.before?.(i)
      const t = performance.now()
      try {
        await request(i)
        times.push(performance.now() - t)
      } catch (error) {
        failures.push((error as Error).message)
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency ?? 1 }, worker))
  times.sort((a, b) => a - b)
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1) ?? NaN, failures }
}

/** GET that throws on a non-2xx answer and reads the whole body (as a client would). */
export async function getOk(url: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { headers })
  const body = await res.text()
  if (!res.ok) throw new Error(`${res.status} ${url}: ${body.slice(0, 200)}`)
}

export async function tokenFor(origin: string, user = STAFF): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

/**
 * bench/server.ts bundled as `npm start` bundles the server (scripts/build-node.mjs), so the
 * benchmarks measure the memory and speed of what runs in production, not of tsx's loader.
 */
export const benchServerBundle = async (): Promise<string> => {
  await buildNode('bench/server.ts', 'dist/bench/server.mjs')
  return 'dist/bench/server.mjs'
}

// ----- load -----------------------------------------------------------------------------------------

export interface Throughput {
  requestsPerSecond: number
  p50: number
  p97_5: number
  p99: number
  max: number
  total: number
  non2xx: number
  errors: number
  statusCodes: Record<string, number>
}

/**
 * autocannon against 127.0.0.1 for `seconds`, `connections` at once, no pipelining. Every
 * request's body comes from `body(n)` (distinct n), with a fresh Idempotency-Key.
 */
export async function intake(o: { url: string; connections: number; seconds: number; body: (n: number) => unknown; headers?: Record<string, string> }): Promise<Throughput> {
  if (!/^http:\/\/127\.0\.0\.1:/.test(o.url)) throw new Error(`load only on the loopback: ${o.url}`)
  let n = 0
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...o.headers },
          body: JSON.stringify(o.body(n++)),
        }),
      },
    ],
  })
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]))
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
  }
}

/** A citizen submission, different for every n (also in content: no two are resends). */
export const submission = (run: string) => (n: number) => submissionBody(n, `${run}-${n}`)

/** A letter registered by staff (POST /api/v1/letters), different for every n. */
export const staffLetter = (run: string, today: string) => (n: number) => {
  const base = submissionBody(n, `${run}-${n}`)
  return {
    receivedAt: today,
    channel: n % 2 === 0 ? 'buu_chinh' : 'truc_tiep',
    contentType: n % 3 === 0 ? 'khieu_nai' : 'kien_nghi_phan_anh',
    field: n % 3 === 0 ? 'dat_dai' : 'giao_thong',
    senders: base.senders.map((s) => ({ ...s, signed: true })),
    respondent: n % 3 === 0 ? { agencyCode: 'UBND_XA_SON_TAY', person: null, isHead: false, private: false } : null,
    location: 'XA_SON_TAY',
    summary: base.summary,
    request: base.request,
    hasEvidence: true,
    ...(n % 3 === 0 ? { complaintRound: 1, decision: { number: `${n}/QĐ-UBND`, date: today, knownDate: today } } : {}),
  }
}

// ----- memory ---------------------------------------------------------------------------------------

export interface Memory {
  /** VmRSS: everything resident, including SQLite's page cache. */
  rss: number
  /** RssAnon: the process's own (heap, cache) memory, without file-backed pages. */
  anon: number
}

export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024
    return { rss: kb('VmRSS'), anon: kb('RssAnon') }
  } catch {
    return null
  }
}

/** Samples a process's memory every `ms` until stopped; peak and all samples. */
export function sampleMemory(pid: number, ms = 250) {
  const samples: Array<{ at: number; rss: number; anon: number }> = []
  const started = Date.now()
  const take = () => {
    const m = memoryOf(pid)
    if (m) samples.push({ at: (Date.now() - started) / 1000, ...m })
  }
  take()
  const timer = setInterval(take, ms)
  return {
    samples,
    peak: () => samples.reduce((a, s) => (s.rss > a.rss ? s : a), { at: 0, rss: 0, anon: 0 }),
    stop() {
      clearInterval(timer)
      take()
    },
  }
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`

// ----- the machine ----------------------------------------------------------------------------------

export function machine() {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return '?'
    }
  }
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')) as { version: string }).version
    } catch {
      return '?'
    }
  }
  return {
    date: new Date().toISOString(),
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memory: `${mb(totalmem())} (free ${mb(freemem())})`,
    os: sh('uname -sr'),
    node: process.version,
    load: loadavg().map((x) => x.toFixed(2)).join(', '),
    // other work on the machine: processes using CPU now (not this benchmark or its parents)
    busiest: sh(`top -b -n 1 -w 200 | awk 'NR > 7 && $9 > 1 && $1 != ${process.pid} && $1 != ${process.ppid} { printf "%s %s%%; ", $12, $9 }'`) || 'none',
    versions: Object.fromEntries(['hono', '@hono/node-server', 'better-sqlite3', 'kysely', 'autocannon', 'wrangler', 'miniflare'].map((p) => [p, version(p)])),
  }
}
