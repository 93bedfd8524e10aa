import {
  MAX_SOURCE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  normalizeSource,
  normalizeTag,
  tagsProblem,
} from '@repo/domain/customers'
import {
  DEFAULT_PROPERTY_LABEL,
  MAX_ACCESS_NOTES_CHARS,
  MAX_PROPERTY_LABEL_CHARS,
} from '@repo/domain/properties'
import { z } from 'zod'
import { optionalText, recordId, timestamp } from '../ids.ts'

/** Tags as the chips input sends them: tidied, and checked as the database checks them. */
export const tagsSchema = z
  .array(z.string().max(MAX_TAG_CHARS * 4, `A tag is at most ${MAX_TAG_CHARS} characters`), {
    message: 'Tags must be a list',
  })
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags`)
  .transform((tags) => tags.map(normalizeTag))
  .superRefine((tags, ctx) => {
    const problem = tagsProblem(tags)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** Where the customer came from: one of the listed answers or the office's own words. */
export const sourceSchema = z
  .string()
  .max(MAX_SOURCE_CHARS, `The source is at most ${MAX_SOURCE_CHARS} characters`)
  .nullable()
  .optional()
  .transform((v) => normalizeSource(v))

const contactFields = {
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
}

export const customerUpdateSchema = z.object({
  id: recordId('Customer'),
  // The updated_at the editor loaded; a newer one in the database means someone else saved meanwhile.
  expectedUpdatedAt: timestamp('Last-seen version'),
  force: z.boolean().optional().default(false),
  ...contactFields,
  // Left out: unchanged (older callers send contact fields only).
  tags: tagsSchema.optional(),
  source: z
    .string()
    .max(MAX_SOURCE_CHARS, `The source is at most ${MAX_SOURCE_CHARS} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : normalizeSource(v))),
})

/**
 * A new customer: contact details, tags and source, the address (which also becomes their main
 * property, with its access notes) and a first note. `mergeInto` instead adds all that to an
 * existing customer; `allowDuplicate` creates even when one with the same e-mail or phone exists.
 */
export const customerCreateSchema = z
  .object({
    ...contactFields,
    // Merging needs no name: the existing customer has one.
    first_name: z.string().trim().max(100, 'First name is too long'),
    last_name: z.string().trim().max(100, 'Last name is too long'),
    tags: tagsSchema.optional().default([]),
    source: sourceSchema,
    property_label: z
      .string()
      .trim()
      .max(MAX_PROPERTY_LABEL_CHARS, `A label is at most ${MAX_PROPERTY_LABEL_CHARS} characters`)
      .optional()
      .transform((v) => v || DEFAULT_PROPERTY_LABEL),
    access_notes: optionalText(MAX_ACCESS_NOTES_CHARS, 'Access notes'),
    note: optionalText(4000, 'Note'),
    allowDuplicate: z.boolean().optional().default(false),
    mergeInto: recordId('Customer').nullable().optional().default(null),
  })
  .superRefine((customer, ctx) => {
    if (customer.mergeInto) return
    if (!customer.first_name)
      ctx.addIssue({ code: 'custom', path: ['first_name'], message: 'First name is required' })
    if (!customer.last_name)
      ctx.addIssue({ code: 'custom', path: ['last_name'], message: 'Last name is required' })
  })

export type CustomerUpdateInput = z.input<typeof customerUpdateSchema>
export type CustomerUpdate = z.output<typeof customerUpdateSchema>
export type CustomerCreateInput = z.input<typeof customerCreateSchema>
export type CustomerCreate = z.output<typeof customerCreateSchema>

export const customerNoteSchema = z.object({
  customerId: recordId('Customer'),
  body: z
    .string()
    .trim()
    .min(1, 'Write a note first')
    .max(4000, 'Notes are limited to 4000 characters'),
})

export const duplicateLookupSchema = z.object({
  email: z.string().max(320).optional().default(''),
  phone: z.string().max(40).optional().default(''),
})

export const customerArchiveSchema = z.object({
  customerId: recordId('Customer'),
  archived: z.boolean(),
})
