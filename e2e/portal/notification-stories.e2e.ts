import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { crmUrl, signInToCrm, waitForLive as crmWaitForLive } from '../crm/crm-fixtures.ts'
import { linkIn, mailsTo, sendWhatIsDueAt, textsTo, waitForMail } from '../src/catcher.ts'
import { payOnCheckout } from '../src/checkout.ts'
import { e2eEnv } from '../src/env.ts'
import { demo, expect, signInToPortal, test, toast, waitForLive } from '../src/fixtures.ts'
import { StaffApi } from '../src/staff-api.ts'

// What customers get by e-mail and text message, read from the stack's catcher (no message
// leaves the machine). The run's notification worker sends as things happen; a story that waits a
// day or hours sends one round "as of" that time instead of waiting.

const upholstery = { id: '40000000-0000-4000-8000-000000000002', name: 'Upholstery cleaning' }

interface Customer {
  id: string
  firstName: string
  email: string
  phone: string
  password: string
}

const service = () =>
  createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  })

/** A demo-business customer with a portal login who wants e-mail and not texts (the default). */
async function newCustomer(firstName: string): Promise<Customer> {
  const owner = await StaffApi.signIn(demo.staff.owner)
  const tag = randomUUID().slice(0, 8)
  const email = `notify-${tag}@example.com`
  const phone = `+1512555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`
  const password = `pw-${randomUUID()}`
  const admin = service()
  const user = await admin.auth.admin.createUser({ email, password, email_confirm: true })
  if (user.error) throw user.error
  const customer = await owner.client
    .from('customers')
    .insert({
      organization_id: demo.organizationId,
      first_name: firstName,
      last_name: 'Story',
      email,
      phone,
      notification_preferences: { email: true, sms: false },
    })
    .select('id')
    .single()
  if (customer.error) throw customer.error
  const id = customer.data.id as string
  const linked = await owner.client.rpc('provision_portal_user', {
    p_customer_id: id,
    p_user_id: user.data.user.id,
  })
  if (linked.error) throw linked.error
  const home = await owner.client.from('properties').insert({
    organization_id: demo.organizationId,
    customer_id: id,
    label: 'Home',
    address_line1: '500 Congress Ave',
    city: 'Austin',
    region: 'TX',
    postal_code: '78701',
    is_primary: true,
    confirmed_at: new Date().toISOString(),
  })
  if (home.error) throw home.error
  await owner.signOut()
  return { id, firstName, email, phone, password }
}

async function signIn(page: Page, customer: Customer) {
  await signInToPortal(page, customer.email, customer.password)
  await expect(
    page.getByRole('heading', { name: `Welcome back, ${customer.firstName}` }),
  ).toBeVisible({ timeout: 15_000 })
}

/** The channels the outbox holds for a customer's event (what was enqueued, sent or not yet). */
async function channelsOf(client: SupabaseClient, customerId: string, event: string) {
  const { data, error } = await client
    .from('notification_outbox')
    .select('channel')
    .eq('customer_id', customerId)
    .eq('event', event)
  if (error) throw error
  return data.map((r) => r.channel as string).sort()
}

function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text().slice(0, 300)}`)
  })
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message.slice(0, 300)}`))
  return problems
}

test.describe('notification stories: what the customer receives', () => {
  test('a portal booking: "request received" by e-mail and no text; the reminder arrives a day before', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const problems = watchConsole(page)
    const customer = await newCustomer('Nora')
    await signIn(page, customer)
    await page.goto(`${e2eEnv.portalUrl}/book`)
    await waitForLive(page)
    await page.getByRole('radio', { name: new RegExp(upholstery.name) }).check()
    const slot = page.getByTestId('slot').first()
    await slot.click()
    const startsAt = new Date(String(await slot.getAttribute('data-starts-at')))
    await page.getByRole('button', { name: 'Request booking' }).click()
    await expect(
      page.getByRole('heading', { name: 'Requested — we’ll confirm shortly' }),
    ).toBeVisible()

    // The business has not accepted it yet: the e-mail says so, and does not say "booked".
    const received = await waitForMail(customer.email, /^Request received: Upholstery cleaning on /)
    expect(received.Text).toMatch(/You asked for Upholstery cleaning on .+\./)
    expect(received.Text).toContain('We will confirm the time shortly.')
    expect(received.Subject).not.toMatch(/Booked/)
    // Texts are off for this customer: nothing was even queued for the phone.
    const admin = service()
    expect(await channelsOf(admin, customer.id, 'appointment_booked')).toEqual(['email'])
    expect(await textsTo(customer.phone)).toEqual([])

    // A day before the visit (the business's 24 hours), the reminder goes out.
    expect((await mailsTo(customer.email)).some((m) => m.Subject.startsWith('Reminder:'))).toBe(
      false,
    )
    sendWhatIsDueAt(new Date(startsAt.getTime() - 24 * 3600_000 + 60_000))
    const reminder = await waitForMail(customer.email, /^Reminder: Upholstery cleaning on /)
    expect(reminder.Text).toContain('A reminder of Upholstery cleaning on')
    expect(await textsTo(customer.phone)).toEqual([])
    expect(problems, 'browser console errors').toEqual([])
  })

  test('paying an invoice in the portal sends the receipt by e-mail', async ({
    page,
    staffApi,
  }) => {
    test.setTimeout(120_000)
    const customer = await newCustomer('Omar')
    const invoice = await staffApi.sendInvoice(customer.id, 8_000)
    await waitForMail(customer.email, new RegExp(`^Invoice ${invoice.number}: \\$80\\.00 due$`))
    await signIn(page, customer)
    await page.goto(`${e2eEnv.portalUrl}/invoices/${invoice.id}`)
    await waitForLive(page)
    await page
      .getByRole('form', { name: 'Pay now' })
      .getByRole('button', { name: 'Pay $80.00' })
      .click()
    await page.waitForURL(/\/payments\/v1\/checkout\//)
    await payOnCheckout(page, '4242 4242 4242 4242')
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}$/)
    await expect(page.getByTestId('payment-status')).toHaveText('Received')
    const receipt = await waitForMail(
      customer.email,
      new RegExp(`^Receipt: \\$80\\.00 received for invoice ${invoice.number}$`),
    )
    expect(receipt.Text).toContain(`We received $80.00 for invoice ${invoice.number}.`)
    expect(await textsTo(customer.phone)).toEqual([])
  })

  test('after staff complete the visit, the customer rates it from the e-mail’s link; a low rating reaches the bell live', async ({
    browser,
    staffApi,
    checkA11y,
    saveScreenshot,
  }) => {
    test.setTimeout(150_000)
    const customer = await newCustomer('Pia')
    const title = `Tile and grout cleaning ${randomUUID().slice(0, 4)}`
    // Staff may not put a job in the past: tomorrow's visit, completed early.
    const job = await staffApi.scheduleJob(customer.id, title, 1)
    await staffApi.setJobStatus(job.id, 'completed')
    const done = await waitForMail(customer.email, new RegExp(`^Done: ${title}$`))
    expect(done.Text).toContain(`${title} was completed on`)

    // The request waits the business's 2 hours: move the clock on by 3.
    expect((await mailsTo(customer.email)).some((m) => m.Subject.startsWith('How was'))).toBe(false)
    sendWhatIsDueAt(new Date(Date.now() + 3 * 3600_000))
    const request = await waitForMail(customer.email, new RegExp(`^How was ${title}\\?$`))
    const link = linkIn(request.HTML, `${e2eEnv.portalUrl}/review/`)

    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl('/customers'))
    await crmWaitForLive(crm)

    // The customer opens the link on their phone, not signed in; a second tab stays open on it.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    })
    const review = await phone.newPage()
    const problems = watchConsole(review)
    await review.goto(link)
    await expect(review.getByRole('heading', { name: 'How was your visit?' })).toBeVisible()
    await expect(review.getByText(title)).toBeVisible()
    const otherTab = await phone.newPage()
    await otherTab.goto(link)
    await checkA11y(review)
    await saveScreenshot(review, 'portal-review-375')
    await review.setViewportSize({ width: 1280, height: 900 })
    await saveScreenshot(review, 'portal-review-1280')
    await review.setViewportSize({ width: 375, height: 812 })
    await review.getByText('2 – Fair').click()
    await review.getByLabel('Comment (optional)').fill('Arrived late and left a wet floor.')
    await review.getByRole('button', { name: 'Send my review' }).click()
    await expect(review.getByText('Thank you for your review!')).toBeVisible()
    await expect(review.getByText('(2 of 5 stars).')).toBeVisible()
    // A rating of 2 is at or under the business's threshold: no public review link is offered.
    await expect(review.getByRole('link', { name: /Review .* publicly/ })).toHaveCount(0)
    await saveScreenshot(review, 'portal-review-thanks-375')

    // The office hears of it live, in the bell.
    const noticeTitle = `${customer.firstName} Story rated ${title} 2 of 5`
    await expect(toast(crm, noticeTitle)).toBeVisible({ timeout: 15_000 })
    await expect(crm.getByTestId('bell-count')).toBeVisible()
    await crm.goto(crmUrl(`/customers/${customer.id}?tab=jobs`))
    // Within the Reviews section: while the tab streams in, a hidden copy may still be in the page.
    const reviews = crm.getByRole('region', { name: 'Reviews' })
    await expect(reviews.getByTestId('customer-review')).toContainText(
      'Arrived late and left a wet floor.',
    )
    await expect(
      reviews.getByTestId('customer-review').getByRole('img', { name: '2 of 5 stars' }),
    ).toBeVisible()
    await saveScreenshot(crm, 'crm-customer-review-1280')
    // The business's settings for all this, beside the other notification settings (owners and
    // admins manage them; the office member is sent to the general settings).
    const owner = await signInToCrm(browser, demo.staff.owner)
    await owner.goto(crmUrl('/settings/notifications'))
    await expect(
      owner.getByLabel('Tell customers about an unread message after (minutes)'),
    ).toHaveValue('15')
    await expect(
      owner.getByLabel('Ask customers to rate a visit after it is completed'),
    ).toBeChecked()
    await saveScreenshot(owner, 'crm-notification-settings-1280')

    // The second tab tries again: refused with a clear message, what was typed stays, the first review is kept.
    await otherTab.getByText('5 – Excellent').click()
    await otherTab.getByLabel('Comment (optional)').fill('Second thoughts')
    await otherTab.getByRole('button', { name: 'Send my review' }).click()
    await expect(
      otherTab.getByText('You already rated this visit, thank you. Your first review is kept.'),
    ).toBeVisible()
    await expect(otherTab.getByLabel('Comment (optional)')).toHaveValue('Second thoughts')
    await review.reload()
    await expect(review.getByText('(2 of 5 stars).')).toBeVisible()
    expect(problems, 'browser console errors').toEqual([])
    await phone.close()
  })
})
