'use client'

import { useAction } from '@repo/actions/form'
import type { StaffNotificationRow } from '@repo/database/types'
import { staffNotificationHref, unreadBadgeText } from '@repo/domain/notifications'
import { useOrganizationUpdates } from '@repo/realtime'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { lazy, Suspense, useRef, useState } from 'react'
import { toast } from '@repo/ui/toast'
import { markAllNotificationsReadAction, markNotificationReadAction } from '@/actions/notifications/notification-actions.ts'
import { useStaffSession } from './staff-session.tsx'

const SHOWN = 8

// The popover (Radix Popover with its positioning, ~22 kB gzipped) loads on the first press of the
// bell, not with every CRM page.
const NotificationPanel = lazy(() => import('./notification-panel.tsx'))

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
  const [loaded, setLoaded] = useState(false)
  const bell = useRef<HTMLButtonElement>(null)
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
    <>
      <Button
        ref={bell}
        variant="ghost"
        size="icon"
        aria-label={badge ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="relative"
        onClick={() => {
          setLoaded(true)
          setOpen((o) => !o)
        }}
      >
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
      {loaded ? (
        <Suspense fallback={null}>
          <NotificationPanel
            open={open}
            onOpenChange={setOpen}
            bell={bell}
            notices={notices}
            unread={unread}
            timeZone={timeZone}
            onReadAll={readAll}
            onOpenNotice={(n) => {
              setOpen(false)
              if (!n.read_at) markOne.run({ notificationId: n.id })
            }}
          />
        </Suspense>
      ) : null}
    </>
  )
}
