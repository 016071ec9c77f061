/** Settings rows ⇄ the typed Settings of src/domain/settings.ts. */
import { settingsFromRows, type Settings } from '../domain/settings.ts'
import { cachedConfig } from './config-cache.ts'
import type { Db } from './db.ts'
import { recordHistory, type Actor } from './history.ts'

/** The settings, frozen; read again only after a change (src/db/config-cache.ts). */
export function loadSettings(db: Db): Promise<Settings> {
  return cachedConfig(db, 'settings', async () => {
    const rows = await db.kysely.selectFrom('settings').select(['key', 'value']).execute()
    return settingsFromRows(rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown })))
  })
}

/** Writes the given keys (a partial update) and their history in one atomic batch. */
export async function saveSettings(db: Db, changes: Partial<Settings>, actor: Actor, now: Date): Promise<Settings> {
  const at = now.toISOString()
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined)
  if (entries.length > 0) {
    await db.atomic([
      ...entries.map(([key, value]) =>
        db.kysely
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: actor.id })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: actor.id }),
          )
          .compile(),
      ),
      recordHistory(db, now, actor, {
        entity: 'settings',
        entityId: 'settings',
        action: 'cap_nhat_cai_dat',
        data: Object.fromEntries(entries),
      }),
    ])
  }
  return loadSettings(db)
}
