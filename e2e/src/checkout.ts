import { expect, type Page } from '@playwright/test'

/** Fills the test checkout's card form (served by the local stack, as Stripe Checkout would be) and pays. */
export async function payOnCheckout(page: Page, card: string) {
  await expect(page.getByRole('button', { name: /^Pay \$/ })).toBeVisible()
  await page.getByLabel('Name on card').fill('Alice Johnson')
  await page.getByLabel('Card number').fill(card)
  await page.getByLabel('Expiry (MM/YY)').fill('12/34')
  await page.getByLabel('CVC').fill('123')
  await page.getByRole('button', { name: /^Pay \$/ }).click()
}

/** Draws a wavy line across a quote's signature box with the mouse. */
export async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad')
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('no signature box')
  const y = (t: number) => box.y + box.height * (0.55 + 0.25 * Math.sin(t))
  await page.mouse.move(box.x + 20, y(0))
  await page.mouse.down()
  for (let i = 1; i <= 14; i++) await page.mouse.move(box.x + 20 + i * ((box.width - 40) / 14), y(i), { steps: 3 })
  await page.mouse.up()
}
