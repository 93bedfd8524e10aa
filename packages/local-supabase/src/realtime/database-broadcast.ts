import type { Logger } from '../log.ts'
import type { RealtimeHub } from './realtime-hub.ts'
import type { RowChange } from './replication.ts'

/** Inserts into realtime.messages (what realtime.send writes) reach the stream through this. */
export const MESSAGES_PUBLICATION = 'supabase_realtime_messages_publication'

export function isMessageInsert(change: RowChange): boolean {
  return change.type === 'INSERT' && change.schema === 'realtime' && change.table === 'messages'
}

/**
 * Broadcasts a row inserted into realtime.messages to channel `topic`, as Supabase Realtime's
 * replication handler does: to private channels when `private`, with the row's id as `meta.id`.
 * Rows missing a topic, event, payload, id or private flag are skipped, as there. No write check:
 * INSERT policies already applied to the insert; readers of private channels passed their SELECT
 * check when they joined.
 */
export function broadcastFromDatabase(hub: RealtimeHub, change: RowChange, log: Logger): void {
  const row = change.newRow
  if (!row) return
  const { topic, event, payload, id } = row
  const isPrivate = row.private
  if (!topic || !event || payload == null || !id || isPrivate == null) return
  let parsed: unknown
  try {
    parsed = JSON.parse(payload)
  } catch (error) {
    log.warn('realtime.messages row with an unreadable payload', { id, error: String(error) })
    return
  }
  hub.publish(isPrivate === 't', topic, {
    event,
    payload: parsed,
    binary: false,
    meta: { id },
  })
}
