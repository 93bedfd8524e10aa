// Runs PostgreSQL as a child and makes sure it cannot outlive the stack that started it.
//
// The stack keeps this process's stdin open and never writes to it. When the stack exits for any
// reason (SIGKILL included), the kernel closes that pipe; we then shut PostgreSQL down (fast
// shutdown, then immediate) and exit. SIGTERM/SIGINT from the stack do the same, in order.
// PostgreSQL's own log goes straight to our stderr, which the stack reads.
//
// argv[2]: JSON {postgres, args, uid, gid} — plain JavaScript, so it runs without a TS loader.
import { spawn } from 'node:child_process'

const { postgres, args, uid, gid } = JSON.parse(process.argv[2] ?? '{}')
const server = spawn(postgres, args, {
  uid,
  gid,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, LC_MESSAGES: 'C' },
})
// Tell the stack which pid to watch (the pid file appears only once the server is up).
process.stdout.write(`${JSON.stringify({ pid: server.pid })}\n`)

let stopping = false
function stop() {
  if (stopping) return
  stopping = true
  server.kill('SIGINT')
  setTimeout(() => server.kill('SIGQUIT'), 10_000).unref()
  setTimeout(() => server.kill('SIGKILL'), 20_000).unref()
}

server.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + (signalNumbers[signal] ?? 0) : 1)
  process.stdin.destroy()
})
server.on('error', (error) => {
  process.stderr.write(`could not start PostgreSQL: ${error.message}\n`)
  process.exitCode = 1
  process.stdin.destroy()
})

process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.on('SIGHUP', stop)
// The stack may be gone: never die of a write to a closed pipe.
process.stdout.on('error', () => undefined)
process.stderr.on('error', () => undefined)

const signalNumbers = { SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGABRT: 6, SIGSEGV: 11 }
