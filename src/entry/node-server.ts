/**
 * The Node server as a function: the embedded SQLite database (migrations applied at start),
 * the first-start bootstrap, static files, the HTTP listener. `src/entry/node.ts` (npm start)
 * calls it with the environment; the benchmarks call it with a rate limiter that does not limit.
 */
import { serve, type ServerType } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dbAttachmentStore } from '../db/attachments.ts'
import { migrate } from '../db/migrate.ts'
import { openSqlite, type SqliteDb } from '../db/sqlite.ts'
import { countUsers } from '../db/users.ts'
import { createApp } from '../http/app.tsx'
import { newPassword } from '../http/auth/crypto.ts'
import { bootstrap } from '../http/bootstrap.ts'
import type { Deps } from '../http/env.ts'
import { memoryRateLimiter, type RateLimiter } from '../http/rate-limit.ts'

export interface NodeServerOptions {
  /** The configuration variables of README "Configuration" (PORT, PAKN_DB, PAKN_ADMIN_*, …). */
  env: Record<string, string | undefined>
  /** Per-address limits of the portal; default: in memory (src/http/rate-limit.ts). */
  rateLimiter?: RateLimiter
  /** Address to listen on; default: all interfaces. */
  hostname?: string
  log?: (line: string) => void
}

export interface NodeServer {
  port: number
  db: SqliteDb
  dbFile: string
  server: ServerType
  /** Stops accepting connections, lets running requests finish, closes the database. */
  close(): Promise<void>
}

const publicDir = fileURLToPath(new URL('../../public', import.meta.url))

/**
 * V8 lets its heap grow to up to four times what survived the last full collection before it
 * collects again, more the faster the program allocates. With the writes on their own thread the
 * server's thread allocates at about twice the rate under intake, and its heap grew to ~140 MB
 * where ~60 MB was live: RSS during intake 300–346 MB. At 1.5 times it stays at 224–234 MB with the
 * same throughput (bench/analysis.md). A growth factor, not a cap: a bigger job still gets the heap
 * it needs.
 */
const HEAP_GROWING_PERCENT = 50

export async function startNodeServer(options: NodeServerOptions): Promise<NodeServer> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
  const { env } = options
  const log = options.log ?? ((line: string) => console.log(line))
  const port = Number(env.PORT ?? 3000)
  const dbFile = env.PAKN_DB ?? './data/pakn.db'

  const db = openSqlite(dbFile)
  const applied = migrate(db.sqlite)
  if (applied.length > 0) log(`Đã áp dụng migration: ${applied.join(', ')}`)

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
    rateLimiter: options.rateLimiter ?? memoryRateLimiter(),
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
  if (report.sampleDirectoryLoaded) log('Đã nạp danh bạ cơ quan mẫu (tỉnh Quảng Ngãi) vào cơ sở dữ liệu trống.')
  if (report.adminCreated) {
    if (generated) {
      const file = join(dirname(dbFile), 'mat-khau-quan-tri-ban-dau.txt')
      writeFileSync(file, `Tên đăng nhập: ${adminUser}\nMật khẩu: ${adminPassword}\n`, { mode: 0o600 })
      log(`Đã tạo tài khoản quản trị "${adminUser}" với mật khẩu: ${adminPassword}`)
      log(`(Mật khẩu cũng được lưu ở ${relative(process.cwd(), file)}; hãy đổi mật khẩu sau khi đăng nhập.)`)
    } else {
      log(`Đã tạo tài khoản quản trị "${adminUser}" từ PAKN_ADMIN_USER / PAKN_ADMIN_PASSWORD.`)
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

  const { server, listening } = await new Promise<{ server: ServerType; listening: number }>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, ...(options.hostname ? { hostname: options.hostname } : {}) }, (info: AddressInfo) =>
      resolve({ server: s, listening: info.port }),
    )
    s.once('error', reject)
  })
  log(`pakn đang chạy tại http://localhost:${listening} (cơ sở dữ liệu: ${dbFile})`)

  return {
    port: listening,
    db,
    dbFile,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          // closes the better-sqlite3 connection too (Kysely's driver owns it)
          void db.close().then(resolve)
        })
      }),
  }
}
