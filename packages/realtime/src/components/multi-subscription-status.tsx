'use client'

import type { SubscriptionStatusEntry } from '../core/status-store.ts'
import { useConnectionStatus } from '../hooks/use-connection-status.ts'
import { ConnectionStatus } from './connection-status.tsx'

export interface MultiSubscriptionStatusProps {
  /** Defaults to every subscription under the RealtimeProvider. */
  subscriptions?: readonly Pick<SubscriptionStatusEntry, 'label' | 'status'>[]
  title?: string
  className?: string
}

/**
 * Lists each live subscription with its status, e.g. in a settings or debug panel.
 * @example
 * <MultiSubscriptionStatus title="Live updates" />
 */
export function MultiSubscriptionStatus({
  subscriptions,
  title = 'Live updates',
  className,
}: MultiSubscriptionStatusProps) {
  const fromProvider = useConnectionStatus().subscriptions
  const list = subscriptions ?? fromProvider
  return (
    <section
      aria-label={title}
      className={['rounded-md border border-gray-200 p-3', className].filter(Boolean).join(' ')}
    >
      <h3 className="text-sm font-semibold text-gray-900">{title}</h3>
      {list.length === 0 ? (
        <p className="mt-2 text-sm text-gray-500">No live subscriptions</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {list.map((entry, index) => (
            <li
              key={`${entry.label}-${index}`}
              className="flex items-center justify-between gap-4 text-sm"
            >
              <span className="text-gray-700">{entry.label}</span>
              <ConnectionStatus status={entry.status} variant="compact" />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
