// What a visit comes to: the job's own price (the first line of its invoice) plus the lines added
// on site, by the one totals rule. A preview: the database prices the invoice it makes.
import { type Totals, totalsOf } from '../money/tax.ts'

export interface VisitLine {
  quantity: number
  unit_price_cents: number
  taxable: boolean
  tax_rate_bps: number
}

/**
 * @param base the job's price and how it is taxed (its service's tax at the default rate)
 * @example visitTotals({ priceCents: 15000, taxable: false, taxRateBps: 0 }, lines).totalCents
 */
export function visitTotals(
  base: { priceCents: number; taxable: boolean; taxRateBps: number },
  lines: readonly VisitLine[],
): Totals {
  return totalsOf([
    ...(base.priceCents > 0
      ? [
          {
            quantity: 1,
            unitPriceCents: base.priceCents,
            taxable: base.taxable,
            taxRateBps: base.taxRateBps,
          },
        ]
      : []),
    ...lines.map((l) => ({
      quantity: l.quantity,
      unitPriceCents: l.unit_price_cents,
      taxable: l.taxable,
      taxRateBps: l.tax_rate_bps,
    })),
  ])
}

/** How a technician can take payment at the door. */
export const onSitePaymentChoices = ['cash', 'check', 'card'] as const
export type OnSitePaymentChoice = (typeof onSitePaymentChoices)[number]

export const onSitePaymentLabel: Record<OnSitePaymentChoice, string> = {
  cash: 'Cash',
  check: 'Check',
  card: 'Customer pays by card',
}

/** The toast after a payment is recorded on site. */
export function paymentRecordedMessage(method: 'cash' | 'check', amount: string): string {
  return method === 'cash' ? `${amount} in cash recorded` : `Check for ${amount} recorded`
}
