'use client'

import { formatTime } from '@repo/domain/dates'
import { describeJobForStaff } from '@repo/domain/jobs'
import { describeMessageForStaff } from '@repo/domain/messages'
import type { StaffNotice } from '@repo/domain/realtime-tables'
import { useOrganizationUpdates } from '@repo/realtime'
import { Badge } from '@repo/ui/badge'
import { Button } from '@repo/ui/button'
import { Popover, PopoverContent, PopoverTrigger } from '@repo/ui/popover'
import Link from 'next/link'
import { useRef, useState } from 'react'
import { toast } from 'sonner'
import { useStaffSession } from './staff-session.tsx'

type Notice = StaffNotice & { href: string }

/** Bell for customer activity: new customer messages, confirmations and reschedule requests. */
export function NotificationBell() {
  const { organizationId, timeZone } = useStaffSession()
  const [notices, setNotices] = useState<Notice[]>([])
  const [unseen, setUnseen] = useState(0)
  const [open, setOpen] = useState(false)
  const seen = useRef(new Set<string>())

  const push = (notice: Notice) => {
    if (seen.current.has(notice.id)) return
    seen.current.add(notice.id)
    setNotices((list) => [notice, ...list].slice(0, 20))
    setUnseen((n) => n + 1)
    toast.info(notice.text, { action: { label: 'Open', onClick: () => window.location.assign(notice.href) } })
  }

  // Full rows, not the change feed's ids: whether a change is news depends on its columns.
  useOrganizationUpdates('messages', organizationId, {
    onInsert: (row) => {
      const notice = describeMessageForStaff(row)
      if (notice) push({ ...notice, href: `/messages/${row.customer_id}` })
    },
  })
  useOrganizationUpdates('jobs', organizationId, {
    onUpdate: (row) => {
      for (const notice of describeJobForStaff(row)) push({ ...notice, href: `/customers/${row.customer_id}?tab=jobs` })
    },
  })

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        setUnseen(0)
      }}
    >
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          aria-label={unseen > 0 ? `Notifications, ${unseen} new` : 'Notifications'}
          className="relative"
        >
          <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {unseen > 0 ? (
            <Badge
              data-testid="bell-count"
              tone="danger"
              className="absolute top-1 right-1 min-w-5 justify-center bg-red-700 px-1 py-0 font-bold text-white"
            >
              {unseen}
            </Badge>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" aria-label="Notifications" className="w-80 p-2">
        {notices.length === 0 ? (
          <p className="p-3 text-sm text-slate-700">No new customer activity.</p>
        ) : (
          <ul className="max-h-96 overflow-auto">
            {notices.map((n) => (
              <li key={n.id}>
                <Link href={n.href} onClick={() => setOpen(false)} className="block rounded-lg p-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-700">
                  <span className="font-medium">{n.text}</span>
                  <span className="block text-xs text-slate-600">{formatTime(n.at, timeZone)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </PopoverContent>
    </Popover>
  )
}
