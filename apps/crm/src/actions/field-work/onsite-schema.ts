import { z } from 'zod'
import { recordId } from '../ids.ts'

/** A note written on site. `id` is chosen by the phone, so a retried send adds it once. */
export const jobNoteSchema = z.object({
  id: recordId('Note'),
  jobId: recordId('Job'),
  body: z
    .string()
    .trim()
    .min(1, 'Write something first')
    .max(2000, 'A note is at most 2000 characters'),
})

const quantity = z.coerce
  .number({ message: 'Enter a quantity' })
  .int('A quantity is a whole number')
  .min(1, 'At least 1')
  .max(1000, 'At most 1000')

/** An extra line: a catalog service (priced by the database) or a custom line with its price. */
export const jobLineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('catalog'),
    id: recordId('Line'),
    jobId: recordId('Job'),
    serviceId: recordId('Service'),
    quantity,
  }),
  z.object({
    kind: z.literal('custom'),
    id: recordId('Line'),
    jobId: recordId('Job'),
    description: z.string().trim().min(1, 'Describe the line').max(500, 'At most 500 characters'),
    unitPriceCents: z
      .number()
      .int('Whole cents')
      .min(0, 'A price is zero or more')
      .max(100_000_000, 'That price is too high'),
    quantity,
    taxable: z.boolean(),
  }),
])

export const removeJobLineSchema = z.object({ jobId: recordId('Job'), lineId: recordId('Line') })

/** Cash or a check at the door; `paymentId` makes a double tap record one payment. */
export const collectPaymentSchema = z
  .object({
    paymentId: recordId('Payment'),
    jobId: recordId('Job'),
    method: z.enum(['cash', 'check']),
    amountCents: z
      .number()
      .int('Whole cents')
      .min(1, 'The amount must be more than zero')
      .nullable(),
    checkNumber: z.string().trim().max(50, 'At most 50 characters').nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'check' && !v.checkNumber) {
      ctx.addIssue({ code: 'custom', path: ['checkNumber'], message: 'Enter the check number' })
    }
  })

export const cardPaymentSchema = z.object({
  paymentId: recordId('Payment'),
  jobId: recordId('Job'),
})
