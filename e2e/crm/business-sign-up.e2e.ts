import { randomUUID } from 'node:crypto'
import type { Browser, Page } from '@playwright/test'
import { openedContexts, test } from '../src/fixtures.ts'
import { latestMail, linkInMail } from '../src/mailbox.ts'
import { crmUrl, demo, expect, signInToCrm, toast } from './crm-fixtures.ts'

const password = 'sparkle-pass-1'

async function freshPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: 'America/Denver' })
  openedContexts.add(context)
  return context.newPage()
}

/** The page's width fits the viewport: nothing scrolls sideways. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test.describe('a business starts on its own', () => {
  test('an owner signs up and sets up Sparkle HVAC; an office member and a technician accept their invitations; no Dirt Free data anywhere', async ({
    browser,
    saveScreenshot,
  }) => {
    test.setTimeout(150_000)
    const tag = randomUUID().slice(0, 6)
    const business = `Sparkle HVAC ${tag}`
    const ownerEmail = `owner-${tag}@sparkle.test`

    // Sign up from the CRM's sign-in page.
    const owner = await freshPage(browser)
    await owner.goto(crmUrl('/auth/login'))
    await owner.getByRole('link', { name: 'Start your business account' }).click()
    await expect(owner.getByRole('heading', { name: 'Start your business account' })).toBeVisible()
    await owner.getByLabel('Your name').fill('Sam Sparkle')
    await owner.getByLabel('Work email').fill(ownerEmail)
    await owner.getByLabel('Password').fill('short')
    await owner.getByRole('button', { name: 'Create account' }).click()
    await expect(owner.getByText('Use at least 8 characters.')).toBeVisible()
    await owner.getByLabel('Password').fill(password)
    await owner.getByRole('button', { name: 'Create account' }).click()

    // First run: name the business; the time zone comes from the browser.
    await expect(owner.getByRole('heading', { name: 'Set up your business' })).toBeVisible()
    await expect(owner.getByLabel('Time zone')).toHaveValue('America/Denver')
    await expect(owner.getByLabel('Your name')).toHaveValue('Sam Sparkle')
    await owner.getByLabel('Business name').fill(business)
    await owner.getByLabel('Phone (shown to customers)').fill('(303) 555-0100')
    await saveScreenshot(owner, 'crm-setup')
    await owner.getByRole('button', { name: 'Create my business' }).click()

    await expect(owner.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible()
    await expect(owner.getByRole('banner')).toContainText(business)
    // The first-run checklist: nothing done yet.
    const checklist = owner.getByRole('region', { name: 'Get started' })
    await expect(checklist).toContainText('0 of 5 done')
    await expect(checklist.getByRole('link', { name: 'Invite your team' })).toBeVisible()
    await expect(owner.getByRole('banner')).toContainText('Sam Sparkle')
    // Dirt Free's customers, jobs and invoices are not Sparkle's.
    await expect(owner.getByText('Alice Johnson')).toHaveCount(0)
    for (const path of ['/jobs?view=week', '/invoices', '/messages', '/notifications']) {
      await owner.goto(crmUrl(path))
      await expect(owner.getByText(/Alice|Bob Martinez|INV-100/)).toHaveCount(0)
    }

    // The team: an office member and a technician.
    await owner.goto(crmUrl('/staff'))
    const invites = [
      { name: 'Olive Office', email: `office-${tag}@sparkle.test`, role: 'Office' },
      { name: 'Terry Tech', email: `tech-${tag}@sparkle.test`, role: 'Technician' },
    ]
    for (const person of invites) {
      const form = owner.getByRole('form', { name: 'Invite a team member' })
      await form.getByLabel('Name').fill(person.name)
      await form.getByLabel('E-mail').fill(person.email)
      await form.getByLabel('Role').selectOption({ label: person.role })
      await form.getByRole('button', { name: 'Send invitation' }).click()
      await expect(toast(owner, `Invitation sent to ${person.email}`)).toBeVisible()
      await expect(owner.getByRole('row').filter({ hasText: person.name })).toContainText('Invited')
    }
    await saveScreenshot(owner, 'crm-staff-invited')

    for (const person of invites) {
      const mail = await latestMail(person.email, 'invite')
      expect(mail.html).toContain(`Join ${business} on the team&#39;s CRM`)
      const page = await freshPage(browser, person.role === 'Technician' ? 375 : 1280)
      await page.goto(linkInMail(mail, 'crm'))
      await expect(page.getByRole('heading', { name: 'Choose a password' })).toBeVisible()
      await page.getByLabel('New password').fill(password)
      await page.getByLabel('Repeat password').fill(password)
      await page.getByRole('button', { name: 'Save password' }).click()
      // Technicians start on their day; the office on the customers.
      const landing = person.role === 'Technician' ? 'My day' : 'Customers'
      await expect(page.getByRole('heading', { name: landing, level: 1 })).toBeVisible()
      await expect(page.getByRole('banner')).toContainText(business)
      await expect(page.getByText('Alice Johnson')).toHaveCount(0)
      await expectNoOverflow(page)
      if (person.role === 'Technician') await saveScreenshot(page, 'crm-technician-first-sign-in-375')
      // The link worked once.
      await page.context().clearCookies()
      await page.goto(linkInMail(mail, 'crm'))
      await expect(page.getByText(/That link has expired or was already used/)).toBeVisible()
    }

    // The owner sees both arrive, with their roles.
    await owner.reload()
    for (const person of invites) {
      const row = owner.getByRole('row').filter({ hasText: person.name })
      await expect(row).toContainText('Active')
    }

    // Settings: the owner sets the portal's notice period, the loyalty rule and the contact details.
    await owner.goto(crmUrl('/settings'))
    const settings = owner.getByRole('form', { name: 'Business settings' })
    await settings.getByLabel('Cancel or reschedule online up to (hours before the start)').fill('800')
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(settings.getByText('At most 720 hours (30 days)')).toBeVisible()
    await settings.getByLabel('Cancel or reschedule online up to (hours before the start)').fill('48')
    await settings.getByLabel('Points per dollar paid for a completed job').fill('2')
    // Cancellations by phone or message only; confirming and rescheduling stay online.
    await settings.getByRole('checkbox', { name: 'Cancel', exact: true }).uncheck()
    await settings.getByLabel('E-mail').fill(`hello-${tag}@sparkle.test`)
    await settings.getByRole('button', { name: 'Save settings' }).click()
    await expect(toast(owner, 'Settings saved')).toBeVisible()
    await owner.reload()
    await expect(settings.getByLabel('Cancel or reschedule online up to (hours before the start)')).toHaveValue('48')
    await expect(settings.getByLabel('Points per dollar paid for a completed job')).toHaveValue('2')
    await expect(settings.getByLabel('Time zone')).toHaveValue('America/Denver')
    await expect(settings.getByRole('checkbox', { name: 'Cancel', exact: true })).not.toBeChecked()
    await expect(settings.getByRole('checkbox', { name: 'Confirm their appointments' })).toBeChecked()
    // The services the business offers.
    const services = owner.getByRole('form', { name: 'New service' })
    for (let attempt = 0; attempt < 2; attempt++) {
      await services.getByLabel('Service').fill('AC tune-up')
      await services.getByLabel('Price').fill('149')
      await services.getByLabel('Minutes').fill('90')
      await services.getByRole('button', { name: 'Add service' }).click()
      if (attempt === 0) await expect(toast(owner, 'AC tune-up added')).toBeVisible()
    }
    await expect(services.getByText('There is already a service with this name.')).toBeVisible()
    await expect(owner.locator('[data-offered="AC tune-up"]')).toContainText('$149.00 · 90 min')

    // The reward catalogue customers redeem from.
    const rewards = owner.getByRole('form', { name: 'New reward' })
    await rewards.getByLabel('Reward').fill('Free filter change')
    await rewards.getByLabel('Points').fill('0')
    await rewards.getByRole('button', { name: 'Add reward' }).click()
    await expect(rewards.getByText('At least 1 point')).toBeVisible()
    await rewards.getByLabel('Points').fill('200')
    await rewards.getByRole('button', { name: 'Add reward' }).click()
    await expect(toast(owner, 'Free filter change added')).toBeVisible()
    const reward = owner.locator('[data-offered="Free filter change"]')
    await expect(reward).toContainText('200 points')
    await expect(reward).toContainText('Offered')
    await saveScreenshot(owner, 'crm-settings')
    await reward.getByRole('button', { name: 'Withdraw' }).click()
    await expect(reward).toContainText('Withdrawn')

    // The checklist ticked what was done (services, the team, the settings) and can be put away.
    await owner.goto(crmUrl('/customers'))
    await expect(checklist).toContainText('3 of 5 done')
    await expect(checklist.locator('[data-step="services"]')).toHaveAttribute('data-done', 'true')
    await expect(checklist.locator('[data-step="team"]')).toHaveAttribute('data-done', 'true')
    await expect(checklist.locator('[data-step="policy"]')).toHaveAttribute('data-done', 'true')
    await expect(checklist.locator('[data-step="customers"]')).toHaveAttribute('data-done', 'false')
    await saveScreenshot(owner, 'crm-first-run-checklist')
    await checklist.getByRole('button', { name: 'Hide this list' }).click()
    await expect(checklist).toHaveCount(0)
    await owner.reload()
    await expect(owner.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible()
    await expect(checklist).toHaveCount(0)
  })

  test('an invitation can be withdrawn, and its link then fails', async ({ staffPage, browser }) => {
    const email = `withdrawn-${randomUUID().slice(0, 6)}@example.test`
    await staffPage.goto(crmUrl('/staff'))
    // Office staff may not invite: the owner does.
    await expect(staffPage.getByRole('form', { name: 'Invite a team member' })).toHaveCount(0)
    await expect(staffPage.getByText('Owners and admins invite team members.')).toBeVisible()

    const owner = await signInToCrm(browser, demo.staff.owner)
    await owner.goto(crmUrl('/staff'))
    const form = owner.getByRole('form', { name: 'Invite a team member' })
    await form.getByLabel('Name').fill('Wendy Withdrawn')
    await form.getByLabel('E-mail').fill(email)
    await form.getByRole('button', { name: 'Send invitation' }).click()
    await expect(toast(owner, `Invitation sent to ${email}`)).toBeVisible()
    const mail = await latestMail(email, 'invite')
    const row = owner.getByRole('row').filter({ hasText: 'Wendy Withdrawn' })
    await row.getByRole('button', { name: 'Withdraw' }).click()
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Withdraw' }).click()
    await expect(toast(owner, `Invitation to ${email} withdrawn`)).toBeVisible()
    await expect(row).toHaveCount(0)

    const page = await freshPage(browser)
    await page.goto(linkInMail(mail, 'crm'))
    await expect(page.getByText(/That link has expired or was already used/)).toBeVisible()
  })
})
