// Prints first-load JS per route of an app's last `next build` (Next 16 no longer prints it):
// the shared main chunks plus every client chunk of the route's layouts, page and the boundaries
// rendered around them (error, not-found, loading, global-error: their client components load
// with the page), gzipped. Matches Next's own .next/diagnostics/route-bundle-stats.json.
// Usage: node scripts/first-load-js.mjs apps/portal
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
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
  if (!sizes.has(file))
    sizes.set(file, gzipSync(readFileSync(path.join(next, decodeURIComponent(file)))).length)
  return sizes.get(file)
}

// The manifest is a script assigning globalThis.__RSC_MANIFEST[page]; run it in an empty context.
function readManifest(file) {
  const context = { globalThis: {} }
  vm.runInNewContext(readFileSync(file, 'utf8'), context)
  return Object.values(context.globalThis.__RSC_MANIFEST)[0]
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
  // Turbopack writes a build manifest per page; webpack one for the app.
  const perPage = path.join(routeDir, 'page', 'build-manifest.json')
  const build = JSON.parse(
    readFileSync(existsSync(perPage) ? perPage : path.join(next, 'build-manifest.json'), 'utf8'),
  )
  const manifest = readManifest(file)
  const route =
    `/${path.relative(appDir, routeDir)}`.replace(/\/\([^)]+\)/g, '').replace(/^\/$/, '/') || '/'
  if (route.startsWith('/_')) continue
  const files = new Set(build.rootMainFiles)
  if (manifest.entryJSFiles) {
    for (const [entry, chunks] of Object.entries(manifest.entryJSFiles)) {
      // Only the layouts, boundaries and page on this route's path.
      const segment = entry
        .replace(/^.*\/src\/app/, '')
        .replace(/\/(page|layout|error|not-found|loading|global-error)$/, '')
      const routeSegment = `/${path.relative(appDir, routeDir)}`.replace(/\/$/, '')
      if (routeSegment === segment || routeSegment.startsWith(`${segment}/`) || segment === '') {
        for (const c of chunks) files.add(c)
      }
    }
  } else {
    // webpack: each client module on this route lists its chunks as [id, file, id, file, …].
    for (const { chunks } of Object.values(manifest.clientModules)) {
      for (const c of chunks) if (c.startsWith('static/')) files.add(c)
    }
  }
  const total = [...files].reduce((sum, f) => sum + gz(f), 0)
  rows.push([route || '/', total])
}
rows.sort((a, b) => a[0].localeCompare(b[0]))
const width = Math.max(...rows.map(([r]) => r.length))
console.log(`\n${appArg}\n${'Route'.padEnd(width)}  First-load JS (gzip)`)
for (const [route, bytes] of rows)
  console.log(`${route.padEnd(width)}  ${(bytes / 1024).toFixed(1)} kB`)
