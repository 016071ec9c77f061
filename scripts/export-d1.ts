/**
 * npm run export:d1 -- <out.sql> [--db path] [--attachments dir] [--no-fts-rebuild]
 *
 * The data of the Node database ($PAKN_DB or ./data/pakn.db) as SQL for a D1 database that has
 * the schema (README "Chuyển sang Cloudflare Workers + D1"):
 *
 *   npx wrangler d1 migrations apply pakn --remote
 *   npx wrangler d1 execute pakn --remote --file <out.sql>
 *
 * Reads one consistent snapshot; the server may keep running. With --attachments, also writes
 * the citizens' files (one file per storage key) for `wrangler r2 object put`.
 */
import BetterSqlite3 from 'better-sqlite3'
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { attachmentFiles, exportData } from './lib/export-sql.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: {
    db: { type: 'string', default: process.env.PAKN_DB ?? './data/pakn.db' },
    attachments: { type: 'string' },
    'fts-rebuild': { type: 'boolean', default: true },
  },
})
const out = positionals[0]
if (!out || positionals.length > 1) {
  console.error('Cách dùng: npm run export:d1 -- <tệp.sql> [--db data/pakn.db] [--attachments thư-mục] [--no-fts-rebuild]')
  process.exit(2)
}

const sqlite = new BetterSqlite3(values.db, { readonly: true, fileMustExist: true })
const started = performance.now()
mkdirSync(dirname(resolve(out)), { recursive: true })
const fd = openSync(out, 'w')
let buffer = ''
const stats = sqlite.transaction(() =>
  exportData(
    sqlite,
    (statement) => {
      buffer += statement
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer)
        buffer = ''
      }
    },
    { ftsRebuild: values['fts-rebuild'] },
  ),
)()
writeSync(fd, buffer)
closeSync(fd)
let files = 0
if (values.attachments) {
  mkdirSync(values.attachments, { recursive: true })
  const commands: string[] = []
  for (const file of attachmentFiles(sqlite)) {
    mkdirSync(dirname(join(values.attachments, file.key)), { recursive: true })
    writeFileSync(join(values.attachments, file.key), file.bytes)
    commands.push(`npx wrangler r2 object put "pakn-attachments/${file.key}" --file "${join(values.attachments, file.key)}" --content-type "${file.mediaType}" --remote`)
    files++
  }
  writeFileSync(join(values.attachments, 'tai-len-r2.sh'), `${commands.join('\n')}\n`)
}
sqlite.close()
console.log(
  `Đã xuất ${Object.entries(stats.tables).map(([t, n]) => `${t} ${n.toLocaleString('vi-VN')}`).join(', ')} ` +
    `→ ${out} (${stats.statements.toLocaleString('vi-VN')} câu lệnh, ${(stats.bytes / 1048576).toFixed(1)} MB) trong ${((performance.now() - started) / 1000).toFixed(1)} s` +
    (values.attachments ? `; ${files} tệp đính kèm → ${values.attachments} (tai-len-r2.sh)` : '') + '.',
)
if (stats.oversized.length > 0) console.warn(`Cảnh báo: ${stats.oversized.length} dòng dài hơn giới hạn 100 KB một câu lệnh của D1: ${stats.oversized.slice(0, 5).join(', ')}…`)
