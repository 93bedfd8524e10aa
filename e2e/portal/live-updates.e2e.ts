import type { Locator, TestInfo } from '@playwright/test'
import { signInToCrm } from '../crm/crm-fixtures.ts'
import { demo, expect, openedContexts, signInToPortal, test, toast, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

/** "$1,234.56" -> 123456 */
function centsIn(text: string | null): number {
  return Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100)
}


/**
 * Writes as staff, then waits for the toast and for the page's own data to change. How long that
 * took after the write returned is reported (not asserted: timing belongs in bench/).
 * `waitFor` watches the DOM continuously, so the numbers are not rounded to expect's poll steps.
 */
async function timed(testInfo: TestInfo, label: string, write: () => Promise<unknown>, toastShown: Locator, pageUpdated: Locator) {
  await write()
  const written = Date.now()
  await toastShown.waitFor({ state: 'visible', timeout: 5_000 })
  const toastMs = Date.now() - written
  await pageUpdated.waitFor({ state: 'visible', timeout: 5_000 })
  const pageMs = Date.now() - written
  testInfo.annotations.push({ type: 'live-latency-ms', description: `${label}: toast ${toastMs}, page ${pageMs}` })
  process.stdout.write(`live latency after the write, ${label}: toast ${toastMs} ms, page data ${pageMs} ms\n`)
}

test.describe('live updates on the open dashboard', () => {
  test('staff changes to jobs, invoices, messages and points show up with the right toast', async ({ customerPage: page, staffApi, saveScreenshot }, testInfo) => {
    const suffix = Date.now().toString(36)
    await waitForLive(page)

    // Jobs: a new appointment appears in the upcoming list.
    const title = `Stair carpet cleaning ${suffix}`
    await timed(
      testInfo,
      'job insert',
      () => staffApi.scheduleJob(demo.alice.customerId, title, 1),
      toast(page, 'New appointment').filter({ hasText: title }),
      page.getByTestId('job-row').filter({ hasText: title }),
    )

    // Invoices: a sent invoice raises the amount due.
    const dueBefore = centsIn(await page.getByTestId('amount-due').textContent())
    const dueAfter = `$${((dueBefore + 4_200) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`
    await timed(
      testInfo,
      'invoice sent',
      () => staffApi.sendInvoice(demo.alice.customerId, 4_200),
      toast(page, 'New invoice').filter({ hasText: '$42.00' }),
      page.getByTestId('amount-due').filter({ hasText: dueAfter }),
    )

    // Messages: the unread count and the navigation badge go up.
    const unreadBefore = Number(await page.getByTestId('unread-count').textContent())
    const body = `Your technician will call ahead ${suffix}`
    await timed(
      testInfo,
      'message insert',
      () => staffApi.sendMessage(demo.alice.customerId, body),
      toast(page, 'New message').filter({ hasText: body }),
      page.getByTestId('unread-count').filter({ hasText: new RegExp(`^${unreadBefore + 1}$`) }),
    )
    await expect(page.getByTestId('unread-badge')).toContainText(String(unreadBefore + 1))

    // Points: the balance changes in place.
    const pointsBefore = Number((await page.getByTestId('points-balance').textContent())?.replace(/[^0-9]/g, ''))
    await timed(
      testInfo,
      'points awarded',
      () => staffApi.awardPoints(demo.alice.customerId, 40, `Referral bonus ${suffix}`),
      toast(page, 'You earned 40 points'),
      page.getByTestId('points-balance').filter({ hasText: `${(pointsBefore + 40).toLocaleString('en-US')} points` }),
    )
    await saveScreenshot(page, 'portal-dashboard-live')
  })

  test("another customer's changes never reach Alice", async ({ customerPage: page, staffApi }) => {
    const suffix = Date.now().toString(36)
    const bobsJob = `Bob only job ${suffix}`
    const bobsMessage = `Bob only message ${suffix}`
    await waitForLive(page)
    await staffApi.scheduleJob(demo.bob.customerId, bobsJob, 2)
    await staffApi.sendMessage(demo.bob.customerId, bobsMessage)
    await staffApi.awardPoints(demo.bob.customerId, 7, `Bob only points ${suffix}`)
    // A later change for Alice proves the channel delivered everything before it.
    const marker = `Alice marker ${suffix}`
    await staffApi.sendMessage(demo.alice.customerId, marker)
    await expect(toast(page, 'New message')).toContainText(marker)
    await expect(page.getByText(bobsJob)).toHaveCount(0)
    await expect(page.getByText(bobsMessage)).toHaveCount(0)
    await expect(page.getByText('You earned 7 points')).toHaveCount(0)
  })

  test('message notifications turned off on the profile stay quiet; the other areas still pop up', async ({ customerPage: page, staffApi }) => {
    const suffix = Date.now().toString(36)
    await page.goto(`${e2eEnv.portalUrl}/profile`)
    await waitForLive(page)
    // The pop-up switch, not the e-mail and text switches of the same area below it.
    const messages = page
      .getByRole('group', { name: /pop-up notification/ })
      .getByRole('checkbox', { name: /^Messages/ })
    await expect(messages).toBeChecked()
    // Waits for the Server Action's answer, which carries the re-rendered layout with the new setting.
    const saved = () => page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/profile')
    try {
      await Promise.all([saved(), messages.uncheck()])
      await expect(messages).not.toBeChecked()

      const quiet = `Quiet message ${suffix}`
      await staffApi.sendMessage(demo.alice.customerId, quiet)
      await staffApi.awardPoints(demo.alice.customerId, 5, `After the quiet message ${suffix}`)
      // The points change comes after the message on the same channel: once its toast shows, the
      // message has been handled too, without a toast, but it did arrive (the badge counts it).
      await expect(toast(page, 'You earned 5 points')).toBeVisible()
      await expect(toast(page, 'New message')).toHaveCount(0)
      await expect(page.getByTestId('unread-badge')).toBeVisible()

      // The setting is stored, not just shown.
      await page.reload()
      await expect(messages).not.toBeChecked()
    } finally {
      if (!(await messages.isChecked())) await Promise.all([saved(), messages.check()])
    }
    // A fresh render with the stored setting, so the toast rule in use is the saved one (the
    // action's re-rendered layout can land a moment after its response).
    await page.reload()
    await expect(messages).toBeChecked()
    await waitForLive(page)
    const loud = `Loud message ${suffix}`
    await staffApi.sendMessage(demo.alice.customerId, loud)
    await expect(toast(page, 'New message').filter({ hasText: loud })).toBeVisible()
  })
})

test('the dashboard shows the team online while a staff member is signed in to the CRM, and offline once they leave', async ({
  customerPage: page,
  browser,
}) => {
  await waitForLive(page)
  const team = page.getByTestId('team-online')
  await expect(team).toHaveText('No one from the team is online right now', { timeout: 10_000 })

  // The office manager opens the CRM: their tab tracks presence in the organization room.
  const crm = await signInToCrm(browser, demo.staff.office)
  await expect(team).toHaveText('1 person from the team is online', { timeout: 10_000 })

  // Closing the staff session drops its socket, and with it the presence.
  const context = crm.context()
  openedContexts.delete(context)
  await context.close()
  await expect(team).toHaveText('No one from the team is online right now', { timeout: 10_000 })
})

test('when live updates cannot connect, the header says so after a while and Retry brings them back', async ({
  page,
  saveScreenshot,
}) => {
  let blocked = true
  await page.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
    if (blocked) ws.close()
    else ws.connectToServer()
  })
  await signInToPortal(page, demo.alice.email)
  await expect(page.getByRole('heading', { name: `Welcome back, ${demo.alice.firstName}` })).toBeVisible({ timeout: 15_000 })
  const banner = page.getByRole('banner')
  // Not "Connecting…" forever: after 15 s the page says it is not live, and that it still works.
  await expect(banner.getByRole('button', { name: 'Retry' })).toBeVisible({ timeout: 30_000 })
  await expect(banner.getByRole('status')).toContainText('This page still works')
  await saveScreenshot(page, 'portal-offline-retry')

  blocked = false
  await banner.getByRole('button', { name: 'Retry' }).click()
  await waitForLive(page)
  await expect(banner.getByRole('button', { name: 'Retry' })).toHaveCount(0)
})
