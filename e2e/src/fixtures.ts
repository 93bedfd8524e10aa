import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, type BrowserContext, expect, type Page } from '@playwright/test'
import { demo } from './demo-data.ts'
import { e2eEnv } from './env.ts'
import { StaffApi } from './staff-api.ts'

export { demo, expect }

/** Extra browser contexts a test opened (second staff session, …); closed when the test ends. */
export const openedContexts = new Set<BrowserContext>()

export interface Fixtures {
  /** A portal page signed in as Alice (a demo customer with a portal login). */
  customerPage: Page
  /** The CRM signed in as the office manager. */
  staffPage: Page
  /** The office manager on the API, to write rows the way the CRM does. */
  staffApi: StaffApi
  /** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
  saveScreenshot: (page: Page, name: string) => Promise<void>
  /** Runs axe (WCAG 2 A/AA) on the page and fails with the list of violations. */
  checkA11y: (page: Page) => Promise<void>
  /** Closes the contexts in `openedContexts`, so sessions (and their sockets) never pile up. */
  closeOpenedContexts: undefined
}

/** The sonner toasts on a page that say `text` (either app). */
export const toast = (page: Page, text: string | RegExp) => page.locator('[data-sonner-toast]').filter({ hasText: text })

/** Signs in through the portal's own form, as a customer would. */
export async function signInToPortal(page: Page, email: string, password: string = demo.password) {
  await page.goto(`${e2eEnv.portalUrl}/auth/login`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Waits until the portal page is hydrated and its realtime channel is joined (the header says
 * "Live"), so clicks reach React and no live change can be missed.
 */
export async function waitForLive(page: Page) {
  await expect(page.getByRole('banner').getByText('Live', { exact: true })).toBeVisible({ timeout: 15_000 })
}

export const test = base.extend<Fixtures>({
  closeOpenedContexts: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      await use(undefined)
      await Promise.all([...openedContexts].map((context) => context.close()))
      openedContexts.clear()
    },
    { auto: true },
  ],
  customerPage: async ({ page }, use) => {
    await signInToPortal(page, demo.alice.email)
    // Sign-in is a server action, a redirect and a server render: allow a busy machine its time.
    await expect(page.getByRole('heading', { name: `Welcome back, ${demo.alice.firstName}` })).toBeVisible({ timeout: 15_000 })
    await use(page)
  },
  staffPage: async ({ browser }, use) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${e2eEnv.crmUrl}/auth/login`)
    await page.getByLabel('Email', { exact: true }).fill(demo.staff.office)
    await page.getByLabel('Password', { exact: true }).fill(demo.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => !url.pathname.startsWith('/auth'))
    await use(page)
    await context.close()
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  staffApi: async ({}, use) => {
    const api = await StaffApi.signIn()
    await use(api)
    await api.signOut()
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  saveScreenshot: async ({}, use, testInfo) => {
    await use(async (page, name) => {
      // Kept beside (not inside) the per-test artifacts, which Playwright wipes each run.
      const file = path.join(testInfo.project.outputDir, '..', 'screenshots', `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
    })
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
  checkA11y: async ({}, use) => {
    await use(async (page) => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      expect(summary, `accessibility violations on ${page.url()}`).toEqual([])
    })
  },
})
