/**
 * First start of an empty database: the first admin (from PAKN_ADMIN_USER / PAKN_ADMIN_PASSWORD)
 * and the sample directory with its settings. Idempotent and safe to race (Workers may start
 * several isolates at once): every write is conditional on the table still being empty.
 */
import { SAMPLE_DIRECTORY, SAMPLE_EXTRA_WORKING_DAYS, SAMPLE_HOLIDAYS, SAMPLE_HOME_AGENCY } from '../sample/directory.ts'
import { listAgencies, replaceDirectory } from '../db/agencies.ts'
import { SYSTEM } from '../db/history.ts'
import { loadSettings, saveSettings } from '../db/settings.ts'
import { countUsers, createUser } from '../db/users.ts'
import { hashPassword } from './auth/crypto.ts'
import type { Deps } from './env.ts'

export interface BootstrapReport {
  adminCreated: string | null
  sampleDirectoryLoaded: boolean
}

export async function bootstrap(deps: Deps): Promise<BootstrapReport> {
  const { db, config } = deps
  const report: BootstrapReport = { adminCreated: null, sampleDirectoryLoaded: false }

  if (config.loadSampleDirectory && (await listAgencies(db)).length === 0) {
    await replaceDirectory(db, SAMPLE_DIRECTORY, SYSTEM, deps.now())
    const settings = await loadSettings(db)
    if (settings.homeAgencyCode === null) {
      await saveSettings(
        db,
        {
          homeAgencyCode: SAMPLE_HOME_AGENCY,
          holidays: SAMPLE_HOLIDAYS,
          extraWorkingDays: SAMPLE_EXTRA_WORKING_DAYS,
          boardName: 'Ban Tiếp công dân tỉnh',
          localityName: 'tỉnh Quảng Ngãi',
          centralAgencyCode: 'TTCP',
        },
        SYSTEM,
        deps.now(),
      )
    }
    report.sampleDirectoryLoaded = true
  }

  if (config.adminUser && config.adminPassword && (await countUsers(db)) === 0) {
    const created = await createUser(
      db,
      {
        username: config.adminUser,
        displayName: 'Quản trị hệ thống',
        passwordHash: await hashPassword(config.adminPassword),
        roles: ['admin'],
        agencyCode: null,
      },
      SYSTEM,
      deps.now(),
    )
    if (created) report.adminCreated = created.username
  }
  return report
}

/** Runs bootstrap once per app instance, before the first request is served. */
export function bootstrapOnce(deps: Deps): () => Promise<BootstrapReport> {
  let pending: Promise<BootstrapReport> | null = null
  return () => {
    pending ??= bootstrap(deps).catch((error: unknown) => {
      pending = null // let the next request retry
      throw error
    })
    return pending
  }
}
