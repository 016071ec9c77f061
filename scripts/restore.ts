/**
 * npm run restore -- <file> [--db path] [--force]
 *
 * Puts a backup in place of the database ($PAKN_DB or ./data/pakn.db) after checking it is a
 * whole pakn database this version can run. Refuses while a process (the server) has the database
 * open, unless --force (then restart the server). The replaced database is kept beside it.
 */
import { parseArgs } from 'node:util'
import { RestoreRefused, restoreDatabase } from './lib/db-files.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    db: { type: 'string', default: process.env.PAKN_DB ?? './data/pakn.db' },
    force: { type: 'boolean', default: false },
  },
})
const backup = positionals[0]
if (!backup || positionals.length > 1) {
  console.error('Cách dùng: npm run restore -- <tệp-sao-lưu.db> [--db data/pakn.db] [--force]')
  process.exit(2)
}
try {
  const r = restoreDatabase(backup, values.db, { force: values.force })
  console.log(
    `Đã khôi phục ${backup} vào ${r.target}: ${r.check.letters.toLocaleString('vi-VN')} đơn, ${r.check.visits.toLocaleString('vi-VN')} lượt tiếp, ` +
      `migration đến ${r.check.migrations.at(-1)}.` + (r.previous ? ` Cơ sở dữ liệu cũ được giữ ở ${r.previous}.` : ''),
  )
  if (values.force) console.log('Đã dùng --force: hãy khởi động lại máy chủ để nó mở cơ sở dữ liệu vừa khôi phục.')
} catch (error) {
  console.error(`${error instanceof RestoreRefused ? 'Từ chối khôi phục' : 'Không khôi phục được'}: ${(error as Error).message}`)
  process.exit(1)
}
