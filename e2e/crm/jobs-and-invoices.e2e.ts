import { test } from '../src/fixtures.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

/** "$1,234.56" -> 123456 */
function centsIn(text: string | null): number {
  return Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100)
}

function localInput(daysAhead: number, hour: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`
}

test.describe('jobs and invoices', () => {
  test('scheduling refuses an end before the start, then books, assigns and moves the job', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(`/customers/${demo.bob.customerId}?tab=jobs`))
    await waitForLive(page)
    const title = `Hallway runner ${Date.now().toString(36)}`
    await page.getByRole('button', { name: 'Schedule job' }).click()
    const form = page.getByRole('form', { name: 'Schedule a job' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Start').fill(localInput(3, 11))
    await form.getByLabel('End').fill(localInput(3, 9))
    await form.getByLabel('Price (USD)').fill('-5')
    await form.getByRole('button', { name: 'Schedule job' }).click()
    await expect(form.getByText('End must be after the start')).toBeVisible()
    await expect(form.getByText('Price cannot be negative')).toBeVisible()
    await expect(page.getByRole('article', { name: title })).toHaveCount(0)
    // The refused form keeps what was typed: only the wrong fields are corrected.
    await expect(form.getByLabel('Title')).toHaveValue(title)
    await expect(form.getByLabel('Start')).toHaveValue(localInput(3, 11))

    await form.getByLabel('End').fill(localInput(3, 13))
    await form.getByLabel('Price (USD)').fill('149.50')
    // A double click books one job, not two.
    await form.getByRole('button', { name: 'Schedule job' }).dblclick()
    await expect(toast(page, 'Job scheduled')).toHaveCount(1)
    const job = page.getByRole('article', { name: title })
    await expect(job).toContainText('$149.50')
    await page.reload()
    await waitForLive(page)
    await expect(job).toHaveCount(1)
    await expect(job.getByTestId('job-status')).toHaveText('Scheduled')

    await job.getByLabel(`Assign technician for ${title}`).selectOption({ label: 'Tom Becker (technician)' })
    await expect(job).toContainText('Technician: Tom Becker')
    await job.getByRole('button', { name: 'Mark confirmed' }).click()
    await expect(job.getByTestId('job-status')).toHaveText('Confirmed')
    await job.getByRole('button', { name: 'Cancel job' }).click()
    await job.getByRole('button', { name: 'Cancel job' }).last().click()
    await expect(job.getByText('Give a reason for cancelling')).toBeVisible()
    await expect(job.getByTestId('job-status')).toHaveText('Confirmed')
  })

  test('an invoice from a job: duplicate numbers are refused; send it and record its payment', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=invoices`))
    await waitForLive(page)
    await page.getByRole('button', { name: 'New invoice' }).click()
    const form = page.getByRole('form', { name: 'Create invoice' })
    await form.getByLabel('From job').selectOption({ index: 1 })
    await expect(form.getByLabel('Description 1')).not.toHaveValue('')
    await form.getByLabel('Invoice number').fill(demo.alice.openInvoiceNumber)
    await form.getByRole('button', { name: 'Create invoice' }).click()
    await expect(form.getByText('This invoice number is already used.')).toBeVisible()

    const number = `INV-E${Date.now().toString(36).toUpperCase()}`
    await form.getByLabel('Invoice number').fill(number)
    await form.getByRole('button', { name: 'Add line' }).click()
    await form.getByLabel('Description 2').fill('Spot treatment')
    await form.getByLabel('Unit price').nth(1).fill('12.25')
    // A double click creates the invoice once and does not trip over its own number.
    await form.getByRole('button', { name: 'Create invoice' }).dblclick()
    await expect(toast(page, `Invoice ${number} created`)).toHaveCount(1)
    await expect(page.getByText('This invoice number is already used.')).toHaveCount(0)
    const row = page.getByRole('row').filter({ hasText: number })
    await expect(row).toHaveCount(1)
    await expect(row.getByTestId('invoice-status')).toHaveText('Draft')
    await row.getByRole('button', { name: `Send invoice ${number}` }).click()
    await expect(row.getByTestId('invoice-status')).toHaveText('Sent')
    // Paid is not a button: the payment is recorded (the balance by default) and paid follows.
    await row.getByRole('button', { name: `Record payment for invoice ${number}` }).click()
    await page.getByRole('form', { name: `Record payment for ${number}` }).getByRole('button', { name: 'Record payment' }).click()
    await expect(toast(page, `Payment recorded; invoice ${number} is paid`)).toBeVisible()
    await expect(row.getByTestId('invoice-status')).toHaveText('Paid')
    await expect(row.getByRole('button', { name: `Void invoice ${number}` })).toHaveCount(0)

    // Left empty, the number is the organization's next free one, given by the database.
    await page.getByRole('button', { name: 'New invoice' }).click()
    await expect(form.getByLabel('Invoice number')).toHaveValue('')
    await form.getByLabel('From job').selectOption({ index: 1 })
    await form.getByRole('button', { name: 'Create invoice' }).click()
    const created = toast(page, /^Invoice INV-\d+ created$/)
    await expect(created).toHaveCount(1)
    const automatic = /INV-\d+/.exec((await created.textContent()) ?? '')?.[0] ?? ''
    await expect(page.getByRole('row').filter({ hasText: automatic })).toHaveCount(1)
  })

  test('the overdue view lists only past-due invoices; voiding a sent one takes it off what is owed', async ({ browser, staffApi }) => {
    const fresh = await staffApi.sendInvoice(demo.bob.customerId, 3_300)
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl('/invoices?status=overdue'))
    await waitForLive(page)
    const row = (n: string) => page.getByRole('row').filter({ hasText: n })
    await expect(row('INV-1003')).toHaveCount(1) // flagged overdue
    await expect(row('INV-1007')).toHaveCount(1) // sent and past its due date
    await expect(row('INV-1004')).toHaveCount(0) // sent, due next week
    await expect(row(fresh.number)).toHaveCount(0)
    await expect(row('INV-1001')).toHaveCount(0) // paid

    await page.goto(crmUrl('/invoices?status=sent'))
    const outstanding = page.getByText(/^Outstanding:/)
    const before = centsIn(await outstanding.locator('strong').first().textContent())
    await row(fresh.number).getByRole('button', { name: `Void invoice ${fresh.number}` }).click()
    // Voiding cannot be undone: it is confirmed in a dialog, whose Cancel has focus first.
    const confirm = page.getByRole('alertdialog', { name: `Void invoice ${fresh.number}?` })
    await expect(confirm.getByRole('button', { name: 'Keep invoice' })).toBeFocused()
    await confirm.getByRole('button', { name: 'Void invoice' }).click()
    await expect(toast(page, 'Invoice voided')).toBeVisible()
    await expect(row(fresh.number)).toHaveCount(0)
    await expect(outstanding.locator('strong').first()).toHaveText(`$${((before - 3_300) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`)
    await page.goto(crmUrl('/invoices?status=void'))
    await expect(row(fresh.number).getByTestId('invoice-status')).toHaveText('Void')
    await expect(row(fresh.number).getByRole('button')).toHaveCount(0)
  })

  test('a technician can look but not edit records, invoice or invite', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.tech)
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}`))
    // Scoped to the tab: while the page streams, a second copy may sit in a hidden template.
    await expect(page.getByRole('tabpanel', { name: 'Profile' }).getByText('Your role can view but not edit customer records.')).toBeVisible()
    await expect(page.getByLabel('First name', { exact: true })).toBeDisabled()
    await expect(page.getByRole('button', { name: 'Invite to portal' })).toHaveCount(0)
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}?tab=invoices`))
    await expect(page.getByRole('button', { name: 'New invoice' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: /^Send invoice/ })).toHaveCount(0)
  })
})

test("the owner changes a colleague's role; their own role is locked", async ({ browser }) => {
  const page = await signInToCrm(browser, demo.staff.owner)
  await page.goto(crmUrl('/staff'))
  await waitForLive(page)
  await expect(page.getByLabel('Role for Olivia Owens')).toBeDisabled()
  const role = page.getByLabel('Role for Marco Reyes')
  await role.selectOption('office')
  await expect(toast(page, 'Marco Reyes updated')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Role for Marco Reyes')).toHaveValue('office')
  await page.getByLabel('Role for Marco Reyes').selectOption('technician')
  await expect(page.getByLabel('Role for Marco Reyes')).toHaveValue('technician')
})
