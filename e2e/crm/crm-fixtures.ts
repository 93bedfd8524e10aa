import type { Browser, Page } from '@playwright/test'
import { demo, expect, openedContexts, toast } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

export { demo, expect, toast }

/** A fresh browser context signed in to the CRM through its own form. */
export async function signInToCrm(browser: Browser, email: string, password: string = demo.password): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  openedContexts.add(context)
  const page = await context.newPage()
  await page.goto(`${e2eEnv.crmUrl}/auth/login`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/auth'))
  return page
}

export const crmUrl = (path: string) => `${e2eEnv.crmUrl}${path}`

/** Waits until the tab's realtime subscription is live, so later changes cannot be missed. */
export async function waitForLive(page: Page) {
  await expect(page.locator('[data-live-status="connected"]').first()).toBeVisible({ timeout: 10_000 })
  await expect(page.locator('[data-live-status]:not([data-live-status="connected"])')).toHaveCount(0, { timeout: 10_000 })
}

/**
 * A brand-new business, as its owner signs up and sets it up in the CRM (1280 px, the browser in
 * `timezone`). Returns the owner's page, on the empty customers list.
 */
export async function signUpBusiness(
  browser: Browser,
  { name, ownerEmail, timezone = 'America/Denver', password = 'sparkle-pass-1' }: { name: string; ownerEmail: string; timezone?: string; password?: string },
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: timezone })
  openedContexts.add(context)
  const page = await context.newPage()
  await page.goto(`${e2eEnv.crmUrl}/auth/sign-up`)
  await page.getByLabel('Your name').fill('Sam Sparkle')
  await page.getByLabel('Work email').fill(ownerEmail)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { name: 'Set up your business' })).toBeVisible()
  await expect(page.getByLabel('Time zone')).toHaveValue(timezone)
  await page.getByLabel('Business name').fill(name)
  await page.getByRole('button', { name: 'Create my business' }).click()
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible()
  return page
}
