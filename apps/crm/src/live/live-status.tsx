import type { LiveStatus } from './use-realtime-channel.ts'

const labels: Record<LiveStatus, string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
}

const dots: Record<LiveStatus, string> = {
  connected: 'bg-emerald-600',
  connecting: 'bg-amber-500',
  reconnecting: 'bg-amber-500',
  disconnected: 'bg-slate-400',
}

/** A small live-connection badge; the text is readable without colour. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  return (
    <span
      role="status"
      data-live-status={status}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2 py-0.5 text-xs font-medium text-slate-700"
    >
      <span aria-hidden className={`size-2 rounded-full ${dots[status]}`} />
      {labels[status]}
    </span>
  )
}
