import { beforeAll, describe, expect, it } from 'vitest'
import {
  addCustomerNote,
  createCustomer,
  getCustomer,
  getMyCustomer,
  listCustomerNotes,
  listCustomers,
  NotFoundError,
  PermissionError,
  updateCustomer,
  ValidationError,
} from '../../src/repositories/index.ts'
import { anonClient, createWorld, sql, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('customers repository', () => {
  it('lets staff list and search their organization’s customers', async () => {
    const all = await listCustomers(world.staff.client, { organizationId: world.organizationId })
    expect(all.map((c) => c.id).sort()).toEqual([world.customer.id, world.otherCustomer.id].sort())
    const found = await listCustomers(world.staff.client, {
      organizationId: world.organizationId,
      search: 'ALIC',
    })
    expect(found.map((c) => c.first_name)).toEqual(['alice'])
    // or() separators in user text must not change the query.
    expect(
      await listCustomers(world.staff.client, {
        organizationId: world.organizationId,
        search: 'x,id.neq.0',
      }),
    ).toEqual([])
  })

  it('shows a customer only their own record', async () => {
    const mine = await getMyCustomer(world.customer.client)
    expect(mine?.id).toBe(world.customer.id)
    expect((await listCustomers(world.customer.client)).map((c) => c.id)).toEqual([
      world.customer.id,
    ])
    await expect(getCustomer(world.customer.client, world.otherCustomer.id)).rejects.toBeInstanceOf(
      NotFoundError,
    )
    await expect(listCustomers(anonClient())).rejects.toBeInstanceOf(PermissionError)
  })

  it('creates and updates with typed rows, rejecting bad input before writing', async () => {
    const created = await createCustomer(world.staff.client, {
      organization_id: world.organizationId,
      first_name: 'Carol',
      last_name: 'New',
      email: 'carol@example.test',
      notification_preferences: {},
    })
    expect(created).toMatchObject({
      first_name: 'Carol',
      organization_id: world.organizationId,
      portal_user_id: null,
    })
    const updated = await updateCustomer(world.staff.client, created.id, { city: 'Springfield' })
    expect(updated.city).toBe('Springfield')

    const before = await sql(`select count(*)::int as n from public.customers`)
    await expect(
      createCustomer(world.staff.client, {
        organization_id: world.organizationId,
        first_name: ' ',
        notification_preferences: {},
      }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(updateCustomer(world.staff.client, 'not-a-uuid', { city: 'x' })).rejects.toThrow(
      /customerId must be a UUID/,
    )
    expect(await sql(`select count(*)::int as n from public.customers`)).toEqual(before)
  })

  it('keeps staff notes away from customers', async () => {
    const note = await addCustomerNote(world.staff.client, {
      organization_id: world.organizationId,
      customer_id: world.customer.id,
      author_staff_id: world.staff.id,
      body: 'Has a dog, ring twice',
    })
    expect(note.body).toBe('Has a dog, ring twice')
    expect(
      (await listCustomerNotes(world.staff.client, world.customer.id)).map((n) => n.id),
    ).toEqual([note.id])
    expect(await listCustomerNotes(world.customer.client, world.customer.id)).toEqual([])
  })
})
