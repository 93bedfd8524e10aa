// The money loop through the repositories, as each user would call it: numbering under
// concurrency, payments and the balance, online settlement, quotes, credits. RLS is in force
// throughout (staff and customers are real signed-in users).
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  approveQuote,
  convertQuoteToInvoice,
  convertQuoteToJob,
  createInvoice,
  createQuote,
  declineQuote,
  deleteInvoiceLine,
  getInvoice,
  getQuote,
  listCustomerCredits,
  listPayments,
  listQuotes,
  markQuoteViewed,
  recordPayment,
  redeemReward,
  refundPayment,
  RepositoryError,
  setQuoteStatus,
  settleOnlinePayment,
  startOnlinePayment,
  attachPaymentCheckout,
  updateInvoiceStatus,
  updateQuote,
} from '../../src/repositories/index.ts'
import { createWorld, serviceClient, sql, type World } from '../helpers/stack.ts'

// A 1×1 PNG: enough for the database's shape check.
const SIGNATURE = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='.repeat(2)}`

let world: World
beforeAll(async () => {
  world = await createWorld()
})

async function openInvoice(cents: number, customer = world.customer) {
  return createInvoice(
    world.staff.client,
    { organization_id: world.organizationId, customer_id: customer.id, status: 'sent' },
    [{ description: 'Visit', quantity: 1, unit_price_cents: cents }],
  )
}

async function errorOf(promise: Promise<unknown>): Promise<RepositoryError & { reason: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(RepositoryError)
  const repositoryError = error as RepositoryError
  // Repository messages say what was being done ("recording the payment failed: …"); the reason
  // is the database's own wording.
  return Object.assign(repositoryError, { reason: repositoryError.message.replace(/^.*? failed: /, '') })
}

describe('numbering', () => {
  it('gives 50 parallel invoices and 50 parallel quotes numbers with no gap and no duplicate', async () => {
    const own = await createWorld()
    const invoices = await Promise.all(
      Array.from({ length: 50 }, () =>
        createInvoice(own.staff.client, { organization_id: own.organizationId, customer_id: own.customer.id }),
      ),
    )
    const quotes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createQuote(own.staff.client, { organization_id: own.organizationId, customer_id: own.customer.id, title: `Q ${i}` }, [
          { description: 'Line', quantity: 1, unit_price_cents: 100 },
        ]),
      ),
    )
    const sorted = (numbers: string[], prefix: string) =>
      numbers.map((n) => Number(n.replace(prefix, ''))).sort((a, b) => a - b)
    const expected = Array.from({ length: 50 }, (_, i) => 1001 + i)
    expect(sorted(invoices.map((i) => i.number), 'INV-')).toEqual(expected)
    expect(sorted(quotes.map((q) => q.number), 'Q-')).toEqual(expected)
  })
})

describe('payments', () => {
  it('record part-payments, settle the invoice when the balance reaches zero, and reopen it on refund', async () => {
    const invoice = await openInvoice(10_000)
    const first = await recordPayment(world.staff.client, {
      invoiceId: invoice.id,
      amountCents: 4_000,
      method: 'cash',
      note: 'At the door',
    })
    expect(first.status).toBe('succeeded')
    let now = await getInvoice(world.staff.client, invoice.id)
    expect([now.status, now.amount_paid_cents, now.balance_cents]).toEqual(['sent', 4_000, 6_000])
    // The customer sees the same balance and the payment, live-readable by RLS.
    expect((await getInvoice(world.customer.client, invoice.id)).balance_cents).toBe(6_000)
    expect((await listPayments(world.customer.client, { invoiceId: invoice.id })).map((p) => p.amount_cents)).toEqual([4_000])
    expect(await listPayments(world.otherCustomer.client, { invoiceId: invoice.id })).toEqual([])

    const second = await recordPayment(world.staff.client, { invoiceId: invoice.id, amountCents: 6_000, method: 'check' })
    now = await getInvoice(world.staff.client, invoice.id)
    expect([now.status, now.balance_cents]).toEqual(['paid', 0])
    expect(now.paid_at).not.toBeNull()

    const refunded = await refundPayment(world.staff.client, second.id, 'Check bounced')
    expect(refunded.status).toBe('refunded')
    now = await getInvoice(world.staff.client, invoice.id)
    expect([now.status, now.amount_paid_cents, now.balance_cents, now.paid_at]).toEqual(['sent', 4_000, 6_000, null])
    expect((await errorOf(refundPayment(world.staff.client, second.id, 'again'))).reason).toBe(
      'This payment was already refunded',
    )
  })

  it('refuses bad amounts, paying a draft or void invoice, and customers recording payments, storing nothing', async () => {
    const invoice = await openInvoice(5_000)
    for (const [amountCents, message] of [
      [0, 'amountCents must be whole cents, at least 1'],
      [-100, 'amountCents must be whole cents, at least 1'],
      [5_001, 'The amount is more than the balance due'],
    ] as const) {
      expect((await errorOf(recordPayment(world.staff.client, { invoiceId: invoice.id, amountCents, method: 'cash' }))).reason).toBe(
        message,
      )
    }
    const denied = await errorOf(
      recordPayment(world.customer.client, { invoiceId: invoice.id, amountCents: 100, method: 'cash' }),
    )
    expect(denied.reason).toBe(`Invoice ${invoice.id} not found`)
    const draft = await createInvoice(
      world.staff.client,
      { organization_id: world.organizationId, customer_id: world.customer.id },
      [{ description: 'Visit', quantity: 1, unit_price_cents: 100 }],
    )
    expect((await errorOf(recordPayment(world.staff.client, { invoiceId: draft.id, amountCents: 100, method: 'cash' }))).reason).toBe(
      `Invoice ${draft.number} has not been sent yet`,
    )
    await updateInvoiceStatus(world.staff.client, draft.id, 'void')
    expect((await errorOf(recordPayment(world.staff.client, { invoiceId: draft.id, amountCents: 100, method: 'cash' }))).reason).toBe(
      `Invoice ${draft.number} is void and cannot be paid`,
    )
    // Customers cannot write payment rows directly either.
    const direct = await world.customer.client.from('payments').insert({
      organization_id: world.organizationId,
      customer_id: world.customer.id,
      invoice_id: invoice.id,
      amount_cents: 5_000,
      method: 'cash',
      status: 'succeeded',
      received_at: new Date().toISOString(),
    })
    expect(direct.error?.code).toBe('42501')
    expect(await sql('select 1 from public.payments where invoice_id = any($1)', [[invoice.id, draft.id]])).toEqual([])
  })

  it('settles an online payment once per provider event, checks the amount, and tells failures apart', async () => {
    const invoice = await openInvoice(8_000)
    const paymentId = randomUUID()
    const start = () =>
      startOnlinePayment(world.customer.client, {
        paymentId,
        target: { invoiceId: invoice.id },
        amountCents: 8_000,
        tipCents: 1_200,
      })
    const started = await start()
    // A double-clicked Pay returns the same pending payment.
    expect((await start()).id).toBe(started.id)
    expect(started.status).toBe('pending')
    // Another customer cannot start a payment of this invoice.
    const foreign = await errorOf(
      startOnlinePayment(world.otherCustomer.client, { paymentId: randomUUID(), target: { invoiceId: invoice.id }, amountCents: 100 }),
    )
    expect(foreign.reason).toBe(`Invoice ${invoice.id} not found`)
    // Only the server attaches checkouts and settles.
    const service = serviceClient()
    expect(
      (await errorOf(attachPaymentCheckout(world.customer.client, { paymentId, provider: 'local', reference: 'x', url: 'http://x' })))
        .code,
    ).toBe('42501')
    await attachPaymentCheckout(service, { paymentId, provider: 'local', reference: 'cs_1', url: 'http://127.0.0.1/checkout/cs_1' })

    const event = (id: string, succeeded: boolean, amountCents: number | null, failureMessage?: string) =>
      settleOnlinePayment(service, {
        eventId: id,
        provider: 'local',
        eventType: succeeded ? 'checkout.session.completed' : 'payment_intent.payment_failed',
        paymentId,
        succeeded,
        reference: 'pi_1',
        amountCents,
        failureMessage,
      })
    expect(await event(`evt_fail_${paymentId}`, false, null, 'Your card was declined.')).toBe('failed')
    let payment = (await listPayments(world.customer.client, { invoiceId: invoice.id }))[0]
    expect([payment?.status, payment?.failure_message]).toEqual(['failed', 'Your card was declined.'])
    expect((await getInvoice(world.customer.client, invoice.id)).balance_cents).toBe(8_000)

    expect(await event(`evt_ok_${paymentId}`, true, 9_200)).toBe('succeeded')
    // The same event delivered again changes nothing.
    expect(await event(`evt_ok_${paymentId}`, true, 9_200)).toBe('duplicate')
    payment = (await listPayments(world.customer.client, { invoiceId: invoice.id }))[0]
    expect([payment?.status, payment?.tip_cents, payment?.provider_reference]).toEqual(['succeeded', 1_200, 'pi_1'])
    const paid = await getInvoice(world.customer.client, invoice.id)
    expect([paid.status, paid.amount_paid_cents, paid.tip_cents, paid.balance_cents]).toEqual(['paid', 8_000, 1_200, 0])
    // Staff hear of it in the bell, once, in money they read.
    const notices = await sql<{ title: string; body: string }>(
      `select title, body from public.staff_notifications where record_id = $1 and kind = 'payment_received'`,
      [invoice.id],
    )
    expect(notices.map((n) => n.body)).toEqual(['$80.00 + $12.00 tip'])
    expect(notices[0]?.title).toMatch(new RegExp(`paid invoice ${invoice.number} online$`))
    // Paying a paid invoice is refused.
    expect(
      (await errorOf(startOnlinePayment(world.customer.client, { paymentId: randomUUID(), target: { invoiceId: invoice.id }, amountCents: 1 })))
        .reason,
    ).toBe(`Invoice ${invoice.number} is already paid`)

    // An event whose amount does not match the payment fails it instead of crediting it.
    const other = await openInvoice(3_000)
    const otherId = randomUUID()
    await startOnlinePayment(world.customer.client, { paymentId: otherId, target: { invoiceId: other.id }, amountCents: 3_000 })
    expect(
      await settleOnlinePayment(service, {
        eventId: `evt_${otherId}`,
        provider: 'local',
        eventType: 'checkout.session.completed',
        paymentId: otherId,
        succeeded: true,
        reference: 'pi_2',
        amountCents: 1,
      }),
    ).toBe('failed')
    expect((await getInvoice(world.staff.client, other.id)).balance_cents).toBe(3_000)
  })
})

describe('quotes', () => {
  async function sentQuote(deposit: { deposit_percent?: number } = {}) {
    const quote = await createQuote(
      world.staff.client,
      { organization_id: world.organizationId, customer_id: world.customer.id, title: 'Carpet refresh', ...deposit },
      [
        { description: 'Hallway', quantity: 1, unit_price_cents: 5_000, taxable: true, tax_rate_bps: 825 },
        { description: 'Good', quantity: 1, unit_price_cents: 10_000, option_group: 'Package', taxable: true, tax_rate_bps: 825 },
        { description: 'Best', quantity: 1, unit_price_cents: 20_000, option_group: 'Package', selected: false, taxable: true, tax_rate_bps: 825 },
        { description: 'Pet treatment', quantity: 1, unit_price_cents: 7_900, optional: true },
      ],
    )
    await setQuoteStatus(world.staff.client, quote.id, 'sent')
    return getQuote(world.staff.client, quote.id)
  }
  const line = (quote: Awaited<ReturnType<typeof getQuote>>, description: string) =>
    quote.quote_line_items.find((l) => l.description === description)?.id ?? ''

  it('hides drafts from the customer and other customers, and totals the pre-selected lines', async () => {
    const draft = await createQuote(
      world.staff.client,
      { organization_id: world.organizationId, customer_id: world.customer.id, title: 'Draft' },
      [{ description: 'Line', quantity: 1, unit_price_cents: 100 }],
    )
    expect((await listQuotes(world.customer.client, { customerId: world.customer.id })).map((q) => q.id)).not.toContain(draft.id)
    const quote = await sentQuote()
    // Hallway + Good, taxed: 150.00 + 12.375 -> 12.38.
    expect([quote.subtotal_cents, quote.tax_cents, quote.total_cents]).toEqual([15_000, 1_238, 16_238])
    expect((await getQuote(world.customer.client, quote.id)).quote_line_items).toHaveLength(4)
    expect(await listQuotes(world.otherCustomer.client, { customerId: world.customer.id })).toEqual([])
    expect((await errorOf(getQuote(world.otherCustomer.client, quote.id))).code).toBe('not_found')
    expect((await errorOf(markQuoteViewed(world.otherCustomer.client, quote.id))).code).toBe('P0002')
  })

  it('is approved with the customer’s choices, signature and version, then can no longer change', async () => {
    const quote = await sentQuote({ deposit_percent: 25 })
    expect((await markQuoteViewed(world.customer.client, quote.id)).status).toBe('viewed')
    const approve = (over: Partial<Parameters<typeof approveQuote>[1]> = {}) =>
      approveQuote(world.customer.client, {
        quoteId: quote.id,
        version: quote.version,
        selectedLineIds: [line(quote, 'Best'), line(quote, 'Pet treatment')],
        signerName: 'Avery Customer',
        signaturePng: SIGNATURE,
        ...over,
      })
    expect((await errorOf(approve({ selectedLineIds: [line(quote, 'Good'), line(quote, 'Best')] }))).reason).toBe(
      'Choose exactly one option for "Package"',
    )
    expect((await errorOf(approve({ signerName: ' ' }))).reason).toBe('Type your full name to sign')
    expect((await errorOf(approve({ signaturePng: 'data:image/jpeg;base64,xx' }))).reason).toBe('Draw your signature')
    expect((await errorOf(approve({ selectedLineIds: [randomUUID()] }))).reason).toBe('A chosen line is not part of this quote')
    // Staff change the quote while the customer reads it: the old version cannot be approved.
    await updateQuote(world.staff.client, quote.id, { title: 'Carpet refresh (revised)', deposit_percent: 25 }, [
      { description: 'Hallway', quantity: 1, unit_price_cents: 5_000, taxable: true, tax_rate_bps: 825 },
      { description: 'Good', quantity: 1, unit_price_cents: 10_000, option_group: 'Package', taxable: true, tax_rate_bps: 825 },
      { description: 'Best', quantity: 1, unit_price_cents: 20_000, option_group: 'Package', selected: false, taxable: true, tax_rate_bps: 825 },
      { description: 'Pet treatment', quantity: 1, unit_price_cents: 7_900, optional: true },
    ])
    expect((await errorOf(approve())).reason).toBe('This quote changed while you were reading it')
    const fresh = await getQuote(world.customer.client, quote.id)
    // One edit, one new version (fields and lines change in one transaction).
    expect(fresh.version).toBe(quote.version + 1)
    const approved = await approveQuote(world.customer.client, {
      quoteId: quote.id,
      version: fresh.version,
      selectedLineIds: [line(fresh, 'Best'), line(fresh, 'Pet treatment')],
      signerName: 'Avery Customer',
      signaturePng: SIGNATURE,
    })
    // Hallway + Best taxed (250.00 × 8.25 % = 20.625 -> 20.63) + pet treatment untaxed.
    expect([approved.status, approved.total_cents, approved.deposit_cents]).toEqual(['approved', 25_000 + 2_063 + 7_900, 8_741])
    const signed = await getQuote(world.staff.client, quote.id)
    expect(signed.quote_signatures?.signer_name).toBe('Avery Customer')
    expect(signed.quote_signatures?.version).toBe(fresh.version)
    expect((signed.quote_signatures?.snapshot as { total_cents: number }).total_cents).toBe(approved.total_cents)
    // The approved version is frozen.
    expect((await errorOf(updateQuote(world.staff.client, quote.id, { title: 'Sneaky' }, [{ description: 'x', quantity: 1, unit_price_cents: 1 }]))).reason).toMatch(
      /approved/,
    )
    const lineEdit = await world.staff.client
      .from('quote_line_items')
      .update({ unit_price_cents: 1 })
      .eq('id', line(signed, 'Hallway'))
    expect(lineEdit.error?.message).toBe('This quote is approved; its lines can no longer change')
    expect((await errorOf(declineQuote(world.customer.client, quote.id, 'Changed my mind'))).reason).toBe(
      'This quote is approved and can no longer be declined',
    )

    // The deposit: exactly what is due, then it counts toward the invoice made from the quote.
    const depositId = randomUUID()
    expect(
      (await errorOf(startOnlinePayment(world.customer.client, { paymentId: randomUUID(), target: { quoteId: quote.id }, amountCents: 100 })))
        .reason,
    ).toBe('The deposit due is 8741 cents')
    await startOnlinePayment(world.customer.client, { paymentId: depositId, target: { quoteId: quote.id }, amountCents: 8_741 })
    await settleOnlinePayment(serviceClient(), {
      eventId: `evt_${depositId}`,
      provider: 'local',
      eventType: 'checkout.session.completed',
      paymentId: depositId,
      succeeded: true,
      reference: 'pi_dep',
      amountCents: 8_741,
    })
    expect((await getQuote(world.customer.client, quote.id)).deposit_paid_cents).toBe(8_741)

    const job = await convertQuoteToJob(world.staff.client, quote.id)
    expect([job.status, job.customer_id, job.title]).toEqual(['requested', world.customer.id, 'Carpet refresh (revised)'])
    expect((await errorOf(convertQuoteToJob(world.staff.client, quote.id))).reason).toBe('This quote already has a job')
    const invoice = await convertQuoteToInvoice(world.staff.client, quote.id)
    const full = await getInvoice(world.staff.client, invoice.id)
    expect(full.invoice_line_items.map((l) => l.description)).toEqual(['Hallway', 'Best', 'Pet treatment'])
    expect([full.job_id, full.total_cents, full.amount_paid_cents, full.balance_cents]).toEqual([
      job.id,
      approved.total_cents,
      8_741,
      approved.total_cents - 8_741,
    ])
  })

  it('is declined with a reason, which staff read', async () => {
    const quote = await sentQuote()
    expect((await errorOf(declineQuote(world.customer.client, quote.id, '  '))).reason).toBe(
      'Tell the business why you are declining',
    )
    const declined = await declineQuote(world.customer.client, quote.id, 'Found a cheaper offer')
    expect([declined.status, declined.decline_reason]).toEqual(['declined', 'Found a cheaper offer'])
    expect((await errorOf(convertQuoteToJob(world.staff.client, quote.id))).reason).toBe(
      'Only an approved quote becomes a job (this one is declined)',
    )
  })
})

describe('credits from rewards', () => {
  it('become a discount line on the next invoice, which staff can remove to give the credit back', async () => {
    const own = await createWorld()
    const [reward] = await sql<{ id: string }>(
      `insert into public.loyalty_rewards (organization_id, name, points_cost, credit_cents) values ($1, '$15 off', 50, 1500) returning id`,
      [own.organizationId],
    )
    await sql(`insert into public.loyalty_transactions (organization_id, customer_id, points, kind) values ($1, $2, 80, 'bonus')`, [
      own.organizationId,
      own.customer.id,
    ])
    await redeemReward(own.customer.client, own.customer.id, reward?.id ?? '')
    const [credit] = await listCustomerCredits(own.customer.client, own.customer.id)
    expect([credit?.amount_cents, credit?.invoice_id]).toEqual([1_500, null])

    const invoice = await createInvoice(
      own.staff.client,
      { organization_id: own.organizationId, customer_id: own.customer.id },
      [{ description: 'Visit', quantity: 1, unit_price_cents: 10_000, taxable: true, tax_rate_bps: 1000 }],
    )
    const creditLine = invoice.invoice_line_items.find((l) => l.credit_id !== null)
    expect(creditLine?.amount_cents).toBe(-1_500)
    // After tax: 100.00 + 10.00 - 15.00.
    expect([invoice.subtotal_cents, invoice.tax_cents, invoice.discount_cents, invoice.total_cents]).toEqual([
      10_000, 1_000, 1_500, 9_500,
    ])
    // Staff see where it went; the customer sees it once the invoice is sent (drafts are hidden).
    const [applied] = await listCustomerCredits(own.staff.client, own.customer.id)
    expect(applied?.invoices?.number).toBe(invoice.number)

    await deleteInvoiceLine(own.staff.client, creditLine?.id ?? '')
    expect((await getInvoice(own.staff.client, invoice.id)).total_cents).toBe(11_000)
    const [released] = await listCustomerCredits(own.customer.client, own.customer.id)
    expect(released?.invoice_id).toBeNull()
    // The next invoice takes it again.
    const next = await createInvoice(
      own.staff.client,
      { organization_id: own.organizationId, customer_id: own.customer.id },
      [{ description: 'Visit', quantity: 1, unit_price_cents: 2_000 }],
    )
    expect(next.discount_cents).toBe(1_500)
  })
})
