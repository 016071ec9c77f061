/**
 * Request body size limit, as hono/body-limit, that decides from the headers wherever it can.
 *
 * Hono's middleware first asks `c.req.raw.body`. On Node that makes @hono/node-server build the
 * full web Request and a web stream over the socket for every request, GETs included, and the body
 * is then read through that stream: under intake load ~70 µs of the server's CPU per letter plus
 * the garbage, against reading the body straight from the socket, which node-server does when the
 * handler asks `c.req.text()` first. So: a request without a body, or with a Content-Length and no
 * Transfer-Encoding (Node's parser holds the body to that length), is decided here; only a chunked
 * body is counted by hono's middleware while it streams.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit'

export interface BodyLimitOptions {
  maxSize: number
  /** Called (and its result returned) when the body is larger than maxSize. */
  onError: (c: Context) => Response | Promise<Response>
}

const WITHOUT_BODY = new Set(['GET', 'HEAD'])

export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const streaming = streamingBodyLimit(options)
  return async function bodyLimit(c, next) {
    if (WITHOUT_BODY.has(c.req.method)) return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > options.maxSize ? options.onError(c) : next()
    }
    return streaming(c, next)
  }
}
