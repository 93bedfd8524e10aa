// Credits from redeemed rewards, as the customer reads them: how much off, and where it went.
import { formatCents } from '../money/format-cents.ts'

/** Where a credit is: on a sent invoice (linked), on one still being prepared, or waiting. */
export type CreditPlacement =
  | { kind: 'invoice'; invoiceId: string; invoiceNumber: string }
  | { kind: 'preparing' }
  | { kind: 'waiting' }

/**
 * A customer cannot read a draft invoice, so a credit applied to one comes with its invoice id but
 * no invoice: it is on an invoice being prepared.
 */
export function creditPlacement(credit: {
  invoice_id: string | null
  invoices: { id: string; number: string } | null
}): CreditPlacement {
  if (credit.invoice_id === null) return { kind: 'waiting' }
  if (credit.invoices === null) return { kind: 'preparing' }
  return { kind: 'invoice', invoiceId: credit.invoices.id, invoiceNumber: credit.invoices.number }
}

/** What follows the amount: `applied to invoice` (then its number, linked), or the whole phrase. */
export const creditPlacementText: Record<CreditPlacement['kind'], string> = {
  invoice: 'applied to invoice',
  preparing: 'applied to an invoice being prepared',
  waiting: 'waiting for your next invoice',
}

/** `$10.00 off`. */
export function creditAmount(amountCents: number, currency: string): string {
  return `${formatCents(amountCents, currency)} off`
}
