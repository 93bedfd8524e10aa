import type { JobStatus } from '@repo/domain/jobs'
import type { QueuedAction, RecordVersion } from '../queue/types.ts'
import { fieldKinds, type StatusPayload, type TickPayload } from './field-kinds.ts'

export interface VisitOnScreen {
  /** The status with the technician's queued steps applied. */
  status: JobStatus
  /** The version the next change is made against (the newest the phone knows). */
  version: RecordVersion
  done: Set<string>
  /** A queued step not yet on the server. */
  statusWaiting: boolean
  itemsWaiting: Set<string>
}

/**
 * The visit as the technician should see it: the page's copy (or a newer answer the queue got
 * from the server), with the changes still in the queue laid over it in order.
 */
export function overlayVisit(
  page: { status: JobStatus; updatedAt: string; done: readonly string[] },
  known: RecordVersion | undefined,
  queued: readonly QueuedAction[],
): VisitOnScreen {
  const newer = known && Date.parse(known.updatedAt) > Date.parse(page.updatedAt)
  const version = newer ? known : { status: page.status, updatedAt: page.updatedAt }
  const visit: VisitOnScreen = {
    status: version.status as JobStatus,
    version,
    done: new Set(page.done),
    statusWaiting: false,
    itemsWaiting: new Set(),
  }
  for (const action of queued) {
    if (action.kind === fieldKinds.status) {
      visit.status = (action.payload as StatusPayload).status
      visit.statusWaiting = true
    } else if (action.kind === fieldKinds.complete) {
      visit.status = 'completed'
      visit.statusWaiting = true
    } else if (action.kind === fieldKinds.tick) {
      const tick = action.payload as TickPayload
      if (tick.done) visit.done.add(tick.item)
      else visit.done.delete(tick.item)
      visit.itemsWaiting.add(tick.item)
    }
  }
  return visit
}
