/** Public pages: the start page, staff sign-in and sign-out. */
import { Hono } from 'hono'
import { loadSettings } from '../../db/settings.ts'
import { HomePage } from '../../../views/pages/Home.tsx'
import { LoginPage } from '../../../views/pages/Login.tsx'
import type { AppEnv } from '../env.ts'
import { attemptLogin, throttledMessage } from '../auth/login.ts'
import { safeNext } from '../auth/pages.ts'
import { endBrowserSession, startBrowserSession } from '../auth/session.ts'
import { render } from '../render.tsx'

const formString = (value: unknown, max = 1000) => (typeof value === 'string' ? value.slice(0, max) : '')

export const publicPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const settings = await loadSettings(c.get('deps').db)
    return render(c, <HomePage boardName={settings.boardName} deadlines={settings.deadlines} />)
  })
  .get('/dang-nhap', (c) => {
    if (c.get('user')) return c.redirect(safeNext(c.req.query('next')), 303)
    return render(c, <LoginPage next={safeNext(c.req.query('next'))} />)
  })
  .post('/dang-nhap', async (c) => {
    const body = await c.req.parseBody()
    const username = formString(body.username, 64).trim()
    const password = formString(body.password, 256)
    const next = safeNext(formString(body.next))
    if (!username || !password) {
      return render(c, <LoginPage username={username} next={next} error="Nhập tên đăng nhập và mật khẩu." />, 422)
    }
    const result = await attemptLogin(c, username, password)
    if (!result.ok) {
      const error =
        result.reason === 'throttled' ? throttledMessage(result.retryAfterSeconds) : 'Tên đăng nhập hoặc mật khẩu không đúng.'
      return render(c, <LoginPage username={username} next={next} error={error} />, result.reason === 'throttled' ? 429 : 401)
    }
    await startBrowserSession(c, result.user)
    return c.redirect(next, 303)
  })
  .post('/dang-xuat', async (c) => {
    await endBrowserSession(c)
    return c.redirect('/dang-nhap', 303)
  })
