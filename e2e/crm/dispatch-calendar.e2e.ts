import type { Locator, Page } from '@playwright/test'
import { createClient } from '@supabase/supabase-js'
import WebSocket from 'ws'
import { waitForLive as portalWaitForLive, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

// The seeded technicians (supabase/seed.sql): both work Monday to Friday, 8 AM to 5 PM.
const tom = '20000000-0000-4000-8000-000000000003'
const marco = '20000000-0000-4000-8000-000000000004'
const carpetCleaning = '40000000-0000-4000-8000-000000000001'
const zone = 'America/Chicago'
const pad = (n: number) => String(n).padStart(2, '0')

/** The business's wall time of an instant as `yyyy-mm-ddThh:mm` (read with Intl, not the apps' code). */
function wallTime(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
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

/** The instant that is hour:minute on `day` in the business's zone. */
function at(day: string, hour: number, minute = 0): string {
  const wanted = Date.parse(`${day}T${pad(hour)}:${pad(minute)}:00Z`)
  let guess = wanted
  for (let i = 0; i < 3; i++) guess -= Date.parse(`${wallTime(guess)}:00Z`) - wanted
  return new Date(guess).toISOString()
}

/**
 * A weekday `daysAhead` days or more from now (business calendar), far enough out that the other
 * specs' bookings (which take the first free times) do not land on it. Each story takes its own.
 */
function weekdayAhead(daysAhead: number): string {
  for (let d = daysAhead; ; d++) {
    const day = wallTime(Date.now() + d * 86_400_000).slice(0, 10)
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    if (weekday >= 1 && weekday <= 5) return day
  }
}

/** `Thu, Jan 15` for a yyyy-mm-dd day, as the CRM writes a day. */
const dayLabel = (day: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${day}T12:00:00Z`))

const block = (page: Page, jobId: string) =>
  page.locator(`[data-testid="calendar"] [data-job-id="${jobId}"]`)
const column = (page: Page, technicianId: string, day: string) =>
  page.locator(`[data-column="${technicianId}:${day}"]`)

/** Presses Tab until `target` has focus (a date or time input takes a Tab per part: month, day, year). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 6 && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
}

async function hourHeight(page: Page) {
  return Number(await page.getByTestId('calendar').getAttribute('data-hour-height'))
}

/** The calendar opens before its drag-and-drop layer has loaded; a hand can drag once it has. */
async function dragReady(page: Page) {
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-drag-ready', 'true')
}

/** A real mouse drag, in small steps as a hand moves (dnd-kit starts after a few pixels). */
async function dragBy(page: Page, jobId: string, to: { x?: number; dy: number }) {
  await dragReady(page)
  const box = await block(page, jobId).getByRole('button').boundingBox()
  if (!box) throw new Error('the block is not laid out')
  const x = box.x + box.width / 2
  const y = box.y + 10
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 3, y + 3, { steps: 2 })
  await page.mouse.move(to.x ?? x, y + to.dy, { steps: 15 })
  await page.mouse.up()
}

test.describe('dispatch calendar', () => {
  test('a dispatcher drags a job to another technician and time; the customer sees the new time live', async ({
    customerPage: portal,
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const day = weekdayAhead(22)
    const title = `Stair runner ${Date.now().toString(36)}`
    const job = await staffApi.scheduleJobAt({
      customerId: demo.alice.customerId,
      title,
      start: at(day, 9),
      end: at(day, 10),
      technicianId: tom,
    })

    const crm = await signInToCrm(browser, demo.staff.office)
    const problems: string[] = []
    crm.on('console', (m) => {
      if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(m.text())
    })
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await waitForLive(crm)
    await expect(column(crm, tom, day).locator(`[data-job-id="${job.id}"]`)).toContainText(
      '9:00 AM–10:00 AM',
    )

    await portal.goto(`${e2eEnv.portalUrl}/appointments/${job.id}`)
    await portalWaitForLive(portal)
    await expect(portal.getByTestId('job-when')).toContainText('9:00 AM')

    // Onto Marco's column, four hours further down (1:00 PM).
    const marcos = await column(crm, marco, day).boundingBox()
    if (!marcos) throw new Error('no column for Marco')
    await dragBy(crm, job.id, { x: marcos.x + marcos.width / 2, dy: 4 * (await hourHeight(crm)) })

    await expect(toast(crm, 'Job moved')).toBeVisible()
    const started = Date.now()
    await expect(column(crm, marco, day).locator(`[data-job-id="${job.id}"]`)).toContainText(
      '1:00 PM–2:00 PM',
    )
    await expect(column(crm, tom, day).locator(`[data-job-id="${job.id}"]`)).toHaveCount(0)
    // The customer's open appointment page follows without a reload, and they are told.
    await expect(portal.getByTestId('job-when')).toContainText('1:00 PM', { timeout: 2_000 })
    await expect(toast(portal, 'Appointment rescheduled')).toContainText(title)
    test.info().annotations.push({
      type: 'live-latency-ms',
      description: `calendar move to portal: ${Date.now() - started}`,
    })
    const saved = await staffApi.getJobWindow(job.id)
    expect(saved.technician_id).toBe(marco)
    expect(Date.parse(saved.scheduled_start)).toBe(Date.parse(at(day, 13)))
    await saveScreenshot(crm, 'crm-calendar-day-after-drag')
    expect(problems, 'console errors on the calendar').toEqual([])
  })

  test('keyboard only: open a job from its block, Move, type the new time, and it moves', async ({
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const day = weekdayAhead(23)
    const title = `Hallway rug ${Date.now().toString(36)}`
    const job = await staffApi.scheduleJobAt({
      customerId: demo.alice.customerId,
      title,
      start: at(day, 10),
      end: at(day, 11),
      technicianId: tom,
    })
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await waitForLive(crm)

    await block(crm, job.id).getByRole('button').focus()
    await crm.keyboard.press('Enter')
    const details = crm.getByRole('dialog', { name: title })
    await expect(details).toBeVisible()
    await expect(details.getByRole('button', { name: 'Move' })).toBeFocused()
    await crm.keyboard.press('Enter')
    const dialog = crm.getByRole('dialog', { name: 'Move job' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Technician')).toBeFocused()
    await tabTo(crm, dialog.getByLabel('Date'))
    await tabTo(crm, dialog.getByLabel('Start time'))
    await crm.keyboard.type('0230P')
    await expect(dialog.getByLabel('Start time')).toHaveValue('14:30')
    await tabTo(crm, dialog.getByLabel('Duration (minutes)'))
    await crm.keyboard.press('ControlOrMeta+a')
    await crm.keyboard.type('90')
    await crm.keyboard.press('Enter')

    await expect(toast(crm, 'Job moved')).toBeVisible()
    await expect(dialog).toBeHidden()
    await expect(block(crm, job.id)).toContainText('2:30 PM–4:00 PM')
    // Focus is back on the job's block, where the keyboard user left off.
    await expect(block(crm, job.id).getByRole('button')).toBeFocused()
    expect(Date.parse((await staffApi.getJobWindow(job.id)).scheduled_end)).toBe(
      Date.parse(at(day, 16)),
    )
    await saveScreenshot(crm, 'crm-calendar-after-keyboard-move')
  })

  test('a drop onto a technician’s other job asks first; Cancel leaves it, Save anyway double-books', async ({
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const day = weekdayAhead(24)
    const suffix = Date.now().toString(36)
    const den = `Den carpet ${suffix}`
    const first = await staffApi.scheduleJobAt({
      customerId: demo.alice.customerId,
      title: den,
      start: at(day, 9),
      end: at(day, 10),
      technicianId: tom,
    })
    const second = await staffApi.scheduleJobAt({
      customerId: demo.alice.customerId,
      title: `Attic rug ${suffix}`,
      start: at(day, 11),
      end: at(day, 12),
      technicianId: tom,
    })
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await waitForLive(crm)
    const dy = -1.5 * (await hourHeight(crm))

    await dragBy(crm, second.id, { dy })
    const confirm = crm.getByRole('alertdialog', { name: 'Schedule conflict' })
    await expect(confirm).toBeVisible()
    await expect(confirm.getByTestId('conflict')).toHaveText([
      `Double-booked: Overlaps ${den} (9:00 AM–10:00 AM)`,
    ])
    await saveScreenshot(crm, 'crm-calendar-conflict')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(confirm).toBeHidden()
    await expect(block(crm, second.id)).toContainText('11:00 AM–12:00 PM')
    expect(Date.parse((await staffApi.getJobWindow(second.id)).scheduled_start)).toBe(
      Date.parse(at(day, 11)),
    )

    await dragBy(crm, second.id, { dy })
    await crm
      .getByRole('alertdialog', { name: 'Schedule conflict' })
      .getByRole('button', { name: 'Save anyway' })
      .click()
    await expect(toast(crm, 'Job moved')).toBeVisible()
    await expect(block(crm, second.id)).toContainText('9:30 AM–10:30 AM')
    await expect(block(crm, first.id)).toContainText('9:00 AM–10:00 AM')
  })

  test('a customer books online; the request appears live on the calendar and the bell, and staff accept it', async ({
    browser,
    saveScreenshot,
  }) => {
    // Alice books through the API, as the portal does: a free time from available_slots.
    const customer = createClient(e2eEnv.supabaseUrl, e2eEnv.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    })
    const signIn = await customer.auth.signInWithPassword({
      email: demo.alice.email,
      password: demo.password,
    })
    expect(signIn.error).toBeNull()
    const { data: slots, error } = await customer.rpc('available_slots', {
      p_service_id: carpetCleaning,
      p_from: at(weekdayAhead(26), 0),
      p_days: 7,
    })
    expect(error).toBeNull()
    const slot = (slots as { starts_at: string }[] | null)?.[0]
    if (!slot) throw new Error('no free slot for the booking story')
    const day = wallTime(Date.parse(slot.starts_at)).slice(0, 10)

    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await waitForLive(crm)
    const requests = crm.getByRole('region', { name: /^Booking requests/ })

    const booked = await customer.rpc('book_appointment', {
      p_service_id: carpetCleaning,
      p_starts_at: slot.starts_at,
      p_notes: 'Gate code 4821',
    })
    expect(booked.error).toBeNull()
    const job = booked.data as { id: string; status: string; technician_id: string }
    expect(job.status).toBe('requested')
    const request = requests.locator(`[data-job-id="${job.id}"]`)
    await expect(request).toContainText('Alice Johnson', { timeout: 2_000 })
    await expect(request).toContainText('Gate code 4821')
    // The held time shows on the technician's column too, and the bell rings.
    const held = column(crm, job.technician_id, day).locator(`[data-job-id="${job.id}"]`)
    await expect(held).toBeVisible()
    await expect(crm.getByTestId('bell-count')).toBeVisible()
    await saveScreenshot(crm, 'crm-calendar-booking-request')

    await request.getByRole('button', { name: 'Accept' }).click()
    await expect(toast(crm, 'Booking accepted')).toBeVisible()
    await expect(request).toHaveCount(0)
    await expect(held.getByTestId('job-status')).toHaveText('Scheduled')
    const { data: after } = await customer
      .from('jobs')
      .select('status, technician_id')
      .eq('id', job.id)
      .single()
    expect(after).toEqual({ status: 'scheduled', technician_id: job.technician_id })
    await customer.auth.signOut()
  })

  test('a new job from an empty slot: customer, property and service picked, then stretched by its bottom edge', async ({
    browser,
    saveScreenshot,
  }) => {
    const day = weekdayAhead(27)
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await waitForLive(crm)
    const toms = column(crm, tom, day)
    const box = await toms.boundingBox()
    if (!box) throw new Error('no column for Tom')
    const height = await hourHeight(crm)
    // The axis starts at 7 AM: 2:00 PM is seven hours down (plus a little, inside the slot).
    await crm.mouse.click(box.x + box.width / 2, box.y + 7 * height + 5)
    const dialog = crm.getByRole('dialog', { name: 'New job' })
    await expect(dialog.getByLabel('Technician')).toHaveValue(tom)
    await expect(dialog.getByLabel('Start time')).toHaveValue('14:00')

    await dialog.getByRole('button', { name: 'Create job' }).click()
    await expect(dialog.getByText('Choose a customer')).toBeVisible()
    await dialog.getByLabel('Customer').fill('Johnson')
    await dialog
      .getByRole('list', { name: 'Matching customers' })
      .getByRole('button', { name: /Alice Johnson/ })
      .click()
    await expect(dialog.getByLabel('Property')).toContainText('1204 Barton Hills Dr')
    await dialog.getByLabel('Property').selectOption({ label: 'Rental: 707 E Oltorf St, Austin' })
    await dialog.getByLabel('Service').selectOption({ label: 'Pet stain & odor treatment' })
    await expect(dialog.getByLabel('Title')).toHaveValue('Pet stain & odor treatment')
    await expect(dialog.getByLabel('Duration (minutes)')).toHaveValue('60')
    const title = `Pet stain ${Date.now().toString(36)}`
    await dialog.getByLabel('Title').fill(title)
    await saveScreenshot(crm, 'crm-calendar-new-job')
    await dialog.getByRole('button', { name: 'Create job' }).click()
    await expect(toast(crm, 'Job created')).toBeVisible()
    const created = toms.getByRole('article', { name: title })
    await expect(created).toContainText('2:00 PM–3:00 PM')

    // The bottom edge, pulled down half an hour, makes it 90 minutes.
    await created.click()
    const details = crm.getByRole('dialog', { name: title })
    await expect(details).toContainText('707 E Oltorf St')
    await expect(details).toContainText('Pet stain & odor treatment')
    await expect(details).toContainText('Lockbox on the back door')
    await crm.keyboard.press('Escape')
    await dragReady(crm)
    const handle = await created.getByTestId('resize-handle').boundingBox()
    if (!handle) throw new Error('no resize handle')
    await crm.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2)
    await crm.mouse.down()
    await crm.mouse.move(handle.x + handle.width / 2, handle.y + 10, { steps: 3 })
    await crm.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 + height / 2, {
      steps: 10,
    })
    await crm.mouse.up()
    await expect(toast(crm, 'Job moved')).toBeVisible()
    await expect(created).toContainText('2:00 PM–3:30 PM')
  })

  test('a job link opens its day and shows it; at 375 px the calendar scrolls inside itself, not the page', async ({
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const day = weekdayAhead(25)
    const job = await staffApi.scheduleJobAt({
      customerId: demo.alice.customerId,
      title: `Linked job ${Date.now().toString(36)}`,
      start: at(day, 15),
      end: at(day, 16, 30),
      technicianId: marco,
    })
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/jobs?job=${job.id}`))
    await expect(crm.getByTestId('calendar-range')).toHaveText(dayLabel(day))
    await expect(block(crm, job.id)).toHaveAttribute('data-selected', 'true')
    await expect(block(crm, job.id).getByRole('button')).toBeFocused()
    await saveScreenshot(crm, 'crm-calendar-day-1280')
    await crm.goto(crmUrl(`/jobs?view=week&date=${day}`))
    await expect(block(crm, job.id)).toBeVisible()
    await saveScreenshot(crm, 'crm-calendar-week-1280')

    await crm.setViewportSize({ width: 375, height: 812 })
    for (const view of ['day', 'week']) {
      await crm.goto(crmUrl(`/jobs?view=${view}&date=${day}`))
      await expect(block(crm, job.id)).toBeAttached()
      const overflow = await crm.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, view).toBeLessThanOrEqual(0)
      await saveScreenshot(crm, `crm-calendar-${view}-375`)
    }
  })
})
