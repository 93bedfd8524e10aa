import { randomUUID } from 'node:crypto'
import { openedContexts, signInToPortal, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, toast } from './crm-fixtures.ts'
import {
  carpetCleaning,
  closer,
  etaMinutes,
  expectNoHorizontalScroll,
  phone,
  setUpFieldCustomer,
  signedIn,
  tom,
  tomOnPhone,
  watchConsole,
} from './field-work-fixtures.ts'

// A technician's day on a 375 px phone: Tom lands on My day, works a visit (On my way with moving
// positions → Start → checklist → Complete) while the customer watches the arrival estimate fall in
// the portal. Each run uses a customer of its own, so the seeded ones other specs rely on stay.

const marco = { id: '20000000-0000-4000-8000-000000000004' }

/** Fern (a customer of the run's own) with Tom's visit and Marco's today. */
async function setUpVisit(tag: string) {
  const { office, customerId, email, password } = await setUpFieldCustomer(tag, {
    access_notes: `Side gate code ${tag.slice(0, 4)}`,
  })
  // Soon today (the spec's runs are short); an hour long.
  const start = new Date(Date.now() + 10 * 60_000)
  const end = new Date(start.getTime() + 3_600_000)
  const jobs = await office
    .from('jobs')
    .insert([
      {
        organization_id: demo.organizationId,
        customer_id: customerId,
        service_id: carpetCleaning.id,
        technician_id: tom.id,
        title: `Carpet cleaning ${tag}`,
        status: 'confirmed',
        scheduled_start: start.toISOString(),
        scheduled_end: end.toISOString(),
        price_cents: 14_900,
        notes: 'Bring the long hose.',
      },
      {
        organization_id: demo.organizationId,
        customer_id: customerId,
        technician_id: marco.id,
        title: `Marco's rug visit ${tag}`,
        status: 'confirmed',
        scheduled_start: end.toISOString(),
        scheduled_end: new Date(end.getTime() + 3_600_000).toISOString(),
        price_cents: 5_900,
      },
    ])
    .select('id, title')
  if (jobs.error) throw jobs.error
  await office.auth.signOut()
  const [tomsJob, marcosJob] = jobs.data as { id: string; title: string }[]
  if (!tomsJob || !marcosJob) throw new Error('jobs were not created')
  return { customerId, email, password, tomsJob, marcosJob }
}

test.describe('My day (375 px)', () => {
  test('a technician lands on their own visits today, with call, directions and access notes', async ({
    browser,
    saveScreenshot,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const { tomsJob, marcosJob } = await setUpVisit(tag)
    const page = await tomOnPhone(browser)
    const problems = watchConsole(page)
    await page.waitForURL((url) => url.pathname === '/my-day')
    await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible()

    const today = page.getByRole('region', { name: /^Today/ })
    const visit = today.getByTestId('visit').filter({ hasText: `Fern Field ${tag}` })
    await expect(visit).toBeVisible()
    await expect(visit).toContainText('Carpet cleaning (up to 3 rooms)')
    await expect(visit).toContainText('1300 Barton Springs Rd, Austin, TX 78704')
    await expect(visit).toContainText(`Side gate code ${tag.slice(0, 4)}`)
    await expect(visit).toContainText('Bring the long hose.')
    await expect(visit.getByRole('link', { name: 'Call Fern' })).toHaveAttribute(
      'href',
      'tel:5125550199',
    )
    await expect(visit.getByRole('link', { name: 'Directions' })).toHaveAttribute(
      'href',
      /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=1300%20Barton%20Springs%20Rd/,
    )
    // Marco's visit at the same customer is not Tom's to see.
    await expect(page.getByText(marcosJob.title)).toHaveCount(0)
    await expect(page.getByRole('region', { name: /^Tomorrow/ })).toBeVisible()

    // Large touch targets, nothing wider than the phone, a header that leaves room for the day.
    const open = visit.getByRole('link', { name: 'Open job' })
    expect((await open.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44)
    await expectNoHorizontalScroll(page)
    const header = await page.getByRole('banner').boundingBox()
    expect(header?.height ?? 999).toBeLessThanOrEqual(80)
    await saveScreenshot(page, 'my-day-375')

    // The same page on a desk.
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect(visit).toBeVisible()
    await saveScreenshot(page, 'my-day-1280')
    await open.click()
    await page.waitForURL(`**/my-day/${tomsJob.id}`)
    await expect(page.getByRole('button', { name: 'On my way' })).toBeVisible()
    expect(problems).toEqual([])
  })

  test('on my way with a live estimate in the portal, then start, checklist, signature and complete', async ({
    browser,
    saveScreenshot,
  }) => {
    const tag = randomUUID().slice(0, 8)
    const { email, password, tomsJob } = await setUpVisit(tag)

    // The customer watches their appointment on their phone.
    const customerContext = await browser.newContext({
      viewport: phone,
      hasTouch: true,
      isMobile: true,
    })
    openedContexts.add(customerContext)
    const portal = await customerContext.newPage()
    const portalProblems = watchConsole(portal)
    await signInToPortal(portal, email, password)
    await expect(portal.getByRole('heading', { name: 'Welcome back, Fern' })).toBeVisible({
      timeout: 15_000,
    })
    await portal.goto(`${e2eEnv.portalUrl}/appointments/${tomsJob.id}`)
    await expect(portal.getByRole('banner').getByText('Live', { exact: true })).toBeVisible({
      timeout: 15_000,
    })
    await expect(portal.getByTestId('technician-arrival')).toHaveCount(0)

    const tech = await tomOnPhone(browser)
    const techProblems = watchConsole(tech)
    await tech.waitForURL((url) => url.pathname === '/my-day')
    await tech.goto(crmUrl(`/my-day/${tomsJob.id}`))
    await tech.getByRole('button', { name: 'On my way' }).click()
    await expect(toast(tech, 'Job en route')).toBeVisible()
    await expect(tech.locator('[data-sharing="sharing"]')).toBeVisible()

    // The portal hears Tom's position and counts down from it.
    const arrival = portal.getByTestId('technician-arrival')
    await expect(arrival).toContainText(/Tom is on the way, arriving in about \d+ minutes?/, {
      timeout: 15_000,
    })
    const first = await etaMinutes(portal)
    await saveScreenshot(portal, 'portal-arrival-375')

    // Tom drives closer (well over 100 m): the estimate falls without a reload.
    const sentAt = Date.now()
    await tech.context().setGeolocation(closer)
    await expect.poll(() => etaMinutes(portal), { timeout: 15_000 }).toBeLessThan(first)
    test.info().annotations.push({
      type: 'position → portal latency',
      description: `${Date.now() - sentAt} ms (upper bound)`,
    })

    // Arrival: Start ends the sharing and the banner.
    await tech.getByRole('button', { name: 'Start' }).click()
    await expect(toast(tech, 'Job in progress')).toBeVisible()
    await expect(tech.locator('[data-sharing]')).toHaveCount(0)
    await expect(arrival).toHaveCount(0, { timeout: 15_000 })

    // The checklist from the service: a tick is kept.
    const step = tech.getByRole('checkbox', { name: carpetCleaning.firstStep })
    await step.click()
    await expect(step).toBeChecked()
    await expect(tech.getByText('1 of 5')).toBeVisible()
    // The tick shows at once; the office sees it once saved, and a reload keeps it.
    const office = await signedIn(demo.staff.office, demo.password)
    await expect
      .poll(
        async () =>
          (await office.from('job_checklist_ticks').select('item').eq('job_id', tomsJob.id)).data,
        { timeout: 10_000 },
      )
      .toEqual([{ item: carpetCleaning.firstStep }])
    await tech.reload()
    await expect(tech.getByRole('checkbox', { name: carpetCleaning.firstStep })).toBeChecked()
    await expectNoHorizontalScroll(tech)
    await saveScreenshot(tech, 'technician-job-375')

    // The customer signs on Tom's screen; completing stores it with the summary they saw.
    await expect(tech.getByRole('heading', { name: 'Finish the visit' })).toBeVisible()
    await expect(tech.getByLabel('Signed by')).toHaveValue(`Fern Field ${tag}`)
    const signed = tech.getByRole('button', { name: 'Complete with signature' })
    await expect(signed).toBeDisabled()
    const padElement = tech.getByRole('img', { name: 'Customer signature' })
    // Centred on screen, clear of the sticky header, so the strokes land on the canvas.
    await padElement.evaluate((element) => element.scrollIntoView({ block: 'center' }))
    const pad = await padElement.boundingBox()
    if (!pad) throw new Error('no signature pad')
    await tech.mouse.move(pad.x + 30, pad.y + 100)
    await tech.mouse.down()
    await tech.mouse.move(pad.x + 120, pad.y + 60, { steps: 8 })
    await tech.mouse.move(pad.x + 220, pad.y + 120, { steps: 8 })
    await tech.mouse.up()
    await expect(signed).toBeEnabled()
    await saveScreenshot(tech, 'technician-signature-375')
    await signed.click()
    await expect(toast(tech, 'Job completed')).toBeVisible()
    await expect(tech.getByRole('button', { name: /On my way|Start|Complete/ })).toHaveCount(0)
    await expect(tech.getByTestId('visit-signature')).toContainText(`Signed by Fern Field ${tag}`)
    const signature = await office
      .from('job_signatures')
      .select('signer_name, signature_png, summary, summary_sha256')
      .eq('job_id', tomsJob.id)
      .single()
    expect(signature.error).toBeNull()
    expect(signature.data?.signer_name).toBe(`Fern Field ${tag}`)
    expect(signature.data?.signature_png).toMatch(/^data:image\/png;base64,/)
    expect(signature.data?.summary).toMatchObject({
      checklist: expect.arrayContaining([{ item: carpetCleaning.firstStep, done: true }]),
    })
    expect(signature.data?.summary_sha256).toMatch(/^[0-9a-f]{64}$/)
    await office.auth.signOut()

    expect(techProblems).toEqual([])
    expect(portalProblems).toEqual([])
  })

  test('another customer cannot listen to the position of a job that is not theirs', async () => {
    const tag = randomUUID().slice(0, 8)
    const { tomsJob } = await setUpVisit(tag)
    const alice = await signedIn(demo.alice.email, demo.password)
    await alice.realtime.setAuth()
    const refused = await new Promise<string>((resolve) => {
      const channel = alice.channel(`job:${tomsJob.id}:position`, { config: { private: true } })
      channel.subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve('joined')
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
          void alice.removeChannel(channel)
          resolve(error?.message ?? status)
        }
      })
    })
    expect(refused).toMatch(/Unauthorized/)
    alice.realtime.disconnect()
  })
})
