/**
 * The pakn Node server for the benchmarks and the soak (bench/run.ts, bench/soak.ts): exactly
 * `npm start` (src/entry/node-server.ts) configured from the environment, except that the
 * portal's per-address rate limiter is one that never limits, so load from one address measures
 * the system rather than the throttle.
 */
import { startNodeServer } from '../src/entry/node-server.ts'
import type { RateLimiter } from '../src/http/rate-limit.ts'

const unlimited: RateLimiter = { hit: async () => ({ ok: true }) }
const server = await startNodeServer({ env: process.env, rateLimiter: unlimited, hostname: '127.0.0.1' })
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
