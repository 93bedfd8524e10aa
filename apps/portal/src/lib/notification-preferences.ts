import { z } from 'zod'

/** Which kinds of change raise a toast; stored in customers.notification_preferences. */
// Key names match the stored JSON the CRM and seed use (other keys such as email/sms are kept).
export const notificationKinds = ['job_updates', 'invoice_updates', 'message_updates', 'loyalty_updates'] as const
export type NotificationKind = (typeof notificationKinds)[number]
export type NotificationPreferences = Record<NotificationKind, boolean>

export const defaultPreferences: NotificationPreferences = {
  job_updates: true,
  invoice_updates: true,
  message_updates: true,
  loyalty_updates: true,
}

const stored = z.object(Object.fromEntries(notificationKinds.map((k) => [k, z.boolean().optional()])))

/** Reads whatever is stored, keeping defaults for missing or malformed keys. */
export function parsePreferences(value: unknown): NotificationPreferences {
  const parsed = stored.safeParse(value)
  if (!parsed.success) return { ...defaultPreferences }
  const out = { ...defaultPreferences }
  for (const kind of notificationKinds) {
    const v = parsed.data[kind]
    if (typeof v === 'boolean') out[kind] = v
  }
  return out
}

export const tableKind: Record<string, NotificationKind> = {
  jobs: 'job_updates',
  invoices: 'invoice_updates',
  messages: 'message_updates',
  loyalty_transactions: 'loyalty_updates',
}
