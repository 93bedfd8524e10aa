import { createUnsubscribeToken } from '@repo/notifications/unsubscribe'
import { createClient } from '@supabase/supabase-js'
import { e2eEnv } from '../src/env.ts'
import { demo, expect, test } from '../src/fixtures.ts'

// Bob's switches (Alice's are other stories' business).
const service = () =>
  createClient(e2eEnv.supabaseUrl, e2eEnv.serviceRoleKey, { auth: { persistSession: false } })
async function bobsSwitches(): Promise<Record<string, unknown>> {
  const { data } = await service()
    .from('customers')
    .select('notification_preferences')
    .eq('id', demo.bob.customerId)
    .single()
  return (data?.notification_preferences ?? {}) as Record<string, unknown>
}
const link = (token: string) => `${e2eEnv.portalUrl}/unsubscribe?token=${encodeURIComponent(token)}`
const token = (group: 'reminders' | 'billing', channel: 'email' | 'sms' = 'email') =>
  createUnsubscribeToken(
    { customerId: demo.bob.customerId, group, channel },
    e2eEnv.notificationsSigningSecret,
  )

test.describe('unsubscribe link of notification e-mails (no sign-in)', () => {
  test('opening the link only asks; the button switches that one kind off', async ({
    page,
    saveScreenshot,
    checkA11y,
  }) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    await page.goto(link(token('reminders')))
    await expect(
      page.getByRole('heading', { name: 'Stop appointment reminders by e-mail?' }),
    ).toBeVisible()
    expect((await bobsSwitches()).reminders_email).not.toBe(false)
    await saveScreenshot(page, 'portal-unsubscribe')
    await checkA11y(page)
    await page.setViewportSize({ width: 375, height: 700 })
    await saveScreenshot(page, 'portal-unsubscribe-375')
    await page.getByRole('button', { name: 'Unsubscribe' }).click()
    await expect(page.getByRole('heading', { name: 'You are unsubscribed' })).toBeVisible()
    await expect(
      page.getByText('You will no longer get appointment reminders by e-mail.'),
    ).toBeVisible()
    const switches = await bobsSwitches()
    expect(switches.reminders_email).toBe(false)
    expect(switches.billing_email).not.toBe(false)
    expect(errors).toEqual([])
  })

  test('a changed or truncated link says so and changes nothing', async ({ page }) => {
    const good = token('billing')
    const tampered = good.replace(`.billing.`, '.appointments.')
    await page.goto(link(tampered))
    await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible()
    await page.goto(link(good.slice(0, -3)))
    await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible()
    const posted = await page.request.post(link(tampered), {
      form: { 'List-Unsubscribe': 'One-Click' },
    })
    expect(posted.status()).toBe(400)
    expect((await bobsSwitches()).appointments_email).not.toBe(false)
  })

  test('a mail client’s one-click POST to the link applies it (RFC 8058)', async ({ request }) => {
    const response = await request.post(link(token('billing', 'sms')), {
      form: { 'List-Unsubscribe': 'One-Click' },
    })
    expect(response.status()).toBe(200)
    expect((await bobsSwitches()).billing_sms).toBe(false)
  })
})
