import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { latestMail, linkInMail } from '../src/mailbox.ts'
import { openedContexts } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, signUpBusiness, toast } from './crm-fixtures.ts'

/**
 * 500 customers in a generic export; rows 102, 202 and 302 are bad (the header is row 1): a bad
 * e-mail, no name, and the e-mail of a customer the business already has (`existing`).
 */
function customersCsv(tag: string, existing: string): string {
  const lines = ['First Name,Last Name,Email,Mobile Phone,Street 1,City,State,Zip']
  for (let i = 0; i < 500; i++) {
    let [first, last, email] = [`Imported${i}`, `Tester ${tag}`, `e2e-${tag}-${i}@example.com`]
    if (i === 100) email = 'not-an-email'
    if (i === 200) [first, last] = ['', '']
    if (i === 300) email = existing
    lines.push(`${first},${last},${email},,"${i} Main St, Unit ${i}",Austin,TX,78701`)
  }
  return `${lines.join('\r\n')}\r\n`
}

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }))
  expect(widths.scroll).toBeLessThanOrEqual(widths.view)
}

test.describe('customer CSV import and export', () => {
  test('a new business adds a customer, imports 500 more (the dry run lists the 3 bad rows, the import adds the other 497), and an imported customer signs in to its portal', async ({
    browser,
    saveScreenshot,
  }) => {
    test.setTimeout(180_000)
    const tag = randomUUID().slice(0, 8)
    const business = `Sparkle HVAC ${tag}`
    const page = await signUpBusiness(browser, { name: business, ownerEmail: `owner-${tag}@sparkle.test` })
    // Nothing yet: the empty list says how to start.
    await expect(page.getByText('No customers yet')).toBeVisible()
    await page.getByRole('link', { name: 'Add your first customer' }).click()
    const existing = `existing-${tag}@example.com`
    const form = page.getByRole('form', { name: 'New customer' })
    await form.getByLabel('First name').fill('Erin')
    await form.getByLabel('Last name').fill('Existing')
    await form.getByLabel('Email').fill('not-an-email')
    await form.getByRole('button', { name: 'Add customer' }).click()
    await expect(form.getByText('Enter a valid email address')).toBeVisible()
    await form.getByLabel('Email').fill(existing)
    await form.getByRole('button', { name: 'Add customer' }).click()
    await expect(page.getByRole('heading', { name: 'Erin Existing', level: 1 })).toBeVisible()

    await page.goto(crmUrl('/customers'))
    await page.getByRole('link', { name: 'Import', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Import customers' })).toBeVisible()

    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(customersCsv(tag, existing)),
    })
    await expect(page.getByText('customers.csv: 500 rows, 8 columns')).toBeVisible()
    // Matched by column name; the preview shows the first rows as they will be imported.
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('2')
    await expect(page.getByLabel('Address line 1', { exact: true })).toHaveValue('4')
    const preview = page.getByRole('table', { name: 'Preview of the first rows' })
    await expect(preview.getByRole('row')).toHaveCount(6)
    await expect(preview).toContainText(`Imported0 Tester ${tag}`)
    await expect(preview).toContainText('0 Main St, Unit 0, Austin, TX, 78701')

    await page.getByRole('button', { name: 'Check 500 rows' }).click()
    const dryRun = page.getByTestId('import-dry-run')
    await expect(dryRun.getByRole('status')).toHaveText(
      '497 customers will be imported, 3 rows have problems and will be skipped.',
      {
        timeout: 30_000,
      },
    )
    const problems = dryRun.getByTestId('import-problem')
    await expect(problems).toHaveCount(3)
    await expect(problems.nth(0)).toContainText('102')
    await expect(problems.nth(0)).toContainText('E-mail is not a valid address')
    await expect(problems.nth(1)).toContainText('202')
    await expect(problems.nth(1)).toContainText('Missing name')
    await expect(problems.nth(2)).toContainText('302')
    await expect(problems.nth(2)).toContainText('A customer with this e-mail already exists')

    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      await expectNoSidewaysScroll(page)
    }
    await saveScreenshot(page, 'crm-import-dry-run')

    await page.getByRole('button', { name: 'Import 497 customers' }).click()
    await expect(page.getByTestId('import-done').getByRole('status')).toHaveText(
      '497 customers imported, 3 rows skipped.',
      {
        timeout: 30_000,
      },
    )
    await expect(toast(page, '497 customers imported')).toBeVisible()
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 })
      await expectNoSidewaysScroll(page)
    }
    await saveScreenshot(page, 'crm-import-done')

    // An imported customer is found by the customers search.
    await page.getByRole('link', { name: 'View customers' }).click()
    await page.getByLabel('Search').fill(`e2e-${tag}-499@`)
    await expect(page.getByRole('link', { name: `Tester ${tag}, Imported499` })).toBeVisible()
    await expect(page.getByRole('link', { name: `Tester ${tag}, Imported100` })).toHaveCount(0)

    // One imported customer is invited to the portal, signs in and sees this business, nothing of Dirt Free's.
    await page.getByRole('link', { name: `Tester ${tag}, Imported499` }).click()
    await page.getByRole('region', { name: 'Portal access' }).getByRole('button', { name: 'Invite to portal' }).click()
    await expect(toast(page, 'Invite sent to')).toBeVisible()
    const invite = await latestMail(`e2e-${tag}-499@example.com`, 'invite')
    expect(invite.html).toContain(`${business}&#39;s customer portal`)
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
    openedContexts.add(phone)
    const customer = await phone.newPage()
    await customer.goto(linkInMail(invite))
    await customer.getByLabel('New password').fill('imported-pass-1')
    await customer.getByLabel('Repeat password').fill('imported-pass-1')
    await customer.getByRole('button', { name: 'Save password' }).click()
    await expect(customer.getByRole('heading', { name: 'Welcome back, Imported499' })).toBeVisible()
    await expect(customer.getByRole('banner')).toContainText(business)
    for (const path of ['/', '/appointments', '/invoices', '/messages', '/loyalty']) {
      await customer.goto(`${e2eEnv.portalUrl}${path}`)
      await expect(customer.getByText(/Dirt Free|Alice|INV-100|Sofa/)).toHaveCount(0)
    }
    await saveScreenshot(customer, 'portal-imported-customer-375')
  })

  test('Export CSV downloads the customers as a file with a header and their rows', async ({
    staffPage: page,
  }) => {
    await page.goto(crmUrl('/customers'))
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Export CSV' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^[a-z0-9-]+-customers-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await file.path()) ?? '', 'utf8')
    const lines = text.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe(
      'First name,Last name,Email,Phone,Address line 1,Address line 2,City,State/region,ZIP/postal code,Portal login,Created (America/Chicago),Customer ID',
    )
    const alice = lines.find((l) => l.includes(demo.alice.email))
    expect(alice).toMatch(
      new RegExp(
        `^Alice,Johnson,alice@example\\.com,.*,yes,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},${demo.alice.customerId}$`,
      ),
    )
  })

  test('technicians get no export: no button, and the file itself is refused', async ({ browser }) => {
    const tech = await signInToCrm(browser, demo.staff.tech)
    await tech.goto(crmUrl('/customers'))
    await expect(tech.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible()
    await expect(tech.getByRole('link', { name: 'Export CSV' })).toHaveCount(0)
    const response = await tech.request.get(crmUrl('/export/customers.csv'))
    expect(response.status()).toBe(403)
    expect(await response.text()).toContain('does not allow exporting')
  })
})
