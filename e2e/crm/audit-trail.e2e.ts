import { randomUUID } from 'node:crypto'
import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

test.describe('audit trail', () => {
  test('the job’s history says who changed what, old → new: the office, then the customer in the portal', async ({
    browser,
    customerPage: portal,
    staffApi,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000)
    const title = `Tile & grout ${randomUUID().slice(0, 6)}`
    const job = await staffApi.scheduleJob(demo.alice.customerId, title, 6)

    // The office assigns a technician on the customer's jobs tab.
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=jobs`))
    await waitForLive(crm)
    const card = crm.locator(`[data-job-id="${job.id}"]`)
    await card.getByLabel(`Assign technician for ${title}`).selectOption({ label: 'Tom Becker (technician)' })
    await expect(toast(crm, 'Technician assigned')).toBeVisible()

    // The customer cancels it in the portal.
    await portal.goto(`${e2eEnv.portalUrl}/appointments/${job.id}`)
    await waitForLive(portal)
    await portal.getByLabel('Reason').fill('Moving house')
    await portal.getByRole('button', { name: 'Cancel appointment' }).click()
    await portal.getByRole('alertdialog', { name: 'Cancel this appointment?' }).getByRole('button', { name: 'Cancel appointment' }).click()
    await expect(portal.getByText('Cancelled').first()).toBeVisible()

    // The card's History link opens that job's own history.
    await crm.reload()
    await crm.locator(`[data-job-id="${job.id}"]`).getByRole('link', { name: `History of ${title}` }).click()
    await expect(crm.getByRole('heading', { name: `History of ${title}` })).toBeVisible()
    const entries = crm.getByTestId('audit-entry')
    await expect(entries).toHaveCount(3)
    const [cancelled, assigned, created] = [entries.nth(0), entries.nth(1), entries.nth(2)]
    await expect(cancelled).toContainText(`Alice Johnson (customer) updated job ${title}`)
    await expect(cancelled.getByRole('definition').first()).toHaveText(/^Scheduled →\s+changed to Cancelled$/)
    await expect(cancelled).toContainText('Cancellation reason')
    await expect(cancelled).toContainText('Moving house')
    await expect(assigned).toContainText(`Oscar Diaz updated job ${title}`)
    await expect(assigned).toContainText('Technician')
    await expect(assigned).toContainText('Tom Becker')
    await expect(created).toContainText(`Oscar Diaz created job ${title}`)
    await expect(created).toContainText('$125.00')

    // "All activity" widens it to everything recorded for the customer.
    await crm.getByRole('link', { name: 'All activity' }).click()
    await expect(crm.getByRole('heading', { name: 'History', exact: true })).toBeVisible()
    await expect(crm.getByTestId('audit-entry').first()).toContainText(title)
    expect(await crm.getByTestId('audit-entry').count()).toBeGreaterThan(3)

    for (const width of [1280, 375]) {
      await crm.setViewportSize({ width, height: 900 })
      await crm.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=activity&record=${job.id}`))
      await expect(crm.getByTestId('audit-entry')).toHaveCount(3)
      // The open tab is in view even where the tab strip scrolls sideways.
      await expect(crm.getByRole('tab', { name: 'Activity' })).toBeInViewport()
      const widths = await crm.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
      expect(widths.scroll).toBeLessThanOrEqual(widths.view)
      await saveScreenshot(crm, `crm-audit-trail-${width}`)
    }
  })

  test('a record id that is not one shows the whole history instead of an error', async ({ staffPage }) => {
    const response = await staffPage.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=activity&record=not-an-id`))
    expect(response?.status()).toBe(200)
    await expect(staffPage.getByRole('heading', { name: 'History', exact: true })).toBeVisible()
  })
})
