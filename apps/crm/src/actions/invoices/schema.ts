import { invoiceActions } from '@repo/domain/invoices'
import { z } from 'zod'
import { optionalText, recordId, timestamp } from '../ids.ts'

const cents = (label: string) =>
  z
    .number({ message: `${label} must be a number` })
    .int(`${label} must be whole cents`)
    .min(0, `${label} cannot be negative`)
    .max(100_000_000, `${label} is too large`)

/**
 * A line of an invoice (and, with its options, of a quote): from the catalog (`serviceId`) or free
 * text, taxable at the rate it is written with. The database computes the totals from these.
 */
export const lineItemSchema = z.object({
  serviceId: recordId('Service').nullable().optional().default(null),
  description: z.string().trim().min(1, 'Describe the line item').max(300, 'Description is too long'),
  quantity: z
    .number({ message: 'Quantity must be a number' })
    .int('Quantity must be a whole number')
    .min(1, 'Quantity must be at least 1')
    .max(10_000, 'Quantity is too large'),
  unitPriceCents: cents('Unit price'),
  taxable: z.boolean().optional().default(false),
  taxRateBps: z
    .number({ message: 'Choose a tax rate' })
    .int('Choose a tax rate')
    .min(0, 'Choose a tax rate')
    .max(10_000, 'A tax rate is at most 100%')
    .optional()
    .default(0),
})

export const invoiceCreateSchema = z.object({
  customerId: recordId('Customer'),
  jobId: recordId('Job').nullable().optional().default(null),
  // The service address; none: the customer's main property (the database fills it in).
  propertyId: recordId('Property').nullable().optional().default(null),
  // Empty: the database gives the next free number of the organization (atomically).
  number: z
    .string()
    .trim()
    .max(40, 'Invoice number is too long')
    .regex(/^([A-Za-z0-9][A-Za-z0-9-_/]*)?$/, 'Use letters, digits, dashes or slashes')
    .optional()
    .transform((v) => v || undefined),
  dueAt: timestamp('Due date'),
  notes: optionalText(2000, 'Notes'),
  lineItems: z.array(lineItemSchema).min(1, 'Add at least one line item').max(100, 'Too many line items'),
})
export type InvoiceCreateInput = z.input<typeof invoiceCreateSchema>

export const invoiceActionSchema = z.object({
  invoiceId: recordId('Invoice'),
  action: z.enum(invoiceActions, { message: 'Unknown invoice action' }),
})
