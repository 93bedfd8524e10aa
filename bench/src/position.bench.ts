// A technician's position on the way to a job, as the customer's portal hears it: N positions
// broadcast on the job's private channel (`job:<id>:position`, RLS on realtime.messages) by the
// signed-in technician, received by the signed-in customer. Reports delivered/sent and the
// send-to-receipt latency (p50/p95/max) at two sending rates, with the machine's load average.
// Both clients run in this process, so their clocks agree.
import { loadavg } from 'node:os'
import { startTestStack } from '@repo/local-supabase/testing'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'

const SCENARIOS = [
  { positions: 200, gapMs: 50 },
  { positions: 200, gapMs: 5 },
]
const DRAIN_MS = 5_000
const PASSWORD = 'bench-position-password'

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
const now = () => performance.timeOrigin + performance.now()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function signedIn(apiUrl: string, anonKey: string, email: string): Promise<SupabaseClient> {
  const client = createClient(apiUrl, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD })
  if (error) throw error
  await client.realtime.setAuth()
  return client
}

function join(
  client: SupabaseClient,
  topic: string,
  onPosition?: (payload: { seq: number; sentAt: number }) => void,
) {
  const channel = client.channel(topic, { config: { private: true, broadcast: { ack: false } } })
  if (onPosition)
    channel.on('broadcast', { event: 'position' }, ({ payload }) =>
      onPosition(payload as { seq: number; sentAt: number }),
    )
  return new Promise<typeof channel>((resolve, reject) => {
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') resolve(channel)
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
        reject(error ?? new Error(`${topic}: ${status}`))
    })
  })
}

export async function run(): Promise<void> {
  const stack = await startTestStack()
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  const admin = createClient(stack.info.API_URL, stack.info.SERVICE_ROLE_KEY, {
    auth: { persistSession: false },
  })
  const clients: SupabaseClient[] = []
  try {
    const user = async (email: string) => {
      const created = await admin.auth.admin.createUser({
        email,
        password: PASSWORD,
        email_confirm: true,
      })
      if (created.error) throw created.error
      return created.data.user.id
    }
    const techUser = await user('tech@bench.test')
    const customerUser = await user('customer@bench.test')
    const one = async (text: string, values: unknown[]) =>
      (await db.query<{ id: string }>(text, values)).rows[0]?.id as string
    const org = await one(
      `insert into organizations (name, slug, timezone) values ('Bench Clean', 'bench-position', 'UTC') returning id`,
      [],
    )
    const tech = await one(
      `insert into staff_members (organization_id, user_id, full_name, role) values ($1, $2, 'Tom Bench', 'technician') returning id`,
      [org, techUser],
    )
    const customer = await one(
      `insert into customers (organization_id, first_name, last_name, portal_user_id) values ($1, 'Fern', 'Bench', $2) returning id`,
      [org, customerUser],
    )
    const job = await one(
      `insert into jobs (organization_id, customer_id, technician_id, title, status, scheduled_start, scheduled_end)
       values ($1, $2, $3, 'Bench visit', 'en_route', now() + interval '1 hour', now() + interval '2 hours') returning id`,
      [org, customer, tech],
    )
    const topic = `job:${job}:position`
    const technician = await signedIn(stack.info.API_URL, stack.info.ANON_KEY, 'tech@bench.test')
    const portal = await signedIn(stack.info.API_URL, stack.info.ANON_KEY, 'customer@bench.test')
    clients.push(technician, portal)

    const rows: string[] = []
    for (const { positions, gapMs } of SCENARIOS) {
      const receipts = new Map<number, number>()
      const listening = await join(portal, topic, ({ seq, sentAt }) =>
        receipts.set(seq, now() - sentAt),
      )
      const sending = await join(technician, topic)
      const load = loadavg()[0]?.toFixed(2)
      for (let seq = 0; seq < positions; seq++) {
        await sending.send({
          type: 'broadcast',
          event: 'position',
          payload: {
            seq,
            sentAt: now(),
            latitude: 30.26 + seq * 1e-4,
            longitude: -97.74,
            accuracy: 10,
            recordedAt: new Date().toISOString(),
          },
        })
        await sleep(gapMs)
      }
      const until = Date.now() + DRAIN_MS
      while (receipts.size < positions && Date.now() < until) await sleep(50)
      const latencies = [...receipts.values()].sort((a, b) => a - b)
      rows.push(
        `| ${positions} every ${gapMs} ms | ${receipts.size}/${positions} | ${percentile(latencies, 0.5).toFixed(1)} | ${percentile(latencies, 0.95).toFixed(1)} | ${(latencies[latencies.length - 1] ?? Number.NaN).toFixed(1)} | ${load} → ${loadavg()[0]?.toFixed(2)} |`,
      )
      await portal.removeChannel(listening)
      await technician.removeChannel(sending)
    }
    process.stdout.write(
      '| positions sent | received | p50 ms | p95 ms | max ms | load avg (1 min) |\n',
    )
    process.stdout.write('|---|---|---|---|---|---|\n')
    process.stdout.write(`${rows.join('\n')}\n`)
  } finally {
    for (const client of clients) {
      await client.removeAllChannels()
      client.realtime.disconnect()
    }
    await db.end()
    await stack.stop()
  }
}
