import { z } from 'zod'

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} can be up to ${max} characters.` })
    .transform((v) => (v === '' ? null : v))

const label = z
  .string()
  .trim()
  .min(1, { message: 'Give the property a name, such as Home or Rental.' })
  .max(60, { message: 'Keep the name under 60 characters.' })

const accessNotes = optionalText(2000, 'Access notes')

/** A service address the customer adds; the office confirms it. */
export const addPropertySchema = z.object({
  label,
  address_line1: z
    .string()
    .trim()
    .min(1, { message: 'Enter the street address.' })
    .max(200, { message: 'Address can be up to 200 characters.' }),
  address_line2: optionalText(200, 'Address line 2'),
  city: optionalText(100, 'City'),
  region: optionalText(100, 'State or region'),
  postal_code: optionalText(20, 'Postal code'),
  access_notes: accessNotes,
})

/** What a customer may change on a property: its name and the access notes. */
export const updatePropertySchema = z.object({
  propertyId: z.uuid({ message: 'Unknown property.' }),
  label,
  access_notes: accessNotes,
})

export const propertyFormFields = [
  'label',
  'address_line1',
  'address_line2',
  'city',
  'region',
  'postal_code',
  'access_notes',
] as const
