import type { Page } from '@playwright/test'
import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, waitForLive } from './crm-fixtures.ts'

/** Every document, script and data response the browser received while `visit` ran. */
async function bodiesDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const pending: Array<Promise<string>> = []
  page.on('response', (response) => {
    const type = response.request().resourceType()
    if (type === 'document' || type === 'script' || type === 'fetch' || type === 'xhr') {
      pending.push(response.text().catch(() => ''))
    }
  })
  await visit()
  return Promise.all(pending)
}

// The CRM's server uses the service-role key to invite customers; the browser must never see it.
test('the service-role key never reaches the browser, even on the pages that use it', async ({ browser }) => {
  const page = await signInToCrm(browser, demo.staff.owner)
  const bodies = await bodiesDuring(page, async () => {
    for (const path of [`/customers/${demo.alice.customerId}?tab=profile`, '/customers', '/jobs', '/invoices', '/staff']) {
      await page.goto(crmUrl(path))
      await waitForLive(page)
    }
  })
  expect(bodies.length).toBeGreaterThan(10)
  // The anon key is public and is delivered at runtime: seeing it proves the check reads real bodies.
  expect(bodies.some((body) => body.includes(e2eEnv.anonKey))).toBe(true)
  const leaks = bodies.filter((body) => body.includes(e2eEnv.serviceRoleKey))
  expect(leaks, 'responses that contain the service-role key').toHaveLength(0)
})
