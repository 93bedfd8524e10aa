import { createClient } from '@supabase/supabase-js'
import { caughtMail, mailsTo } from '../src/catcher.ts'
import { e2eEnv } from '../src/env.ts'
import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, toast } from './crm-fixtures.ts'

test.describe('the business writes its own notification e-mails', () => {
  test('an owner edits the booking e-mail, sees the preview follow, and the customer gets those words', async ({
    browser,
    staffApi,
    saveScreenshot,
    checkA11y,
  }) => {
    test.setTimeout(120_000)
    const page = await signInToCrm(browser, demo.staff.owner)
    const consoleErrors: string[] = []
    page.on('console', (m) => {
      // Playwright's own queries into the sandboxed preview frame are refused there, as they should be.
      if (
        m.type() === 'error' &&
        !m.text().startsWith("Blocked script execution in 'about:srcdoc'")
      )
        consoleErrors.push(m.text())
    })
    await page.goto(crmUrl('/settings/notifications'))
    await expect(page.getByRole('heading', { name: 'Your words' })).toBeVisible()
    await page
      .getByLabel('Notification', { exact: true })
      .selectOption({ label: 'Appointment booked' })

    // The default words first, rendered by the worker's code for the sample visit.
    const subject = page.getByTestId('preview-subject')
    await expect(subject).toHaveText(/^Booked: Carpet cleaning on /)
    const preview = page.frameLocator('iframe[title="E-mail preview"]')
    await expect(preview.getByText('Hi Alice,')).toBeVisible()

    // A variable the event does not have is named in the error.
    const subjectField = page.getByLabel('Subject')
    await subjectField.fill('Hello {{customer.nickname}}')
    await expect(
      page.getByText('Unknown variable {{customer.nickname}}', { exact: false }).first(),
    ).toBeVisible()

    const tag = Date.now().toString(36)
    await subjectField.fill(`Yay ${tag}: {{job.title}} for {{customer.first_name}}`)
    await page
      .getByLabel('Message', { exact: true })
      .fill('See you {{job.start}}.\nCall {{business.phone}} with questions.')
    await expect(subject).toHaveText(`Yay ${tag}: Carpet cleaning for Alice`)
    await expect(
      preview.getByText(/^See you \w{3}, \w{3} \d{1,2}, \d{1,2}:\d\d [AP]M\.$/),
    ).toBeVisible()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(toast(page, 'Saved your words for “Appointment booked”')).toBeVisible()
    await saveScreenshot(page, 'crm-notification-templates')
    await page.setViewportSize({ width: 375, height: 800 })
    await saveScreenshot(page, 'crm-notification-templates-375')
    await page.setViewportSize({ width: 1280, height: 800 })
    // The text message's editor; axe runs there, as it cannot enter the e-mail's sandboxed frame.
    await page.getByRole('button', { name: 'Text message' }).click()
    await expect(page.getByTestId('sms-preview')).toHaveText(
      /^Dirt Free Carpet Cleaning: Carpet cleaning is booked for /,
    )
    await expect(toast(page, 'Saved your words')).toHaveCount(0, { timeout: 15_000 })
    await checkA11y(page)

    // The event: a visit booked for Alice; the worker sends the business's words.
    const title = `Deep clean ${tag}`
    await staffApi.scheduleJob(demo.alice.customerId, title)
    let mailId = ''
    await expect
      .poll(
        async () => {
          const mail = (await mailsTo(demo.alice.email)).find((m) =>
            m.Subject.startsWith(`Yay ${tag}:`),
          )
          mailId = mail?.ID ?? ''
          return mail?.Subject
        },
        { timeout: 30_000 },
      )
      .toBe(`Yay ${tag}: ${title} for Alice`)
    const mail = await caughtMail(mailId)
    expect(mail.Text).toMatch(/See you \w{3}, \w{3} \d{1,2}, \d{1,2}:\d\d [AP]M\./)

    // Reset to default: the preview shows the built-in subject again.
    await page.reload()
    await page
      .getByLabel('Notification', { exact: true })
      .selectOption({ label: 'Appointment booked (your words)' })
    await page.getByRole('button', { name: 'Reset to default' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Reset to default' }).click()
    await expect(toast(page, '“Appointment booked” is back to the default words')).toBeVisible()
    await expect(subject).toHaveText(/^Booked: Carpet cleaning on /)
    expect(consoleErrors).toEqual([])
  })

  test('the delivery log lists deliveries and puts a failed one back in the queue', async ({
    browser,
    saveScreenshot,
  }) => {
    const page = await signInToCrm(browser, demo.staff.owner)
    // One of the seed's e-mails to Bob, as if his mailbox had refused it for good.
    const service = createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, {
      auth: { persistSession: false },
    })
    let sentId = ''
    await expect
      .poll(
        async () => {
          const { data } = await service
            .from('notification_outbox')
            .select('id')
            .eq('customer_id', demo.bob.customerId)
            .eq('channel', 'email')
            .eq('status', 'sent')
            .limit(1)
          sentId = data?.[0]?.id ?? ''
          return sentId
        },
        { timeout: 20_000 },
      )
      .not.toBe('')
    const { data: row, error } = await service
      .from('notification_outbox')
      .update({ status: 'dead', sent_at: null, last_error: '550 Mailbox unavailable' })
      .eq('id', sentId)
      .select('id')
      .single()
    expect(error).toBeNull()
    await page.goto(crmUrl('/settings/notifications/deliveries?status=dead'))
    await expect(page.getByRole('heading', { name: 'Delivery log' })).toBeVisible()
    const line = page.locator(`[data-delivery-id="${row?.id}"]`)
    await expect(line.getByText('550 Mailbox unavailable')).toBeVisible()
    await expect(line.getByText('Failed', { exact: true })).toBeVisible()
    await saveScreenshot(page, 'crm-delivery-log')
    await line.getByRole('button', { name: 'Retry' }).click()
    await expect(toast(page, 'Queued to be sent again')).toBeVisible()
    // The worker sends it again.
    await expect
      .poll(
        async () =>
          (
            await service
              .from('notification_outbox')
              .select('status')
              .eq('id', row?.id ?? '')
              .single()
          ).data?.status,
        {
          timeout: 20_000,
        },
      )
      .toBe('sent')
    await page.goto(crmUrl('/settings/notifications/deliveries?status=sent'))
    await expect(
      page.locator(`[data-delivery-id="${row?.id}"]`).getByText('Sent', { exact: true }),
    ).toBeVisible()
  })

  test('a staff member switches on a daily digest of unread notifications', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl('/notifications'))
    await page.getByLabel('E-mail me my unread notifications').selectOption('daily')
    await page.getByLabel('At', { exact: true }).selectOption({ label: '6:00 PM' })
    await page.getByRole('button', { name: 'Save digest setting' }).click()
    await expect(toast(page, 'Digest setting saved')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('E-mail me my unread notifications')).toHaveValue('daily')
    await expect(page.getByLabel('At', { exact: true })).toHaveValue('18')
  })

  test('an accent colour too light for the e-mail button is refused with a reason, a dark one is saved', async ({
    browser,
    saveScreenshot,
  }) => {
    const page = await signInToCrm(browser, demo.staff.owner)
    await page.goto(crmUrl('/settings/notifications'))
    const colour = page.getByLabel('Accent colour', { exact: true })
    const before = await colour.inputValue()
    await colour.fill('#fde047')
    await page.getByRole('button', { name: 'Save colour' }).click()
    await expect(
      page.getByText(
        'Too light: white button text on it would be hard to read. Pick a darker colour',
      ),
    ).toBeVisible()
    await expect(colour).toHaveValue('#fde047')
    await colour.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'crm-accent-too-light')
    await page.setViewportSize({ width: 375, height: 800 })
    await colour.scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'crm-accent-too-light-375')
    await page.reload()
    await expect(page.getByLabel('Accent colour', { exact: true })).toHaveValue(before)

    await page.getByLabel('Accent colour', { exact: true }).fill('#0F766E')
    await page.getByRole('button', { name: 'Save colour' }).click()
    await expect(toast(page, 'E-mail colour saved')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Accent colour', { exact: true })).toHaveValue('#0f766e')
    // Back to what the other stories expect.
    await page.getByLabel('Accent colour', { exact: true }).fill(before)
    await page.getByRole('button', { name: 'Save colour' }).click()
    await expect(toast(page, 'E-mail colour saved').first()).toBeVisible()
  })
})
