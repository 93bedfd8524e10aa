import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { syncRealtimeAuth } from '../../src/core/auth-sync.ts'
import { subscribeToJobUpdates } from '../../src/core/customer-subscriptions.ts'
import type { RealtimeStatus } from '../../src/core/types.ts'
import { createWorld, customerClient, insertJob, type World } from '../helpers/fixtures.ts'
import { closeClients, passwordClient, serviceClient, settle, sql } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterAll(closeClients)

const LONG = { timeout: 15_000 }

describe('pause while the tab is hidden', () => {
  let visibility: DocumentVisibilityState = 'visible'
  beforeAll(() => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    })
  })
  const setVisibility = (next: DocumentVisibilityState) => {
    visibility = next
    document.dispatchEvent(new Event('visibilitychange'))
  }

  it('leaves the channel when hidden and rejoins with a resync when shown', async () => {
    const client = await customerClient(world)
    const statuses: RealtimeStatus[] = []
    const titles: string[] = []
    let resyncs = 0
    const stop = subscribeToJobUpdates(client, world.customer.id, {
      pauseWhenHidden: true,
      onInsert: (job) => titles.push(job.title),
      onStatus: (status) => statuses.push(status),
      onResync: () => {
        resyncs += 1
      },
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), LONG)
    setVisibility('hidden')
    expect(statuses.at(-1)).toBe('disconnected')
    await vi.waitFor(() => expect(client.getChannels()).toHaveLength(0), LONG)

    setVisibility('visible')
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'), LONG)
    expect(resyncs).toBe(1)
    await settle()
    await insertJob(world, world.customer.id, 'After')
    await vi.waitFor(() => expect(titles).toEqual(['After']), LONG)
    stop()
    setVisibility('visible')
  })
})

describe('token refresh', () => {
  it('keeps the socket authorized with the refreshed token', async () => {
    const email = `refresh-${Date.now()}@example.test`
    const admin = serviceClient()
    const created = await admin.auth.admin.createUser({
      email,
      password: 'password123',
      email_confirm: true,
    })
    expect(created.error).toBeNull()
    const userId = created.data.user?.id ?? ''
    const [customer] = await sql<{ id: string }>(
      `insert into public.customers (organization_id, portal_user_id, first_name, email, notification_preferences)
       values ($1, $2, 'Rita', $3, '{}'::jsonb) returning id`,
      [world.organizationId, userId, email],
    )
    const customerId = customer?.id ?? ''

    const client = passwordClient()
    const stopSync = syncRealtimeAuth(client)
    const signedIn = await client.auth.signInWithPassword({ email, password: 'password123' })
    expect(signedIn.error).toBeNull()
    const firstToken = signedIn.data.session?.access_token
    await vi.waitFor(() => expect(client.realtime.accessTokenValue).toBe(firstToken), LONG)

    const titles: string[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToJobUpdates(client, customerId, {
      onInsert: (job) => titles.push(job.title),
      onStatus: (status) => statuses.push(status),
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), LONG)

    // Tokens carry whole seconds: make sure the refreshed one differs.
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const refreshed = await client.auth.refreshSession()
    expect(refreshed.error).toBeNull()
    const secondToken = refreshed.data.session?.access_token
    expect(secondToken).not.toBe(firstToken)
    await vi.waitFor(() => expect(client.realtime.accessTokenValue).toBe(secondToken), LONG)

    await settle()
    await sql(
      `insert into public.jobs (organization_id, customer_id, title, scheduled_start, scheduled_end)
       values ($1, $2, 'After refresh', now() + interval '1 day', now() + interval '1 day 1 hour')`,
      [world.organizationId, customerId],
    )
    await vi.waitFor(() => expect(titles).toEqual(['After refresh']), LONG)
    expect(statuses.at(-1)).toBe('connected')
    stop()
    stopSync()
  })
})
