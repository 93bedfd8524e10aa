import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS } from '../../src/config.ts'
import { startTestStack, type TestStack } from '../../src/testing/index.ts'

// A private stack with GoTrue's default limits (test stacks raise them otherwise) that believes
// X-Forwarded-For from loopback, so one test process can speak from several client addresses.
let stack: TestStack
const PASSWORD = 'correct-horse-battery'
// The product's defaults, as a real deployment has them.
const LIMITS = DEFAULT_RATE_LIMITS

beforeAll(async () => {
  stack = await startTestStack({
    config: {
      migrationsDir: path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations'),
      trustedProxies: ['127.0.0.1'],
      rateLimits: LIMITS,
    },
  })
}, 120_000)

afterAll(async () => {
  await stack?.stop()
})

let counter = 0
const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}@example.test`

interface Answer {
  status: number
  code: string | undefined
  body: Record<string, unknown>
}

/** One auth call as a client at `address` would make it (through a trusted proxy). */
async function call(
  address: string,
  pathAndQuery: string,
  body?: unknown,
  method = 'POST',
): Promise<Answer> {
  const res = await fetch(`${stack.info.API_URL}/auth/v1${pathAndQuery}`, {
    method,
    headers: {
      apikey: stack.info.ANON_KEY,
      'content-type': 'application/json',
      'x-supabase-api-version': '2024-01-01',
      'x-forwarded-for': address,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  return { status: res.status, code: parsed.code as string | undefined, body: parsed }
}

const signIn = (address: string, email: string, password: string) =>
  call(address, '/token?grant_type=password', { email, password })

async function newUser(address: string): Promise<string> {
  const email = uniqueEmail('limits')
  const created = await fetch(`${stack.info.API_URL}/auth/v1/admin/users`, {
    method: 'POST',
    headers: {
      apikey: stack.info.SERVICE_ROLE_KEY,
      authorization: `Bearer ${stack.info.SERVICE_ROLE_KEY}`,
      'content-type': 'application/json',
      'x-forwarded-for': address,
    },
    body: JSON.stringify({ email, password: PASSWORD, email_confirm: true }),
  })
  expect(created.status).toBe(200)
  return email
}

/**
 * How many requests a bucket can have let through: its burst plus what refilled while the test
 * ran (GoTrue's buckets refill their per-window allowance evenly over the window).
 */
const most = (burst: number, perWindow: number, windowSeconds: number, since: number) =>
  burst + Math.floor(((Date.now() - since) / 1000) * (perWindow / windowSeconds))

const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {}
  for (const a of answers) {
    const key = `${a.status} ${a.code}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

describe('auth rate limits (per client address and per account)', () => {
  it("an attacker's failures from one address do not lock the owner out elsewhere", async () => {
    const email = await newUser('192.0.2.1')
    const attacker = '203.0.113.10'
    const since = Date.now()
    const answers: Answer[] = []
    for (let i = 0; i < 40; i += 1) answers.push(await signIn(attacker, email, `wrong-${i}`))
    // The attacker is checked for a handful of guesses, then refused before any hashing.
    const counts = tally(answers)
    expect(counts['400 invalid_credentials']).toBeGreaterThanOrEqual(LIMITS.passwordFailures)
    expect(counts['400 invalid_credentials']).toBeLessThanOrEqual(
      most(LIMITS.passwordFailures, LIMITS.passwordFailures, 300, since),
    )
    expect(
      (counts['400 invalid_credentials'] ?? 0) + (counts['429 over_request_rate_limit'] ?? 0),
    ).toBe(40)
    // Even the right password is refused from the attacker's address now...
    expect((await signIn(attacker, email, PASSWORD)).status).toBe(429)
    // ...but the owner, signing in from their own address, gets in.
    const owner = await signIn('198.51.100.20', email, PASSWORD)
    expect(owner.status).toBe(200)
    expect(owner.body.access_token).toEqual(expect.any(String))
  })

  it('counts attempts atomically: concurrent guesses never exceed the limits', async () => {
    const email = await newUser('192.0.2.2')
    const attacker = '203.0.113.11'
    const since = Date.now()
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => signIn(attacker, email, `wrong-${i}`)),
    )
    const counts = tally(answers)
    const checked = counts['400 invalid_credentials'] ?? 0
    expect(checked).toBeGreaterThanOrEqual(LIMITS.passwordFailures)
    expect(checked).toBeLessThanOrEqual(
      most(LIMITS.passwordFailures, LIMITS.passwordFailures, 300, since),
    )
    expect(counts['429 over_request_rate_limit']).toBe(150 - checked)
  }, 60_000)

  it('one address gets a burst of 30 token requests, whatever the grant', async () => {
    const address = '203.0.113.12'
    const refresh = () =>
      call(address, '/token?grant_type=refresh_token', { refresh_token: 'guessed-refresh-token' })
    const since = Date.now()
    const answers: Answer[] = []
    for (let i = 0; i < 40; i += 1) answers.push(await refresh())
    const counts = tally(answers)
    const checked = counts['400 refresh_token_not_found'] ?? 0
    expect(checked).toBeGreaterThanOrEqual(30)
    expect(checked).toBeLessThanOrEqual(most(30, LIMITS.tokenRefresh, 300, since))
    expect(counts['429 over_request_rate_limit']).toBe(40 - checked)
    // Drain the few tokens that refilled meanwhile: then the bucket is empty.
    let last = 0
    for (let i = 0; i < 10 && last !== 429; i += 1) last = (await refresh()).status
    expect(last).toBe(429)
    // Password sign-ins and code exchanges share that bucket, as in GoTrue.
    const email = await newUser('192.0.2.5')
    expect((await signIn(address, email, PASSWORD)).status).toBe(429)
    const exchange = await call(address, '/token?grant_type=pkce', {
      auth_code: 'guessed',
      code_verifier: 'guessed-verifier-guessed-verifier-guessed-verifier',
    })
    expect(exchange.status).toBe(429)
    expect((await signIn('198.51.100.23', email, PASSWORD)).status).toBe(200)
  })

  it('limits guesses of e-mailed codes per address; the owner still verifies', async () => {
    const email = await newUser('192.0.2.3')
    expect((await call('192.0.2.3', '/otp', { email, create_user: false })).status).toBe(200)
    const attacker = '203.0.113.13'
    const since = Date.now()
    const answers: Answer[] = []
    for (let i = 0; i < 40; i += 1) {
      const guess = String(100_000 + i)
      answers.push(await call(attacker, '/verify', { type: 'email', email, token: guess }))
    }
    const counts = tally(answers)
    const checked = (counts['403 otp_expired'] ?? 0) + (counts['200 undefined'] ?? 0)
    expect(checked).toBeGreaterThanOrEqual(30)
    expect(checked).toBeLessThanOrEqual(most(30, LIMITS.tokenVerifications, 300, since))
    expect(counts['429 over_request_rate_limit']).toBe(40 - checked)

    const mailbox = await fetch(
      `${stack.info.API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`,
    )
    const mails = (await mailbox.json()) as Array<{ token: string }>
    const code = mails.at(-1)?.token as string
    const owner = await call('198.51.100.21', '/verify', { type: 'email', email, token: code })
    expect(owner.status).toBe(200)
  })

  it('limits mails asked for per address (sign_in_sign_ups)', async () => {
    const address = '203.0.113.14'
    const since = Date.now()
    const answers: Answer[] = []
    for (let i = 0; i < 40; i += 1) {
      answers.push(await call(address, '/recover', { email: uniqueEmail('recover') }))
    }
    const counts = tally(answers)
    const sent = counts['200 undefined'] ?? 0
    expect(sent).toBeGreaterThanOrEqual(30)
    expect(sent).toBeLessThanOrEqual(most(30, LIMITS.signInSignUps, 300, since))
    expect(counts['429 over_request_rate_limit']).toBe(40 - sent)
  })

  it('limits resends per address like the other mails (sign_in_sign_ups)', async () => {
    const address = '203.0.113.26'
    const since = Date.now()
    const answers: Answer[] = []
    for (let i = 0; i < 40; i += 1) {
      answers.push(await call(address, '/resend', { type: 'signup', email: uniqueEmail('resend') }))
    }
    const counts = tally(answers)
    const answered = counts['200 undefined'] ?? 0
    expect(answered).toBeGreaterThanOrEqual(30)
    expect(answered).toBeLessThanOrEqual(most(30, LIMITS.signInSignUps, 300, since))
    expect(counts['429 over_request_rate_limit']).toBe(40 - answered)
    // Another address is not affected.
    expect(
      (await call('203.0.113.27', '/resend', { type: 'signup', email: uniqueEmail('r') })).status,
    ).toBe(200)
  })

  it('limits anonymous sign-ins per address (anonymous_users per hour)', async () => {
    const address = '203.0.113.15'
    const answers: Answer[] = []
    for (let i = 0; i < 33; i += 1) answers.push(await call(address, '/signup', {}))
    expect(tally(answers)).toEqual({ '200 undefined': 30, '429 over_request_rate_limit': 3 })
    // Another address still can.
    expect((await call('198.51.100.22', '/signup', {})).status).toBe(200)
  }, 60_000)

  it('serves the mailbox only to clients on this machine', async () => {
    const email = await newUser('192.0.2.4')
    const read = (forwardedFor?: string) =>
      fetch(`${stack.info.API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`, {
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      })
    const remote = await read('203.0.113.16')
    expect(remote.status).toBe(403)
    expect(await remote.text()).not.toContain(email)
    expect((await read()).status).toBe(200)
    expect((await read('127.0.0.1')).status).toBe(200)
  })
})
