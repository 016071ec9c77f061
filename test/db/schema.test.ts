import BetterSqlite3 from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../src/db/migrate.ts'
import { fromSqlite } from '../../src/db/sqlite.ts'
import { guardPreviousChanged, isGuardFailure } from '../../src/db/db.ts'
import { foldVi, ftsQuery } from '../../src/domain/text.ts'

let sqlite: BetterSqlite3.Database
beforeEach(() => {
  sqlite = new BetterSqlite3(':memory:')
  migrate(sqlite)
})

const insertHistory = () =>
  sqlite
    .prepare("INSERT INTO history (at, actor_name, entity, entity_id, action) VALUES ('2026-01-01T00:00:00Z', 'x', 'letter', 'L1', 'tao')")
    .run()

const columns = (table: string) => (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name)

describe('migrations', () => {
  it('are recorded in d1_migrations and not applied twice', () => {
    expect(migrate(sqlite)).toEqual([])
    const names = (sqlite.prepare('SELECT name FROM d1_migrations').all() as Array<{ name: string }>).map((r) => r.name)
    expect(names).toContain('0001_init.sql')
  })

  it('create every table the Kysely schema names, with the columns it names', async () => {
    // the hand-written src/db/schema.ts must match the SQL: spot-check every table's column set
    const expected: Record<string, string[]> = {
      agencies: ['code', 'name', 'name_folded', 'level', 'kind', 'parent_code', 'fields', 'area_codes', 'head_title', 'address', 'valid_from', 'valid_to', 'active', 'created_at', 'updated_at'],
      users: ['id', 'username', 'display_name', 'password_hash', 'roles', 'agency_code', 'active', 'created_at', 'updated_at'],
      auth_sessions: ['token_hash', 'user_id', 'kind', 'created_at', 'expires_at'],
      history: ['id', 'at', 'actor_id', 'actor_name', 'on_behalf_of', 'entity', 'entity_id', 'action', 'reason', 'data'],
      settings: ['key', 'value', 'updated_at', 'updated_by'],
      letter_senders: ['letter_id', 'position', 'name', 'address', 'id_number', 'phone', 'email', 'signed', 'name_folded', 'identity_key', 'address_key'],
    }
    for (const [table, cols] of Object.entries(expected)) expect(columns(table)).toEqual(cols)
    for (const table of ['matters', 'receptions', 'reception_visitors', 'reception_sessions', 'letters', 'letter_contents', 'letter_decisions', 'forwardings', 'documents', 'attachments']) {
      expect(columns(table).length).toBeGreaterThan(3)
    }
  })
})

describe('history is append-only', () => {
  it('refuses UPDATE', () => {
    insertHistory()
    expect(() => sqlite.prepare("UPDATE history SET action = 'sua'").run()).toThrow(/append-only/)
    expect(sqlite.prepare('SELECT action FROM history').get()).toEqual({ action: 'tao' })
  })

  it('refuses DELETE', () => {
    insertHistory()
    expect(() => sqlite.prepare('DELETE FROM history').run()).toThrow(/append-only/)
    expect(sqlite.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 1 })
  })
})

describe('constraints', () => {
  it('refuse an unknown role and a receiving-agency user without an agency', () => {
    const insert = (roles: string, agency: string | null) =>
      sqlite
        .prepare("INSERT INTO users (id, username, display_name, password_hash, roles, agency_code, created_at, updated_at) VALUES (?, ?, 'X', 'pbkdf2-sha256$1$a$b', ?, ?, 'now', 'now')")
        .run(`u${Math.random()}`, `user${Math.floor(Math.random() * 1e9)}`, roles, agency)
    expect(() => insert('["thu_ky"]', null)).toThrow(/unknown role/)
    expect(() => insert('["co_quan"]', null)).toThrow(/CHECK constraint failed/)
    expect(() => insert('[]', null)).toThrow(/CHECK constraint failed/)
    expect(() => insert('["tiep_dan"]', null)).not.toThrow()
  })

  it('refuse an agency that is its own parent and an end date before the start', () => {
    const insert = (code: string, parent: string | null, from: string | null, to: string | null) =>
      sqlite
        .prepare("INSERT INTO agencies (code, name, name_folded, level, kind, parent_code, valid_from, valid_to, created_at, updated_at) VALUES (?, 'X', 'x', 'tinh', 'so', ?, ?, ?, 'now', 'now')")
        .run(code, parent, from, to)
    expect(() => insert('AA', 'AA', null, null)).toThrow(/parent_code <> code/)
    expect(() => insert('BB', null, '2026-01-02', '2026-01-01')).toThrow(/valid_to >= valid_from/)
    expect(() => insert('CC', null, '2026-01-01', '2026-12-31')).not.toThrow()
  })
})

describe('folded search', () => {
  it('finds "Đặng Văn Đức" when typed "dang van duc", and by prefix', () => {
    const text = foldVi('Đơn của ông Đặng Văn Đức, thôn 3, xã Sơn Tây')
    sqlite
      .prepare(
        "INSERT INTO letters (id, code, received_at, channel, content_type, facts, signer_group, sender_count, suggestion, suggested_outcome, search_text, created_at, updated_at) VALUES ('L1', 'C1', '2026-03-02', 'buu_chinh', 'khieu_nai', '{}', 'mot_nguoi', 1, '{}', 'thu_ly', ?, 'now', 'now')",
      )
      .run(text)
    const search = (q: string) =>
      sqlite.prepare('SELECT rowid FROM letters_fts WHERE letters_fts MATCH ?').all(ftsQuery(q)).length
    expect(search('dang van duc')).toBe(1)
    expect(search('Đặng Văn Đức')).toBe(1)
    expect(search('DANG VAN DU')).toBe(1) // prefix of the last word while typing
    expect(search('son tay')).toBe(1)
    expect(search('dang van dung')).toBe(0)
  })

  it('never lets user input become FTS syntax', () => {
    expect(ftsQuery('x" OR 1')).toBe('"x" "or" "1"*')
    expect(ftsQuery('   ')).toBeNull()
  })
})

describe('atomic batches', () => {
  it('roll back every statement when one fails', async () => {
    const db = fromSqlite(sqlite)
    await expect(
      db.atomic([
        db.kysely.insertInto('settings').values({ key: 'a', value: '1', updated_at: 'now', updated_by: null }).compile(),
        db.kysely.insertInto('settings').values({ key: 'b', value: 'not json', updated_at: 'now', updated_by: null }).compile(),
      ]),
    ).rejects.toThrow()
    expect(sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
  })

  it('fail as a whole when a guarded update matched no row', async () => {
    const db = fromSqlite(sqlite)
    const attempt = db.atomic([
      db.kysely.insertInto('settings').values({ key: 'a', value: '1', updated_at: 'now', updated_by: null }).compile(),
      db.kysely.updateTable('settings').set({ value: '2' }).where('key', '=', 'missing').compile(),
      guardPreviousChanged(),
    ])
    const error = await attempt.then(() => null, (e: unknown) => e)
    expect(isGuardFailure(error)).toBe(true)
    expect(sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
  })
})
