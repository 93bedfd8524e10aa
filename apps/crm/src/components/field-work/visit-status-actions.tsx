'use client'

import { useAction } from '@repo/actions/form'
import type { WorkSummary } from '@repo/domain/field-work'
import type { JobStatus } from '@repo/domain/jobs'
import { allowedNextStatuses, jobStatusLabel } from '@repo/domain/jobs'
import { canSetJobStatus } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { changeJobStatusAction } from '@/actions/jobs/change-job-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { CompleteVisit } from './complete-visit.tsx'

// The technician's steps, in order, and the words on each button.
const steps: ReadonlyArray<{ to: JobStatus; label: string }> = [
  { to: 'en_route', label: 'On my way' },
  { to: 'in_progress', label: 'Start' },
  { to: 'completed', label: 'Complete' },
]

/** The one next step of a visit (On my way → Start → Complete) as a large button. */
export function VisitStatusActions({
  job,
  customerName,
  summary,
}: {
  job: { id: string; status: JobStatus; technician_id: string | null }
  customerName: string
  summary: WorkSummary
}) {
  const session = useStaffSession()
  const me = { id: session.staffId, role: session.role }
  const status = useAction(changeJobStatusAction, {
    success: (j) => `Job ${jobStatusLabel[j.status].toLowerCase()}`,
  })
  const next = steps.find(
    (step) =>
      allowedNextStatuses(job.status).includes(step.to) && canSetJobStatus(me, job, step.to),
  )
  if (!next) return null
  // Completing from the visit itself asks for the customer's signature.
  if (next.to === 'completed' && job.status === 'in_progress') {
    return <CompleteVisit jobId={job.id} customerName={customerName} summary={summary} />
  }
  return (
    <Button
      size="lg"
      className="w-full text-lg"
      pending={status.pending}
      onClick={() => status.run({ jobId: job.id, status: next.to })}
    >
      {next.label}
    </Button>
  )
}
