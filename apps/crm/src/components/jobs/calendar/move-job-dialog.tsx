'use client'

import type { JobRow, StaffMemberRow } from '@repo/database/types'
import { dayKey } from '@repo/domain/dates'
import { formatTimeOfDay, minuteOfDay, minutesBetween } from '@repo/domain/scheduling'
import { Button } from '@repo/ui/button'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@repo/ui/dialog'
import { useState } from 'react'
import { moveJobAction } from '@/actions/jobs/move-job-action.ts'
import {
  readSchedule,
  ScheduleFields,
  type ScheduleErrors,
  type ScheduleValue,
  serverScheduleErrors,
} from './schedule-fields.tsx'
import { useScheduleSave } from './use-schedule-save.tsx'

function initialValue(job: JobRow, timeZone: string): ScheduleValue {
  const day = dayKey(job.scheduled_start, timeZone)
  return {
    technicianId: job.technician_id ?? '',
    day,
    time: formatTimeOfDay(minuteOfDay(job.scheduled_start, day, timeZone)),
    duration: String(minutesBetween(job.scheduled_start, job.scheduled_end)),
  }
}

/**
 * The keyboard's way to do everything a drag does: technician, day, start and length in one form,
 * with the same conflict check and confirmation. What was typed stays after a refusal.
 */
export function MoveJobDialog({
  job,
  staff,
  customerName,
  timeZone,
  onClose,
}: {
  job: JobRow
  staff: StaffMemberRow[]
  customerName: string | undefined
  timeZone: string
  onClose: () => void
}) {
  const [value, setValue] = useState(() => initialValue(job, timeZone))
  const [errors, setErrors] = useState<ScheduleErrors>({})
  const move = useScheduleSave(moveJobAction, { success: 'Job moved', onSaved: onClose })
  const shown = { ...serverScheduleErrors(move.fieldError), ...errors }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        onCloseAutoFocus={(event) => {
          // Back to the job's block, which may have moved to another column meanwhile.
          const block = document.querySelector<HTMLElement>(`[data-job-id="${job.id}"] button`)
          if (block) {
            event.preventDefault()
            block.focus()
          }
        }}
      >
        <DialogHeader className="[overflow-wrap:anywhere]">
          <DialogTitle>Move job</DialogTitle>
          <DialogDescription>
            {job.title}
            {customerName ? ` for ${customerName}` : ''}. Times are in the business’s time zone.
          </DialogDescription>
        </DialogHeader>
        <form
          aria-label="Move job"
          noValidate
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault()
            const read = readSchedule(value, timeZone)
            if (!read.ok) {
              setErrors(read.errors)
              return
            }
            setErrors({})
            move.save({ jobId: job.id, ...read.window })
          }}
        >
          <ScheduleFields
            idPrefix={`move-${job.id}`}
            value={value}
            onChange={(next) => {
              setValue(next)
              setErrors({})
            }}
            staff={staff}
            errors={shown}
          />
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" pending={move.pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
        {move.conflictDialog}
      </DialogContent>
    </Dialog>
  )
}
