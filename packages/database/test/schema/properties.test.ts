// Properties (service addresses): each customer sees and adds only their own, changes only the
// label and access notes, and waits for the office to confirm; jobs name a property of their own
// customer; customers get tags, a source and archiving that only staff set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, sql } from './support/stack.ts'
import { createJob, createWorld, insertRow, type World } from './support/world.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})
afterAll(closeAdminPool)

const mainProperty = async (customer: string) =>
  (
    await sql<{ id: string }>(
      'select id from public.properties where customer_id = $1 and is_primary',
      [customer],
    )
  )[0]?.id as string

describe('properties', () => {
  it('a new customer’s address becomes their main, confirmed property, and new jobs go there', async () => {
    const [row] = await sql<{
      label: string
      address_line1: string
      is_primary: boolean
      confirmed: boolean
    }>(
      'select label, address_line1, is_primary, confirmed_at is not null as confirmed from public.properties where customer_id = $1',
      [world.customerA],
    )
    expect(row).toEqual({
      label: 'Home',
      address_line1: '1 Main St',
      is_primary: true,
      confirmed: true,
    })
    const job = await createJob(world.org1, world.customerA)
    const [saved] = await sql<{ property_id: string }>(
      'select property_id from public.jobs where id = $1',
      [job],
    )
    expect(saved?.property_id).toBe(await mainProperty(world.customerA))
  })

  it('customers read only their own; staff of another business read none', async () => {
    const mine = await clientFor(world.personas.customerA).from('properties').select('customer_id')
    expect(mine.data?.length).toBeGreaterThan(0)
    expect(new Set(mine.data?.map((p) => p.customer_id))).toEqual(new Set([world.customerA]))
    const foreign = await clientFor(world.personas.otherOrgOwner)
      .from('properties')
      .select('id')
      .eq('customer_id', world.customerA)
    expect(foreign.data).toEqual([])
    const tech = await clientFor(world.personas.tech)
      .from('properties')
      .select('id')
      .eq('customer_id', world.customerA)
    expect(tech.data?.length).toBeGreaterThan(0)
  })

  it('a customer adds a property for the office to confirm, never as main, never for someone else', async () => {
    const customer = clientFor(world.personas.customerA)
    const added = await customer
      .from('properties')
      .insert({
        organization_id: world.org1,
        customer_id: world.customerA,
        label: 'Cabin',
        address_line1: '9 Lake Rd',
        access_notes: 'Key under the mat',
        is_primary: true,
        confirmed_at: new Date().toISOString(),
      })
      .select('*')
      .single()
    expect(added.error).toBeNull()
    expect(added.data).toMatchObject({ is_primary: false, confirmed_at: null, label: 'Cabin' })
    const notice = await sql<{ kind: string; title: string }>(
      'select kind, title from public.staff_notifications where record_id = $1 limit 1',
      [added.data?.id],
    )
    expect(notice[0]?.kind).toBe('property_added')
    expect(notice[0]?.title).toMatch(/ added a property to confirm: 9 Lake Rd$/)

    const forB = await customer.from('properties').insert({
      organization_id: world.org1,
      customer_id: world.customerB,
      address_line1: 'Not mine',
    })
    expect(forB.error?.code).toBe('42501')

    const notes = await customer
      .from('properties')
      .update({ access_notes: 'Key in the lockbox, code 1234' })
      .eq('id', added.data?.id as string)
      .select('access_notes')
      .single()
    expect(notes.data?.access_notes).toBe('Key in the lockbox, code 1234')
    const moved = await customer
      .from('properties')
      .update({ address_line1: '10 Lake Rd' })
      .eq('id', added.data?.id as string)
    expect(moved.error?.code).toBe('42501')
    const removed = await customer
      .from('properties')
      .delete()
      .eq('id', added.data?.id as string)
      .select('id')
    expect(removed.data).toEqual([])

    const office = clientFor(world.personas.office)
    const confirmed = await office
      .from('properties')
      .update({ confirmed_at: new Date().toISOString(), is_primary: true })
      .eq('id', added.data?.id as string)
      .select('is_primary')
      .single()
    expect(confirmed.data?.is_primary).toBe(true)
    const mains = await sql(
      'select id from public.properties where customer_id = $1 and is_primary',
      [world.customerA],
    )
    expect(mains).toEqual([{ id: added.data?.id }])
  })

  it('a job can only name a property of its own customer, and takes its address', async () => {
    const office = clientFor(world.personas.office)
    const bProperty = await insertRow('properties', {
      organization_id: world.org1,
      customer_id: world.customerB,
      label: 'Office',
      address_line1: '500 Congress Ave',
      city: 'Austin',
    })
    const start = new Date(Date.now() + 5 * 86_400_000)
    const base = {
      organization_id: world.org1,
      title: 'At a property',
      scheduled_start: start.toISOString(),
      scheduled_end: new Date(start.getTime() + 3_600_000).toISOString(),
    }
    const wrong = await office
      .from('jobs')
      .insert({ ...base, customer_id: world.customerA, property_id: bProperty })
    expect(wrong.error?.code).toBe('23503')
    const right = await office
      .from('jobs')
      .insert({ ...base, customer_id: world.customerB, property_id: bProperty })
      .select('address')
      .single()
    expect(right.data?.address).toBe('500 Congress Ave, Austin')
  })
})

describe('quotes hand on their property', () => {
  it('to the job and the invoice made from them', async () => {
    const rental = await insertRow('properties', {
      organization_id: world.org1,
      customer_id: world.customerB,
      label: 'Rental',
      address_line1: '12 Elm St',
    })
    const quote = await insertRow('quotes', {
      organization_id: world.org1,
      customer_id: world.customerB,
      title: 'Rental refresh',
      property_id: rental,
    })
    const job = await createJob(world.org1, world.customerB)
    const invoice = await insertRow('invoices', { organization_id: world.org1, customer_id: world.customerB })
    await sql('update public.quotes set job_id = $2, invoice_id = $3 where id = $1', [quote, job, invoice])
    const [row] = await sql<{ job: string; invoice: string; address: string }>(
      `select j.property_id as job, i.property_id as invoice, j.address from public.jobs j, public.invoices i
       where j.id = $1 and i.id = $2`,
      [job, invoice],
    )
    expect(row).toEqual({ job: rental, invoice: rental, address: '12 Elm St' })
  })
})

describe('customer records', () => {
  it('staff tag, source and archive; customers cannot; archived customers take no new work', async () => {
    const office = clientFor(world.personas.office)
    const tagged = await office
      .from('customers')
      .update({ tags: ['VIP', 'Pets'], source: 'Referral' })
      .eq('id', world.customerC)
      .select('tags, source')
      .single()
    expect(tagged.data).toEqual({ tags: ['VIP', 'Pets'], source: 'Referral' })
    const duplicateTags = await office
      .from('customers')
      .update({ tags: ['VIP', 'vip'] })
      .eq('id', world.customerC)
    expect(duplicateTags.error?.code).toBe('23514')

    const self = await clientFor(world.personas.customerB)
      .from('customers')
      .update({ tags: ['Free stuff'] })
      .eq('id', world.customerB)
    expect(self.error?.code).toBe('42501')

    await office
      .from('customers')
      .update({ archived_at: new Date().toISOString() })
      .eq('id', world.customerC)
    const job = await office.from('jobs').insert({
      organization_id: world.org1,
      customer_id: world.customerC,
      title: 'After archiving',
      scheduled_start: new Date(Date.now() + 86_400_000).toISOString(),
      scheduled_end: new Date(Date.now() + 90_000_000).toISOString(),
    })
    expect(job.error).toMatchObject({
      code: '22023',
      message: 'This customer is archived; restore them before adding new work',
    })
    await office.from('customers').update({ archived_at: null }).eq('id', world.customerC)
  })

  it('duplicates are found by e-mail in any case or by the phone’s digits, for staff only', async () => {
    await sql(`update public.customers set phone = '(512) 555-0142' where id = $1`, [
      world.customerB,
    ])
    const [b] = await sql<{ email: string }>('select email from public.customers where id = $1', [
      world.customerB,
    ])
    const office = clientFor(world.personas.office)
    const byEmail = await office.rpc('find_duplicate_customers', {
      p_organization_id: world.org1,
      p_email: String(b?.email).toUpperCase(),
      p_phone: '',
    })
    expect(byEmail.data?.map((c) => c.id)).toEqual([world.customerB])
    const byPhone = await office.rpc('find_duplicate_customers', {
      p_organization_id: world.org1,
      p_email: '',
      p_phone: '512.555.0142',
    })
    expect(byPhone.data?.map((c) => c.id)).toEqual([world.customerB])
    const asCustomer = await clientFor(world.personas.customerA).rpc('find_duplicate_customers', {
      p_organization_id: world.org1,
      p_email: b?.email as string,
      p_phone: '',
    })
    expect(asCustomer.data ?? []).toEqual([])
  })
})
