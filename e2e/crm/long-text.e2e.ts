import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { createClient } from '@supabase/supabase-js'
import { openedContexts, signInToPortal, test } from '../src/fixtures.ts'
import { demo } from '../src/demo-data.ts'
import { e2eEnv } from '../src/env.ts'
import { StaffApi } from '../src/staff-api.ts'
import { crmUrl, expect, signInToCrm } from './crm-fixtures.ts'

// Text people type can hold a "word" longer than any screen (a pasted link, a stuck key). Every
// page that shows such text must wrap it: no page may scroll sideways, and controls stay on screen.
const word = (n: number, letter = 'W') => letter.repeat(n)

interface LongCustomer {
  id: string
  email: string
  password: string
}

/** A customer whose every free-text field is one unbroken word, with a portal login, a job, an invoice and messages. */
async function longCustomer(): Promise<LongCustomer> {
  const api = await StaffApi.signIn(demo.staff.owner)
  const admin = createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, { auth: { persistSession: false } })
  const email = `long-${randomUUID().slice(0, 8)}@example.com`
  const password = `long-${randomUUID()}`
  const user = await admin.auth.admin.createUser({ email, password, email_confirm: true })
  if (user.error) throw user.error
  const customer = await api.client
    .from('customers')
    .insert({
      organization_id: demo.organizationId,
      first_name: word(100, 'F'),
      last_name: word(100, 'L'),
      email,
      address_line1: word(200, 'A'),
      city: word(100, 'C'),
    })
    .select('id')
    .single()
  if (customer.error) throw customer.error
  const id = customer.data.id as string
  const linked = await api.client.rpc('provision_portal_user', { p_customer_id: id, p_user_id: user.data.user.id })
  if (linked.error) throw linked.error
  await api.client.from('customer_notes').insert({ organization_id: demo.organizationId, customer_id: id, body: word(4000, 'N') })
  await api.scheduleJob(id, word(200, 'J'))
  const invoice = await api.sendInvoice(id, 5_000)
  await api.client.from('invoice_line_items').insert({ invoice_id: invoice.id, description: word(500, 'D'), quantity: 1, unit_price_cents: 100, position: 2 })
  await api.sendMessage(id, word(4000, 'M'))
  await api.signOut()
  return { id, email, password }
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
  expect(widths.scroll, `${where}: page is ${widths.scroll}px wide in a ${widths.view}px window`).toBeLessThanOrEqual(widths.view)
}

async function crmAt(browser: Browser, width: number): Promise<Page> {
  const page = await signInToCrm(browser, demo.staff.owner)
  await page.setViewportSize({ width, height: 900 })
  return page
}

test.describe('long unbroken text never widens a page', () => {
  let customer: LongCustomer
  test.beforeAll(async () => {
    customer = await longCustomer()
  })

  for (const width of [375, 1280]) {
    test(`CRM at ${width} px`, async ({ browser, saveScreenshot }) => {
      test.setTimeout(120_000)
      const page = await crmAt(browser, width)
      const paths = [
        '/customers',
        ...['profile', 'jobs', 'invoices', 'messages', 'loyalty', 'activity'].map((tab) => `/customers/${customer.id}?tab=${tab}`),
        '/jobs',
        '/invoices',
        '/messages',
        `/messages/${customer.id}`,
        '/notifications',
      ]
      for (const path of paths) {
        await page.goto(crmUrl(path))
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expectNoSidewaysScroll(page, path)
      }
      // The thread: the 4,000-character word wraps and Send stays on screen.
      await page.goto(crmUrl(`/messages/${customer.id}`))
      const send = page.getByRole('button', { name: 'Send' })
      await send.scrollIntoViewIfNeeded()
      await expect(send).toBeInViewport()
      await saveScreenshot(page, `crm-long-text-thread-${width}`)
    })

    test(`portal at ${width} px`, async ({ browser, saveScreenshot }) => {
      test.setTimeout(120_000)
      const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500, hasTouch: width < 500 })
      openedContexts.add(context)
      const page = await context.newPage()
      await signInToPortal(page, customer.email, customer.password)
      await page.waitForURL((url) => !url.pathname.startsWith('/auth'), { timeout: 15_000 })
      for (const path of ['/', '/appointments', '/invoices', '/messages', '/loyalty', '/profile']) {
        await page.goto(`${e2eEnv.portalUrl}${path}`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expectNoSidewaysScroll(page, path)
      }
      // The detail pages of the long job and invoice.
      await page.goto(`${e2eEnv.portalUrl}/appointments`)
      await page.getByRole('link', { name: new RegExp(word(20, 'J')) }).first().click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSidewaysScroll(page, 'appointment detail')
      await page.goto(`${e2eEnv.portalUrl}/invoices`)
      await page.getByTestId('invoice-row').first().click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expectNoSidewaysScroll(page, 'invoice detail')
      await page.goto(`${e2eEnv.portalUrl}/messages`)
      const send = page.getByRole('button', { name: 'Send' })
      await send.scrollIntoViewIfNeeded()
      await expect(send).toBeInViewport()
      await saveScreenshot(page, `portal-long-text-messages-${width}`)
    })
  }
})
