'use client'

import type { StaffNotificationRow } from '@repo/database/types'
import { Button } from '@repo/ui/button'
import { Popover, PopoverAnchor, PopoverContent } from '@repo/ui/popover'
import Link from 'next/link'
import type { RefObject } from 'react'
import { NotificationLink } from '../notifications/notification-link.tsx'

export interface NotificationPanelProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The bell: the panel opens under it and gives focus back to it. */
  bell: RefObject<HTMLButtonElement | null>
  notices: StaffNotificationRow[]
  unread: number
  timeZone: string
  onReadAll: () => void
  onOpenNotice: (notice: StaffNotificationRow) => void
}

/** The bell's popover: the latest notices, mark all read, the way to the notification centre. */
export default function NotificationPanel({ open, onOpenChange, bell, notices, unread, timeZone, onReadAll, onOpenNotice }: NotificationPanelProps) {
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverAnchor virtualRef={bell} />
      <PopoverContent
        align="end"
        aria-label="Notifications"
        className="w-[min(22rem,calc(100vw-1rem))] p-2"
        // The bell toggles the panel itself; a press on it is not "outside".
        onInteractOutside={(event) => {
          if (bell.current?.contains(event.target as Node)) event.preventDefault()
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          bell.current?.focus()
        }}
      >
        <div className="flex items-center justify-between gap-2 px-2 pb-1">
          <p className="text-sm font-semibold">Notifications</p>
          <Button variant="link" size="sm" disabled={unread === 0} onClick={onReadAll}>
            Mark all read
          </Button>
        </div>
        {notices.length === 0 ? (
          <p className="p-3 text-sm text-slate-700">No customer activity yet.</p>
        ) : (
          <ul className="max-h-96 overflow-auto">
            {notices.map((n) => (
              <li key={n.id}>
                <NotificationLink notice={n} timeZone={timeZone} onOpen={() => onOpenNotice(n)} />
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-slate-100 px-2 pt-2">
          <Link
            href="/notifications"
            onClick={() => onOpenChange(false)}
            className="inline-flex min-h-9 items-center text-sm font-medium text-sky-800 underline"
          >
            See all notifications
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  )
}
