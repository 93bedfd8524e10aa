import type { Page } from '@playwright/test'
import { drawSignature } from '../src/checkout.ts'
import { demo, expect, test, toast, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import type { StaffApi } from '../src/staff-api.ts'

/** Alice's seeded quote (supabase/seed.sql): three "Package" options, a pet add-on, 20 % deposit, 8.25 % tax. */
const q1001 = { id: '65000000-0000-4000-8000-000000000001', number: 'Q-1001', title: 'Whole-home carpet refresh' }
/** Bob's seeded draft. */
const bobsDraftId = '65000000-0000-4000-8000-000000000002'

// React's hydration complaints in development and production builds (#418 text, #423 recoverable, #425 text content).
const hydrationProblem = /hydrat|did not match|server rendered (html|text)|Minified React error #(418|423|425)\b/i

/** Console errors and hydration warnings from here on, to assert on at the end of a test. */
function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || (message.type() === 'warning' && hydrationProblem.test(message.text()))) {
      problems.push(`${page.url()}: console ${message.type()}: ${message.text().slice(0, 300)}`)
    }
  })
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message.slice(0, 300)}`))
  return problems
}


function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** Writes a quote for Alice as the office manager (as the CRM would) and sends it. */
async function sendQuoteToAlice(staffApi: StaffApi, title: string) {
  const db = staffApi.client
  const { data: quote, error } = await db
    .from('quotes')
    .insert({ organization_id: demo.organizationId, customer_id: demo.alice.customerId, title, valid_until: inDays(14) })
    .select('id')
    .single()
  if (error || !quote) throw new Error(`creating a quote failed: ${error?.message}`)
  const lines = [
    { description: 'Standard clean', unit_price_cents: 10_000, option_group: 'Level', selected: true, position: 1 },
    { description: 'Deep clean', unit_price_cents: 15_000, option_group: 'Level', selected: false, position: 2 },
    { description: 'Call-out fee', unit_price_cents: 2_500, option_group: null, selected: true, position: 3 },
  ]
  const inserted = await db
    .from('quote_line_items')
    .insert(lines.map((line) => ({ ...line, quote_id: quote.id, quantity: 1, taxable: false })))
    .select('id, description')
  if (inserted.error) throw new Error(`adding quote lines failed: ${inserted.error.message}`)
  const sent = await db.from('quotes').update({ status: 'sent' }).eq('id', quote.id).select('id, number, version').single()
  if (sent.error || !sent.data) throw new Error(`sending the quote failed: ${sent.error?.message}`)
  const lineId = (description: string) => inserted.data.find((l) => l.description === description)?.id as string
  return { ...sent.data, title, lineId }
}

async function quoteRow(staffApi: StaffApi, id: string) {
  const { data, error } = await staffApi.client.from('quotes').select('status, version, total_cents, decline_reason').eq('id', id).single()
  if (error || !data) throw new Error(`reading the quote failed: ${error?.message}`)
  return data
}

test.describe('quotes', () => {
  test('Alice chooses a package and an add-on, signs and approves Q-1001', async ({ customerPage: page, staffApi, saveScreenshot, checkA11y }) => {
    test.setTimeout(90_000)
    const problems = watchConsole(page)
    // The dashboard says a quote is waiting.
    await expect(page.getByTestId('awaiting-quotes')).toContainText('awaiting your answer')
    await saveScreenshot(page, 'quotes-dashboard-375')

    // Quotes sit under "More" on a phone.
    await waitForLive(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click()
    await page.getByRole('navigation', { name: 'More pages' }).getByRole('link', { name: 'Quotes' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible()
    await saveScreenshot(page, 'quotes-list-375')
    await page.getByTestId('quote-row').filter({ hasText: q1001.number }).click()

    await expect(page.getByRole('heading', { level: 1, name: q1001.title })).toBeVisible()
    await waitForLive(page)
    // Opening it tells the business (staff see "viewed").
    await expect.poll(async () => (await quoteRow(staffApi, q1001.id)).status).toBe('viewed')
    const version = Number(await page.getByTestId('quote-version').textContent())

    // The business pre-selected "Good": $149.00 + 8.25 % tax.
    const total = page.getByTestId('quote-total')
    await expect(total).toHaveText('$161.29')
    await page.getByRole('radio', { name: /^Better/ }).check()
    await page.getByRole('checkbox', { name: /Pet stain & odor treatment/ }).check()
    // $229.00 + $79.00 = $308.00, tax $25.41; the 20 % deposit follows.
    await expect(page.getByTestId('quote-subtotal')).toHaveText('$308.00')
    await expect(page.getByTestId('quote-tax')).toHaveText('$25.41')
    await expect(total).toHaveText('$333.41')
    await expect(page.getByTestId('quote-deposit')).toHaveText('$66.68')
    await saveScreenshot(page, 'quote-choose-375')

    await page.getByRole('button', { name: 'Approve', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Approve quote ${q1001.number}` })
    await expect(dialog.getByTestId('approve-total')).toHaveText('$333.41')
    await expect(dialog).toContainText(`By signing you approve quote ${q1001.number}, version ${version}, for $333.41.`)
    const approve = dialog.getByRole('button', { name: 'Approve', exact: true })
    // Nothing is sent until there is a name and a signature, and the dialog says what is missing.
    await expect(approve).toBeDisabled()
    await expect(dialog).toContainText('To approve, type your full name and draw your signature.')
    const name = dialog.getByLabel('Your full name')
    await name.fill('A')
    await name.blur()
    await expect(dialog.getByText('Type your full name to sign.')).toBeVisible()
    await name.fill('Alice Johnson')
    await expect(dialog).toContainText('To approve, draw your signature.')
    await expect(approve).toBeDisabled()
    await drawSignature(page)
    await expect(approve).toBeEnabled()
    // Clearing takes the signature away again.
    await dialog.getByRole('button', { name: 'Clear' }).click()
    await expect(approve).toBeDisabled()
    await expect(dialog.getByText('Draw your signature in the box.')).toBeVisible()
    await drawSignature(page)
    await checkA11y(page)
    await saveScreenshot(page, 'quote-approve-dialog-375')

    // An impatient double click approves once: a thank-you, never an error.
    await approve.dblclick()
    await expect(toast(page, `Quote ${q1001.number} approved`)).toBeVisible()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page.locator('main').getByText('Approved', { exact: true })).toBeVisible()
    const signature = page.getByTestId('quote-signature')
    await expect(signature.getByRole('img', { name: 'Signature of Alice Johnson' })).toBeVisible()
    await expect(signature).toContainText('Alice Johnson')
    await expect(signature).toContainText(`version ${version}`)
    await expect(page.getByTestId('deposit-due')).toHaveText('Deposit due: $66.68')
    await expect(page.getByRole('table')).toContainText('Better: 5 rooms and hall')
    await expect(page.getByRole('table')).not.toContainText('Good: 3 rooms')
    await expect(page.locator('[data-sonner-toast][data-type="error"]')).toHaveCount(0)
    const stored = await quoteRow(staffApi, q1001.id)
    expect([stored.status, stored.total_cents, stored.version]).toEqual(['approved', 33_341, version])
    await saveScreenshot(page, 'quote-approved-375')

    // Still right after a reload (the server's word, not the optimistic view).
    await page.reload()
    await expect(page.getByTestId('quote-signature').getByRole('img')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
    expect(problems, 'console errors and hydration warnings').toEqual([])
  })

  test('Alice declines a quote with a reason; drafts and other customers’ quotes are not found', async ({ customerPage: page, staffApi, saveScreenshot }) => {
    const problems = watchConsole(page)
    // Sent while Alice looks at her dashboard: a toast, and the card shows it (newest first).
    await waitForLive(page)
    const quote = await sendQuoteToAlice(staffApi, `Patio rug ${Date.now().toString(36)}`)
    await expect(toast(page, 'New quote')).toContainText(`Quote ${quote.number} for $125.00`)
    await expect(page.getByTestId('awaiting-quote')).toContainText(quote.title)
    await page.getByTestId('awaiting-quote').click()
    await expect(page.getByRole('heading', { level: 1, name: quote.title })).toBeVisible()
    await waitForLive(page)
    await expect(page.getByTestId('quote-total')).toHaveText('$125.00')

    await page.getByRole('button', { name: 'Decline', exact: true }).click()
    const dialog = page.getByRole('alertdialog', { name: `Decline quote ${quote.number}?` })
    await dialog.getByRole('button', { name: 'Decline quote' }).click()
    await expect(dialog.getByText('Tell us briefly why you are declining.')).toBeVisible()
    await dialog.getByLabel('Reason').fill('We found a rug we like better')
    await saveScreenshot(page, 'quote-decline-dialog-375')
    await dialog.getByRole('button', { name: 'Decline quote' }).click()
    await expect(toast(page, `Quote ${quote.number} declined`)).toBeVisible()
    await expect(page.getByText('You declined this quote. Your reason: “We found a rug we like better”')).toBeVisible()
    await expect(page.locator('main').getByText('Declined', { exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
    const stored = await quoteRow(staffApi, quote.id)
    expect([stored.status, stored.decline_reason]).toEqual(['declined', 'We found a rug we like better'])
    await saveScreenshot(page, 'quote-declined-375')

    // In the list it is a past quote now.
    await page.goto(`${e2eEnv.portalUrl}/quotes`)
    await expect(page.getByRole('region', { name: 'Past quotes' }).getByTestId('quote-row').filter({ hasText: quote.title })).toContainText(
      'Declined',
    )

    // A draft of Alice's own, Bob's draft and a malformed id: all the same 404.
    const { data: draft } = await staffApi.client
      .from('quotes')
      .insert({ organization_id: demo.organizationId, customer_id: demo.alice.customerId, title: 'Still being written' })
      .select('id')
      .single()
    for (const id of [draft?.id, bobsDraftId, 'not-a-uuid']) {
      const response = await page.goto(`${e2eEnv.portalUrl}/quotes/${id}`)
      expect(response?.status(), String(id)).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible()
      await expect(page.getByText('Still being written')).toHaveCount(0)
    }
    expect(problems.filter((p) => !/404|Failed to load resource/.test(p)), 'console errors and hydration warnings').toEqual([])
  })

  test('a quote changed while Alice signs: approving says so and shows the new version', async ({ customerPage: page, staffApi, saveScreenshot }) => {
    test.setTimeout(90_000)
    const problems = watchConsole(page)
    const quote = await sendQuoteToAlice(staffApi, `Basement carpet ${Date.now().toString(36)}`)
    await page.goto(`${e2eEnv.portalUrl}/quotes/${quote.id}`)
    await waitForLive(page)
    // Opening it made it "viewed": wait for that live refresh, so it cannot land mid-dialog.
    await expect.poll(async () => (await quoteRow(staffApi, quote.id)).status).toBe('viewed')
    const version = Number(await page.getByTestId('quote-version').textContent())
    await page.getByRole('radio', { name: /^Deep clean/ }).check()
    await expect(page.getByTestId('quote-total')).toHaveText('$175.00')

    const dialog = page.getByRole('dialog', { name: `Approve quote ${quote.number}` })
    const review = dialog.getByRole('button', { name: 'Review the new version' })
    const startSigning = async (total: string) => {
      await page.getByRole('button', { name: 'Approve', exact: true }).click()
      await expect(dialog).toContainText(`for ${total}.`)
      await dialog.getByLabel('Your full name').fill('Alice Johnson')
      await drawSignature(page)
    }
    /** Approves what the dialog shows; the database refuses (or the live update got there first): either way it says so. */
    const approveChanged = async () => {
      const approve = dialog.getByRole('button', { name: 'Approve', exact: true })
      await expect(approve.or(review)).toBeVisible()
      // The button may turn into "Review the new version" at any moment: then there is nothing to click.
      if (await approve.isVisible()) await approve.click({ timeout: 2_000 }).catch(() => undefined)
      await expect(dialog.getByRole('alert')).toContainText('This quote changed while you were reading it')
    }

    // Staff raise the deep clean's price meanwhile: a new version.
    await startSigning('$175.00')
    expect((await staffApi.client.from('quote_line_items').update({ unit_price_cents: 18_000 }).eq('id', quote.lineId('Deep clean'))).error).toBeNull()
    await approveChanged()
    await saveScreenshot(page, 'quote-changed-dialog-375')
    await review.click()
    await expect(dialog).toBeHidden()
    // The page shows the new version, the customer's choice kept, the new total.
    await expect(page.getByTestId('quote-version')).toHaveText(String(version + 1))
    await expect(page.getByTestId('quote-changed')).toContainText(`now version ${version + 1}`)
    await expect(page.getByRole('radio', { name: /^Deep clean/ })).toBeChecked()
    await expect(page.getByTestId('quote-total')).toHaveText('$205.00')
    expect((await quoteRow(staffApi, quote.id)).status).toBe('viewed')
    await saveScreenshot(page, 'quote-changed-375')

    // A change that leaves the total alone (a note) is a new version all the same.
    await startSigning('$205.00')
    expect((await staffApi.client.from('quotes').update({ notes: 'Price includes moving furniture.' }).eq('id', quote.id)).error).toBeNull()
    await approveChanged()
    await review.click()
    await expect(page.getByTestId('quote-version')).toHaveText(String(version + 2))
    await expect(page.getByText('Price includes moving furniture.')).toBeVisible()
    await expect(page.getByTestId('quote-total')).toHaveText('$205.00')
    expect((await quoteRow(staffApi, quote.id)).status).toBe('viewed')

    // Approving again signs what is on the page now.
    await startSigning('$205.00')
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
    await expect(page.getByTestId('quote-signature')).toContainText(`version ${version + 2}`)
    const stored = await quoteRow(staffApi, quote.id)
    expect([stored.status, stored.total_cents, stored.version]).toEqual(['approved', 20_500, version + 2])
    expect(problems, 'console errors and hydration warnings').toEqual([])
  })

  test('the rewards page shows each credit and where it went, live', async ({ customerPage: page, staffApi, saveScreenshot }) => {
    const problems = watchConsole(page)
    await staffApi.awardPoints(demo.alice.customerId, 100, 'Quote e2e bonus')
    await page.goto(`${e2eEnv.portalUrl}/loyalty`)
    await waitForLive(page)
    const credits = page.getByRole('region', { name: 'Credits' })
    // The seeded $10 credit went onto INV-1004.
    const seeded = credits.getByTestId('credit-row').filter({ hasText: demo.alice.openInvoiceNumber })
    await expect(seeded).toContainText(`$10.00 off — applied to invoice ${demo.alice.openInvoiceNumber}`)
    await expect(seeded.getByRole('link', { name: demo.alice.openInvoiceNumber })).toHaveAttribute('href', /\/invoices\/[0-9a-f-]{36}$/)

    // A new one waits for the next invoice…
    const waitingBefore = await credits.getByTestId('credit-row').filter({ hasText: 'waiting for your next invoice' }).count()
    await page.getByRole('listitem').filter({ hasText: '$10 off your next cleaning' }).getByRole('button', { name: 'Redeem' }).click()
    await page.getByRole('alertdialog', { name: 'Redeem $10 off your next cleaning?' }).getByRole('button', { name: 'Redeem' }).click()
    const waiting = credits.getByTestId('credit-row').filter({ hasText: 'waiting for your next invoice' })
    await expect(waiting).toHaveCount(waitingBefore + 1)

    // …goes onto a draft (which Alice cannot see yet)…
    const { data: draft } = await staffApi.client
      .from('invoices')
      .insert({ organization_id: demo.organizationId, customer_id: demo.alice.customerId, status: 'draft' })
      .select('id')
      .single()
    await expect(waiting).toHaveCount(0)
    await expect(credits.getByTestId('credit-row').filter({ hasText: 'applied to an invoice being prepared' }).first()).toBeVisible()
    await saveScreenshot(page, 'loyalty-credits-375')

    // …and names the invoice once it is sent.
    await staffApi.client.from('invoice_line_items').insert({ invoice_id: draft?.id, description: 'Carpet cleaning', quantity: 1, unit_price_cents: 9_900, position: 1 })
    const sent = await staffApi.client
      .from('invoices')
      .update({ status: 'sent', issued_at: new Date().toISOString(), due_at: new Date(Date.now() + 14 * 86_400_000).toISOString() })
      .eq('id', draft?.id ?? '')
      .select('number')
      .single()
    await expect(credits.getByTestId('credit-row').filter({ hasText: `applied to invoice ${sent.data?.number}` }).first()).toBeVisible()
    await expect(credits.getByTestId('credit-row').filter({ hasText: 'being prepared' })).toHaveCount(0)
    expect(problems, 'console errors and hydration warnings').toEqual([])
  })

  test('the quote pages at 1280 px: no overflow, no console errors', async ({ customerPage: page, staffApi, saveScreenshot }) => {
    const problems = watchConsole(page)
    const quote = await sendQuoteToAlice(staffApi, `Hallway runner ${Date.now().toString(36)}`)
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 })
      for (const [name, path] of [
        ['dashboard', '/'],
        ['quotes', '/quotes'],
        ['quote-awaiting', `/quotes/${quote.id}`],
        ['quote-approved', `/quotes/${q1001.id}`],
        ['rewards', '/loyalty'],
      ] as const) {
        await page.goto(`${e2eEnv.portalUrl}${path}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await waitForLive(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0)
        await saveScreenshot(page, `walk-${name}-${width}`)
      }
      await page.goto(`${e2eEnv.portalUrl}/quotes/${quote.id}`)
      await waitForLive(page)
      await page.getByRole('button', { name: 'Approve', exact: true }).click()
      await expect(page.getByTestId('signature-pad')).toBeVisible()
      await saveScreenshot(page, `walk-approve-dialog-${width}`)
    }
    expect(problems, 'console errors and hydration warnings').toEqual([])
  })
})
