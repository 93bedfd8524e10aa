import { openedContexts, waitForLive as portalWaitForLive, signInToPortal, test } from '../src/fixtures.ts'
import { linkInMail, latestMail } from '../src/mailbox.ts'
import { crmUrl, demo, expect, signInToCrm, toast, waitForLive } from './crm-fixtures.ts'

// Dave has no portal login in the demo data.
const daveId = '30000000-0000-4000-8000-000000000004'
const daveEmail = 'dave@example.com'

test.describe('loyalty and portal access', () => {
  test('points: awards must be positive, adjustments need a reason, the balance follows', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(`/customers/${demo.bob.customerId}?tab=loyalty`))
    await waitForLive(page)
    const balance = page.getByTestId('loyalty-balance')
    const before = Number((await balance.textContent())?.replace(/,/g, ''))
    const form = page.getByRole('form', { name: 'Add points' })

    await form.getByLabel('Points').fill('-10')
    await form.getByRole('button', { name: 'Record points' }).click()
    await expect(form.getByText('Awards and bonuses must be positive; use an adjustment')).toBeVisible()
    await expect(balance).toHaveText(before.toLocaleString('en-US'))

    await form.getByLabel('Kind').selectOption('adjustment')
    await form.getByRole('button', { name: 'Record points' }).click()
    await expect(form.getByText('An adjustment needs a reason')).toBeVisible()

    const reason = `Duplicate award ${Date.now().toString(36)}`
    await form.getByLabel('Reason (required)').fill(reason)
    await form.getByRole('button', { name: 'Record points' }).click()
    await expect(toast(page, '-10 points recorded')).toBeVisible()
    await expect(balance).toHaveText((before - 10).toLocaleString('en-US'))
    await expect(page.getByRole('row').filter({ hasText: reason })).toContainText('-10')
  })

  test('the owner invites a customer, who accepts in the portal; then the owner revokes the login', async ({ browser, saveScreenshot }) => {
    const page = await signInToCrm(browser, demo.staff.owner)
    await page.goto(crmUrl(`/customers/${daveId}`))
    await waitForLive(page)
    const access = page.getByRole('region', { name: 'Portal access' })
    await expect(access).toContainText('No login')
    await access.getByRole('button', { name: 'Invite to portal' }).click()
    await expect(toast(page, 'Invite sent to')).toBeVisible()
    await expect(access.getByTestId('portal-presence')).toHaveText('Not online')

    // Dave opens the invitation from his mailbox on his phone, chooses a password and is in.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
    openedContexts.add(phone)
    const dave = await phone.newPage()
    const first = await latestMail(daveEmail, 'invite')
    // He did not get it, so the owner sends it again: a new invitation lands in his mailbox.
    await access.getByRole('button', { name: 'Resend invite' }).click()
    await expect(toast(page, 'Sign-in link sent')).toBeVisible()
    const invite = await latestMail(daveEmail, 'invite')
    expect(invite.token_hash).not.toBe(first.token_hash)
    expect(invite.subject).toBe("You're invited")
    // One invitation template for customers and staff: the wording names the business and the portal.
    expect(invite.html).toContain('Dirt Free Carpet Cleaning&#39;s customer portal')
    await dave.goto(linkInMail(invite))
    await expect(dave.getByRole('heading', { name: 'Choose a password' })).toBeVisible()
    const password = `dave-${Date.now().toString(36)}`
    await dave.getByLabel('New password').fill(password)
    await dave.getByLabel('Repeat password').fill(`${password}x`)
    await dave.getByRole('button', { name: 'Save password' }).click()
    await expect(dave.getByText('The passwords do not match.')).toBeVisible()
    await dave.getByLabel('New password').fill(password)
    await dave.getByLabel('Repeat password').fill(password)
    await dave.getByRole('button', { name: 'Save password' }).click()
    await expect(dave.getByRole('heading', { name: 'Welcome back, Dave' })).toBeVisible()
    await portalWaitForLive(dave)
    await saveScreenshot(dave, 'portal-invited-customer-dashboard')
    // The staff member sees him arrive in the portal.
    await expect(access.getByTestId('portal-presence')).toHaveText('Online in portal now')

    // The invitation works once; from now on he signs in with his password.
    await dave.getByRole('button', { name: 'Sign out' }).click()
    await dave.goto(linkInMail(invite))
    await expect(dave.getByRole('heading', { name: 'This link has expired' })).toBeVisible()
    await signInToPortal(dave, daveEmail, password)
    await expect(dave.getByRole('heading', { name: 'Welcome back, Dave' })).toBeVisible()

    await access.getByRole('button', { name: 'Revoke access' }).click()
    // The confirmation is a dialog (rendered outside the card), Cancel focused first.
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirm revoke' }).click()
    await expect(toast(page, 'Portal access revoked')).toBeVisible()
    await expect(access.getByRole('button', { name: 'Invite to portal' })).toBeVisible()
  })

  test('office staff invite and resend, but only owners and admins revoke a login', async ({ browser }) => {
    const page = await signInToCrm(browser, demo.staff.office)
    await page.goto(crmUrl(`/customers/${daveId}`))
    const access = page.getByRole('region', { name: 'Portal access' })
    await expect(access.getByRole('button', { name: 'Invite to portal' })).toBeEnabled()
    await page.goto(crmUrl(`/customers/${demo.alice.customerId}`))
    await expect(access.getByRole('button', { name: 'Resend invite' })).toBeVisible()
    await expect(access.getByRole('button', { name: 'Revoke access' })).toHaveCount(0)
    await expect(access).toContainText('Only an owner or admin can revoke portal access.')
  })
})
