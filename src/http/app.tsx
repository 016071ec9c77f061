/**
 * The application, the same on Node and Workers: `createApp(deps)` with everything injected.
 * Order: dependencies → first-start bootstrap → security headers → API (bearer auth, JSON
 * errors) | pages (CSRF, session, HTML errors).
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { ErrorPage } from '../../views/pages/ErrorPage.tsx'
import { agenciesApi } from './api/agencies.ts'
import { authApi } from './api/auth.ts'
import { documentsApi } from './api/documents.ts'
import { forwardingsApi } from './api/forwardings.ts'
import { lettersApi } from './api/letters.ts'
import { mattersApi, receptionsApi } from './api/receptions.ts'
import { reportsApi } from './api/reports.ts'
import { resolutionApi } from './api/resolution.ts'
import { settingsApi } from './api/settings.ts'
import { submissionsApi } from './api/submissions.ts'
import { usersApi } from './api/users.ts'
import { bearerUser, sessionUser } from './auth/session.ts'
import { bootstrapOnce } from './bootstrap.ts'
import type { AppEnv, Deps } from './env.ts'
import { ApiError, tooLarge } from './errors.ts'
import { bodyLimit } from './middleware/body-limit.ts'
import { CsrfError, csrfProtection } from './middleware/csrf.ts'
import { adminPages } from './pages/admin.tsx'
import { agencyPages } from './pages/agency-inbox.tsx'
import { citizenFormPages } from './pages/citizen-forms.tsx'
import { documentPages } from './pages/documents.tsx'
import { letterPages } from './pages/letters.tsx'
import { matterPages } from './pages/matters.tsx'
import { portalPages } from './pages/portal.tsx'
import { publicPages } from './pages/public.tsx'
import { receptionPages } from './pages/receptions.tsx'
import { reportPages } from './pages/reports.tsx'
import { staffPages } from './pages/staff.tsx'
import { render } from './render.tsx'
import { SUBMISSION_FORM_BODY_LIMIT } from './submissions/files.ts'

/** JSON bodies: a whole province directory fits comfortably. */
export const API_BODY_LIMIT = 2 * 1024 * 1024
/** Form posts (attachments have their own limit on their routes). */
export const FORM_BODY_LIMIT = 2 * 1024 * 1024

const isApi = (c: Context) => c.req.path.startsWith('/api/')

export interface AppOptions {
  /** Serves /static/* (Node); on Workers the platform serves assets before the app runs. */
  staticFiles?: MiddlewareHandler | undefined
}

export function createApp(deps: Deps, options: AppOptions = {}) {
  const ready = bootstrapOnce(deps)
  const app = new Hono<AppEnv>()
  if (options.staticFiles) app.use('/static/*', options.staticFiles)

  app.use(async (c, next) => {
    c.set('deps', deps)
    c.set('user', null)
    await ready()
    await next()
  })

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  )

  // ----- JSON API -----------------------------------------------------------------------
  const api = new Hono<AppEnv>()
  api.use(bodyLimit({ maxSize: API_BODY_LIMIT, onError: () => { throw tooLarge() } }))
  api.route('/auth', authApi)
  // '/x/*' covers '/x' itself too: one entry per prefix, or the token is looked up twice
  api.use('/agencies/*', bearerUser)
  api.use('/settings/*', bearerUser)
  api.use('/users/*', bearerUser)
  api.use('/receptions/*', bearerUser)
  api.use('/matters/*', bearerUser)
  api.use('/reports/*', bearerUser)
  api.use('/classify', bearerUser)
  api.use('/letters/*', bearerUser)
  api.use('/forwardings/*', bearerUser)
  api.route('/agencies', agenciesApi)
  api.route('/settings', settingsApi)
  api.route('/users', usersApi)
  api.route('/receptions', receptionsApi)
  api.route('/matters', mattersApi)
  api.route('/reports', reportsApi)
  // public: citizens file and follow letters without an account
  api.route('/submissions', submissionsApi)
  api.route('/', lettersApi)
  api.route('/', documentsApi)
  api.route('/', forwardingsApi)
  api.route('/', resolutionApi)
  app.route('/api/v1', api)

  // ----- pages --------------------------------------------------------------------------
  const formBodyLimit = bodyLimit({ maxSize: FORM_BODY_LIMIT, onError: () => { throw tooLarge() } })
  // the citizen forms carry attachments (checked file by file in the portal)
  const submissionFormBodyLimit = bodyLimit({ maxSize: SUBMISSION_FORM_BODY_LIMIT, onError: () => { throw tooLarge() } })
  app.use('*', async (c, next) => {
    if (isApi(c)) return next()
    return (c.req.path.startsWith('/gui-don/') ? submissionFormBodyLimit : formBodyLimit)(c, next)
  })
  app.use('*', async (c, next) => (isApi(c) ? next() : csrfProtection(c, next)))
  app.use('*', async (c, next) => (isApi(c) ? next() : sessionUser(c, next)))
  app.route('/', publicPages)
  app.route('/', portalPages)
  app.route('/can-bo', staffPages)
  app.route('/can-bo/quan-tri', adminPages)
  app.route('/can-bo/bao-cao', reportPages)
  app.route('/can-bo/tiep-dan', receptionPages)
  app.route('/can-bo/don', documentPages)
  app.route('/can-bo/don', citizenFormPages)
  app.route('/can-bo/don', letterPages)
  app.route('/can-bo/vu-viec', matterPages)
  app.route('/can-bo/co-quan', agencyPages)

  app.notFound((c) => {
    if (isApi(c)) return c.json(new ApiError(404, 'not_found', 'Không có địa chỉ API này.').toJSON(), 404)
    return render(c as Context<AppEnv>, <ErrorPage status={404} />, 404)
  })

  app.onError((error, c) => {
    const ctx = c as Context<AppEnv>
    if (error instanceof ApiError) {
      if (isApi(c)) return c.json(error.toJSON(), error.status)
      return render(ctx, <ErrorPage status={error.status} message={error.message} />, error.status)
    }
    if (error instanceof CsrfError) {
      const message = 'Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Vui lòng tải lại trang rồi thử lại.'
      return render(ctx, <ErrorPage status={403} message={message} />, 403)
    }
    if (error instanceof HTTPException && error.status < 500) {
      if (isApi(c)) return c.json(new ApiError(error.status as 400, 'bad_request', 'Yêu cầu không hợp lệ.').toJSON(), error.status)
      return render(ctx, <ErrorPage status={error.status} />, error.status)
    }
    console.error(error)
    if (isApi(c)) {
      return c.json({ error: { code: 'internal_error', message: 'Hệ thống gặp sự cố, dữ liệu chưa bị thay đổi. Vui lòng thử lại sau.', fields: [] } }, 500)
    }
    return render(ctx, <ErrorPage status={500} />, 500)
  })

  return app
}

export type App = ReturnType<typeof createApp>
