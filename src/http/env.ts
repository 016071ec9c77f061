/**
 * What every request handler can reach: the injected dependencies (built by an entry point)
 * and, once the auth middleware ran, the signed-in user.
 */
import type { Context } from 'hono'
import type { Role } from '../domain/codes.ts'
import type { Db } from '../db/db.ts'
import type { AttachmentStore } from '../db/attachments.ts'
import type { RateLimiter } from './rate-limit.ts'

export interface AppConfig {
  /** First admin created when the database has no user (PAKN_ADMIN_USER / PAKN_ADMIN_PASSWORD). */
  adminUser?: string | undefined
  adminPassword?: string | undefined
  /** Load the sample province directory into an empty database. */
  loadSampleDirectory: boolean
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean
  /** The origin browsers use (https://pakn.example.vn) when a proxy terminates TLS. */
  publicOrigin?: string | undefined
  /** Lifetime of a browser session and of an API token, in hours. */
  sessionHours: number
  tokenHours: number
}

export interface Deps {
  db: Db
  config: AppConfig
  /** The current instant; tests pass a fixed clock. */
  now: () => Date
  /** The client's address, for login throttling (socket on Node, CF-Connecting-IP on Workers). */
  clientAddress: (c: Context) => string
  /** Where citizens' attachments are kept; default: the database (table attachment_blobs). */
  attachments?: AttachmentStore | undefined
  /** Per-address limits of the public portal; default: an in-memory limiter per app. */
  rateLimiter?: RateLimiter | undefined
}

export interface CurrentUser {
  id: string
  username: string
  displayName: string
  roles: Role[]
  agencyCode: string | null
}

export type AppEnv = {
  Variables: {
    deps: Deps
    user: CurrentUser | null
    csrfToken: string
  }
}
