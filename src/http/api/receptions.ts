/** POST /api/v1/receptions (API.md): record a visit; without caseId a new matter is opened. */
import { Hono } from 'hono'
import { matterExists, recordReception } from '../../db/receptions.ts'
import { getLetter } from '../../db/letters.ts'
import type { AppEnv } from '../env.ts'
import { invalid } from '../errors.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { ReceptionSchema } from '../schemas/reception.ts'
import { parseOrThrow, readJson } from '../validation.ts'

export const receptionsApi = new Hono<AppEnv>().post('/', apiRequires('record_reception'), async (c) => {
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
