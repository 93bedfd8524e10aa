// Limits the database enforces with check constraints, for forms and counters to show before a
// write is refused. No imports: client components read these. test/schema/limits.test.ts checks
// each against its constraint.

/** `messages.body`: 1 to this many characters after trimming (both apps, one limit). */
export const MAX_MESSAGE_CHARS = 5000

/** Most characters per customer field (`customers` check constraints); e-mail has no length limit there. */
export const CUSTOMER_FIELD_MAX_CHARS = {
  first_name: 100,
  last_name: 100,
  phone: 40,
  address_line1: 200,
  address_line2: 200,
  city: 100,
  region: 100,
  postal_code: 20,
} as const

/** `customers.email` must match this (case-insensitive), as the check constraint says. */
export const CUSTOMER_EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'

/** Data rows per customer import (`customer_imports.total_rows`). */
export const MAX_IMPORT_ROWS = 20_000

/** Longest e-mail the import accepts (the SMTP limit): checked by `check_customer_import`, not a constraint. */
export const IMPORT_EMAIL_MAX_CHARS = 254

/** Longest cell `customer_import_rows` stages (its check constraints); longer cells are cut before upload. */
export const STAGED_CELL_MAX_CHARS = 1000

/**
 * The Storage buckets for files (`storage.buckets` rows of the files migration: size limit and
 * allowed types), so a form refuses a file before uploading it. Paths: docs/FILES.md.
 */
export const ATTACHMENT_BUCKETS = {
  'job-photos': {
    maxBytes: 20 * 1024 * 1024,
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif'],
  },
  documents: {
    maxBytes: 25 * 1024 * 1024,
    mimeTypes: [
      'application/pdf',
      'image/jpeg',
      'image/png',
      'image/webp',
      'text/plain',
      'text/csv',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },
  'customer-uploads': {
    maxBytes: 20 * 1024 * 1024,
    mimeTypes: [
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/heic',
      'image/heif',
      'application/pdf',
    ],
  },
} as const satisfies Record<string, { maxBytes: number; mimeTypes: readonly string[] }>

export type AttachmentBucket = keyof typeof ATTACHMENT_BUCKETS

/** Longest file name an attachment keeps (`attachments.name`). */
export const ATTACHMENT_NAME_MAX_CHARS = 255

/** Staff photos (the public `avatars` bucket, migration *_field_onsite): its own limits repeated. */
export const AVATAR_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const

/** Why a file cannot be a staff photo, or null when it can. */
export function avatarProblem(file: { type: string; size: number }): string | null {
  if (!(AVATAR_LIMITS.mimeTypes as readonly string[]).includes(file.type))
    return 'Choose a JPEG, PNG or WebP photo'
  if (file.size > AVATAR_LIMITS.maxBytes) return 'A photo is at most 5 MB'
  return null
}
