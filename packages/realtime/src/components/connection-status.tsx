'use client'

import { Button } from '@repo/ui/button'
import type { RealtimeStatus } from '../core/types.ts'
import { useConnectionStatus } from '../hooks/use-connection-status.ts'

export type ConnectionStatusVariant = 'default' | 'compact' | 'badge'

export interface ConnectionStatusProps {
  /** Defaults to the page's overall status from `useConnectionStatus()`. */
  status?: RealtimeStatus
  variant?: ConnectionStatusVariant
  /** Show the word next to the dot (screen readers always get it). Default true. */
  showLabel?: boolean
  className?: string
}

export const STATUS_LABELS: Record<RealtimeStatus, string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
}

const DESCRIPTIONS: Record<RealtimeStatus, string> = {
  connected: 'Live updates are on',
  connecting: 'Connecting to live updates',
  reconnecting: 'Connection lost, reconnecting to live updates',
  disconnected: 'Live updates are off',
}

/** Said when the page has kept trying for a while (useConnectionStatus().offline). */
export const OFFLINE_DESCRIPTION =
  'Live updates are off. This page still works, but changes made elsewhere only appear after you retry or reload.'

const DOT: Record<RealtimeStatus, string> = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-400 animate-pulse',
  reconnecting: 'bg-amber-500 animate-pulse',
  disconnected: 'bg-rose-500',
}

const BADGE: Record<RealtimeStatus, string> = {
  connected: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  connecting: 'bg-amber-50 text-amber-700 ring-amber-600/20',
  reconnecting: 'bg-amber-50 text-amber-800 ring-amber-600/30',
  disconnected: 'bg-rose-50 text-rose-700 ring-rose-600/20',
}

function cx(...classes: (string | false | undefined)[]): string {
  return classes.filter(Boolean).join(' ')
}

/**
 * Shows whether live updates are on.
 * @example
 * <ConnectionStatus variant="badge" />
 */
export function ConnectionStatus({
  status,
  variant = 'default',
  showLabel = true,
  className,
}: ConnectionStatusProps) {
  const connection = useConnectionStatus()
  const current = status ?? connection.status
  // An explicit status is someone else's to describe; the page's own gives up after a while.
  const offline = status === undefined && connection.offline
  const shown: RealtimeStatus = offline ? 'disconnected' : current
  const label = STATUS_LABELS[shown]
  const description = offline ? OFFLINE_DESCRIPTION : DESCRIPTIONS[current]
  const dotSize = variant === 'compact' ? 'h-2 w-2' : 'h-2.5 w-2.5'
  const pill = (
    <span
      role="status"
      aria-live="polite"
      data-status={current}
      // A stable hook for browser tests in both apps ("wait until every status says connected").
      data-live-status={current}
      data-offline={offline ? 'true' : undefined}
      title={description}
      className={cx(
        'inline-flex items-center gap-1.5 text-sm',
        variant === 'badge' && 'rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset',
        variant === 'badge' && BADGE[shown],
        variant === 'compact' && 'text-xs text-gray-600',
        variant === 'default' && 'text-gray-700',
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cx('inline-block shrink-0 rounded-full', dotSize, DOT[shown])}
      />
      {showLabel ? <span aria-hidden="true">{label}</span> : null}
      <span className="sr-only">{description}</span>
    </span>
  )
  if (!offline) return pill
  return (
    <span className="inline-flex items-center gap-2">
      {pill}
      <Button type="button" variant="secondary" size="sm" onClick={connection.retry}>
        Retry
      </Button>
    </span>
  )
}
