import { z } from 'zod'
import { defaultPreferences, type NotificationPreferences, notificationKinds } from './notification-kinds'

export * from './notification-kinds'

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
