import { MAX_ACCESS_NOTES_CHARS, MAX_PROPERTY_LABEL_CHARS } from '@repo/domain/properties'
import { z } from 'zod'
import { optionalText, recordId } from '../ids.ts'

/** A service address as staff type it (the database checks the same limits). */
const propertyFields = {
  label: z
    .string()
    .trim()
    .min(1, 'Name the property, e.g. Home or Rental')
    .max(MAX_PROPERTY_LABEL_CHARS, `A label is at most ${MAX_PROPERTY_LABEL_CHARS} characters`),
  address_line1: z
    .string()
    .trim()
    .min(1, 'Enter the street address')
    .max(200, 'Address must be at most 200 characters'),
  address_line2: optionalText(200, 'Address line 2'),
  city: optionalText(100, 'City'),
  region: optionalText(100, 'State/region'),
  postal_code: optionalText(20, 'Postal code'),
  access_notes: optionalText(MAX_ACCESS_NOTES_CHARS, 'Access notes'),
}

export const propertyCreateSchema = z.object({
  customerId: recordId('Customer'),
  ...propertyFields,
  makeMain: z.boolean().optional().default(false),
})

export const propertyUpdateSchema = z.object({
  propertyId: recordId('Property'),
  ...propertyFields,
})

export const propertyChanges = ['confirm', 'make_main', 'archive', 'restore'] as const
export type PropertyChange = (typeof propertyChanges)[number]

export const propertyChangeSchema = z.object({
  propertyId: recordId('Property'),
  change: z.enum(propertyChanges, { message: 'Unknown change' }),
})

export const propertyChoicesSchema = z.object({ customerId: recordId('Customer') })
