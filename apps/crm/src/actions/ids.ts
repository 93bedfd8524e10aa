import { z } from 'zod'

// Any 8-4-4-4-12 hex id (seeded demo ids are not always RFC-versioned UUIDs).
export const recordId = (label: string) => z.guid({ message: `${label} is not a valid id` })

/** An ISO timestamp with offset; forms convert their local datetime to this before submitting. */
export const timestamp = (label: string) =>
  z.iso.datetime({ offset: true, message: `${label} must be a valid date and time` })

/** Optional text from a form: trims, and turns an empty string into null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null)
