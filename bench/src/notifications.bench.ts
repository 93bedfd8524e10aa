// The notification worker against the local stack's mail catcher: how many e-mails per second
// one worker hands to SMTP, and the outbox latency from a change's commit to the moment SMTP
// accepted its e-mail (p50/p95), at two polling intervals.
import type { Database } from '@repo/database/types'
import { startTestStack } from '@repo/local-supabase/testing'
import { createLocalSmsProvider, createSmtpSender, createWorker, type OutboxRow } from '@repo/notifications'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'

const THROUGHPUT_JOBS = 1_000
const LATENCY_JOBS = 200
const LATENCY_GAP_MS = 25

const percentile = (values: number[], p: number) =>
  values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0

export async function run(): Promise<void> {
  const stack = await startTestStack()
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  const client = createClient<Database>(stack.info.API_URL, stack.info.SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  const email = createSmtpSender({ url: stack.info.SMTP_URL, fromAddress: 'notifications@bench.test' })
  const worker = (options: { batchSize: number; idleMs: number; afterSend?: (row: OutboxRow) => void }) =>
    createWorker({
      client,
      email,
      sms: createLocalSmsProvider(stack.info.MAILPIT_URL),
      messageIdDomain: 'bench.test',
      ...options,
    })
  try {
    const [org] = (
      await db.query<{ id: string }>(
        `insert into organizations (name, slug, timezone, email, notify_by_sms) values ('Bench Clean', 'bench-clean', 'UTC', 'office@bench.test', false) returning id`,
      )
    ).rows
    const orgId = org?.id
    await db.query(
      `insert into customers (organization_id, first_name, last_name, email)
       select $1, 'Customer', g::text, 'customer' || g || '@bench.test' from generate_series(1, 200) g`,
      [orgId],
    )
    const insertJobs = (count: number) =>
      db.query(
        `insert into jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
         select $1, c.id, 'Bench job ' || g, now() + interval '3 days', now() + interval '3 days 1 hour'
         from generate_series(1, $2) g
         join lateral (select id from customers where organization_id = $1 order by id offset (g % 200) limit 1) c on true`,
        [orgId, count],
      )
    const deadline = () => {
      const until = Date.now() + 120_000
      return () => {
        if (Date.now() > until) throw new Error('the worker did not drain the outbox within 2 minutes')
      }
    }
    const pendingBooked = async () =>
      Number(
        (
          await db.query(
            `select count(*) from notification_outbox where event = 'appointment_booked' and status <> 'sent'`,
          )
        ).rows[0]?.count,
      )

    // Throughput: a backlog of 1,000 booking e-mails, one worker.
    const rows: string[][] = []
    for (const batchSize of [20, 100]) {
      await db.query(`update notification_outbox set status = 'cancelled' where status = 'pending'`)
      await insertJobs(THROUGHPUT_JOBS)
      const w = worker({ batchSize, idleMs: 10 })
      const started = performance.now()
      w.start()
      const check = deadline()
      while ((await pendingBooked()) > 0) {
        check()
        await new Promise((r) => setTimeout(r, 50))
      }
      const seconds = (performance.now() - started) / 1000
      await w.stop()
      rows.push([`${THROUGHPUT_JOBS} e-mails, batch ${batchSize}`, `${(THROUGHPUT_JOBS / seconds).toFixed(0)} e-mails/s`, `${seconds.toFixed(2)} s`])
    }

    // Latency: one change at a time, the worker polling every idleMs.
    for (const idleMs of [100, 500]) {
      await db.query(`update notification_outbox set status = 'cancelled' where status = 'pending'`)
      const committed = new Map<string, number>()
      const latencies: number[] = []
      const w = worker({
        batchSize: 20,
        idleMs,
        afterSend: (row) => {
          const at = committed.get(row.record_id)
          if (at !== undefined && row.event === 'appointment_booked') latencies.push(performance.now() - at)
        },
      })
      w.start()
      for (let i = 0; i < LATENCY_JOBS; i++) {
        const { rows: inserted } = await db.query<{ id: string }>(
          `insert into jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
           select $1, id, 'Latency job', now() + interval '3 days', now() + interval '3 days 1 hour'
           from customers where organization_id = $1 limit 1 returning id`,
          [orgId],
        )
        // The insert returns after its commit; count from there.
        committed.set(inserted[0]?.id ?? '', performance.now())
        await new Promise((r) => setTimeout(r, LATENCY_GAP_MS))
      }
      const check = deadline()
      while ((await pendingBooked()) > 0) {
        check()
        await new Promise((r) => setTimeout(r, 50))
      }
      await w.stop()
      rows.push([
        `commit → SMTP, polling every ${idleMs} ms (${latencies.length} e-mails)`,
        `p50 ${percentile(latencies, 0.5).toFixed(0)} ms`,
        `p95 ${percentile(latencies, 0.95).toFixed(0)} ms`,
      ])
    }
    process.stdout.write('| measurement | result | |\n|---|---|---|\n')
    for (const row of rows) process.stdout.write(`| ${row.join(' | ')} |\n`)
  } finally {
    email.close()
    await db.end()
    await stack.stop()
  }
}
