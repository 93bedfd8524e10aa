'use client'

import { useActionForm } from '@repo/actions/form'
import type { JobRow } from '@repo/database/types'
import { formatTimeRange } from '@repo/domain/dates'
import { Button } from '@repo/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import { TextAreaField } from '@repo/ui/field'
import { changeJobStatusAction } from '@/actions/jobs/change-job-status-action.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'

/** Declines an online booking: the job is cancelled with a reason the customer reads in the portal. */
export function DeclineRequestDialog({
  job,
  customerName,
  onClose,
}: {
  job: JobRow
  customerName: string | undefined
  onClose: () => void
}) {
  const { timeZone } = useStaffSession()
  const decline = useActionForm(changeJobStatusAction, {
    toInput: (form) => ({
      jobId: job.id,
      status: 'cancelled' as const,
      reason: String(form.get('reason') ?? ''),
    }),
    success: 'Booking declined',
    onSuccess: onClose,
  })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader className="[overflow-wrap:anywhere]">
          <DialogTitle>Decline booking</DialogTitle>
          <DialogDescription>
            {job.title}
            {customerName ? ` for ${customerName}` : ''},{' '}
            {formatTimeRange(job.scheduled_start, job.scheduled_end, timeZone)}.
          </DialogDescription>
        </DialogHeader>
        <form {...decline.formProps} aria-label="Decline booking" noValidate className="space-y-4">
          <TextAreaField
            id={`decline-${job.id}`}
            label="Reason (the customer sees it)"
            name="reason"
            rows={3}
            required
            error={decline.fieldError('reason')}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Keep request
            </Button>
            <Button type="submit" variant="danger" pending={decline.pending}>
              Decline booking
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
