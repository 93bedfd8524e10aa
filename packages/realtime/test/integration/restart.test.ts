// @vitest-environment node
import { rm } from 'node:fs/promises'
import { freePort, startTestStack, type TestStack, tempDir } from '@repo/local-supabase/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { subscribeToJobUpdates } from '../../src/core/customer-subscriptions.ts'
import type { RealtimeStatus } from '../../src/core/types.ts'
import { createWorld, customerClient, insertJob, type World } from '../helpers/fixtures.ts'
import { closeClients, settle, useStack } from '../helpers/stack.ts'

// Its own stack on fixed ports and a kept data dir, so it can be stopped and started again.
let stack: TestStack
let dataDir: string
let ports: { apiPort: number; dbPort: number }
let world: World
const start = () => startTestStack({ config: { dataDir, ...ports } })

beforeAll(async () => {
  dataDir = await tempDir('realtime-restart-')
  ports = { apiPort: await freePort(), dbPort: await freePort() }
  stack = await start()
  useStack(stack.info)
  world = await createWorld()
}, 60_000)

afterAll(async () => {
  await closeClients()
  await stack?.stop()
  useStack(null)
  await rm(dataDir, { recursive: true, force: true })
}, 60_000)

describe('when the stack restarts', () => {
  it('reconnects, fires onResync and delivers again', async () => {
    const client = await customerClient(world)
    const statuses: RealtimeStatus[] = []
    const titles: string[] = []
    let resyncs = 0
    const stop = subscribeToJobUpdates(client, world.customer.id, {
      onInsert: (job) => titles.push(job.title),
      onStatus: (status) => statuses.push(status),
      onResync: () => {
        resyncs += 1
      },
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), { timeout: 15_000 })
    await stack.stop()
    stack = await start()
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'), { timeout: 30_000 })
    expect(statuses).toContain('reconnecting')
    expect(resyncs).toBe(1)
    await settle()
    await insertJob(world, world.customer.id, 'After restart')
    await vi.waitFor(() => expect(titles).toEqual(['After restart']), { timeout: 15_000 })
    stop()
  }, 60_000)
})
