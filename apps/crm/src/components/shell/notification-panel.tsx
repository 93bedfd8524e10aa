'use client'

import type { StaffNotificationRow } from '@repo/database/types'
import { formatMessageTime } from '@repo/domain/dates'
import { staffNotificationHref } from '@repo/domain/notifications'
import { Button } from '@repo/ui/button'
import { cn } from '@repo/ui/cn'
import { Popover, PopoverAnchor, PopoverContent } from '@repo/ui/popover'
import Link from 'next/link'
import type { RefObject } from 'react'

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
                <Link
                  href={staffNotificationHref(n)}
                  onClick={() => onOpenNotice(n)}
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
