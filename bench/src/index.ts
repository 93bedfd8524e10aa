// Runs every `*.bench.ts` in this folder in turn (or those named on the command line),
// each printing its own table. Not part of `pnpm test`.
import { readdir } from 'node:fs/promises'

const only = process.argv.slice(2)
const dir = new URL('.', import.meta.url)
const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort()
for (const file of files) {
  if (only.length && !only.some((name) => file.includes(name))) continue
  process.stdout.write(`\n## ${file.replace('.bench.ts', '')}\n\n`)
  const mod = (await import(new URL(file, dir).href)) as { run: () => Promise<void> }
  await mod.run()
}
