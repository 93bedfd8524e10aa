'use client'

import { formatTime, toInstant } from '@repo/domain/dates'
import type { NoticeType } from '@repo/domain/realtime-tables'

export type NotificationType = NoticeType

export interface RealtimeNotificationProps {
  type: NotificationType
  title: string
  message?: string
  /** When it happened; shown as a time in `timeZone`. */
  timestamp?: Date | string
  /** The organization's time zone for `timestamp` (UTC when omitted). */
  timeZone?: string
  action?: { label: string; onClick: () => void }
  onDismiss?: () => void
  className?: string
}

const ACCENT: Record<NotificationType, string> = {
  job: 'border-l-sky-500',
  invoice: 'border-l-violet-500',
  message: 'border-l-emerald-500',
  loyalty: 'border-l-amber-500',
  info: 'border-l-gray-400',
}

const TYPE_LABEL: Record<NotificationType, string> = {
  job: 'Appointment',
  invoice: 'Invoice',
  message: 'Message',
  loyalty: 'Loyalty points',
  info: 'Update',
}

/**
 * One live-update notice (inside a toast or a feed).
 * @example
 * <RealtimeNotification type="invoice" title="Payment received" message="Invoice INV-1001 is paid"
 *   action={{ label: 'View', onClick: () => router.push('/invoices') }} />
 */
export function RealtimeNotification({
  type,
  title,
  message,
  timestamp,
  timeZone = 'UTC',
  action,
  onDismiss,
  className,
}: RealtimeNotificationProps) {
  const instant = toInstant(timestamp)
  const time = instant ? formatTime(instant, timeZone) : ''
  return (
    <div
      role="status"
      data-type={type}
      className={[
        'flex w-full items-start gap-3 rounded-md border border-l-4 border-gray-200 bg-white p-3 shadow-sm',
        ACCENT[type],
        className,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium uppercase tracking-wide text-gray-500">
          {TYPE_LABEL[type]}
          {time ? <span className="ml-2 normal-case tracking-normal">{time}</span> : null}
        </p>
        <p className="mt-0.5 text-sm font-semibold text-gray-900">{title}</p>
        {message ? <p className="mt-0.5 text-sm text-gray-600">{message}</p> : null}
      </div>
      {action ? (
        <button
          type="button"
          onClick={action.onClick}
          className="shrink-0 rounded px-2 py-1 text-sm font-medium text-sky-700 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          {action.label}
        </button>
      ) : null}
      {onDismiss ? (
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss notification"
          className="shrink-0 rounded px-1.5 text-gray-400 hover:text-gray-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-gray-400"
        >
          ×
        </button>
      ) : null}
    </div>
  )
}
