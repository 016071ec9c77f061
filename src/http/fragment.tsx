/**
 * An htmx fragment: a part of a page, in the same page context (CSRF token, user) as `render`,
 * without the document around it. Routes send one only when `isPartialRequest(c)`; history
 * restores and requests without htmx get the full page.
 */
import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { PageContext } from '../../views/context.ts'
import type { AppEnv } from './env.ts'
import { pageInfo } from './render.tsx'

export function fragment(c: Context<AppEnv>, view: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Vary', 'HX-Request, HX-Request-Type')
  c.header('Cache-Control', 'no-store')
  return c.html(<PageContext.Provider value={pageInfo(c)}>{view}</PageContext.Provider>, status)
}
