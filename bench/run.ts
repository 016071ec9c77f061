/**
 * npm run bench [-- --letters 1000000 --visits 500000 --seconds 10 --connections 50
 *                   --workers-letters 1000000 --workers-visits 500000 --workers-load file|export --no-workers]
 *
 * One run, loopback only, writing bench/RESULTS.md (and bench/.tmp/results.json):
 * 1. reads on the Node server at national volume: triage queue, filtered queue, folded search,
 *    the year report (latency percentiles, one request at a time);
 * 2. intake at 50 connections: POST /api/v1/submissions and POST /api/v1/letters against a bare
 *    Hono + better-sqlite3 endpoint that only inserts the JSON (bench/baseline.ts), every
 *    request a distinct real insert, every non-2xx answer counted; then the triage queue read by
 *    two clerks while citizens submit at 50 connections;
 * 3. the server's resident memory throughout;
 * 4. the same intake and report on the Workers build (wrangler dev --local, D1 on workerd),
 *    by default at the same volume, the synthetic database copied in as the local D1's file
 *    (bench/workers.ts; `--workers-load export` sends the SQL export through D1 instead).
 *
 * The synthetic databases are built once per volume under bench/.tmp (a million letters take a
 * few minutes) and copied for each run; delete bench/.tmp/base-*.db after changing the generator.
 * `--render-only` writes RESULTS.md again from the last run (after editing bench/analysis.md).
 */
import BetterSqlite3 from 'better-sqlite3'
import { execSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { vnDateOf } from '../src/domain/calendar.ts'
import { startServer, type ServerProcess } from '../test/support/server-process.ts'
import { benchServerBundle, getOk, intake, latencies, machine, mb, preparedDatabase, sampleMemory, staffLetter, submission, TMP, tokenFor, type Latencies, type Throughput } from './lib.ts'
import { renderResults, type Results } from './results.ts'
import { benchWorkers } from './workers.ts'

const { values } = parseArgs({
  allowNegative: true,
  options: {
    letters: { type: 'string', default: '1000000' },
    visits: { type: 'string', default: '500000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    // by default the Node volume
    'workers-letters': { type: 'string' },
    'workers-visits': { type: 'string' },
    'workers-load': { type: 'string', default: 'file' },
    workers: { type: 'boolean', default: true },
    out: { type: 'string', default: 'bench/RESULTS.md' },
    // write RESULTS.md again from the last run's bench/.tmp/results.json (after editing analysis.md)
    'render-only': { type: 'boolean', default: false },
  },
})
if (values['render-only']) {
  writeFileSync(values.out, renderResults(JSON.parse(readFileSync(`${TMP}/results.json`, 'utf8')) as Results))
  process.exit(0)
}
const num = (s: string) => Number(s.replace(/[_.,]/g, ''))
const letters = num(values.letters)
const visits = num(values.visits)
const seconds = num(values.seconds)
const connections = num(values.connections)
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)
mkdirSync(TMP, { recursive: true })

const results: Results = { machine: machine(), sqlite: '', volume: { letters, visits }, reads: {}, intake: {}, memory: {}, workers: null, notes: [] }
results.sqlite = (new BetterSqlite3(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
log(`Máy: ${results.machine.cpu}, tải trước khi đo: ${results.machine.load} (${results.machine.busiest})`)

// ----- 1. data
const prepared = await preparedDatabase(letters, visits, `${TMP}/run.db`, log)
if (prepared.seeded) results.seed = { ...prepared.seeded, totalSeconds: prepared.seededSeconds! }

const servers: ServerProcess[] = []
const stopAll = () => Promise.all(servers.map((s) => s.kill('SIGTERM')))
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)))
try {
  const app = await startServer({ dbFile: prepared.file, entry: await benchServerBundle(), timeoutMs: 120_000 })
  servers.push(app)
  // the copy of the database (GBs) and the migrations the server just applied are dirty pages the
  // kernel would otherwise write back while the reads below are timed
  execSync('sync')
  const memory = sampleMemory(app.pid)
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const from = memory.samples.length
    log(`${name}…`)
    const value = await run()
    const slice = memory.samples.slice(from)
    const peak = slice.reduce((a, s) => (s.rss > a.rss ? s : a), slice[0] ?? { at: 0, rss: 0, anon: 0 })
    results.memory[name] = { rss: peak.rss, anon: peak.anon }
    return value
  }
  const token = await tokenFor(app.origin)
  const auth = { authorization: `Bearer ${token}` }
  results.memory.start = { rss: memory.samples[0]?.rss ?? 0, anon: memory.samples[0]?.anon ?? 0 }

  // ----- 2. reads, one request at a time (a clerk's click), before anything is written
  const list = (query: string) => () => getOk(`${app.origin}/api/v1/letters${query}`, auth)
  const read = (name: string, run: (i: number) => Promise<void>, count: number, maxSeconds: number, before?: (i: number) => Promise<void>) =>
    phase(name, async () => {
      const r = await latencies(run, { count, warmup: 3, maxSeconds, before })
      results.reads[name] = r
      log(`  p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.n} yêu cầu${r.failures.length ? `, ${r.failures.length} lỗi` : ''})`)
      return r
    })
  await read('queue', list(''), 200, 30)
  await read('queue-filtered', list('?status=moi&contentType=khieu_nai'), 200, 30)
  const sample = new BetterSqlite3(prepared.file, { readonly: true })
  const someCode = (sample.prepare('SELECT code FROM letters WHERE seq = (SELECT max(seq) / 2 FROM letters)').get() as { code: string }).code
  sample.close()
  // what staff type: names (with and without diacritics), places, topics, a receipt code
  const terms = ['nguyễn văn', 'tran thi lan', 'Huỳnh Ngọc', 'Sơn Tây', 'lan chiem dat', 'bồi thường', 'bảo hiểm xã hội', 'khai thac cat', 'giấy chứng nhận', someCode]
  await read('search', (i) => getOk(`${app.origin}/api/v1/letters?q=${encodeURIComponent(terms[Math.abs(i) % terms.length]!)}`, auth), 200, 90)
  const year = '?from=2025-12-15&to=2026-12-14'
  // a report is kept while nothing it counts changes (src/http/reports.ts): one letter registered
  // before each request (not timed) makes every measured report a fresh build, as during intake
  const oneLetter = staffLetter(`bench-report-${Date.now()}`, vnDateOf(new Date()))
  const write = async (i: number) => {
    const res = await fetch(`${app.origin}/api/v1/letters`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(oneLetter(1e8 + i)) })
    if (res.status !== 201) throw new Error(`letter before the report: ${res.status} ${await res.text()}`)
  }
  await read('report', () => getOk(`${app.origin}/api/v1/reports/tiep-cong-dan${year}`, auth), 10, 120, write)
  await read('report-forms-charts', () => getOk(`${app.origin}/api/v1/reports/tiep-cong-dan${year}&include=bieu-mau,bieu-do`, auth), 5, 120, write)
  // the same report again with nothing written in between: the page, its CSV, its workbook
  await read('report-repeat', () => getOk(`${app.origin}/api/v1/reports/tiep-cong-dan${year}&include=bieu-mau,bieu-do`, auth), 20, 60)

  // ----- 3. intake at 50 connections, pakn against the bare baseline, in this one run
  const baseline = await startServer({ dbFile: `${TMP}/baseline.db`, entry: 'bench/baseline.ts' })
  servers.push(baseline)
  const load = async (name: string, url: string, body: (n: number) => unknown, headers: Record<string, string> = {}) => {
    await intake({ url, connections, seconds: 2, body: (n) => body(1e7 + n), headers }) // warm-up, not counted
    const r = await phase(name, () => intake({ url, connections, seconds, body, headers }))
    results.intake[name] = r
    log(`  ${r.requestsPerSecond.toFixed(0)} yêu cầu/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} yêu cầu, non-2xx ${r.non2xx}, lỗi ${r.errors}`)
    return r
  }
  await load('baseline', `${baseline.origin}/api/v1/submissions`, submission('baseline'))
  await load('submissions', `${app.origin}/api/v1/submissions`, submission(`bench-${Date.now()}`))
  await load('letters', `${app.origin}/api/v1/letters`, staffLetter(`bench-${Date.now()}`, vnDateOf(new Date())), auth)
  await baseline.kill('SIGTERM')

  // ----- 3b. staff reading the queue while citizens submit at 50 connections (not counted as intake)
  await phase('queue-during-intake', async () => {
    const flood = intake({ url: `${app.origin}/api/v1/submissions`, connections, seconds, body: submission(`bench-mixed-${Date.now()}`) })
    const r = await latencies((i) => list(i % 2 ? '?status=moi' : '')(), { count: 1e9, concurrency: 2, maxSeconds: seconds - 0.5 })
    const f = await flood
    results.reads['queue-during-intake'] = r
    log(`  hàng chờ: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.n} yêu cầu${r.failures.length ? `, ${r.failures.length} lỗi` : ''}); gửi đơn cùng lúc ${f.requestsPerSecond.toFixed(0)} yêu cầu/s, non-2xx ${f.non2xx}`)
    return r
  })

  memory.stop()
  results.memory.peak = memory.peak()
  results.memory.samples = memory.samples.length
  await app.kill('SIGTERM')
} finally {
  await stopAll()
}

// ----- 4. the Workers build
if (values.workers) {
  try {
    const load = values['workers-load']
    if (load !== 'file' && load !== 'export') throw new Error('--workers-load phải là file hoặc export')
    results.workers = await benchWorkers({ letters: num(values['workers-letters'] ?? values.letters), visits: num(values['workers-visits'] ?? values.visits), load, seconds, connections, log })
  } catch (error) {
    results.notes.push(`Workers: không đo được: ${(error as Error).message}`)
    log(`Workers: ${(error as Error).stack}`)
  }
}

writeFileSync(`${TMP}/results.json`, JSON.stringify(results, null, 2))
writeFileSync(values.out, renderResults(results))
log(`Đã ghi ${values.out} (đỉnh RSS ${mb(results.memory.peak?.rss ?? 0)})`)

export type { Latencies, Throughput }
