import { sendMessage, updateJobStatus } from '@repo/database/repositories'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { subscribeToAll } from '../../src/core/customer-subscriptions.ts'
import type { RealtimeStatus } from '../../src/core/types.ts'
import {
  createWorld,
  customerClient,
  insertJob,
  staffClient,
  type World,
} from '../helpers/fixtures.ts'
import { closeClients, settle } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterAll(closeClients)

describe('staff writing through the repositories', () => {
  it('reaches the customer’s portal channel live, with typed rows', async () => {
    const customer = await customerClient(world)
    const staff = await staffClient(world)
    const job = await insertJob(world, world.customer.id, 'Area rugs')
    const events: string[] = []
    const statuses: RealtimeStatus[] = []
    const stop = subscribeToAll(customer, world.customer.id, {
      onJobUpdate: (row, old) => events.push(`job:${old.status}->${row.status}`),
      onNewMessage: (message) => events.push(`message:${message.sender_type}:${message.body}`),
      onStatus: (status) => statuses.push(status),
    })
    await vi.waitFor(() => expect(statuses).toContain('connected'), { timeout: 15_000 })
    await settle()

    await updateJobStatus(staff, job.id, 'en_route')
    await sendMessage(staff, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      senderType: 'staff',
      body: 'On our way!',
    })
    await vi.waitFor(
      () => expect(events).toEqual(['job:scheduled->en_route', 'message:staff:On our way!']),
      {
        timeout: 15_000,
      },
    )
    stop()
  })
})
