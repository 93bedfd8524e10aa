import type { AuditEventRow } from '@repo/database/types'
import { describeAuditEvent } from '@repo/domain/audit'
import { formatDateTime, type TimeZone } from '@repo/domain/dates'

/** Who changed what, newest first: one entry per change with its fields old → new. */
export function AuditTrail({ events, timeZone, currency }: { events: AuditEventRow[]; timeZone: TimeZone; currency: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">No changes recorded yet.</p>
  return (
    <ol className="space-y-2 text-sm" data-testid="audit-trail">
      {events.map((event) => {
        const entry = describeAuditEvent(event, timeZone, currency)
        return (
          <li key={entry.id} className="rounded-lg border border-slate-200 p-3" data-testid="audit-entry">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <p>
                <span className="font-medium">{entry.who}</span> {entry.what}
              </p>
              <time className="text-xs text-slate-600" dateTime={entry.at}>
                {formatDateTime(entry.at, timeZone)}
              </time>
            </div>
            {entry.changes.length > 0 ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
                {entry.changes.map((change) => (
                  <div key={change.field} className="contents">
                    <dt className="text-slate-600">{change.label}</dt>
                    <dd>
                      {change.from !== undefined ? (
                        <>
                          <span className="text-slate-600 line-through decoration-slate-400">{change.from}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="sr-only"> changed to </span>
                        </>
                      ) : null}
                      <span>{change.to}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
}
