import { createHmac, randomUUID } from 'node:crypto'
import { payOnCheckout } from '../src/checkout.ts'
import { waitForLive as portalWaitForLive, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

test.describe('payments', () => {
  test('the customer pays the balance with a tip by test card; the receipt and both apps show it paid, live', async ({
    customerPage: portal,
    browser,
    staffApi,
    saveScreenshot,
  }) => {
    const invoice = await staffApi.sendInvoice(demo.alice.customerId, 12_000)
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/invoices/${invoice.id}`))
    await waitForLive(crm)
    await expect(crm.getByTestId('invoice-status')).toHaveText('Sent')

    await portal.goto(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await portalWaitForLive(portal)
    await expect(portal.getByTestId('invoice-balance')).toHaveText('$120.00')
    const pay = portal.getByRole('form', { name: 'Pay now' })
    await pay.getByRole('button', { name: '15%' }).click()
    await expect(pay.getByText('$120.00 + $18.00 tip')).toBeVisible()
    await saveScreenshot(portal, 'portal-pay-now')
    // A double click starts one payment, not two.
    await pay.getByRole('button', { name: 'Pay $138.00' }).dblclick()

    await portal.waitForURL(/\/payments\/v1\/checkout\//)
    await saveScreenshot(portal, 'local-checkout')
    await payOnCheckout(portal, '4242 4242 4242 4242')

    // Back on the portal: the receipt, confirmed by the provider's signed webhook.
    await portal.waitForURL(/\/payments\/[0-9a-f-]{36}$/)
    await expect(portal.getByTestId('payment-status')).toHaveText('Received')
    await expect(portal.getByTestId('receipt-total')).toHaveText('$138.00')
    await expect(portal.getByTestId('receipt-tip')).toHaveText('$18.00')
    await expect(portal.getByTestId('receipt-balance')).toHaveText('$0.00')
    await expect(portal.getByRole('button', { name: 'Print receipt' })).toBeVisible()
    await saveScreenshot(portal, 'portal-receipt')

    // Staff see it live, with the tip apart from the amount paid.
    await expect(crm.getByTestId('invoice-status')).toHaveText('Paid')
    await expect(crm.getByTestId('invoice-amount-paid')).toHaveText('$120.00')
    await expect(crm.getByTestId('payment-row')).toHaveCount(1)
    await expect(crm.getByTestId('payment-row')).toContainText('+ $18.00 tip')
    await expect(toast(crm, 'Alice Johnson paid invoice')).toBeVisible()

    await portal.goto(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await expect(portal.getByText('Paid', { exact: true }).first()).toBeVisible()
    await expect(portal.getByRole('form', { name: 'Pay now' })).toHaveCount(0)
    await expect(portal.getByTestId('payment-row')).toHaveCount(1)

    // The PDF for the customer and for staff: a real PDF, named after the invoice.
    for (const [page, base] of [
      [portal, e2eEnv.portalUrl],
      [crm, e2eEnv.crmUrl],
    ] as const) {
      const pdf = await page.request.get(`${base}/invoices/${invoice.id}/pdf?download=1`)
      expect(pdf.status()).toBe(200)
      expect(pdf.headers()['content-type']).toBe('application/pdf')
      expect(pdf.headers()['content-disposition']).toBe(`attachment; filename="invoice-${invoice.number.toLowerCase()}.pdf"`)
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
    }
    const foreign = await portal.request.get(`${e2eEnv.portalUrl}/invoices/${demo.bob.invoiceId}/pdf`)
    expect(foreign.status()).toBe(404)
  })

  test('a declined card says why and leaves the invoice open', async ({ customerPage: portal, staffApi, saveScreenshot }) => {
    const invoice = await staffApi.sendInvoice(demo.alice.customerId, 4_500)
    await portal.goto(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await portalWaitForLive(portal)
    await portal.getByRole('form', { name: 'Pay now' }).getByRole('button', { name: 'Pay $45.00' }).click()
    await portal.waitForURL(/\/payments\/v1\/checkout\//)
    await payOnCheckout(portal, '4000 0000 0000 0002')
    await expect(portal.getByRole('alert')).toHaveText('Your card was declined.')
    await saveScreenshot(portal, 'local-checkout-declined')
    await portal.getByRole('link', { name: 'Cancel and go back' }).click()

    await portal.waitForURL(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await expect(portal.getByTestId('payment-failed')).toContainText('Your card was declined.')
    await expect(portal.getByTestId('invoice-balance')).toHaveText('$45.00')
    await expect(portal.getByRole('form', { name: 'Pay now' })).toBeVisible()
  })

  test('staff record a cash part-payment and refund it; the customer sees each step live', async ({
    customerPage: portal,
    browser,
    staffApi,
  }) => {
    const invoice = await staffApi.sendInvoice(demo.alice.customerId, 10_000)
    await portal.goto(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await portalWaitForLive(portal)

    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/invoices/${invoice.id}`))
    await waitForLive(crm)
    await crm.getByRole('button', { name: `Record payment for invoice ${invoice.number}` }).click()
    const form = crm.getByRole('form', { name: `Record payment for ${invoice.number}` })
    await expect(form.getByLabel('Amount')).toHaveValue('100.00')
    // More than is due is refused, and nothing is recorded.
    await form.getByLabel('Amount').fill('150')
    await form.getByRole('button', { name: 'Record payment' }).click()
    await expect(form.getByText('The amount is more than the balance due ($100.00)')).toBeVisible()
    await form.getByLabel('Amount').fill('40')
    await form.getByLabel('Method').selectOption('cash')
    await form.getByLabel('Note (optional)').fill('Paid at the door')
    await form.getByRole('button', { name: 'Record payment' }).click()
    await expect(toast(crm, 'Payment recorded; $60.00 still due')).toBeVisible()
    await expect(crm.getByTestId('invoice-status')).toHaveText('Partially paid')
    await expect(crm.getByTestId('payment-row')).toContainText('Paid at the door')

    await expect(toast(portal, 'Payment received')).toContainText('$40.00 received')
    await expect(portal.getByTestId('invoice-balance')).toHaveText('$60.00')
    await expect(portal.getByText('Partially paid', { exact: true })).toBeVisible()

    await crm.getByRole('button', { name: 'Refund $40.00' }).click()
    const refund = crm.getByRole('form', { name: 'Refund payment' })
    await refund.getByLabel('Reason').fill('Customer paid by card instead')
    await refund.getByRole('button', { name: 'Refund $40.00' }).click()
    await expect(toast(crm, 'Refunded $40.00')).toBeVisible()
    await expect(crm.getByTestId('invoice-status')).toHaveText('Sent')
    await expect(crm.getByTestId('payment-row')).toContainText('Refunded: Customer paid by card instead')
    await expect(toast(portal, 'Payment refunded')).toBeVisible()
    await expect(portal.getByTestId('invoice-balance')).toHaveText('$100.00')
  })
})

test.describe('the payment webhook', () => {
  /** Signs a body as Stripe does (and as the local test checkout does), with the local secret. */
  function stripeSignature(body: string, secret = 'whsec_local_payments_well_known_test_secret_0000'): string {
    const t = Math.floor(Date.now() / 1000)
    return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`
  }

  test('refuses forged events, and a replayed event settles the payment once', async ({ request, staffApi }) => {
    const invoice = await staffApi.sendInvoice(demo.alice.customerId, 2_500)
    const paymentId = randomUUID()
    const started = await staffApi.client.rpc('start_online_payment', {
      p_payment_id: paymentId,
      p_amount_cents: 2_500,
      p_invoice_id: invoice.id,
    })
    expect(started.error).toBeNull()
    const event = JSON.stringify({
      id: `evt_replay_${paymentId}`,
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: `cs_replay_${paymentId}`,
          object: 'checkout.session',
          amount_total: 2_500,
          currency: 'usd',
          payment_status: 'paid',
          status: 'complete',
          client_reference_id: paymentId,
          metadata: { payment_id: paymentId },
          payment_intent: `pi_replay_${paymentId}`,
        },
      },
    })
    const webhook = `${e2eEnv.portalUrl}/api/payments/webhook`
    const post = (body: string, signature?: string) =>
      request.post(webhook, {
        data: body,
        headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
      })

    for (const forged of [
      await post(event),
      await post(event, stripeSignature(event, 'whsec_someone_else')),
      await post(event.replace('"amount_total":2500', '"amount_total":1'), stripeSignature(event)),
    ]) {
      expect(forged.status()).toBe(400)
      expect(await forged.json()).toEqual({ error: 'The signature does not match.' })
    }
    const before = await staffApi.client.from('invoices').select('balance_cents').eq('id', invoice.id).single()
    expect(before.data?.balance_cents).toBe(2_500)

    const first = await post(event, stripeSignature(event))
    expect(await first.json()).toEqual({ received: true, outcome: 'succeeded' })
    const again = await post(event, stripeSignature(event))
    expect(await again.json()).toEqual({ received: true, outcome: 'duplicate' })
    const after = await staffApi.client.from('invoices').select('status, amount_paid_cents').eq('id', invoice.id).single()
    expect(after.data).toEqual({ status: 'paid', amount_paid_cents: 2_500 })
  })
})
