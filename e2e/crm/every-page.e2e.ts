import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, waitForLive } from './crm-fixtures.ts'

const tabs = ['profile', 'jobs', 'quotes', 'invoices', 'messages', 'loyalty', 'activity'] as const
// Seeded quotes: Q-1001 sent to Alice (options, an optional extra, a deposit), Q-1002 a draft for Bob.
const sentQuoteId = '65000000-0000-4000-8000-000000000001'
const draftQuoteId = '65000000-0000-4000-8000-000000000002'

test.describe('every CRM page renders (screenshots saved as artifacts)', () => {
  test('sign in and no-access pages', async ({ page, browser, saveScreenshot }) => {
    await page.goto(crmUrl('/auth/login'))
    await expect(page.getByRole('heading', { name: 'Staff sign in' })).toBeVisible()
    await saveScreenshot(page, 'crm-sign-in')
    // Alice: a customer account (Bob's password is changed by the portal's reset-password story).
    const customer = await signInToCrm(browser, demo.alice.email)
    await expect(customer.getByRole('heading', { name: 'No access' })).toBeVisible()
    await saveScreenshot(customer, 'crm-no-access')
  })

  test('lists and boards', async ({ browser, saveScreenshot, checkA11y }) => {
    test.setTimeout(120_000)
    const page = await signInToCrm(browser, demo.staff.owner)
    const pages: Array<[string, string, string]> = [
      ['/customers', 'Customers', 'crm-customers'],
      ['/jobs?view=week', 'Jobs', 'crm-jobs-week'],
      ['/jobs?view=day', 'Jobs', 'crm-jobs-day'],
      ['/quotes', 'Quotes', 'crm-quotes'],
      ['/quotes?status=sent', 'Quotes', 'crm-quotes-sent'],
      [`/quotes/${sentQuoteId}`, 'Quote Q-1001', 'crm-quote'],
      ['/quotes/new', 'New quote', 'crm-quote-new'],
      [`/quotes/${draftQuoteId}/edit`, 'Edit quote Q-1002', 'crm-quote-edit'],
      ['/invoices', 'Invoices', 'crm-invoices'],
      ['/invoices?status=overdue', 'Invoices', 'crm-invoices-overdue'],
      ['/invoices/60000000-0000-4000-8000-000000000002', 'Invoice INV-1004', 'crm-invoice-detail'],
      ['/messages', 'Messages', 'crm-messages'],
      [`/messages/${demo.alice.customerId}`, 'Alice Johnson', 'crm-conversation'],
      ['/staff', 'Staff', 'crm-staff'],
      ['/settings/notifications/deliveries', 'Delivery log', 'crm-delivery-log'],
      ['/profile', 'Olivia Owens', 'crm-profile'],
    ]
    for (const [path, heading, name] of pages) {
      await page.goto(crmUrl(path))
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
      await waitForLive(page)
      await saveScreenshot(page, name)
      await checkA11y(page)
    }
  })

  test('every customer tab, also at tablet width', async ({ browser, saveScreenshot, checkA11y }) => {
    test.setTimeout(120_000)
    const page = await signInToCrm(browser, demo.staff.owner)
    for (const tab of tabs) {
      await page.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=${tab}`))
      await expect(page.getByRole('tab', { selected: true })).toHaveText(new RegExp(tab, 'i'))
      await saveScreenshot(page, `crm-customer-${tab}`)
      await checkA11y(page)
    }
    // Tablet width: the same pages stay usable.
    await page.setViewportSize({ width: 820, height: 1180 })
    await page.goto(crmUrl('/customers'))
    await saveScreenshot(page, 'crm-customers-tablet')
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=jobs`))
    await saveScreenshot(page, 'crm-customer-jobs-tablet')
  })

  test('an unknown customer or conversation answers 404 with a way back', async ({ browser, checkA11y }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    for (const path of [
      '/customers/30000000-0000-4000-8000-00000000dead',
      '/customers/not-a-customer-id',
      '/messages/30000000-0000-4000-8000-00000000dead',
      '/quotes/65000000-0000-4000-8000-00000000dead',
      '/quotes/not-a-quote/edit',
    ]) {
      const response = await page.goto(crmUrl(path))
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible()
      await expect(page.getByText('This record does not exist or is not in your organization.')).toBeVisible()
      // Still inside the CRM: its navigation and a link back to the list.
      await expect(page.getByRole('button', { name: /^Notifications/ })).toBeVisible()
      await expect(page.getByRole('link', { name: 'Back to customers' })).toBeVisible()
    }
    await checkA11y(page)
    await page.getByRole('link', { name: 'Back to customers' }).click()
    await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible()
    const unknownPage = await page.goto(crmUrl('/no-such-page'))
    expect(unknownPage?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible()
  })

  test('on a 375 px phone the navigation opens from a menu, and no page scrolls sideways', async ({ browser, saveScreenshot }) => {
    test.setTimeout(120_000)
    const page = await signInToCrm(browser, demo.staff.owner)
    await page.setViewportSize({ width: 375, height: 812 })
    for (const path of [
      '/customers',
      '/jobs?view=week',
      '/quotes',
      `/quotes/${sentQuoteId}`,
      '/quotes/new',
      `/quotes/${sentQuoteId}/edit`,
      '/invoices',
      '/invoices/60000000-0000-4000-8000-000000000001',
      '/messages',
      '/staff',
      '/settings',
      '/settings/notifications',
      '/settings/notifications/deliveries',
      '/profile',
      '/notifications',
      '/customers/new',
      '/customers/import',
      `/customers/${demo.alice.customerId}?tab=invoices`,
      `/customers/${demo.alice.customerId}?tab=quotes`,
      `/customers/${demo.alice.customerId}?tab=activity`,
    ]) {
      await page.goto(crmUrl(path))
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, path).toBeLessThanOrEqual(0)
    }
    await page.goto(crmUrl('/customers'))
    await expect(page.getByRole('link', { name: 'Jobs' })).toBeHidden()
    // The business name is shown whole (on two lines if it must), not cut off.
    const businessName = page.getByRole('banner').getByText('Dirt Free Carpet Cleaning', { exact: true }).first()
    expect(await businessName.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true)
    const menu = page.getByRole('button', { name: 'Menu' })
    await menu.click()
    const sheet = page.getByRole('dialog')
    await expect(sheet.getByRole('link', { name: 'Customers' })).toHaveAttribute('aria-current', 'page')
    await expect(sheet.getByRole('link', { name: 'Notifications' })).toBeVisible()
    await saveScreenshot(page, 'crm-mobile-menu')
    await page.keyboard.press('Escape')
    await expect(sheet).toBeHidden()
    await expect(menu).toBeFocused()
    await menu.click()
    await sheet.getByRole('link', { name: 'Jobs' }).click()
    await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()
    await expect(sheet).toBeHidden()
  })

  test('the grid is keyboard navigable and searchable', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl('/customers'))
    await page.getByRole('row').nth(1).focus()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('row').nth(2)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/)
    await page.goto(crmUrl('/customers'))
    await page.getByRole('searchbox', { name: 'Search' }).fill('martinez')
    await expect(page.getByRole('row')).toHaveCount(2)
    await expect(page.getByRole('row').nth(1)).toContainText('Martinez, Bob')
    await page.getByRole('button', { name: /^Email/ }).click()
    await expect(page).toHaveURL(/sort=email/)
  })
})
