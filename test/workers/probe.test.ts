import { SELF, env } from 'cloudflare:test'
import { it } from 'vitest'
it('probe', async () => {
  for (const p of ['/static/css/app.css', '/static/vendor/htmx-4.0.1.min.js', '/_headers']) {
    const r = await SELF.fetch('https://pakn.test' + p)
    console.log(p, r.status, [...r.headers].map(h=>h.join(': ')).join(' | '), (await r.text()).slice(0, 80))
  }
  console.log(Object.keys(env))
})
