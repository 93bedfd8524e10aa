import { randomUUID } from 'node:crypto'
import { test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

test.describe('staff are told what customers do', () => {
  test('a cancellation in the portal reaches the office: a toast, the bell, the notification centre, kept after a reload', async ({
    browser,
    customerPage: portal,
    staffApi,
    saveScreenshot,
  }) => {
    test.setTimeout(90_000)
    const title = `Window cleaning ${randomUUID().slice(0, 6)}`
    const job = await staffApi.scheduleJob(demo.alice.customerId, title, 6)

    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl('/customers'))
    await waitForLive(crm)

    await portal.goto(`${e2eEnv.portalUrl}/appointments/${job.id}`)
    // Hydrated and live before the click, so the dialog's handler is there.
    await waitForLive(portal)
    await portal.getByLabel('Reason').fill('Moving house')
    await portal.getByRole('button', { name: 'Cancel appointment' }).click()
    await portal.getByRole('alertdialog', { name: 'Cancel this appointment?' }).getByRole('button', { name: 'Cancel appointment' }).click()

    // Who did what, on which appointment.
    const said = new RegExp(`Alice Johnson cancelled ${title} on `)
    await expect(toast(crm, said)).toBeVisible({ timeout: 10_000 })
    await expect(toast(crm, said)).toContainText('Moving house')
    await expect(crm.getByTestId('bell-count')).toBeVisible()
    const unreadBefore = Number(await crm.getByTestId('bell-count').textContent())

    // The bell keeps it across a reload (it is stored, not only pushed).
    await crm.reload()
    await expect(crm.getByTestId('bell-count')).toHaveText(String(unreadBefore))
    await crm.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click()
    const panel = crm.getByRole('dialog', { name: 'Notifications' })
    await expect(panel.getByRole('link', { name: said })).toBeVisible()
    await saveScreenshot(crm, 'crm-notification-bell')
    await panel.getByRole('link', { name: 'See all notifications' }).click()

    await expect(crm.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible()
    const item = crm.getByTestId('notification').filter({ hasText: said })
    await expect(item).toHaveAttribute('data-unread', 'true')
    await saveScreenshot(crm, 'crm-notification-centre')
    await crm.getByRole('button', { name: 'Mark all read' }).click()
    await expect(crm.getByTestId('unread-count')).toHaveText('All caught up')
    await expect(item).not.toHaveAttribute('data-unread', 'true')
    await expect(crm.getByTestId('bell-count')).toHaveCount(0)
    await crm.reload()
    await expect(crm.getByTestId('bell-count')).toHaveCount(0)
    await expect(crm.getByRole('button', { name: 'Mark all read' })).toBeDisabled()
  })

  test('a technician hears only about their own jobs, at 375 px too', async ({ browser, saveScreenshot }) => {
    const tech = await signInToCrm(browser, demo.staff.tech)
    await tech.setViewportSize({ width: 375, height: 812 })
    await tech.goto(crmUrl('/notifications'))
    await expect(tech.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible()
    // The office-side cancellation of Alice's other job above was not assigned to them.
    await expect(tech.getByTestId('notification').filter({ hasText: 'Window cleaning' })).toHaveCount(0)
    const widths = await tech.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.view)
    await saveScreenshot(tech, 'crm-notifications-375')
  })
})

test.describe('overdue means one thing everywhere', () => {
  test('the CRM count matches the rows it lists, and the portal says Overdue for an invoice past its due date', async ({
    browser,
    customerPage: portal,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl('/invoices?status=overdue'))
    const counted = Number(await crm.getByText(/^Outstanding:/).locator('strong').nth(1).textContent())
    const rows = crm.getByRole('row').filter({ has: crm.getByTestId('invoice-status') })
    await expect(rows).toHaveCount(counted)
    for (const status of await rows.getByTestId('invoice-status').allTextContents()) expect(status).toBe('Overdue')

    // INV-1007 was due yesterday: Alice sees it as overdue, with no note meant for developers.
    await portal.goto(`${e2eEnv.portalUrl}/invoices`)
    const row = portal.getByTestId('invoice-row').filter({ hasText: 'INV-1007' })
    await expect(row).toContainText('Overdue')
    await row.click()
    await expect(portal.getByRole('heading', { name: 'Invoice INV-1007' })).toBeVisible()
    await expect(portal.locator('body')).not.toContainText('mark_overdue')
  })
})

test('both apps serve an icon at /favicon.ico', async ({ request }) => {
  for (const base of [e2eEnv.crmUrl, e2eEnv.portalUrl]) {
    const response = await request.get(`${base}/favicon.ico`)
    expect(response.status(), base).toBe(200)
    expect(response.headers()['content-type'], base).toContain('image/')
  }
})
