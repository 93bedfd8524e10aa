import { randomUUID } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { demo, expect, signInToPortal, test, toast, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { StaffApi } from '../src/staff-api.ts'

// Seeded services (supabase/seed.sql), all bookable online.
const upholstery = { id: '40000000-0000-4000-8000-000000000002', name: 'Upholstery cleaning' }
const areaRug = { id: '40000000-0000-4000-8000-000000000005', name: 'Area rug cleaning' }

interface PortalCustomer {
  id: string
  email: string
  password: string
  homeId: string
  homeNotes: string
  /** The customer on the API (as the portal's browser client would be). */
  client: SupabaseClient
}

function apiClient(): SupabaseClient {
  return createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  })
}

/**
 * A customer of the demo business of our own, with a portal login and a confirmed main property,
 * so these stories never touch another spec's data.
 */
async function newPortalCustomer(firstName: string): Promise<PortalCustomer> {
  const owner = await StaffApi.signIn(demo.staff.owner)
  const admin = createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
    auth: { persistSession: false },
  })
  const email = `booking-${randomUUID().slice(0, 8)}@example.com`
  const password = `pw-${randomUUID()}`
  const user = await admin.auth.admin.createUser({ email, password, email_confirm: true })
  if (user.error) throw user.error
  const customer = await owner.client
    .from('customers')
    .insert({
      organization_id: demo.organizationId,
      first_name: firstName,
      last_name: 'Booker',
      email,
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
  const homeNotes = `Gate code ${randomUUID().slice(0, 4)}`
  const home = await owner.client
    .from('properties')
    .insert({
      organization_id: demo.organizationId,
      customer_id: id,
      label: 'Home',
      address_line1: '500 Congress Ave',
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      access_notes: homeNotes,
      is_primary: true,
      confirmed_at: new Date().toISOString(),
    })
    .select('id')
    .single()
  if (home.error) throw home.error
  await owner.signOut()
  const client = apiClient()
  const signedIn = await client.auth.signInWithPassword({ email, password })
  if (signedIn.error) throw signedIn.error
  return { id, email, password, homeId: home.data.id as string, homeNotes, client }
}

async function signIn(page: Page, customer: PortalCustomer, firstName: string) {
  await signInToPortal(page, customer.email, customer.password)
  await expect(page.getByRole('heading', { name: `Welcome back, ${firstName}` })).toBeVisible({
    timeout: 15_000,
  })
}

async function freeStarts(
  customer: PortalCustomer,
  serviceId: string,
  from?: string,
): Promise<string[]> {
  const { data, error } = await customer.client.rpc('available_slots', {
    p_service_id: serviceId,
    p_days: 14,
    ...(from ? { p_from: from } : {}),
  })
  if (error) throw error
  return (data as { starts_at: string }[]).map((slot) => new Date(slot.starts_at).toISOString())
}

async function jobsOf(customer: PortalCustomer) {
  const { data, error } = await customer.client
    .from('jobs')
    .select('id, title, status, scheduled_start, notes, property_id')
    .eq('customer_id', customer.id)
    .order('created_at')
  if (error) throw error
  return data
}

/** The page's free-time buttons (inside the picker, not the "just taken" suggestions). */
const slotButtons = (page: Page) => page.getByTestId('slot')

async function startsAtOf(button: Locator): Promise<string> {
  return new Date(String(await button.getAttribute('data-starts-at'))).toISOString()
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

/** Console errors and uncaught page errors (hydration warnings included) fail the story. */
function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: ${message.text().slice(0, 300)}`)
  })
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message.slice(0, 300)}`))
  return problems
}

/** Looks at the page on a desktop too (screenshot, no sideways scroll), then back to the phone. */
async function atDesktop(
  page: Page,
  saveScreenshot: (page: Page, name: string) => Promise<void>,
  name: string,
) {
  await page.setViewportSize({ width: 1280, height: 900 })
  await expectNoSidewaysScroll(page)
  await saveScreenshot(page, name)
  await page.setViewportSize({ width: 375, height: 812 })
}

test.describe('booking online', () => {
  let consoleProblems: string[] = []
  test.beforeEach(({ page }) => {
    consoleProblems = watchConsole(page)
  })
  test.afterEach(() => {
    expect(consoleProblems, 'browser console errors').toEqual([])
  })

  test('a customer books a free time and sees it as requested; staff accept it live', async ({
    page,
    staffApi,
    checkA11y,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000)
    const customer = await newPortalCustomer('Dana')
    await signIn(page, customer, 'Dana')
    await page.getByRole('link', { name: 'Book a service' }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: 'Book a service' })).toBeVisible()
    await waitForLive(page)

    // Only services bookable online, each with its price and length; the main property is chosen.
    await expect(
      page.getByRole('radio', { name: /Upholstery cleaning.*\$99\.00 per piece · 1 hr 30 min/ }),
    ).toBeVisible()
    await expect(page.getByRole('radio', { name: /^Home/ })).toBeChecked()
    await page.getByRole('radio', { name: new RegExp(upholstery.name) }).check()

    // Free times of the business's days; each button names its day and time.
    const first = slotButtons(page).first()
    await expect(first).toBeVisible()
    await expect(first).toHaveAccessibleName(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2} at \d{1,2}:\d{2} (AM|PM)$/,
    )
    const startsAt = await startsAtOf(first)
    expect(await freeStarts(customer, upholstery.id)).toContain(startsAt)
    await first.click()
    await expect(first).toHaveAttribute('aria-pressed', 'true')
    const notes = `Two cats, sofa in the den ${randomUUID().slice(0, 6)}`
    await page.getByLabel('Notes (optional)').fill(notes)
    await checkA11y(page)
    await expectNoSidewaysScroll(page)
    await saveScreenshot(page, 'portal-book-375')
    await atDesktop(page, saveScreenshot, 'portal-book-1280')

    // A double tap books once: the button is busy at once, and the database returns the first booking.
    await page.getByRole('button', { name: 'Request booking' }).dblclick()
    await expect(
      page.getByRole('heading', { name: 'Requested — we’ll confirm shortly' }),
    ).toBeVisible()
    await expect(page.getByTestId('booking-confirmation')).toContainText(upholstery.name)
    await expect(toast(page, 'Booking requested')).toContainText(upholstery.name)
    const jobs = await jobsOf(customer)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({
      title: upholstery.name,
      status: 'requested',
      notes,
      property_id: customer.homeId,
    })
    expect(new Date(String(jobs[0]?.scheduled_start)).toISOString()).toBe(startsAt)
    await saveScreenshot(page, 'portal-book-confirmed')

    // A photo of the sofa goes with the request, into the customer's own folder.
    const photo = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    await page
      .getByTestId('booking-confirmation')
      .getByLabel('Add photos for your technician')
      .setInputFiles({ name: 'sofa.png', mimeType: 'image/png', buffer: photo })
    await expect(toast(page, 'sofa.png added')).toBeVisible()

    // The new appointment is in the list as requested; staff accepting it shows live.
    await page.getByRole('link', { name: 'View appointment' }).click()
    await expect(page.getByRole('heading', { level: 1, name: upholstery.name })).toBeVisible()
    await expect(page.getByRole('img', { name: 'Your photo: sofa.png' })).toBeVisible()
    await waitForLive(page)
    await expect(page.getByRole('heading', { name: 'Status' }).locator('..')).toContainText(
      'Requested',
    )
    await expect(page.getByTestId('job-where')).toContainText('Home')
    await expect(page.getByTestId('job-access-notes')).toContainText(customer.homeNotes)
    await staffApi.setJobStatus(String(jobs[0]?.id), 'scheduled')
    await expect(toast(page, 'Booking accepted')).toContainText(
      `${upholstery.name} is scheduled for`,
    )
    await expect(page.getByRole('heading', { name: 'Status' }).locator('..')).toContainText(
      'Scheduled',
    )
    await page.goto(`${e2eEnv.portalUrl}/appointments`)
    await expect(page.getByTestId('job-row').filter({ hasText: upholstery.name })).toContainText(
      'Scheduled',
    )
  })

  test('a time taken meanwhile is refused at once with fresh times; nothing extra is saved', async ({
    page,
    checkA11y,
    saveScreenshot,
  }) => {
    test.setTimeout(120_000)
    const customer = await newPortalCustomer('Eli')
    await signIn(page, customer, 'Eli')
    await page.goto(`${e2eEnv.portalUrl}/book`)
    await waitForLive(page)
    await page.getByRole('radio', { name: new RegExp(areaRug.name) }).check()
    const chosen = slotButtons(page).first()
    await expect(chosen).toBeVisible()
    const startsAt = await startsAtOf(chosen)
    const name = String(await chosen.textContent())
    await chosen.click()
    const notes = `Rug in the hallway ${randomUUID().slice(0, 6)}`
    await page.getByLabel('Notes (optional)').fill(notes)

    // Other customers take every technician free at that time through the API meanwhile.
    const takers: PortalCustomer[] = []
    const window = new Date(Date.parse(startsAt) - 60_000).toISOString()
    while ((await freeStarts(customer, areaRug.id, window)).includes(startsAt)) {
      expect(takers.length, 'more bookers than technicians').toBeLessThan(6)
      const taker = await newPortalCustomer('Taker')
      const booked = await taker.client.rpc('book_appointment', {
        p_service_id: areaRug.id,
        p_starts_at: startsAt,
      })
      expect(booked.error).toBeNull()
      takers.push(taker)
    }
    expect(takers.length).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Request booking' }).click()
    const taken = page.getByTestId('slot-taken')
    await expect(taken).toContainText('Sorry, that time was just taken')
    // Fresh times right there, without the taken one; service and notes are kept.
    await expect(taken.getByRole('button').first()).toBeVisible()
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)
    await expect(page.getByRole('radio', { name: new RegExp(areaRug.name) })).toBeChecked()
    await expect(page.getByLabel('Notes (optional)')).toHaveValue(notes)
    expect(await jobsOf(customer)).toHaveLength(0)
    await checkA11y(page)
    await saveScreenshot(page, 'portal-book-taken')
    await expect(
      page.getByText('That time was just taken: pick one of the free times above.'),
    ).toBeVisible()

    // One of the offered times books.
    const offered = taken.getByRole('button').first()
    const offeredName = String(await offered.textContent())
    await offered.click()
    await expect(page.getByTestId('booking-summary')).toContainText(
      offeredName.replace(' at ', ', '),
    )
    await page.getByRole('button', { name: 'Request booking' }).click()
    await expect(
      page.getByRole('heading', { name: 'Requested — we’ll confirm shortly' }),
    ).toBeVisible()
    const jobs = await jobsOf(customer)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.notes).toBe(notes)
    expect(new Date(String(jobs[0]?.scheduled_start)).toISOString()).not.toBe(startsAt)
  })

  test('rescheduling picks a real free time and moves the appointment', async ({
    page,
    staffApi,
    checkA11y,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000)
    const customer = await newPortalCustomer('Fay')
    // Booked at least two days ahead, well outside the 24-hour notice period.
    const later = (await freeStarts(customer, upholstery.id)).find(
      (s) => Date.parse(s) > Date.now() + 48 * 3600_000,
    )
    expect(later).toBeTruthy()
    const booked = await customer.client.rpc('book_appointment', {
      p_service_id: upholstery.id,
      p_starts_at: later,
    })
    expect(booked.error).toBeNull()
    const jobId = (booked.data as { id: string }).id

    await signIn(page, customer, 'Fay')
    await page.goto(`${e2eEnv.portalUrl}/appointments/${jobId}`)
    await waitForLive(page)
    const before = await page.getByTestId('job-when').textContent()
    const card = page.getByRole('region', { name: 'Need a different time?' })
    // Another day than the current one: its first free time.
    const otherDay = card
      .getByRole('list', { name: 'Days' })
      .getByRole('button', { pressed: false, disabled: false })
      .first()
    await otherDay.click()
    const slot = card.getByTestId('slot').first()
    const newStart = await startsAtOf(slot)
    const label = String(await slot.textContent())
    await slot.click()
    await expect(card).toContainText(`New time: ${label.replace(' at ', ', ')}`)
    await checkA11y(page)
    await expectNoSidewaysScroll(page)
    await saveScreenshot(page, 'portal-reschedule-375')
    await atDesktop(page, saveScreenshot, 'portal-reschedule-1280')
    await card.getByRole('button', { name: 'Move to this time' }).click()

    await expect(page.getByTestId('job-when')).toHaveText(label.replace(' at ', ', '))
    expect(await page.getByTestId('job-when').textContent()).not.toBe(before)
    await expect(toast(page, 'Appointment rescheduled')).toContainText('waiting for confirmation')
    const { data } = await customer.client
      .from('jobs')
      .select('scheduled_start, status')
      .eq('id', jobId)
      .single()
    expect(new Date(String(data?.scheduled_start)).toISOString()).toBe(newStart)
    expect(data?.status).toBe('requested')

    // Inside the business's notice period the page says so instead of offering times.
    const start = new Date(Date.now() + 6 * 3600_000)
    start.setUTCMinutes(0, 0, 0)
    const soon = await staffApi.client
      .from('jobs')
      .insert({
        organization_id: demo.organizationId,
        customer_id: customer.id,
        service_id: upholstery.id,
        title: `Soon ${upholstery.name}`,
        status: 'scheduled',
        scheduled_start: start.toISOString(),
        scheduled_end: new Date(start.getTime() + 90 * 60_000).toISOString(),
      })
      .select('id')
      .single()
    expect(soon.error).toBeNull()
    await page.goto(`${e2eEnv.portalUrl}/appointments/${soon.data?.id}`)
    const notice = page.getByRole('region', { name: 'Need a different time?' })
    await expect(notice).toContainText(
      'Appointments can be moved online up to 24 hours before they start.',
    )
    await expect(notice.getByRole('button', { name: 'Move to this time' })).toHaveCount(0)
  })

  test('a customer adds a property (waiting for confirmation, confirmed live) and edits access notes', async ({
    page,
    staffApi,
    checkA11y,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000)
    const customer = await newPortalCustomer('Gus')
    await signIn(page, customer, 'Gus')
    await page.goto(`${e2eEnv.portalUrl}/profile`)
    await waitForLive(page)
    const section = page.getByRole('region', { name: 'Your properties' })
    await expect(section.getByRole('listitem').filter({ hasText: 'Main address' })).toContainText(
      '500 Congress Ave',
    )

    // Add one: the street address is required, then it is saved unconfirmed.
    const label = `Lake house ${randomUUID().slice(0, 4)}`
    await section.getByRole('button', { name: 'Add a property' }).click()
    await section.getByLabel('Name').fill(label)
    await section.getByRole('button', { name: 'Add property' }).click()
    await expect(section.getByText('Enter the street address.')).toBeVisible()
    await expect(section.getByLabel('Name')).toHaveValue(label)
    await section.getByLabel('Street address').fill('12 Lakeshore Dr')
    await section.getByLabel('City').fill('Austin')
    await section.getByLabel('Access notes (optional)').fill('Dock gate is open')
    await checkA11y(page)
    await section.getByRole('button', { name: 'Add property' }).click()
    await expect(toast(page, 'Property added')).toBeVisible()
    const added = section.getByTestId('property').filter({ hasText: label })
    await expect(added).toContainText('Waiting for confirmation')
    await expect(added).toContainText('12 Lakeshore Dr, Austin')
    await expectNoSidewaysScroll(page)
    await saveScreenshot(page, 'portal-properties-375')
    await atDesktop(page, saveScreenshot, 'portal-properties-1280')

    // The office confirms it: the page says so without a reload.
    const { data: row } = await customer.client
      .from('properties')
      .select('id, confirmed_at')
      .eq('label', label)
      .single()
    expect(row?.confirmed_at).toBeNull()
    const confirmed = await staffApi.client
      .from('properties')
      .update({ confirmed_at: new Date().toISOString() })
      .eq('id', String(row?.id))
      .select('id')
      .single()
    expect(confirmed.error).toBeNull()
    await expect(added).not.toContainText('Waiting for confirmation')

    // Access notes of the main property, edited in place, persist.
    const notes = `Dog is friendly; park on the left ${randomUUID().slice(0, 4)}`
    const home = section.getByTestId('property').filter({ hasText: 'Main address' })
    await home.getByRole('button', { name: 'Edit Home' }).click()
    await home.getByLabel('Access notes').fill(notes)
    await home.getByRole('button', { name: 'Save' }).click()
    await expect(toast(page, 'Property saved')).toBeVisible()
    await expect(home.getByTestId('access-notes')).toHaveText(notes)
    await page.reload()
    await expect(
      page
        .getByRole('region', { name: 'Your properties' })
        .getByTestId('property')
        .filter({ hasText: 'Main address' }),
    ).toContainText(notes)
    const { data: saved } = await customer.client
      .from('properties')
      .select('access_notes')
      .eq('id', customer.homeId)
      .single()
    expect(saved?.access_notes).toBe(notes)
  })
})
