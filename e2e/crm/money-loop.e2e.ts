// The whole money loop, in two real browsers: staff send a quote; the customer chooses, signs and
// pays the deposit by test card; staff turn it into a job and an invoice (the deposit counted);
// the customer pays the balance with a tip; both apps show it paid, live.
import type { Page } from '@playwright/test'
import { drawSignature, payOnCheckout } from '../src/checkout.ts'
import { waitForLive as portalWaitForLive, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

/** Pays the open test checkout with a card that succeeds, and waits for the receipt. */
async function payByCard(page: Page) {
  await page.waitForURL(/\/payments\/v1\/checkout\//)
  await payOnCheckout(page, '4242 4242 4242 4242')
  await page.waitForURL(/\/payments\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('payment-status')).toHaveText('Received')
}

test('quote → signed approval and deposit → job → invoice → balance paid with a tip, live in both apps', async ({
  customerPage: portal,
  browser,
  staffApi,
  saveScreenshot,
}) => {
  test.setTimeout(180_000)
  const title = `Stair runner and landing ${Date.now().toString(36)}`
  // A draft written as the CRM's form does: a fixed line, two alternatives, 25 % deposit.
  const db = staffApi.client
  const draft = await db
    .from('quotes')
    .insert({ organization_id: demo.organizationId, customer_id: demo.alice.customerId, title, deposit_percent: 25 })
    .select('id, number')
    .single()
  expect(draft.error).toBeNull()
  const quote = draft.data as { id: string; number: string }
  const lines = await db.from('quote_line_items').insert(
    [
      { description: 'Stairs (14 steps)', unit_price_cents: 14_000, option_group: null, selected: true, position: 1 },
      { description: 'Standard clean', unit_price_cents: 6_000, option_group: 'Landing', selected: true, position: 2 },
      { description: 'Deep clean with protection', unit_price_cents: 10_000, option_group: 'Landing', selected: false, position: 3 },
    ].map((line) => ({ ...line, quote_id: quote.id, quantity: 1, taxable: true, tax_rate_bps: 825 })),
  )
  expect(lines.error).toBeNull()

  // Staff send it from the CRM.
  const crm = await signInToCrm(browser, demo.staff.office)
  await crm.goto(crmUrl(`/quotes/${quote.id}`))
  await waitForLive(crm)
  await crm.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(crm.getByTestId('quote-status')).toHaveText('Sent')
  await expect(toast(portal, 'New quote')).toBeVisible()

  // The customer chooses the deep clean, signs and approves; staff see it live.
  await portal.goto(`${e2eEnv.portalUrl}/quotes/${quote.id}`)
  await portalWaitForLive(portal)
  await portal.getByRole('radio', { name: /^Deep clean with protection/ }).check()
  // $140 + $100 = $240.00, 8.25 % tax $19.80: $259.80; a quarter of it is the deposit.
  await expect(portal.getByTestId('quote-total')).toHaveText('$259.80')
  await expect(portal.getByTestId('quote-deposit')).toHaveText('$64.95')
  await expect(crm.getByTestId('quote-status')).toHaveText('Viewed')
  await portal.getByRole('button', { name: 'Approve', exact: true }).click()
  const dialog = portal.getByRole('dialog', { name: `Approve quote ${quote.number}` })
  await dialog.getByLabel('Your full name').fill('Alice Johnson')
  await drawSignature(portal)
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(portal.getByTestId('deposit-due')).toHaveText('Deposit due: $64.95')
  await expect(crm.getByTestId('quote-status')).toHaveText('Approved')
  await expect(crm.getByTestId('quote-signature').getByRole('img', { name: 'Signature of Alice Johnson' })).toBeVisible()
  await saveScreenshot(portal, 'money-loop-deposit-due')

  // The deposit, by test card.
  await portal.getByRole('form', { name: 'Pay deposit' }).getByRole('button', { name: 'Pay $64.95' }).click()
  await payByCard(portal)
  await expect(portal.getByTestId('receipt-total')).toHaveText('$64.95')
  await expect(portal.getByText(`Deposit for quote ${quote.number}`).first()).toBeVisible()
  await expect(toast(crm, `Alice Johnson paid the deposit on quote ${quote.number} online`)).toBeVisible()

  // Staff make a job and an invoice of it; the invoice counts the deposit.
  await crm.getByRole('button', { name: 'Convert to job' }).click()
  await expect(toast(crm, /^Job created from quote Q-\d+$/)).toBeVisible()
  await crm.getByRole('button', { name: 'Create invoice' }).click()
  const created = toast(crm, /^Invoice INV-\d+ created$/)
  await expect(created).toBeVisible()
  const invoiceNumber = /INV-\d+/.exec((await created.textContent()) ?? '')?.[0] ?? ''
  await crm.getByRole('list', { name: 'Made from this quote' }).getByRole('link', { name: invoiceNumber }).click()
  await expect(crm.getByRole('heading', { name: `Invoice ${invoiceNumber}`, level: 1 })).toBeVisible()
  await waitForLive(crm)
  await expect(crm.getByTestId('invoice-total')).toHaveText('$259.80')
  await expect(crm.getByTestId('invoice-amount-paid')).toHaveText('$64.95')
  await crm.getByRole('button', { name: `Send invoice ${invoiceNumber}` }).click()
  await expect(crm.getByTestId('invoice-status')).toHaveText('Partially paid')
  const invoiceUrl = crm.url().replace(e2eEnv.crmUrl, e2eEnv.portalUrl)

  // The customer pays the balance with a 10 % tip.
  await expect(toast(portal, 'New invoice')).toContainText(invoiceNumber)
  await portal.goto(invoiceUrl)
  await portalWaitForLive(portal)
  await expect(portal.getByTestId('invoice-balance')).toHaveText('$194.85')
  const pay = portal.getByRole('form', { name: 'Pay now' })
  await pay.getByRole('button', { name: '10%' }).click()
  // 10 % of $194.85 = $19.485, rounded half up.
  await pay.getByRole('button', { name: 'Pay $214.34' }).click()
  await payByCard(portal)
  await expect(portal.getByTestId('receipt-tip')).toHaveText('$19.49')
  await expect(portal.getByTestId('receipt-balance')).toHaveText('$0.00')

  // Both apps: paid, live.
  await expect(crm.getByTestId('invoice-status')).toHaveText('Paid')
  await expect(crm.getByTestId('invoice-balance')).toHaveText('$0.00')
  await expect(crm.getByTestId('payment-row')).toHaveCount(2)
  await portal.goto(invoiceUrl)
  await expect(portal.getByTestId('invoice-balance')).toHaveText('$0.00')
  await expect(portal.getByTestId('payment-row')).toHaveCount(2)
  await saveScreenshot(portal, 'money-loop-paid')
  await saveScreenshot(crm, 'money-loop-crm-paid')
})
