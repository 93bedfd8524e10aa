// What the REST broadcast API accepts, checked as Supabase Realtime's Ecto changesets check it:
// errors are `{"errors": {...}}` (422) with Ecto's messages, per message for a batch.

import type { UserBroadcast } from './protocol.ts'

/** One message to broadcast to channel `topic`. */
export interface OutgoingBroadcast {
  topic: string
  isPrivate: boolean
  message: UserBroadcast
}

export type FieldErrors = Record<string, string[]>

export type BatchCheck =
  | { ok: true; messages: OutgoingBroadcast[] }
  | { ok: false; errors: { messages: string[] | FieldErrors[] } }

const BLANK = "can't be blank"
const INVALID = 'is invalid'
export const PAYLOAD_TOO_LARGE = 'Payload size exceeds tenant limit'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Ecto's :string cast then validate_required: "" and whitespace are blank, non-strings invalid. */
function requiredString(value: unknown): { value: string } | { error: string } {
  if (value === undefined || value === null) return { error: BLANK }
  if (typeof value !== 'string') return { error: INVALID }
  if (value.trim() === '') return { error: BLANK }
  return { value }
}

/** Ecto's :boolean cast, with the changeset's default of false. */
function optionalBoolean(value: unknown): { value: boolean } | { error: string } {
  if (value === undefined || value === null) return { value: false }
  if (value === true || value === 'true' || value === '1') return { value: true }
  if (value === false || value === 'false' || value === '0') return { value: false }
  return { error: INVALID }
}

/** Bytes of the payload as it travels (its JSON text). */
export function payloadBytes(payload: unknown): number {
  return Buffer.byteLength(JSON.stringify(payload))
}

function checkMessage(
  item: Record<string, unknown>,
  maxPayloadBytes: number,
): { message: OutgoingBroadcast } | { errors: FieldErrors } {
  const errors: FieldErrors = {}
  const event = requiredString(item.event)
  if ('error' in event) errors.event = [event.error]
  const payload = item.payload
  if (payload === undefined || payload === null) errors.payload = [BLANK]
  else if (!isObject(payload)) errors.payload = [INVALID]
  else if (payloadBytes(payload) > maxPayloadBytes) errors.payload = [PAYLOAD_TOO_LARGE]
  const isPrivate = optionalBoolean(item.private)
  if ('error' in isPrivate) errors.private = [isPrivate.error]
  const topic = requiredString(item.topic)
  if ('error' in topic) errors.topic = [topic.error]
  if ('error' in event || 'error' in topic || 'error' in isPrivate || errors.payload)
    return { errors }
  return {
    message: {
      topic: topic.value,
      isPrivate: isPrivate.value,
      message: { event: event.value, payload, binary: false },
    },
  }
}

/** `{messages: [{topic, event, payload, private}]}`; anything that is not an object has none. */
export function checkBatch(body: unknown, maxPayloadBytes: number): BatchCheck {
  const list = isObject(body) ? body.messages : undefined
  if (list === undefined || list === null || (Array.isArray(list) && list.length === 0))
    return { ok: false, errors: { messages: [BLANK] } }
  if (!Array.isArray(list) || !list.every(isObject))
    return { ok: false, errors: { messages: [INVALID] } }
  const results = list.map((item) => checkMessage(item, maxPayloadBytes))
  if (results.every((r) => 'message' in r))
    return { ok: true, messages: results.map((r) => (r as { message: OutgoingBroadcast }).message) }
  return {
    ok: false,
    errors: { messages: results.map((r) => ('errors' in r ? r.errors : {})) },
  }
}

/** Plug's JSON parser keeps an object body as is and wraps anything else as `{"_json": value}`. */
export function singlePayload(body: unknown): Record<string, unknown> {
  if (body === undefined) return {}
  return isObject(body) ? body : { _json: body }
}
