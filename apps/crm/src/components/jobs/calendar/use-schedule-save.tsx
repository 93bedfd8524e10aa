'use client'

import { useAction } from '@repo/actions/form'
import type { ActionResult } from '@repo/actions/result'
import type { JobRow } from '@repo/database/types'
import {
  conflictKindLabel,
  conflictQuestion,
  type ScheduleConflict,
  sortConflicts,
} from '@repo/domain/scheduling'
import { LazyConfirmDialog } from '@repo/ui/lazy-confirm-dialog'
import { type ReactNode, useRef, useState } from 'react'
import type { ScheduleOutcome } from '@/actions/jobs/schedule-outcome.ts'

interface Attempt<I> {
  input: I
  optimistic: (() => void) | undefined
}

/**
 * Saves a calendar change (move, resize, new job) the same way everywhere: the action checks for
 * conflicts first; if there are any, a dialog lists them and "Save anyway" sends the same change
 * again, confirmed. Without conflicts it is saved at once. An optimistic change shows until the
 * answer and rolls back on a refusal or a conflict.
 */
export function useScheduleSave<I extends { confirmed?: boolean }>(
  action: (input: I) => Promise<ActionResult<ScheduleOutcome>>,
  options: { success: string; onSaved?: (job: JobRow) => void },
): {
  save: (input: I, optimistic?: () => void) => void
  pending: boolean
  fieldError: (name: string) => string | undefined
  conflictDialog: ReactNode
} {
  const last = useRef<Attempt<I> | null>(null)
  const [waiting, setWaiting] = useState<(Attempt<I> & { conflicts: ScheduleConflict[] }) | null>(
    null,
  )
  const action$ = useAction(action, {
    success: (outcome) => (outcome.status === 'saved' ? options.success : null),
    onSuccess: (outcome) => {
      if (outcome.status === 'saved') options.onSaved?.(outcome.job)
      else if (last.current)
        setWaiting({ ...last.current, conflicts: sortConflicts(outcome.conflicts) })
    },
  })
  const save = (input: I, optimistic?: () => void) => {
    last.current = { input, optimistic }
    action$.run(input, optimistic)
  }
  const conflicts = waiting?.conflicts ?? []
  return {
    save,
    pending: action$.pending,
    fieldError: (name) => action$.fieldError(name),
    conflictDialog: (
      <LazyConfirmDialog
        open={waiting !== null}
        onOpenChange={(open) => {
          if (!open) setWaiting(null)
        }}
        title="Schedule conflict"
        description={
          <>
            {conflictQuestion(conflicts)}
            <span className="mt-2 block space-y-1">
              {conflicts.map((c, i) => (
                <span
                  key={`${c.kind}-${c.job_id ?? i}`}
                  data-testid="conflict"
                  className="block rounded-md bg-amber-50 px-2 py-1 text-amber-950"
                >
                  <strong>{conflictKindLabel[c.kind]}:</strong> {c.message}
                </span>
              ))}
            </span>
          </>
        }
        confirmLabel="Save anyway"
        cancelLabel="Cancel"
        variant="primary"
        onConfirm={() => {
          if (!waiting) return
          setWaiting(null)
          save({ ...waiting.input, confirmed: true }, waiting.optimistic)
        }}
      />
    ),
  }
}
