'use client'

import { useActionForm } from '@repo/actions/form'
import type { OrganizationRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { Checkbox } from '@repo/ui/checkbox'
import { TextField } from '@repo/ui/field'
import { Label } from '@repo/ui/label'
import { updateNotificationSettingsAction } from '@/actions/business/update-notification-settings-action.ts'

/** How customers hear about their appointments and bills; each customer can still opt out. */
export function NotificationSettingsForm({
  organization: org,
  canEdit,
}: {
  organization: OrganizationRow
  canEdit: boolean
}) {
  const { formProps, pending, fieldError } = useActionForm(updateNotificationSettingsAction, {
    success: 'Notification settings saved',
  })
  return (
    <form {...formProps} noValidate aria-label="Customer notifications" className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-4">
        <legend className="sr-only">Customer notifications</legend>
        <div className="space-y-2">
          {(
            [
              ['notifyByEmail', 'Send customers e-mails', org.notify_by_email],
              ['notifyBySms', 'Send customers text messages', org.notify_by_sms],
            ] as const
          ).map(([name, label, checked]) => (
            <div key={name} className="flex min-h-11 items-center gap-3">
              <Checkbox id={`notify-${name}`} name={name} defaultChecked={checked} />
              <Label htmlFor={`notify-${name}`} className="font-normal">
                {label}
              </Label>
            </div>
          ))}
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Reminder before a visit (hours)"
            name="reminderHoursBefore"
            type="number"
            min={1}
            max={168}
            defaultValue={org.reminder_hours_before}
            error={fieldError('reminderHoursBefore')}
          />
          <TextField
            label="No texts from"
            name="smsQuietStart"
            type="time"
            defaultValue={org.sms_quiet_start.slice(0, 5)}
            hint={`In ${org.timezone} time.`}
            error={fieldError('smsQuietStart')}
          />
          <TextField
            label="No texts until"
            name="smsQuietEnd"
            type="time"
            defaultValue={org.sms_quiet_end.slice(0, 5)}
            error={fieldError('smsQuietEnd')}
          />
        </div>
        <TextField
          label="Tell customers about an unread message after (minutes)"
          name="unreadMessageNotifyMinutes"
          type="number"
          min={1}
          max={10080}
          defaultValue={org.unread_message_notify_minutes}
          hint="A message you send that the customer has not read by then is sent by e-mail or text. Reading it first cancels the notice."
          error={fieldError('unreadMessageNotifyMinutes')}
        />
        <fieldset className="space-y-4 border-t border-slate-200 pt-4">
          <legend className="pt-4 font-medium text-slate-900">Reviews</legend>
          <div className="flex min-h-11 items-center gap-3">
            <Checkbox
              id="notify-reviewRequestsEnabled"
              name="reviewRequestsEnabled"
              defaultChecked={org.review_requests_enabled}
            />
            <Label htmlFor="notify-reviewRequestsEnabled" className="font-normal">
              Ask customers to rate a visit after it is completed
            </Label>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Ask after (hours)"
              name="reviewRequestDelayHours"
              type="number"
              min={0}
              max={168}
              defaultValue={org.review_request_delay_hours}
              error={fieldError('reviewRequestDelayHours')}
            />
            <TextField
              label="Tell the office about ratings of (stars) or fewer"
              name="reviewLowRatingThreshold"
              type="number"
              min={1}
              max={5}
              defaultValue={org.review_low_rating_threshold}
              error={fieldError('reviewLowRatingThreshold')}
            />
          </div>
          <TextField
            label="Public review page (optional)"
            name="publicReviewUrl"
            type="url"
            placeholder="https://"
            defaultValue={org.public_review_url ?? ''}
            hint="Customers who rate higher than that are invited to review you there too."
            error={fieldError('publicReviewUrl')}
          />
        </fieldset>
      </fieldset>
      {canEdit ? (
        <Button type="submit" pending={pending}>
          Save notification settings
        </Button>
      ) : (
        <p className="text-sm text-slate-700">Only owners and admins change these settings.</p>
      )}
    </form>
  )
}
