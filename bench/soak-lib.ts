/**
 * Load without loss: a mixed stream of reads and writes against the real Node server for a
 * bounded time (loopback only), counting every failure, sampling the server's resident memory
 * and fitting its trend after a warm-up. Used by `npm run soak` (bench/soak.ts) and, shortened,
 * by test/robustness/soak.test.ts.
 */
import { randomUUID } from 'node:crypto'
import { vnDateOf } from '../src/domain/calendar.ts'
import { startServer } from '../test/support/server-process.ts'
import { benchServerBundle, memoryOf, percentile, preparedDatabase, staffLetter, submission, TMP, tokenFor } from './lib.ts'

export interface SoakOptions {
  seconds: number
  letters: number
  visits: number
  /** Concurrent virtual users (each waits for its answer before the next request). */
  users: number
  /** Warm-up excluded from the memory trend: the first part of the run, at least 20 s. */
  warmupFraction: number
  /** Fail when resident memory grows faster than this after the warm-up. */
  maxSlopeMbPerMinute: number
  sampleSeconds: number
  runFile?: string
  log?: (line: string) => void
}

export interface SoakResult {
  seconds: number
  requests: number
  errors: number
  errorSamples: string[]
  perOperation: Record<string, { n: number; p50: number; p99: number }>
  rss: { start: number; afterWarmup: number; end: number; max: number }
  /** Least-squares slope of the post-GC floor (lowest sample of each whole 20 s) after the warm-up; NaN with fewer than three. */
  slopeMbPerMinute: number
  /** The same over every sample (GC sawtooth included). */
  rawSlopeMbPerMinute: number
  samples: Array<{ t: number; rss: number }>
  ok: boolean
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length
  if (n < 2) return 0
  const mx = points.reduce((a, p) => a + p.x, 0) / n
  const my = points.reduce((a, p) => a + p.y, 0) / n
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0)
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0)
  return sxx === 0 ? 0 : sxy / sxx
}

/** `run` resolves false when there was nothing to act on yet, and so no request was made. */
type Op = { name: string; weight: number; run: (u: number) => Promise<void | false> }

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => {})
  const prepared = await preparedDatabase(o.letters, o.visits, o.runFile ?? `${TMP}/soak.db`, log)
  const server = await startServer({ dbFile: prepared.file, entry: await benchServerBundle(), timeoutMs: 120_000 })
  const origin = server.origin
  try {
    const token = await tokenFor(origin)
    const auth = { authorization: `Bearer ${token}` }
    const run = `soak-${Date.now()}`
    const today = vnDateOf(new Date())
    const newSubmission = submission(run)
    const newLetter = staffLetter(run, today)
    let counter = 0
    const submitted: Array<{ code: string; key: string }> = []
    const registered: string[] = []
    const errors: string[] = []
    let errorCount = 0
    const times = new Map<string, number[]>()

    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${origin}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${res.status} ${method} ${path}: ${text.slice(0, 200)}`)
      return text
    }
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]
    const terms = ['nguyen van', 'Sơn Tây', 'đất đai', 'bồi thường', 'tran thi', 'đường liên thôn', 'bảo hiểm']
    const ops: Op[] = [
      { name: 'POST submissions', weight: 25, run: async () => {
        const json = JSON.parse(await call('POST', '/api/v1/submissions', newSubmission(counter++), { 'idempotency-key': randomUUID() })) as { code: string; accessKey: string }
        if (submitted.length < 5000) submitted.push({ code: json.code, key: json.accessKey })
      } },
      { name: 'POST letters', weight: 12, run: async () => {
        const json = JSON.parse(await call('POST', '/api/v1/letters', newLetter(counter++), auth)) as { id: string }
        if (registered.length < 5000) registered.push(json.id)
      } },
      { name: 'POST receptions', weight: 5, run: async () => {
        await call('POST', '/api/v1/receptions', {
          date: today, kind: 'thuong_xuyen', persons: 1 + (counter % 3), contentType: 'kien_nghi_phan_anh', field: 'giao_thong',
          summary: `Phản ánh đường liên thôn xuống cấp (${run} ${counter++})`, visitors: [{ name: 'Lê Văn Tám', address: `Thôn ${counter % 9}, xã Sơn Tây` }],
        }, auth)
      } },
      { name: 'POST decision', weight: 5, run: async () => {
        const id = registered.pop()
        if (!id) return false
        await call('POST', `/api/v1/letters/${id}/decision`, {}, auth)
      } },
      { name: 'GET queue', weight: 20, run: async () => {
        await call('GET', `/api/v1/letters${pick(['', '?status=moi', '?status=moi&contentType=khieu_nai', '?channel=truc_tuyen', '?from=2026-06-01&to=2026-06-30'])}`, undefined, auth)
      } },
      { name: 'GET search', weight: 10, run: async () => void (await call('GET', `/api/v1/letters?q=${encodeURIComponent(pick(terms)!)}`, undefined, auth)) },
      { name: 'GET letter', weight: 8, run: async () => {
        const id = pick(registered)
        if (!id) return false
        await call('GET', `/api/v1/letters/${id}`, undefined, auth)
      } },
      { name: 'GET status', weight: 10, run: async () => {
        const s = pick(submitted)
        if (!s) return false
        await call('GET', `/api/v1/submissions/${s.code}?key=${s.key}`)
      } },
      { name: 'GET report (month)', weight: 4, run: async () => {
        const month = pick(['03', '06', '09', '11'])
        await call('GET', `/api/v1/reports/tiep-cong-dan?from=2026-${month}-01&to=2026-${month}-28`, undefined, auth)
      } },
      { name: 'GET receptions', weight: 1, run: async () => void (await call('GET', '/api/v1/receptions?from=2026-06-01&to=2026-06-30', undefined, auth)) },
    ]
    const total = ops.reduce((a, op) => a + op.weight, 0)
    const choose = () => {
      let x = Math.random() * total
      for (const op of ops) if ((x -= op.weight) < 0) return op
      return ops[0]!
    }

    // memory: the page cache and the JIT settle in the warm-up; the trend is fitted after it
    const samples: Array<{ t: number; rss: number }> = []
    const started = Date.now()
    const sample = () => {
      const m = memoryOf(server.pid)
      if (m) samples.push({ t: (Date.now() - started) / 1000, rss: m.rss })
    }
    sample()
    const timer = setInterval(sample, o.sampleSeconds * 1000)
    // a day's broad reads first — a year report (every report index) and a search matching almost
    // every letter (its rows): SQLite's page cache (32 MiB) fills here, not in the measured trend
    await call('GET', '/api/v1/reports/tiep-cong-dan?from=2025-12-15&to=2026-12-14', undefined, auth)
    await call('GET', `/api/v1/letters?q=${encodeURIComponent('xã')}`, undefined, auth)
    const deadline = started + o.seconds * 1000
    let requests = 0
    const user = async (u: number) => {
      while (Date.now() < deadline) {
        const op = choose()
        const t = performance.now()
        try {
          // nothing to act on yet (no letter registered, no submission made): no request, not counted
          if ((await op.run(u)) === false) continue
          requests++
          const list = times.get(op.name) ?? []
          list.push(performance.now() - t)
          times.set(op.name, list)
        } catch (error) {
          errorCount++
          if (errors.length < 10) errors.push(`${op.name}: ${(error as Error).message}`)
        }
      }
    }
    await Promise.all(Array.from({ length: o.users }, (_, u) => user(u)))
    clearInterval(timer)
    sample()
    const elapsed = (Date.now() - started) / 1000
    const warmup = Math.max(20, o.seconds * o.warmupFraction)
    const steady = samples.filter((s) => s.t >= warmup)
    // the trend of the floor: the lowest sample of each 20 s, i.e. after the garbage collector
    // ran; the peaks between collections say how much garbage there was, not what is kept
    // Only whole 20 s windows count: the last sample, taken the moment the load stops, alone in its
    // window, is no floor (no collection ran), and once read as one it made a flat run look like
    // 14 MB/min of growth.
    const floors = new Map<number, { t: number; rss: number; n: number }>()
    for (const s of steady) {
      const bucket = Math.floor(s.t / 20)
      const low = floors.get(bucket)
      floors.set(bucket, { ...(!low || s.rss < low.rss ? s : low), n: (low?.n ?? 0) + 1 })
    }
    const whole = Math.max(2, Math.floor((20 / o.sampleSeconds) * 0.8))
    const windows = [...floors.values()].filter((f) => f.n >= whole)
    // fewer than three floors measure no trend: NaN, which fails any finite limit
    const slopeMb = windows.length >= 3 ? slope(windows.map((s) => ({ x: s.t / 60, y: s.rss / 1048576 }))) : NaN
    const rawSlopeMb = slope(steady.map((s) => ({ x: s.t / 60, y: s.rss / 1048576 })))
    const perOperation = Object.fromEntries(
      [...times].map(([name, list]) => {
        list.sort((a, b) => a - b)
        return [name, { n: list.length, p50: percentile(list, 50), p99: percentile(list, 99) }]
      }),
    )
    const result: SoakResult = {
      seconds: elapsed,
      requests,
      errors: errorCount,
      errorSamples: errors,
      perOperation,
      rss: {
        start: samples[0]?.rss ?? 0,
        afterWarmup: steady[0]?.rss ?? 0,
        end: samples.at(-1)?.rss ?? 0,
        max: Math.max(...samples.map((s) => s.rss)),
      },
      slopeMbPerMinute: slopeMb,
      rawSlopeMbPerMinute: rawSlopeMb,
      samples,
      ok: errorCount === 0 && (o.maxSlopeMbPerMinute === Infinity || slopeMb <= o.maxSlopeMbPerMinute),
    }
    return result
  } finally {
    await server.kill('SIGTERM')
  }
}
