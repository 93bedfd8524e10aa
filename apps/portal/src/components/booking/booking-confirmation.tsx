'use client'

import type { JobRow } from '@repo/database/types'
import { bookedNotice, slotSummary } from '@repo/domain/booking'
import { Button } from '@repo/ui/button'
import { Card } from '@repo/ui/card'
import Link from 'next/link'
import { useEffect, useRef } from 'react'
import { MyPhotosUpload } from '../files/my-photos-upload'
import { JobStatusBadge } from '../jobs/job-status-badge'

/** What the customer sees once the booking is saved; focus moves to its heading. */
export function BookingConfirmation({
  job,
  serviceName,
  propertyLabel,
  timeZone,
  onBookAnother,
}: {
  job: JobRow
  serviceName: string
  propertyLabel: string | null
  timeZone: string
  onBookAnother: () => void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  const notice = bookedNotice(job.status)
  return (
    <Card aria-labelledby="booked-heading" className="space-y-3" data-testid="booking-confirmation">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2
          id="booked-heading"
          ref={heading}
          tabIndex={-1}
          className="text-lg font-semibold text-slate-900 focus:outline-none"
        >
          {notice.title}
        </h2>
        <JobStatusBadge status={job.status} />
      </div>
      <p className="text-sm text-slate-700">{notice.description}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-700">Service</dt>
        <dd>{serviceName}</dd>
        <dt className="text-slate-700">When</dt>
        <dd>
          {slotSummary({ starts_at: job.scheduled_start, ends_at: job.scheduled_end }, timeZone)}
        </dd>
        <dt className="text-slate-700">Where</dt>
        <dd className="break-words">{propertyLabel ?? job.address ?? '—'}</dd>
      </dl>
      {/* Photos of what needs doing help the technician come prepared. */}
      <MyPhotosUpload jobId={job.id} />
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href={`/appointments/${job.id}`}>View appointment</Link>
        </Button>
        <Button variant="secondary" onClick={onBookAnother}>
          Book another service
        </Button>
      </div>
    </Card>
  )
}
