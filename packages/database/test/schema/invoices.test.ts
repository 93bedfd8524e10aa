import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor } from './support/personas.ts'
import { adminPool, closeAdminPool, one, present, sql } from './support/stack.ts'
import { createCustomer, createOrganization, createWorld, type World } from './support/world.ts'

async function totals(invoice: string) {
  return one<{ subtotal_cents: number; tax_cents: number; total_cents: number }>(
    'select subtotal_cents, tax_cents, total_cents from public.invoices where id = $1',
    [invoice],
  )
}

describe('invoices', () => {
  let world: World
  beforeAll(async () => {
    world = await createWorld()
  })
  afterAll(closeAdminPool)

  it('totals follow the line items through insert, update and delete', async () => {
    const office = clientFor(world.personas.office)
    const { data: created, error } = await office
      .from('invoices')
      .insert({
        organization_id: world.org1,
        customer_id: world.customerA,
        tax_cents: 825,
        subtotal_cents: 1,
        total_cents: 2,
        amount_paid_cents: 5,
        balance_cents: 7,
      })
      .select()
      .single()
    expect(error).toBeNull()
    const invoice = present(created, 'the invoice')
    // Whatever the caller sends, the stored totals are derived.
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 0, tax_cents: 0, total_cents: 0 })

    const { data: items } = await office
      .from('invoice_line_items')
      .insert([
        {
          invoice_id: invoice.id,
          description: 'Carpet',
          quantity: 3,
          unit_price_cents: 4_000,
          amount_cents: 1,
          taxable: true,
          tax_rate_bps: 825,
        },
        { invoice_id: invoice.id, description: 'Stain', quantity: 1, unit_price_cents: 2_500, amount_cents: 0, taxable: true, tax_rate_bps: 825 },
        { invoice_id: invoice.id, description: 'Trip fee', quantity: 1, unit_price_cents: 1_999, amount_cents: 0, taxable: false, tax_rate_bps: 0 },
      ])
      .select()
      .order('position')
    const [carpet, stain] = present(items, 'the line items')
    expect([carpet?.amount_cents, stain?.amount_cents]).toEqual([12_000, 2_500])
    // 8.25 % of 145.00 = 11.9625 -> 11.96; the trip fee is not taxable.
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 16_499, tax_cents: 1_196, total_cents: 17_695 })

    await office
      .from('invoice_line_items')
      .update({ quantity: 1 })
      .eq('id', present(carpet, 'carpet').id)
    // 8.25 % of 65.00 = 5.3625 -> 5.36.
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 8_499, tax_cents: 536, total_cents: 9_035 })

    await office.from('invoice_line_items').delete().eq('id', present(stain, 'stain').id)
    // 8.25 % of 40.00 = 3.30.
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 5_999, tax_cents: 330, total_cents: 6_329 })

    await office.from('invoices').update({ tax_cents: 0, subtotal_cents: 99 }).eq('id', invoice.id)
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 5_999, tax_cents: 330, total_cents: 6_329 })
  })

  it('rounds tax half up once per rate, over the whole invoice', async () => {
    const office = clientFor(world.personas.office)
    const invoice = present(
      (await office.from('invoices').insert({ organization_id: world.org1, customer_id: world.customerA }).select().single()).data,
      'the invoice',
    )
    // Per rate: 8.25 % of (79 + 2 × 25 + 60) = 15.5925 -> 15.59 (per line it would be 15.60);
    // 5 % of 0.50 = 0.025 -> 0.03 (half up).
    const lines = [
      { description: 'A', quantity: 1, unit_price_cents: 7_900, tax_rate_bps: 825 },
      { description: 'B', quantity: 2, unit_price_cents: 2_500, tax_rate_bps: 825 },
      { description: 'C', quantity: 1, unit_price_cents: 6_000, tax_rate_bps: 825 },
      { description: 'D', quantity: 1, unit_price_cents: 50, tax_rate_bps: 500 },
    ].map((line) => ({ ...line, invoice_id: invoice.id, taxable: true }))
    expect((await office.from('invoice_line_items').insert(lines)).error).toBeNull()
    expect(await totals(invoice.id)).toEqual({ subtotal_cents: 18_950, tax_cents: 1_562, total_cents: 20_512 })
  })

  it('bad line items are refused and change nothing', async () => {
    const office = clientFor(world.personas.office)
    const before = await totals(world.invoiceA)
    for (const bad of [
      { quantity: 0, unit_price_cents: 100, description: 'zero' },
      { quantity: 1, unit_price_cents: -1, description: 'negative' },
      { quantity: 1, unit_price_cents: 100, description: '   ' },
    ]) {
      const { error } = await office
        .from('invoice_line_items')
        .insert({ invoice_id: world.invoiceA, ...bad })
      expect(error?.code, bad.description).toBe('23514')
    }
    expect(await totals(world.invoiceA)).toEqual(before)
  })

  it('numbers come from the organization counter and are unique per organization', async () => {
    const org = await createOrganization('Numbering')
    const customer = await createCustomer(org, null)
    const numbers: string[] = []
    for (let i = 0; i < 3; i++) {
      const row = await one<{ number: string }>(
        'insert into public.invoices (organization_id, customer_id) values ($1, $2) returning number',
        [org, customer],
      )
      numbers.push(row.number)
    }
    expect(numbers).toEqual(['INV-1001', 'INV-1002', 'INV-1003'])
    const office = clientFor(world.personas.office)
    await office
      .from('invoices')
      .insert({ organization_id: world.org1, customer_id: world.customerA, number: 'X-1' })
    const dup = await office
      .from('invoices')
      .insert({ organization_id: world.org1, customer_id: world.customerA, number: 'X-1' })
    expect(dup.error?.code).toBe('23505')
    // A number taken by hand is skipped by the counter.
    await sql(
      `insert into public.invoices (organization_id, customer_id, number) values ($1, $2, 'INV-1004')`,
      [org, customer],
    )
    const next = await one<{ number: string }>(
      'insert into public.invoices (organization_id, customer_id) values ($1, $2) returning number',
      [org, customer],
    )
    expect(next.number).toBe('INV-1005')
    // The same number in another organization is fine.
    await sql(
      `insert into public.invoices (organization_id, customer_id, number) values ($1, $2, 'X-1')`,
      [org, customer],
    )
  })

  it('status changes stamp issued_at and paid_at', async () => {
    const office = clientFor(world.personas.office)
    const { data } = await office
      .from('invoices')
      .insert({ organization_id: world.org1, customer_id: world.customerA })
      .select()
      .single()
    expect(data).toMatchObject({ status: 'draft', issued_at: null, paid_at: null })
    const id = present(data, 'the invoice').id
    const sent = await office
      .from('invoices')
      .update({ status: 'sent' })
      .eq('id', id)
      .select()
      .single()
    expect(sent.data?.issued_at).not.toBeNull()
    const paid = await office
      .from('invoices')
      .update({ status: 'paid' })
      .eq('id', id)
      .select()
      .single()
    expect(paid.data?.paid_at).not.toBeNull()
  })

  it('mark_overdue_invoices marks sent invoices past due: staff their own org, service role all', async () => {
    // Customers can never mark anything, whatever else is stored.
    const customer = await clientFor(world.personas.customerA).rpc('mark_overdue_invoices')
    expect(customer).toMatchObject({ error: null, data: 0 })

    // The rest runs in one transaction, so invoices of other test files cannot interfere.
    const client = await adminPool().connect()
    const as = async (claims: object | null, role: string, query: string) => {
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify(claims ?? {}),
      ])
      await client.query(`set local role ${role}`)
      const { rows } = await client.query(query)
      await client.query('reset role')
      return rows
    }
    try {
      await client.query('begin')
      const pastDue = async (org: string, customerId: string, status = 'sent') =>
        (
          await client.query<{ id: string }>(
            `insert into public.invoices (organization_id, customer_id, status, issued_at, due_at)
             values ($1, $2, $3, now() - interval '30 days', now() - interval '1 day') returning id`,
            [org, customerId, status],
          )
        ).rows[0]?.id
      const mine = await pastDue(world.org1, world.customerA)
      const theirs = await pastDue(world.org2, world.customerOrg2)
      const draft = await pastDue(world.org1, world.customerA, 'draft')
      const statuses = async () =>
        (
          await client.query<{ status: string }>(
            'select status from public.invoices where id = any($1::uuid[]) order by array_position($1::uuid[], id)',
            [[mine, theirs, draft]],
          )
        ).rows.map((r) => r.status)

      const office = { sub: world.personas.office.userId, role: 'authenticated' }
      expect(
        await as(office, 'authenticated', 'select public.mark_overdue_invoices() as n'),
      ).toEqual([{ n: 1 }])
      expect(await statuses()).toEqual(['overdue', 'sent', 'draft'])

      const service = await as(
        { role: 'service_role' },
        'service_role',
        'select public.mark_overdue_invoices() as n',
      )
      expect(service[0]?.n).toBeGreaterThanOrEqual(1)
      expect(await statuses()).toEqual(['overdue', 'overdue', 'draft'])
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('a cron job marks overdue invoices every minute (pg_cron on Supabase, the stack locally)', async () => {
    const job = await sql<{ schedule: string; command: string; active: boolean }>(
      `select schedule, command, active from cron.job where jobname = 'mark-overdue-invoices'`,
    )
    expect(job).toEqual([{ schedule: '* * * * *', command: 'select public.mark_overdue_invoices()', active: true }])
    // What a run does, in a transaction of its own so other files' invoices are not touched.
    const client = await adminPool().connect()
    try {
      await client.query('begin')
      const { rows } = await client.query<{ id: string }>(
        `insert into public.invoices (organization_id, customer_id, status, issued_at, due_at)
         values ($1, $2, 'sent', now() - interval '30 days', now() - interval '1 minute') returning id`,
        [world.org1, world.customerA],
      )
      await client.query(job[0]?.command as string)
      const after = await client.query<{ status: string }>('select status from public.invoices where id = $1', [rows[0]?.id])
      expect(after.rows).toEqual([{ status: 'overdue' }])
    } finally {
      await client.query('rollback')
      client.release()
    }
  })

  it('a paid or void invoice keeps its lines; only drafts are deleted', async () => {
    const office = clientFor(world.personas.office)
    const invoice = (
      await one<{ id: string }>(
        `insert into public.invoices (organization_id, customer_id, status) values ($1, $2, 'draft') returning id`,
        [world.org1, world.customerA],
      )
    ).id
    const line = await office
      .from('invoice_line_items')
      .insert({ invoice_id: invoice, description: 'Cleaning', unit_price_cents: 10_000 })
      .select()
      .single()
    expect(line.error).toBeNull()
    const lineId = present(line.data, 'the line').id
    // Paid is a consequence of payments, never a status staff set by hand.
    await office.from('invoices').update({ status: 'sent' }).eq('id', invoice)
    const byHand = await office.from('invoices').update({ status: 'paid' }).eq('id', invoice)
    expect(byHand.error?.message).toBe('Record a payment to mark this invoice paid (10000 is still due)')
    const paid = await office.rpc('record_payment', { p_invoice_id: invoice, p_amount_cents: 10_000, p_method: 'cash' })
    expect(paid.error).toBeNull()
    expect((await one<{ status: string }>('select status from public.invoices where id = $1', [invoice])).status).toBe('paid')
    const before = await totals(invoice)
    const add = await office
      .from('invoice_line_items')
      .insert({ invoice_id: invoice, description: 'Extra', unit_price_cents: 1 })
    expect(add.error?.message).toBe('This invoice is paid; its line items can no longer change')
    const change = await office.from('invoice_line_items').update({ quantity: 5 }).eq('id', lineId)
    expect(change.error?.message).toBe('This invoice is paid; its line items can no longer change')
    const remove = await office.from('invoice_line_items').delete().eq('id', lineId)
    expect(remove.error?.message).toBe('This invoice is paid; its line items can no longer change')
    const deleteInvoice = await office.from('invoices').delete().eq('id', invoice)
    expect(deleteInvoice.error?.message).toBe(
      'Only draft invoices can be deleted; void a paid invoice instead',
    )
    expect(await totals(invoice)).toEqual(before)
    expect(
      await sql('select 1 from public.invoice_line_items where invoice_id = $1', [invoice]),
    ).toHaveLength(1)
  })

  it('customers never see drafts, and see an invoice once it is sent', async () => {
    const a = clientFor(world.personas.customerA)
    expect((await a.from('invoices').select('id').eq('id', world.draftInvoiceA)).data).toEqual([])
    await sql(`update public.invoices set status = 'sent' where id = $1`, [world.draftInvoiceA])
    expect((await a.from('invoices').select('id').eq('id', world.draftInvoiceA)).data).toEqual([
      { id: world.draftInvoiceA },
    ])
    await sql(`update public.invoices set status = 'draft' where id = $1`, [world.draftInvoiceA])
  })
})
