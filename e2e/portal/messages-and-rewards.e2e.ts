import { demo, expect, test, waitForLive } from '../src/fixtures.ts'
import { e2eEnv } from '../src/env.ts'

test.describe('messages and rewards', () => {
  test('Alice writes to the business and sees when it is read', async ({ customerPage: page, staffApi }) => {
    await page.goto(`${e2eEnv.portalUrl}/messages`)
    await waitForLive(page)
    const send = page.getByRole('button', { name: 'Send' })
    const box = page.getByLabel('Message', { exact: true })
    await expect(send).toBeDisabled()
    await box.fill('   ')
    await expect(page.getByText('Write a message first.')).toBeVisible()
    await expect(send).toBeDisabled()
    await box.fill('x'.repeat(5001))
    await expect(page.getByText('Too long: 5001/5000 characters.')).toBeVisible()
    await expect(send).toBeDisabled()

    const body = `Could you bring the pet-safe shampoo? ${Date.now().toString(36)}`
    await box.fill(body)
    // An impatient double click sends the message once.
    await send.dblclick()
    const mine = page.getByTestId('message').filter({ hasText: body })
    await expect(mine.getByTestId('receipt')).toHaveText(/Sent/)
    await page.reload()
    await waitForLive(page)
    await expect(mine).toHaveCount(1)
    // Opening the thread marked the business's messages read, so the badge is gone.
    await expect(page.getByTestId('unread-badge')).toHaveCount(0)

    await staffApi.markCustomerMessagesRead(demo.alice.customerId)
    await expect(mine.getByTestId('receipt')).toHaveText(/Read/)
  })

  test('Alice redeems a reward she can afford and cannot redeem one she cannot', async ({ customerPage: page }) => {
    await page.goto(`${e2eEnv.portalUrl}/loyalty`)
    await waitForLive(page)
    const balance = page.getByTestId('loyalty-balance')
    const before = Number((await balance.textContent())?.replace(/[^0-9]/g, ''))
    expect(before).toBeGreaterThanOrEqual(100)

    // More than the balance: the button is off and says how many points are missing.
    expect(before).toBeLessThan(500)
    const rug = page.getByRole('listitem').filter({ hasText: 'Free area rug cleaning' })
    await expect(rug.getByRole('button', { name: 'Redeem' })).toBeDisabled()
    await expect(rug).toContainText(`${(500 - before).toLocaleString('en-US')} points more needed`)
    // …and the card itself reads as out of reach, unlike one she can afford.
    await expect(rug.locator('[data-affordable]')).toHaveAttribute('data-affordable', 'false')
    await expect(rug.locator('[data-affordable]')).toHaveCSS('border-top-style', 'dashed')
    const ten = page.getByRole('listitem').filter({ hasText: '$10 off your next cleaning' })
    await expect(ten.locator('[data-affordable]')).toHaveCSS('border-top-style', 'solid')

    // A double click redeems once: one toast, one history row, 100 points off (not 200).
    const rowsBefore = await page.getByTestId('loyalty-row').count()
    await page.getByRole('listitem').filter({ hasText: '$10 off your next cleaning' }).getByRole('button', { name: 'Redeem' }).dblclick()
    // Points are spent for good: the portal asks first.
    await page.getByRole('alertdialog', { name: 'Redeem $10 off your next cleaning?' }).getByRole('button', { name: 'Redeem' }).click()
    await expect(page.locator('[data-sonner-toast]').filter({ hasText: 'You redeemed 100 points' })).toBeVisible()
    await expect(balance).toHaveText(`${(before - 100).toLocaleString('en-US')} points`)
    await expect(page.getByTestId('loyalty-row').first()).toContainText('$10 off')
    await page.reload()
    await waitForLive(page)
    await expect(balance).toHaveText(`${(before - 100).toLocaleString('en-US')} points`)
    await expect(page.getByTestId('loyalty-row')).toHaveCount(rowsBefore + 1)
  })
})
