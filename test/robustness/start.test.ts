/**
 * `npm start` runs the bundle of scripts/build-node.mjs on plain node, not the TypeScript
 * sources the other tests run through tsx. This builds that bundle and proves it serves: the
 * migrations and the static files are found from where the bundle sits, the pages render
 * (server-side JSX), the database works (a citizen's submission, a staff token).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { ROOT, TEST_ADMIN, startServer, submissionBody, type ServerProcess } from '../support/server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-start-'))
const servers: ServerProcess[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGKILL')))
  rmSync(dir, { recursive: true, force: true })
})

test('the bundle npm start runs serves pages, static files and the API on a fresh database', { timeout: 60_000 }, async () => {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT, stdio: 'pipe' })
  const server = await startServer({ dbFile: join(dir, 'pakn.db'), entry: 'dist/node/server.mjs' })
  servers.push(server)
  expect(server.output()).toContain('Đã áp dụng migration: 0001_init.sql')

  const home = await fetch(`${server.origin}/`)
  expect(home.status).toBe(200)
  expect(await home.text()).toContain('Gửi đơn')
  const signIn = await fetch(`${server.origin}/dang-nhap`)
  expect(signIn.status).toBe(200)
  expect(await signIn.text()).toContain('Đăng nhập')
  for (const file of ['/static/css/app.css', '/static/vendor/htmx-4.0.1.min.js']) expect((await fetch(`${server.origin}${file}`)).status, file).toBe(200)

  const submitted = await fetch(`${server.origin}/api/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'bundle-start-0000000001' },
    body: JSON.stringify(submissionBody(1, 'bundle-start')),
  })
  expect(submitted.status, await submitted.clone().text()).toBe(201)
  const { code } = (await submitted.json()) as { code: string }
  expect(code).toMatch(/^[A-Z0-9]{8}$/)

  const token = await fetch(`${server.origin}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(TEST_ADMIN) })
  expect(token.status).toBe(200)
  const agencies = await fetch(`${server.origin}/api/v1/agencies`, { headers: { authorization: `Bearer ${((await token.json()) as { token: string }).token}` } })
  expect(agencies.status).toBe(200)
  // the sample province, loaded into the empty database at start
  expect(((await agencies.json()) as unknown[]).length).toBeGreaterThan(10)
  // every write above ran on the writer thread (src/db/sqlite-writer.ts): it started in the bundle
  expect(server.output()).not.toContain('Luồng ghi cơ sở dữ liệu đã dừng')
})
