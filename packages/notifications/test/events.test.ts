import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Business,
  closeSql,
  createBusiness,
  createTechnician,
  createJob,
  mailsTo,
  outboxOf,
  quietQueue,
  sql,
  stackEnv,
  testWorker,
  textsTo,
} from './helpers.ts'

afterAll(closeSql)
beforeEach(quietQueue)

const PORTAL = 'https://portal.shine.test'
const of = <T extends { event: string }>(rows: T[], event: string) =>
  rows.filter((r) => r.event === event)

async function staffMessage(b: Business, body: string) {
  const [m] = await sql<{ id: string }>(
    `insert into messages (organization_id, customer_id, sender_type, body) values ($1, $2, 'staff', $3) returning id`,
    [b.organizationId, b.customerId, body],
  )
  return m?.id ?? ''
}

/** The full e-mail (HTML and text part) of the newest message to an address. */
async function latestMail(address: string) {
  const listing = await mailsTo(address)
  const id = listing.messages[0]?.ID
  const res = await fetch(`${stackEnv().MAILPIT_URL}/api/v1/message/${id}`)
  return (await res.json()) as { Subject: string; HTML: string; Text: string }
}

describe('new events: enqueued in the change’s own transaction, once per enabled channel', () => {
  it('on the way: one row per channel, and the message links to the appointment page with the live arrival time', async () => {
    const b = await createBusiness()
    const jobId = await createJob(b, 2, 'Window cleaning')
    await sql('update jobs set technician_id = $2 where id = $1', [
      jobId,
      await createTechnician(b),
    ])
    await sql(`update jobs set status = 'en_route' where id = $1`, [jobId])
    // Back and forth (a wrong tap) does not announce it twice.
    await sql(`update jobs set status = 'scheduled' where id = $1`, [jobId])
    await sql(`update jobs set status = 'en_route' where id = $1`, [jobId])
    expect(
      of(await outboxOf(b), 'technician_on_the_way').map((r) => [r.channel, r.recipient]),
    ).toEqual([
      ['email', b.email],
      ['sms', b.phone],
    ])
    await testWorker({ portalUrl: PORTAL }).runOnce()
    const mail = await latestMail(b.email)
    expect(mail.Subject).toBe('Tom is on the way')
    expect(mail.HTML).toContain(`href="${PORTAL}/appointments/${jobId}"`)
    expect(mail.Text).toContain(`${PORTAL}/appointments/${jobId}`)
    const texts = await textsTo(b.phone)
    expect(texts.messages.map((t) => t.Body)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `Tom is on the way for Window cleaning\\. Live arrival time: ${PORTAL}/appointments/${jobId}$`,
        ),
      ),
    )
  })

  it('visit completed: one row per enabled channel with a summary (service, technician, time, checklist)', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    const jobId = await createJob(b, -2, 'Deep clean')
    await sql('update jobs set technician_id = $2 where id = $1', [
      jobId,
      await createTechnician(b, 'Maria Lopez'),
    ])
    await sql(
      `insert into job_checklist_ticks (organization_id, job_id, item) values ($1, $2, 'Vacuum'), ($1, $2, 'Spot treat')`,
      [b.organizationId, jobId],
    )
    await sql(`update jobs set status = 'completed', completed_at = now() where id = $1`, [jobId])
    const rows = of(await outboxOf(b), 'job_completed')
    expect(rows.map((r) => r.channel)).toEqual(['email'])
    const [stored] = await sql<{ payload: Record<string, unknown> }>(
      `select payload from notification_outbox where customer_id = $1 and event = 'job_completed'`,
      [b.customerId],
    )
    expect(stored?.payload).toMatchObject({
      title: 'Deep clean',
      technician_first_name: 'Maria',
      status: 'completed',
    })
    expect([...((stored?.payload.checklist ?? []) as string[])].sort()).toEqual([
      'Spot treat',
      'Vacuum',
    ])
    await testWorker({ portalUrl: PORTAL }).runOnce()
    const mail = await latestMail(b.email)
    expect(mail.Subject).toBe('Done: Deep clean')
    expect(mail.Text).toMatch(/Deep clean with Maria was completed on /)
    expect(mail.Text).toMatch(/Done: (Vacuum, Spot treat|Spot treat, Vacuum)\./)
  })

  it('a booking still to be accepted says "request received", the acceptance says booked, a confirmation says confirmed', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    const [job] = await sql<{ id: string }>(
      `insert into jobs (organization_id, customer_id, title, status, scheduled_start, scheduled_end)
       values ($1, $2, 'Oven clean', 'requested', now() + interval '3 days', now() + interval '3 days 1 hour') returning id`,
      [b.organizationId, b.customerId],
    )
    await testWorker().runOnce()
    expect((await mailsTo(b.email)).messages.map((m) => m.Subject)).toEqual([
      expect.stringMatching(/^Request received: Oven clean on /),
    ])
    await sql(`update jobs set status = 'scheduled' where id = $1`, [job?.id])
    await testWorker().runOnce()
    await sql(`update jobs set status = 'confirmed', confirmed_at = now() where id = $1`, [job?.id])
    await testWorker().runOnce()
    const subjects = (await mailsTo(b.email)).messages.map((m) => m.Subject.split(':')[0]).sort()
    expect(subjects).toEqual(['Booked', 'Confirmed', 'Request received'])
  })
})

describe('unread messages: announced after the business’s wait, withdrawn when read first', () => {
  it('one row per enabled channel, due after the business’s minutes; reading it first withdraws them', async () => {
    const b = await createBusiness({ org: {} })
    await sql('update organizations set unread_message_notify_minutes = 30 where id = $1', [
      b.organizationId,
    ])
    const messageId = await staffMessage(b, 'Your   quote is\nready')
    const rows = of(await outboxOf(b), 'message_unread')
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ])
    const due = rows[0]?.due_at.getTime() ?? 0
    expect(Math.abs(due - (Date.now() + 30 * 60_000))).toBeLessThan(60_000)
    // The customer reads it (the portal sets read_at): nothing is sent.
    await sql('update messages set read_at = now() where id = $1', [messageId])
    expect(of(await outboxOf(b), 'message_unread').map((r) => r.status)).toEqual([
      'cancelled',
      'cancelled',
    ])
    await testWorker().runOnce({ asOf: new Date(Date.now() + 31 * 60_000) })
    expect((await mailsTo(b.email)).messages_count).toBe(0)
    expect((await textsTo(b.phone)).count).toBe(0)
  })

  it('left unread, it goes out once the time is up; a newer message replaces the waiting notice; messages_email off keeps e-mail out', async () => {
    const b = await createBusiness({ prefs: { messages_email: false } })
    await staffMessage(b, 'First line')
    await staffMessage(b, 'Second line')
    const rows = of(await outboxOf(b), 'message_unread')
    expect(rows.map((r) => [r.channel, r.status]).sort()).toEqual([
      ['sms', 'cancelled'],
      ['sms', 'pending'],
    ])
    expect((await testWorker().runOnce()).sent).toBe(0)
    await testWorker({ portalUrl: PORTAL }).runOnce({ asOf: new Date(Date.now() + 16 * 60_000) })
    const texts = await textsTo(b.phone)
    expect(texts.messages.map((t) => t.Body)).toEqual([
      expect.stringMatching(
        /^Shine [0-9a-f]{8}: New message: "Second line" Reply: https:\/\/portal\.shine\.test\/messages$/,
      ),
    ])
    expect((await mailsTo(b.email)).messages_count).toBe(0)
  })
})

describe('review requests after a completed visit', () => {
  it('one row per channel, due after the business’s delay, linking to the review page; none when switched off', async () => {
    const b = await createBusiness()
    const jobId = await createJob(b, -3, 'Gutter cleaning')
    await sql(`update jobs set status = 'completed' where id = $1`, [jobId])
    const rows = of(await outboxOf(b), 'review_request')
    expect(rows.map((r) => r.channel)).toEqual(['email', 'sms'])
    expect(Math.abs((rows[0]?.due_at.getTime() ?? 0) - (Date.now() + 2 * 3600_000))).toBeLessThan(
      60_000,
    )
    expect((await testWorker().runOnce()).sent).toBeGreaterThan(0) // the completion summary, not the request
    expect((await mailsTo(b.email)).messages.map((m) => m.Subject)).toEqual([
      'Done: Gutter cleaning',
    ])
    await testWorker({ portalUrl: PORTAL }).runOnce({
      asOf: new Date(Date.now() + 2 * 3600_000 + 60_000),
    })
    const mail = await latestMail(b.email)
    expect(mail.Subject).toBe('How was Gutter cleaning?')
    const [token] = await sql<{ token: string }>(
      `select payload ->> 'token' as token from notification_outbox where customer_id = $1 and event = 'review_request' limit 1`,
      [b.customerId],
    )
    expect(mail.HTML).toContain(`href="${PORTAL}/review/${token?.token}"`)

    const off = await createBusiness()
    await sql('update organizations set review_requests_enabled = false where id = $1', [
      off.organizationId,
    ])
    const other = await createJob(off, -3)
    await sql(`update jobs set status = 'completed' where id = $1`, [other])
    expect(of(await outboxOf(off), 'review_request')).toHaveLength(0)
    expect(await sql('select 1 from reviews where job_id = $1', [other])).toHaveLength(0)
  })

  it('a job reopened before the request went out withdraws it; the customer’s "reviews" switch keeps it off', async () => {
    const b = await createBusiness({ prefs: { reviews_sms: false } })
    const jobId = await createJob(b, -1)
    await sql(`update jobs set status = 'completed' where id = $1`, [jobId])
    expect(of(await outboxOf(b), 'review_request').map((r) => r.channel)).toEqual(['email'])
    await sql(`update jobs set status = 'in_progress' where id = $1`, [jobId])
    expect(of(await outboxOf(b), 'review_request').map((r) => r.status)).toEqual(['cancelled'])
  })
})
