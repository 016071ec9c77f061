import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import BetterSqlite3 from 'better-sqlite3'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { unstable_readConfig } from 'wrangler'
import { migrate } from './src/db/migrate.ts'

// Workers tests: the real Worker entry (src/entry/worker.ts) on workerd with a local D1 and
// the bindings of wrangler.toml, offline. Run with `npm run test:workers`.
//
// The schema comes from the same migrations/*.sql that `wrangler d1 migrations apply` and the
// Node migrator (src/db/migrate.ts) use. readD1Migrations splits each file with wrangler's own
// statement splitter, which keeps `CREATE TRIGGER … BEGIN …; END;` whole;
// test/workers/apply-migrations.ts applies the result before each test file.
const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)))

// The schema the Node migrator builds from the same files, for the parity test in
// test/workers/schema.test.ts: D1 must end up with exactly these objects and SQL texts.
const nodeSchema = (() => {
  const sqlite = new BetterSqlite3(':memory:')
  try {
    migrate(sqlite)
    return sqlite
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'd1_migrations' ORDER BY type, name")
      .all()
  } finally {
    sqlite.close()
  }
})()

const wranglerConfigPath = fileURLToPath(new URL('./wrangler.toml', import.meta.url))
const assetsDirectory = unstable_readConfig({ config: wranglerConfigPath }).assets?.directory
if (!assetsDirectory) throw new Error('wrangler.toml has no [assets] directory')

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: './src/entry/worker.ts',
      wrangler: { configPath: wranglerConfigPath },
      miniflare: {
        // SELF (exports.default) calls the Worker directly and skips the asset router, so the
        // tests reach wrangler.toml's assets directory through a test-only ASSETS binding.
        assets: { directory: assetsDirectory, binding: 'ASSETS' },
        // Test-only values; in production the admin comes from `wrangler secret put`.
        bindings: {
          TEST_MIGRATIONS: migrations,
          TEST_NODE_SCHEMA: nodeSchema,
          PAKN_ADMIN_USER: 'admin',
          PAKN_ADMIN_PASSWORD: 'mat-khau-kiem-thu-du-dai-2026',
        },
      },
    }),
  ],
  test: {
    include: ['test/workers/**/*.test.ts'],
    setupFiles: ['./test/workers/apply-migrations.ts'],
    testTimeout: 20_000,
  },
})
