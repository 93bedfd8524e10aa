// Field work without a connection: how queued changes and conflicts read on the phone, and when
// to try sending again.
import { auditedTables, formatAuditValue } from '../audit/audit-entry.ts'
import type { TimeZone } from '../dates/index.ts'
import { formatDateTime } from '../dates/index.ts'

/** One change someone else made to a job while the phone was offline (from the audit trail). */
export interface OthersJobChange {
  at: string
  by: string
  changes: Record<string, { old?: unknown; new?: unknown }>
}

export interface ConflictLine {
  /** "Alex Rivera at Dec 3, 2026, 9:14 AM" */
  who: string
  /** "Title: Carpet cleaning → Carpet cleaning, upstairs only" */
  fields: string[]
}

/** What the office changed, as lines the technician reads before choosing whose version stays. */
export function describeOthersChanges(
  changes: readonly OthersJobChange[],
  timeZone: TimeZone,
  currency = 'USD',
): ConflictLine[] {
  const specs = auditedTables.jobs.fields as Record<
    string,
    { label: string; kind: Parameters<typeof formatAuditValue>[0] }
  >
  return changes.map((change) => ({
    who: `${change.by} at ${formatDateTime(change.at, timeZone)}`,
    fields: Object.entries(change.changes).map(([field, value]) => {
      const spec = specs[field] ?? { label: field, kind: 'text' as const }
      const from = formatAuditValue(spec.kind, value.old, timeZone, currency)
      const to = formatAuditValue(spec.kind, value.new, timeZone, currency)
      return `${spec.label}: ${from} → ${to}`
    }),
  }))
}

/** Waits before the next try after `failures` tries in a row could not reach the server. */
export function retryDelayMs(failures: number): number {
  const step = Math.max(0, Math.min(failures, 6))
  return Math.min(60_000, 1_000 * 2 ** step)
}

/** "1 change waiting to send", "3 changes waiting to send". */
export function waitingToSendLabel(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} waiting to send`
}

export const offlineWording = {
  offline: 'Offline — changes stay on this phone and are sent when the connection returns.',
  allSent: 'All changes sent',
  sending: 'Sending…',
  waiting: 'Waiting to send',
  conflictTitle: 'The office changed this job while you were offline',
  applyMine: 'Apply mine',
  keepOffice: 'Keep office’s',
  // Money is not queued: the office must confirm a payment while the customer is there.
  linesNeedConnection: 'Adding or removing extra work needs a connection.',
  paymentNeedsConnection:
    'Taking a payment needs a connection. Notes, photos and the checklist are kept on this phone.',
} as const
