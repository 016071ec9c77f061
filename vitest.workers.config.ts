import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Workers tests: the real Worker entry (src/entry/worker.ts) on workerd with a local D1,
// offline. The schema comes from the same migrations/*.sql that `wrangler d1 migrations
// apply` and the Node migrator use; readD1Migrations splits each file with wrangler's own
// statement splitter (it keeps CREATE TRIGGER … BEGIN …; END; whole), and
// test/workers/apply-migrations.ts applies them before the tests run.
const migrations = await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url)))

const TEST_ADMIN = { username: 'admin', password: 'mat-khau-kiem-thu-du-dai-2026' } as const

export default defineConfig({
  plugins: [
    cloudflareTest({
      main: './src/entry/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // Test-only bindings; in production the admin comes from `wrangler secret put`.
        bindings: {
          TEST_MIGRATIONS: migrations,
          PAKN_ADMIN_USER: TEST_ADMIN.username,
          PAKN_ADMIN_PASSWORD: TEST_ADMIN.password,
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
