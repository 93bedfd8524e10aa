// The CRM's delivery log: how a notification's delivery stands, in words and a badge tone.
import { Constants, type Enums } from '@repo/database/types'

export type DeliveryStatus = Enums<'notification_status'>

export const deliveryStatuses: readonly DeliveryStatus[] =
  Constants.public.Enums.notification_status

export const deliveryStatusLabel: Record<DeliveryStatus, string> = {
  pending: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  dead: 'Failed',
  cancelled: 'Withdrawn',
}

export const deliveryStatusTone: Record<DeliveryStatus, 'neutral' | 'info' | 'success' | 'danger'> =
  {
    pending: 'info',
    sending: 'info',
    sent: 'success',
    dead: 'danger',
    cancelled: 'neutral',
  }

export const isDeliveryStatus = (value: unknown): value is DeliveryStatus =>
  typeof value === 'string' && (deliveryStatuses as readonly string[]).includes(value)

/** Only a delivery that gave up can be sent again by hand. */
export const canRetryDelivery = (status: DeliveryStatus) => status === 'dead'

export const digestFrequencies = ['off', 'hourly', 'daily'] as const
export type DigestFrequency = (typeof digestFrequencies)[number]

export const digestFrequencyLabel: Record<DigestFrequency, string> = {
  off: 'Off',
  hourly: 'Every hour',
  daily: 'Once a day',
}

/** `7:00 AM` for hour 7: the daily digest's hour in the picker. */
export function digestHourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12
  return `${h}:00 ${hour < 12 ? 'AM' : 'PM'}`
}
