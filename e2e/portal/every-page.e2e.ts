import { demo, expect, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

const pages = [
  { name: 'dashboard', path: '/', heading: 'Welcome back, Alice' },
  { name: 'appointments', path: '/appointments', heading: 'Appointments' },
  { name: 'appointment-detail', path: `/appointments/${demo.alice.scheduledJobId}`, heading: demo.alice.upcomingJobTitle },
  { name: 'invoices', path: '/invoices', heading: 'Invoices' },
  { name: 'quotes', path: '/quotes', heading: 'Quotes' },
  // Alice's seeded quote Q-1001 (supabase/seed.sql).
  { name: 'quote-detail', path: '/quotes/65000000-0000-4000-8000-000000000001', heading: 'Whole-home carpet refresh' },
  { name: 'messages', path: '/messages', heading: 'Messages' },
  { name: 'rewards', path: '/loyalty', heading: 'Rewards' },
  { name: 'profile', path: '/profile', heading: 'Profile' },
]

test('every portal page passes the accessibility checks at phone width', async ({ customerPage: page, checkA11y, saveScreenshot }) => {
  // Nine pages with a full axe run each on two shared cores.
  test.setTimeout(150_000)
  for (const { name, path, heading } of pages) {
    await page.goto(`${e2eEnv.portalUrl}${path}`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await checkA11y(page)
    await saveScreenshot(page, `portal-${name}`)
  }
  // The business's contact details, from its settings, on the dashboard.
  await page.goto(`${e2eEnv.portalUrl}/`)
  const contact = page.getByRole('region', { name: 'Contact Dirt Free Carpet Cleaning' })
  await expect(contact.getByRole('link', { name: '(512) 555-0199' })).toHaveAttribute('href', 'tel:5125550199')
  await expect(contact.getByRole('link', { name: 'hello@dirtfree.test' })).toHaveAttribute('href', 'mailto:hello@dirtfree.test')

  // The compact header shows the whole business name at 375 px (Sign out is an icon there).
  const businessName = page.getByRole('banner').getByText('Dirt Free Carpet Cleaning', { exact: true })
  await expect(businessName).toBeVisible()
  expect(await businessName.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true)
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible()

  // The invoice detail and its printable view.
  await page.goto(`${e2eEnv.portalUrl}/invoices`)
  // The first match: while the list streams in, a hidden copy of the row may still be in the page.
  await page.getByTestId('invoice-row').filter({ hasText: demo.alice.openInvoiceNumber }).first().click()
  await expect(page.getByRole('heading', { name: `Invoice ${demo.alice.openInvoiceNumber}` })).toBeVisible()
  await expect(page.getByRole('table')).toContainText('Pet stain & odor treatment')
  await checkA11y(page)
  await saveScreenshot(page, 'portal-invoice-detail')
  await page.getByRole('link', { name: 'Printable view' }).click()
  await expect(page.getByRole('button', { name: 'Print invoice' })).toBeVisible()
  await saveScreenshot(page, 'portal-invoice-print')

  // A paid invoice's payment and its printable receipt.
  await page.goto(`${e2eEnv.portalUrl}/invoices/60000000-0000-4000-8000-000000000001`)
  await expect(page.getByRole('form', { name: 'Pay now' })).toHaveCount(0)
  await page.getByTestId('payment-row').getByRole('link', { name: 'Receipt' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Payment receipt' })).toBeVisible()
  await expect(page.getByTestId('payment-status')).toHaveText('Received')
  await checkA11y(page)
  await saveScreenshot(page, 'portal-receipt')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('the sign-in page passes the accessibility checks', async ({ page, checkA11y }) => {
  await page.goto(`${e2eEnv.portalUrl}/auth/login`)
  await checkA11y(page)
})
