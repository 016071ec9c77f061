/**
 * The letters API of API.md: POST /classify (dry run), POST /letters, POST /letters/{id}/decision,
 * GET /letters/{id}, GET /letters (filters, folded search, cursor paging).
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import { can } from '../../domain/permissions.ts'
import { getLetter, listLetters } from '../../db/letters.ts'
import type { AppEnv } from '../env.ts'
import { ApiError, forbidden, invalid, notFound } from '../errors.ts'
import { actorOf, apiRequires } from '../auth/session.ts'
import { canViewLetter, classifyLetter, decideLetter, letterForViewer, registerClassifiedLetter } from '../letters.ts'
import { DecisionSchema, LetterSchema, toLetter } from '../schemas/letter.ts'
import { parseOrThrow, readJson, isoDate } from '../validation.ts'
import { LETTER_LIST_PARAMS, letterFilterOf, letterParamProblems } from '../letter-query.ts'
import { vnDateOf } from '../../domain/calendar.ts'

const LETTER_STATUSES = ['moi', 'da_xu_ly', 'cho_phuc_dap', 'da_phuc_dap', 'da_giai_quyet'] as const

const ListQuery = v.object({
  status: v.optional(v.picklist(LETTER_STATUSES, `Trạng thái phải là một trong: ${LETTER_STATUSES.join(', ')}.`)),
  // contentType, channel, outcome (comma lists) and the report filters: src/http/letter-query.ts
  ...LETTER_LIST_PARAMS,
  field: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,64}$/, 'Mã lĩnh vực không hợp lệ.'))),
  agency: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{2,64}$/, 'Mã cơ quan không hợp lệ.'))),
  track: v.optional(v.picklist(['don_thu', 'quy_dinh_hanh_chinh'], 'Luồng phải là don_thu hoặc quy_dinh_hanh_chinh.')),
  registeredBy: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Mã cán bộ không hợp lệ.'))),
  q: v.optional(v.pipe(v.string(), v.maxLength(200, 'Từ khóa tìm kiếm không được dài quá 200 ký tự.'))),
  from: v.optional(isoDate('Ngày bắt đầu phải có dạng YYYY-MM-DD.')),
  to: v.optional(isoDate('Ngày kết thúc phải có dạng YYYY-MM-DD.')),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'Số dòng mỗi trang phải là số từ 1 đến 200.'), v.transform(Number), v.minValue(1, 'Số dòng mỗi trang phải là số từ 1 đến 200.'), v.maxValue(200, 'Số dòng mỗi trang phải là số từ 1 đến 200.'))),
})

export const lettersApi = new Hono<AppEnv>()
  .post('/classify', apiRequires('register_letter'), async (c) => {
    const letter = toLetter(parseOrThrow(LetterSchema, await readJson(c)))
    const { classification } = await classifyLetter(c.get('deps').db, letter)
    return c.json(classification)
  })
  .post('/letters', apiRequires('register_letter'), async (c) => {
    const { db, now } = c.get('deps')
    const letter = toLetter(parseOrThrow(LetterSchema, await readJson(c)))
    const registered = await registerClassifiedLetter(db, letter, actorOf(c.get('user')!), now())
    return c.json({ id: registered.id, code: registered.code, matterId: registered.matterId, classification: registered.classification }, 201)
  })
  .get('/letters', async (c) => {
    const user = c.get('user')!
    const query = parseOrThrow(ListQuery, c.req.query())
    const problems = letterParamProblems(query)
    if (problems.length > 0) throw invalid(problems)
    let agency = query.agency
    if (!can(user.roles, 'view_letters')) {
      // a receiving agency lists only what was sent to it
      if (!user.roles.includes('co_quan') || !user.agencyCode) throw forbidden()
      agency = user.agencyCode
    }
    const page = await listLetters(
      c.get('deps').db,
      {
        status: query.status,
        field: query.field,
        track: query.track,
        q: query.q,
        createdBy: query.registeredBy,
        ...letterFilterOf({ ...query, agency }, vnDateOf(c.get('deps').now())),
        competentAgencyCode: agency,
        searchIdentityOfDenunciations: can(user.roles, 'view_denouncer_identity'),
        onlySentToAgency: !can(user.roles, 'view_letters'),
      },
      query.cursor ?? null,
      query.limit ?? 50,
    )
    return c.json(page)
  })
  .get('/letters/:id', async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const stored = await getLetter(db, c.req.param('id'))
    if (!stored) throw notFound('Không tìm thấy đơn.')
    if (!canViewLetter(user, stored)) throw forbidden('Tài khoản không có quyền xem đơn này.')
    return c.json(await letterForViewer(db, stored, user, now()))
  })
  .post('/letters/:id/decision', apiRequires('decide_letter'), async (c) => {
    const { db, now } = c.get('deps')
    const user = c.get('user')!
    const input = parseOrThrow(DecisionSchema, await readJson(c, { allowEmpty: true }))
    const result = await decideLetter(db, c.req.param('id'), { ...input, competentAgencyCode: input.competentAgencyCode ?? undefined }, user, now())
    if (!result.ok) {
      if (result.status === 422) throw invalid(result.errors ?? [], result.message)
      throw new ApiError(result.status, result.status === 404 ? 'not_found' : 'conflict', result.message)
    }
    return c.json(await letterForViewer(db, result.letter, user, now()))
  })
