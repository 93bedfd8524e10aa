import { waitForLive as portalWaitForLive, test } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

/** yyyy-mm-dd of an instant in the business's calendar (the board's day columns). */
function orgDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso))
}

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
    await portalWaitForLive(portal)
    const question = `Can you also do the stairs? ${Date.now().toString(36)}`
    // Typing shows in the CRM thread while Alice writes, and stops once her message is in.
    await portal.getByLabel('Message', { exact: true }).fill(question)
    await expect(crm.getByTestId('typing-indicator')).toHaveText('Alice is typing…', { timeout: 2_000 })
    await portal.getByRole('button', { name: 'Send' }).click()
    await expect(crm.locator('[data-message-id]').filter({ hasText: question })).toBeVisible({ timeout: 2_000 })
    await expect(crm.getByTestId('typing-indicator')).toHaveText('')

    const reply = `Yes, we will add the stairs ${Date.now().toString(36)}`
    await crm.getByLabel('Message to Alice').fill(reply)
    await expect(portal.getByTestId('typing-indicator')).toContainText('is typing…', { timeout: 2_000 })
    // A double click sends the reply once.
    await crm.getByRole('button', { name: 'Send' }).dblclick()
    await expect(portal.getByTestId('message').filter({ hasText: reply })).toBeVisible({ timeout: 2_000 })
    // The portal has the thread open, so it marks the reply read: the CRM shows the receipt.
    await expect(crm.locator('[data-message-id]').filter({ hasText: reply })).toContainText('Read', { timeout: 5_000 })
    await saveScreenshot(crm, 'crm-thread-live')
    await crm.reload()
    await expect(crm.locator('[data-message-id]').filter({ hasText: reply })).toHaveCount(1)
  })

  test('a reschedule request from the portal rings the bell and lands on the board; staff move the job and the customer is told', async ({
    customerPage: portal,
    staffApi,
    browser,
    saveScreenshot,
  }) => {
    const suffix = Date.now().toString(36)
    const title = `Closet carpet ${suffix}`
    const { id: jobId } = await staffApi.scheduleJob(demo.alice.customerId, title, 2)
    const { data: scheduled } = await staffApi.client.from('jobs').select('scheduled_start').eq('id', jobId).single()
    const day = orgDay(String(scheduled?.scheduled_start))

    // The day board for that day has the job; the day before does not.
    const crm = await signInToCrm(browser, demo.staff.office)
    const before = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
    await crm.goto(crmUrl(`/jobs?view=day&date=${before}`))
    await expect(crm.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()
    await expect(crm.getByRole('article', { name: title })).toHaveCount(0)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await expect(crm.getByRole('region').filter({ has: crm.getByRole('article', { name: title }) })).toHaveCount(1)
    await saveScreenshot(crm, 'crm-jobs-day-with-job')
    // The week board starting that day shows it too, and stays open for the live part.
    await crm.goto(crmUrl(`/jobs?view=week&date=${day}`))
    await waitForLive(crm)
    const onBoard = crm.getByRole('article', { name: title })
    await expect(onBoard).toHaveCount(1)
    const requests = crm.getByRole('region', { name: /^Reschedule requests/ })
    await expect(requests.getByRole('article', { name: title })).toHaveCount(0)

    // Alice asks for another time from her phone.
    const note = `Mornings are better ${suffix}`
    await portal.goto(`${e2eEnv.portalUrl}/appointments/${jobId}`)
    await portalWaitForLive(portal)
    await portal.getByLabel('Preferred time').fill(localInput(6, 10))
    await portal.getByLabel('Note (optional)').fill(note)
    await portal.getByRole('button', { name: 'Request new time' }).click()
    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'Reschedule request sent' })).toBeVisible()

    // The CRM hears about it live: the requests list and the bell.
    const requested = requests.getByRole('article', { name: title })
    await expect(requested.getByTestId('reschedule-request')).toContainText(note, { timeout: 2_000 })
    await expect(crm.getByTestId('bell-count')).toBeVisible()
    await crm.getByRole('button', { name: /^Notifications/ }).click()
    await expect(crm.getByRole('link', { name: new RegExp(`Alice Johnson asked to reschedule ${title}`) })).toBeVisible()
    await crm.getByRole('button', { name: /^Notifications/ }).click()
    await saveScreenshot(crm, 'crm-reschedule-request')

    // Staff pick a new time: an end before the start is refused, then the move goes through.
    await requested.getByRole('button', { name: 'Reschedule' }).click()
    await requested.getByLabel('New start').fill(localInput(6, 10))
    await requested.getByLabel('New end').fill(localInput(6, 9))
    await requested.getByRole('button', { name: 'Save new time' }).click()
    await expect(requested.getByText('End must be after the start')).toBeVisible()
    await requested.getByLabel('New end').fill(localInput(6, 12))
    await requested.getByRole('button', { name: 'Save new time' }).click()

    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'Appointment rescheduled' })).toContainText(title, {
      timeout: 2_000,
    })
    await expect(portal.getByText('You asked to reschedule')).toHaveCount(0)
    // Handled: gone from the requests; on the board it moved to its new day.
    await expect(requests.getByRole('article', { name: title })).toHaveCount(0)
    await crm.goto(crmUrl(`/jobs?view=day&date=${day}`))
    await expect(crm.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()
    await expect(crm.getByRole('article', { name: title })).toHaveCount(0)
    await crm.goto(crmUrl(`/jobs?view=day&date=${orgDay(new Date(localInput(6, 10)).toISOString())}`))
    await expect(crm.getByRole('article', { name: title })).toHaveCount(1)
  })

  test('the inbox lists unread conversations first, live, and opening one reads it', async ({ customerPage: portal, staffApi, browser }) => {
    const suffix = Date.now().toString(36)
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl('/messages'))
    await waitForLive(crm)
    const threads = crm.getByRole('list', { name: 'Conversations' }).getByRole('listitem')
    const alices = threads.filter({ hasText: 'Alice Johnson' })

    await portal.goto(`${e2eEnv.portalUrl}/messages`)
    const question = `Do you clean curtains? ${suffix}`
    await portal.getByLabel('Message', { exact: true }).fill(question)
    await portal.getByRole('button', { name: 'Send' }).click()
    await expect(alices).toContainText(question, { timeout: 2_000 })
    await expect(alices.getByTestId('unread-count')).toBeVisible()

    // A newer conversation that is already read does not push the unread one down.
    await staffApi.sendMessage(demo.bob.customerId, `Running ten minutes late ${suffix}`)
    await expect(threads.filter({ hasText: 'Bob Martinez' })).toContainText(`Running ten minutes late ${suffix}`, { timeout: 2_000 })
    await expect(threads.first()).toContainText('Alice Johnson')

    // Opening the thread reads it: the conversation list beside it drops the count and re-sorts.
    await alices.getByRole('link').click()
    await expect(crm.locator('[data-message-id]').filter({ hasText: question })).toBeVisible()
    await expect(alices.getByTestId('unread-count')).toHaveCount(0)
    await expect(threads.first()).toContainText('Bob Martinez')
    await crm.goto(crmUrl('/messages'))
    await expect(alices.getByTestId('unread-count')).toHaveCount(0)
  })

  test('the technician works through their own job; the customer earns the points for it live', async ({
    customerPage: portal,
    staffApi,
    browser,
  }) => {
    const suffix = Date.now().toString(36)
    const mine = await staffApi.scheduleJob(demo.alice.customerId, `Hall carpet ${suffix}`, 1)
    const notMine = await staffApi.scheduleJob(demo.alice.customerId, `Landing carpet ${suffix}`, 1)
    const tom = '20000000-0000-4000-8000-000000000003'
    await staffApi.client.from('jobs').update({ technician_id: tom }).eq('id', mine.id).select('id').single()

    const tech = await signInToCrm(browser, demo.staff.tech)
    await tech.goto(crmUrl('/jobs?view=week'))
    await waitForLive(tech)
    // Someone else's job is not a technician's to see at all (RLS on jobs).
    await expect(tech.getByRole('article', { name: mine.title })).toBeVisible()
    await expect(tech.getByRole('article', { name: notMine.title })).toHaveCount(0)

    await portalWaitForLive(portal)
    // The status actions live in the job's details, opened from its block on the calendar.
    await tech.getByRole('article', { name: mine.title }).click()
    const job = tech.getByRole('dialog', { name: mine.title })
    // On their own job: only the field states; confirming and cancelling are the office's.
    await expect(job.getByRole('button', { name: 'Mark confirmed' })).toHaveCount(0)
    await expect(job.getByRole('button', { name: 'Cancel job' })).toHaveCount(0)
    await job.getByRole('button', { name: 'Mark en route' }).click()
    await expect(job.getByTestId('job-status')).toHaveText('En route')
    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'Appointment status changed' }).filter({ hasText: mine.title })).toContainText('en route')
    await job.getByRole('button', { name: 'Mark in progress' }).click()
    await expect(job.getByTestId('job-status')).toHaveText('In progress')
    await job.getByRole('button', { name: 'Mark completed' }).click()
    await expect(job.getByTestId('job-status')).toHaveText('Completed')
    // Points come once the completed job is paid: $125.00 at one point per dollar, awarded by the
    // database when its invoice is paid in full.
    const invoice = await staffApi.sendInvoice(demo.alice.customerId, 12_500, mine.id)
    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'You earned' })).toHaveCount(0)
    await staffApi.recordCashPayment(invoice.id, 12_500)
    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'You earned 125 points' })).toBeVisible({ timeout: 5_000 })
  })

  test("the customer's own profile edit reaches the staff member's open record live; a bad value changes nothing", async ({
    customerPage: portal,
    browser,
  }) => {
    const crm = await signInToCrm(browser, demo.staff.office)
    await crm.goto(crmUrl(`/customers/${demo.alice.customerId}`))
    await waitForLive(crm)
    const before = await crm.getByLabel('Phone', { exact: true }).inputValue()

    await portal.goto(`${e2eEnv.portalUrl}/profile`)
    await portalWaitForLive(portal)
    const city = `Austin ${Date.now().toString(36)}`
    await portal.getByLabel('City', { exact: true }).fill(city)
    await portal.getByLabel('Phone', { exact: true }).fill('call me maybe')
    await portal.getByRole('button', { name: 'Save details' }).click()
    await expect(portal.getByText('Enter a phone number using digits, spaces and + ( ) -.')).toBeVisible()
    await expect(crm.getByLabel('Phone', { exact: true })).toHaveValue(before)
    // The refused form still shows what she typed, so only the phone needs fixing.
    await expect(portal.getByLabel('Phone', { exact: true })).toHaveValue('call me maybe')
    await expect(portal.getByLabel('City', { exact: true })).toHaveValue(city)

    const phone = `(512) 555-${String(Date.now() % 10_000).padStart(4, '0')}`
    await portal.getByLabel('Phone', { exact: true }).fill(phone)
    await portal.getByRole('button', { name: 'Save details' }).click()
    await expect(portal.locator('[data-sonner-toast]').filter({ hasText: 'Your details are saved.' })).toBeVisible()
    await expect(crm.getByLabel('Phone', { exact: true })).toHaveValue(phone, { timeout: 2_000 })
    await expect(crm.getByLabel('City', { exact: true })).toHaveValue(city)
  })
})
