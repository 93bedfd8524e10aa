import { waitForLive as portalWaitForLive, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast } from './crm-fixtures.ts'

// A 1×1 PNG and a tiny PDF: real files the buckets accept.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const aliceQuoteId = '65000000-0000-4000-8000-000000000001'

test.describe('files: job photos and documents', () => {
  test("a technician's photo on a job appears live on the customer's appointment page, with a toast", async ({
    customerPage: portal,
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const title = `Hallway runner ${Date.now().toString(36)}`
    // The technician's own job: technicians only see the jobs assigned to them.
    const { id: jobId } = await staffApi.scheduleJob(demo.alice.customerId, title, 3, demo.staff.techId)
    await portal.goto(`${e2eEnv.portalUrl}/appointments/${jobId}`)
    await portalWaitForLive(portal)
    await expect(portal.getByTestId('gallery-photo')).toHaveCount(0)

    const crm = await signInToCrm(browser, demo.staff.tech)
    await crm.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=jobs`))
    const card = crm.getByRole('article', { name: title }).locator('..')
    await card.getByRole('button', { name: 'Photos' }).click()
    const files = card.getByTestId('record-files')
    await expect(files.getByText('No files yet.')).toBeVisible()

    // A text file is refused before anything is sent.
    await files
      .getByLabel('Add photos')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') })
    await expect(files.getByRole('alert')).toContainText('Only photos can be added here')
    await files.getByRole('button', { name: 'Dismiss' }).click()

    await files.getByLabel('New photos are').selectOption('after')
    await files
      .getByLabel('Add photos')
      .setInputFiles({ name: 'runner after.png', mimeType: 'image/png', buffer: png })
    await expect(files.getByRole('img', { name: 'After photo: runner after.png' })).toBeVisible()
    await saveScreenshot(crm, 'crm-job-photos')

    // The customer's open page shows it without a reload, and says so.
    await expect(toast(portal, 'New photo')).toContainText(
      'An after photo was added to your appointment',
    )
    const gallery = portal.getByTestId('record-files')
    await expect(
      gallery
        .getByRole('region', { name: 'After' })
        .getByRole('img', { name: 'After photo: runner after.png' }),
    ).toBeVisible()
    const src = await gallery.getByRole('img').first().getAttribute('src')
    expect((await portal.request.get(String(src))).status()).toBe(200)
    await saveScreenshot(portal, 'portal-appointment-photos')

    // The technician removes it again (their own photo); the portal follows.
    await files.getByRole('button', { name: 'Remove runner after.png' }).click()
    await crm.getByRole('alertdialog').getByRole('button', { name: 'Remove file' }).click()
    await expect(files.getByText('No files yet.')).toBeVisible()
    await expect(portal.getByTestId('gallery-photo')).toHaveCount(0)

    // Alice adds a photo of her own for the technician; staff find it on the job.
    await portal
      .getByLabel('Add photos for your technician')
      .setInputFiles({ name: 'stain.png', mimeType: 'image/png', buffer: png })
    await expect(
      gallery
        .getByRole('region', { name: 'Your photos' })
        .getByRole('img', { name: 'Your photo: stain.png' }),
    ).toBeVisible()
    await card.getByRole('button', { name: 'Hide photos' }).click()
    await card.getByRole('button', { name: 'Photos' }).click()
    await expect(
      files.getByRole('img', { name: 'From the customer photo: stain.png' }),
    ).toBeVisible()
  })

  test("office staff attach a document to a quote; the customer reads it on the quote and staff find it in the customer's files", async ({
    customerPage: portal,
    staffApi,
    browser,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    // The job's details on the calendar offer its photos too.
    const { data: job } = await staffApi.client
      .from('jobs')
      .select('id, title, scheduled_start')
      .eq('id', demo.alice.scheduledJobId)
      .single()
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(
      new Date(String(job?.scheduled_start)),
    )
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await crm
      .locator(`[data-testid="calendar"] [data-job-id="${demo.alice.scheduledJobId}"]`)
      .getByRole('button')
      .first()
      .click()
    const details = crm.getByRole('dialog', { name: String(job?.title) })
    await expect(details.getByRole('region', { name: 'Photos' })).toContainText('No files yet.')
    await expect(details.getByLabel('Add photos')).toBeAttached()
    await crm.keyboard.press('Escape')

    await crm.goto(crmUrl(`/quotes/${aliceQuoteId}`))
    const files = crm.getByTestId('record-files')
    const name = `Care guide ${Date.now().toString(36)}.pdf`
    await files
      .getByLabel('Add documents')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf })
    await expect(files.getByRole('link', { name })).toBeVisible()

    await portal.goto(`${e2eEnv.portalUrl}/quotes/${aliceQuoteId}`)
    const link = portal.getByTestId('record-files').getByRole('link', { name })
    await expect(link).toBeVisible()
    const download = await portal.request.get(String(await link.getAttribute('href')))
    expect(download.status()).toBe(200)
    expect((await download.body()).toString()).toContain('%PDF-1.4')

    await crm.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=files`))
    await expect(crm.getByRole('tabpanel').getByRole('link', { name })).toBeVisible()
  })
})
