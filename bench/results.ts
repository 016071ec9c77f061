/**
 * bench/RESULTS.md from one run's numbers (bench/run.ts), with the targets of the issue beside
 * them, followed by bench/analysis.md (written by hand: why, and what it would take).
 */
import { existsSync, readFileSync } from 'node:fs'
import type { SeedStats } from '../scripts/synthetic/generate.ts'
import type { Latencies, Throughput } from './lib.ts'
import type { WorkersResults } from './workers.ts'

export interface Results {
  machine: ReturnType<typeof import('./lib.ts').machine>
  sqlite: string
  volume: { letters: number; visits: number }
  seed?: SeedStats & { totalSeconds: number }
  reads: Record<string, Latencies>
  intake: Record<string, Throughput>
  memory: Record<string, { rss: number; anon: number } | number | undefined> & { peak?: { rss: number; anon: number } }
  workers: WorkersResults | null
  notes: string[]
}

const n = (x: number) => x.toLocaleString('en-US').replace(/,/g, ' ')
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0))
const MB = (bytes: number | undefined) => (bytes ? `${Math.round(bytes / 1048576)}` : '–')
const verdict = (ok: boolean) => (ok ? 'đạt' : '**không đạt**')

const READS: Array<[string, string, number, 'p95' | 'p50']> = [
  ['queue', 'Hàng chờ, trang đầu — `GET /api/v1/letters`', 50, 'p95'],
  ['queue-filtered', 'Hàng chờ lọc — `?status=moi&contentType=khieu_nai`', 50, 'p95'],
  ['search', 'Tìm kiếm không dấu — `?q=` (10 cụm từ luân phiên)', 50, 'p95'],
  ['report', 'Báo cáo cả năm — `GET /api/v1/reports/tiep-cong-dan?from=2025-12-15&to=2026-12-14`', 500, 'p50'],
  ['report-forms-charts', 'Báo cáo cả năm kèm biểu mẫu và biểu đồ (`include=bieu-mau,bieu-do`)', 0, 'p50'],
  ['report-repeat', 'Cùng báo cáo đó, hỏi lại khi dữ liệu không đổi (trang, CSV, XLSX, bản in: từ bộ nhớ đệm)', 0, 'p50'],
  ['queue-during-intake', 'Hàng chờ (trang đầu và lọc `?status=moi`, 2 cán bộ cùng lúc) **trong khi** công dân gửi đơn ở 50 kết nối', 0, 'p95'],
]

export function renderResults(r: Results, previous = 'bench/RESULTS.md'): string {
  const lines: string[] = []
  const m = r.machine
  lines.push('# Kết quả đo tải (bench/RESULTS.md)', '')
  lines.push(`Ghi bởi \`npm run bench\` (bench/run.ts) lúc ${m.date}. Chỉ trên 127.0.0.1; mọi yêu cầu ghi là một lần ghi thật (nội dung và Idempotency-Key khác nhau); mọi câu trả lời không phải 2xx đều được đếm.`, '')
  lines.push('| | |', '|---|---|')
  lines.push(`| Máy | ${m.cpu}, ${m.memory}, ${m.os} |`)
  lines.push(`| Phần mềm | Node ${m.node}, SQLite ${r.sqlite}, ${Object.entries(m.versions).map(([k, v]) => `${k} ${v}`).join(', ')} |`)
  lines.push(`| Tải máy lúc bắt đầu | load average ${m.load}; tiến trình bận nhất: ${m.busiest.replace(/\|/g, '/')} |`)
  lines.push(`| Dữ liệu | ${n(r.volume.letters)} đơn, ${n(r.volume.visits)} lượt tiếp (dữ liệu tổng hợp, \`npm run seed:synthetic\`), năm 2026 |`)
  lines.push('')

  lines.push('## Đọc trên Node (một yêu cầu một lúc)', '')
  lines.push('| Thao tác | n | p50 ms | p95 ms | p99 ms | max ms | Mục tiêu | |', '|---|---:|---:|---:|---:|---:|---|---|')
  for (const [key, label, target, stat] of READS) {
    const x = r.reads[key]
    if (!x) continue
    const goal = target === 0 ? '–' : `${stat} < ${target} ms`
    const ok = target === 0 ? '' : verdict(x[stat] < target)
    lines.push(`| ${label} | ${x.n} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} | ${goal} | ${ok} |`)
    if (x.failures.length > 0) r.notes.push(`${key}: ${x.failures.length} yêu cầu lỗi, ví dụ ${x.failures[0]}`)
  }
  lines.push('')

  const base = r.intake.baseline
  lines.push('## Tiếp nhận ở 50 kết nối (autocannon, cùng một lần chạy)', '')
  lines.push('| Điểm cuối | yêu cầu/s | so với nền | p50 ms | p97.5 ms | p99 ms | tổng | non-2xx | lỗi | Mục tiêu | |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|')
  const intakeRow = (label: string, x: Throughput | undefined, withTarget: boolean) => {
    if (!x) return
    const ratio = base ? x.requestsPerSecond / base.requestsPerSecond : NaN
    const ok = withTarget ? verdict(ratio >= 0.5 && x.p99 < 50 && x.non2xx === 0 && x.errors === 0) : ''
    lines.push(`| ${label} | ${n(Math.round(x.requestsPerSecond))} | ${withTarget ? `${(ratio * 100).toFixed(0)} %` : '100 %'} | ${x.p50} | ${x.p97_5} | ${x.p99} | ${n(x.total)} | ${x.non2xx} | ${x.errors} | ${withTarget ? '≥ 50 %, p99 < 50 ms' : '–'} | ${ok} |`)
  }
  intakeRow('Nền: Hono + better-sqlite3, chỉ chèn JSON (bench/baseline.ts)', base, false)
  intakeRow('`POST /api/v1/submissions` (công dân)', r.intake.submissions, true)
  intakeRow('`POST /api/v1/letters` (cán bộ, có token)', r.intake.letters, true)
  lines.push('')

  lines.push('## Bộ nhớ của máy chủ Node (RSS, lấy mẫu mỗi 250 ms)', '')
  lines.push('| Giai đoạn | đỉnh RSS MB | trong đó ẩn danh (RssAnon) MB |', '|---|---:|---:|')
  for (const [key, value] of Object.entries(r.memory)) {
    if (typeof value !== 'object' || value === null) continue
    lines.push(`| ${key} | ${MB(value.rss)} | ${MB(value.anon)} |`)
  }
  const peak = r.memory.peak
  if (peak) lines.push('', `Mục tiêu RSS < 300 MB: ${verdict(peak.rss < 300 * 1048576)} (đỉnh ${MB(peak.rss)} MB).`)
  lines.push('')

  if (r.seed) {
    const s = r.seed
    lines.push('## Sinh dữ liệu (lần chạy này)', '')
    lines.push(`${n(s.letters)} đơn trong ${s.letterSeconds.toFixed(0)} s (${n(Math.round(s.letters / s.letterSeconds))} đơn/s, mỗi đơn kèm người đứng tên, vụ việc, lịch sử, quyết định, chuyển đơn), ` +
      `${n(s.visits)} lượt tiếp trong ${s.visitSeconds.toFixed(0)} s, tạo lại chỉ mục ${s.indexSeconds.toFixed(0)} s, dựng lại FTS ${s.ftsSeconds.toFixed(0)} s; tổng ${s.totalSeconds.toFixed(0)} s. ` +
      `Mục tiêu ≥ 50 000 đơn/s: ${verdict(s.letters / s.letterSeconds >= 50_000)}.`, '')
  }

  const w = r.workers
  lines.push('## Workers + D1 (wrangler dev --local, workerd + D1 cục bộ)', '')
  if (!w) {
    lines.push('Không đo trong lần chạy này.', '')
  } else {
    // (runs before `load` existed all went through the export)
    const loaded =
      w.load === 'file'
        ? `cơ sở dữ liệu tổng hợp của Node (cùng các migration, ${w.importMegabytes.toFixed(0)} MB) chép vào chỗ tệp của D1 cục bộ`
        : `nạp qua bản xuất SQL của \`scripts/export-d1.ts\` (${n(w.importStatements)} câu lệnh, ${w.importMegabytes.toFixed(0)} MB)`
    lines.push(`Dữ liệu: ${n(w.volume.letters)} đơn, ${n(w.volume.visits)} lượt tiếp, ${loaded}, trong ${w.importSeconds.toFixed(0)} s. RSS của workerd cuối lần đo: ${MB(w.rss)} MB.`, '')
    lines.push('| Thao tác | p50 ms | p95 ms | p99 ms | n |', '|---|---:|---:|---:|---:|')
    for (const [key, x] of Object.entries(w.reads)) lines.push(`| ${key} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${x.n} |`)
    lines.push('', '| Tiếp nhận, 50 kết nối | yêu cầu/s | p50 ms | p99 ms | tổng | non-2xx | lỗi |', '|---|---:|---:|---:|---:|---:|---:|')
    for (const [key, x] of Object.entries(w.intake)) lines.push(`| ${key} | ${n(Math.round(x.requestsPerSecond))} | ${x.p50} | ${x.p99} | ${n(x.total)} | ${x.non2xx} | ${x.errors} |`)
    lines.push('')
  }
  if (r.notes.length > 0) lines.push('## Ghi chú của lần chạy', '', ...r.notes.map((x) => `- ${x}`), '')
  // the soak writes its own section (bench/soak.ts); a new bench run keeps the last one
  if (existsSync(previous)) {
    const soak = /<!-- soak -->[\s\S]*<!-- \/soak -->/.exec(readFileSync(previous, 'utf8'))?.[0]
    if (soak) lines.push(soak, '')
  }
  const analysis = new URL('./analysis.md', import.meta.url)
  if (existsSync(analysis)) lines.push(readFileSync(analysis, 'utf8').trim(), '')
  return `${lines.join('\n')}\n`
}
