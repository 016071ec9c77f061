/** The staff workspace (/can-bo): its start page. Later issues add the letter and visit screens. */
import { Hono } from 'hono'
import { listAgencies } from '../../db/agencies.ts'
import { loadSettings } from '../../db/settings.ts'
import { StaffHomePage } from '../../../views/pages/StaffHome.tsx'
import type { AppEnv } from '../env.ts'
import { signedIn } from '../auth/pages.ts'
import { render } from '../render.tsx'
import { vnDateOf } from '../../domain/calendar.ts'
import { can } from '../../domain/permissions.ts'
import { calendarOf } from '../../domain/settings.ts'
import { countForwardingsByState } from '../../db/forwardings.ts'
import { countLetters } from '../../db/letters.ts'
import { countVisitsOn } from '../../db/receptions.ts'
import { QUEUE_TABS, tabFilter, type QueueTab } from '../letter-queue.ts'
import { AccountPage } from '../../../views/pages/AccountPage.tsx'
import { findUserRowByUsername, updateUser } from '../../db/users.ts'
import { hashPassword, verifyPassword } from '../auth/crypto.ts'
import { actorOf, startBrowserSession } from '../auth/session.ts'
import { formText, readForm, safeParseForm } from '../form.ts'
import { password as password_ } from '../schemas/user.ts'

export const staffPages = new Hono<AppEnv>()
  .use(signedIn)
  .get('/', async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const today = vnDateOf(now())
    const [agencies, settings] = await Promise.all([listAgencies(db), loadSettings(db)])
    const home = agencies.find((a) => a.code === settings.homeAgencyCode)
    const calendar = calendarOf(settings)
    // the queue tabs that ask for action, counted exactly as the queue counts them
    const attention: Array<{ tab: QueueTab; urgent?: boolean }> = [{ tab: 'qua_han', urgent: true }, { tab: 'sap_den_han', urgent: true }, { tab: 'moi' }, { tab: 'cho_phuc_dap' }]
    const letters = can(user.roles, 'view_letters')
      ? await Promise.all(
          attention.map(async ({ tab, urgent }) => ({
            label: QUEUE_TABS[tab].toLowerCase(),
            count: await countLetters(db, { ...tabFilter(tab, today, calendar), searchIdentityOfDenunciations: false }),
            href: `/can-bo/don?tab=${tab}`,
            urgent,
          })),
        )
      : []
    const visitsToday = can(user.roles, 'view_letters') ? await countVisitsOn(db, today) : null
    const inbox = user.roles.includes('co_quan') && user.agencyCode ? (await countForwardingsByState(db, user.agencyCode, today)).chua_phuc_dap : null
    return render(
      c,
      <StaffHomePage agencyCount={agencies.length} homeAgencyName={home?.name ?? null} letters={letters} visitsToday={visitsToday} inbox={inbox} />,
    )
  })
  .get('/tai-khoan', (c) => render(c, <AccountPage flash={c.req.query('ok') ? 'Đã đổi mật khẩu.' : null} />))
  .post('/tai-khoan', async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const body = await readForm(c)
    const current = formText(body, 'current', 256)
    const password = formText(body, 'password', 256)
    const errors: Record<string, string> = {}
    const row = await findUserRowByUsername(db, user.username)
    if (!row || !(await verifyPassword(current, row.password_hash))) errors.current = 'Mật khẩu hiện tại không đúng.'
    const parsed = safeParseForm(password_, password)
    if (!parsed.ok) errors.password = parsed.errors[0]!.message
    if (formText(body, 'confirm', 256) !== password) errors.confirm = 'Mật khẩu nhập lại không khớp.'
    if (Object.keys(errors).length > 0) return render(c, <AccountPage errors={errors} />, 422)
    const updated = await updateUser(db, user.id, { passwordHash: await hashPassword(password) }, actorOf(user), now())
    // a new password ends every session of the account; this browser gets a fresh one
    if (updated) await startBrowserSession(c, updated)
    return c.redirect('/can-bo/tai-khoan?ok=1', 303)
  })
