import { digestFrequencies } from '@repo/domain/notifications'
import { z } from 'zod'
import { recordId } from '../ids.ts'

export const markNotificationReadSchema = z.object({ notificationId: recordId('Notification') })
export const markAllNotificationsReadSchema = z.object({})

/** The signed-in staff member's e-mail digest of unread notifications. */
export const digestSettingSchema = z.object({
  frequency: z.enum(digestFrequencies, { message: 'Pick how often' }),
  hour: z.coerce
    .number({ message: 'Pick an hour' })
    .int()
    .min(0, 'Pick an hour')
    .max(23, 'Pick an hour'),
})
