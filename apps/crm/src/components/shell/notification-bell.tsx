'use client'

import { useAction } from '@repo/actions/form'
import type { StaffNotificationRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { staffNotificationHref, unreadBadgeText } from '@repo/domain/notifications'
import { useOrganizationUpdates } from '@repo/realtime'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { Popover, PopoverContent, PopoverTrigger } from '@repo/ui/popover'
import Link from 'next/link'
import { useState } from 'react'
import { toast } from 'sonner'
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/actions/notifications/notification-actions.ts'
import { useStaffSession } from './staff-session.tsx'

const SHOWN = 8

export interface BellInbox {
  notifications: StaffNotificationRow[]
  unread: number
}

/**
 * The staff member's notifications (kept by the database, so they survive a reload): the unread
 * count on the bell, the latest few in a popover, a toast for each new one as it arrives.
 */
export function NotificationBell({ initial }: { initial: BellInbox }) {
  const { organizationId, timeZone } = useStaffSession()
  const [notices, setNotices] = useState(initial.notifications.slice(0, SHOWN))
  const [unread, setUnread] = useState(initial.unread)
  const [open, setOpen] = useState(false)
  const markAll = useAction(markAllNotificationsReadAction)
  const markOne = useAction(markNotificationReadAction)

  // RLS sends each staff member only their own notices.
  useOrganizationUpdates('staff_notifications', organizationId, {
    onInsert: (row) => {
      setNotices((list) => (list.some((n) => n.id === row.id) ? list : [row, ...list].slice(0, SHOWN)))
      setUnread((n) => n + 1)
      toast.info(row.title, {
        description: row.body ?? undefined,
        action: { label: 'Open', onClick: () => window.location.assign(staffNotificationHref(row)) },
      })
    },
    onUpdate: (row, old) => {
      setNotices((list) => list.map((n) => (n.id === row.id ? row : n)))
      if (old?.read_at === null && row.read_at !== null) setUnread((n) => Math.max(0, n - 1))
    },
  })

  const readAll = () => {
    setUnread(0)
    setNotices((list) => list.map((n) => (n.read_at ? n : { ...n, read_at: new Date().toISOString() })))
    markAll.run({})
  }
  const badge = unreadBadgeText(unread)

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={badge ? `Notifications, ${unread} unread` : 'Notifications'} className="relative">
          <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {badge ? (
            <Badge
              data-testid="bell-count"
              tone="danger"
              className="absolute top-1 right-1 min-w-5 justify-center bg-red-700 px-1 py-0 font-bold text-white"
            >
              {badge}
            </Badge>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" aria-label="Notifications" className="w-[min(22rem,calc(100vw-1rem))] p-2">
        <div className="flex items-center justify-between gap-2 px-2 pb-1">
          <p className="text-sm font-semibold">Notifications</p>
          <Button variant="link" size="sm" disabled={unread === 0} onClick={readAll}>
            Mark all read
          </Button>
        </div>
        {notices.length === 0 ? (
          <p className="p-3 text-sm text-slate-700">No customer activity yet.</p>
        ) : (
          <ul className="max-h-96 overflow-auto">
            {notices.map((n) => (
              <li key={n.id}>
                <Link
                  href={staffNotificationHref(n)}
                  onClick={() => {
                    setOpen(false)
                    if (!n.read_at) markOne.run({ notificationId: n.id })
                  }}
                  className={cn(
                    'flex gap-2 rounded-lg p-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700',
                    !n.read_at && 'bg-sky-50/60',
                  )}
                >
                  <span aria-hidden="true" className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.read_at ? 'bg-transparent' : 'bg-sky-700')} />
                  <span className="min-w-0">
                    <span className="block font-medium wrap-anywhere">
                      {n.read_at ? null : <span className="sr-only">Unread: </span>}
                      {n.title}
                    </span>
                    <span className="block text-xs text-slate-600">{formatMessageTime(n.created_at, timeZone)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-slate-100 px-2 pt-2">
          <Link href="/notifications" onClick={() => setOpen(false)} className="inline-flex min-h-9 items-center text-sm font-medium text-sky-800 underline">
            See all notifications
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  )
}
