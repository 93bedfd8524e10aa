'use client'

import { describeOthersChanges, offlineWording } from '@repo/domain/field-work'
import { type JobStatus, jobStatusLabel } from '@repo/domain/jobs'
import { Button } from '@repo/ui/button'
import { useId } from 'react'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { useOfflineQueue } from './offline-queue-provider.tsx'
import { useVisit } from './offline-visit.tsx'
import { actionKind } from './queue/registry.ts'
import type { QueuedAction } from './queue/types.ts'

function describe(action: QueuedAction): string {
  return actionKind(action.kind)?.describe(action.payload) ?? action.kind
}

/**
 * This visit's changes still on the phone, in order: waiting to send, or stopped by a conflict
 * (what the office changed, and the technician's choice) or a refusal (try again or discard).
 */
export function VisitPending() {
  const uid = useId()
  const visit = useVisit()
  const queue = useOfflineQueue()
  const { timeZone, currency } = useStaffSession()
  if (visit.queued.length === 0) return null
  const conflict = visit.queued.find((a) => a.state === 'conflict')
  return (
    <section
      aria-labelledby={`${uid}-title`}
      data-testid="visit-pending"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id={`${uid}-title`} className="font-semibold text-amber-950">
        On this phone, not sent yet
      </h2>
      <ol className="space-y-1 text-sm">
        {visit.queued.map((action) => (
          <li key={action.key} data-state={action.state} className="flex flex-wrap gap-x-2">
            <span className="font-medium">{describe(action)}</span>
            <span className="text-slate-600">
              {action.state === 'waiting'
                ? offlineWording.waiting
                : action.state === 'conflict'
                  ? 'Held: the office changed the job'
                  : `Not sent: ${action.error ?? 'refused'}`}
            </span>
            {action.state === 'refused' ? (
              <span className="flex w-full gap-2 pt-1">
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => void queue.retryOrDiscard(action.key, 'retry')}
                >
                  Try again
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => void queue.retryOrDiscard(action.key, 'discard')}
                >
                  Discard
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {conflict?.conflict ? (
        <div
          role="alert"
          data-testid="visit-conflict"
          className="space-y-2 border-t border-amber-300 pt-3"
        >
          <p className="font-semibold text-red-900">{offlineWording.conflictTitle}</p>
          <ul className="space-y-1 text-sm">
            {describeOthersChanges(conflict.conflict.changes, timeZone, currency).map((line) => (
              <li key={line.who}>
                <span className="text-slate-600">{line.who}</span>
                <ul className="list-disc pl-5">
                  {line.fields.map((field) => (
                    <li key={field}>{field}</li>
                  ))}
                </ul>
              </li>
            ))}
            {conflict.conflict.changes.length === 0 ? (
              <li>
                The job is now{' '}
                {jobStatusLabel[conflict.conflict.current.status as JobStatus].toLowerCase()}.
              </li>
            ) : null}
          </ul>
          <p className="text-sm">
            “{describe(conflict)}” and your changes after it are on hold. Send them on top of the
            office’s version, or drop them and keep the office’s.
          </p>
          <div className="grid grid-cols-2 gap-2">
            <Button onClick={() => void queue.resolve(visit.jobId, 'mine')}>
              {offlineWording.applyMine}
            </Button>
            <Button variant="secondary" onClick={() => void queue.resolve(visit.jobId, 'theirs')}>
              {offlineWording.keepOffice}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  )
}
