import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

function localInput(daysAhead: number, hour: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`
}

test.describe('CRM and portal, live both ways', () => {
  test('a job booked in the CRM reaches the portal with a toast; the customer confirms it and the CRM sees it live', async ({
    customerPage: portal,
    browser,
    saveScreenshot,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=jobs`))
    await waitForLive(crm)
    await expect(portal.getByText('Live', { exact: true })).toBeVisible()

    const title = `Entryway rug ${Date.now().toString(36)}`
    await crm.getByRole('button', { name: 'Schedule job' }).click()
    const form = crm.getByRole('form', { name: 'Schedule a job' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Start').fill(localInput(4, 9))
    await form.getByLabel('End').fill(localInput(4, 11))
    await form.getByLabel('Price (USD)').fill('89')
    await form.getByRole('button', { name: 'Schedule job' }).click()
    const job = crm.getByRole('article', { name: title })
    await expect(job).toBeVisible()
    await expect(toast(portal, 'New appointment')).toContainText(title)
    await saveScreenshot(portal, 'portal-sees-crm-job')

    const jobId = await job.getAttribute('data-job-id')
    await portal.goto(`${e2eEnv.portalUrl}/appointments/${jobId}`)
    await portal.getByRole('button', { name: 'Confirm appointment' }).click()
    await expect(job.getByTestId('job-status')).toHaveText('Confirmed', { timeout: 2_000 })
    await expect(crm.getByTestId('bell-count')).toBeVisible()
    await saveScreenshot(crm, 'crm-sees-portal-confirmation')
  })

  test("the customer's message shows up in the CRM thread live, and the staff reply reaches the portal", async ({
    customerPage: portal,
    browser,
    saveScreenshot,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/messages/${demo.alice.customerId}`))
    await waitForLive(crm)

    await portal.goto(`${e2eEnv.portalUrl}/messages`)
    const question = `Can you also do the stairs? ${Date.now().toString(36)}`
    await portal.getByLabel('Message', { exact: true }).fill(question)
    await portal.getByRole('button', { name: 'Send' }).click()
    await expect(crm.locator('[data-message-id]').filter({ hasText: question })).toBeVisible({ timeout: 2_000 })

    const reply = `Yes, we will add the stairs ${Date.now().toString(36)}`
    await crm.getByLabel('Message to Alice').fill(reply)
    await crm.getByRole('button', { name: 'Send' }).click()
    await expect(portal.getByTestId('message').filter({ hasText: reply })).toBeVisible({ timeout: 2_000 })
    // The portal has the thread open, so it marks the reply read: the CRM shows the receipt.
    await expect(crm.locator('[data-message-id]').filter({ hasText: reply })).toContainText('Read', { timeout: 5_000 })
    await saveScreenshot(crm, 'crm-thread-live')
  })
})
