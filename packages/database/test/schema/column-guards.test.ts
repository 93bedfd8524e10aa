import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, createAuthUser, present, sql } from './support/stack.ts'
import { createCustomer, createStaff, createWorld, insertRow, type World } from './support/world.ts'

describe('what end users may change inside the rows they can reach', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('a customer updates contact details and preferences, nothing else', async () => {
    const a = clientFor(world.personas.customerA)
    const prefs = {
      email: false,
      sms: true,
      job_updates: true,
      invoice_updates: false,
      message_updates: true,
      loyalty_updates: true,
    }
    const ok = await a
      .from('customers')
      .update({ phone: '(512) 555-0000', city: 'Dallas', notification_preferences: prefs })
      .eq('id', world.customerA)
      .select()
      .single()
    expect(ok.error).toBeNull()
    expect(ok.data).toMatchObject({
      phone: '(512) 555-0000',
      city: 'Dallas',
      notification_preferences: prefs,
    })

    const before = await sql('select * from public.customers where id = $1', [world.customerA])
    const org = await a
      .from('customers')
      .update({ organization_id: world.org2 })
      .eq('id', world.customerA)
    expect(org.error?.message).toBe('You may not change organization_id of this customer record')
    const link = await a
      .from('customers')
      .update({ portal_user_id: world.personas.customerB.userId })
      .eq('id', world.customerA)
    expect(link.error?.message).toBe('The portal login is linked with provision_portal_user()')
    const badPrefs = await a
      .from('customers')
      .update({ notification_preferences: ['email'] })
      .eq('id', world.customerA)
    expect(badPrefs.error?.code).toBe('23514')
    const notSwitch = await a
      .from('customers')
      .update({ notification_preferences: { email: 'yes' } })
      .eq('id', world.customerA)
    expect(notSwitch.error?.code).toBe('23514')
    const badEmail = await a
      .from('customers')
      .update({ email: 'not-an-email' })
      .eq('id', world.customerA)
    expect(badEmail.error?.code).toBe('23514')
    expect(await sql('select * from public.customers where id = $1', [world.customerA])).toEqual(
      before,
    )
  })

  it('a customer message is always from the customer, whatever the client claims', async () => {
    const a = clientFor(world.personas.customerA)
    const { data, error } = await a
      .from('messages')
      .insert({
        organization_id: world.org1,
        customer_id: world.customerA,
        sender_type: 'staff',
        sender_user_id: world.personas.office.userId,
        body: 'I am the office, honest',
        read_at: new Date().toISOString(),
      })
      .select()
      .single()
    expect(error).toBeNull()
    expect(data).toMatchObject({
      sender_type: 'customer',
      sender_user_id: world.personas.customerA.userId,
      read_at: null,
    })
  })

  it('a customer marks staff messages read, but cannot edit them or mark their own', async () => {
    const a = clientFor(world.personas.customerA)
    const read = await a
      .from('messages')
      .update({ read_at: new Date().toISOString() })
      .eq('id', world.staffMessageA)
      .select()
    expect(read.data).toHaveLength(1)
    const edit = await a
      .from('messages')
      .update({ body: 'rewritten' })
      .eq('id', world.staffMessageA)
    expect(edit.error?.message).toBe('You may not change body of this message')
    const own = await insertRow('messages', {
      organization_id: world.org1,
      customer_id: world.customerA,
      sender_type: 'customer',
      body: 'mine',
    })
    const markOwn = await a
      .from('messages')
      .update({ read_at: new Date().toISOString() })
      .eq('id', own)
      .select()
    expect(markOwn.data).toEqual([])
    expect(
      await sql('select body from public.messages where id = $1', [world.staffMessageA]),
    ).toEqual([{ body: 'Your appointment is booked.' }])
  })

  it('office staff write messages as staff and soft-delete them', async () => {
    const office = clientFor(world.personas.office)
    const { data } = await office
      .from('messages')
      .insert({
        organization_id: world.org1,
        customer_id: world.customerA,
        sender_type: 'customer',
        body: 'From the office',
      })
      .select()
      .single()
    expect(data).toMatchObject({
      sender_type: 'staff',
      sender_user_id: world.personas.office.userId,
    })
    const id = present(data, 'the staff message').id
    const removed = await office
      .from('messages')
      .update({ deleted_at: new Date().toISOString() })
      .eq('id', id)
      .select()
    expect(removed.data?.[0]?.deleted_at).not.toBeNull()
    // The customer still receives the row, so the portal can show "message deleted" live.
    const a = clientFor(world.personas.customerA)
    expect(
      (await a.from('messages').select('id, deleted_at').eq('id', id)).data?.[0]?.deleted_at,
    ).not.toBeNull()
  })

  it('only an owner adds or changes an owner; an admin manages the rest', async () => {
    const admin = clientFor(world.personas.admin)
    const promote = await admin
      .from('staff_members')
      .update({ role: 'owner' })
      .eq('id', world.staff.tech)
    expect(promote.error?.message).toBe('Only an owner may add, change or remove an owner')
    const demote = await admin
      .from('staff_members')
      .update({ role: 'office' })
      .eq('id', world.staff.owner)
    expect(demote.error?.message).toBe('Only an owner may add, change or remove an owner')
    const hire = await admin
      .from('staff_members')
      .insert({ organization_id: world.org1, full_name: 'New Office', role: 'office' })
      .select()
      .single()
    expect(hire.error).toBeNull()
    const owner = clientFor(world.personas.owner)
    const coOwner = await createStaff(world.org1, null, 'admin')
    expect(
      (await owner.from('staff_members').update({ role: 'owner' }).eq('id', coOwner)).error,
    ).toBeNull()
    expect(
      await sql('select role from public.staff_members where id = $1', [world.staff.tech]),
    ).toEqual([{ role: 'technician' }])
  })

  it('inactive staff lose access', async () => {
    const user = world.personas.office
    const office = clientFor(user)
    expect(
      (await office.from('customers').select('id').eq('id', world.customerA)).data,
    ).toHaveLength(1)
    await sql('update public.staff_members set active = false where id = $1', [world.staff.office])
    expect((await office.from('customers').select('id').eq('id', world.customerA)).data).toEqual([])
    await sql('update public.staff_members set active = true where id = $1', [world.staff.office])
  })

  it('provision_portal_user links a login once and refuses a login already in use', async () => {
    const office = clientFor(world.personas.office)
    const customer = await createCustomer(world.org1, null, 'Portal')
    const user = await createAuthUser('portal-user')
    const linked = await office.rpc('provision_portal_user', {
      p_customer_id: customer,
      p_user_id: user.id,
    })
    expect(linked.data).toMatchObject({ id: customer, portal_user_id: user.id })
    const other = await createCustomer(world.org1, null, 'Other')
    const taken = await office.rpc('provision_portal_user', {
      p_customer_id: other,
      p_user_id: user.id,
    })
    expect(taken.error?.message).toBe('This login is already linked to another customer')
    const ghost = await office.rpc('provision_portal_user', {
      p_customer_id: other,
      p_user_id: '00000000-0000-4000-8000-00000000dead',
    })
    expect(ghost.error?.message).toBe('User 00000000-0000-4000-8000-00000000dead not found')
    const tech = await clientFor(world.personas.tech).rpc('provision_portal_user', {
      p_customer_id: other,
      p_user_id: user.id,
    })
    expect(tech.error?.message).toBe('Your role (technician) may not do this')
    expect(await sql('select portal_user_id from public.customers where id = $1', [other])).toEqual(
      [{ portal_user_id: null }],
    )
  })
})
