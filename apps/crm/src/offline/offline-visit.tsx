'use client'

import type { JobStatus } from '@repo/domain/jobs'
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react'
import { overlayVisit, type VisitOnScreen } from './field/visit-overlay.ts'
import { useOfflineQueue } from './offline-queue-provider.tsx'
import type { QueuedAction } from './queue/types.ts'

interface Visit extends VisitOnScreen {
  jobId: string
  /** The queue is open: changes can be made. */
  ready: boolean
  /** This visit's changes still in the queue, in order. */
  queued: QueuedAction[]
  /** Queues a change to this visit, made against the visit as it is on screen. */
  change<P>(kind: string, payload: P): Promise<void>
}

const VisitContext = createContext<Visit | null>(null)

/** One visit as the job screen shows it: the page's copy with the queued changes laid over it. */
export function OfflineVisit({
  job,
  done,
  children,
}: {
  job: { id: string; status: JobStatus; updated_at: string }
  done: string[]
  children: ReactNode
}) {
  const queue = useOfflineQueue()
  const queued = useMemo(
    () => queue.actions.filter((a) => a.recordId === job.id),
    [queue.actions, job.id],
  )
  const onScreen = useMemo(
    () =>
      overlayVisit(
        { status: job.status, updatedAt: job.updated_at, done },
        queue.known[job.id],
        queued,
      ),
    [job.status, job.updated_at, done, queue.known, job.id, queued],
  )
  const { enqueue } = queue
  const change = useCallback(
    <P,>(kind: string, payload: P) =>
      enqueue({
        kind,
        recordId: job.id,
        payload,
        expected: { status: onScreen.status, updatedAt: onScreen.version.updatedAt },
      }),
    [enqueue, job.id, onScreen],
  )
  const value = useMemo<Visit>(
    () => ({ ...onScreen, jobId: job.id, ready: queue.ready, queued, change }),
    [onScreen, job.id, queue.ready, queued, change],
  )
  return <VisitContext.Provider value={value}>{children}</VisitContext.Provider>
}

export function useVisit(): Visit {
  const visit = useContext(VisitContext)
  if (!visit) throw new Error('useVisit needs an OfflineVisit around the job screen')
  return visit
}
