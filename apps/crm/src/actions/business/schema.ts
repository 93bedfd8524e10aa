import { bookingRuleLimits, isSlotStep } from '@repo/domain/availability'
import { parseMoneyToCents } from '@repo/domain/money'
import { parseRatePercent } from '@repo/domain/money'
import {
  contrastWithWhite,
  countries,
  currencies,
  isHexColour,
  MIN_ACCENT_CONTRAST,
} from '@repo/domain/organizations'
import { recordId } from '../ids.ts'
import { z } from 'zod'

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullish()

/** The first-run form: the business, its place and how customers reach it. */
export const newBusinessSchema = z.object({
  name: z.string().trim().min(1, 'Name your business').max(200),
  ownerName: z.string().trim().min(1, 'Enter your name').max(200),
  timezone: z.string().min(1, 'Pick the time zone you work in').max(100),
  countryCode: z.enum(countries.map((c) => c.code) as [string, ...string[]]),
  currency: z.enum(currencies as [string, ...string[]]),
  phone: optional(40),
  address: optional(500),
})

/** Settings: the business profile, what customers may do online, and the loyalty rule. */
export const businessSettingsSchema = newBusinessSchema.omit({ ownerName: true }).extend({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email({ message: 'Enter a valid e-mail address' }).nullable()),
  cancellationNoticeHours: z.coerce
    .number({ message: 'Enter a number of hours' })
    .int('Whole hours only')
    .min(0, 'At least 0 hours')
    .max(720, 'At most 720 hours (30 days)'),
  // Checkboxes: present ("on") when ticked, absent when not.
  customersMayConfirm: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  customersMayReschedule: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  customersMayCancel: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  techniciansAddCustomLines: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  pointsPerDollar: z.coerce
    .number({ message: 'Enter a number of points' })
    .int('Whole points only')
    .min(0, 'At least 0 points')
    .max(1000, 'At most 1000 points'),
  pointsPerJob: z.coerce
    .number({ message: 'Enter a number of points' })
    .int('Whole points only')
    .min(0, 'At least 0 points')
    .max(100_000, 'At most 100,000 points'),
})

export const newRewardSchema = z.object({
  name: z.string().trim().min(1, 'Name the reward').max(200, 'At most 200 characters'),
  pointsCost: z.coerce
    .number({ message: 'Enter a number of points' })
    .int('Whole points only')
    .min(1, 'At least 1 point')
    .max(1_000_000),
  // "$10 off": money off the customer's next invoice, in dollars as typed (empty: not a credit).
  creditAmount: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const cents = parseMoneyToCents(v)
      if (cents === null || cents < 1) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount like 10.00, or leave it empty' })
        return z.NEVER
      }
      return cents
    }),
  description: z
    .string()
    .trim()
    .max(5000)
    .transform((v) => v || null)
    .nullish(),
})

export const rewardActiveSchema = z.object({ rewardId: recordId('Reward'), active: z.boolean() })

/** A checkbox posted with a form: present ("on") when ticked, absent when not. */
const ticked = z.preprocess((v) => v === 'on' || v === true, z.boolean())

/**
 * A service: its name, what it includes, the usual price in dollars (stored as cents) per unit,
 * how long it takes, and whether sales tax applies to it.
 */
export const newServiceSchema = z.object({
  name: z.string().trim().min(1, 'Name the service').max(200, 'At most 200 characters'),
  description: optional(2000),
  basePriceCents: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Math.round(Number(v) * 100) : v),
    z
      .number({ message: 'Enter a price, e.g. 149.00' })
      .int()
      .min(0, 'The price cannot be negative')
      .max(100_000_000),
  ),
  // What the price is per (visit, room, rug); empty: each.
  unit: z
    .string()
    .trim()
    .max(40, 'At most 40 characters')
    .optional()
    .transform((v) => v || 'each'),
  durationMinutes: z.coerce
    .number({ message: 'Enter minutes' })
    .int('Whole minutes only')
    .min(1, 'At least 1 minute')
    .max(1440, 'At most 24 hours'),
  taxable: ticked,
})

export const serviceActiveSchema = z.object({ serviceId: recordId('Service'), active: z.boolean() })

/** A tax rate: its name and the percent as people write it ("8.25"), stored as basis points. */
export const newTaxRateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the rate, e.g. Sales tax')
    .max(100, 'At most 100 characters'),
  rateBps: z.preprocess(
    (v) => (typeof v === 'string' ? (parseRatePercent(v) ?? Number.NaN) : v),
    z
      .number({ message: 'Enter a percent from 0 to 100, e.g. 8.25' })
      .int('At most two decimals, e.g. 8.25')
      .min(0, 'Enter a percent from 0 to 100, e.g. 8.25')
      .max(10_000, 'Enter a percent from 0 to 100, e.g. 8.25'),
  ),
  isDefault: ticked,
})

export const taxRateChangeSchema = z.object({
  taxRateId: recordId('Tax rate'),
  change: z.enum(['make_default', 'withdraw', 'offer'], { message: 'Unknown change' }),
})

/** "1 minute", "5 minutes": `unit` is given in the plural. */
const amountOf = (n: number, unit: string) => `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`

const wholeNumber = (label: string, { min, max }: { min: number; max: number }, unit: string) =>
  z.coerce
    .number({ message: `Enter a number of ${unit}` })
    .int(`Whole ${unit} only`)
    .min(min, `${label}: at least ${amountOf(min, unit)}`)
    .max(max, `${label}: at most ${amountOf(max, unit)}`)

/** How customers book online (the limits the database checks on organizations). */
export const bookingRulesSchema = z.object({
  onlineBooking: ticked,
  instantBooking: ticked,
  leadHours: wholeNumber('Lead time', bookingRuleLimits.leadHours, 'hours'),
  horizonDays: wholeNumber('Booking ahead', bookingRuleLimits.horizonDays, 'days'),
  bufferMinutes: wholeNumber('Buffer', bookingRuleLimits.bufferMinutes, 'minutes'),
  slotStepMinutes: z.coerce
    .number({ message: 'Pick how often free times start' })
    .refine(isSlotStep, 'Pick 15, 20, 30 or 60 minutes'),
})

export const serviceBookableSchema = z.object({
  serviceId: recordId('Service'),
  bookable: z.boolean(),
})

const clockTime = (label: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: enter a time such as 21:00`)

/** Which channels the business uses for customer notifications, reminders and SMS quiet hours. */
export const notificationSettingsSchema = z.object({
  notifyByEmail: ticked,
  notifyBySms: ticked,
  reminderHoursBefore: wholeNumber('Reminder', { min: 1, max: 168 }, 'hours'),
  smsQuietStart: clockTime('Quiet from'),
  smsQuietEnd: clockTime('Quiet until'),
  unreadMessageNotifyMinutes: wholeNumber(
    'Unread message notice',
    { min: 1, max: 10_080 },
    'minutes',
  ),
  reviewRequestsEnabled: ticked,
  reviewRequestDelayHours: wholeNumber('Review request delay', { min: 0, max: 168 }, 'hours'),
  reviewLowRatingThreshold: wholeNumber('Low rating', { min: 1, max: 5 }, 'stars'),
  publicReviewUrl: z
    .string()
    .trim()
    .max(500, 'At most 500 characters')
    .transform((v) => (v === '' ? null : v))
    .pipe(
      z
        .url({ protocol: /^https?$/, message: 'Enter a web address starting with https://' })
        .nullable(),
    ),
})

/** The accent colour of the business's e-mails: `#rrggbb`, stored in lower case. */
export const brandSchema = z.object({
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .refine(isHexColour, 'Enter a colour like #0f766e')
    .refine((hex) => contrastWithWhite(hex) >= MIN_ACCENT_CONTRAST, {
      // The e-mail button's white label must stay readable on it.
      message: 'Too light: white button text on it would be hard to read. Pick a darker colour',
    }),
})
