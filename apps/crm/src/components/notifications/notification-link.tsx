'use client'

import type { StaffNotificationRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { staffNotificationHref, staffNotificationKindLabel } from '@repo/domain/notifications'
import { cn } from '@repo/ui/cn'
import Link from 'next/link'

/**
 * One notification as a link to what it is about: unread dot, who did what, and when. The bell's
 * popover shows it compact; the notification centre adds the body and the kind.
 */
export function NotificationLink({
  notice,
  timeZone,
  onOpen,
  detailed = false,
}: {
  notice: StaffNotificationRow
  timeZone: string
  onOpen: () => void
  detailed?: boolean
}) {
  const unread = !notice.read_at
  const when = formatMessageTime(notice.created_at, timeZone)
  return (
    <Link
      href={staffNotificationHref(notice)}
      onClick={onOpen}
      className={cn(
        'flex min-w-0 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700',
        detailed ? 'gap-3 p-4' : 'gap-2 rounded-lg p-2 text-sm',
        unread && 'bg-sky-50/60',
      )}
    >
      <span aria-hidden="true" className={cn('mt-1.5 size-2 shrink-0 rounded-full', unread ? 'bg-sky-700' : 'bg-transparent')} />
      <span className="min-w-0 flex-1">
        <span className="block font-medium text-slate-900 wrap-anywhere">
          {unread ? <span className="sr-only">Unread: </span> : null}
          {notice.title}
        </span>
        {detailed && notice.body ? <span className="block text-sm text-slate-700 wrap-anywhere">{notice.body}</span> : null}
        <span className={cn('block text-xs text-slate-600', detailed && 'mt-1')}>
          {detailed ? `${staffNotificationKindLabel[notice.kind]} · ${when}` : when}
        </span>
      </span>
    </Link>
  )
}
