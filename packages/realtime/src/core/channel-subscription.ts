import type { RealtimeChannel } from '@supabase/supabase-js'
import { changeKey, createDeduper } from './dedupe.ts'
import type {
  ChangeEvent,
  Client,
  RealtimeChange,
  RealtimeStatus,
  SubscriptionLifecycle,
  TableChangeHandlers,
  TableName,
  Unsubscribe,
} from './types.ts'

/** The payload realtime-js hands to a postgres_changes callback. */
export interface RawChangePayload {
  schema: string
  table: string
  commit_timestamp: string
  eventType: ChangeEvent
  new: Record<string, unknown>
  old: Record<string, unknown>
}

/** One postgres_changes binding on a channel. */
export interface PostgresBinding {
  table: TableName
  event?: ChangeEvent | '*'
  /** A realtime filter such as `customer_id=eq.<uuid>`. */
  filter?: string
  deliver(payload: RawChangePayload): void
}

export interface ChannelSpec {
  /** Readable base of the topic; a unique suffix is added per subscription. */
  topic: string
  bindings: readonly PostgresBinding[]
  /**
   * Called on every join (`rejoin` true after an outage or pause). When given, it replaces the
   * `onResync` call on a rejoin: a catch-up decides whether a re-fetch is needed.
   */
  onJoin?: (rejoin: boolean) => void
}

let sequence = 0

/** Pauses before re-opening a channel the server closed, growing with each failed attempt. */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000]

/**
 * realtime-js returns the existing channel for a repeated topic, so two views (or StrictMode's
 * second mount, while the first channel is still leaving) would share and then tear down one
 * channel. A unique topic per subscription keeps them independent.
 */
export function uniqueTopic(base: string): string {
  sequence += 1
  return `${base}:${sequence.toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/**
 * Opens one channel with the given bindings and keeps it honest: status changes are reported,
 * duplicate deliveries are dropped, a rejoin after an outage (or after a hidden-tab pause) fires
 * `onResync`, and the returned function removes the channel.
 */
export function subscribeToChannel(
  client: Client,
  spec: ChannelSpec,
  lifecycle: SubscriptionLifecycle = {},
): Unsubscribe {
  const dedupe = createDeduper()
  const visibility = lifecycle.pauseWhenHidden && typeof document !== 'undefined' ? document : null
  let channel: RealtimeChannel | null = null
  let stopped = false
  let joinedBefore = false
  let status: RealtimeStatus | null = null
  let retry: ReturnType<typeof setTimeout> | null = null
  let attempts = 0

  const setStatus = (next: RealtimeStatus, error: Error | null = null) => {
    if (status === next && error === null) return
    status = next
    lifecycle.onStatus?.(next, error)
  }

  const open = () => {
    const current = client.channel(uniqueTopic(spec.topic))
    channel = current
    for (const binding of spec.bindings) {
      const filter = {
        event: binding.event ?? '*',
        schema: 'public',
        table: binding.table,
        ...(binding.filter ? { filter: binding.filter } : {}),
      } as const
      current.on('postgres_changes', filter, (payload: RawChangePayload) => {
        if (channel !== current) return
        if (dedupe.seen(changeKey(payload))) return
        binding.deliver(payload)
      })
    }
    setStatus(joinedBefore ? 'reconnecting' : 'connecting')
    current.subscribe((state, error) => {
      // A channel we already left (stopped or paused) has nothing more to say.
      if (channel !== current) return
      if (state === 'SUBSCRIBED') {
        attempts = 0
        setStatus('connected')
        const rejoin = joinedBefore
        joinedBefore = true
        if (spec.onJoin) spec.onJoin(rejoin)
        else if (rejoin) lifecycle.onResync?.()
      } else if (state === 'CLOSED') {
        // The server ended the channel (shutdown, expired token): realtime-js will not rejoin a
        // closed channel, so open a fresh one after a growing pause.
        channel = null
        setStatus('reconnecting', error ?? new Error('the server closed the channel'))
        scheduleReopen()
      } else {
        const reason =
          error ??
          new Error(state === 'TIMED_OUT' ? 'joining the channel timed out' : 'channel error')
        setStatus(joinedBefore ? 'reconnecting' : 'connecting', reason)
      }
    })
  }

  const scheduleReopen = () => {
    if (retry || stopped) return
    const delay = RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length - 1)] ?? 10_000
    attempts += 1
    retry = setTimeout(() => {
      retry = null
      if (!stopped && !channel && visibility?.visibilityState !== 'hidden') open()
    }, delay)
  }

  const close = () => {
    if (retry) {
      clearTimeout(retry)
      retry = null
    }
    const current = channel
    channel = null
    if (current) void client.removeChannel(current)
  }

  const onVisibilityChange = () => {
    if (stopped || !visibility) return
    if (visibility.visibilityState === 'hidden') {
      if (channel || retry) {
        close()
        setStatus('disconnected')
      }
    } else if (!channel && !retry) {
      open()
    }
  }

  if (visibility) visibility.addEventListener('visibilitychange', onVisibilityChange)
  if (visibility?.visibilityState === 'hidden') setStatus('disconnected')
  else open()

  return () => {
    if (stopped) return
    stopped = true
    visibility?.removeEventListener('visibilitychange', onVisibilityChange)
    close()
    setStatus('disconnected')
  }
}

/** Turns realtime-js's payload into a typed change. The row shape is the table's generated Row. */
export function toChange<Row>(payload: RawChangePayload): RealtimeChange<Row> {
  const table = payload.table as TableName
  const commitTimestamp = payload.commit_timestamp
  switch (payload.eventType) {
    case 'INSERT':
      return { table, eventType: 'INSERT', new: payload.new as Row, old: null, commitTimestamp }
    case 'UPDATE':
      return {
        table,
        eventType: 'UPDATE',
        new: payload.new as Row,
        old: payload.old as Partial<Row>,
        commitTimestamp,
      }
    default:
      return {
        table,
        eventType: 'DELETE',
        new: null,
        old: payload.old as Partial<Row>,
        commitTimestamp,
      }
  }
}

/** Calls the matching per-event handler, then `onChange`. */
export function dispatchChange<Row>(
  change: RealtimeChange<Row>,
  handlers: TableChangeHandlers<Row>,
): void {
  if (change.eventType === 'INSERT') handlers.onInsert?.(change.new)
  else if (change.eventType === 'UPDATE') handlers.onUpdate?.(change.new, change.old)
  else handlers.onDelete?.(change.old)
  handlers.onChange?.(change)
}
