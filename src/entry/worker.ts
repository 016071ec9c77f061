/**
 * Cloudflare Workers entry point: the same app on D1. Static files under /static are served
 * by Workers assets (wrangler.toml) before this code runs. Schema changes are applied with
 * `wrangler d1 migrations apply` from the same migrations/ folder.
 *
 * The Worker runs without `nodejs_compat`, so there is no AsyncLocalStorage: hono/jsx's
 * useContext() (usePage: CSRF token, user) only works in synchronous components. Keep views
 * synchronous; load data in the route before rendering. (The vitest pool adds Node compat
 * flags to its runner, so test/workers cannot catch this; `wrangler dev` can.)
 */
import { openD1 } from '../db/d1.ts'
import { r2AttachmentStore } from '../db/r2-attachments.ts'
import { createApp } from '../http/app.tsx'
import { bindingRateLimiter } from '../http/rate-limit.ts'

export interface Env {
  DB: D1Database
  /** Optional: without it attachments are stored in D1. */
  ATTACHMENTS?: R2Bucket
  SUBMISSION_LIMITER?: RateLimit
  LOOKUP_LIMITER?: RateLimit
  PAKN_ADMIN_USER?: string
  PAKN_ADMIN_PASSWORD?: string
  PAKN_PUBLIC_ORIGIN?: string
  PAKN_SAMPLE_DIRECTORY?: string
}

// One app per isolate: workerd passes the same `env` object to each request of an isolate
// (observed locally), so bootstrap (first admin, sample directory) runs once per isolate.
let cached: { env: Env; app: ReturnType<typeof createApp> } | null = null

function appFor(env: Env) {
  if (cached?.env !== env) {
    const app = createApp({
      db: openD1(env.DB),
      now: () => new Date(),
      clientAddress: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
      attachments: env.ATTACHMENTS ? r2AttachmentStore(env.ATTACHMENTS) : undefined,
      rateLimiter: bindingRateLimiter({ submission: env.SUBMISSION_LIMITER, lookup: env.LOOKUP_LIMITER }),
      config: {
        adminUser: env.PAKN_ADMIN_USER,
        adminPassword: env.PAKN_ADMIN_PASSWORD,
        loadSampleDirectory: env.PAKN_SAMPLE_DIRECTORY !== '0',
        secureCookies: true,
        publicOrigin: env.PAKN_PUBLIC_ORIGIN,
        sessionHours: 12,
        tokenHours: 24,
      },
    })
    cached = { env, app }
  }
  return cached.app
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx)
  },
} satisfies ExportedHandler<Env>
