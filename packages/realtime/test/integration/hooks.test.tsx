import type { JobRow, MessageRow } from '@repo/database/types'
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionStatus } from '../../src/components/connection-status.tsx'
import { organizationRoom, portalRoom } from '../../src/core/rooms.ts'
import { useAllUpdates } from '../../src/hooks/use-all-updates.ts'
import { useChangeFeed, useRecordUpdates } from '../../src/hooks/use-change-feed.ts'
import { useConnectionStatus } from '../../src/hooks/use-connection-status.ts'
import { useJobUpdates } from '../../src/hooks/use-job-updates.ts'
import { useLoyaltyUpdates } from '../../src/hooks/use-loyalty-updates.ts'
import { useMessageUpdates } from '../../src/hooks/use-message-updates.ts'
import { usePresence, useWatchPresence } from '../../src/hooks/use-presence.ts'
import {
  createWorld,
  customerClient,
  insertInvoice,
  insertJob,
  insertMessage,
  insertPoints,
  otherCustomerClient,
  setJobStatus,
  staffClient,
  type World,
} from '../helpers/fixtures.ts'
import { connected, LONG, provider } from '../helpers/render.tsx'
import { closeClients, joinedChannels, sql } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterEach(cleanup)
afterAll(closeClients)

describe('useJobUpdates', () => {
  it('delivers typed rows and exposes the latest update', async () => {
    const client = await customerClient(world)
    const seen: JobRow[] = []
    const { result } = renderHook(
      () => useJobUpdates(world.customer.id, { onInsert: (job) => seen.push(job) }),
      {
        wrapper: provider(client),
      },
    )
    expect(result.current.status).toBe('connecting')
    await connected(result)
    expect(result.current.isConnected).toBe(true)
    const job = await insertJob(world, world.customer.id, 'Hallway')
    await waitFor(() => expect(seen.map((j) => j.id)).toEqual([job.id]), LONG)
    await waitFor(() => expect(result.current.latestUpdate?.eventType).toBe('INSERT'))
    expect(result.current.latestUpdate?.new?.title).toBe('Hallway')
  })

  it('waits for a client given as a promise (the apps load it lazily): connecting, then live', async () => {
    const client = await customerClient(world)
    let resolve: (c: typeof client) => void = () => {}
    const loading = new Promise<typeof client>((r) => {
      resolve = r
    })
    const seen: string[] = []
    const { result } = renderHook(() => useJobUpdates(world.customer.id, { onInsert: (job) => seen.push(job.title) }), {
      wrapper: provider(loading),
    })
    await new Promise((r) => setTimeout(r, 200))
    expect(result.current.status).toBe('connecting')
    expect(client.getChannels()).toHaveLength(0)
    act(() => resolve(client))
    await connected(result)
    await insertJob(world, world.customer.id, 'Porch')
    await waitFor(() => expect(seen).toEqual(['Porch']), LONG)
  })

  it('keeps one channel across re-renders with new callbacks and calls the newest one', async () => {
    const client = await customerClient(world)
    const calls: string[] = []
    const { result, rerender } = renderHook(
      ({ tag }: { tag: string }) =>
        useJobUpdates(world.customer.id, { onInsert: (job) => calls.push(`${tag}:${job.title}`) }),
      { wrapper: provider(client), initialProps: { tag: 'first' } },
    )
    await connected(result)
    const topic = joinedChannels(client)[0]?.topic
    for (const tag of ['second', 'third', 'latest']) rerender({ tag })
    expect(client.getChannels().map((c) => c.topic)).toEqual([topic])
    await insertJob(world, world.customer.id, 'Kitchen')
    await waitFor(() => expect(calls).toEqual(['latest:Kitchen']), LONG)
  })

  it('leaves exactly one live subscription after a StrictMode double mount', async () => {
    const client = await customerClient(world)
    const seen: string[] = []
    const { result } = renderHook(
      () => useJobUpdates(world.customer.id, { onInsert: (job) => seen.push(job.id) }),
      {
        wrapper: provider(client, true),
      },
    )
    await connected(result)
    await waitFor(() => expect(client.getChannels()).toHaveLength(1), LONG)
    expect(joinedChannels(client)).toHaveLength(1)
    const job = await insertJob(world, world.customer.id, 'Strict')
    await waitFor(() => expect(seen).toEqual([job.id]), LONG)
  })

  it('removes the channel on unmount', async () => {
    const client = await customerClient(world)
    const { result, unmount } = renderHook(() => useJobUpdates(world.customer.id), {
      wrapper: provider(client),
    })
    await connected(result)
    expect(client.getChannels()).toHaveLength(1)
    unmount()
    await waitFor(() => expect(client.getChannels()).toHaveLength(0), LONG)
  })

  it('lets two components use the hook independently', async () => {
    const client = await customerClient(world)
    const a: string[] = []
    const b: string[] = []
    const first = renderHook(
      () => useJobUpdates(world.customer.id, { onInsert: (job) => a.push(job.title) }),
      {
        wrapper: provider(client),
      },
    )
    const second = renderHook(
      () => useJobUpdates(world.customer.id, { onInsert: (job) => b.push(job.title) }),
      {
        wrapper: provider(client),
      },
    )
    await connected(first.result)
    await connected(second.result)
    expect(joinedChannels(client)).toHaveLength(2)
    await insertJob(world, world.customer.id, 'Both')
    await waitFor(() => expect([a, b]).toEqual([['Both'], ['Both']]), LONG)
    first.unmount()
    await waitFor(() => expect(client.getChannels()).toHaveLength(1), LONG)
    await insertJob(world, world.customer.id, 'Only second')
    await waitFor(() => expect(b).toEqual(['Both', 'Only second']), LONG)
    expect(a).toEqual(['Both'])
    expect(second.result.current.status).toBe('connected')
  })

  it('does not subscribe without a customer id', async () => {
    const client = await customerClient(world)
    const { result } = renderHook(() => useJobUpdates(null), { wrapper: provider(client) })
    expect(result.current.status).toBe('disconnected')
    expect(client.getChannels()).toHaveLength(0)
  })
})

describe('useMessageUpdates', () => {
  it('counts unread staff messages from the loaded thread and live changes', async () => {
    const client = await customerClient(world)
    const existing = await insertMessage(world, world.customer.id, 'Welcome!')
    const initialMessages: MessageRow[] = [existing]
    const { result } = renderHook(() => useMessageUpdates(world.customer.id, { initialMessages }), {
      wrapper: provider(client),
    })
    expect(result.current.unreadCount).toBe(1)
    await connected(result)
    const next = await insertMessage(world, world.customer.id, 'Your tech is on the way')
    await insertMessage(world, world.customer.id, 'Thanks!', 'customer')
    await waitFor(() => expect(result.current.unreadCount).toBe(2), LONG)
    await sql(`update public.messages set read_at = now() where id = any($1)`, [
      [existing.id, next.id],
    ])
    await waitFor(() => expect(result.current.unreadCount).toBe(0), LONG)
  })
})

describe('useLoyaltyUpdates', () => {
  it('adds live transactions to the loaded balance', async () => {
    const client = await customerClient(world)
    const earned: number[] = []
    const { result } = renderHook(
      () =>
        useLoyaltyUpdates(world.customer.id, {
          initialPoints: 100,
          onPointsEarned: (t) => earned.push(t.points),
        }),
      { wrapper: provider(client) },
    )
    await connected(result)
    expect(result.current.totalPoints).toBe(100)
    await insertPoints(world, world.customer.id, 40)
    await insertPoints(world, world.customer.id, -25, 'adjustment')
    await insertPoints(world, world.otherCustomer.id, 1000)
    await waitFor(() => expect(result.current.totalPoints).toBe(115), LONG)
    expect(earned).toEqual([40])
  })
})

describe('useAllUpdates', () => {
  it('uses one channel and lists its active subscriptions', async () => {
    const client = await customerClient(world)
    const seen: string[] = []
    const { result } = renderHook(
      () =>
        useAllUpdates(world.customer.id, {
          onJobUpdate: (job) => seen.push(`job:${job.status}`),
          onInvoiceInsert: (invoice) => seen.push(`invoice:${invoice.status}`),
        }),
      { wrapper: provider(client) },
    )
    expect(result.current.activeSubscriptions).toEqual([])
    await connected(result)
    expect(result.current.activeSubscriptions).toEqual([
      'jobs',
      'invoices',
      'messages',
      'loyalty_transactions',
      'quotes',
      'payments',
      'customer_credits',
      'properties',
      'attachments',
    ])
    expect(client.getChannels()).toHaveLength(1)
    const job = await insertJob(world, world.customer.id)
    await setJobStatus(job.id, 'confirmed')
    await insertInvoice(world, world.customer.id)
    await waitFor(() => expect(seen.sort()).toEqual(['invoice:sent', 'job:confirmed']), LONG)
  })
})

describe('useConnectionStatus and ConnectionStatus', () => {
  it('reflect the hooks under the provider', async () => {
    const client = await customerClient(world)
    function Page() {
      useJobUpdates(world.customer.id)
      const { status } = useConnectionStatus()
      return (
        <div>
          <span data-testid="overall">{status}</span>
          <ConnectionStatus variant="badge" />
        </div>
      )
    }
    const Wrapper = provider(client)
    render(
      <Wrapper>
        <Page />
      </Wrapper>,
    )
    await waitFor(() => expect(screen.getByTestId('overall').textContent).toBe('connected'), LONG)
    expect(screen.getByRole('status').textContent).toContain('Live updates are on')
  })
})

describe('usePresence', () => {
  it('shows who is in a private room, across clients, and only to those allowed in', async () => {
    const staff = await staffClient(world)
    const alice = await customerClient(world)
    const bob = await otherCustomerClient(world)
    const room = organizationRoom(world.organizationId)
    // Staff track in the organization's room; its customers may only watch it.
    const team = renderHook(
      () => usePresence(room, world.staff.userId, { kind: 'staff', name: 'Olivia' }),
      {
        wrapper: provider(staff),
      },
    )
    const aliceWatch = renderHook(() => useWatchPresence(room), { wrapper: provider(alice) })
    const bobWatch = renderHook(() => useWatchPresence(room), { wrapper: provider(bob) })
    // Alice announces herself in her own portal room, which her staff watch.
    const aliceOnline = renderHook(
      () => usePresence(portalRoom(world.customer.id), world.customer.userId, { kind: 'customer' }),
      { wrapper: provider(alice) },
    )
    const staffWatch = renderHook(() => useWatchPresence(portalRoom(world.customer.id)), {
      wrapper: provider(staff),
    })
    await waitFor(
      () =>
        expect(aliceWatch.result.current.onlineUsers.map((u) => u.metadata.name)).toEqual([
          'Olivia',
        ]),
      LONG,
    )
    await waitFor(
      () =>
        expect(staffWatch.result.current.onlineUsers.map((u) => u.userId)).toEqual([
          world.customer.userId,
        ]),
      LONG,
    )
    expect(aliceOnline.result.current.isConnected).toBe(true)
    // Watching announces no one: the team room holds the staff member only, for everyone (each
    // client receives the room's state on its own join, so each is awaited).
    await waitFor(
      () => expect(bobWatch.result.current.onlineUsers.map((u) => u.userId)).toEqual([world.staff.userId]),
      LONG,
    )
    await waitFor(
      () => expect(team.result.current.onlineUsers.map((u) => u.userId)).toEqual([world.staff.userId]),
      LONG,
    )

    // Bob may not even join Alice's portal room: the private join is refused, nothing arrives.
    const bobOnAlice = renderHook(() => useWatchPresence(portalRoom(world.customer.id)), {
      wrapper: provider(bob),
    })
    await new Promise((r) => setTimeout(r, 500))
    expect(bobOnAlice.result.current.isConnected).toBe(false)
    expect(bobOnAlice.result.current.onlineUsers).toEqual([])

    team.unmount()
    await waitFor(() => expect(aliceWatch.result.current.onlineUsers).toEqual([]), LONG)
  })
})

describe('useChangeFeed and useRecordUpdates', () => {
  it('let staff lists and detail views follow the organization', async () => {
    const client = await staffClient(world)
    const job = await insertJob(world, world.customer.id, 'Detail')
    const listEvents: string[] = []
    const detail: JobRow[] = []
    const list = renderHook(
      () =>
        useChangeFeed(world.organizationId, {
          tables: ['jobs'],
          onChange: (e) => listEvents.push(`${e.table_name}:${e.record_id}:${e.event_type}`),
        }),
      {
        wrapper: provider(client),
      },
    )
    const record = renderHook(
      () => useRecordUpdates('jobs', job.id, { onUpdate: (row) => detail.push(row) }),
      {
        wrapper: provider(client),
      },
    )
    await connected(list.result)
    await connected(record.result)
    await insertInvoice(world, world.customer.id)
    const another = await insertJob(world, world.customer.id, 'Another')
    await act(() => setJobStatus(job.id, 'in_progress'))
    await waitFor(() => expect(detail.map((row) => row.status)).toEqual(['in_progress']), LONG)
    await waitFor(
      () =>
        expect(listEvents).toEqual(
          expect.arrayContaining([`jobs:${another.id}:INSERT`, `jobs:${job.id}:UPDATE`]),
        ),
      LONG,
    )
    // The feed was narrowed to jobs: the invoice never reaches the list.
    expect(listEvents.every((event) => event.startsWith('jobs:'))).toBe(true)
  })
})
