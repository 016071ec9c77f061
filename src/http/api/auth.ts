/** POST /api/v1/auth/token: username + password → a bearer token for the API. */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../env.ts'
import { ApiError, tooManyRequests } from '../errors.ts'
import { attemptLogin, throttledMessage } from '../auth/login.ts'
import { issueBearerToken } from '../auth/session.ts'
import { parseOrThrow, readJson } from '../validation.ts'

const TokenRequest = v.object(
  {
    username: v.pipe(v.string('Tên đăng nhập là bắt buộc.'), v.trim(), v.minLength(1, 'Tên đăng nhập là bắt buộc.'), v.maxLength(64)),
    password: v.pipe(v.string('Mật khẩu là bắt buộc.'), v.minLength(1, 'Mật khẩu là bắt buộc.'), v.maxLength(256)),
  },
  'Cần gửi {"username","password"}.',
)

export const authApi = new Hono<AppEnv>().post('/token', async (c) => {
  const { username, password } = parseOrThrow(TokenRequest, await readJson(c))
  const result = await attemptLogin(c, username, password)
  if (!result.ok) {
    if (result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfterSeconds))
      throw tooManyRequests(throttledMessage(result.retryAfterSeconds))
    }
    throw new ApiError(401, 'invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.')
  }
  const { token, expiresAt } = await issueBearerToken(c, result.user)
  return c.json({ token, expiresAt: expiresAt.toISOString() })
})
