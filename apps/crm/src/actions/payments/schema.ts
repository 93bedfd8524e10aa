import { paymentMethods } from '@repo/domain/payments'
import { z } from 'zod'
import { optionalText, recordId, timestamp } from '../ids.ts'

export const recordPaymentSchema = z.object({
  invoiceId: recordId('Invoice'),
  amountCents: z
    .number({ message: 'Enter the amount received' })
    .int('The amount must be whole cents')
    .min(1, 'The amount must be more than zero')
    .max(100_000_000, 'The amount is too large'),
  method: z.enum(paymentMethods as [string, ...string[]], { message: 'Choose how it was paid' }),
  receivedAt: timestamp('The payment date'),
  note: optionalText(1000, 'The note'),
})
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>

export const refundPaymentSchema = z.object({
  paymentId: recordId('Payment'),
  reason: z.string().trim().min(1, 'Say why the payment is refunded').max(1000, 'The reason is too long'),
})

export const removeCreditSchema = z.object({ lineId: recordId('Line') })
