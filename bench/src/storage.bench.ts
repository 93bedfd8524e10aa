// Storage upload and download throughput through supabase-js, as a signed-in user writing their
// own folder of a private bucket under RLS, with the stack's memory sampled from /proc while the
// bytes flow. The stack runs as `local-supabase start` in a child process, so its RSS is its own.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'

const MiB = 1024 * 1024
const BUCKET = 'bench-files'
const BUCKET_LIMIT = 200 * MiB
const SMALL = 50 * MiB
const LARGE = 200 * MiB
const ROUNDS = 5
const SAMPLE_MS = 50

const bin = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../packages/local-supabase/bin/local-supabase.js',
)

// The CLI's default cap is 50 MiB; the 200 MiB file needs a higher one, and the bucket's own
// limit (200 MiB) is then the one in force.
const CONFIG_TOML = `[storage]
enabled = true
file_size_limit = "256MiB"
`

const POLICIES = `
create policy "bench own folder read" on storage.objects for select to authenticated
  using (bucket_id = '${BUCKET}' and (storage.foldername(name))[1] = auth.uid()::text);
create policy "bench own folder insert" on storage.objects for insert to authenticated
  with check (bucket_id = '${BUCKET}' and (storage.foldername(name))[1] = auth.uid()::text);
create policy "bench own folder delete" on storage.objects for delete to authenticated
  using (bucket_id = '${BUCKET}' and (storage.foldername(name))[1] = auth.uid()::text);
`

interface StackInfo {
  API_URL: string
  ANON_KEY: string
  SERVICE_ROLE_KEY: string
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** A project folder of its own: config.toml with the higher cap, and the policies as a migration. */
async function makeProject(root: string): Promise<void> {
  await mkdir(path.join(root, 'supabase', 'migrations'), { recursive: true })
  await writeFile(path.join(root, 'supabase', 'config.toml'), CONFIG_TOML)
  await writeFile(
    path.join(root, 'supabase', 'migrations', '20260101000000_bench_storage.sql'),
    POLICIES,
  )
}

async function startStack(
  root: string,
): Promise<{ child: ChildProcessWithoutNullStreams; info: StackInfo }> {
  const [apiPort, dbPort] = [await freePort(), await freePort()]
  const dataDir = path.join(root, 'data')
  const child = spawn(
    process.execPath,
    [
      bin,
      'start',
      '--api-port',
      String(apiPort),
      '--db-port',
      String(dbPort),
      '--mail-port',
      '0',
      '--smtp-port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: '', LOCAL_SUPABASE_PROJECT_DIR: root } },
  )
  if (process.env.BENCH_DEBUG) child.stderr.pipe(process.stderr)
  else child.stderr.resume()
  let out = ''
  const info = await new Promise<StackInfo>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      // The env lines come in one write; wait for the last one we need.
      if (!/^SERVICE_ROLE_KEY=.*$/m.test(out)) return
      const env = Object.fromEntries(
        out.split('\n').flatMap((line) => {
          const at = line.indexOf('=')
          return at > 0 ? [[line.slice(0, at), line.slice(at + 1)]] : []
        }),
      ) as Record<string, string>
      resolve({
        API_URL: env.API_URL ?? '',
        ANON_KEY: env.ANON_KEY ?? '',
        SERVICE_ROLE_KEY: env.SERVICE_ROLE_KEY ?? '',
      })
    })
    child.once('exit', (code) => reject(new Error(`local-supabase start exited with ${code}`)))
  })
  return { child, info }
}

async function stopStack(child: ChildProcessWithoutNullStreams): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await exited
}

/** VmRSS of one process in bytes (0 once it is gone). */
async function rssOf(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    return kb ? Number(kb) * 1024 : 0
  } catch {
    return 0
  }
}

async function descendants(pid: number): Promise<number[]> {
  let children: number[] = []
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')
    children = text.split(/\s+/).filter(Boolean).map(Number)
  } catch {
    return []
  }
  const deeper = await Promise.all(children.map(descendants))
  return [...children, ...deeper.flat()]
}

interface Memory {
  /** The API process (`local-supabase start`: HTTP, auth, storage, realtime). */
  api: number
  /** The API plus every process under it (PostgreSQL's); shared pages count once per process. */
  tree: number
}

async function sampleMemory(pid: number): Promise<Memory> {
  const others = await descendants(pid)
  const [api, ...rest] = await Promise.all([pid, ...others].map(rssOf))
  return { api: api ?? 0, tree: (api ?? 0) + rest.reduce((a, b) => a + b, 0) }
}

/** Samples every SAMPLE_MS until stopped; returns the peaks. */
function watchMemory(pid: number): { stop: () => Promise<Memory> } {
  const peak: Memory = { api: 0, tree: 0 }
  let busy: Promise<void> = Promise.resolve()
  const tick = () => {
    busy = sampleMemory(pid).then((m) => raise(peak, m))
  }
  tick()
  const timer = setInterval(tick, SAMPLE_MS)
  return {
    stop: async () => {
      clearInterval(timer)
      await busy
      tick()
      await busy
      return peak
    },
  }
}

/** Writes `bytes` of random data to `file` in 1 MiB chunks; returns its sha256. */
async function makeFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  const out = createWriteStream(file)
  for (let written = 0; written < bytes; written += MiB) {
    const chunk = randomBytes(Math.min(MiB, bytes - written))
    hash.update(chunk)
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return hash.digest('hex')
}

interface Transfer {
  uploadMiBs: number
  downloadMiBs: number
}

interface Peaks {
  upload: Memory
  download: Memory
}

const emptyPeaks = (): Peaks => ({ upload: { api: 0, tree: 0 }, download: { api: 0, tree: 0 } })

function raise(peak: Memory, seen: Memory): void {
  peak.api = Math.max(peak.api, seen.api)
  peak.tree = Math.max(peak.tree, seen.tree)
}

/**
 * One upload (streamed from disk) and one download (streamed, hashed, discarded), then removes
 * it; the stack's memory peaks of each half are raised into `peaks`.
 */
async function roundTrip(
  user: SupabaseClient,
  pid: number,
  peaks: Peaks,
  key: string,
  file: string,
  bytes: number,
  sha256: string,
): Promise<Transfer> {
  const bucket = user.storage.from(BUCKET)
  // A web stream over the file: storage-js sends it as the body with `duplex: 'half'`, unbuffered.
  const body = Readable.toWeb(
    createReadStream(file, { highWaterMark: MiB }),
  ) as ReadableStream<Uint8Array>
  let watch = watchMemory(pid)
  const t0 = performance.now()
  const up = await bucket.upload(key, body, { contentType: 'application/octet-stream' })
  const t1 = performance.now()
  raise(peaks.upload, await watch.stop())
  if (up.error) throw new Error(`upload ${key}: ${up.error.message}`)

  watch = watchMemory(pid)
  const down = await bucket.download(key).asStream()
  if (down.error) throw new Error(`download ${key}: ${down.error.message}`)
  const hash = createHash('sha256')
  let received = 0
  await pipeline(
    Readable.fromWeb(down.data as import('node:stream/web').ReadableStream<Uint8Array>),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length
        hash.update(chunk)
        done()
      },
    }),
  )
  const t2 = performance.now()
  raise(peaks.download, await watch.stop())
  if (received !== bytes) throw new Error(`download ${key}: ${received} bytes, expected ${bytes}`)
  if (hash.digest('hex') !== sha256)
    throw new Error(`download ${key}: sha256 differs from the upload`)

  const removed = await bucket.remove([key])
  if (removed.error) throw new Error(`remove ${key}: ${removed.error.message}`)
  return {
    uploadMiBs: bytes / MiB / ((t1 - t0) / 1000),
    downloadMiBs: bytes / MiB / ((t2 - t1) / 1000),
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const mb = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`
const rate = (xs: number[]) =>
  `${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${Math.max(...xs).toFixed(1)}`

export async function run(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-storage-'))
  // Enterable by the postgres OS user (as root), so the cluster is removed with the folder.
  await chmod(root, 0o755)
  await makeProject(root)
  const smallFile = path.join(root, 'small.bin')
  const largeFile = path.join(root, 'large.bin')
  const smallSha = await makeFile(smallFile, SMALL)
  const largeSha = await makeFile(largeFile, LARGE)

  const { child, info } = await startStack(root)
  try {
    const pid = child.pid ?? 0
    const admin = createClient(info.API_URL, info.SERVICE_ROLE_KEY, {
      auth: { persistSession: false },
    })
    const bucket = await admin.storage.createBucket(BUCKET, {
      public: false,
      fileSizeLimit: BUCKET_LIMIT,
    })
    if (bucket.error) throw new Error(`createBucket: ${bucket.error.message}`)
    const email = 'bench-storage@example.test'
    const password = 'bench-storage-password'
    const created = await admin.auth.admin.createUser({ email, password, email_confirm: true })
    if (created.error) throw new Error(`createUser: ${created.error.message}`)
    const userId = created.data.user.id
    const user = createClient(info.API_URL, info.ANON_KEY, { auth: { persistSession: false } })
    const signedIn = await user.auth.signInWithPassword({ email, password })
    if (signedIn.error) throw new Error(`signIn: ${signedIn.error.message}`)

    // Let the start-up settle before the baseline.
    await new Promise((r) => setTimeout(r, 1_000))
    const baseline = await sampleMemory(pid)

    const small: Transfer[] = []
    const smallPeaks = emptyPeaks()
    for (let i = 0; i < ROUNDS; i++) {
      small.push(
        await roundTrip(
          user,
          pid,
          smallPeaks,
          `${userId}/small-${i}.bin`,
          smallFile,
          SMALL,
          smallSha,
        ),
      )
    }
    const largePeaks = emptyPeaks()
    const large = await roundTrip(
      user,
      pid,
      largePeaks,
      `${userId}/large.bin`,
      largeFile,
      LARGE,
      largeSha,
    )

    // The bucket's limit holds: one byte over is refused.
    const over = await user.storage
      .from(BUCKET)
      .upload(`${userId}/over.bin`, new Uint8Array(BUCKET_LIMIT + 1))
    const overNote = over.error
      ? `refused (${over.error.message})`
      : 'ACCEPTED (limit not enforced)'

    process.stdout.write(
      [
        '| transfer | size | rounds | MiB/s p50 | min | max | API RSS peak | stack RSS peak (API + PostgreSQL) |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        `| baseline before transfers | - | - | - | - | - | ${mb(baseline.api)} | ${mb(baseline.tree)} |`,
        `| upload (supabase-js \`upload\`, streamed from disk) | ${mb(SMALL)} | ${ROUNDS} | ${rate(small.map((t) => t.uploadMiBs))} | ${mb(smallPeaks.upload.api)} | ${mb(smallPeaks.upload.tree)} |`,
        `| download (supabase-js \`download().asStream()\`, sha256 checked) | ${mb(SMALL)} | ${ROUNDS} | ${rate(small.map((t) => t.downloadMiBs))} | ${mb(smallPeaks.download.api)} | ${mb(smallPeaks.download.tree)} |`,
        `| upload (supabase-js \`upload\`, streamed from disk) | ${mb(LARGE)} | 1 | ${rate([large.uploadMiBs])} | ${mb(largePeaks.upload.api)} | ${mb(largePeaks.upload.tree)} |`,
        `| download (supabase-js \`download().asStream()\`, sha256 checked) | ${mb(LARGE)} | 1 | ${rate([large.downloadMiBs])} | ${mb(largePeaks.download.api)} | ${mb(largePeaks.download.tree)} |`,
        '',
        `Private bucket, ${mb(BUCKET_LIMIT)} limit; a signed-in user writes their own folder under RLS. ` +
          `RSS sampled from /proc every ${SAMPLE_MS} ms (peak over the rounds of each row). ` +
          `One byte over the bucket limit: ${overNote}.`,
        '',
      ].join('\n'),
    )
  } finally {
    await stopStack(child)
    await rm(root, { recursive: true, force: true })
  }
}
