/** GET/PUT /api/v1/settings (API.md): partial updates, the full settings back. */
import { Hono } from 'hono'
import { normaliseDateList, type Settings } from '../../domain/settings.ts'
import { listAgencies } from '../../db/agencies.ts'
import { loadSettings, saveSettings } from '../../db/settings.ts'
import type { Db } from '../../db/db.ts'
import type { AppEnv } from '../env.ts'
import { invalid, type FieldError } from '../errors.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { SettingsUpdateSchema, type SettingsUpdate } from '../schemas/settings.ts'
import { parseOrThrow, readJson } from '../validation.ts'

/**
 * Cross-field checks the schema cannot make: the home agency must exist, and no day can be
 * both a holiday and a make-up working day. Returns the normalised update.
 */
export async function checkedSettingsUpdate(db: Db, update: SettingsUpdate): Promise<{ changes: Partial<Settings>; errors: FieldError[] }> {
  const errors: FieldError[] = []
  const { conventions: conventionChanges, ...rest } = update
  const changes: Partial<Settings> = { ...rest }
  if (update.homeAgencyCode) {
    const codes = new Set((await listAgencies(db)).map((a) => a.code))
    if (!codes.has(update.homeAgencyCode)) {
      errors.push({ path: 'homeAgencyCode', message: `Không có cơ quan mã "${update.homeAgencyCode}" trong danh bạ.` })
    }
  }
  if (update.centralAgencyCode) {
    const codes = new Set((await listAgencies(db)).map((a) => a.code))
    if (!codes.has(update.centralAgencyCode)) {
      errors.push({ path: 'centralAgencyCode', message: `Không có cơ quan mã "${update.centralAgencyCode}" trong danh bạ.` })
    }
  }
  if (update.holidays) changes.holidays = normaliseDateList(update.holidays)
  if (update.extraWorkingDays) changes.extraWorkingDays = normaliseDateList(update.extraWorkingDays)
  const current = await loadSettings(db)
  // conventions are updated switch by switch
  if (conventionChanges) {
    const defined = Object.entries(conventionChanges).filter(([, value]) => value !== undefined)
    changes.conventions = { ...current.conventions, ...Object.fromEntries(defined) }
  }
  const holidays = new Set(changes.holidays ?? current.holidays)
  const both = (changes.extraWorkingDays ?? current.extraWorkingDays).filter((d) => holidays.has(d))
  if (both.length > 0) {
    errors.push({
      path: update.extraWorkingDays ? 'extraWorkingDays' : 'holidays',
      message: `Ngày ${both.join(', ')} không thể vừa là ngày nghỉ lễ vừa là ngày làm bù.`,
    })
  }
  return { changes, errors }
}

export const settingsApi = new Hono<AppEnv>()
  .get('/', apiRequires('view_directory'), async (c) => c.json(await loadSettings(c.get('deps').db)))
  .put('/', apiRequires('manage_settings'), async (c) => {
    const { db, now } = c.get('deps')
    const update = parseOrThrow(SettingsUpdateSchema, await readJson(c))
    const { changes, errors } = await checkedSettingsUpdate(db, update)
    if (errors.length > 0) throw invalid(errors)
    return c.json(await saveSettings(db, changes, actorOf(c.get('user')!), now()))
  })
