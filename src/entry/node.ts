/**
 * Node entry point: the embedded SQLite database under ./data, migrations applied at start,
 * static files from ./public, graceful shutdown. `npm start` runs this.
 */
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dbAttachmentStore } from '../db/attachments.ts'
import { migrate } from '../db/migrate.ts'
import { openSqlite } from '../db/sqlite.ts'
import { countUsers } from '../db/users.ts'
import { createApp } from '../http/app.tsx'
import { newPassword } from '../http/auth/crypto.ts'
import { bootstrap } from '../http/bootstrap.ts'
import type { Deps } from '../http/env.ts'
import { memoryRateLimiter } from '../http/rate-limit.ts'

const env = process.env
const port = Number(env.PORT ?? 3000)
const dbFile = env.PAKN_DB ?? './data/pakn.db'
const publicDir = fileURLToPath(new URL('../../public', import.meta.url))

const db = openSqlite(dbFile)
const applied = migrate(db.sqlite)
if (applied.length > 0) console.log(`Đã áp dụng migration: ${applied.join(', ')}`)

// A fresh install without PAKN_ADMIN_* still gets a way in: a generated admin password,
// printed once and kept next to the database for the operator.
let adminUser = env.PAKN_ADMIN_USER
let adminPassword = env.PAKN_ADMIN_PASSWORD
let generated = false
if ((!adminUser || !adminPassword) && (await countUsers(db)) === 0) {
  adminUser ??= 'admin'
  adminPassword ??= newPassword()
  generated = true
}

// Behind a reverse proxy every request comes from the proxy's address; with PAKN_TRUST_PROXY=1
// the client is the address the proxy appended last to X-Forwarded-For (the only entry a
// client cannot forge), so per-address limits do not lump all citizens together.
const trustProxy = env.PAKN_TRUST_PROXY === '1'

const deps: Deps = {
  db,
  now: () => new Date(),
  clientAddress: (c) => {
    const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined
    return forwarded || (getConnInfo(c).remote.address ?? 'unknown')
  },
  // citizens' attachments in the same SQLite file (table attachment_blobs)
  attachments: dbAttachmentStore(db),
  rateLimiter: memoryRateLimiter(),
  config: {
    adminUser,
    adminPassword,
    loadSampleDirectory: env.PAKN_SAMPLE_DIRECTORY !== '0',
    secureCookies: env.PAKN_SECURE_COOKIES === '1' || (env.PAKN_PUBLIC_ORIGIN ?? '').startsWith('https:'),
    publicOrigin: env.PAKN_PUBLIC_ORIGIN,
    sessionHours: 12,
    tokenHours: 24,
  },
}

const report = await bootstrap(deps)
if (report.sampleDirectoryLoaded) console.log('Đã nạp danh bạ cơ quan mẫu (tỉnh Quảng Ngãi) vào cơ sở dữ liệu trống.')
if (report.adminCreated) {
  if (generated) {
    const file = join(dirname(dbFile), 'mat-khau-quan-tri-ban-dau.txt')
    writeFileSync(file, `Tên đăng nhập: ${adminUser}\nMật khẩu: ${adminPassword}\n`, { mode: 0o600 })
    console.log(`Đã tạo tài khoản quản trị "${adminUser}" với mật khẩu: ${adminPassword}`)
    console.log(`(Mật khẩu cũng được lưu ở ${relative(process.cwd(), file)}; hãy đổi mật khẩu sau khi đăng nhập.)`)
  } else {
    console.log(`Đã tạo tài khoản quản trị "${adminUser}" từ PAKN_ADMIN_USER / PAKN_ADMIN_PASSWORD.`)
  }
}

const app = createApp(deps, {
  staticFiles: serveStatic({
    root: relative(process.cwd(), publicDir) || '.',
    onFound: (path, c) => {
      if (path.includes('/vendor/')) c.header('Cache-Control', 'public, max-age=31536000, immutable')
      else c.header('Cache-Control', 'public, max-age=300')
    },
  }),
})

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`pakn đang chạy tại http://localhost:${info.port} (cơ sở dữ liệu: ${dbFile})`)
})

const shutdown = () => {
  server.close(() => {
    void db.close().then(() => process.exit(0))
  })
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
