// Phoenix channel frames as @supabase/realtime-js speaks them: vsn 1.0.0 (JSON objects) and
// 2.0.0 (JSON arrays, plus binary frames for user broadcasts).

import { limitJsonDepth } from './json-depth.ts'
import { DEFAULT_LIMITS } from './limits.ts'

export type ProtocolVersion = '1.0.0' | '2.0.0'

export interface PhoenixMessage {
  joinRef: string | null
  ref: string | null
  topic: string
  event: string
  payload: unknown
}

/** A user broadcast as it travels between clients; `payload` is raw bytes for binary sends. */
export interface UserBroadcast {
  event: string
  payload: unknown
  binary: boolean
  meta?: unknown
}

export class FrameError extends Error {}

/** A well-formed frame refused for its size or nesting: answered with an error, not a close. */
export class FrameRefused extends Error {
  constructor(
    readonly reason: string,
    /** The frame, with its over-deep parts replaced by null, so the reply can name its ref. */
    readonly frame: PhoenixMessage,
  ) {
    super(reason)
  }
}

export interface FrameLimits {
  /** Levels of nesting a payload may have (the payload object itself is level 1). */
  maxPayloadDepth: number
  /** Bytes a frame may have before it is refused. */
  maxPayloadBytes: number
}

const DEFAULT_FRAME_LIMITS: FrameLimits = {
  maxPayloadDepth: DEFAULT_LIMITS.maxPayloadDepth,
  maxPayloadBytes: DEFAULT_LIMITS.maxPayloadBytes,
}

function tooDeep(limits: FrameLimits): string {
  return `Payload nested too deeply: at most ${limits.maxPayloadDepth} levels are allowed`
}

/** Parses JSON whose nesting beyond `maxDepth` becomes null; says whether anything did. */
function parseLimited(text: string, maxDepth: number): { value: unknown; pruned: boolean } {
  const limited = limitJsonDepth(text, maxDepth)
  return { value: JSON.parse(limited.text), pruned: limited.tooDeep }
}

const KIND_USER_BROADCAST_PUSH = 3
const KIND_USER_BROADCAST = 4
const ENCODING_BINARY = 0
const ENCODING_JSON = 1

export function parseProtocolVersion(raw: string | null): ProtocolVersion | null {
  if (raw === null || raw === '' || raw === '1.0.0') return '1.0.0'
  if (raw === '2.0.0') return '2.0.0'
  return null
}

function optionalRef(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new FrameError(`${field} must be a string or null`)
}

function toMessage(parts: {
  join_ref: unknown
  ref: unknown
  topic: unknown
  event: unknown
  payload: unknown
}): PhoenixMessage {
  if (typeof parts.topic !== 'string' || parts.topic === '')
    throw new FrameError('topic must be a non-empty string')
  if (typeof parts.event !== 'string' || parts.event === '')
    throw new FrameError('event must be a non-empty string')
  const payload = parts.payload ?? {}
  if (typeof payload !== 'object' || Array.isArray(payload))
    throw new FrameError('payload must be an object')
  return {
    joinRef: optionalRef(parts.join_ref, 'join_ref'),
    ref: optionalRef(parts.ref, 'ref'),
    topic: parts.topic,
    event: parts.event,
    payload,
  }
}

function decodeText(text: string, vsn: ProtocolVersion, limits: FrameLimits): PhoenixMessage {
  let parsed: { value: unknown; pruned: boolean }
  try {
    // The frame's own array or object is one level above its payload.
    parsed = parseLimited(text, limits.maxPayloadDepth + 1)
  } catch {
    throw new FrameError('frame is not valid JSON')
  }
  const message = frameMessage(parsed.value, vsn)
  if (parsed.pruned) throw new FrameRefused(tooDeep(limits), message)
  return message
}

function frameMessage(parsed: unknown, vsn: ProtocolVersion): PhoenixMessage {
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length !== 5) {
      throw new FrameError('a 2.0.0 frame must be [join_ref, ref, topic, event, payload]')
    }
    const [join_ref, ref, topic, event, payload] = parsed
    return toMessage({ join_ref, ref, topic, event, payload })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FrameError('a 1.0.0 frame must be a JSON object {topic, event, payload, ref}')
  }
  const obj = parsed as Record<string, unknown>
  return toMessage({
    join_ref: obj.join_ref,
    ref: obj.ref,
    topic: obj.topic,
    event: obj.event,
    payload: obj.payload,
  })
}

/** Kind 3: type, join_ref size, ref size, topic size, event size, metadata size, encoding, strings, payload. */
function decodeBinary(buf: Buffer, limits: FrameLimits): PhoenixMessage {
  if (buf.length < 7) throw new FrameError('binary frame too short')
  if (buf[0] !== KIND_USER_BROADCAST_PUSH)
    throw new FrameError(`unsupported binary frame kind ${buf[0]}`)
  const [joinRefSize, refSize, topicSize, eventSize, metaSize, encoding] = [
    buf[1],
    buf[2],
    buf[3],
    buf[4],
    buf[5],
    buf[6],
  ] as number[]
  let offset = 7
  const take = (size: number) => {
    if (offset + size > buf.length) throw new FrameError('binary frame truncated')
    const part = buf.subarray(offset, offset + size)
    offset += size
    return part.toString('utf8')
  }
  const joinRef = take(joinRefSize as number)
  const ref = take(refSize as number)
  const topic = take(topicSize as number)
  const userEvent = take(eventSize as number)
  const metaText = take(metaSize as number)
  const body = buf.subarray(offset)
  if (!topic) throw new FrameError('topic must be a non-empty string')
  let pruned = false
  let meta: unknown
  if (metaText) {
    try {
      const parsed = parseLimited(metaText, limits.maxPayloadDepth)
      meta = parsed.value
      pruned ||= parsed.pruned
    } catch {
      throw new FrameError('binary frame metadata is not valid JSON')
    }
  }
  let payload: unknown
  if (encoding === ENCODING_JSON) {
    try {
      const parsed = parseLimited(body.toString('utf8'), limits.maxPayloadDepth)
      payload = parsed.value
      pruned ||= parsed.pruned
    } catch {
      throw new FrameError('binary frame JSON payload is not valid JSON')
    }
  } else if (encoding === ENCODING_BINARY) {
    payload = Buffer.from(body)
  } else {
    throw new FrameError(`unknown payload encoding ${encoding}`)
  }
  const broadcast: UserBroadcast = {
    event: userEvent,
    payload,
    binary: encoding === ENCODING_BINARY,
    meta,
  }
  const message: PhoenixMessage = {
    joinRef: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', ...broadcast },
  }
  if (pruned) throw new FrameRefused(tooDeep(limits), message)
  return message
}

/**
 * Throws FrameError for anything that is not a well-formed frame of this protocol version, and
 * FrameRefused for a well-formed one over the size or nesting limits.
 */
export function decodeFrame(
  data: Buffer,
  isBinary: boolean,
  vsn: ProtocolVersion,
  limits: FrameLimits = DEFAULT_FRAME_LIMITS,
): PhoenixMessage {
  let message: PhoenixMessage
  if (isBinary) {
    if (vsn !== '2.0.0') throw new FrameError('binary frames need vsn 2.0.0')
    message = decodeBinary(data, limits)
  } else {
    message = decodeText(data.toString('utf8'), vsn, limits)
  }
  if (data.length > limits.maxPayloadBytes) {
    throw new FrameRefused(
      `Payload too large: frames are limited to ${limits.maxPayloadBytes} bytes`,
      { ...message, payload: {} },
    )
  }
  return message
}

/** Encodes a message whose payload is already JSON text (so fan-out serializes it once). */
export function encodeRawFrame(
  vsn: ProtocolVersion,
  joinRef: string | null,
  ref: string | null,
  topic: string,
  event: string,
  payloadJson: string,
): string {
  if (vsn === '2.0.0') {
    return `[${JSON.stringify(joinRef)},${JSON.stringify(ref)},${JSON.stringify(topic)},${JSON.stringify(event)},${payloadJson}]`
  }
  return `{"join_ref":${JSON.stringify(joinRef)},"ref":${JSON.stringify(ref)},"topic":${JSON.stringify(topic)},"event":${JSON.stringify(event)},"payload":${payloadJson}}`
}

export function encodeFrame(vsn: ProtocolVersion, message: PhoenixMessage): string {
  return encodeRawFrame(
    vsn,
    message.joinRef,
    message.ref,
    message.topic,
    message.event,
    JSON.stringify(message.payload),
  )
}

/**
 * A user broadcast for one receiver. 2.0.0 receivers get binary kind 4 (type, topic size, event
 * size, metadata size, encoding, strings, payload); 1.0.0 receivers get JSON, so a binary payload
 * cannot reach them (null).
 */
export function encodeBroadcast(
  vsn: ProtocolVersion,
  topic: string,
  message: UserBroadcast,
): string | Buffer | null {
  const metaText = message.meta === undefined ? '' : JSON.stringify(message.meta)
  const topicBytes = Buffer.from(topic, 'utf8')
  const eventBytes = Buffer.from(message.event, 'utf8')
  const metaBytes = Buffer.from(metaText, 'utf8')
  const fitsBinary = topicBytes.length <= 255 && eventBytes.length <= 255 && metaBytes.length <= 255
  if (vsn === '2.0.0' && fitsBinary) {
    const body = message.binary
      ? (message.payload as Buffer)
      : Buffer.from(JSON.stringify(message.payload ?? {}), 'utf8')
    const header = Buffer.from([
      KIND_USER_BROADCAST,
      topicBytes.length,
      eventBytes.length,
      metaBytes.length,
      message.binary ? ENCODING_BINARY : ENCODING_JSON,
    ])
    return Buffer.concat([header, topicBytes, eventBytes, metaBytes, body])
  }
  if (message.binary) return null
  const payload: Record<string, unknown> = {
    type: 'broadcast',
    event: message.event,
    payload: message.payload,
  }
  if (message.meta !== undefined) payload.meta = message.meta
  return encodeFrame(vsn, { joinRef: null, ref: null, topic, event: 'broadcast', payload })
}
