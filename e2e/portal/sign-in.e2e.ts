import { createClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { demo, expect, signInToPortal, test, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

test.describe('signing in', () => {
  test('a visitor is sent to sign in, a wrong password is refused, then Alice sees her own account', async ({ page, saveScreenshot }) => {
    await page.goto(`${e2eEnv.portalUrl}/invoices`)
    await expect(page).toHaveURL(/\/auth\/login/)
    await expect(page.getByLabel('Email', { exact: true })).toBeVisible()
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
    await saveScreenshot(page, 'portal-sign-in')

    await signInToPortal(page, demo.alice.email, 'not-the-password')
    await expect(page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' })).toBeVisible()
    // The refusal keeps the e-mail address she typed; only the password has to be entered again.
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demo.alice.email)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')

    await page.getByLabel('Password', { exact: true }).fill(demo.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { name: 'Welcome back, Alice' })).toBeVisible()
    await expect(page.getByTestId('next-appointment')).toBeVisible()
    await waitForLive(page)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Appointments' }).click()
    await expect(page.getByTestId('job-row').filter({ hasText: demo.alice.upcomingJobTitle })).toBeVisible()
    await expect(page.getByText(demo.bob.jobTitle)).toHaveCount(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click()
    await expect(page.getByText(`Invoice ${demo.alice.openInvoiceNumber}`)).toBeVisible()
    // Bob's invoice lives in the same organization but must never reach Alice.
    await expect(page.getByText(`Invoice ${demo.bob.invoiceNumber}`)).toHaveCount(0)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/auth\/login/)
    await page.goto(`${e2eEnv.portalUrl}/`)
    await expect(page).toHaveURL(/\/auth\/login/)
  })

  test('a staff member signing in gets a clear page instead of the portal', async ({ page }) => {
    await signInToPortal(page, demo.staff.owner)
    await expect(page.getByRole('heading', { name: 'This is the customer portal' })).toBeVisible()
    await page.goto(`${e2eEnv.portalUrl}/appointments`)
    await expect(page.getByRole('heading', { name: 'This is the customer portal' })).toBeVisible()
  })
})

test('a login that is not linked to a customer gets a clear page, not a crash', async ({ page }) => {
  const admin = createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  })
  const email = `unlinked-${Date.now().toString(36)}@example.com`
  const { error } = await admin.auth.admin.createUser({ email, password: demo.password, email_confirm: true })
  expect(error).toBeNull()
  await signInToPortal(page, email)
  await expect(page.getByRole('heading', { name: 'Your account is not linked yet' })).toBeVisible()
  await page.goto(`${e2eEnv.portalUrl}/invoices`)
  await expect(page.getByRole('heading', { name: 'Your account is not linked yet' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/auth\/login/)
})
