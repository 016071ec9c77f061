// Bindings the Workers tests see through `env` from cloudflare:test: the Worker's own Env
// plus the migrations handed in by vitest.workers.config.ts.
import type { D1Migration } from 'cloudflare:test'
import type { Env as WorkerEnv } from '../../src/entry/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
