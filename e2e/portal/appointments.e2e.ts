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

  test('Alice cancels a visit days away; one inside the notice period cannot be cancelled online', async ({ customerPage: page, staffApi }) => {
    const suffix = Date.now().toString(36)
    const soon = await staffApi.scheduleJob(demo.alice.customerId, `Porch mat ${suffix}`, 0.25)
    const later = await staffApi.scheduleJob(demo.alice.customerId, `Basement carpet ${suffix}`, 5)

    await page.goto(`${e2eEnv.portalUrl}/appointments/${soon.id}`)
    await expect(page.getByRole('heading', { name: soon.title })).toBeVisible()
    await expect(page.getByText('Appointments can be cancelled online up to 24 hours before they start.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0)

    await page.goto(`${e2eEnv.portalUrl}/appointments/${later.id}`)
    await waitForLive(page)
    await page.getByLabel('Reason').fill('Away on holiday that week')
    await page.getByRole('button', { name: 'Cancel appointment' }).click()
    // Cancelling cannot be undone online: the portal asks first.
    await page.getByRole('alertdialog', { name: 'Cancel this appointment?' }).getByRole('button', { name: 'Cancel appointment' }).click()
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'Appointment status changed' })).toContainText('cancelled')
    const timeline = page.getByRole('list', { name: 'Appointment progress' })
    await expect(timeline.locator('[aria-current="step"]')).toContainText('Cancelled')
    await expect(page.getByRole('button', { name: 'Cancel appointment' })).toHaveCount(0)
    const { data } = await staffApi.client.from('jobs').select('status').eq('id', later.id).single()
    expect(data?.status).toBe('cancelled')
  })

  test("another customer's job or invoice link shows not found and nothing else", async ({ customerPage: page }) => {
    for (const path of [`/appointments/${demo.bob.jobId}`, `/invoices/${demo.bob.invoiceId}`, '/appointments/not-a-uuid']) {
      await page.goto(`${e2eEnv.portalUrl}${path}`)
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
      await expect(page.getByText(demo.bob.jobTitle)).toHaveCount(0)
      await expect(page.getByText(demo.bob.invoiceNumber)).toHaveCount(0)
    }
  })

  test('an unknown appointment or invoice id answers 404 with a page that helps the customer on', async ({ customerPage: page }) => {
    const unknown = '00000000-0000-4000-8000-000000000000'
    for (const path of [`/appointments/${unknown}`, `/invoices/${unknown}`, `/invoices/${unknown}/print`, '/invoices/not-a-uuid']) {
      const response = await page.goto(`${e2eEnv.portalUrl}${path}`)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible()
      // Still inside the portal: the navigation and a way back.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'Back to your dashboard' })).toBeVisible()
    }
    await page.getByRole('link', { name: 'Back to your dashboard' }).click()
    await expect(page.getByRole('heading', { level: 1, name: /^Welcome back/ })).toBeVisible()
  })
})
