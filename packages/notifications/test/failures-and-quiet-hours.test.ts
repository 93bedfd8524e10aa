import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSmtpSender } from '../src/email/smtp-sender.ts'
import {
  closeSql,
  createBusiness,
  createJob,
  createTechnician,
  outboxOf,
  quietQueue,
  sql,
  testWorker,
  textsTo,
} from './helpers.ts'

/** An SMTP server that refuses every message with the given reply. */
function refusingSmtp(code: number, message: string) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume()
      stream.on('end', () => callback(Object.assign(new Error(message), { responseCode: code })))
    },
  })
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

let busy: Awaited<ReturnType<typeof refusingSmtp>>
let refused: Awaited<ReturnType<typeof refusingSmtp>>
beforeAll(async () => {
  busy = await refusingSmtp(451, 'Try again later')
  refused = await refusingSmtp(550, 'No such mailbox')
})
afterAll(async () => {
  await busy.close()
  await refused.close()
  await closeSql()
})
beforeEach(quietQueue)

/** Time passes: the row's retry is due now. */
const makeDue = (id: string) =>
  sql(`update notification_outbox set due_at = now() where id = $1`, [id])

describe('delivery failures', () => {
  it('retries a temporary SMTP failure with exponential back-off, then dead-letters it', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await createJob(b)
    const [row] = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    await sql(`update notification_outbox set max_attempts = 3 where id = $1`, [row?.id])
    const worker = testWorker({
      email: createSmtpSender({ url: busy.url, fromAddress: 'notifications@dirtfree.test' }),
    })
    const backoffs: number[] = []
    for (const expected of ['pending', 'pending', 'dead']) {
      const before = Date.now()
      const round = await worker.runOnce()
      expect(round.claimed).toBeGreaterThanOrEqual(1)
      const [now] = (await outboxOf(b)).filter((r) => r.id === row?.id)
      expect(now?.status).toBe(expected)
      expect(now?.last_error).toMatch(/Try again later/)
      if (expected === 'pending') {
        backoffs.push(Math.round(((now?.due_at.getTime() ?? 0) - before) / 1000))
        await makeDue(row?.id ?? '')
      }
    }
    // 30 s, then 60 s.
    expect(backoffs[0]).toBeGreaterThanOrEqual(29)
    expect(backoffs[0]).toBeLessThanOrEqual(31)
    expect(backoffs[1]).toBeGreaterThanOrEqual(59)
    expect(backoffs[1]).toBeLessThanOrEqual(61)
    const [dead] = (await outboxOf(b)).filter((r) => r.id === row?.id)
    expect(dead?.attempts).toBe(3)
    // A dead row is never claimed again.
    await makeDue(row?.id ?? '')
    expect((await worker.runOnce()).claimed).toBe(0)
  })

  it('a permanent refusal (5xx) goes to the dead letters at once', async () => {
    const b = await createBusiness({ prefs: { sms: false } })
    await createJob(b)
    const worker = testWorker({
      email: createSmtpSender({ url: refused.url, fromAddress: 'notifications@dirtfree.test' }),
    })
    const round = await worker.runOnce()
    expect(round.dead).toBe(1)
    const [row] = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    expect([row?.status, row?.attempts]).toEqual(['dead', 1])
    expect(row?.last_error).toMatch(/No such mailbox/)
  })
})

/** Quiet hours from now + `start` to now + `end` (intervals), as HH:MI in UTC, the test zone. */
async function quietHours(start: string, end: string) {
  const [hours] = await sql<{ start: string; end: string }>(
    `select to_char(now() at time zone 'UTC' + $1::interval, 'HH24:MI') as start,
            to_char(now() at time zone 'UTC' + $2::interval, 'HH24:MI') as end`,
    [start, end],
  )
  return hours
}

describe('SMS quiet hours', () => {
  it('holds a text until the quiet hours end; e-mail goes at once', async () => {
    // Quiet from an hour ago to two hours ahead, in the business's zone (UTC here).
    const hours = await quietHours('-1 hour', '2 hours')
    const b = await createBusiness({
      org: { sms_quiet_start: hours?.start, sms_quiet_end: hours?.end },
    })
    await createJob(b, 76)
    const rows = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    const sms = rows.find((r) => r.channel === 'sms')
    const email = rows.find((r) => r.channel === 'email')
    const quietEnd = new Date()
    quietEnd.setUTCHours(Number(hours?.end.slice(0, 2)), Number(hours?.end.slice(3)), 0, 0)
    if (quietEnd.getTime() < Date.now()) quietEnd.setUTCDate(quietEnd.getUTCDate() + 1)
    expect(sms?.due_at.toISOString()).toBe(quietEnd.toISOString())
    expect(Math.abs((email?.due_at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000)

    await testWorker().runOnce()
    expect((await textsTo(b.phone)).count).toBe(0)
    const after = (await outboxOf(b)).filter((r) => r.event === 'appointment_booked')
    expect(after.map((r) => [r.channel, r.status])).toEqual([
      ['email', 'sent'],
      ['sms', 'pending'],
    ])
    // The reminder (52 h from now, 4 hours past the daily quiet window's start) keeps its time.
    const reminder = (await outboxOf(b)).find(
      (r) => r.event === 'appointment_reminder' && r.channel === 'sms',
    )
    expect(Math.abs((reminder?.due_at.getTime() ?? 0) - (Date.now() + 52 * 3600_000))).toBeLessThan(
      60_000,
    )
  })

  it('sends "on the way" at once even in quiet hours; the booking text beside it waits', async () => {
    // Quiet all day but one minute (in the business's zone, UTC here).
    const hours = await quietHours('-1 hour', '-1 hour -1 minute')
    const b = await createBusiness({
      org: { sms_quiet_start: hours?.start, sms_quiet_end: hours?.end },
    })
    const jobId = await createJob(b, 1)
    await sql('update jobs set technician_id = $2 where id = $1', [
      jobId,
      await createTechnician(b),
    ])
    await sql(`update jobs set status = 'en_route' where id = $1`, [jobId])
    await testWorker().runOnce()
    const texts = await textsTo(b.phone)
    expect(texts.count).toBe(1)
    expect(texts.messages[0]?.Body).toMatch(/on the way/i)
    const sms = (await outboxOf(b)).filter((r) => r.channel === 'sms')
    expect(sms.map((r) => [r.event, r.status]).sort()).toEqual([
      ['appointment_booked', 'pending'],
      ['technician_on_the_way', 'sent'],
    ])
  })
})
