// Real failures through the kit: a signed-in client against a private local stack (foreign key,
// unique, RLS), and clients pointed at a closed port and at a server answering 503 (outages).
import { createServer, type Server } from 'node:http'
import { createInvoice, createJob } from '@repo/database/repositories'
import type { Client } from '@repo/database/types'
import { freePort } from '@repo/local-supabase/testing'
import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { z } from 'zod'
import { createLogger } from '../src/logger.ts'
import { ok } from '../src/result.ts'
import { createActionClient } from '../src/server/create-action-client.ts'

vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }))

const organizationId = '10000000-0000-4000-8000-000000000001'
const alice = '30000000-0000-4000-8000-000000000001'
const unknownCustomer = '7d0a1f9e-3b1c-4c55-9a57-5f0b3f6c2e11'
const window = {
  scheduled_start: '2030-03-01T09:00:00.000Z',
  scheduled_end: '2030-03-01T11:00:00.000Z',
}

function client(url: string, key: string): Client {
  return createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false },
  }) as unknown as Client
}

async function signIn(email: string): Promise<Client> {
  const env = inject('stack')
  const signedIn = client(env.API_URL, env.ANON_KEY)
  const { error } = await signedIn.auth.signInWithPassword({ email, password: 'password123' })
  if (error) throw new Error(`sign-in failed for ${email}: ${error.message}`)
  return signedIn
}

// The action under test gets its Supabase client from the context, as the apps' clients do.
let current: Client
const action = createActionClient<{ supabase: Client }>({
  context: async () => ({ supabase: current }),
  logger: createLogger('action', { write: () => {} }),
})

const scheduleJob = action(
  {
    name: 'jobs.schedule',
    schema: z.object({ customerId: z.guid(), title: z.string() }),
    errors: { foreignKeys: { customer_id: { field: 'customerId', message: 'Unknown customer.' } } },
  },
  async ({ input, ctx: { supabase } }) =>
    ok(
      await createJob(supabase, {
        organization_id: organizationId,
        customer_id: input.customerId,
        title: input.title,
        status: 'scheduled',
        ...window,
      }),
    ),
)

const createNumberedInvoice = action(
  {
    name: 'invoices.create',
    schema: z.object({ number: z.string() }),
    errors: { unique: { field: 'number', message: 'This invoice number is already used.' } },
  },
  async ({ input, ctx: { supabase } }) =>
    ok(
      await createInvoice(supabase, {
        organization_id: organizationId,
        customer_id: alice,
        number: input.number,
        status: 'draft',
      }),
    ),
)

describe('database refusals', () => {
  beforeAll(async () => {
    current = await signIn('office@dirtfree.test')
  })

  it('a foreign-key violation on the customer says "Unknown customer" on that field', async () => {
    expect(await scheduleJob({ customerId: unknownCustomer, title: 'Stairs' })).toEqual({
      ok: false,
      error: 'Unknown customer.',
      fieldErrors: { customerId: ['Unknown customer.'] },
    })
  })

  it('a duplicate invoice number lands on the number field', async () => {
    const number = `T-${Date.now()}`
    expect(await createNumberedInvoice({ number })).toMatchObject({ ok: true })
    expect(await createNumberedInvoice({ number })).toEqual({
      ok: false,
      error: 'This invoice number is already used.',
      fieldErrors: { number: ['This invoice number is already used.'] },
    })
  })

  it('a write RLS refuses says the caller may not do it', async () => {
    current = await signIn('alice@example.com')
    expect(await scheduleJob({ customerId: alice, title: 'Free cleaning' })).toEqual({
      ok: false,
      error: 'You are not allowed to do that.',
    })
  })
})

describe('outages', () => {
  let unavailable: Server
  let unavailableUrl: string

  beforeAll(async () => {
    // Answers like PostgREST does when it cannot reach its database.
    unavailable = createServer((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          code: 'PGRST001',
          message: 'Database client error. Retrying the connection.',
          details: null,
          hint: null,
        }),
      )
    })
    const port = await freePort()
    await new Promise<void>((resolve) => unavailable.listen(port, '127.0.0.1', resolve))
    unavailableUrl = `http://127.0.0.1:${port}`
  })
  afterAll(() => new Promise<void>((resolve) => unavailable.close(() => resolve())))

  const outage = {
    ok: false,
    error: 'The service is unavailable, try again in a moment. Nothing was changed.',
  }

  it('nothing listening (a network error) is an outage, not "unknown customer"', async () => {
    current = client(`http://127.0.0.1:${await freePort()}`, inject('stack').ANON_KEY)
    expect(await scheduleJob({ customerId: alice, title: 'Stairs' })).toEqual(outage)
  })

  it('a 503 from the API is an outage', async () => {
    current = client(unavailableUrl, inject('stack').ANON_KEY)
    expect(await scheduleJob({ customerId: alice, title: 'Stairs' })).toEqual(outage)
  })
})
