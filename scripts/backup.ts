/**
 * npm run backup -- <file> [--db path]
 *
 * An online, consistent copy of the database ($PAKN_DB or ./data/pakn.db) while the server keeps
 * serving: see scripts/lib/db-files.ts. The copy is checked (integrity, migrations, search index)
 * before it gets its name; an existing file is never overwritten.
 */
import { parseArgs } from 'node:util'
import { backupDatabase } from './lib/db-files.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string', default: process.env.PAKN_DB ?? './data/pakn.db' } },
})
const target = positionals[0]
if (!target || positionals.length > 1) {
  console.error('Cách dùng: npm run backup -- <tệp-sao-lưu.db> [--db data/pakn.db]')
  process.exit(2)
}
try {
  const r = backupDatabase(values.db, target)
  console.log(
    `Đã sao lưu ${values.db} vào ${r.file}: ${(r.bytes / 1048576).toFixed(1)} MB, ${r.check.letters.toLocaleString('vi-VN')} đơn, ` +
      `${r.check.visits.toLocaleString('vi-VN')} lượt tiếp, migration đến ${r.check.migrations.at(-1)}, trong ${r.seconds.toFixed(1)} s.`,
  )
} catch (error) {
  console.error(`Không sao lưu được: ${(error as Error).message}`)
  process.exit(1)
}
