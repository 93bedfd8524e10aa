import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm } from './crm-fixtures.ts'

test.describe('CRM sign in', () => {
  test('signed-out visitors are sent to sign in, and a wrong password says so', async ({ page }) => {
    await page.goto(crmUrl('/customers'))
    await expect(page).toHaveURL(/\/auth\/login/)
    await page.getByLabel('Email', { exact: true }).fill(demo.staff.office)
    await page.getByLabel('Password', { exact: true }).fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Email or password is incorrect.')).toBeVisible()
    await expect(page).toHaveURL(/\/auth\/login/)
    // What was typed stays, except the password.
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demo.staff.office)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  })

  test('staff land on the customer grid; a customer account gets "no access"', async ({ browser }) => {
    const staff = await signInToCrm(browser, demo.staff.owner)
    await expect(staff.getByRole('heading', { name: 'Customers' })).toBeVisible()
    await expect(staff.getByRole('row').filter({ hasText: 'Johnson, Alice' })).toBeVisible()

    const customer = await signInToCrm(browser, demo.alice.email)
    await expect(customer.getByRole('heading', { name: 'No access' })).toBeVisible()
    await customer.goto(crmUrl(`/customers/${demo.alice.customerId}`))
    await expect(customer.getByRole('heading', { name: 'No access' })).toBeVisible()
    await expect(customer.getByText('Johnson')).toHaveCount(0)
  })
})

test('an unknown or malformed customer id shows "not found" and nothing else', async ({ browser }) => {
  const page = await signInToCrm(browser, demo.staff.office)
  for (const id of ['7d0a1f9e-3b1c-4c55-9a57-5f0b3f6c2e11', 'not-a-uuid']) {
    await page.goto(crmUrl(`/customers/${id}`))
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  }
})
