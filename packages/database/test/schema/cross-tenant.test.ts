import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { closeAdminPool, one, sql } from './support/stack.ts'
import { createWorld, type World } from './support/world.ts'

/** Everything stored for customer B, to prove an attack changed nothing. */
async function snapshotOfB(world: World) {
  return {
    customer: await sql('select * from public.customers where id = $1', [world.customerB]),
    jobs: await sql('select * from public.jobs where customer_id = $1 order by id', [
      world.customerB,
    ]),
    messages: await sql('select * from public.messages where customer_id = $1 order by id', [
      world.customerB,
    ]),
    points: await sql(
      'select * from public.loyalty_transactions where customer_id = $1 order by id',
      [world.customerB],
    ),
    invoices: await sql('select * from public.invoices where customer_id = $1 order by id', [
      world.customerB,
    ]),
  }
}

describe('customer A attacking customer B (through supabase-js)', () => {
  let world: World
  let invoiceB: string
  beforeAll(async () => {
    world = await createWorld()
    invoiceB = (
      await one<{ id: string }>(
        `insert into public.invoices (organization_id, customer_id, status, due_at)
         values ($1, $2, 'sent', now() + interval '7 days') returning id`,
        [world.org1, world.customerB],
      )
    ).id
  })
  afterAll(closeAdminPool)

  it('cannot insert a message into B’s thread', async () => {
    const before = await snapshotOfB(world)
    const a = clientFor(world.personas.customerA)
    const { error } = await a.from('messages').insert({
      organization_id: world.org1,
      customer_id: world.customerB,
      sender_type: 'customer',
      body: 'Hi B, it is A',
    })
    expect(error?.code).toBe('42501')
    expect(await snapshotOfB(world)).toEqual(before)
  })

  it('cannot update B’s job, directly or through the job functions', async () => {
    const before = await snapshotOfB(world)
    const a = clientFor(world.personas.customerA)
    const update = await a
      .from('jobs')
      .update({ notes: 'hijacked', status: 'cancelled' })
      .eq('id', world.jobB)
      .select()
    expect(update.error).toBeNull()
    expect(update.data).toEqual([])
    for (const [fn, args] of [
      ['confirm_job', { p_job_id: world.jobB }],
      ['cancel_job', { p_job_id: world.jobB, p_reason: 'A says so' }],
      [
        'request_reschedule',
        {
          p_job_id: world.jobB,
          p_preferred_times: [new Date(Date.now() + 30 * 86_400_000).toISOString()],
        },
      ],
    ] as const) {
      const { error } = await a.rpc(fn, args as never)
      // The same answer as for a job that does not exist: nothing leaks.
      expect(error?.message, fn).toBe(`Job ${world.jobB} not found`)
    }
    expect(await snapshotOfB(world)).toEqual(before)
  })

  it('cannot redeem B’s points or read B’s balance', async () => {
    const before = await snapshotOfB(world)
    const a = clientFor(world.personas.customerA)
    const redeem = await a.rpc('redeem_points', {
      p_customer_id: world.customerB,
      p_points: 50,
      p_description: 'theft',
    })
    expect(redeem.error?.message).toBe(`Customer ${world.customerB} not found`)
    const reward = await a.rpc('redeem_points', {
      p_customer_id: world.customerB,
      p_reward_id: world.reward,
    })
    expect(reward.error?.message).toBe(`Customer ${world.customerB} not found`)
    const balance = await a.rpc('loyalty_balance', { p_customer_id: world.customerB })
    expect(balance.error?.message).toBe(`Customer ${world.customerB} not found`)
    const insert = await a.from('loyalty_transactions').insert({
      organization_id: world.org1,
      customer_id: world.customerB,
      points: -50,
      kind: 'redeemed',
    })
    expect(insert.error?.code).toBe('42501')
    expect(await snapshotOfB(world)).toEqual(before)
  })

  it('cannot read B’s invoice by id, nor its line items', async () => {
    const a = clientFor(world.personas.customerA)
    const byId = await a.from('invoices').select('*').eq('id', invoiceB)
    expect(byId.error).toBeNull()
    expect(byId.data).toEqual([])
    const single = await a.from('invoices').select('*').eq('id', invoiceB).maybeSingle()
    expect(single.data).toBeNull()
    const items = await a.from('invoice_line_items').select('*').eq('invoice_id', invoiceB)
    expect(items.data).toEqual([])
    // B sees it, so the invoice is really there.
    const b = clientFor(world.personas.customerB)
    expect((await b.from('invoices').select('id').eq('id', invoiceB)).data).toEqual([
      { id: invoiceB },
    ])
  })

  it('cannot read or change B’s customer record, nor take over B’s thread by update', async () => {
    const before = await snapshotOfB(world)
    const a = clientFor(world.personas.customerA)
    expect((await a.from('customers').select('*').eq('id', world.customerB)).data).toEqual([])
    const update = await a
      .from('customers')
      .update({ phone: '000' })
      .eq('id', world.customerB)
      .select()
    expect(update.data).toEqual([])
    const move = await a
      .from('messages')
      .update({ customer_id: world.customerB })
      .eq('id', world.staffMessageA)
      .select()
    expect(move.error).not.toBeNull()
    expect(await snapshotOfB(world)).toEqual(before)
  })

  it('staff of another organization see and change nothing of org 1', async () => {
    const before = await snapshotOfB(world)
    const other = clientFor(world.personas.otherOrgOwner)
    for (const table of [
      'customers',
      'jobs',
      'invoices',
      'messages',
      'loyalty_transactions',
    ] as const) {
      const { data, error } = await other.from(table).select('id').eq('organization_id', world.org1)
      expect(error, table).toBeNull()
      expect(data, table).toEqual([])
    }
    const { data } = await other.from('jobs').update({ notes: 'x' }).eq('id', world.jobB).select()
    expect(data).toEqual([])
    const { error } = await other.rpc('provision_portal_user', {
      p_customer_id: world.customerB,
      p_user_id: world.personas.otherOrgOwner.userId as string,
    })
    expect(error?.message).toBe(`Customer ${world.customerB} not found`)
    expect(await snapshotOfB(world)).toEqual(before)
  })
})
