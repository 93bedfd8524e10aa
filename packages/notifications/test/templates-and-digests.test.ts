import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { retryDelivery } from '@repo/database/repositories'
import type { Database } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import { validateTemplate } from '../src/templates/variables.ts'
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

async function message(id: string): Promise<{ Subject: string; HTML: string; Text: string }> {
  const res = await fetch(`${stackEnv().MAILPIT_URL}/api/v1/message/${id}`)
  return (await res.json()) as { Subject: string; HTML: string; Text: string }
}

const setTemplate = (
  organizationId: string,
  event: string,
  channel: string,
  subject: string | null,
  body: string | null,
) =>
  sql(
    `insert into notification_templates (organization_id, event, channel, subject, body) values ($1, $2, $3, $4, $5)`,
    [organizationId, event, channel, subject, body],
  )

describe('business templates', () => {
  it('the worker uses the business’s subject, body and SMS text with their variables filled in, and its colour', async () => {
    const b = await createBusiness()
    await sql(`update organizations set accent_color = '#be185d' where id = $1`, [b.organizationId])
    await setTemplate(
      b.organizationId,
      'appointment_booked',
      'email',
      '{{customer.first_name}}, {{job.title}} is booked with {{business.name}}',
      'We will be there {{job.start}}.\nQuestions? Call {{business.phone}}.',
    )
    await setTemplate(
      b.organizationId,
      'appointment_booked',
      'sms',
      null,
      'See you {{job.start}}: {{link}}',
    )
    const jobId = await createJob(b, 48, 'Rug wash')
    await testWorker({ portalUrl: 'https://portal.example.test' }).runOnce()

    const [listed] = (await mailsTo(b.email)).messages
    expect(listed?.Subject).toMatch(/^Alice, Rug wash is booked with Shine [0-9a-f]{8}$/)
    const mail = await message(listed?.ID ?? '')
    expect(mail.Text).toMatch(/We will be there \w{3}, \w{3} \d{1,2}, \d{1,2}:\d\d [AP]M\./)
    expect(mail.Text).toContain('Questions? Call +1 555 0100.')
    // The built-in words are gone, the brand and the footer's contact details stay.
    expect(mail.Text).not.toContain('Where:')
    expect(mail.HTML).toContain('#be185d')
    expect(mail.Text).toContain(`office-`)
    expect(mail.HTML).toContain(`https://portal.example.test/appointments/${jobId}`)

    const texts = await textsTo(b.phone)
    expect(texts.messages[0]?.Body).toMatch(
      new RegExp(
        `^Shine [0-9a-f]{8}: See you .+: https://portal\\.example\\.test/appointments/${jobId}$`,
      ),
    )
  })

  it('events and channels without a template keep the built-in words', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await setTemplate(b.organizationId, 'appointment_cancelled', 'email', 'Sorry!', null)
    await createJob(b, 48, 'Window cleaning')
    await testWorker().runOnce()
    const [listed] = (await mailsTo(b.email)).messages
    expect(listed?.Subject).toMatch(/^Booked: Window cleaning on /)
  })

  it('a stored template with an unknown variable is not sent half-filled: the built-in words go out', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    // Written past the validator (straight into the table), as an older list might have allowed.
    await setTemplate(
      b.organizationId,
      'appointment_booked',
      'email',
      'Hi {{customer.nickname}}',
      null,
    )
    await createJob(b, 48, 'Oven cleaning')
    await testWorker().runOnce()
    const [listed] = (await mailsTo(b.email)).messages
    expect(listed?.Subject).toMatch(/^Booked: Oven cleaning on /)
  })

  it('the validator names an unknown variable and lists the ones the event has; limits and shapes', () => {
    const bad = validateTemplate('appointment_booked', 'email', {
      subject: 'Hi {{customer.nickname}}',
    })
    expect(bad?.subject).toMatch(
      /^Unknown variable \{\{customer\.nickname\}\}: this message can use .*\{\{job\.start\}\}/,
    )
    // A quote's variables are not an appointment's.
    expect(
      validateTemplate('appointment_booked', 'email', { body: '{{quote.total}}' })?.body,
    ).toContain('Unknown variable {{quote.total}}')
    expect(validateTemplate('quote_sent', 'email', { body: 'Total {{ quote.total }}' })).toBeNull()
    expect(validateTemplate('quote_sent', 'email', { body: 'Total {{quote.total' })?.body).toMatch(
      /not closed/,
    )
    expect(validateTemplate('quote_sent', 'sms', { subject: 'x', body: 'y' })?.subject).toMatch(
      /no subject/,
    )
    expect(validateTemplate('quote_sent', 'sms', { body: 'y'.repeat(481) })?.body).toBe(
      'At most 480 characters',
    )
    expect(validateTemplate('quote_sent', 'email', { subject: ' ', body: '' })?.body).toMatch(
      /Write a subject/,
    )
  })
})

async function staffWithDigest(
  b: { organizationId: string; customerId: string },
  setting: { frequency: 'hourly' | 'daily'; hour?: number },
) {
  const [staff] = await sql<{ id: string; email: string }>(
    `insert into staff_members (organization_id, full_name, role, email)
     values ($1, 'Olivia Office', 'office', 'olivia-' || substr(gen_random_uuid()::text, 1, 8) || '@shine.test')
     returning id, email`,
    [b.organizationId],
  )
  await sql(
    `insert into staff_digest_settings (staff_member_id, organization_id, frequency, hour) values ($1, $2, $3, $4)`,
    [staff?.id, b.organizationId, setting.frequency, setting.hour ?? 7],
  )
  return { id: staff?.id ?? '', email: staff?.email ?? '' }
}

const notice = (
  b: { organizationId: string; customerId: string },
  staffId: string,
  title: string,
  at: string,
  read = false,
) =>
  sql(
    `insert into staff_notifications (organization_id, staff_member_id, kind, customer_id, record_table, record_id, title, created_at, read_at)
     values ($1, $2, 'message_received', $3, 'customers', $3, $4, $5, case when $6 then now() end)`,
    [b.organizationId, staffId, b.customerId, title, at, read],
  )

const digestsOf = (staffId: string) =>
  sql<{ id: string; status: string; payload: { notification_ids: string[] }; recipient: string }>(
    `select id, status, payload, recipient from notification_outbox where staff_member_id = $1 order by created_at`,
    [staffId],
  )

describe('staff digests', () => {
  it('an hourly digest lists only the unread notifications, goes to the staff member, and comes once per hour', async () => {
    const b = await createBusiness()
    const staff = await staffWithDigest(b, { frequency: 'hourly' })
    await notice(b, staff.id, 'Alice wrote: hello', '2026-06-01T09:20:00Z')
    await notice(b, staff.id, 'Alice confirmed her visit', '2026-06-01T09:40:00Z', true)
    const worker = testWorker({ crmUrl: 'https://crm.example.test' })
    expect(await worker.enqueueDigests(new Date('2026-06-01T10:05:00Z'))).toBe(1)
    // The same hour again: nothing new.
    expect(await worker.enqueueDigests(new Date('2026-06-01T10:45:00Z'))).toBe(0)
    await worker.runOnce()
    const [row] = await digestsOf(staff.id)
    expect(row).toMatchObject({ status: 'sent', recipient: staff.email })
    expect(row?.payload.notification_ids).toHaveLength(1)
    const [listed] = (await mailsTo(staff.email)).messages
    expect(listed?.Subject).toMatch(/^1 unread notification at Shine /)
    const mail = await message(listed?.ID ?? '')
    expect(mail.Text).toContain('Alice wrote: hello')
    expect(mail.Text).not.toContain('confirmed her visit')
    expect(mail.Text).toContain('Hi Olivia,')
    expect(mail.Text).not.toContain('Unsubscribe')
    expect(mail.HTML).toContain('https://crm.example.test/notifications')
  })

  it('nothing unread, nothing enqueued; read after enqueueing, nothing sent', async () => {
    const b = await createBusiness()
    const staff = await staffWithDigest(b, { frequency: 'hourly' })
    await notice(b, staff.id, 'Old news', '2026-06-01T09:20:00Z', true)
    const worker = testWorker()
    expect(await worker.enqueueDigests(new Date('2026-06-01T10:05:00Z'))).toBe(0)
    await notice(b, staff.id, 'Fresh news', '2026-06-01T10:20:00Z')
    expect(await worker.enqueueDigests(new Date('2026-06-01T11:01:00Z'))).toBe(1)
    await sql(`update staff_notifications set read_at = now() where staff_member_id = $1`, [
      staff.id,
    ])
    const round = await worker.runOnce()
    expect(round.withdrawn).toBe(1)
    expect((await digestsOf(staff.id)).map((r) => r.status)).toEqual(['cancelled'])
    expect((await mailsTo(staff.email)).messages_count).toBe(0)
  })

  it('a daily digest goes out at the chosen hour of the organization’s time zone', async () => {
    const b = await createBusiness()
    await sql(`update organizations set timezone = 'America/New_York' where id = $1`, [
      b.organizationId,
    ])
    const staff = await staffWithDigest(b, { frequency: 'daily', hour: 7 })
    // First run on Dec 2 at 08:00 New York (13:00 UTC): that morning's slot, covering the day before.
    await notice(b, staff.id, 'Yesterday evening', '2026-12-01T23:00:00Z')
    const worker = testWorker()
    expect(await worker.enqueueDigests(new Date('2026-12-02T13:00:00Z'))).toBe(1)
    await notice(b, staff.id, 'This morning', '2026-12-02T14:00:00Z')
    // 11:59 UTC on Dec 3 is 06:59 in New York: not yet (at 07:00 UTC it would be, in London).
    expect(await worker.enqueueDigests(new Date('2026-12-03T11:59:00Z'))).toBe(0)
    // 12:00 UTC is 07:00 in New York: the next digest, with only what came after the last one.
    expect(await worker.enqueueDigests(new Date('2026-12-03T12:00:00Z'))).toBe(1)
    const digests = await digestsOf(staff.id)
    expect(digests).toHaveLength(2)
    const [titles] = await sql<{ titles: string[] }>(
      `select array_agg(title) as titles from staff_notifications where id = any($1::uuid[])`,
      [digests[1]?.payload.notification_ids],
    )
    expect(titles?.titles).toEqual(['This morning'])
  })

  it('staff digests do not change the customer path: the customer’s rows and switches are as before', async () => {
    const b = await createBusiness()
    await staffWithDigest(b, { frequency: 'hourly' })
    await createJob(b)
    const rows = await outboxOf(b)
    expect(rows.filter((r) => r.event === 'appointment_booked').map((r) => r.channel)).toEqual([
      'email',
      'sms',
    ])
  })
})

/** A real user, owner of the organization, signed in through the Auth API. */
async function signedInOwner(organizationId: string) {
  const email = `owner-${randomUUID().slice(0, 8)}@shine.test`
  const password = `pw-${randomUUID()}`
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password,
    email_confirm: true,
  })
  if (error) throw error
  await sql(
    `insert into staff_members (organization_id, user_id, full_name, role, email) values ($1, $2, 'Owen Owner', 'owner', $3)`,
    [organizationId, data.user.id, email],
  )
  const client = createClient<Database>(stackEnv().API_URL, stackEnv().ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
  const signIn = await client.auth.signInWithPassword({ email, password })
  if (signIn.error) throw signIn.error
  return client
}

describe('retry of a dead delivery', () => {
  it('a dead e-mail put back by retry_notification is sent by the next round', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await createJob(b, 48, 'Tile cleaning')
    const [row] = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    await sql(
      `update notification_outbox set status = 'dead', attempts = 6, last_error = '550 mailbox full' where id = $1`,
      [row?.id],
    )
    expect((await testWorker().runOnce()).claimed).toBe(0)
    // The CRM's "Retry", as the business's owner (who else may is in packages/database's tests).
    await retryDelivery(await signedInOwner(b.organizationId), row?.id ?? '')
    expect((await testWorker().runOnce()).sent).toBe(1)
    const [after] = await outboxOf(b)
    expect(after).toMatchObject({ status: 'sent', attempts: 1, last_error: null })
  })
})
