import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

const customerPath = `/customers/${demo.alice.customerId}`

test.describe('live master-detail sync between staff', () => {
  test("one staff member's edit shows in another's list and detail within a second", async ({ browser, saveScreenshot }, testInfo) => {
    const editor = await signInToCrm(browser, demo.staff.office)
    const listWatcher = await signInToCrm(browser, demo.staff.owner)
    const detailWatcher = await signInToCrm(browser, demo.staff.owner)
    await listWatcher.goto(crmUrl('/customers'))
    await detailWatcher.goto(crmUrl(customerPath))
    await editor.goto(crmUrl(customerPath))
    await Promise.all([waitForLive(listWatcher), waitForLive(detailWatcher), waitForLive(editor)])

    // Presence: each sees the other on the record; the list page is not "on" the record.
    await expect(editor.getByTestId('also-viewing')).toContainText('Olivia Owens')
    await expect(detailWatcher.getByTestId('also-viewing')).toContainText('Oscar Diaz')
    // The owner's own session on the same record is not listed as someone else.
    await expect(detailWatcher.getByTestId('also-viewing')).not.toContainText('Olivia Owens')

    const city = `Lakeway ${Date.now().toString(36)}`
    await editor.getByLabel('City', { exact: true }).fill(city)
    await editor.getByRole('button', { name: 'Save changes' }).click()
    // Optimistic: the editor's summary shows the new value straight away.
    await expect(editor.getByTestId('customer-summary')).toContainText(city)
    await expect(toast(editor, 'Customer saved')).toBeVisible()
    // The save has committed: from here the other sessions get one second.
    const started = Date.now()

    await expect(listWatcher.getByRole('row').filter({ hasText: 'Johnson, Alice' })).toContainText(city, { timeout: 1_000 })
    await expect(detailWatcher.getByLabel('City', { exact: true })).toHaveValue(city, { timeout: 1_000 })
    testInfo.annotations.push({ type: 'live-latency-ms', description: `customer edit: ${Date.now() - started}` })
    await saveScreenshot(listWatcher, 'crm-live-list-after-edit')
    await saveScreenshot(detailWatcher, 'crm-live-detail-after-edit')
  })

  test('a stale save is refused with a warning instead of overwriting', async ({ browser }) => {
    const first = await signInToCrm(browser, demo.staff.office)
    const second = await signInToCrm(browser, demo.staff.owner)
    await first.goto(crmUrl(customerPath))
    await second.goto(crmUrl(customerPath))
    await Promise.all([waitForLive(first), waitForLive(second)])

    // The second editor starts typing (dirty), then the first saves.
    await second.getByLabel('Phone', { exact: true }).fill('(512) 555-0999')
    const firstPhone = `(512) 555-${String(Date.now() % 10_000).padStart(4, '0')}`
    await first.getByLabel('Phone', { exact: true }).fill(firstPhone)
    await first.getByRole('button', { name: 'Save changes' }).click()
    await expect(toast(first, 'Customer saved')).toBeVisible()

    // The second editor is warned (live, or at the latest when saving) and nothing is overwritten.
    await expect(second.getByTestId('stale-warning')).toContainText(firstPhone, { timeout: 2_000 })
    await second.reload()
    await expect(second.getByLabel('Phone', { exact: true })).toHaveValue(firstPhone)
  })

  test('bad input gets a field message, is rolled back and changes nothing', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(customerPath))
    await waitForLive(page)
    const name = await page.getByTestId('summary-name').textContent()
    await page.getByLabel('First name', { exact: true }).fill('')
    await page.getByLabel('Email', { exact: true }).fill('not-an-email')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText('First name is required')).toBeVisible()
    await expect(page.getByText('Enter a valid email address')).toBeVisible()
    await expect(toast(page, 'Not saved')).toBeVisible()
    // The optimistic summary rolls back to the saved record.
    await expect(page.getByTestId('summary-name')).toHaveText(name ?? '')
    await page.reload()
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(demo.alice.email)
  })
})
