// Which notifications a customer gets by e-mail and by text message, stored beside the pop-up
// switches in customers.notification_preferences. `email` and `sms` are the master switches; each
// event group has one switch per channel (`appointments_email`, `billing_sms`, ...). The database
// (migrations 29 and 32, `private.notification_wanted`) reads the same keys with the same defaults.

export const notificationGroups = [
  'appointments',
  'reminders',
  'billing',
  'messages',
  'reviews',
] as const
export type NotificationGroup = (typeof notificationGroups)[number]

export const deliveryChannels = ['email', 'sms'] as const
export type DeliveryChannel = (typeof deliveryChannels)[number]

export type DeliveryKey = DeliveryChannel | `${NotificationGroup}_${DeliveryChannel}`
export type DeliveryPreferences = Record<DeliveryKey, boolean>

export const deliveryKey = (group: NotificationGroup, channel: DeliveryChannel): DeliveryKey =>
  `${group}_${channel}`

export const deliveryKeys: readonly DeliveryKey[] = [
  ...deliveryChannels,
  ...notificationGroups.flatMap((group) =>
    deliveryChannels.map((channel) => deliveryKey(group, channel)),
  ),
]

/** E-mail on, text messages off until the customer turns them on; every group on. */
export const defaultDeliveryPreferences = Object.fromEntries(
  deliveryKeys.map((key) => [key, key !== 'sms']),
) as DeliveryPreferences

export const notificationGroupLabel: Record<NotificationGroup, { title: string; help: string }> = {
  appointments: {
    title: 'Appointments',
    help: 'Booked, confirmed, moved or cancelled; technician on the way; visit done.',
  },
  reminders: { title: 'Reminders', help: 'The day before an appointment.' },
  billing: { title: 'Quotes and billing', help: 'Quotes, invoices, receipts and failed payments.' },
  messages: { title: 'Messages', help: 'A message from the team you have not read yet.' },
  reviews: { title: 'Feedback requests', help: 'How did the visit go? Asked once after a visit.' },
}

export const deliveryChannelLabel: Record<DeliveryChannel, string> = {
  email: 'E-mail',
  sms: 'Text message',
}

/** Stored switches over the defaults; a malformed stored value counts as the default. */
export function parseDeliveryPreferences(value: unknown): DeliveryPreferences {
  const out = { ...defaultDeliveryPreferences }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out
  const stored = value as Record<string, unknown>
  for (const key of deliveryKeys) {
    const v = stored[key]
    if (typeof v === 'boolean') out[key] = v
  }
  return out
}

/** What a group's messages are, in a sentence ("You will no longer get appointment reminders"). */
export const notificationGroupTopic: Record<NotificationGroup, string> = {
  appointments: 'appointment updates',
  reminders: 'appointment reminders',
  billing: 'quotes, invoices and receipts',
  messages: 'notices of unread messages',
  reviews: 'requests to rate a visit',
}

/** "by e-mail" / "by text". */
export const deliveryChannelPhrase: Record<DeliveryChannel, string> = {
  email: 'by e-mail',
  sms: 'by text',
}
