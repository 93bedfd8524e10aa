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

  it('finds customers by full name in any order, by e-mail or city, and by the digits of a phone number', async () => {
    const org = world.organizationId
    const [alice, alicia, other] = await sql<{ id: string }>(
      `insert into public.customers (organization_id, first_name, last_name, email, phone, city)
       values ($1, 'Alice', 'Johnson', 'aj@example.com', '(512) 555-0142', 'Austin'),
              ($1, 'Alicia', 'Jones', 'alicia@example.com', '+1 512-555-0199', 'Round Rock'),
              ($1, 'Bob', 'Johnson', 'bob@example.com', null, 'Austin')
       returning id`,
      [org],
    )
    const find = async (search: string) =>
      (await listCustomers(world.staff.client, { organizationId: org, search })).map((c) => c.id).sort()
    expect(await find('Alice Johnson')).toEqual([alice?.id])
    expect(await find('johnson  ALICE')).toEqual([alice?.id])
    expect(await find('5125550142')).toEqual([alice?.id])
    expect(await find('512-555-0142')).toEqual([alice?.id])
    expect(await find('555 01')).toEqual([alice?.id, alicia?.id].sort())
    expect(await find('johnson austin')).toEqual([alice?.id, other?.id].sort())
    expect(await find('round rock')).toEqual([alicia?.id])
    expect(await find('Alice Smith')).toEqual([])
    // Grammar characters are dropped, never interpreted.
    expect(await find('alice),id.neq.(0')).toEqual([])
    expect(await find('100%')).toEqual([])
    expect(await find('a_')).toEqual([])
    // Only staff of the organization search it: a customer of it gets nothing, not even themselves.
    const asCustomer = await world.customer.client.rpc('search_customers', { p_organization_id: org, p_search: 'a' })
    expect(asCustomer).toMatchObject({ error: null, data: [] })
    await expect(listCustomers(world.staff.client, { search: 'alice' })).rejects.toBeInstanceOf(ValidationError)
  })

  it('pages customers in a stable order when they share a creation time', async () => {
    const org = world.organizationId
    // One statement: every row gets the same created_at.
    await sql(
      `insert into public.customers (organization_id, first_name, last_name)
       select $1, 'Twin', 'No. ' || g from generate_series(1, 12) g`,
      [org],
    )
    const pages = async () => {
      const ids: string[] = []
      for (let offset = 0; offset < 30; offset += 5) {
        const page = await listCustomers(world.staff.client, { organizationId: org, search: 'twin', limit: 5, offset })
        ids.push(...page.map((c) => c.id))
      }
      return ids
    }
    const first = await pages()
    expect(first).toHaveLength(12)
    expect(new Set(first).size).toBe(12)
    expect(await pages()).toEqual(first)
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

    // This organization's rows only: other test files write customers at the same time.
    const count = () => sql(`select count(*)::int as n from public.customers where organization_id = $1`, [world.organizationId])
    const before = await count()
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
    expect(await count()).toEqual(before)
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
