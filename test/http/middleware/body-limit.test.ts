import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { bodyLimit } from '../../../src/http/middleware/body-limit.ts'

const app = new Hono()
app.use(bodyLimit({ maxSize: 10, onError: (c) => c.text('quá lớn', 413) }))
app.all('/', async (c) => c.text(`đọc ${(await c.req.text()).length}`))

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  app.request('/', { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit)
const chunked = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part))
      controller.close()
    },
  })

describe('bodyLimit', () => {
  it('decides from Content-Length when there is one', async () => {
    const over = await post('a'.repeat(11), { 'content-length': '11' })
    expect(over.status).toBe(413)
    expect(await over.text()).toBe('quá lớn')
    const within = await post('a'.repeat(10), { 'content-length': '10' })
    expect(within.status).toBe(200)
    expect(await within.text()).toBe('đọc 10')
  })

  it('counts a body without Content-Length while it streams', async () => {
    expect((await post(chunked('aaaaaa', 'aaaaa'))).status).toBe(413)
    const within = await post(chunked('aaaaa', 'aaaaa'))
    expect(within.status).toBe(200)
    expect(await within.text()).toBe('đọc 10')
  })

  it('counts the body when Transfer-Encoding is present, whatever Content-Length says', async () => {
    expect((await post(chunked('aaaaaa', 'aaaaa'), { 'content-length': '3', 'transfer-encoding': 'chunked' })).status).toBe(413)
  })

  it('lets requests without a body through', async () => {
    const res = await app.request('/', { method: 'GET' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('đọc 0')
  })
})
