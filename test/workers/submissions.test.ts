// The citizen submission API on workerd + D1 (+ the R2 attachment store of wrangler.toml):
// file, follow with the access key, resend without a second letter, a wrong key is a 404.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { jsonRequest, url } from './helpers.ts'
import { SELF } from 'cloudflare:test'

const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

const submission = {
  contentType: 'kien_nghi_phan_anh',
  senders: [{ name: 'Hồ Văn Tư', address: 'Thôn 1, xã Sơn Tây', phone: '0905000111' }],
  summary: 'Đề nghị sửa chữa đoạn đường liên thôn bị sạt lở sau mưa lớn.',
  field: 'giao_thong',
  location: 'XA_SON_TAY',
  declaration: true,
}

describe('POST /api/v1/submissions on workerd', () => {
  it('files a letter and lets the citizen follow it; a wrong key is a 404', async () => {
    const res = await jsonRequest('POST', '/api/v1/submissions', submission)
    expect(res.status).toBe(201)
    const receipt = (await res.json()) as { code: string; accessKey: string }
    expect(receipt.code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    const status = await SELF.fetch(url(`/api/v1/submissions/${receipt.code}?key=${encodeURIComponent(receipt.accessKey)}`))
    expect(status.status).toBe(200)
    const body = await status.text()
    expect(body).not.toContain('Hồ Văn Tư')
    expect(body).not.toContain('sạt lở')
    const wrong = await SELF.fetch(url(`/api/v1/submissions/${receipt.code}?key=SAI-KHOA-TRUY-CAP`))
    expect(wrong.status).toBe(404)
    const row = await env.DB.prepare('SELECT channel, track FROM letters WHERE code = ?').bind(receipt.code).first<{ channel: string }>()
    expect(row?.channel).toBe('truc_tuyen')
  })

  it('a resend with the same Idempotency-Key creates no second letter', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM letters').first<{ n: number }>()
    const send = () =>
      SELF.fetch(url('/api/v1/submissions'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': '3f0c2a9e-7d1b-4c55-9a0e-2b6f1d8c4e71' },
        body: JSON.stringify(submission),
      })
    const first = (await (await send()).json()) as { code: string }
    const again = await send()
    expect(again.status).toBeLessThan(300)
    expect(((await again.json()) as { code: string }).code).toBe(first.code)
    const after = await env.DB.prepare('SELECT count(*) AS n FROM letters').first<{ n: number }>()
    expect(after!.n - before!.n).toBe(1)
  })

  it('keeps an attachment in R2', async () => {
    const res = await jsonRequest('POST', '/api/v1/submissions', {
      ...submission,
      attachments: [{ fileName: 'anh-duong.png', mediaType: 'image/png', data: PNG_B64 }],
    })
    expect(res.status).toBe(201)
    const listed = await env.ATTACHMENTS!.list()
    expect(listed.objects.length).toBeGreaterThan(0)
  })
})
