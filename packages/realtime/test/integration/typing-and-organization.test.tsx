import type { CustomerRow, Database, MessageRow } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { trackPresence } from '../../src/core/presence.ts'
import { customerRoom } from '../../src/core/rooms.ts'
import { subscribeToTyping, type TypingPayload, typingTopic } from '../../src/core/typing.ts'
import { useOrganizationUpdates } from '../../src/hooks/use-organization-updates.ts'
import { useTypingIndicator } from '../../src/hooks/use-typing-indicator.ts'
import {
  createWorld,
  customerClient,
  insertMessage,
  otherCustomerClient,
  staffClient,
  type World,
} from '../helpers/fixtures.ts'
import { connected, LONG, provider } from '../helpers/render.tsx'
import { closeClients, joinedChannels, settle, signJwt, sql, stackEnv } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterEach(cleanup)
afterAll(closeClients)

describe('useTypingIndicator', () => {
  it('shows each side the other one typing, across staff and customer clients', async () => {
    const staff = renderHook(
      () => useTypingIndicator(world.customer.id, { sender: 'staff', name: 'Olivia' }),
      { wrapper: provider(await staffClient(world), true) },
    )
    const customer = renderHook(
      () => useTypingIndicator(world.customer.id, { sender: 'customer', name: 'Alice' }),
      { wrapper: provider(await customerClient(world)) },
    )
    await connected(staff.result)
    await connected(customer.result)

    act(() => customer.result.current.notifyTyping(true))
    await waitFor(() => expect(staff.result.current.typistName).toBe('Alice'), LONG)
    // Our own typing is never shown back to us.
    expect(customer.result.current.typistName).toBeNull()

    act(() => customer.result.current.notifyTyping(false))
    await waitFor(() => expect(staff.result.current.typistName).toBeNull(), LONG)

    act(() => staff.result.current.notifyTyping())
    await waitFor(() => expect(customer.result.current.typistName).toBe('Olivia'), LONG)
    act(() => customer.result.current.clearTyping())
    expect(customer.result.current.typistName).toBeNull()
  })

  it('keeps one joined channel after a StrictMode double mount and leaves it on unmount', async () => {
    const client = await staffClient(world)
    const topic = `realtime:${typingTopic(world.customer.id)}`
    const { result, unmount } = renderHook(
      () => useTypingIndicator(world.customer.id, { sender: 'staff', name: 'Olivia' }),
      { wrapper: provider(client, true) },
    )
    await connected(result)
    expect(joinedChannels(client).map((c) => c.topic)).toEqual([topic])
    unmount()
    await waitFor(() => expect(client.getChannels()).toEqual([]), LONG)
  })

  it('ends the typing state after a quiet spell when no "stopped" arrives', async () => {
    const staff = renderHook(
      () => useTypingIndicator(world.customer.id, { sender: 'staff', name: 'Olivia', idleMs: 500 }),
      { wrapper: provider(await staffClient(world)) },
    )
    const customer = renderHook(
      () => useTypingIndicator(world.customer.id, { sender: 'customer', name: 'Alice' }),
      { wrapper: provider(await customerClient(world)) },
    )
    await connected(staff.result)
    await connected(customer.result)
    act(() => customer.result.current.notifyTyping(true))
    await waitFor(() => expect(staff.result.current.typistName).toBe('Alice'), LONG)
    await waitFor(() => expect(staff.result.current.typistName).toBeNull(), { timeout: 3_000 })
  })
})

describe('private channels (Realtime Authorization)', () => {
  it('refuses another customer the typing topic: no join, nothing sent, nothing received', async () => {
    const bob = await otherCustomerClient(world)
    const errors: string[] = []
    const bobHeard: TypingPayload[] = []
    const intruder = subscribeToTyping(bob, world.customer.id, 'customer', {
      onTyping: (payload) => bobHeard.push(payload),
      onStatus: (_status, error) => {
        if (error) errors.push(error.message)
      },
    })
    const staffHeard: TypingPayload[] = []
    const staff = subscribeToTyping(await staffClient(world), world.customer.id, 'staff', {
      onTyping: (payload) => staffHeard.push(payload),
    })
    const alice = subscribeToTyping(await customerClient(world), world.customer.id, 'customer')
    try {
      await waitFor(() => expect(errors.join()).toMatch(/Unauthorized/), LONG)
      // Bob's "Alice is typing" goes nowhere: his channel never joined.
      expect(intruder.send({ sender: 'customer', name: 'Alice', typing: true })).toBe(false)
      await waitFor(
        () => expect(alice.send({ sender: 'customer', name: 'Alice', typing: true })).toBe(true),
        LONG,
      )
      await waitFor(
        () => expect(staffHeard).toEqual([{ sender: 'customer', name: 'Alice', typing: true }]),
        LONG,
      )
      expect(staff.send({ sender: 'staff', name: 'Olivia', typing: true })).toBe(true)
      await settle()
      expect(bobHeard).toEqual([])
      expect(joinedChannels(bob)).toEqual([])
    } finally {
      intruder.unsubscribe()
      staff.unsubscribe()
      alice.unsubscribe()
    }
  })

  it('refuses a customer the staff room of their own record', async () => {
    const errors: string[] = []
    const stop = trackPresence(
      await customerClient(world),
      customerRoom(world.customer.id),
      world.customer.userId,
      {},
      {
        onStatus: (_status, error) => {
          if (error) errors.push(error.message)
        },
      },
    )
    try {
      await waitFor(() => expect(errors.join()).toMatch(/Unauthorized/), LONG)
    } finally {
      stop()
    }
  })

  it('joins with the session token even when reading it is slow (never as anon first)', async () => {
    // The session token arrives late; a private join sent before it would go out with the anon
    // key and be refused. The core authorizes the socket first.
    const env = stackEnv()
    const now = Math.floor(Date.now() / 1000)
    const token = signJwt(
      {
        sub: world.staff.userId,
        role: 'authenticated',
        aud: 'authenticated',
        iat: now,
        exp: now + 3600,
      },
      env.JWT_SECRET,
    )
    const client = createClient<Database>(env.API_URL, env.ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
      accessToken: async () => {
        await new Promise((r) => setTimeout(r, 300))
        return token
      },
    })
    const statuses: string[] = []
    const typing = subscribeToTyping(client, world.customer.id, 'staff', {
      onStatus: (status, error) => statuses.push(error ? `${status}:${error.message}` : status),
    })
    try {
      await waitFor(() => expect(statuses.at(-1)).toBe('connected'), LONG)
      expect(statuses.filter((s) => s.includes('Unauthorized'))).toEqual([])
    } finally {
      typing.unsubscribe()
      await settle()
      await client.removeAllChannels()
      client.realtime.disconnect()
    }
  })
})

describe('useOrganizationUpdates', () => {
  it('delivers full typed rows of the organization to staff, and nothing to customers', async () => {
    const staffRows: CustomerRow[] = []
    const messages: MessageRow[] = []
    const customerRows: CustomerRow[] = []
    const staffClientForTest = await staffClient(world)
    const customers = renderHook(
      () =>
        useOrganizationUpdates('customers', world.organizationId, {
          onUpdate: (row) => staffRows.push(row),
        }),
      { wrapper: provider(staffClientForTest, true) },
    )
    const inbox = renderHook(
      () =>
        useOrganizationUpdates('messages', world.organizationId, {
          onInsert: (row) => messages.push(row),
        }),
      { wrapper: provider(staffClientForTest) },
    )
    // RLS: another customer of the same organization asks for the same rows and gets none.
    const outsider = renderHook(
      () =>
        useOrganizationUpdates('customers', world.organizationId, {
          onUpdate: (row) => customerRows.push(row),
        }),
      { wrapper: provider(await otherCustomerClient(world)) },
    )
    await connected(customers.result)
    await connected(inbox.result)
    await connected(outsider.result)

    await sql(`update public.customers set city = 'Lakeway' where id = $1`, [world.customer.id])
    const message = await insertMessage(world, world.customer.id, 'Hello there', 'customer')
    await waitFor(
      () =>
        expect(staffRows.map((row) => [row.id, row.city])).toEqual([
          [world.customer.id, 'Lakeway'],
        ]),
      LONG,
    )
    await waitFor(() => expect(messages.map((row) => row.id)).toEqual([message.id]), LONG)
    expect(customers.result.current.latestUpdate?.eventType).toBe('UPDATE')
    await settle()
    expect(customerRows).toEqual([])
  })
})
