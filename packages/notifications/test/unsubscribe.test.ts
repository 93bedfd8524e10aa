import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import {
  applyUnsubscribeToken,
  createUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../src/unsubscribe.ts'
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
} from './helpers.ts'

const SECRET = 'test-signing-secret'

afterAll(closeSql)
beforeEach(quietQueue)

async function headersOf(id: string): Promise<Record<string, string[]>> {
  return (await (
    await fetch(`${stackEnv().MAILPIT_URL}/api/v1/message/${id}/headers`)
  ).json()) as Record<string, string[]>
}

describe('one-click unsubscribe', () => {
  it('the link in the e-mail works without signing in, and only for that kind on that channel', async () => {
    const b = await createBusiness()
    await createJob(b)
    await testWorker({
      unsubscribe: { url: 'http://portal.test/unsubscribe', secret: SECRET },
    }).runOnce()
    const [mail] = (await mailsTo(b.email)).messages
    const full = (await (
      await fetch(`${stackEnv().MAILPIT_URL}/api/v1/message/${mail?.ID}`)
    ).json()) as {
      HTML: string
      Text: string
    }
    const link =
      /href="(http:\/\/portal\.test\/unsubscribe\?token=[^"]+)"/.exec(full.HTML)?.[1] ?? ''
    expect(link).not.toBe('')
    expect(full.Text).toContain('Unsubscribe from these e-mails')
    const headers = await headersOf(mail?.ID ?? '')
    expect(headers['list-unsubscribe']?.[0]).toBe(`<${link}>`)
    expect(headers['list-unsubscribe-post']?.[0]).toBe('List-Unsubscribe=One-Click')

    const token = new URL(link).searchParams.get('token') ?? ''
    // A forged or altered token changes nothing.
    expect(
      await applyUnsubscribeToken(serviceClient(), token.replace(/\.[^.]+$/, '.forged'), SECRET),
    ).toBeNull()
    expect(
      await applyUnsubscribeToken(
        serviceClient(),
        token.replace('appointments', 'billing'),
        SECRET,
      ),
    ).toBeNull()
    expect(await applyUnsubscribeToken(serviceClient(), token, 'another-secret')).toBeNull()

    // The service-role client is the portal server's; the reader is not signed in.
    const claim = await applyUnsubscribeToken(serviceClient(), token, SECRET)
    expect(claim).toEqual({ customerId: b.customerId, group: 'appointments', channel: 'email' })
    const [prefs] = await sql<{ p: Record<string, boolean> }>(
      'select notification_preferences as p from customers where id = $1',
      [b.customerId],
    )
    expect(prefs?.p).toEqual({ email: true, sms: true, appointments_email: false })

    // Next booking: a text but no e-mail; its reminder still e-mails; an invoice still e-mails.
    await quietQueue()
    const jobId = await createJob(b, 72, 'Tile cleaning')
    await sql(
      `insert into invoices (organization_id, customer_id, job_id, status, due_at) values ($1, $2, $3, 'sent', now() + interval '7 days')`,
      [b.organizationId, b.customerId, jobId],
    )
    const pending = (await outboxOf(b))
      .filter((r) => r.status === 'pending')
      .map((r) => `${r.event}/${r.channel}`)
    expect(pending).toEqual([
      'appointment_booked/sms',
      'appointment_reminder/email',
      'appointment_reminder/sms',
      'invoice_sent/email',
      'invoice_sent/sms',
    ])
  })

  it('withdraws the waiting notifications of that kind', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await createJob(b)
    const token = createUnsubscribeToken(
      { customerId: b.customerId, group: 'reminders', channel: 'email' },
      SECRET,
    )
    expect(verifyUnsubscribeToken(token, SECRET)?.group).toBe('reminders')
    await applyUnsubscribeToken(serviceClient(), token, SECRET)
    const rows = await outboxOf(b)
    expect(rows.map((r) => `${r.event}/${r.status}`)).toEqual([
      'appointment_booked/pending',
      'appointment_reminder/cancelled',
    ])
  })
})
