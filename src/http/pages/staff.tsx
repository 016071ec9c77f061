/** The staff workspace (/can-bo): its start page. Later issues add the letter and visit screens. */
import { Hono } from 'hono'
import { listAgencies } from '../../db/agencies.ts'
import { loadSettings } from '../../db/settings.ts'
import { StaffHomePage } from '../../../views/pages/StaffHome.tsx'
import type { AppEnv } from '../env.ts'
import { signedIn } from '../auth/pages.ts'
import { render } from '../render.tsx'

export const staffPages = new Hono<AppEnv>().use(signedIn).get('/', async (c) => {
  const { db } = c.get('deps')
  const [agencies, settings] = await Promise.all([listAgencies(db), loadSettings(db)])
  const home = agencies.find((a) => a.code === settings.homeAgencyCode)
  return render(c, <StaffHomePage agencyCount={agencies.length} homeAgencyName={home?.name ?? null} />)
})
