/**
 * npm run soak [-- --minutes 5 --users 8 --letters 100000 --visits 50000 --max-slope 2]
 *
 * Mixed reads and writes against the real Node server for a bounded time (loopback only):
 * fails on any error answer or when resident memory keeps growing after the warm-up (least-
 * squares slope above --max-slope MB/min). Writes its section into bench/RESULTS.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { machine, TMP } from './lib.ts'
import { runSoak, type SoakResult } from './soak-lib.ts'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    users: { type: 'string', default: '8' },
    letters: { type: 'string', default: '100000' },
    visits: { type: 'string', default: '50000' },
    'max-slope': { type: 'string', default: '2' },
    out: { type: 'string', default: 'bench/RESULTS.md' },
  },
})
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`)
const m = machine()
log(`Soak ${values.minutes} phút, ${values.users} người dùng đồng thời; tải máy trước khi chạy: ${m.load} (${m.busiest})`)
const r = await runSoak({
  seconds: Number(values.minutes) * 60,
  users: Number(values.users),
  letters: Number(values.letters),
  visits: Number(values.visits),
  warmupFraction: 0.25,
  maxSlopeMbPerMinute: Number(values['max-slope']),
  sampleSeconds: 2,
  log,
})
writeFileSync(`${TMP}/soak.json`, JSON.stringify(r, null, 2))

const MB = (b: number) => (b / 1048576).toFixed(0)
function section(r: SoakResult): string {
  const rows = Object.entries(r.perOperation)
    .sort((a, b) => b[1].n - a[1].n)
    .map(([name, x]) => `| ${name} | ${x.n} | ${x.p50.toFixed(1)} | ${x.p99.toFixed(1)} |`)
  return [
    '<!-- soak -->',
    '## Soak: đọc và ghi xen kẽ (`npm run soak`)',
    '',
    `${m.date}, ${values.minutes} phút, ${values.users} người dùng đồng thời (mỗi người chờ câu trả lời rồi gửi tiếp), cơ sở dữ liệu ${Number(values.letters).toLocaleString('vi-VN')} đơn / ` +
      `${Number(values.visits).toLocaleString('vi-VN')} lượt tiếp; tải máy lúc bắt đầu ${m.load} (${m.busiest.replace(/\|/g, '/')}).`,
    '',
    `**${r.requests.toLocaleString('vi-VN')} yêu cầu, ${r.errors} lỗi** (${(r.requests / r.seconds).toFixed(0)} yêu cầu/s). RSS: đầu ${MB(r.rss.start)} MB, sau khởi động ${MB(r.rss.afterWarmup)} MB, ` +
      `cuối ${MB(r.rss.end)} MB, đỉnh ${MB(r.rss.max)} MB; xu hướng sau khởi động (bình phương tối thiểu trên mức đáy sau GC — mẫu thấp nhất mỗi 20 s, lấy mẫu mỗi 2 s) **${Number.isNaN(r.slopeMbPerMinute) ? 'không đo được (chưa đủ ba cửa sổ 20 s)' : `${r.slopeMbPerMinute.toFixed(2)} MB/phút`}** ` +
      `(trên mọi mẫu: ${r.rawSlopeMbPerMinute.toFixed(2)} MB/phút) ` +
      `(ngưỡng ${values['max-slope']} MB/phút): ${r.ok ? 'đạt' : '**không đạt**'}.`,
    '',
    '| Thao tác | n | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    ...rows,
    ...(r.errorSamples.length ? ['', 'Lỗi:', ...r.errorSamples.map((e) => `- ${e}`)] : []),
    '<!-- /soak -->',
  ].join('\n')
}
const text = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '# Kết quả đo tải (bench/RESULTS.md)\n'
const marked = /<!-- soak -->[\s\S]*<!-- \/soak -->/
writeFileSync(values.out, marked.test(text) ? text.replace(marked, section(r)) : `${text.trimEnd()}\n\n${section(r)}\n`)
log(`${r.requests} yêu cầu, ${r.errors} lỗi, RSS ${MB(r.rss.start)} → ${MB(r.rss.end)} MB, xu hướng ${r.slopeMbPerMinute.toFixed(2)} MB/phút → ${r.ok ? 'ĐẠT' : 'KHÔNG ĐẠT'}`)
for (const e of r.errorSamples) log(`  ${e}`)
process.exit(r.ok ? 0 : 1)
