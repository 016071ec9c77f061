/**
 * Moving to Workers + D1: `npm run export:d1` writes the data of a Node database as SQL that
 * applies to a database with only the schema — a fresh SQLite file here, a fresh local D1 through
 * `wrangler d1 execute --file` below — giving back every row of every exported table, a search
 * index that agrees with the letters, and the attachments as files for R2.
 */
import BetterSqlite3 from 'better-sqlite3'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate } from '../../src/db/migrate.ts'
import { fromSqlite } from '../../src/db/sqlite.ts'
import { createApp } from '../../src/http/app.tsx'
import { exportData, exportedTables } from '../../scripts/lib/export-sql.ts'
import { seedSynthetic } from '../../scripts/synthetic/generate.ts'
import { ROOT, submissionBody } from '../support/server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-export-'))
const source = join(dir, 'nguon.db')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

beforeAll(async () => {
  // what the app writes itself (a citizen's letter with a photo, the directory, the admin) …
  const sqlite = new BetterSqlite3(source)
  migrate(sqlite)
  const db = fromSqlite(sqlite)
  const app = createApp({
    db,
    now: () => new Date('2026-03-02T02:00:00Z'),
    clientAddress: () => '203.0.113.9',
    config: { adminUser: 'admin', adminPassword: 'mat-khau-xuat-du-lieu-2026', loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 },
  })
  const res = await app.request('/api/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'xuat-du-lieu-0000000001' },
    body: JSON.stringify({ ...submissionBody(1, 'xuat'), attachments: [{ fileName: 'anh.png', data: PNG.toString('base64') }] }),
  })
  expect(res.status).toBe(201)
  // … and a synthetic year: matters, decisions, forwardings, visits, sessions, history
  await seedSynthetic(sqlite, { letters: 300, visits: 120, year: 2026, seed: 3, fts: 'rebuild', bulk: true })
  await db.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A table's rows as a sorted list (agencies come back parents first, so rowids may differ). */
const rowsOf = (sqlite: BetterSqlite3.Database, table: string) =>
  sqlite
    .prepare(`SELECT * FROM "${table}"`)
    .all()
    .map((row) => JSON.stringify(row))
    .sort()

describe('export for D1', () => {
  test('applies to a database with only the schema and gives back every row', () => {
    const from = new BetterSqlite3(source, { readonly: true })
    const statements: string[] = []
    const stats = exportData(from, (s) => statements.push(s))
    expect(stats.oversized).toEqual([])
    expect(statements.every((s) => Buffer.byteLength(s) < 100_000)).toBe(true)

    const target = new BetterSqlite3(join(dir, 'dich.db'))
    migrate(target)
    // foreign keys stay on: the order of tables and rows has to satisfy them
    for (const statement of statements) target.exec(statement)
    for (const table of exportedTables(from)) expect(rowsOf(target, table), table).toEqual(rowsOf(from, table))
    expect(exportedTables(from)).toEqual(expect.arrayContaining(['letters', 'letter_senders', 'matters', 'history', 'receptions', 'forwardings', 'agencies', 'users', 'settings']))
    expect(target.pragma('foreign_key_check')).toEqual([])
    expect(() => target.exec("INSERT INTO letters_fts (letters_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow()
    const search = "SELECT rowid FROM letters_fts WHERE letters_fts MATCH 'search_text : (\"dat\")' ORDER BY rowid"
    expect(target.prepare(search).all()).toEqual(from.prepare(search).all())
    from.close()
    target.close()
  })

  test('the command line writes the SQL and the attachments for R2', async () => {
    // into a folder that does not exist yet, as in the README (data/xuat/pakn.sql)
    const out = join(dir, 'xuat', 'pakn.sql')
    const files = join(dir, 'tep')
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/export-d1.ts', out, '--db', source, '--attachments', files], { cwd: ROOT })
    expect(readFileSync(out, 'utf8')).toMatch(/INSERT INTO letters_fts \(letters_fts\) VALUES \('rebuild'\);\n$/)
    const from = new BetterSqlite3(source, { readonly: true })
    const { storage_key } = from.prepare('SELECT storage_key FROM attachments').get() as { storage_key: string }
    from.close()
    expect(readFileSync(join(files, storage_key))).toEqual(PNG)
    expect(readFileSync(join(files, 'tai-len-r2.sh'), 'utf8')).toContain(`wrangler r2 object put "pakn-attachments/${storage_key}"`)
  })

  test('the SQL applies to a fresh local D1 (wrangler d1 execute --file)', { timeout: 120_000 }, async () => {
    const out = join(dir, 'xuat.sql')
    if (!existsSync(out)) await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/export-d1.ts', out, '--db', source], { cwd: ROOT })
    const state = join(dir, 'd1')
    const wrangler = (...args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'd1', ...args, '--local', '--persist-to', state], {
          cwd: ROOT,
          env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
        })
        let output = ''
        child.stdout.on('data', (c: Buffer) => (output += c.toString()))
        child.stderr.on('data', (c: Buffer) => (output += c.toString()))
        child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(output))))
      })
    await wrangler('migrations', 'apply', 'pakn')
    await wrangler('execute', 'pakn', '--file', out)
    const counted = await wrangler('execute', 'pakn', '--json', '--command', "SELECT (SELECT count(*) FROM letters) AS letters, (SELECT count(*) FROM receptions) AS visits, (SELECT count(*) FROM letters_fts WHERE letters_fts MATCH 'search_text : xuat') AS found")
    const from = new BetterSqlite3(source, { readonly: true })
    const expected = {
      letters: (from.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n,
      visits: (from.prepare('SELECT count(*) AS n FROM receptions').get() as { n: number }).n,
      // the submission made above, and whatever synthetic letters say "xuất" too: the index rebuilt in D1 finds what the source's finds
      found: (from.prepare("SELECT count(*) AS n FROM letters_fts WHERE letters_fts MATCH 'search_text : xuat'").get() as { n: number }).n,
    }
    from.close()
    expect(expected.found).toBeGreaterThanOrEqual(1)
    expect((JSON.parse(counted.slice(counted.indexOf('['))) as Array<{ results: unknown[] }>)[0]!.results[0]).toEqual(expected)
  })
})
