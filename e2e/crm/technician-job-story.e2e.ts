import { randomUUID } from 'node:crypto'
import { openedContexts, signInToPortal, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'
import {
  carpetCleaning,
  closer,
  etaMinutes,
  expectNoHorizontalScroll,
  nearly,
  petTreatment,
  phone,
  setUpTomsVisit,
  tinyPng,
  tomOnPhone,
  watchConsole,
} from './field-work-fixtures.ts'

// The whole visit as three people see it at once: Tom works it on his 375 px phone, Fern watches
// him come in the portal, and the office follows every step at a 1280 px desk, live.

test('a technician works a whole job while the customer and the office watch live', async ({
  browser,
  saveScreenshot,
}) => {
  test.setTimeout(180_000)
  const tag = randomUUID().slice(0, 8)
  const { email, password, job } = await setUpTomsVisit(tag)

  // Fern, on her phone.
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
  await portal.goto(`${e2eEnv.portalUrl}/appointments/${job.id}`)
  await expect(portal.getByRole('banner').getByText('Live', { exact: true })).toBeVisible({
    timeout: 15_000,
  })

  // The office, at a desk, on the same visit.
  const office = await signInToCrm(browser, demo.staff.office)
  const officeProblems = watchConsole(office)
  await office.goto(crmUrl(`/my-day/${job.id}`))
  await waitForLive(office)
  const officeStatus = office.getByRole('main')

  // Tom, on his phone.
  const tech = await tomOnPhone(browser)
  const techProblems = watchConsole(tech)
  await tech.goto(crmUrl(`/my-day/${job.id}`))
  await waitForLive(tech)

  // On my way: positions move, the portal's estimate falls, the office sees the status.
  await tech.getByRole('button', { name: 'On my way' }).click()
  await expect(toast(tech, 'Job en route')).toBeVisible()
  const arrival = portal.getByTestId('technician-arrival')
  await expect(arrival).toContainText(/Tom is on the way, arriving in about \d+ minutes?/, {
    timeout: 15_000,
  })
  // No photo for Tom yet: his initials.
  await expect(arrival.getByTestId('technician-initials')).toHaveText('TB')
  const first = await etaMinutes(portal)
  await expect(officeStatus.getByText('En route', { exact: true }).first()).toBeVisible({
    timeout: 10_000,
  })
  await tech.context().setGeolocation(closer)
  await expect.poll(() => etaMinutes(portal), { timeout: 20_000 }).toBeLessThan(first)
  const second = await etaMinutes(portal)
  await tech.context().setGeolocation(nearly)
  await expect.poll(() => etaMinutes(portal), { timeout: 30_000 }).toBeLessThan(second)
  await saveScreenshot(portal, 'story-portal-arrival-375')

  // Start: the banner goes, the office sees "In progress".
  await tech.getByRole('button', { name: 'Start' }).click()
  await expect(toast(tech, 'Job in progress')).toBeVisible()
  await expect(arrival).toHaveCount(0, { timeout: 15_000 })
  await expect(officeStatus.getByText('In progress', { exact: true }).first()).toBeVisible({
    timeout: 10_000,
  })

  // A checklist tick.
  await tech.getByRole('checkbox', { name: carpetCleaning.firstStep }).click()
  await expect(office.getByRole('checkbox', { name: carpetCleaning.firstStep })).toBeChecked({
    timeout: 10_000,
  })

  // A before photo from the camera.
  await tech
    .getByLabel('Take a before photo')
    .setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: tinyPng })
  await expect(tech.getByTestId('visit-photos').getByTestId('attachment-photo')).toHaveCount(1, {
    timeout: 15_000,
  })
  await expect(office.getByTestId('visit-photos').getByTestId('attachment-photo')).toHaveCount(1, {
    timeout: 10_000,
  })

  // A note for the office.
  const note = `Dog in the yard ${tag}`
  await tech.getByLabel('New note').fill(note)
  await tech.getByRole('button', { name: 'Add note' }).click()
  await expect(tech.getByTestId('visit-notes')).toContainText(note)
  await expect(office.getByTestId('visit-notes')).toContainText(note, { timeout: 10_000 })
  await expect(office.getByTestId('visit-notes')).toContainText('Tom Becker')

  // Extra work from the catalog.
  const lines = tech.getByTestId('visit-lines')
  await lines.getByLabel('Item').selectOption(petTreatment.id)
  await lines.getByRole('button', { name: 'Add to the visit' }).click()
  await expect(toast(tech, `${petTreatment.name} added`)).toBeVisible()
  await expect(office.getByTestId('visit-lines')).toContainText(petTreatment.name, {
    timeout: 10_000,
  })
  await expectNoHorizontalScroll(tech)
  await saveScreenshot(tech, 'story-technician-375')
  await saveScreenshot(office, 'story-office-1280')

  // The customer signs; the visit is complete.
  const padElement = tech.getByRole('img', { name: 'Customer signature' })
  await padElement.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  const pad = await padElement.boundingBox()
  if (!pad) throw new Error('no signature pad')
  await tech.mouse.move(pad.x + 30, pad.y + 100)
  await tech.mouse.down()
  await tech.mouse.move(pad.x + 120, pad.y + 60, { steps: 8 })
  await tech.mouse.move(pad.x + 220, pad.y + 120, { steps: 8 })
  await tech.mouse.up()
  await tech.getByRole('button', { name: 'Complete with signature' }).click()
  await expect(toast(tech, 'Job completed')).toBeVisible()
  await expect(officeStatus.getByText('Completed', { exact: true }).first()).toBeVisible({
    timeout: 10_000,
  })
  // No more lines once completed.
  await expect(lines.getByRole('button', { name: 'Add to the visit' })).toHaveCount(0)

  // Cash at the door, the amount being what is due (the visit and the extra work).
  const payment = tech.getByTestId('visit-payment')
  await expect(payment.getByLabel('Amount received')).not.toHaveValue('')
  const due = await payment.getByLabel('Amount received').inputValue()
  await payment.getByRole('button', { name: 'Record cash' }).click()
  await expect(toast(tech, `$${due} in cash recorded`)).toBeVisible()
  await expect(payment).toContainText('Nothing left to pay.')
  await expect(office.getByTestId('visit-payment')).toContainText('Cash', { timeout: 10_000 })
  await expect(office.getByTestId('visit-payment')).toContainText('Nothing left to pay.')
  await saveScreenshot(tech, 'story-technician-paid-375')

  expect(techProblems).toEqual([])
  expect(officeProblems).toEqual([])
  expect(portalProblems).toEqual([])
})
