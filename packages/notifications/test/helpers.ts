import { randomUUID } from 'node:crypto'
import type { Database } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'
import { createLocalSmsProvider } from '../src/sms/local-provider.ts'
import { createSmtpSender } from '../src/email/smtp-sender.ts'
import { createWorker, type WorkerOptions } from '../src/worker.ts'

export const stackEnv = () => inject('stack')

export function serviceClient() {
  const env = stackEnv()
  return createClient<Database>(env.API_URL, env.SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
}

let shared: pg.Pool | null = null
/** Owner-level SQL, for set-up and for reading what is really stored. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
) {
  shared ??= new pg.Pool({ connectionString: stackEnv().DB_URL, max: 3 })
  return (await shared.query<T>(text, values)).rows
}
export async function closeSql() {
  await shared?.end()
  shared = null
}

/** A worker against the test stack's catcher; options override the defaults. */
export function testWorker(options: Partial<WorkerOptions> = {}) {
  const env = stackEnv()
  return createWorker({
    client: serviceClient(),
    email: createSmtpSender({ url: env.SMTP_URL, fromAddress: 'notifications@dirtfree.test' }),
    sms: createLocalSmsProvider(env.MAILPIT_URL),
    messageIdDomain: 'dirtfree.test',
    idleMs: 50,
    ...options,
  })
}

/** Nothing left over from an earlier test is due any more. */
export async function quietQueue() {
  await sql(
    `update notification_outbox set status = 'cancelled' where status in ('pending', 'sending')`,
  )
}

export interface Business {
  organizationId: string
  customerId: string
  email: string
  phone: string
}

/** A business (UTC, no quiet hours unless asked) with one customer who has an e-mail and a phone. */
export async function createBusiness(
  options: { prefs?: Record<string, boolean>; org?: Record<string, unknown> } = {},
): Promise<Business> {
  const tag = randomUUID().slice(0, 8)
  const org = {
    notify_by_email: true,
    notify_by_sms: true,
    sms_quiet_start: '00:00',
    sms_quiet_end: '00:00',
    ...options.org,
  }
  const [o] = await sql<{ id: string }>(
    `insert into organizations (name, slug, timezone, email, phone, notify_by_email, notify_by_sms, sms_quiet_start, sms_quiet_end)
     values ($1, $2, 'UTC', $3, '+1 555 0100', $4, $5, $6, $7) returning id`,
    [
      `Shine ${tag}`,
      `shine-${tag}`,
      `office-${tag}@shine.test`,
      org.notify_by_email,
      org.notify_by_sms,
      org.sms_quiet_start,
      org.sms_quiet_end,
    ],
  )
  const email = `cust-${tag}@example.test`
  const phone = `+1555${Math.floor(Math.random() * 1e7)
    .toString()
    .padStart(7, '0')}`
  const [c] = await sql<{ id: string }>(
    `insert into customers (organization_id, first_name, last_name, email, phone, notification_preferences)
     values ($1, 'Alice', 'Tester', $2, $3, $4) returning id`,
    [o?.id, email, phone, JSON.stringify({ email: true, sms: true, ...options.prefs })],
  )
  return { organizationId: o?.id ?? '', customerId: c?.id ?? '', email, phone }
}

/** A job `hoursAhead` from now, an hour long. */
export async function createJob(b: Business, hoursAhead = 48, title = 'Carpet cleaning') {
  const [job] = await sql<{ id: string }>(
    `insert into jobs (organization_id, customer_id, title, status, scheduled_start, scheduled_end)
     values ($1, $2, $3, 'scheduled', now() + make_interval(hours => $4), now() + make_interval(hours => $4 + 1))
     returning id`,
    [b.organizationId, b.customerId, title, hoursAhead],
  )
  return job?.id ?? ''
}

/** A technician of the business (no login), for jobs that need one. */
export async function createTechnician(b: Business, fullName = 'Tom Baker') {
  const [s] = await sql<{ id: string }>(
    `insert into staff_members (organization_id, full_name, role) values ($1, $2, 'technician') returning id`,
    [b.organizationId, fullName],
  )
  return s?.id ?? ''
}

export interface OutboxLine {
  id: string
  event: string
  channel: string
  status: string
  attempts: number
  due_at: Date
  last_error: string | null
  recipient: string
}

export function outboxOf(b: Business) {
  return sql<OutboxLine>(
    `select id, event, channel, status, attempts, due_at, last_error, recipient
       from notification_outbox where customer_id = $1 order by event, channel`,
    [b.customerId],
  )
}

interface Listing {
  messages_count: number
  messages: { ID: string; Subject: string; MessageID: string }[]
}

export async function mailsTo(address: string): Promise<Listing> {
  const res = await fetch(
    `${stackEnv().MAILPIT_URL}/api/v1/search?query=${encodeURIComponent(`to:${address}`)}`,
  )
  return (await res.json()) as Listing
}

export async function textsTo(
  phone: string,
): Promise<{ count: number; messages: { Body: string }[] }> {
  const res = await fetch(`${stackEnv().MAILPIT_URL}/api/v1/sms?to=${encodeURIComponent(phone)}`)
  return (await res.json()) as { count: number; messages: { Body: string }[] }
}
