import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, waitForLive } from './crm-fixtures.ts'

const tabs = ['profile', 'jobs', 'invoices', 'messages', 'loyalty', 'activity'] as const

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
      ['/invoices', 'Invoices', 'crm-invoices'],
      ['/invoices?status=overdue', 'Invoices', 'crm-invoices-overdue'],
      ['/messages', 'Messages', 'crm-messages'],
      [`/messages/${demo.alice.customerId}`, 'Alice Johnson', 'crm-conversation'],
      ['/staff', 'Staff', 'crm-staff'],
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
