/**
 * node scripts/build-node.mjs [entry] [outfile]   (`npm run build`; `npm start` runs it first)
 *
 * Bundles the Node server (default src/entry/node.ts → dist/node/server.mjs) into one ES module
 * that plain `node` runs. Running the TypeScript through tsx instead keeps a loader thread with
 * its own V8 heap and every module's transpiled source in memory: ~90 MB more resident memory
 * for the same server (bench/analysis.md). better-sqlite3 stays outside (a native addon).
 *
 * The bundle must sit two directories below the project root, as src/db/migrate.ts and
 * src/entry/node-server.ts do: they find migrations/ and public/ relative to their own URL.
 */
import { build } from 'esbuild'
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildNode(entry = 'src/entry/node.ts', outfile = 'dist/node/server.mjs') {
  const out = resolve(ROOT, outfile)
  const depth = relative(ROOT, dirname(out)).split(sep)
  if (depth.length !== 2 || depth.includes('..')) throw new Error(`the bundle must be two directories below the project root: ${outfile}`)
  await build({
    entryPoints: [resolve(ROOT, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    external: ['better-sqlite3'],
    // CommonJS dependencies bundled into an ES module still call require()
    banner: { js: "import { createRequire as __pakn_createRequire } from 'node:module'; const require = __pakn_createRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  })
  return out
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildNode(process.argv[2], process.argv[3])
}
