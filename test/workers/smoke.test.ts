import { SELF, env } from 'cloudflare:test'
import { expect, it } from 'vitest'
it('smoke', async () => {
  const res = await SELF.fetch('http://example.com/')
  console.log(res.status, (await res.text()).slice(0, 300))
  console.log(await env.DB.prepare('select count(*) n from agencies').first())
})
it('smoke2', async () => {
  console.log(await env.DB.prepare('select count(*) n from agencies').first())
})
