import { beforeAll, describe, expect, it } from 'vitest'
import {
  listStaffNotifications,
  markAllStaffNotificationsRead,
  markStaffNotificationRead,
  sendMessage,
} from '../../src/repositories/index.ts'
import { createWorld, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('staff notifications repository', () => {
  it('lists the caller’s notices newest first with the unread count, and marks them read', async () => {
    const empty = await listStaffNotifications(world.staff.client)
    expect(empty).toEqual({ notifications: [], unread: 0 })
    for (const body of ['First question', 'Second question']) {
      await sendMessage(world.customer.client, {
        organizationId: world.organizationId,
        customerId: world.customer.id,
        senderType: 'customer',
        body,
      })
    }
    const inbox = await listStaffNotifications(world.staff.client)
    expect(inbox.unread).toBe(2)
    expect(inbox.notifications.map((n) => n.body)).toEqual(['Second question', 'First question'])
    expect(inbox.notifications[0]).toMatchObject({ kind: 'message_received', customer_id: world.customer.id, read_at: null })
    // Technicians are not told about messages; customers read no staff notices at all.
    expect((await listStaffNotifications(world.technician.client)).unread).toBe(0)
    expect(await listStaffNotifications(world.customer.client)).toEqual({ notifications: [], unread: 0 })

    await markStaffNotificationRead(world.staff.client, inbox.notifications[1]?.id as string)
    const after = await listStaffNotifications(world.staff.client, { unreadOnly: true })
    expect(after.unread).toBe(1)
    expect(after.notifications.map((n) => n.body)).toEqual(['Second question'])
    expect(await markAllStaffNotificationsRead(world.staff.client)).toBe(1)
    expect((await listStaffNotifications(world.staff.client)).unread).toBe(0)
    expect(await markAllStaffNotificationsRead(world.staff.client)).toBe(0)
  })
})
