// The heaviest items of the `.cpuprofile` files in a folder (written by `--cpu-prof`, e.g. by
// `PORTAL_BENCH_CPU_PROF=<dir> pnpm bench portal`): self time by code location (the package or
// bundled chunk a function lives in) and by function, as a share of all samples.
// Usage: tsx src/cpu-profile-top.ts <dir> [rows]
import { readFileSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

// Bundled server chunks have hashed names: name them by what they hold (when the build that was
// profiled is still on disk).
const BUNDLED: Array<[RegExp, string]> = [
  [/GoTrueClient|PostgrestBuilder|RealtimeClient/, '@supabase/* (bundled)'],
  [/@supabase\/ssr|createServerClient/, '@supabase/ssr (bundled)'],
]
const chunkNames = new Map<string, string>()
function bundledName(url: string, fallback: string): string {
  const cached = chunkNames.get(url)
  if (cached) return cached
  let name = fallback
  try {
    const text = readFileSync(fileURLToPath(url), 'utf8')
    name = BUNDLED.find(([pattern]) => pattern.test(text))?.[1] ?? fallback
  } catch {
    // The build is gone: keep the chunk's name.
  }
  chunkNames.set(url, name)
  return name
}

/** A readable place for a script URL: the npm package, the bundled chunk, or Node's own code. */
function place(url: string): string {
  if (!url) return '(native / V8)'
  if (url.startsWith('node:')) return url
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)
  const chunk = url.match(/\.next\/server\/(.+)$/)
  if (chunk)
    return bundledName(
      url,
      `.next/server/${(chunk[1] as string).replace(/_[0-9a-z-]{8,}\._?\.js$/, '…js')}`,
    )
  if (pkg) return pkg[1] as string
  return path.basename(url)
}

const dir = process.argv[2]
if (!dir) throw new Error('usage: tsx src/cpu-profile-top.ts <dir> [rows]')
const rows = Number(process.argv[3] ?? 15)
const byPlace = new Map<string, number>()
const byFunction = new Map<string, number>()
let total = 0
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Profile
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  // Time per sample: the delta that follows it (microseconds).
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)
    const us = profile.timeDeltas[i + 1] ?? 0
    if (!node || node.callFrame.functionName === '(idle)') return
    total += us
    const where = place(node.callFrame.url)
    byPlace.set(where, (byPlace.get(where) ?? 0) + us)
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${where}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us)
  })
}
const table = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n| ${title} | self % |\n| --- | ---: |\n`)
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    process.stdout.write(`| \`${name}\` | ${((100 * us) / total).toFixed(1)} |\n`)
  }
}
process.stdout.write(`${(total / 1e6).toFixed(1)} s of busy CPU samples\n`)
table('where', byPlace)
table('function', byFunction)
