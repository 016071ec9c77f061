import { defineConfig } from 'vitest/config'

// Node tests: domain (pure), db (better-sqlite3 in memory), http (app.request), browser (Chromium).
// The Workers build is tested by vitest.workers.config.ts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/workers/**', 'node_modules/**'],
    testTimeout: 20_000,
  },
})
