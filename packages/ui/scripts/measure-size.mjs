// Client-side weight of each kit component: bundles an entry per subpath export with esbuild
// (minified, production React, tree-shaken; React itself external because every page already
// ships it) and prints raw and gzip bytes. Run: pnpm --filter @repo/ui size
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

async function measure(source) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'tsx' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'error',
  })
  const code = result.outputFiles[0].contents
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length }
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(6)
const rows = []
const core = await measure(`export { cn } from './src/cn.ts'`)

for (const [subpath, file] of Object.entries(exports)) {
  if (!file.match(/\.tsx?$/)) continue
  // Every export of the subpath kept: the most a page can pay for importing it.
  const size = await measure(`export * from '${file}'`)
  rows.push([`@repo/ui${subpath.slice(1)}`, size])
}

const pages = {
  'page: Button + Badge + Card': `export { Button } from './src/button.tsx'
export { Badge } from './src/badge.tsx'
export { Card, CardHeader } from './src/card.tsx'`,
  'page: Button + Badge + Dialog': `export { Button } from './src/button.tsx'
export { Badge } from './src/badge.tsx'
export * from './src/dialog.tsx'`,
  'page: form (Field, Select, DateTimeField, Button)': `export { TextField } from './src/field.tsx'
export * from './src/select.tsx'
export { DateTimeField } from './src/date-time-field.tsx'
export { Button } from './src/button.tsx'`,
}
for (const [name, source] of Object.entries(pages)) rows.push([name, await measure(source)])

console.log(`${'entry'.padEnd(52)}  min kB  gzip kB  gzip beyond cn`)
for (const [name, { raw, gzip }] of rows) {
  console.log(`${name.padEnd(52)}  ${kb(raw)}  ${kb(gzip)}   ${kb(Math.max(gzip - core.gzip, 0))}`)
}
console.log(
  `\ncn (clsx + tailwind-merge), shared by all: ${kb(core.raw).trim()} kB min, ${kb(core.gzip).trim()} kB gzip`,
)
