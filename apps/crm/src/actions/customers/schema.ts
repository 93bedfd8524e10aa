import { z } from 'zod'
import { optionalText, recordId, timestamp } from '../ids.ts'

export const customerUpdateSchema = z.object({
  id: recordId('Customer'),
  // The updated_at the editor loaded; a newer one in the database means someone else saved meanwhile.
  expectedUpdatedAt: timestamp('Last-seen version'),
  force: z.boolean().optional().default(false),
  first_name: z.string().trim().min(1, 'First name is required').max(100, 'First name is too long'),
  last_name: z.string().trim().min(1, 'Last name is required').max(100, 'Last name is too long'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email({ message: 'Enter a valid email address' }).nullable()),
  phone: optionalText(40, 'Phone').pipe(
    z
      .string()
      .regex(/^[+()\d\s.-]{5,40}$/, 'Enter a valid phone number')
      .nullable(),
  ),
  address_line1: optionalText(200, 'Address'),
  address_line2: optionalText(200, 'Address line 2'),
  city: optionalText(100, 'City'),
  region: optionalText(100, 'State/region'),
  postal_code: optionalText(20, 'Postal code'),
})
/** A new customer: the same fields, no version (there is nothing to conflict with yet). */
export const customerCreateSchema = customerUpdateSchema.omit({ id: true, expectedUpdatedAt: true, force: true })

export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>
export type CustomerUpdate = z.output<typeof customerUpdateSchema>

export const customerNoteSchema = z.object({
  customerId: recordId('Customer'),
  body: z.string().trim().min(1, 'Write a note first').max(4000, 'Notes are limited to 4000 characters'),
})
