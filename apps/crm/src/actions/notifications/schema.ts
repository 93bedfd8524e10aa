import { z } from 'zod'
import { recordId } from '../ids.ts'

export const markNotificationReadSchema = z.object({ notificationId: recordId('Notification') })
export const markAllNotificationsReadSchema = z.object({})
