// Cold start (new data dir: initdb, bootstrap, migrations) and warm restart (existing data dir)
// of `local-supabase start`, measured from process spawn to the ready lines on stdout.
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/local-supabase/bin/local-supabase.js')

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function timeStart(dataDir: string): Promise<number> {
  const [apiPort, dbPort] = [await freePort(), await freePort()]
  const started = performance.now()
  const child = spawn(process.execPath, [bin, 'start', '--api-port', String(apiPort), '--db-port', String(dbPort), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'],
    env: { ...process.env, DATABASE_URL: '' },
  })
  let out = ''
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('JWT_SECRET=')) resolve(performance.now() - started)
    })
    child.once('exit', (code) => reject(new Error(`start exited with ${code}`)))
  })
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
  return ms
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

export async function run(): Promise<void> {
  const rounds = 3
  const cold: number[] = []
  const warm: number[] = []
  for (let i = 0; i < rounds; i++) {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-startup-'))
    // Enterable by the postgres OS user (as root), so the cluster is removed with the folder.
    await chmod(dir, 0o755)
    cold.push(await timeStart(dir))
    warm.push(await timeStart(dir))
    await rm(dir, { recursive: true, force: true })
  }
  const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms`
  process.stdout.write('| start | median | min | max |\n|---|---|---|---|\n')
  process.stdout.write(`| cold (new data dir, initdb + bootstrap + migrations) | ${fmt(cold)} |\n`)
  process.stdout.write(`| warm restart (existing data dir) | ${fmt(warm)} |\n`)
  process.stdout.write(`\n${rounds} rounds; process spawn to the ready lines on stdout.\n`)
}
