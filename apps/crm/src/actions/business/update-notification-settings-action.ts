'use server'

import { ok } from '@repo/actions/result'
import { updateNotificationSettings } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { notificationSettingsSchema } from './schema.ts'

/** Owners and admins choose how customers are notified (RLS allows the same two roles). */
export const updateNotificationSettingsAction = staffAction(
  {
    name: 'settings.notifications',
    schema: notificationSettingsSchema,
    role: 'settings.manage',
    revalidate: ['/settings/notifications'],
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(
      await updateNotificationSettings(supabase, organization.id, {
        notify_by_email: input.notifyByEmail,
        notify_by_sms: input.notifyBySms,
        reminder_hours_before: input.reminderHoursBefore,
        sms_quiet_start: input.smsQuietStart,
        sms_quiet_end: input.smsQuietEnd,
        unread_message_notify_minutes: input.unreadMessageNotifyMinutes,
        review_requests_enabled: input.reviewRequestsEnabled,
        review_request_delay_hours: input.reviewRequestDelayHours,
        review_low_rating_threshold: input.reviewLowRatingThreshold,
        public_review_url: input.publicReviewUrl,
      }),
    ),
)
