'use client'

import { offlineWording } from '@repo/domain/field-work'
import { jobStatusLabel, jobStatusTone } from '@repo/domain/jobs'
import { Badge } from '@repo/ui/badge'
import { useVisit } from './offline-visit.tsx'

/** The visit's status as the technician left it, marked while the step is still on the phone. */
export function VisitStatusBadge() {
  const visit = useVisit()
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <Badge tone={jobStatusTone[visit.status]}>{jobStatusLabel[visit.status]}</Badge>
      {visit.statusWaiting ? (
        <span className="text-xs text-amber-800" data-testid="status-waiting">
          {offlineWording.waiting}
        </span>
      ) : null}
    </div>
  )
}
