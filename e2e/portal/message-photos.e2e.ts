import type { Page } from '@playwright/test'
import { demo, expect, test, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, waitForLive as crmWaitForLive, signInToCrm } from '../crm/crm-fixtures.ts'

// A 1×1 PNG: a real photo the customer-uploads bucket accepts.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }))
  expect(widths.scroll).toBeLessThanOrEqual(widths.view)
}

test.describe('photos in messages', () => {
  test('Alice sends a photo with a message; staff see it in the conversation live, and so does she', async ({
    customerPage: portal,
    browser,
    saveScreenshot,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/messages/${demo.alice.customerId}`))
    await crmWaitForLive(crm)

    await portal.goto(`${e2eEnv.portalUrl}/messages`)
    await waitForLive(portal)
    // Only photos go with a message (the folder also takes PDFs).
    await portal.locator('#message-photo').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') })
    await expect(portal.getByText('Only photos can be added here')).toBeVisible()

    const body = `The stain by the window ${Date.now().toString(36)}`
    await portal.getByLabel('Message', { exact: true }).fill(body)
    await portal.locator('#message-photo').setInputFiles({ name: 'window stain.png', mimeType: 'image/png', buffer: png })
    await expect(portal.getByTestId('message-photo-picked')).toContainText('window stain.png')
    await portal.getByRole('button', { name: 'Send' }).click()

    const mine = portal.getByTestId('message').filter({ hasText: body })
    const myPhoto = mine.getByRole('img', { name: 'Your photo: window stain.png' })
    await expect(myPhoto).toBeVisible()
    expect((await portal.request.get(String(await myPhoto.getAttribute('src')))).status()).toBe(200)
    await expect(portal.getByTestId('message-photo-picked')).toHaveCount(0)

    // The office's open conversation shows it without a reload.
    const theirs = crm.locator('[data-message-id]').filter({ hasText: body })
    const staffSees = theirs.getByRole('img', { name: 'Photo from Alice: window stain.png' })
    await expect(staffSees).toBeVisible()
    expect((await crm.request.get(String(await staffSees.getAttribute('src')))).status()).toBe(200)

    // A photo alone is a message too.
    await portal.locator('#message-photo').setInputFiles({ name: 'rug corner.png', mimeType: 'image/png', buffer: png })
    await portal.getByRole('button', { name: 'Send' }).click()
    await expect(portal.getByRole('img', { name: 'Your photo: rug corner.png' })).toBeVisible()
    await expect(crm.getByRole('img', { name: 'Photo from Alice: rug corner.png' })).toBeVisible()

    for (const width of [1280, 375]) {
      await portal.setViewportSize({ width, height: 900 })
      await portal.reload()
      await expect(portal.getByRole('img', { name: 'Your photo: window stain.png' })).toBeVisible()
      await expectNoSidewaysScroll(portal)
      await saveScreenshot(portal, `portal-message-photos-${width}`)
      await crm.setViewportSize({ width, height: 900 })
      await crm.reload()
      await expect(crm.getByRole('img', { name: 'Photo from Alice: window stain.png' })).toBeVisible()
      await expectNoSidewaysScroll(crm)
      await saveScreenshot(crm, `crm-message-photos-${width}`)
    }
  })
})
