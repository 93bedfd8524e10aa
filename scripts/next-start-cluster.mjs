// `next start` on every core of one machine. `next start` is a single Node process, so it uses one
// core however many there are; this starts WEB_CONCURRENCY of them (default: the cores this process
// may use) as workers of node:cluster, which share the listening port (the primary accepts and hands
// connections out in turn). Arguments are `next start`'s own: run it in the app's folder, e.g.
//   node ../../scripts/next-start-cluster.mjs --port 3001
// Hosted platforms scale differently: Vercel runs each function instance as its own process and adds
// instances with traffic; containers run one per replica (set WEB_CONCURRENCY to the cores of one).
import cluster from 'node:cluster'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? '', 10)
const workers = Number.isInteger(requested) && requested > 0 ? requested : os.availableParallelism()
const nextBin = createRequire(path.join(process.cwd(), 'package.json')).resolve(
  'next/dist/bin/next',
)

cluster.setupPrimary({ exec: nextBin, args: ['start', ...process.argv.slice(2)] })

let stopping = false
const listening = new WeakSet()
cluster.on('listening', (worker) => listening.add(worker))
cluster.on('exit', (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
    return
  }
  // A worker that never listened (bad settings, port taken) would fail again: stop, with its code.
  if (!listening.has(worker)) {
    stopping = true
    for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
    process.exitCode = code || 1
    return
  }
  process.stderr.write(
    `next worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`,
  )
  cluster.fork()
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true
    const running = Object.values(cluster.workers ?? {})
    if (running.length === 0) process.exit(0)
    for (const worker of running) worker?.process.kill(signal)
  })
}

for (let i = 0; i < workers; i++) cluster.fork()
