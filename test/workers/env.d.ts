// Bindings the Workers tests see through `env` from cloudflare:test: the Worker's own Env
// plus what vitest.workers.config.ts adds for tests only.
import type { D1Migration } from 'cloudflare:test'
import type { Env as WorkerEnv } from '../../src/entry/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[]
      /** sqlite_master rows the Node migrator produces (vitest.workers.config.ts). */
      TEST_NODE_SCHEMA: unknown[]
      /** The [assets] directory of wrangler.toml, reachable from tests (SELF skips the asset router). */
      ASSETS: Fetcher
    }
  }
}
