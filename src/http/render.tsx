/** Renders a view inside the page context (CSRF token, user, path) of the current request. */
import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PageContext, type PageInfo } from '../../views/context.ts'
import type { AppEnv } from './env.ts'

export const pageInfo = (c: Context<AppEnv>): PageInfo => ({
  csrfToken: c.get('csrfToken') ?? '',
  user: c.get('user') ?? null,
  path: new URL(c.req.url).pathname,
})

export function render(c: Context<AppEnv>, view: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request, HX-Request-Type')
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <PageContext.Provider value={pageInfo(c)}>{view}</PageContext.Provider>
    </>,
    status,
  )
}
