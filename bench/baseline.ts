/**
 * The bare baseline of the intake benchmark: Hono on @hono/node-server and one better-sqlite3
 * connection with the same pragmas as pakn (WAL, synchronous NORMAL), and one endpoint that parses
 * the JSON body and inserts it with a prepared statement. Everything pakn does on top of this
 * (validation, classification, duplicate search, letter + senders + matter + history in one
 * transaction, search index) is what the ratio measures.
 */
import { serve } from '@hono/node-server'
import BetterSqlite3 from 'better-sqlite3'
import { Hono } from 'hono'

const sqlite = new BetterSqlite3(process.env.PAKN_DB ?? 'bench/.tmp/baseline.db')
sqlite.pragma('journal_mode = WAL')
sqlite.pragma('synchronous = NORMAL')
sqlite.exec(`CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY, idempotency_key TEXT UNIQUE, body TEXT NOT NULL, created_at TEXT NOT NULL)`)
const insert = sqlite.prepare('INSERT INTO submissions (idempotency_key, body, created_at) VALUES (?, ?, ?)')

const app = new Hono().post('/api/v1/submissions', async (c) => {
  const body = await c.req.json()
  const { lastInsertRowid } = insert.run(c.req.header('idempotency-key') ?? null, JSON.stringify(body), new Date().toISOString())
  return c.json({ id: Number(lastInsertRowid) }, 201)
})
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  console.log(`baseline đang chạy tại http://localhost:${info.port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
