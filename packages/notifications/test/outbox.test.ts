import pg from 'pg'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  closeSql,
  createBusiness,
  createJob,
  mailsTo,
  outboxOf,
  quietQueue,
  serviceClient,
  sql,
  stackEnv,
  testWorker,
  textsTo,
} from './helpers.ts'

afterAll(closeSql)
beforeEach(quietQueue)

const booked = <T extends { event: string }>(rows: T[]) =>
  rows.filter((r) => r.event === 'appointment_booked')

describe('the outbox: a change enqueues its notifications in the same transaction', () => {
  it('a booking enqueues exactly one notification per enabled channel, and a reminder per channel', async () => {
    const b = await createBusiness()
    const jobId = await createJob(b)
    await sql(`update jobs set notes = 'Gate code 1234' where id = $1`, [jobId])
    await sql(`update jobs set price_cents = 15000 where id = $1`, [jobId])
    const rows = await outboxOf(b)
    expect(booked(rows).map((r) => [r.channel, r.recipient])).toEqual([
      ['email', b.email],
      ['sms', b.phone],
    ])
    const reminders = rows.filter((r) => r.event === 'appointment_reminder')
    expect(reminders.map((r) => r.channel)).toEqual(['email', 'sms'])
    // 24 hours before a start 48 hours ahead.
    const due = reminders[0]?.due_at.getTime() ?? 0
    expect(Math.abs(due - (Date.now() + 24 * 3600_000))).toBeLessThan(60_000)
    expect(rows).toHaveLength(4)
  })

  it('follows the switches: customer master switch, event group switch, business channel', async () => {
    const smsOff = await createBusiness({ prefs: { sms: false } })
    await createJob(smsOff)
    expect(booked(await outboxOf(smsOff)).map((r) => r.channel)).toEqual(['email'])

    const noAppointmentMail = await createBusiness({ prefs: { appointments_email: false } })
    await createJob(noAppointmentMail)
    const rows = await outboxOf(noAppointmentMail)
    expect(booked(rows).map((r) => r.channel)).toEqual(['sms'])
    expect(rows.filter((r) => r.event === 'appointment_reminder').map((r) => r.channel)).toEqual([
      'email',
      'sms',
    ])

    const businessWithoutSms = await createBusiness({ org: { notify_by_sms: false } })
    await createJob(businessWithoutSms)
    expect((await outboxOf(businessWithoutSms)).every((r) => r.channel === 'email')).toBe(true)
  })

  it('the rows are part of the change: seen inside its transaction, gone with its rollback', async () => {
    const b = await createBusiness()
    const client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
    try {
      await client.query('begin')
      await client.query(
        `insert into jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
         values ($1, $2, 'x', now() + interval '2 days', now() + interval '2 days 1 hour')`,
        [b.organizationId, b.customerId],
      )
      const inside = await client.query(
        'select count(*)::int as n from notification_outbox where customer_id = $1',
        [b.customerId],
      )
      expect(inside.rows[0]?.n).toBe(4)
      await client.query('rollback')
    } finally {
      await client.end()
    }
    expect(await outboxOf(b)).toHaveLength(0)
  })

  it('an invoice written as sent and then given its lines is announced with the final balance', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    const client = new pg.Client({ connectionString: stackEnv().DB_URL })
    await client.connect()
    try {
      await client.query('begin')
      const { rows } = await client.query<{ id: string }>(
        `insert into invoices (organization_id, customer_id, status, due_at) values ($1, $2, 'sent', now() + interval '7 days') returning id`,
        [b.organizationId, b.customerId],
      )
      await client.query(
        `insert into invoice_line_items (invoice_id, description, quantity, unit_price_cents) values ($1, 'Clean', 2, 4500)`,
        [rows[0]?.id],
      )
      await client.query('commit')
    } finally {
      await client.end()
    }
    const [row] = await sql<{ payload: { balance_cents: number } }>(
      `select payload from notification_outbox where customer_id = $1 and event = 'invoice_sent'`,
      [b.customerId],
    )
    expect(row?.payload.balance_cents).toBe(9000)
  })

  it('moving a job notifies once per new time and replaces its reminder; cancelling withdraws it', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    const jobId = await createJob(b)
    await sql(
      `update jobs set scheduled_start = scheduled_start + interval '1 day', scheduled_end = scheduled_end + interval '1 day' where id = $1`,
      [jobId],
    )
    let rows = await outboxOf(b)
    expect(rows.filter((r) => r.event === 'appointment_rescheduled')).toHaveLength(1)
    expect(
      rows
        .filter((r) => r.event === 'appointment_reminder')
        .map((r) => r.status)
        .sort(),
    ).toEqual(['cancelled', 'pending'])
    await sql(
      `update jobs set status = 'cancelled', cancellation_reason = 'Moving house' where id = $1`,
      [jobId],
    )
    await sql(`update jobs set notes = 'after cancel' where id = $1`, [jobId])
    rows = await outboxOf(b)
    expect(rows.filter((r) => r.event === 'appointment_cancelled')).toHaveLength(1)
    expect(
      rows.filter((r) => r.event === 'appointment_reminder' && r.status === 'pending'),
    ).toHaveLength(0)
  })

  it('confirmed, invoice sent and payment receipt each enqueue once', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    const jobId = await createJob(b)
    await sql(`update jobs set status = 'confirmed' where id = $1`, [jobId])
    await sql(`update jobs set notes = 'still confirmed' where id = $1`, [jobId])
    const [invoice] = await sql<{ id: string }>(
      `insert into invoices (organization_id, customer_id, job_id, status) values ($1, $2, $3, 'draft') returning id`,
      [b.organizationId, b.customerId, jobId],
    )
    await sql(
      `insert into invoice_line_items (invoice_id, description, quantity, unit_price_cents) values ($1, 'Clean', 1, 12000)`,
      [invoice?.id],
    )
    await sql(
      `update invoices set status = 'sent', due_at = now() + interval '14 days' where id = $1`,
      [invoice?.id],
    )
    await sql(
      `insert into payments (organization_id, customer_id, invoice_id, amount_cents, method, status, received_at)
       values ($1, $2, $3, 12000, 'cash', 'succeeded', now())`,
      [b.organizationId, b.customerId, invoice?.id],
    )
    const events = (await outboxOf(b))
      .filter((r) => r.event !== 'appointment_reminder')
      .map((r) => r.event)
    expect(events).toEqual([
      'appointment_booked',
      'appointment_confirmed',
      'invoice_sent',
      'payment_receipt',
    ])
  })
})

describe('the worker: delivery, retries, dead letters, exactly once', () => {
  it('delivers the e-mail (HTML + text, the business named) and the text message', async () => {
    const b = await createBusiness()
    await createJob(b, 48, 'Upholstery cleaning')
    const round = await testWorker().runOnce()
    expect(round.sent).toBeGreaterThanOrEqual(2)
    const mails = await mailsTo(b.email)
    expect(mails.messages_count).toBe(1)
    expect(mails.messages[0]?.Subject).toMatch(/^Booked: Upholstery cleaning on /)
    const texts = await textsTo(b.phone)
    expect(texts.count).toBe(1)
    expect(texts.messages[0]?.Body).toMatch(
      /^Shine [0-9a-f]{8}: Upholstery cleaning is booked for /,
    )
    const statuses = (await outboxOf(b))
      .filter((r) => r.event === 'appointment_booked')
      .map((r) => r.status)
    expect(statuses).toEqual(['sent', 'sent'])
  })

  it('a worker that dies after sending and before marking done does not send twice', async () => {
    const b = await createBusiness()
    await createJob(b)
    const crashing = testWorker({
      leaseSeconds: 1,
      afterSend: () => {
        throw new Error('worker killed')
      },
    })
    await expect(crashing.runOnce()).rejects.toThrow('worker killed')
    expect((await mailsTo(b.email)).messages_count).toBe(1)
    expect(
      (await outboxOf(b)).filter((r) => r.event === 'appointment_booked').map((r) => r.status),
    ).toEqual(['sending', 'sending'])
    // The lease runs out; another worker takes the rows over and sends them again, same identity.
    await new Promise((r) => setTimeout(r, 1100))
    const round = await testWorker().runOnce()
    expect(round.sent).toBe(2)
    expect((await mailsTo(b.email)).messages_count).toBe(1)
    expect((await textsTo(b.phone)).count).toBe(1)
    const rows = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ])
  })

  it('a worker whose lease ran out cannot mark a row another worker has taken', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await createJob(b)
    const client = testWorker()
    const db = serviceClient()
    const { data: first } = await db.rpc('claim_notifications', { p_limit: 10, p_lease_seconds: 1 })
    const row = (first ?? []).find(
      (r) => r.customer_id === b.customerId && r.event === 'appointment_booked',
    )
    expect(row?.attempts).toBe(1)
    await new Promise((r) => setTimeout(r, 1100))
    await client.runOnce()
    const { data: stale } = await db.rpc('complete_notification', {
      p_id: row?.id ?? '',
      p_attempt: 1,
    })
    expect(stale).toBe(false)
  })
})
