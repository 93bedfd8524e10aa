import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, sql } from './support/stack.ts'
import { createJob, createWorld, insertRow, type World } from './support/world.ts'

async function eventsFor(recordId: string) {
  return sql<{ organization_id: string; table_name: string; event_type: string }>(
    'select organization_id, table_name, event_type from public.realtime_table_events where record_id = $1 order by id',
    [recordId],
  )
}

describe('the org-scoped change feed', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('records insert, update and delete of a job, in order', async () => {
    const office = clientFor(world.personas.office)
    const job = await createJob(world.org1, world.customerA)
    await office.from('jobs').update({ notes: 'Bring the big hose' }).eq('id', job)
    await office.from('jobs').delete().eq('id', job)
    const feed = (await eventsFor(job)).map((e) => [e.organization_id, e.table_name, e.event_type])
    expect(feed).toEqual([
      [world.org1, 'jobs', 'INSERT'],
      [world.org1, 'jobs', 'UPDATE'],
      [world.org1, 'jobs', 'DELETE'],
    ])
  })

  it('resolves child rows to their organization and also touches the parent invoice', async () => {
    const item = await insertRow('invoice_line_items', {
      invoice_id: world.invoiceA,
      description: 'Deodorizer',
      quantity: 1,
      unit_price_cents: 600,
    })
    expect(await eventsFor(item)).toEqual([
      { organization_id: world.org1, table_name: 'invoice_line_items', event_type: 'INSERT' },
    ])
    const invoiceEvents = await eventsFor(world.invoiceA)
    expect(invoiceEvents.at(-1)).toEqual({
      organization_id: world.org1,
      table_name: 'invoices',
      event_type: 'UPDATE',
    })
  })

  it('covers every domain table', async () => {
    const rows = await sql<{ table_name: string }>(
      `select distinct table_name from public.realtime_table_events where organization_id = $1 order by 1`,
      [world.org1],
    )
    expect(rows.map((r) => r.table_name)).toEqual([
      'customer_notes',
      'customers',
      'invoice_line_items',
      'invoices',
      'jobs',
      'loyalty_rewards',
      'loyalty_transactions',
      'messages',
      'organizations',
      'properties',
      'services',
      'staff_members',
      'working_hours',
    ])
  })

  it('an update that changes nothing writes no event', async () => {
    const before = (await eventsFor(world.service)).length
    await sql('update public.services set name = name where id = $1', [world.service])
    expect(await eventsFor(world.service)).toHaveLength(before)
  })

  it('staff read their own organization’s feed only; a customer reads only entries about their own rows', async () => {
    const job = await createJob(world.org1, world.customerA)
    const office = clientFor(world.personas.office)
    const { data } = await office
      .from('realtime_table_events')
      .select('table_name, event_type')
      .eq('record_id', job)
    expect(data).toEqual([{ table_name: 'jobs', event_type: 'INSERT' }])
    const other = clientFor(world.personas.otherOrgOwner)
    expect(
      (await other.from('realtime_table_events').select('id').eq('record_id', job)).data,
    ).toEqual([])
    const customer = clientFor(world.personas.customerA)
    expect(
      (await customer.from('realtime_table_events').select('event_type').eq('record_id', job)).data,
    ).toEqual([{ event_type: 'INSERT' }])
    const customerB = clientFor(world.personas.customerB)
    expect(
      (await customerB.from('realtime_table_events').select('id').eq('record_id', job)).data,
    ).toEqual([])
    const note = await insertRow('customer_notes', {
      organization_id: world.org1,
      customer_id: world.customerA,
      body: 'staff only',
    })
    expect(
      (await customer.from('realtime_table_events').select('id').eq('record_id', note)).data,
    ).toEqual([])
  })
})
