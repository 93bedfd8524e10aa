import {
  jobPositionTopic,
  POSITION_EVENT,
  type PositionMessage,
  parsePositionMessage,
} from '@repo/domain/field-work'
import { assertUuid } from './uuid.ts'
import { privateChannel, subscribeAuthorized } from './private-channel.ts'
import type { Client, RealtimeStatus, Unsubscribe } from './types.ts'

export type { PositionMessage }

export interface TechnicianPositionHandlers {
  onPosition?: (position: PositionMessage) => void
  onStatus?: (status: RealtimeStatus, error: Error | null) => void
}

export interface TechnicianPositionSubscription {
  /** Broadcasts a position (the job's technician only, by RLS); false while not joined. */
  send: (position: PositionMessage) => boolean
  unsubscribe: Unsubscribe
}

/**
 * The private broadcast channel of a technician on the way to a job (`job:<id>:position`). The
 * job's customer, office staff and its technician may join; only the technician may send (RLS on
 * realtime.messages). Positions are not stored here: the last one is kept by the sender in
 * `job_positions` for whoever opens the page later.
 */
export function subscribeToTechnicianPosition(
  client: Client,
  jobId: string,
  handlers: TechnicianPositionHandlers,
): TechnicianPositionSubscription {
  const topic = jobPositionTopic(assertUuid(jobId, 'jobId'))
  const channel = privateChannel(client, topic, { broadcast: { self: false } })
  let status: RealtimeStatus = 'connecting'
  let closed = false
  channel.on('broadcast', { event: POSITION_EVENT }, (message: { payload?: unknown }) => {
    const position = parsePositionMessage(message.payload)
    if (position) handlers.onPosition?.(position)
  })
  let joinedBefore = false
  subscribeAuthorized(client, channel, (state, error) => {
    if (closed) return
    if (state === 'SUBSCRIBED') {
      joinedBefore = true
      status = 'connected'
    } else if (state === 'CLOSED') status = 'disconnected'
    else status = joinedBefore ? 'reconnecting' : 'connecting'
    handlers.onStatus?.(status, error ?? null)
  })
  return {
    send: (position) => {
      if (status !== 'connected') return false
      void channel.send({ type: 'broadcast', event: POSITION_EVENT, payload: position })
      return true
    },
    unsubscribe: () => {
      if (closed) return
      closed = true
      void client.removeChannel(channel)
    },
  }
}
