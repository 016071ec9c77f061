/**
 * The version of what a report is computed from (migrations/0007_data_version.sql): triggers on
 * letters, receptions, reception_sessions, forwardings, agencies and settings bump it on every
 * change. Equal versions mean equal inputs.
 */
import type { Db } from './db.ts'

export const dataVersionQuery = (db: Db) => db.kysely.selectFrom('data_version').select('n').where('id', '=', 1).compile()

/** The version in the rows of dataVersionQuery. */
export const versionFromRows = (rows: readonly unknown[]): number => Number((rows[0] as { n: number } | undefined)?.n ?? 0)

export async function dataVersion(db: Db): Promise<number> {
  return versionFromRows((await db.kysely.executeQuery(dataVersionQuery(db))).rows)
}
