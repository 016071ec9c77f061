/**
 * Browser tests against the real thing: the Node server (`src/entry/node.ts`, as `npm start`
 * runs it) on a free port with a temporary database, driven by Debian's Chromium through
 * playwright-core (no browser download works here). Shared by the portal and staff-workspace
 * browser tests.
 *
 * Chromium is required, not optional: when it is missing the tests fail and say how to install
 * it, rather than skip and let a green run hide that nothing was checked in a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CHROMIUM_PATH = process.env.PAKN_CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A phone at the low end: the pages must work at this width. */
export const PHONE = { width: 360, height: 740 } as const

export const ADMIN = { username: 'quantri', password: 'mat-khau-quan-tri-thu-nghiem' }

export interface RunningServer {
  url: string
  /** The server's output so far (for failure messages). */
  output(): string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Starts `src/entry/node.ts` on a free port with an empty temporary database and PAKN_ADMIN_*. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pakn-browser-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      PAKN_DB: join(dir, 'pakn.db'),
      PAKN_ADMIN_USER: ADMIN.username,
      PAKN_ADMIN_PASSWORD: ADMIN.password,
      PAKN_SAMPLE_DIRECTORY: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const deadline = Date.now() + 60_000
  let ready = false
  while (!ready && Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      ready = (await fetch(`${url}/`)).status === 200
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  if (!ready) {
    await stop()
    throw new Error(`the pakn server did not start on ${url}:\n${output}`)
  }
  return { url, output: () => output, stop }
}

/** Launches Debian's Chromium, or fails saying how to get it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need Debian's Chromium: ` +
        'run `apt-get update && apt-get install -y chromium` (or set PAKN_CHROMIUM to its path). Browser downloads do not work here.',
    )
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

export interface PhonePage {
  context: BrowserContext
  page: Page
  /** Console errors, page errors and CSP violations seen so far: every test expects none. */
  problems: string[]
}

/** A desktop screen, for the staff workspace. */
export const DESKTOP = { width: 1280, height: 800 } as const

/**
 * A fresh context (own cookies) with a page that records its problems: phone-sized unless a
 * viewport is given (the staff workspace tests pass DESKTOP).
 */
export async function phonePage(
  browser: Browser,
  baseURL: string,
  options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<PhonePage> {
  const phone = options.viewport === undefined
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? PHONE,
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    locale: 'vi-VN',
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (msg) => {
    // a page answered 404/422 on purpose shows in the console as "Failed to load resource";
    // failed subresources are caught below with their URL instead
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()} (${msg.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.request().isNavigationRequest()) problems.push(`${response.status()} for ${response.url()}`)
  })
  page.on('requestfailed', (request) => {
    // a navigation cancels what the previous page was still loading: not a fault
    const reason = request.failure()?.errorText ?? ''
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${reason}`)
  })
  return { context, page, problems }
}

const require = createRequire(import.meta.url)
let axeSource: string | null = null

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's strict CSP
 * stays on) and returns the serious and critical violations of WCAG 2.1 A/AA and best practice.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** Writes docs/screenshots/<name>.png when PAKN_SCREENSHOTS=1 (`npm run screenshots`). */
export async function screenshot(page: Page, name: string) {
  if (process.env.PAKN_SCREENSHOTS !== '1') return
  const file = join(ROOT, 'docs', 'screenshots', `${name}.png`)
  mkdirSync(dirname(file), { recursive: true })
  // caret 'initial': no style injected into the page (it would trip the CSP check on later swaps)
  writeFileSync(file, await page.screenshot({ fullPage: true, caret: 'initial', animations: 'allow' }))
}

/** Signs a staff user in through the sign-in page (the context keeps the session cookie). */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/dang-nhap')
  await page.fill('#f-username', username)
  await page.fill('#f-password', password)
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap')), page.locator('form button[type="submit"]').click()])
}

// ----- the JSON API of the running server, for what staff do in these tests ------------------

export async function api<T = unknown>(server: RunningServer, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

export async function tokenFor(server: RunningServer, username: string, password: string): Promise<string> {
  const res = await api<{ token: string }>(server, 'POST', '/api/v1/auth/token', { username, password })
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** The password staffToken gives an account it creates (to sign in through the pages too). */
export const staffPassword = (username: string) => `mat-khau-${username}-2026`

/** Creates a staff account (as the admin) and returns its bearer token. */
export async function staffToken(server: RunningServer, username: string, roles: string[], agencyCode?: string): Promise<string> {
  const admin = await tokenFor(server, ADMIN.username, ADMIN.password)
  const password = staffPassword(username)
  const res = await api(server, 'POST', '/api/v1/users', { username, displayName: `Cán bộ ${username}`, password, roles, agencyCode }, admin)
  if (res.status !== 201) throw new Error(`creating ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return tokenFor(server, username, password)
}
