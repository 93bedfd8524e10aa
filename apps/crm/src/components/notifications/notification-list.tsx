'use client'

import { useAction } from '@repo/actions/form'
import type { StaffNotificationRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { staffNotificationHref, staffNotificationKindLabel } from '@repo/domain/notifications'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { EmptyState } from '@repo/ui/empty-state'
import Link from 'next/link'
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/actions/notifications/notification-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** The notification centre: what customers did, newest first, unread ones marked. */
export function NotificationList({ notifications, unread }: { notifications: StaffNotificationRow[]; unread: number }) {
  const { timeZone } = useStaffSession()
  const markAll = useAction(markAllNotificationsReadAction, {
    success: (n) => (n === 1 ? '1 notification marked read' : `${n} notifications marked read`),
  })
  const markOne = useAction(markNotificationReadAction)
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Notifications</h1>
          <p className="text-sm text-slate-700" data-testid="unread-count">
            {unread === 0 ? 'All caught up' : unread === 1 ? '1 unread' : `${unread} unread`}
          </p>
        </div>
        <Button variant="secondary" disabled={unread === 0} pending={markAll.pending} onClick={() => markAll.run({})}>
          Mark all read
        </Button>
      </div>
      {notifications.length === 0 ? (
        <EmptyState title="Nothing yet">When a customer cancels, asks to reschedule, confirms, redeems points, updates their details or writes, it shows up here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
          {notifications.map((n) => (
            <li key={n.id} data-testid="notification" data-unread={n.read_at ? undefined : 'true'}>
              <Link
                href={staffNotificationHref(n)}
                onClick={() => {
                  if (!n.read_at) markOne.run({ notificationId: n.id })
                }}
                className={cn(
                  'flex min-w-0 gap-3 p-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700',
                  !n.read_at && 'bg-sky-50/60',
                )}
              >
                <span
                  aria-hidden="true"
                  className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.read_at ? 'bg-transparent' : 'bg-sky-700')}
                />
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-slate-900 wrap-anywhere">
                    {n.read_at ? null : <span className="sr-only">Unread: </span>}
                    {n.title}
                  </span>
                  {n.body ? <span className="block text-sm text-slate-700 wrap-anywhere">{n.body}</span> : null}
                  <span className="mt-1 block text-xs text-slate-600">
                    {staffNotificationKindLabel[n.kind]} · {formatMessageTime(n.created_at, timeZone)}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
