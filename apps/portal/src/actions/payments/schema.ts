import { z } from 'zod'

const cents = (what: string, min: number) =>
  z
    .number({ message: `${what} must be an amount` })
    .int(`${what} must be whole cents`)
    .min(min, min > 0 ? `${what} must be more than zero` : `${what} cannot be negative`)
    .max(100_000_000, `${what} is too large`)

export const startPaymentSchema = z
  .object({
    // Chosen by the form: submitting the same payment twice resumes it instead of charging twice.
    paymentId: z.uuid({ message: 'Reload the page and try again.' }),
    invoiceId: z.uuid({ message: 'Unknown invoice.' }).optional(),
    quoteId: z.uuid({ message: 'Unknown quote.' }).optional(),
    amountCents: cents('The amount', 1),
    tipCents: cents('The tip', 0).default(0),
  })
  .refine((v) => (v.invoiceId === undefined) !== (v.quoteId === undefined), {
    message: 'Pay either an invoice or a deposit.',
  })
export type StartPaymentInput = z.input<typeof startPaymentSchema>
