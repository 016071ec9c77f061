import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

describe('bodyLimit on the Node server (@hono/node-server, real sockets)', () => {
  // what the app runs on Node: the body under the limit reaches the handler whole, read from the socket
  const big = new Hono()
  big.use(bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('quá lớn', 413) }))
  big.post('/', async (c) => c.json({ received: ((await c.req.json()) as { text: string }).text.length }))
  let server: ServerType
  let origin = ''
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: big.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  /** One request over a raw socket, so the framing (Content-Length or chunked) is exactly what is written. */
  const raw = (head: string, body: string[]) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(origin).port), '127.0.0.1', () => {
        socket.write(head)
        for (const part of body) socket.write(part)
      })
      let answer = ''
      socket.on('data', (chunk) => {
        answer += chunk.toString('utf8')
        // the status line is all these tests need
        if (answer.includes('\r\n')) {
          socket.destroy()
          resolve(answer.split('\r\n')[0]!)
        }
      })
      socket.on('error', reject)
    })

  it('reads a JSON body under the limit whole, with Vietnamese text spread over many packets', async () => {
    const text = 'Đề nghị xem xét bồi thường đất ở thôn An Phú. '.repeat(800)
    const res = await fetch(origin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: text.length })
  })

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const status = await raw(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 + 1}\r\nConnection: close\r\n\r\n`, [])
    expect(status).toBe('HTTP/1.1 413 Payload Too Large')
  })

  it('counts a chunked body while it streams', async () => {
    const chunk = 'a'.repeat(40 * 1024)
    const chunked = [`${chunk.length.toString(16)}\r\n${chunk}\r\n`, `${chunk.length.toString(16)}\r\n${chunk}\r\n`, '0\r\n\r\n']
    const status = await raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n', chunked)
    expect(status).toBe('HTTP/1.1 413 Payload Too Large')
  })
})
