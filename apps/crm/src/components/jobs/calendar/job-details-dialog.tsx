'use client'

import type { JobRow, PropertyRow, StaffMemberRow } from '@repo/database/types'
import { formatTimeRange } from '@repo/domain/dates'
import { formatCents } from '@repo/domain/money'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import Link from 'next/link'
import { type ReactNode, useRef } from 'react'
import { RecordFiles } from '@/components/files/record-files.tsx'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { JobActions, JobStatusBadge } from '../job-card.tsx'
import { RescheduleRequestNote } from '../reschedule-request-note.tsx'

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  )
}

/** A job opened from the calendar: who, where (with access notes), what, and its actions. */
export function JobDetailsDialog({
  job,
  staff,
  customerName,
  property,
  serviceName,
  onMove,
  onClose,
}: {
  job: JobRow
  staff: StaffMemberRow[]
  customerName: string | undefined
  property: PropertyRow | undefined
  serviceName: string | undefined
  onMove: () => void
  onClose: () => void
}) {
  const { timeZone, currency } = useStaffSession()
  const content = useRef<HTMLDivElement>(null)
  const technician = staff.find((s) => s.id === job.technician_id)
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        ref={content}
        onOpenAutoFocus={(event) => {
          // "Move" first: Enter on a block, then Enter again, is the keyboard's drag.
          const move = content.current?.querySelector<HTMLElement>('[data-action="move"]')
          if (move) {
            event.preventDefault()
            move.focus()
          }
        }}
      >
        <DialogHeader className="[overflow-wrap:anywhere]">
          <DialogTitle>{job.title}</DialogTitle>
          <DialogDescription>
            {formatTimeRange(job.scheduled_start, job.scheduled_end, timeZone)}
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <JobStatusBadge status={job.status} />
          <span className="text-slate-700">{technician ? technician.full_name : 'Unassigned'}</span>
        </div>
        <dl className="space-y-1.5 text-sm">
          <Detail term="Customer">
            <Link
              prefetch={false}
              href={`/customers/${job.customer_id}?tab=jobs`}
              className="text-sky-800 hover:underline"
            >
              {customerName ?? 'Open customer'}
            </Link>
          </Detail>
          <Detail term="Address">
            {property?.label ? <span className="font-medium">{property.label}: </span> : null}
            {job.address ?? 'No address'}
          </Detail>
          {property?.access_notes ? (
            <Detail term="Access notes">{property.access_notes}</Detail>
          ) : null}
          <Detail term="Service">{serviceName ?? 'No service'}</Detail>
          <Detail term="Price">{formatCents(job.price_cents, currency)}</Detail>
          {job.notes ? <Detail term="Notes">{job.notes}</Detail> : null}
        </dl>
        <RescheduleRequestNote job={job} timeZone={timeZone} className="text-sm" />
        <div className="text-sm">
          <JobActions job={job} staff={staff} onMove={onMove} />
        </div>
        <RecordFiles target={{ type: 'job', id: job.id }} title="Photos" />
      </DialogContent>
    </Dialog>
  )
}
