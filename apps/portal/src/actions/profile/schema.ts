import { deliveryKeys, notificationKinds } from '@repo/domain/notifications'
import { z } from 'zod'

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} can be up to ${max} characters.` })
    .transform((v) => (v === '' ? null : v))

export const profileSchema = z.object({
  first_name: z.string().trim().min(1, { message: 'Enter your first name.' }).max(100),
  last_name: z.string().trim().min(1, { message: 'Enter your last name.' }).max(100),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'Enter a valid email address.' })
    .transform((v) => (v === '' ? null : v)),
  phone: z
    .string()
    .trim()
    .max(40, { message: 'Phone numbers can be up to 40 characters.' })
    .refine((v) => v === '' || /^[0-9+()\-.\s]{5,}$/.test(v), { message: 'Enter a phone number using digits, spaces and + ( ) -.' })
    .transform((v) => (v === '' ? null : v)),
  address_line1: optionalText(200, 'Address'),
  address_line2: optionalText(200, 'Address line 2'),
  city: optionalText(100, 'City'),
  region: optionalText(100, 'State or region'),
  postal_code: optionalText(20, 'Postal code'),
})

export const preferencesSchema = z.object(
  Object.fromEntries(notificationKinds.map((k) => [k, z.boolean()])) as Record<(typeof notificationKinds)[number], z.ZodBoolean>,
)

export type ProfileInput = z.input<typeof profileSchema>

export const deliveryPreferencesSchema = z.object(
  Object.fromEntries(deliveryKeys.map((k) => [k, z.boolean()])) as Record<(typeof deliveryKeys)[number], z.ZodBoolean>,
)
