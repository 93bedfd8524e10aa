'use client'

import { offlineWording, waitingToSendLabel } from '@repo/domain/field-work'
import { useOfflineQueue } from './offline-queue-provider.tsx'

/**
 * The field screens' connection line under the header: offline or online, how many changes wait
 * to be sent (or need a decision), or that all were sent.
 */
export function ConnectionBar() {
  const { online, actions, offlineCopy } = useOfflineQueue()
  const decisions = actions.filter((a) => a.state !== 'waiting').length
  const waiting = actions.length
  const tone = !online
    ? 'border-amber-300 bg-amber-50 text-amber-950'
    : decisions > 0
      ? 'border-red-200 bg-red-50 text-red-900'
      : 'border-slate-200 bg-white text-slate-700'
  return (
    <div
      role="status"
      aria-label="Connection"
      data-testid="connection-bar"
      data-connection={online ? 'online' : 'offline'}
      data-waiting={waiting}
      data-offline-copy={offlineCopy}
      className={`mx-auto mb-4 flex max-w-xl flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border px-3 py-2 text-sm ${tone}`}
    >
      {online ? null : (
        <span className="flex items-center gap-1.5 font-medium">
          <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full bg-amber-500" />
          {offlineWording.offline}
        </span>
      )}
      {waiting > 0 ? (
        <span className="flex items-center gap-1.5">
          {online && decisions === 0 ? (
            <span
              aria-hidden="true"
              className="size-2.5 shrink-0 animate-pulse rounded-full bg-sky-600"
            />
          ) : null}
          <span data-testid="waiting-count">{waitingToSendLabel(waiting)}</span>
          {decisions > 0 ? (
            <span className="font-medium">
              · {decisions} {decisions === 1 ? 'needs' : 'need'} your decision
            </span>
          ) : null}
        </span>
      ) : online ? (
        <span className="flex items-center gap-1.5">
          <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full bg-emerald-600" />
          {offlineWording.allSent}
        </span>
      ) : null}
    </div>
  )
}
