/**
 * Resolving an accepted complaint or denunciation (README "Giải quyết"):
 *   GET  /api/v1/letters/{id}/resolution            → the case: status, deadline (paused while suspended), to-dos, events
 *   POST /api/v1/letters/{id}/resolution/{action}   → 201 {events, resolution}; action ∈ complexity | dialogue |
 *        suspension | resumption | termination | withdrawal | extension | conclusion (body: src/http/schemas/resolution.ts)
 * 404 unknown letter, 403 without the role, 409 when the letter is not an accepted case (or another
 * officer's change got there first), 422 with field messages when the event may not be recorded.
 */
import { Hono } from 'hono'
import { RESOLUTION_ACTION_NAMES, type ResolutionAction } from '../../domain/resolution-rules.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, invalid, notFound } from '../errors.ts'
import { apiRequires } from '../auth/session.ts'
import { recordResolution, resolutionForViewer } from '../resolution.ts'
import { parseResolutionBody } from '../schemas/resolution.ts'
import { readJson } from '../validation.ts'
import type { Checked } from '../forwardings.ts'

function orThrow<T>(result: Checked<T>): T {
  if (result.ok) return result.value
  if (result.status === 422) throw invalid(result.errors ?? [], result.message)
  throw new ApiError(result.status, result.status === 404 ? 'not_found' : result.status === 403 ? 'forbidden' : 'conflict', result.message)
}

export const resolutionApi = new Hono<AppEnv>()
  .get('/letters/:id/resolution', async (c) => {
    const { db, now } = c.get('deps')
    c.header('Cache-Control', 'no-store')
    return c.json(orThrow(await resolutionForViewer(db, c.req.param('id'), c.get('user')!, now())))
  })
  .post('/letters/:id/resolution/:action', apiRequires('decide_letter'), async (c) => {
    const { db, now } = c.get('deps')
    const action = c.req.param('action')
    if (!(RESOLUTION_ACTION_NAMES as string[]).includes(action)) throw notFound(`Không có thao tác này. Thao tác: ${RESOLUTION_ACTION_NAMES.join(', ')}.`)
    const parsed = parseResolutionBody(action as ResolutionAction, await readJson(c))
    if (!parsed.ok) throw invalid(parsed.errors)
    const recorded = orThrow(await recordResolution(db, c.req.param('id'), action as ResolutionAction, parsed.input, c.get('user')!, now(), parsed.version))
    return c.json({ events: recorded.events, resolution: recorded.view }, 201)
  })
