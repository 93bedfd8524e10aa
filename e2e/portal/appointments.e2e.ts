import { demo, expect, test, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

test.describe('appointments', () => {
  test('Alice confirms her appointment and watches the technician head over', async ({ customerPage: page, staffApi }) => {
    await page.goto(`${e2eEnv.portalUrl}/appointments/${demo.alice.scheduledJobId}`)
    await expect(page.getByRole('heading', { name: demo.alice.upcomingJobTitle })).toBeVisible()
    await waitForLive(page)
    const timeline = page.getByRole('list', { name: 'Appointment progress' })
    await expect(timeline.locator('[aria-current="step"]')).toContainText('Scheduled')

    await page.getByRole('button', { name: 'Confirm appointment' }).click()
    await expect(timeline.locator('[aria-current="step"]')).toContainText('Confirmed')
    // The optimistic step shows before the server has it: the live update is the server's word.
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Appointment status changed' })).toContainText(
      'is confirmed',
    )
    await page.reload()
    await waitForLive(page)
    await expect(timeline.locator('[aria-current="step"]')).toContainText('Confirmed')

    await staffApi.setJobStatus(demo.alice.scheduledJobId, 'en_route')
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Appointment status changed' })).toContainText('en route')
    await expect(timeline.locator('[aria-current="step"]')).toContainText('Technician en route')
    // Once the technician is on the way, online cancelling is closed.
    await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0)
  })

  test("another customer's job or invoice link shows not found and nothing else", async ({ customerPage: page }) => {
    for (const path of [`/appointments/${demo.bob.jobId}`, `/invoices/${demo.bob.invoiceId}`, '/appointments/not-a-uuid']) {
      await page.goto(`${e2eEnv.portalUrl}${path}`)
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
      await expect(page.getByText(demo.bob.jobTitle)).toHaveCount(0)
      await expect(page.getByText(demo.bob.invoiceNumber)).toHaveCount(0)
    }
  })
})
