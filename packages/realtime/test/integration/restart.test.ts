// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { subscribeToJobUpdates } from '../../src/core/customer-subscriptions.ts'
import type { RealtimeStatus } from '../../src/core/types.ts'
import { customerClient, insertJob } from '../helpers/fixtures.ts'
import { restartableStack } from '../helpers/restartable-stack.ts'
import { settle } from '../helpers/stack.ts'

// Its own stack on fixed ports and a kept data dir, so it can be stopped and started again.
const running = restartableStack('restart')

describe('when the stack restarts', () => {
  it('reconnects, fires onResync and delivers again', async () => {
    const client = await customerClient(running.world)
    const statuses: RealtimeStatus[] = []
    const titles: string[] = []
    let resyncs = 0
    const stop = subscribeToJobUpdates(client, running.world.customer.id, {
      onInsert: (job) => titles.push(job.title),
      onStatus: (status) => statuses.push(status),
      onResync: () => {
        resyncs += 1
      },
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), { timeout: 15_000 })
    await running.restart()
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('connected'), { timeout: 30_000 })
    expect(statuses).toContain('reconnecting')
    expect(resyncs).toBe(1)
    await settle()
    await insertJob(running.world, running.world.customer.id, 'After restart')
    await vi.waitFor(() => expect(titles).toEqual(['After restart']), { timeout: 15_000 })
    stop()
  }, 60_000)
})
