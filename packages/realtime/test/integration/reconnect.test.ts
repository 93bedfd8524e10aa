import type { Database } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { subscribeToAll } from '../../src/core/customer-subscriptions.ts'
import type { Client, RealtimeStatus } from '../../src/core/types.ts'
import { createWorld, insertJob, type World } from '../helpers/fixtures.ts'
import { type OutageProxy, startOutageProxy } from '../helpers/outage-proxy.ts'
import { settle, signJwt, stackEnv } from '../helpers/stack.ts'

let world: World
let proxy: OutageProxy
let client: Client

beforeAll(async () => {
  world = await createWorld()
  proxy = await startOutageProxy(stackEnv().API_URL)
  const env = stackEnv()
  const now = Math.floor(Date.now() / 1000)
  const token = signJwt(
    {
      sub: world.customer.userId,
      role: 'authenticated',
      aud: 'authenticated',
      iat: now,
      exp: now + 3600,
    },
    env.JWT_SECRET,
  )
  client = createClient<Database>(proxy.url, env.ANON_KEY, {
    accessToken: async () => token,
    realtime: {
      transport: WebSocket as unknown as typeof globalThis.WebSocket,
      reconnectAfterMs: () => 300,
      heartbeatIntervalMs: 2_000,
    },
  })
})

afterAll(async () => {
  await client.removeAllChannels()
  client.realtime.disconnect()
  await proxy.close()
})

describe('when the realtime endpoint goes away and comes back', () => {
  it('reports reconnecting, rejoins, fires onResync and delivers again', async () => {
    const statuses: RealtimeStatus[] = []
    const titles: string[] = []
    let resyncs = 0
    const stop = subscribeToAll(client, world.customer.id, {
      // Without the change-feed catch-up (test/integration/catch-up.test.ts), every rejoin resyncs.
      catchUp: false,
      onJobInsert: (job) => titles.push(job.title),
      onStatus: (status) => statuses.push(status),
      onResync: () => {
        resyncs += 1
      },
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), { timeout: 15_000 })
    expect(resyncs).toBe(0)

    await proxy.down()
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('reconnecting'), { timeout: 15_000 })
    await proxy.up()

    await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'), { timeout: 30_000 })
    expect(resyncs).toBe(1)
    await settle()
    await insertJob(world, world.customer.id, 'After outage')
    await vi.waitFor(() => expect(titles).toContain('After outage'), { timeout: 15_000 })
    stop()
  }, 60_000)
})
