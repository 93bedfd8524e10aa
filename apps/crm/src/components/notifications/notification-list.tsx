'use client'

import { useAction } from '@repo/actions/form'
import type { StaffNotificationRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { EmptyState } from '@repo/ui/empty-state'
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/actions/notifications/notification-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { NotificationLink } from './notification-link.tsx'

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
              <NotificationLink
                notice={n}
                timeZone={timeZone}
                detailed
                onOpen={() => {
                  if (!n.read_at) markOne.run({ notificationId: n.id })
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
