import { demo, expect, signInToPortal, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { linkInMail, latestMail } from '../src/mailbox.ts'

test.describe('e-mail links', () => {
  test('Alice signs in with a link instead of a password', async ({ page }) => {
    await page.goto(`${e2eEnv.portalUrl}/auth/login`)
    await page.getByRole('link', { name: 'Email me a sign-in link instead' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in with a link' })).toBeVisible()
    await page.getByLabel('Email', { exact: true }).fill(demo.alice.email)
    await page.getByRole('button', { name: 'Send sign-in link' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' })).toBeVisible()

    const mail = await latestMail(demo.alice.email, 'magiclink')
    await page.goto(linkInMail(mail))
    await expect(page.getByRole('heading', { name: 'Welcome back, Alice' })).toBeVisible()

    // A link works once.
    await page.context().clearCookies()
    await page.goto(linkInMail(mail))
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible()
    // The page says how to get a new one.
    await page.getByRole('link', { name: 'Email me a new sign-in link' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in with a link' })).toBeVisible()
  })

  test("Auth's own verify link (a PKCE code for this browser) signs Alice in too", async ({ page }) => {
    await page.goto(`${e2eEnv.portalUrl}/auth/magic-link`)
    await page.getByLabel('Email', { exact: true }).fill(demo.alice.email)
    await page.getByRole('button', { name: 'Send sign-in link' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'a sign-in link is on its way' })).toBeVisible()

    const mail = await latestMail(demo.alice.email, 'magiclink')
    expect(mail.subject).toBe('Your sign-in link')
    await page.goto(mail.link)
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { name: 'Welcome back, Alice' })).toBeVisible()
  })

  test('a cut-off link says so and offers a new one', async ({ page }) => {
    await page.goto(`${e2eEnv.portalUrl}/auth/confirm?type=invite`)
    await expect(page.getByRole('heading', { name: 'This link is incomplete' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Reset my password' })).toBeVisible()
  })

  test('Bob resets a forgotten password and signs in with the new one', async ({ page }) => {
    const newPassword = `fresh-${Date.now().toString(36)}`
    await page.goto(`${e2eEnv.portalUrl}/auth/forgot-password`)
    await page.getByLabel('Email', { exact: true }).fill(demo.bob.email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'a reset link is on its way' })).toBeVisible()

    await page.goto(linkInMail(await latestMail(demo.bob.email, 'recovery')))
    await expect(page.getByRole('heading', { name: 'Choose a password' })).toBeVisible()
    await page.getByLabel('New password').fill('short')
    await page.getByLabel('Repeat password').fill('short')
    await page.getByRole('button', { name: 'Save password' }).click()
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible()

    await page.getByLabel('New password').fill(newPassword)
    await page.getByLabel('Repeat password').fill(newPassword)
    await page.getByRole('button', { name: 'Save password' }).click()
    await expect(page.getByRole('heading', { name: 'Welcome back, Bob' })).toBeVisible()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await signInToPortal(page, demo.bob.email, newPassword)
    await expect(page.getByRole('heading', { name: 'Welcome back, Bob' })).toBeVisible()
  })
})
