/**
 * The settings and the directory are read once per change (src/db/config-cache.ts, the counter of
 * migrations/0010): the same frozen objects while nothing changes, fresh ones after any write to
 * the settings or agencies tables, however it was made.
 */
import { expect, it } from 'vitest'
import { listAgencies } from '../../src/db/agencies.ts'
import { configVersion } from '../../src/db/data-version.ts'
import { loadSettings, saveSettings } from '../../src/db/settings.ts'
import { testApp } from '../support/app.ts'

const actor = { id: null, name: 'test' } as never

it('keeps the settings while they stand and reads them again after a change', async () => {
  const t = await testApp()
  const first = await loadSettings(t.db)
  expect(await loadSettings(t.db)).toBe(first)
  expect(Object.isFrozen(first)).toBe(true)
  expect(() => {
    ;(first as { largeGroupThreshold: number }).largeGroupThreshold = 99
  }).toThrow(TypeError)
  const version = await configVersion(t.db)
  await saveSettings(t.db, { largeGroupThreshold: first.largeGroupThreshold + 1 }, actor, new Date())
  expect(await configVersion(t.db)).toBeGreaterThan(version)
  const second = await loadSettings(t.db)
  expect(second).not.toBe(first)
  expect(second.largeGroupThreshold).toBe(first.largeGroupThreshold + 1)
  // a write that bypasses the app is seen too: the counter is moved by triggers
  t.db.sqlite.prepare("UPDATE settings SET value = '7' WHERE key = 'largeGroupThreshold'").run()
  expect((await loadSettings(t.db)).largeGroupThreshold).toBe(7)
})

it('keeps the directory while it stands, not the filtered lists', async () => {
  const t = await testApp()
  const all = await listAgencies(t.db)
  expect(await listAgencies(t.db)).toBe(all)
  expect(await listAgencies(t.db, { activeOnly: true })).not.toBe(await listAgencies(t.db, { activeOnly: true }))
  t.db.sqlite.prepare("UPDATE agencies SET name = 'Ủy ban nhân dân tỉnh (đổi tên)' WHERE code = 'UBND_TINH'").run()
  const renamed = await listAgencies(t.db)
  expect(renamed).not.toBe(all)
  expect(renamed.find((a) => a.code === 'UBND_TINH')?.name).toBe('Ủy ban nhân dân tỉnh (đổi tên)')
  expect(renamed.length).toBe(all.length)
})
