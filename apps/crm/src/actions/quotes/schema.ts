import { z } from 'zod'
import { optionalText, recordId } from '../ids.ts'
import { lineItemSchema } from '../invoices/schema.ts'

/** A quote line: an invoice line that may be one of an option group's alternatives, or optional. */
export const quoteLineSchema = lineItemSchema
  .extend({
    optionGroup: z
      .string()
      .trim()
      .max(60, 'An option group name is at most 60 characters')
      .nullable()
      .optional()
      .transform((v) => v || null),
    optional: z.boolean().optional().default(false),
  })
  .refine((line) => !(line.optionGroup && line.optional), {
    message: 'A line in an option group is already a choice; it cannot also be optional',
    path: ['optional'],
  })

export const depositKinds = ['none', 'percent', 'amount'] as const

/** What staff write on a quote, new or changed. */
const quoteFields = z.object({
  title: z.string().trim().min(1, 'Give the quote a title').max(200, 'The title is at most 200 characters'),
  // A calendar day (yyyy-mm-dd) in the business's zone; empty: no end date.
  validUntil: z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => v || null)
    .pipe(z.iso.date({ message: 'Enter a valid date' }).nullable()),
  depositKind: z.enum(depositKinds, { message: 'Choose how much deposit to ask' }),
  depositPercent: z
    .number({ message: 'Enter a percent from 1 to 100' })
    .int('Whole percent only')
    .min(1, 'At least 1%')
    .max(100, 'At most 100%')
    .nullable()
    .optional()
    .default(null),
  depositAmountCents: z
    .number({ message: 'Enter an amount, e.g. 100.00' })
    .int('Enter an amount, e.g. 100.00')
    .min(1, 'The deposit must be more than zero')
    .max(100_000_000, 'The deposit is too large')
    .nullable()
    .optional()
    .default(null),
  notes: optionalText(10_000, 'Notes'),
  terms: optionalText(10_000, 'Terms'),
  lines: z.array(quoteLineSchema).min(1, 'Add at least one line').max(100, 'Too many lines'),
})

type QuoteFields = z.output<typeof quoteFields>

function checkQuote(quote: QuoteFields, ctx: z.RefinementCtx) {
  if (quote.depositKind === 'percent' && quote.depositPercent === null) {
    ctx.addIssue({ code: 'custom', path: ['depositPercent'], message: 'Enter a percent from 1 to 100' })
  }
  if (quote.depositKind === 'amount' && quote.depositAmountCents === null) {
    ctx.addIssue({ code: 'custom', path: ['depositAmountCents'], message: 'Enter an amount, e.g. 100.00' })
  }
  // Alternatives need something to choose between.
  const sizes = new Map<string, number>()
  for (const line of quote.lines) if (line.optionGroup) sizes.set(line.optionGroup, (sizes.get(line.optionGroup) ?? 0) + 1)
  quote.lines.forEach((line, index) => {
    if (line.optionGroup && sizes.get(line.optionGroup) === 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines', index, 'optionGroup'],
        message: 'An option group needs at least two lines to choose from',
      })
    }
  })
}

/** Only the chosen deposit rule is kept: the database allows one of the two. */
function withDepositRule<T extends QuoteFields>({ depositKind, depositPercent, depositAmountCents, ...quote }: T) {
  return {
    ...quote,
    depositPercent: depositKind === 'percent' ? depositPercent : null,
    depositAmountCents: depositKind === 'amount' ? depositAmountCents : null,
  }
}

/** A new quote. `quoteId` is chosen by the form, so a repeated submit cannot make a second quote. */
export const quoteCreateSchema = quoteFields
  .extend({
    quoteId: recordId('Quote'),
    customerId: z.string({ message: 'Choose a customer' }).min(1, 'Choose a customer').pipe(recordId('Customer')),
    // The service address; none: the customer's main property (the database fills it in).
    propertyId: recordId('Property').nullable().optional().default(null),
    send: z.boolean().optional().default(false),
  })
  .superRefine(checkQuote)
  .transform(withDepositRule)
export type QuoteCreateInput = z.input<typeof quoteCreateSchema>

/** A change to an open quote, from the version staff were editing (a stale edit is refused). */
export const quoteUpdateSchema = quoteFields
  .extend({
    quoteId: recordId('Quote'),
    version: z.number().int().min(1),
    updatedAt: z.string().min(1),
    send: z.boolean().optional().default(false),
  })
  .superRefine(checkQuote)
  .transform(withDepositRule)
export type QuoteUpdateInput = z.input<typeof quoteUpdateSchema>

export const quoteIdSchema = z.object({ quoteId: recordId('Quote') })
