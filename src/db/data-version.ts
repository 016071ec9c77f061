/**
 * The version of what a report is computed from (migrations/0007_data_version.sql): triggers on
 * letters, receptions, reception_sessions, forwardings, agencies and settings bump it on every
 * change. Equal versions mean equal inputs.
 */
import type { Db } from './db.ts'

export async function dataVersion(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom('data_version').select('n').where('id', '=', 1).executeTakeFirst()
  return Number(row?.n ?? 0)
}
