// Copies browser vendor files out of node_modules into public/, with the version in the
// file name so they can be served with an immutable cache header on both runtimes.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const vendorDir = join(root, 'public', 'static', 'vendor')
mkdirSync(vendorDir, { recursive: true })

const htmxDir = join(root, 'node_modules', 'htmx.org')
if (existsSync(htmxDir)) {
  const { version } = JSON.parse(readFileSync(join(htmxDir, 'package.json'), 'utf8'))
  copyFileSync(join(htmxDir, 'dist', 'htmx.min.js'), join(vendorDir, `htmx-${version}.min.js`))
}
