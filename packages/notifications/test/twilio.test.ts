import { createServer, type IncomingMessage, type Server } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SmsRejectedError } from '../src/sms/provider.ts'
import { createTwilioSmsProvider } from '../src/sms/twilio-provider.ts'
import { closeSql, createBusiness, createJob, outboxOf, quietQueue, testWorker } from './helpers.ts'

const SID = 'AC00000000000000000000000000000001'
const TOKEN = 'test-auth-token'

interface Seen {
  method: string
  path: string
  authorization: string
  contentType: string
  form: Record<string, string>
}

/**
 * Answers like Twilio's Messages API (POST /2010-04-01/Accounts/{Sid}/Messages.json): a 201 with
 * the message, or Twilio's error body. The number decides the answer.
 */
const ANSWERS: Record<string, { status: number; body: Record<string, unknown> }> = {
  '+15005550006': { status: 201, body: {} },
  '+15005550001': {
    status: 400,
    body: {
      code: 21211,
      message: "The 'To' number +15005550001 is not a valid phone number.",
      status: 400,
    },
  },
  '+15005550429': { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } },
  '+15005550503': {
    status: 503,
    body: { code: 20503, message: 'Service Unavailable', status: 503 },
  },
}

const seen: Seen[] = []
let server: Server
let baseUrl = ''

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)))
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization: req.headers.authorization ?? '',
      contentType: req.headers['content-type'] ?? '',
      form,
    })
    const answer = ANSWERS[form.To ?? ''] ?? ANSWERS['+15005550006']
    const body =
      answer?.status === 201
        ? {
            sid: `SM${String(seen.length).padStart(32, '0')}`,
            account_sid: SID,
            to: form.To,
            from: form.From ?? null,
            messaging_service_sid: form.MessagingServiceSid ?? null,
            body: form.Body,
            status: 'queued',
          }
        : answer?.body
    res.writeHead(answer?.status ?? 500, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await closeSql()
})
beforeEach(() => {
  seen.length = 0
})

const provider = (
  extra: { from?: string; messagingServiceSid?: string } = { from: '+15005550000' },
) => createTwilioSmsProvider({ accountSid: SID, authToken: TOKEN, apiBaseUrl: baseUrl, ...extra })

async function refusal(to: string): Promise<SmsRejectedError> {
  const error = await provider()
    .send({ to, body: 'Hello', idempotencyKey: 'k' })
    .then(
      () => null,
      (e: unknown) => e,
    )
  expect(error).toBeInstanceOf(SmsRejectedError)
  return error as SmsRejectedError
}

describe('Twilio SMS provider (through the official SDK)', () => {
  it('posts the form Twilio expects with basic auth and returns the message SID', async () => {
    const sent = await provider().send({
      to: '+15005550006',
      body: 'Shine: booked',
      idempotencyKey: 'k1',
    })
    expect(sent.id).toBe(`SM${'1'.padStart(32, '0')}`)
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`)
    expect(request?.authorization).toBe(
      `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
    )
    expect(request?.contentType).toContain('application/x-www-form-urlencoded')
    expect(request?.form).toEqual({
      To: '+15005550006',
      From: '+15005550000',
      Body: 'Shine: booked',
    })
  })

  it('sends through a Messaging Service instead of a number when one is set', async () => {
    await provider({ messagingServiceSid: 'MG00000000000000000000000000000001' }).send({
      to: '+15005550006',
      body: 'Hi',
      idempotencyKey: 'k2',
    })
    expect(seen[0]?.form).toEqual({
      To: '+15005550006',
      MessagingServiceSid: 'MG00000000000000000000000000000001',
      Body: 'Hi',
    })
  })

  it('refuses a setting with both or neither sender', () => {
    expect(() => provider({})).toThrow(
      /exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID/,
    )
  })

  it('maps an invalid number (21211) to a permanent refusal, 429 and 5xx to a retry', async () => {
    const invalid = await refusal('+15005550001')
    expect(invalid.permanent).toBe(true)
    expect(invalid.message).toContain('21211')
    expect((await refusal('+15005550429')).permanent).toBe(false)
    expect((await refusal('+15005550503')).permanent).toBe(false)
  })

  it('treats an unreachable API as a retry', async () => {
    const offline = createTwilioSmsProvider({
      accountSid: SID,
      authToken: TOKEN,
      from: '+15005550000',
      apiBaseUrl: 'http://127.0.0.1:9',
    })
    const error = await offline
      .send({ to: '+15005550006', body: 'x', idempotencyKey: 'k' })
      .catch((e) => e)
    expect(error).toBeInstanceOf(SmsRejectedError)
    expect(error.permanent).toBe(false)
  })

  describe('in the worker', () => {
    beforeEach(quietQueue)

    it('records the SID of a sent text, dead-letters an invalid number at once, retries a 503', async () => {
      const ok = await createBusiness({ prefs: { email: false } })
      const bad = await createBusiness({ prefs: { email: false } })
      const busy = await createBusiness({ prefs: { email: false } })
      const { sql } = await import('./helpers.ts')
      await sql(`update customers set phone = '+15005550001' where id = $1`, [bad.customerId])
      await sql(`update customers set phone = '+15005550503' where id = $1`, [busy.customerId])
      await sql(`update customers set phone = '+15005550006' where id = $1`, [ok.customerId])
      for (const b of [ok, bad, busy]) await createJob(b, 1)
      await testWorker({ sms: provider() }).runOnce()
      const booked = async (b: typeof ok) =>
        (await outboxOf(b)).find((r) => r.event === 'appointment_booked' && r.channel === 'sms')
      expect((await booked(ok))?.status).toBe('sent')
      const [stored] = await sql<{ provider_message_id: string }>(
        `select provider_message_id from notification_outbox where id = $1`,
        [(await booked(ok))?.id],
      )
      expect(stored?.provider_message_id).toMatch(/^SM\d{32}$/)
      expect((await booked(bad))?.status).toBe('dead')
      expect((await booked(bad))?.last_error).toContain('21211')
      expect((await booked(busy))?.status).toBe('pending')
      expect((await booked(busy))?.last_error).toContain('503')
    })
  })
})
