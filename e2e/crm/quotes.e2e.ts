import { deflateSync } from 'node:zlib'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

/** A small real PNG (a dark stroke on white) as a data URL: what the portal's signature pad sends. */
function signaturePng(width = 120, height = 40): string {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([length, body, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.writeUInt8(8, 8) // bit depth
  header.writeUInt8(0, 9) // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0xff)
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0 // filter: none
    const stroke = Math.round(height / 2 + Math.sin(y / 3) * 4)
    for (let x = 0; x < width; x++) if (Math.abs(Math.round(height / 2 + Math.sin(x / 8) * (height / 3)) - y) <= 1 || (x === stroke && y > 4)) rows[y * (width + 1) + 1 + x] = 0x20
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}

/** Alice in the portal, reduced to what the portal's quote page calls: supabase-js signed in as her. */
async function signInAsAlice(): Promise<SupabaseClient> {
  const client = createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  })
  const { error } = await client.auth.signInWithPassword({ email: demo.alice.email, password: demo.password })
  if (error) throw new Error(`Alice could not sign in: ${error.message}`)
  return client
}

/** The "Add from catalog" picker of the line editor. */
async function addFromCatalog(page: Page, service: string) {
  const picker = page.getByRole('combobox', { name: 'Add from catalog' })
  const value = await picker.locator('option', { hasText: service }).getAttribute('value')
  await picker.selectOption(value ?? '')
}

const totals = (page: Page, key: 'subtotal' | 'tax' | 'total' | 'deposit') => page.getByTestId(`totals-${key}`)

test.describe('quotes', () => {
  test('a quote with good/better/best options and an optional extra: written from the catalog, answered live, then a job and an invoice', async ({
    browser,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000)
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl('/quotes'))
    await waitForLive(page)
    await page.getByRole('link', { name: 'New quote' }).click()
    await expect(page.getByRole('heading', { name: 'New quote', level: 1 })).toBeVisible()
    const form = page.getByRole('form', { name: 'New quote' })
    const title = `Stairs and landing ${Date.now().toString(36)}`
    await form.getByLabel('Customer', { exact: true }).selectOption(demo.alice.customerId)
    await form.getByLabel('Title', { exact: true }).fill(title)

    // From the catalog: name, price, taxable at the default rate (8.25 %).
    await addFromCatalog(page, 'Carpet cleaning (up to 3 rooms)')
    await expect(form.getByLabel('Description 1')).toHaveValue('Carpet cleaning (up to 3 rooms)')
    await expect(form.getByLabel('Unit price 1')).toHaveValue('149.00')
    await expect(form.getByRole('checkbox', { name: 'Taxable 1' })).toBeChecked()
    await expect(form.getByLabel('Tax rate 1')).toHaveValue('825')
    await expect(totals(page, 'total')).toHaveText('$161.29') // 149.00 + 12.2925 -> 12.29
    // The totals follow the typing.
    await form.getByLabel('Unit price 1').fill('159')
    await expect(totals(page, 'subtotal')).toHaveText('$159.00')
    await expect(totals(page, 'tax')).toHaveText('$13.12')
    await expect(totals(page, 'total')).toHaveText('$172.12')
    await form.getByLabel('Description 1').fill('Good: stairs')
    await form.getByLabel('Option group 1').fill('Package')

    await addFromCatalog(page, 'Carpet cleaning (up to 3 rooms)')
    await form.getByLabel('Description 2').fill('Better: stairs and landing')
    await form.getByLabel('Unit price 2').fill('229.00')
    await form.getByLabel('Option group 2').fill('Package')
    // A free-text line, taxed by hand.
    await form.getByRole('button', { name: 'Add line' }).click()
    await form.getByLabel('Description 3').fill('Best: stairs, landing and hall')
    await form.getByLabel('Unit price 3').fill('289.00')
    await form.getByRole('checkbox', { name: 'Taxable 3' }).check()
    await form.getByLabel('Option group 3').fill('Package')
    await addFromCatalog(page, 'Pet stain & odor treatment')
    await form.getByRole('checkbox', { name: 'Optional extra 4' }).check()
    // Only the starting choice (the first option) counts; the optional extra is the customer's to add.
    await expect(totals(page, 'total')).toHaveText('$172.12')
    await form.getByLabel('Deposit on approval').selectOption('percent')
    await form.getByLabel('Percent', { exact: true }).fill('20')
    await expect(totals(page, 'deposit')).toHaveText('$34.42') // 20 % of 172.12 = 34.424
    await saveScreenshot(page, 'crm-quote-new-filled')

    await form.getByRole('button', { name: 'Save and send' }).click()
    await expect(toast(page, /^Quote Q-\d+ sent$/)).toHaveCount(1)
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/)
    const quoteId = page.url().split('/').pop() as string
    const status = page.getByTestId('quote-status')
    await expect(status).toHaveText('Sent')
    await expect(page.getByTestId('quote-total')).toHaveText('$172.12')
    await expect(page.getByTestId('quote-deposit')).toHaveText('$34.42')
    await expect(page.getByRole('region', { name: 'Package: one of these' }).locator('li')).toHaveCount(3)
    await expect(page.getByRole('region', { name: 'Optional extras' })).toContainText('Pet stain & odor treatment')

    // Editing a quote the customer has: they will have to approve the new version.
    await page.getByRole('link', { name: 'Edit', exact: true }).click()
    await expect(page.getByRole('note')).toContainText('which the customer will have to approve again')
    await expect(page.getByLabel('Description 2')).toHaveValue('Better: stairs and landing')
    await page.getByLabel('Title', { exact: true }).fill(`${title} (revised)`)
    await page.getByRole('button', { name: 'Save new version' }).click()
    await expect(toast(page, /^Quote Q-\d+ saved as version \d+$/)).toBeVisible()
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { name: /^Quote Q-\d+$/ })).toBeVisible()
    await expect(page.getByText(`${title} (revised)`, { exact: true })).toBeVisible()
    await expect(page.getByTestId('quote-version')).not.toHaveText('Version 1')
    await expect(status).toHaveText('Sent')
    await waitForLive(page)

    // The customer opens it in the portal: staff see "Viewed" without reloading.
    const alice = await signInAsAlice()
    const viewed = await alice.rpc('mark_quote_viewed', { p_quote_id: quoteId })
    expect(viewed.error).toBeNull()
    await expect(status).toHaveText('Viewed')
    await expect(page.getByTestId('quote-timeline')).toContainText('Viewed by the customer')

    // ... and approves "Better" with the pet treatment, signing it.
    const { data: lines } = await alice.from('quote_line_items').select('id, description').eq('quote_id', quoteId)
    const id = (description: string) => lines?.find((l) => l.description.startsWith(description))?.id
    const approved = await alice.rpc('approve_quote', {
      p_quote_id: quoteId,
      p_version: viewed.data.version,
      p_selected_line_ids: [id('Better'), id('Pet stain')],
      p_signer_name: 'Alice Johnson',
      p_signature_png: signaturePng(),
    })
    expect(approved.error).toBeNull()
    await expect(status).toHaveText('Approved')
    const signature = page.getByTestId('quote-signature')
    await expect(signature.getByRole('img', { name: 'Signature of Alice Johnson' })).toBeVisible()
    await expect(signature).toContainText('Signed by Alice Johnson')
    await expect(page.locator('[data-quote-line^="Better"]')).toContainText('Chosen')
    await expect(page.locator('[data-quote-line^="Good"]')).toContainText('Not chosen')
    // 229.00 + 79.00 = 308.00, tax 25.41.
    await expect(page.getByTestId('quote-total')).toHaveText('$333.41')
    await saveScreenshot(page, 'crm-quote-approved')
    await alice.auth.signOut()

    // An approved quote becomes a job, then an invoice; each links onward.
    await page.getByRole('button', { name: 'Convert to job' }).click()
    await expect(toast(page, /^Job created from quote Q-\d+$/)).toBeVisible()
    const made = page.getByRole('list', { name: 'Made from this quote' })
    await expect(made.getByRole('link', { name: title })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Convert to job' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Create invoice' }).click()
    const created = toast(page, /^Invoice INV-\d+ created$/)
    await expect(created).toBeVisible()
    const invoiceNumber = /INV-\d+/.exec((await created.textContent()) ?? '')?.[0] ?? ''
    const invoiceLink = made.getByRole('link', { name: invoiceNumber })
    await expect(invoiceLink).toHaveAttribute('href', /^\/invoices\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('button', { name: 'Create invoice' })).toHaveCount(0)
    await saveScreenshot(page, 'crm-quote-converted')

    // The job waits to be scheduled on the customer's page; the draft invoice carries the approved total.
    await made.getByRole('link', { name: title }).click()
    await page.waitForURL(/tab=jobs/)
    await expect(page.getByRole('article', { name: title }).getByTestId('job-status')).toHaveText('Requested')
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=invoices`))
    await expect(page.getByRole('row').filter({ hasText: invoiceNumber })).toContainText('$333.41')
  })

  test('bad input gets field messages and keeps what was typed; a double click saves one draft', async ({ browser, staffApi }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(`/quotes/new?customer=${demo.bob.customerId}`))
    const form = page.getByRole('form', { name: 'New quote' })
    await expect(form.getByLabel('Customer', { exact: true })).toHaveValue(demo.bob.customerId)
    await form.getByLabel('Description 1').fill('Grout sealing')
    await form.getByLabel('Unit price 1').fill('12.345')
    await form.getByRole('button', { name: 'Save draft' }).click()
    await expect(form.getByText('Give the quote a title')).toBeVisible()
    await expect(form.getByText('Unit price must be a number')).toBeVisible()
    await expect(form.getByLabel('Description 1')).toHaveValue('Grout sealing')

    const title = `Grout sealing ${Date.now().toString(36)}`
    await form.getByLabel('Title', { exact: true }).fill(title)
    await form.getByLabel('Unit price 1').fill('12.35')
    // Alternatives need at least two lines to choose between.
    await form.getByLabel('Option group 1').fill('Sealer')
    await form.getByRole('button', { name: 'Save draft' }).click()
    await expect(form.getByText('An option group needs at least two lines to choose from')).toBeVisible()
    await expect(form.getByText('Give the quote a title')).toHaveCount(0)
    await form.getByLabel('Option group 1').fill('')
    await form.getByRole('button', { name: 'Save draft' }).dblclick()
    await expect(toast(page, /^Quote Q-\d+ saved as a draft$/)).toHaveCount(1)
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/)
    await expect(page.getByTestId('quote-status')).toHaveText('Draft')
    const { data } = await staffApi.client.from('quotes').select('id').eq('title', title)
    expect(data).toHaveLength(1)

    // A draft can be deleted (after a confirmation); the list no longer has it.
    await page.getByRole('button', { name: 'Delete draft' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete draft' }).click()
    await expect(toast(page, /^Draft Q-\d+ deleted$/)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Quotes', level: 1 })).toBeVisible()
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0)
  })

  test('tax rates: an owner adds one and makes it the default; new lines are taxed at it', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.owner)
    await page.goto(crmUrl('/settings'))
    const section = page.getByRole('region', { name: 'Tax rates' })
    const form = section.getByRole('form', { name: 'New tax rate' })
    const name = `County tax ${Date.now().toString(36)}`
    await form.getByLabel('Tax rate').fill(name)
    await form.getByLabel('Percent', { exact: true }).fill('abc')
    await form.getByRole('button', { name: 'Add tax rate' }).click()
    await expect(form.getByText('Enter a percent from 0 to 100, e.g. 8.25')).toBeVisible()
    await form.getByLabel('Percent', { exact: true }).fill('2.5')
    await form.getByRole('button', { name: 'Add tax rate' }).click()
    await expect(toast(page, `${name} added`)).toBeVisible()
    const row = section.locator(`[data-offered="${name}"]`)
    await expect(row).toContainText('2.5%')
    await expect(row).not.toContainText('Default')

    await row.getByRole('button', { name: `Make ${name} the default` }).click()
    await expect(toast(page, `${name} is now the default rate`)).toBeVisible()
    await expect(row).toContainText('Default')
    await expect(section.locator('[data-offered="Sales tax"]')).not.toContainText('Default')

    // A taxable catalog service on a new quote is now taxed at 2.5 %.
    await page.goto(crmUrl('/quotes/new'))
    await addFromCatalog(page, 'Area rug cleaning')
    await expect(page.getByLabel('Tax rate 1')).toHaveValue('250')
    await expect(totals(page, 'tax')).toHaveText('$1.48') // 59.00 × 2.5 % = 1.475

    // Back to the seeded default, for the other stories.
    await page.goto(crmUrl('/settings'))
    await section.getByRole('button', { name: 'Make Sales tax the default' }).click()
    await expect(section.locator('[data-offered="Sales tax"]')).toContainText('Default')
    await row.getByRole('button', { name: 'Withdraw' }).click()
    await expect(row).toContainText('Withdrawn')
  })
})
