import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, type Persona } from './support/personas.ts'
import { closeAdminPool, one, sql, stackEnv } from './support/stack.ts'
import { addPoints, createCustomer, createJob, createWorld, type World } from './support/world.ts'

async function balanceOf(customer: string): Promise<number> {
  const row = await one<{ b: number }>(
    'select coalesce(sum(points), 0)::int as b from public.loyalty_transactions where customer_id = $1',
    [customer],
  )
  return row.b
}

/** Invoices the job (one untaxed line), sends it and records its payment in full. */
async function payInvoiceForJob(job: string, cents: number): Promise<void> {
  const invoice = await one<{ id: string; organization_id: string; customer_id: string }>(
    `insert into public.invoices (organization_id, customer_id, job_id)
     select organization_id, customer_id, id from public.jobs where id = $1 returning id, organization_id, customer_id`,
    [job],
  )
  await sql(`insert into public.invoice_line_items (invoice_id, description, unit_price_cents) values ($1, 'Visit', $2)`, [
    invoice.id,
    cents,
  ])
  await sql(`update public.invoices set status = 'sent' where id = $1`, [invoice.id])
  await sql(`select public.record_payment($1, $2, 'cash')`, [invoice.id, cents])
}

/** A connection acting as the persona inside an open transaction (for concurrency tests). */
async function openAs(pool: pg.Pool, persona: Persona): Promise<pg.PoolClient> {
  const client = await pool.connect()
  await client.query('begin')
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: persona.userId, role: 'authenticated' }),
  ])
  await client.query('set local role authenticated')
  return client
}

describe('loyalty points', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('a job earns points_per_dollar × whole dollars once it is both completed and paid, once', async () => {
    await sql('update public.organizations set points_per_dollar = 2 where id = $1', [world.org1])
    const job = await createJob(world.org1, world.customerA, {
      technician_id: world.staff.tech,
      price_cents: 12_345,
    })
    const before = await balanceOf(world.customerA)
    // Paid ahead of the visit: nothing yet.
    await payInvoiceForJob(job, 12_345)
    expect(await sql('select 1 from public.loyalty_transactions where job_id = $1', [job])).toEqual([])
    const tech = clientFor(world.personas.tech)
    for (const status of [
      'en_route',
      'in_progress',
      'completed',
      'in_progress',
      'completed',
    ] as const) {
      const { error } = await tech.from('jobs').update({ status }).eq('id', job)
      expect(error, status).toBeNull()
    }
    const earned = await sql(
      'select points, kind, customer_id from public.loyalty_transactions where job_id = $1',
      [job],
    )
    // On the invoice before tax: 2 × $123.45.
    expect(earned).toEqual([{ points: 246, kind: 'earned', customer_id: world.customerA }])
    expect(await balanceOf(world.customerA)).toBe(before + 246)
    await sql('update public.organizations set points_per_dollar = 1 where id = $1', [world.org1])
  })

  it('a completed job without a paid invoice, or at a zero rate, earns nothing', async () => {
    const unpaid = await createJob(world.org1, world.customerA, { price_cents: 9_999, status: 'completed' }, -1)
    expect(await sql('select 1 from public.loyalty_transactions where job_id = $1', [unpaid])).toEqual([])
    await sql('update public.organizations set points_per_dollar = 0 where id = $1', [world.org1])
    try {
      const job = await createJob(world.org1, world.customerA, { price_cents: 9_999, status: 'completed' }, -2)
      await payInvoiceForJob(job, 9_999)
      expect(await sql('select 1 from public.loyalty_transactions where job_id = $1', [job])).toEqual([])
    } finally {
      await sql('update public.organizations set points_per_dollar = 1 where id = $1', [world.org1])
    }
    const paid = await createJob(world.org1, world.customerA, { price_cents: 9_999, status: 'completed' }, -3)
    await payInvoiceForJob(paid, 9_999)
    expect(await sql('select points from public.loyalty_transactions where job_id = $1', [paid])).toEqual([{ points: 99 }])
  })

  it('loyalty_balance answers the customer and their staff', async () => {
    const customer = await createCustomer(world.org1, null, 'Balance')
    await addPoints(world.org1, customer, 70)
    await addPoints(world.org1, customer, -20, 'adjustment')
    const office = clientFor(world.personas.office)
    expect((await office.rpc('loyalty_balance', { p_customer_id: customer })).data).toBe(50)
    const a = clientFor(world.personas.customerA)
    const own = await a.rpc('loyalty_balance', { p_customer_id: world.customerA })
    expect(own.data).toBe(await balanceOf(world.customerA))
  })

  it('redeeming more than the balance fails with a clear error and stores nothing', async () => {
    const a = clientFor(world.personas.customerA)
    const balance = await balanceOf(world.customerA)
    const { error } = await a.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_points: balance + 1,
      p_description: 'too much',
    })
    expect(error?.message).toBe(
      `Not enough points: the balance is ${balance}, this needs ${balance + 1}`,
    )
    expect(await balanceOf(world.customerA)).toBe(balance)
  })

  it('bad redemption input is refused: zero, negative, unknown or inactive reward', async () => {
    const a = clientFor(world.personas.customerA)
    const balance = await balanceOf(world.customerA)
    for (const points of [0, -5]) {
      const { error } = await a.rpc('redeem_points', {
        p_customer_id: world.customerA,
        p_points: points,
      })
      expect(error?.message).toBe('Points to redeem must be a positive whole number')
    }
    const unknown = await a.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_reward_id: world.customerB,
    })
    expect(unknown.error?.message).toBe(`Reward ${world.customerB} not found`)
    const inactive = (
      await one<{ id: string }>(
        `insert into public.loyalty_rewards (organization_id, name, points_cost, active) values ($1, 'Old', 1, false) returning id`,
        [world.org1],
      )
    ).id
    const old = await a.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_reward_id: inactive,
    })
    expect(old.error?.message).toBe('The reward "Old" is no longer offered')
    expect(await balanceOf(world.customerA)).toBe(balance)
  })

  it('a reward redemption debits its cost and names the reward', async () => {
    await addPoints(world.org1, world.customerA, 100)
    const before = await balanceOf(world.customerA)
    const a = clientFor(world.personas.customerA)
    const { data, error } = await a.rpc('redeem_points', {
      p_customer_id: world.customerA,
      p_reward_id: world.reward,
    })
    expect(error).toBeNull()
    expect(data).toMatchObject({
      points: -100,
      kind: 'redeemed',
      description: 'Redeemed: $10 off',
      reward_id: world.reward,
    })
    expect(data?.created_by).toBe(world.personas.customerA.userId)
    expect(await balanceOf(world.customerA)).toBe(before - 100)
  })

  it('concurrent redemptions queue on the customer and never overdraw', async () => {
    const customer = await createCustomer(world.org1, world.personas.unlinked.userId, 'Racer')
    await addPoints(world.org1, customer, 100)
    // A name of its own, so only this test's sessions are counted below.
    const applicationName = `redeem-race-${customer.slice(0, 8)}`
    const pool = new pg.Pool({
      connectionString: stackEnv().DB_URL,
      max: 10,
      application_name: applicationName,
    })
    try {
      // The first redemption holds its transaction open, so the other nine must wait for it.
      const first = await openAs(pool, world.personas.unlinked)
      await first.query(`select public.redeem_points(p_customer_id => $1, p_points => 30)`, [
        customer,
      ])
      const others = Array.from({ length: 9 }, async () => {
        const client = await openAs(pool, world.personas.unlinked)
        try {
          await client.query(`select public.redeem_points(p_customer_id => $1, p_points => 30)`, [
            customer,
          ])
          await client.query('commit')
          return 'redeemed'
        } catch (error) {
          await client.query('rollback')
          return (error as Error).message
        } finally {
          client.release()
        }
      })
      // Wait until the nine are really blocked on the first one's row lock.
      for (;;) {
        const waiting = await one<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
           where wait_event_type = 'Lock' and application_name = $1`,
          [applicationName],
        )
        if (waiting.n === 9) break
        await new Promise((r) => setTimeout(r, 20))
      }
      await first.query('commit')
      first.release()
      const outcomes = await Promise.all(others)
      expect(outcomes.filter((o) => o === 'redeemed')).toHaveLength(2)
      expect(
        outcomes.filter((o) => o === 'Not enough points: the balance is 10, this needs 30'),
      ).toHaveLength(7)
      expect(await balanceOf(customer)).toBe(10)
    } finally {
      await pool.end()
    }
  })

  it('concurrent redemptions through supabase-js never overdraw either', async () => {
    const a = clientFor(world.personas.customerA)
    const balance = await balanceOf(world.customerA)
    const cost = Math.floor(balance / 3) + 1
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        a.rpc('redeem_points', {
          p_customer_id: world.customerA,
          p_points: cost,
          p_description: 'race',
        }),
      ),
    )
    expect(results.filter((r) => r.error === null)).toHaveLength(2)
    expect(await balanceOf(world.customerA)).toBe(balance - 2 * cost)
  })

  it('the ledger is append-only: staff cannot edit or delete, and debits by staff are balance-checked', async () => {
    const office = clientFor(world.personas.office)
    const edit = await office
      .from('loyalty_transactions')
      .update({ points: 9999 })
      .eq('id', world.loyaltyA)
    expect(edit.error?.code).toBe('42501')
    const remove = await office.from('loyalty_transactions').delete().eq('id', world.loyaltyA)
    expect(remove.error?.code).toBe('42501')
    const customer = await createCustomer(world.org1, null, 'Empty')
    const debit = await office.from('loyalty_transactions').insert({
      organization_id: world.org1,
      customer_id: customer,
      points: -1,
      kind: 'adjustment',
    })
    expect(debit.error?.message).toBe('Not enough points: the balance is 0, this needs 1')
    const wrongSign = await office
      .from('loyalty_transactions')
      .insert({ organization_id: world.org1, customer_id: customer, points: 5, kind: 'redeemed' })
    expect(wrongSign.error?.code).toBe('23514')
    expect(await balanceOf(customer)).toBe(0)
  })
})
