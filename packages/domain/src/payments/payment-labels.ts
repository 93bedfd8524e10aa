// Payment methods and statuses from the generated enums, their wording and tones.
import { Constants, type PaymentMethod, type PaymentStatus } from '@repo/database/types'
import { roundHalfUp } from '../money/tax.ts'
import type { StatusTone } from '../notice.ts'

export type { PaymentMethod, PaymentStatus }

export const paymentMethods: readonly PaymentMethod[] = Constants.public.Enums.payment_method

export const paymentMethodLabel: Record<PaymentMethod, string> = {
  card: 'Card',
  cash: 'Cash',
  check: 'Check',
  bank_transfer: 'Bank transfer',
  other: 'Other',
}

export const paymentStatusLabel: Record<PaymentStatus, string> = {
  pending: 'Pending',
  succeeded: 'Received',
  failed: 'Failed',
  refunded: 'Refunded',
}

export const paymentStatusTone: Record<PaymentStatus, StatusTone> = {
  pending: 'info',
  succeeded: 'success',
  failed: 'danger',
  refunded: 'neutral',
}

/** Tip choices offered on "Pay now", as percents of the amount paid. */
export const tipPercents = [0, 10, 15, 20] as const

export function tipFor(amountCents: number, percent: number): number {
  return roundHalfUp((amountCents * percent) / 100)
}
