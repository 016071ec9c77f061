/**
 * Counters of change, moved by triggers so no write path can forget them:
 * - `data_version` (migrations/0007): what a report is computed from — letters, receptions,
 *   reception_sessions, forwardings, agencies and settings. Equal versions mean equal inputs.
 * - `config_version` (migrations/0010): the settings and the agency directory alone
 *   (src/db/config-cache.ts).
 */
import type { Db } from './db.ts'

type Counter = 'data_version' | 'config_version'

const counterQuery = (db: Db, counter: Counter) => db.kysely.selectFrom(counter).select('n').where('id', '=', 1).compile()

export const dataVersionQuery = (db: Db) => counterQuery(db, 'data_version')

/** The version in the rows of a counter's query. */
export const versionFromRows = (rows: readonly unknown[]): number => Number((rows[0] as { n: number } | undefined)?.n ?? 0)

const readCounter = async (db: Db, counter: Counter): Promise<number> => versionFromRows((await db.kysely.executeQuery(counterQuery(db, counter))).rows)

export const dataVersion = (db: Db): Promise<number> => readCounter(db, 'data_version')

export const configVersion = (db: Db): Promise<number> => readCounter(db, 'config_version')
