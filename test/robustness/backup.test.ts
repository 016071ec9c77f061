/**
 * Backups: `npm run backup` copies the database while the real server keeps taking submissions,
 * and the copy is one consistent instant; `npm run restore` refuses a running server's database,
 * a file that is not a whole pakn database, or one from a newer version, and otherwise puts the
 * copy in place so that the server starts on it with everything acknowledged before the backup.
 */
import BetterSqlite3 from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate } from '../../src/db/migrate.ts'
import { openSqlite } from '../../src/db/sqlite.ts'
import { bootstrap } from '../../src/http/bootstrap.ts'
import { checkDatabase, openElsewhere, processesUsing, RestoreRefused, restoreDatabase } from '../../scripts/lib/db-files.ts'
import { seedSynthetic } from '../../scripts/synthetic/generate.ts'
import { ROOT, startServer, submissionBody, type ServerProcess } from '../support/server-process.ts'

const dir = mkdtempSync(join(tmpdir(), 'pakn-backup-'))
const dbFile = join(dir, 'pakn.db')
const servers: ServerProcess[] = []

/** Runs one of the npm scripts' files the way `npm run` does (tsx), without npm's own start-up. */
function runScript(script: string, args: string[]): Promise<{ code: number | null; output: string; startedAt: number; endedAt: number }> {
  const startedAt = Date.now()
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr.on('data', (c: Buffer) => (output += c.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output, startedAt, endedAt: Date.now() })))
}

beforeAll(async () => {
  // a few thousand letters, so that the copy takes long enough for writes to happen during it
  const db = openSqlite(dbFile)
  migrate(db.sqlite)
  await bootstrap({ db, now: () => new Date(), clientAddress: () => 'test', config: { loadSampleDirectory: true, secureCookies: false, sessionHours: 12, tokenHours: 24 } })
  await seedSynthetic(db.sqlite, { letters: 6000, visits: 2000, year: 2026, seed: 7, fts: 'rebuild', bulk: true })
  await db.close()
})

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGKILL')))
  rmSync(dir, { recursive: true, force: true })
})

describe('backup and restore', () => {
  test('a backup taken during intake is consistent; restore refuses a running server, then round-trips', { timeout: 60_000 }, async () => {
    const server = await startServer({ dbFile, env: { PAKN_TRUST_PROXY: '1' } })
    servers.push(server)
    // sentAt / at: when the request left and when its 201 came back
    const accepted: Array<{ n: number; code: string; accessKey: string; sentAt: number; at: number }> = []
    let stop = false
    let sent = 0
    const client = async () => {
      while (!stop) {
        const n = sent++
        const sentAt = Date.now()
        const res = await fetch(`${server.origin}/api/v1/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n & 255}` },
          body: JSON.stringify(submissionBody(n, 'sao-luu')),
        })
        expect(res.status).toBe(201)
        const json = (await res.json()) as { code: string; accessKey: string }
        accepted.push({ n, code: json.code, accessKey: json.accessKey, sentAt, at: Date.now() })
      }
    }
    const clients = Array.from({ length: 6 }, client)
    while (accepted.length < 20) await new Promise((r) => setTimeout(r, 5))

    const backupFile = join(dir, 'sao-luu.db')
    const backup = await runScript('scripts/backup.ts', [backupFile, '--db', dbFile])
    expect(backup.code, backup.output).toBe(0)
    const before = accepted.filter((a) => a.at < backup.startedAt)
    const during = accepted.filter((a) => a.at >= backup.startedAt && a.at <= backup.endedAt)
    // keep writing a little after the backup: those letters must not be in it
    while (accepted.filter((a) => a.sentAt > backup.endedAt).length < 5) await new Promise((r) => setTimeout(r, 5))
    stop = true
    await Promise.all(clients)
    const after = accepted.filter((a) => a.sentAt > backup.endedAt)
    expect(during.length, 'submissions were acknowledged while the backup ran').toBeGreaterThan(0)

    // the copy: whole, and one instant of the database
    const check = checkDatabase(backupFile)
    expect(check.problems).toEqual([])
    expect(existsSync(`${backupFile}-wal`), 'the copy is one self-contained file').toBe(false)
    const copy = new BetterSqlite3(backupFile, { readonly: true })
    try {
      const has = copy.prepare('SELECT 1 FROM letters WHERE code = ?')
      for (const a of before) expect(has.get(a.code), `letter ${a.code} acknowledged before the backup`).toBeDefined()
      for (const a of after) expect(has.get(a.code), `letter ${a.code} acknowledged after the backup`).toBeUndefined()
      const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n
      expect(count('SELECT count(*) AS n FROM letters l WHERE l.signer_group <> \'khac\' AND NOT EXISTS (SELECT 1 FROM letter_senders s WHERE s.letter_id = l.id)')).toBe(0)
      expect(count("SELECT count(*) AS n FROM letters l WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity = 'letter' AND h.entity_id = l.id)")).toBe(0)
      expect(copy.pragma('foreign_key_check')).toEqual([])
    } finally {
      copy.close()
    }

    // restore refuses while the server has the database open (library and command line)
    expect(processesUsing(dbFile)).toContain(server.pid)
    expect(() => restoreDatabase(backupFile, dbFile)).toThrow(RestoreRefused)
    const refused = await runScript('scripts/restore.ts', [backupFile, '--db', dbFile])
    expect(refused.code).toBe(1)
    expect(refused.output).toMatch(/Từ chối khôi phục: .*đang được dùng bởi tiến trình/)

    // stopped: the restore goes through, and the server starts on the copy
    await server.kill('SIGTERM')
    const restored = await runScript('scripts/restore.ts', [backupFile, '--db', dbFile])
    expect(restored.code, restored.output).toBe(0)
    expect(readdirSync(dir).some((f) => f.startsWith('pakn.db.truoc-khoi-phuc-'))).toBe(true)
    const again = await startServer({ dbFile, env: { PAKN_TRUST_PROXY: '1' } })
    servers.push(again)
    const lookup = (a: { n: number; code: string; accessKey: string }) =>
      fetch(`${again.origin}/api/v1/submissions/${a.code}?key=${a.accessKey}`, { headers: { 'x-forwarded-for': `10.2.${(a.n >> 8) & 255}.${a.n & 255}` } })
    for (const a of before) expect((await lookup(a)).status).toBe(200)
    for (const a of after) expect((await lookup(a)).status).toBe(404)
    await again.kill('SIGTERM')
  })

  test('restore refuses what is not a whole pakn database of this version, and leaves the target alone', () => {
    const target = join(dir, 'dich.db')
    writeFileSync(target, 'keep me')
    const junk = join(dir, 'rac.db')
    writeFileSync(junk, 'not a database at all')
    expect(() => restoreDatabase(junk, target)).toThrow(/không phải cơ sở dữ liệu SQLite/)

    const other = join(dir, 'khac.db')
    const sqlite = new BetterSqlite3(other)
    sqlite.exec('CREATE TABLE notes (x TEXT)')
    sqlite.close()
    expect(() => restoreDatabase(other, target)).toThrow(/không phải cơ sở dữ liệu pakn/)

    const future = join(dir, 'moi-hon.db')
    copyFileSync(join(dir, 'sao-luu.db'), future)
    const newer = new BetterSqlite3(future)
    newer.exec("INSERT INTO d1_migrations (name) VALUES ('9999_from_the_future.sql')")
    newer.close()
    expect(() => restoreDatabase(future, target)).toThrow(/9999_from_the_future\.sql/)

    // the search index no longer matches the letters (one letter's entries removed from it)
    const stale = join(dir, 'lech-chi-muc.db')
    copyFileSync(join(dir, 'sao-luu.db'), stale)
    const damage = new BetterSqlite3(stale)
    damage.exec("INSERT INTO letters_fts (letters_fts, rowid, search_text, identity_text) SELECT 'delete', seq, search_text, identity_text FROM letters LIMIT 1")
    damage.close()
    expect(() => restoreDatabase(stale, target)).toThrow(/letters_fts/)

    // damaged bytes in the middle of the file
    const broken = join(dir, 'hong.db')
    const bytes = readFileSync(join(dir, 'sao-luu.db'))
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 65536)
    writeFileSync(broken, bytes)
    expect(() => restoreDatabase(broken, target)).toThrow(RestoreRefused)

    expect(existsSync(target)).toBe(true)
    expect(readdirSync(dir).filter((f) => f.startsWith('dich.db'))).toEqual(['dich.db'])
  })

  test("restore asks SQLite too: a connection /proc does not show (another user's server) is refused, and nothing moves", () => {
    const target = join(dir, 'dang-mo.db')
    copyFileSync(join(dir, 'sao-luu.db'), target)
    // a connection of this process: processesUsing skips its own pid, as it cannot read the
    // descriptors of another user's process
    const server = new BetterSqlite3(target)
    server.pragma('journal_mode = WAL')
    server.prepare('SELECT count(*) FROM letters').get()
    try {
      expect(processesUsing(target)).toEqual([])
      expect(openElsewhere(target)).toBe('open')
      expect(() => restoreDatabase(join(dir, 'sao-luu.db'), target)).toThrow(/đang được một kết nối khác mở/)
      expect(readdirSync(dir).filter((f) => f.startsWith('dang-mo.db')).sort()).toEqual(['dang-mo.db', 'dang-mo.db-shm', 'dang-mo.db-wal'])
    } finally {
      server.close()
    }
    // closed: free, and the restore goes through
    expect(openElsewhere(target)).toBe('free')
    expect(checkDatabase(target).problems).toEqual([])
    expect(restoreDatabase(join(dir, 'sao-luu.db'), target).previous).toMatch(/dang-mo\.db\.truoc-khoi-phuc-/)
    // what is not a SQLite database, or is not there, is nobody's open database
    writeFileSync(join(dir, 'khong-phai.db'), 'text')
    expect(openElsewhere(join(dir, 'khong-phai.db'))).toBe('free')
    expect(openElsewhere(join(dir, 'khong-co.db'))).toBe('free')
  })

  test('a WAL left by a server that died is kept: the database that was there has every committed row', () => {
    const target = join(dir, 'sap-do.db')
    copyFileSync(join(dir, 'sao-luu.db'), target)
    const server = new BetterSqlite3(target)
    server.pragma('journal_mode = WAL')
    server.pragma('wal_autocheckpoint = 0')
    server.exec("INSERT INTO settings (key, value, updated_at) VALUES ('ghi-truoc-khi-sap', '\"con-nguyen\"', '2026-11-23T00:00:00Z')")
    // the files as a killed server leaves them: the committed row only in the WAL
    const died = join(dir, 'da-sap.db')
    for (const suffix of ['', '-wal']) copyFileSync(target + suffix, died + suffix)
    server.close()
    expect(readFileSync(`${died}-wal`).length).toBeGreaterThan(0)
    expect(openElsewhere(died)).toBe('free')
    const { previous } = restoreDatabase(join(dir, 'sao-luu.db'), died)
    const before = new BetterSqlite3(previous!, { readonly: true })
    try {
      expect(before.prepare("SELECT value FROM settings WHERE key = 'ghi-truoc-khi-sap'").pluck().get()).toBe('"con-nguyen"')
    } finally {
      before.close()
    }
  })

  test('a fresh migrated database checks out (and so does the server after migrate)', () => {
    const file = join(dir, 'trong.db')
    const sqlite = new BetterSqlite3(file)
    migrate(sqlite)
    sqlite.close()
    expect(checkDatabase(file)).toMatchObject({ ok: true, letters: 0 })
  })
})
