import { beforeAll, describe, expect, it } from 'vitest'
import {
  createInvoice,
  getInvoice,
  listCustomerInvoices,
  listInvoices,
  markOverdueInvoices,
  recordPayment,
  ValidationError,
} from '../../src/repositories/index.ts'
import { createWorld, sql, type World } from '../helpers/stack.ts'

let world: World
beforeAll(async () => {
  world = await createWorld()
})

describe('invoices repository', () => {
  it('creates an invoice with line items and integer-cent totals', async () => {
    const invoice = await createInvoice(
      world.staff.client,
      {
        organization_id: world.organizationId,
        customer_id: world.customer.id,
        status: 'sent',
      },
      [
        { description: 'Living room', quantity: 1, unit_price_cents: 7500, taxable: true, tax_rate_bps: 800 },
        { description: 'Stairs', quantity: 2, unit_price_cents: 1250 },
      ],
    )
    expect(invoice.subtotal_cents).toBe(10000)
    // 8 % of the taxable 75.00 only.
    expect(invoice.tax_cents).toBe(600)
    expect(invoice.total_cents).toBe(10600)
    expect(invoice.balance_cents).toBe(10600)
    expect(invoice.number).not.toBe('')
    expect(invoice.invoice_line_items.map((item) => [item.position, item.amount_cents])).toEqual([
      [0, 7500],
      [1, 2500],
    ])
    const loaded = await getInvoice(world.customer.client, invoice.id)
    expect(loaded.invoice_line_items).toHaveLength(2)
  })

  it('shows customers only their own invoices and records payment', async () => {
    const mine = await createInvoice(
      world.staff.client,
      { organization_id: world.organizationId, customer_id: world.customer.id, status: 'sent' },
      [{ description: 'Visit', quantity: 1, unit_price_cents: 4_200 }],
    )
    const theirs = await createInvoice(world.staff.client, {
      organization_id: world.organizationId,
      customer_id: world.otherCustomer.id,
      status: 'sent',
    })
    const visible = (await listCustomerInvoices(world.customer.client, world.customer.id)).map(
      (i) => i.id,
    )
    expect(visible).toContain(mine.id)
    expect(visible).not.toContain(theirs.id)
    await recordPayment(world.staff.client, { invoiceId: mine.id, amountCents: 4_200, method: 'cash' })
    const paid = await getInvoice(world.staff.client, mine.id)
    expect(paid.status).toBe('paid')
    expect(paid.paid_at).not.toBeNull()
    expect(
      (
        await listInvoices(world.staff.client, {
          organizationId: world.organizationId,
          status: 'paid',
        })
      ).map((i) => i.id),
    ).toContain(mine.id)
  })

  it('marks sent invoices past due as overdue', async () => {
    const invoice = await createInvoice(world.staff.client, {
      organization_id: world.organizationId,
      customer_id: world.customer.id,
      status: 'sent',
    })
    await sql(
      `update public.invoices set issued_at = now() - interval '30 days', due_at = now() - interval '1 day' where id = $1`,
      [invoice.id],
    )
    expect(await markOverdueInvoices(world.staff.client)).toBeGreaterThanOrEqual(1)
    expect((await getInvoice(world.staff.client, invoice.id)).status).toBe('overdue')
  })

  it('rejects bad line items before writing anything', async () => {
    const before = await sql(`select count(*)::int as n from public.invoices where organization_id = $1`, [world.organizationId])
    await expect(
      createInvoice(
        world.staff.client,
        { organization_id: world.organizationId, customer_id: world.customer.id },
        [{ description: 'Half a rug', quantity: 1, unit_price_cents: 10.5 }],
      ),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      createInvoice(
        world.staff.client,
        { organization_id: world.organizationId, customer_id: world.customer.id },
        [{ description: '', quantity: 1, unit_price_cents: 100 }],
      ),
    ).rejects.toThrow(/lineItems.0.description/)
    expect(await sql(`select count(*)::int as n from public.invoices where organization_id = $1`, [world.organizationId])).toEqual(before)
  })
})
