import { beforeAll, describe, expect, it } from 'vitest'
import {
  countUnread,
  deleteMessage,
  listThread,
  markThreadRead,
  sendMessage,
  ValidationError,
} from '../../src/repositories/index.ts'
import { createWorld, sql, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('messages repository', () => {
  it('carries a thread between staff and the customer with unread counts', async () => {
    const fromStaff = await sendMessage(world.staff.client, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      senderType: 'staff',
      body: 'Your technician is on the way',
    })
    expect(fromStaff.sender_user_id).toBe(world.staff.userId)
    const reply = await sendMessage(world.customer.client, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      senderType: 'customer',
      body: '  Thanks!  ',
    })
    expect(reply.body).toBe('Thanks!')
    expect((await listThread(world.customer.client, world.customer.id)).map((m) => m.id)).toEqual([
      fromStaff.id,
      reply.id,
    ])
    expect(await countUnread(world.customer.client, world.customer.id, 'staff')).toBe(1)
    expect(await markThreadRead(world.customer.client, world.customer.id, 'staff')).toBe(1)
    expect(await countUnread(world.customer.client, world.customer.id, 'staff')).toBe(0)
  })

  it('hides soft-deleted messages and other customers’ threads', async () => {
    const message = await sendMessage(world.staff.client, {
      organizationId: world.organizationId,
      customerId: world.customer.id,
      senderType: 'staff',
      body: 'Wrong thread, sorry',
    })
    const deleted = await deleteMessage(world.staff.client, message.id)
    expect(deleted.deleted_at).not.toBeNull()
    expect(
      (await listThread(world.customer.client, world.customer.id)).map((m) => m.id),
    ).not.toContain(message.id)
    expect(await listThread(world.otherCustomer.client, world.customer.id)).toEqual([])
  })

  it('refuses empty messages and messages into another customer’s thread', async () => {
    const before = await sql(`select count(*)::int as n from public.messages where organization_id = $1`, [world.organizationId])
    await expect(
      sendMessage(world.customer.client, {
        organizationId: world.organizationId,
        customerId: world.customer.id,
        senderType: 'customer',
        body: '   ',
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      sendMessage(world.customer.client, {
        organizationId: world.organizationId,
        customerId: world.otherCustomer.id,
        senderType: 'customer',
        body: 'Hi Bob',
      }),
    ).rejects.toThrow()
    expect(await sql(`select count(*)::int as n from public.messages where organization_id = $1`, [world.organizationId])).toEqual(before)
  })
})
