// Prints first-load JS per route of an app's last `next build` (Next 16 no longer prints it):
// the shared main chunks plus every client chunk of the route's layouts, page and the boundaries
// rendered around them (error, not-found, loading, global-error: their client components load
// with the page), gzipped. Matches Next's own .next/diagnostics/route-bundle-stats.json.
// Usage: node scripts/first-load-js.mjs apps/portal
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

const appArg = process.argv[2]
if (!appArg) {
  process.stderr.write('usage: node scripts/first-load-js.mjs <app dir, e.g. apps/portal>\n')
  process.exit(2)
}
const next = path.resolve(appArg, '.next')
const appDir = path.join(next, 'server', 'app')
const sizes = new Map()
const gz = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(path.join(next, file))).length)
  return sizes.get(file)
}

function* manifests(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) yield* manifests(full)
    else if (name === 'page_client-reference-manifest.js') yield full
  }
}

const rows = []
for (const file of manifests(appDir)) {
  const routeDir = path.dirname(file)
  const build = JSON.parse(readFileSync(path.join(routeDir, 'page', 'build-manifest.json'), 'utf8'))
  const source = readFileSync(file, 'utf8')
  const json = source.slice(source.indexOf('= {', source.indexOf('__RSC_MANIFEST[')) + 2, source.lastIndexOf('}') + 1)
  const entries = JSON.parse(json).entryJSFiles ?? {}
  const route = `/${path.relative(appDir, routeDir)}`.replace(/\/\([^)]+\)/g, '').replace(/^\/$/, '/') || '/'
  if (route.startsWith('/_')) continue
  const files = new Set(build.rootMainFiles)
  for (const [entry, chunks] of Object.entries(entries)) {
    // Only the layouts, boundaries and page on this route's path.
    const segment = entry.replace(/^.*\/src\/app/, '').replace(/\/(page|layout|error|not-found|loading|global-error)$/, '')
    const routeSegment = `/${path.relative(appDir, routeDir)}`.replace(/\/$/, '')
    if (routeSegment === segment || routeSegment.startsWith(`${segment}/`) || segment === '') {
      for (const c of chunks) files.add(c)
    }
  }
  const total = [...files].reduce((sum, f) => sum + gz(f), 0)
  rows.push([route || '/', total])
}
rows.sort((a, b) => a[0].localeCompare(b[0]))
const width = Math.max(...rows.map(([r]) => r.length))
console.log(`\n${appArg}\n${'Route'.padEnd(width)}  First-load JS (gzip)`)
for (const [route, bytes] of rows) console.log(`${route.padEnd(width)}  ${(bytes / 1024).toFixed(1)} kB`)
