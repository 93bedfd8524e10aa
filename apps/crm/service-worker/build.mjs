// Bundles the service worker (service-worker/sw.ts + serwist) into public/sw.js, minified, before
// `next build`. A standalone bundle, because Next's own build (Turbopack) has no service-worker
// entry. Run with plain Node: `node service-worker/build.mjs`.
import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname

await build({
  entryPoints: [`${root}service-worker/sw.ts`],
  outfile: `${root}public/sw.js`,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
})
