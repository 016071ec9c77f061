/**
 * Per-address rate limits for the public portal, behind a small port:
 * - Node: `memoryRateLimiter()` — a sliding window per key in this process's memory;
 * - Workers: `bindingRateLimiter()` over Cloudflare's Rate Limiting bindings (one per rule,
 *   declared in wrangler.toml), since an isolate's memory is neither shared nor long-lived.
 *
 * The limits are generous on purpose: many citizens share one address (mobile carriers' NAT,
 * a commune office helping people file), so they only stop floods, never a person filing a
 * letter. A replayed submission does not count (it creates nothing).
 */

export interface RateRule {
  name: 'submission' | 'submission_attempt' | 'lookup'
  limit: number
  windowSeconds: number
}

export const PORTAL_LIMITS = {
  /** Letters created from one address per hour. */
  submission: { name: 'submission', limit: 30, windowSeconds: 3600 },
  /** Any submission request (valid or not) from one address per 10 minutes: stops fuzzing floods. */
  submissionAttempt: { name: 'submission_attempt', limit: 200, windowSeconds: 600 },
  /** Status look-ups from one address per 10 minutes. */
  lookup: { name: 'lookup', limit: 120, windowSeconds: 600 },
} as const satisfies Record<string, RateRule>

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiter {
  /** Counts one event of `rule` for `key` and says whether it is within the limit. */
  hit(rule: RateRule, key: string, now: Date): Promise<RateDecision>
}

/**
 * In-process sliding window. Old entries are dropped as keys are touched and in a sweep every
 * few thousand hits, so memory stays bounded without a timer (timers are not allowed in
 * Workers' global scope, and a test process should exit on its own).
 */
export function memoryRateLimiter(): RateLimiter {
  const hits = new Map<string, number[]>()
  let sinceSweep = 0
  const sweep = (nowMs: number) => {
    for (const [k, times] of hits) {
      const windowMs = Number(k.split('|', 1)[0]) * 1000
      if ((times.at(-1) ?? 0) <= nowMs - windowMs) hits.delete(k)
    }
  }
  return {
    async hit(rule, key, now) {
      const nowMs = now.getTime()
      if (++sinceSweep >= 5000) {
        sinceSweep = 0
        sweep(nowMs)
      }
      const k = `${rule.windowSeconds}|${rule.name}|${key}`
      const windowStart = nowMs - rule.windowSeconds * 1000
      const times = (hits.get(k) ?? []).filter((t) => t > windowStart)
      if (times.length >= rule.limit) {
        hits.set(k, times)
        const retry = Math.ceil(((times[0] ?? nowMs) + rule.windowSeconds * 1000 - nowMs) / 1000)
        return { ok: false, retryAfterSeconds: Math.max(1, retry) }
      }
      times.push(nowMs)
      hits.set(k, times)
      return { ok: true }
    },
  }
}

/** The part of a Workers Rate Limiting binding we use. */
export interface RateLimitBindingLike {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/**
 * Workers: one binding per rule (its limit and period are set in wrangler.toml; the binding
 * allows periods of 10 or 60 seconds). A rule without a binding is not limited.
 */
export function bindingRateLimiter(bindings: Partial<Record<RateRule['name'], RateLimitBindingLike>>): RateLimiter {
  return {
    async hit(rule, key) {
      const binding = bindings[rule.name]
      if (!binding) return { ok: true }
      const { success } = await binding.limit({ key: `${rule.name}:${key}` })
      return success ? { ok: true } : { ok: false, retryAfterSeconds: 60 }
    },
  }
}

/** Without an injected limiter each app gets its own in-memory one. */
const fallbacks = new WeakMap<object, RateLimiter>()
export function limiterOf(deps: { rateLimiter?: RateLimiter | undefined }): RateLimiter {
  if (deps.rateLimiter) return deps.rateLimiter
  let limiter = fallbacks.get(deps)
  if (!limiter) {
    limiter = memoryRateLimiter()
    fallbacks.set(deps, limiter)
  }
  return limiter
}
