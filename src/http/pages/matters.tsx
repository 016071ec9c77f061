/**
 * A matter's page (/can-bo/vu-viec/:id), for the board's roles: its letters and visits. The
 * summaries of a denunciation matter are shown without the denouncers' names to roles that may
 * not see them.
 */
import { Hono } from 'hono'
import { can } from '../../domain/permissions.ts'
import { listAgencies } from '../../db/agencies.ts'
import { peopleOfLetters } from '../../db/letters.ts'
import { getMatter, lettersOfMatter, visitsOfMatter } from '../../db/matters.ts'
import { MatterPage } from '../../../views/pages/letters/MatterPage.tsx'
import type { AppEnv } from '../env.ts'
import { notFound } from '../errors.ts'
import { pageRequires } from '../auth/pages.ts'
import { withoutIdentity } from '../letters.ts'
import { render } from '../render.tsx'

const ID = '[A-Za-z0-9_-]{1,64}'

export const matterPages = new Hono<AppEnv>().get(`/:id{${ID}}`, pageRequires('view_letters'), async (c) => {
  const { db } = c.get('deps')
  const user = c.get('user')!
  const matter = await getMatter(db, c.req.param('id'))
  if (!matter) throw notFound('Không tìm thấy vụ việc.')
  const [letters, visits, agencies] = await Promise.all([lettersOfMatter(db, matter.id), visitsOfMatter(db, matter.id), listAgencies(db)])
  const names = new Map(agencies.map((a) => [a.code, a.name]))
  let shownMatter = matter
  let shownLetters = letters
  if (!can(user.roles, 'view_denouncer_identity')) {
    const people = await peopleOfLetters(db, letters.map((l) => l.id))
    const protectedSenders = letters.flatMap((l) => (people.get(l.id)?.protectsIdentity ? (people.get(l.id)?.senders ?? []) : []))
    shownLetters = letters.map((l) => (people.get(l.id)?.protectsIdentity ? { ...l, summary: withoutIdentity({ summary: l.summary }, people.get(l.id)!.senders).summary ?? null } : l))
    shownMatter = { ...matter, summary: withoutIdentity({ summary: matter.summary }, protectedSenders).summary ?? null }
  }
  c.header('Cache-Control', 'no-store')
  return render(c, <MatterPage matter={shownMatter} letters={shownLetters} visits={visits} agencyName={(code) => (code ? (names.get(code) ?? code) : null)} />)
})
