import type { ErrorHints } from '@repo/actions/errors'

/** The database's "not found" (PT404) for a service, property or job the customer may not book. */
export const slotErrors = {
  codes: {
    PT404:
      'That service or property can no longer be booked online. Please pick another or message us.',
  },
} satisfies ErrorHints
