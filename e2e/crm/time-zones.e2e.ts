import type { Browser, Page } from '@playwright/test'
import { demo, expect, openedContexts, signInToPortal, test, waitForLive as portalWaitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import type { StaffApi } from '../src/staff-api.ts'
import { crmUrl, waitForLive } from './crm-fixtures.ts'

// The demo business's zone (supabase/seed.sql). Every date either app shows is in this zone,
// whatever zone the browser is in, so server and browser render the same text.
const businessZone = 'America/Chicago'

// React's hydration complaints in development and production builds (#418 text, #423 recoverable,
// #425 text content).
const hydrationProblem = /hydrat|did not match|server rendered (html|text)|Minified React error #(418|423|425)\b/i

const pad = (n: number) => String(n).padStart(2, '0')

/** The business's wall time of an instant as `yyyy-mm-ddThh:mm`, read with Intl (not the apps' code). */
function businessWallTime(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: businessZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}

/** The instant that is `hour`:00 on `day` in the business's zone. */
function businessInstant(day: string, hour: number): Date {
  const wanted = Date.parse(`${day}T${pad(hour)}:00:00Z`)
  let guess = wanted
  // Step by the difference between the wall time we got and the one we want (the zone's offset).
  for (let i = 0; i < 3; i++) guess -= Date.parse(`${businessWallTime(guess)}:00Z`) - wanted
  return new Date(guess)
}

/** `Thu, Jan 15` for a yyyy-mm-dd day, the way both apps write a day. */
function dayLabel(day: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T12:00:00Z`),
  )
}

/** A fresh browser context whose clock and Intl run in `timeZoneId`, failing on hydration warnings. */
async function pageIn(browser: Browser, timeZoneId: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ timezoneId: timeZoneId, viewport })
  openedContexts.add(context)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && hydrationProblem.test(message.text())) {
      problems.push(`${page.url()}: console ${message.type()}: ${message.text().slice(0, 300)}`)
    }
  })
  page.on('pageerror', (error) => {
    if (hydrationProblem.test(`${error.message}\n${error.stack ?? ''}`)) problems.push(`${page.url()}: ${error.message.slice(0, 300)}`)
  })
  return { page, problems }
}

/** A 3:00 AM appointment three business days ahead: the hour that lands on another day in UTC or Tokyo. */
async function earlyJob(staffApi: StaffApi, timeZoneId: string) {
  const day = businessWallTime(Date.now() + 3 * 86_400_000).slice(0, 10)
  const start = businessInstant(day, 3)
  const title = `Early bird carpet ${timeZoneId.split('/')[1]} ${Date.now().toString(36)}`
  const { data, error } = await staffApi.client
    .from('jobs')
    .insert({
      organization_id: demo.organizationId,
      customer_id: demo.alice.customerId,
      title,
      status: 'scheduled',
      scheduled_start: start.toISOString(),
      scheduled_end: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      price_cents: 9_900,
    })
    .select('id')
    .single()
  if (error || !data) throw new Error(`scheduling the early job failed: ${error?.message}`)
  return { id: data.id as string, title, day }
}

async function visit(page: Page, url: string, waitUntilLive: (page: Page) => Promise<void>) {
  await page.goto(url)
  await waitUntilLive(page)
}

for (const timeZoneId of ['America/Chicago', 'Asia/Tokyo']) {
  test(`a browser in ${timeZoneId}: no hydration warnings on any page, and a 3:00 AM job on the same day and time in both apps`, async ({
    browser,
    staffApi,
  }) => {
    // Two apps, about twenty pages, two shared cores.
    test.setTimeout(240_000)
    const job = await earlyJob(staffApi, timeZoneId)
    const day = dayLabel(job.day)
    const { data: invoice } = await staffApi.client.from('invoices').select('id').eq('number', demo.alice.openInvoiceNumber).single()

    // The portal, at phone width.
    const portal = await pageIn(browser, timeZoneId, { width: 375, height: 812 })
    await signInToPortal(portal.page, demo.alice.email)
    await portalWaitForLive(portal.page)
    for (const path of [
      '/appointments',
      `/appointments/${job.id}`,
      '/invoices',
      `/invoices/${invoice?.id}`,
      `/invoices/${invoice?.id}/print`,
      '/messages',
      '/loyalty',
      '/profile',
      '/',
    ]) {
      await visit(portal.page, `${e2eEnv.portalUrl}${path}`, portalWaitForLive)
      if (path === '/appointments') {
        await expect(portal.page.getByTestId('job-row').filter({ hasText: job.title })).toContainText(`${day}, 3:00 AM`)
      }
      if (path === `/appointments/${job.id}`) {
        await expect(portal.page.getByTestId('job-when')).toHaveText(`${day}, 3:00 AM`)
      }
    }

    // The CRM: every list, the board around the job's day, and every customer tab.
    const crm = await pageIn(browser, timeZoneId, { width: 1280, height: 800 })
    await crm.page.goto(crmUrl('/auth/login'))
    await crm.page.getByLabel('Email', { exact: true }).fill(demo.staff.office)
    await crm.page.getByLabel('Password', { exact: true }).fill(demo.password)
    await crm.page.getByRole('button', { name: 'Sign in' }).click()
    await crm.page.waitForURL((url) => !url.pathname.startsWith('/auth'))
    for (const path of [
      '/customers',
      '/jobs?view=week',
      '/jobs?view=day',
      '/invoices',
      '/messages',
      `/messages/${demo.alice.customerId}`,
      '/staff',
      '/settings',
      '/notifications',
      '/customers/new',
      '/customers/import',
      '/quotes',
      // Q-1001 (seeded, sent) and its editor; a new quote with its default valid-until day.
      '/quotes/65000000-0000-4000-8000-000000000001',
      '/quotes/65000000-0000-4000-8000-000000000001/edit',
      '/quotes/new',
      ...['profile', 'jobs', 'quotes', 'invoices', 'messages', 'loyalty', 'activity'].map(
        (tab) => `/customers/${demo.alice.customerId}?tab=${tab}`,
      ),
      `/jobs?view=day&date=${job.day}`,
    ]) {
      await visit(crm.page, crmUrl(path), waitForLive)
    }
    // The day board of the job's business day has it, at 3:00 AM, under that day's heading.
    const column = crm.page.getByRole('region', { name: day, exact: true })
    const card = column.getByRole('article', { name: job.title })
    await expect(card).toContainText(`${day}, 3:00 AM–5:00 AM`)
    // The customer's jobs tab says the same.
    await visit(crm.page, crmUrl(`/customers/${demo.alice.customerId}?tab=jobs`), waitForLive)
    await expect(crm.page.getByRole('article', { name: job.title })).toContainText(`${day}, 3:00 AM–5:00 AM`)

    expect([...portal.problems, ...crm.problems], 'hydration warnings').toEqual([])
  })
}
