/**
 * A real app on an in-memory SQLite database with every migration applied, a controllable
 * clock and a cookie-carrying client for page tests. Shared by the http and browser tests.
 */
import BetterSqlite3 from 'better-sqlite3'
import { migrate } from '../../src/db/migrate.ts'
import { fromSqlite, type SqliteDb } from '../../src/db/sqlite.ts'
import { createApp } from '../../src/http/app.tsx'
import type { Deps } from '../../src/http/env.ts'

export const ADMIN = { username: 'admin', password: 'mat-khau-quan-tri-2026' }
export const ORIGIN = 'http://localhost'

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: SqliteDb
  deps: Deps
  clock: { now: Date; advance(ms: number): void }
  /** Counts rows of a table: the "nothing changed" check of rejected requests. */
  count(table: string): number
  /** Everything in a table, for before/after comparisons. */
  dump(table: string): unknown[]
  request(path: string, init?: RequestInit): Promise<Response>
  token(username?: string, password?: string): Promise<string>
  json(path: string, method: string, body: unknown, token?: string): Promise<Response>
}

/** `migrationsDir`: a folder holding only some migrations, to test the later ones on a database in use. */
export async function testApp(options: { now?: Date; sample?: boolean; address?: string; migrationsDir?: string } = {}): Promise<TestApp> {
  const sqlite = new BetterSqlite3(':memory:')
  sqlite.pragma('foreign_keys = ON')
  migrate(sqlite, options.migrationsDir)
  const db = fromSqlite(sqlite)
  const clock = {
    now: options.now ?? new Date('2026-03-02T02:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms)
    },
  }
  const deps: Deps = {
    db,
    now: () => clock.now,
    clientAddress: (c) => c.req.header('x-test-address') ?? options.address ?? '203.0.113.7',
    config: {
      adminUser: ADMIN.username,
      adminPassword: ADMIN.password,
      loadSampleDirectory: options.sample ?? true,
      secureCookies: false,
      sessionHours: 12,
      tokenHours: 24,
    },
  }
  const app = createApp(deps)
  const request = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init))
  const t: TestApp = {
    app,
    db,
    deps,
    clock,
    count: (table) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    dump: (table) => sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    request,
    async token(username = ADMIN.username, password = ADMIN.password) {
      const res = await t.json('/api/v1/auth/token', 'POST', { username, password })
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { token: string }).token
    },
    json(path, method, body, token) {
      return request(path, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
    },
  }
  // the first request runs the bootstrap (sample directory, first admin)
  await request('/')
  return t
}

/** A browser-like client: keeps cookies, sends Origin, finds the CSRF token in pages. */
export class Browser {
  cookies = new Map<string, string>()
  constructor(private readonly t: TestApp) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...rest] = (pair ?? '').split('=')
      if (!name) continue
      const value = rest.join('=')
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name.trim())
      else this.cookies.set(name.trim(), value)
    }
    return res
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.keep(await this.t.request(path, { headers: { cookie: this.cookieHeader(), ...headers } }))
  }

  get csrf() {
    return this.cookies.get('pakn_csrf') ?? ''
  }

  /** Posts a form the way a browser does (urlencoded, Origin, the CSRF field unless omitted). */
  async post(path: string, fields: Record<string, string | string[]>, { csrf = true, origin = ORIGIN } = {}) {
    const body = new URLSearchParams()
    if (csrf) body.append('_csrf', this.csrf)
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item)
    return this.keep(
      await this.t.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), origin },
        body,
      }),
    )
  }

  async postMultipart(path: string, form: FormData) {
    form.append('_csrf', this.csrf)
    return this.keep(await this.t.request(path, { method: 'POST', headers: { cookie: this.cookieHeader(), origin: ORIGIN }, body: form }))
  }

  async login(username = ADMIN.username, password = ADMIN.password) {
    await this.get('/dang-nhap')
    const res = await this.post('/dang-nhap', { username, password, next: '/can-bo' })
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`)
    return res
  }
}
