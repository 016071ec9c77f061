/**
 * htmx 4 requests: a fragment for partial swaps, the full page otherwise. History restores
 * (back/forward) re-fetch the URL with HX-History-Restore-Request and must get the full page
 * (stack-notes A1 §9), as must boosted navigations (HX-Request-Type: full).
 */
import type { Context } from 'hono'

export const isPartialRequest = (c: Context): boolean =>
  c.req.header('hx-request') === 'true' &&
  c.req.header('hx-history-restore-request') !== 'true' &&
  c.req.header('hx-request-type') !== 'full'
