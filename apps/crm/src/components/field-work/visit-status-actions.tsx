'use client'

import type { WorkSummary } from '@repo/domain/field-work'
import { allowedNextStatuses } from '@repo/domain/jobs'
import { canSetJobStatus } from '@repo/domain/staff'
import { Button } from '@repo/ui/button'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import {
  type FieldStep,
  fieldKinds,
  type StatusPayload,
  stepLabel,
} from '@/offline/field/field-kinds.ts'
import { useVisit } from '@/offline/offline-visit.tsx'
import { CompleteVisit } from './complete-visit.tsx'

// The technician's steps, in order.
const steps: readonly FieldStep[] = ['en_route', 'in_progress', 'completed']

/**
 * The one next step of a visit (On my way → Start → Complete) as a large button. Steps go through
 * the offline queue: sent at once with a connection, kept on the phone without one.
 */
export function VisitStatusActions({
  job,
  customerName,
  summary,
}: {
  job: { id: string; technician_id: string | null }
  customerName: string
  summary: WorkSummary
}) {
  const session = useStaffSession()
  const visit = useVisit()
  const me = { id: session.staffId, role: session.role }
  const next = steps.find(
    (to) => allowedNextStatuses(visit.status).includes(to) && canSetJobStatus(me, job, to),
  )
  if (!next) return null
  // Completing from the visit itself asks for the customer's signature.
  if (next === 'completed' && visit.status === 'in_progress') {
    return <CompleteVisit customerName={customerName} summary={summary} />
  }
  return (
    <Button
      size="lg"
      className="w-full text-lg"
      disabled={!visit.ready}
      onClick={() => void visit.change<StatusPayload>(fieldKinds.status, { status: next })}
    >
      {stepLabel[next]}
    </Button>
  )
}
