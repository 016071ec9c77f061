/**
 * POST /api/v1/receptions (API.md): record a visit; without caseId a new matter is opened.
 * GET /api/v1/receptions (extension): the visits behind a report number (src/http/visit-query.ts).
 */
import { Hono } from 'hono'
import { can } from '../../domain/permissions.ts'
import { countReceptions, listReceptions, listVisitedMatters, listVisitedSessions, matterExists, recordReception } from '../../db/receptions.ts'
import { loadSettings } from '../../db/settings.ts'
import { VisitListQuery, visitFilterOf, visitParamProblems } from '../visit-query.ts'
import { getLetter } from '../../db/letters.ts'
import type { AppEnv } from '../env.ts'
import { forbidden, invalid } from '../errors.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { ReceptionSchema } from '../schemas/reception.ts'
import { parseOrThrow, readJson } from '../validation.ts'

export const receptionsApi = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = c.get('user')!
    if (!can(user.roles, 'view_reports') && !can(user.roles, 'record_reception') && !can(user.roles, 'view_letters')) throw forbidden()
    const { db } = c.get('deps')
    const query = parseOrThrow(VisitListQuery, c.req.query())
    const problems = visitParamProblems(query)
    if (problems.length > 0) throw invalid(problems)
    const filter = visitFilterOf(query, (await loadSettings(db)).largeGroupThreshold)
    if (query.distinct === 'matter') return c.json({ items: await listVisitedMatters(db, filter) })
    if (query.distinct === 'session') return c.json({ items: await listVisitedSessions(db, filter) })
    const [page, total] = await Promise.all([listReceptions(db, filter, query.cursor ?? null, query.limit ?? 50), countReceptions(db, filter)])
    return c.json({ ...page, total: total.visits, persons: total.persons })
  })
  .post('/', apiRequires('record_reception'), async (c) => {
    const { db, now } = c.get('deps')
    const input = parseOrThrow(ReceptionSchema, await readJson(c))
    if (input.caseId && !(await matterExists(db, input.caseId))) {
      throw invalid([{ path: 'caseId', message: 'Không tìm thấy vụ việc này.' }])
    }
    if (input.letterId && !(await getLetter(db, input.letterId))) {
      throw invalid([{ path: 'letterId', message: 'Không tìm thấy đơn này.' }])
    }
    const result = await recordReception(
      db,
      {
        ...input,
        matterId: input.caseId ?? null,
        visitors: input.visitors.map((visitor) => ({ ...visitor, representative: visitor.representative ?? false })),
      },
      actorOf(c.get('user')!),
      now(),
    )
    return c.json({ id: result.id, caseId: result.matterId, sessionId: result.sessionId }, 201)
  })
