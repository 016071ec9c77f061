/**
 * The settings and the agency directory as the server last read them, kept while the
 * config_version counter of migrations/0010 stands: a request pays one single-row read instead of
 * reading and parsing every setting and agency. Per database (keyed by its Kysely instance, which
 * wrappers of a Db share); on Workers per isolate, each checking the same counter. Values are
 * frozen: every request reads the same objects.
 */
import { deepFreeze } from '../domain/freeze.ts'
import { configVersion } from './data-version.ts'
import type { Db } from './db.ts'

type Entry = { version: number; values: Map<string, Promise<unknown>> }
const entries = new WeakMap<object, Entry>()

/** `load()`'s value at the current config version, read once per version. */
export async function cachedConfig<T>(db: Db, name: string, load: () => Promise<T>): Promise<T> {
  const version = await configVersion(db)
  let entry = entries.get(db.kysely)
  if (!entry || entry.version !== version) {
    entry = { version, values: new Map() }
    entries.set(db.kysely, entry)
  }
  let value = entry.values.get(name) as Promise<T> | undefined
  if (!value) {
    const kept = entry
    value = load().then(deepFreeze, (error: unknown) => {
      // a failed read is not kept
      kept.values.delete(name)
      throw error
    })
    entry.values.set(name, value)
  }
  return value
}
