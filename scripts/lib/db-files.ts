/**
 * Backup and restore of the Node database file (scripts/backup.ts, scripts/restore.ts).
 *
 * Backup is `VACUUM INTO` from a second connection: it reads one consistent snapshot in a single
 * read transaction, so it is online (WAL: the server keeps reading and writing while it runs) and
 * never restarts, unlike the page-by-page backup API, which starts over whenever another
 * connection writes and may never finish under steady intake. The copy is compact and
 * self-contained (no -wal file), written under a temporary name, checked, then renamed.
 */
import BetterSqlite3 from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { MIGRATIONS_DIR } from '../../src/db/migrate.ts'

/** Tables every pakn database has (migrations/0001_init.sql). */
const REQUIRED_TABLES = ['settings', 'agencies', 'users', 'matters', 'letters', 'letters_fts', 'letter_senders', 'receptions', 'history', 'd1_migrations']

export interface DatabaseCheck {
  ok: boolean
  problems: string[]
  migrations: string[]
  letters: number
  visits: number
}

const knownMigrations = () => readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort()

const hasSqliteHeader = (file: string) => {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(16)
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\u0000'
  } finally {
    closeSync(fd)
  }
}

/**
 * Is this file a whole pakn database this code can run? SQLite's integrity_check, the tables,
 * the applied migrations (none unknown to this version: a backup from a newer version is
 * refused), and FTS5's own consistency check of the search index. Opens the file read-write for
 * that last check: pass a copy, not a live database.
 */
export function checkDatabase(file: string): DatabaseCheck {
  const result: DatabaseCheck = { ok: false, problems: [], migrations: [], letters: 0, visits: 0 }
  if (!existsSync(file) || !statSync(file).isFile()) {
    result.problems.push(`không có tệp ${file}`)
    return result
  }
  if (!hasSqliteHeader(file)) {
    result.problems.push('tệp không phải cơ sở dữ liệu SQLite')
    return result
  }
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(file, { fileMustExist: true })
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') result.problems.push(`integrity_check: ${String(integrity)}`)
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name))
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
    if (missing.length > 0) {
      result.problems.push(`không phải cơ sở dữ liệu pakn (thiếu bảng ${missing.join(', ')})`)
      return result
    }
    result.migrations = (sqlite.prepare('SELECT name FROM d1_migrations ORDER BY id').all() as Array<{ name: string }>).map((m) => m.name)
    const known = new Set(knownMigrations())
    const unknown = result.migrations.filter((m) => !known.has(m))
    if (unknown.length > 0) result.problems.push(`có migration phiên bản này không biết (bản sao từ phiên bản mới hơn?): ${unknown.join(', ')}`)
    if (!result.migrations.includes('0001_init.sql')) result.problems.push('thiếu migration 0001_init.sql')
    try {
      // rank 1: also compare the index with the letters it was built from (external content)
      sqlite.exec("INSERT INTO letters_fts (letters_fts, rank) VALUES ('integrity-check', 1)")
    } catch (error) {
      result.problems.push(`chỉ mục tìm kiếm letters_fts không khớp với bảng letters: ${(error as Error).message}`)
    }
    result.letters = (sqlite.prepare('SELECT count(*) AS n FROM letters').get() as { n: number }).n
    result.visits = (sqlite.prepare('SELECT count(*) AS n FROM receptions').get() as { n: number }).n
  } catch (error) {
    result.problems.push(`không đọc được: ${(error as Error).message}`)
  } finally {
    sqlite?.close()
  }
  result.ok = result.problems.length === 0
  return result
}

export interface BackupResult {
  file: string
  bytes: number
  seconds: number
  check: DatabaseCheck
}

/**
 * Copies the live database `source` to `target` (which must not exist) while the server keeps
 * running, and checks the copy. The copy is the state of one instant.
 */
export function backupDatabase(source: string, target: string): BackupResult {
  if (!existsSync(source)) throw new Error(`không có cơ sở dữ liệu ${source}`)
  if (existsSync(target)) throw new Error(`${target} đã có; chọn tên tệp khác (bản sao không ghi đè)`)
  const started = performance.now()
  const temp = join(dirname(resolve(target)), `.${basename(target)}.dang-sao-luu-${process.pid}`)
  rmSync(temp, { force: true })
  const sqlite = new BetterSqlite3(source, { fileMustExist: true, timeout: 10_000 })
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp)
  } finally {
    sqlite.close()
  }
  try {
    const check = checkDatabase(temp)
    if (!check.ok) throw new Error(`bản sao không dùng được: ${check.problems.join('; ')}`)
    syncFile(temp)
    renameSync(temp, target)
    syncFile(dirname(resolve(target)))
    return { file: target, bytes: statSync(target).size, seconds: (performance.now() - started) / 1000, check }
  } finally {
    rmSync(temp, { force: true })
  }
}

function syncFile(path: string) {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Processes (other than this one) that have the database or its WAL open, by reading Linux's
 * /proc/<pid>/fd. Null where /proc is not available (the caller cannot tell).
 */
export function processesUsing(file: string): number[] | null {
  if (!existsSync('/proc/self/fd')) return null
  const targets = new Set<string>()
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      targets.add(realpathSync(file + suffix))
    } catch {
      // not there
    }
  }
  if (targets.size === 0) return []
  const users: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue // gone, or another user's process
    }
    for (const fd of fds) {
      try {
        if (targets.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          users.push(Number(entry))
          break
        }
      } catch {
        // closed meanwhile
      }
    }
  }
  return users
}

/**
 * Does a connection (of any process, any user) have the database open? Asked of SQLite itself: a
 * WAL connection holds a shared lock on the file for as long as it is open, idle or not, so an
 * exclusive lock taken here fails at once while one does. `processesUsing` names the process, but
 * /proc hides other users' descriptors (a server running as a service user while restore runs as
 * someone else). 'unknown' when the lock could not be tried (no write access, an I/O error): the
 * caller must not take that for free. The probe writes no data of its own; but a WAL left by a
 * server that died is folded into its database when the probe closes, as the server itself would
 * do at its next start (nothing is lost).
 */
export function openElsewhere(file: string): 'open' | 'free' | 'unknown' {
  if (!existsSync(file) || !statSync(file).isFile() || !hasSqliteHeader(file)) return 'free'
  let sqlite: BetterSqlite3.Database | null = null
  try {
    sqlite = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 })
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.exec('BEGIN EXCLUSIVE')
    sqlite.exec('COMMIT')
    return 'free'
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'open'
    // a damaged file is nobody's live database; the backup's own check decides about the restore
    if (/^SQLITE_(NOTADB|CORRUPT)/.test(code)) return 'free'
    return 'unknown'
  } finally {
    try {
      sqlite?.close()
    } catch {
      // closing after a failed probe: nothing to give back
    }
  }
}

const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\u0000').filter(Boolean).join(' ').slice(0, 120)
  } catch {
    return '?'
  }
}

export interface RestoreResult {
  target: string
  /** Where the database that was there before now is (nothing is deleted). */
  previous: string | null
  check: DatabaseCheck
}

export class RestoreRefused extends Error {}

/**
 * Puts the backup `backup` in place of the database `target`. Refuses a file that is not a whole
 * pakn database this version can run, and, without `force`, a target some process (the server)
 * has open (`processesUsing`, `openElsewhere`). The database that was there is kept beside it,
 * renamed, with whatever -wal/-shm it still has (a dead server's WAL is folded into it by the probe).
 */
export function restoreDatabase(backup: string, target: string, options: { force?: boolean } = {}): RestoreResult {
  if (!options.force) {
    const stop = 'dừng máy chủ trước khi khôi phục (hoặc dùng --force, rồi khởi động lại máy chủ)'
    // /proc first, for a message that names the process; then SQLite's lock, which also sees
    // another user's server and works where there is no /proc
    const using = processesUsing(target) ?? []
    if (using.length > 0) {
      throw new RestoreRefused(`cơ sở dữ liệu ${target} đang được dùng bởi tiến trình ${using.map((pid) => `${pid} (${commandOf(pid)})`).join(', ')}; ${stop}`)
    }
    const elsewhere = openElsewhere(target)
    if (elsewhere === 'open') {
      throw new RestoreRefused(`cơ sở dữ liệu ${target} đang được một kết nối khác mở (SQLite báo tệp đang bị khóa; có thể là máy chủ chạy dưới người dùng khác); ${stop}`)
    }
    if (elsewhere === 'unknown') {
      throw new RestoreRefused(`không kiểm tra được cơ sở dữ liệu ${target} có đang được mở không (không khóa thử được tệp: thiếu quyền ghi?); ${stop}`)
    }
  }
  const temp = join(dirname(resolve(target)), `.${basename(target)}.dang-khoi-phuc-${process.pid}`)
  copyFileSync(backup, temp)
  try {
    const check = checkDatabase(temp)
    if (!check.ok) throw new RestoreRefused(`${backup} không khôi phục được: ${check.problems.join('; ')}`)
    syncFile(temp)
    let previous: string | null = null
    if (existsSync(target)) {
      previous = `${target}.truoc-khoi-phuc-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(target, previous)
    }
    // a WAL left by the old database must never be replayed into the restored one
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) {
        if (previous) renameSync(target + suffix, previous + suffix)
        else rmSync(target + suffix)
      }
    }
    renameSync(temp, target)
    syncFile(dirname(resolve(target)))
    return { target, previous, check }
  } finally {
    rmSync(temp, { force: true })
  }
}
