// The REST broadcast API (`/realtime/v1/api/broadcast`), as Supabase Realtime answers it:
// realtime-js's send() before a channel has joined posts a batch here, httpSend() one message to
// `/api/broadcast/<topic>/events/<event>`. Delivered to the topic's socket subscribers.

import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  BodyTooLargeError,
  InvalidJsonError,
  readBody,
  readJsonBody,
  sendJson,
} from '../http/io.ts'
import { checkApiKey, headerValue } from './api-key.ts'
import { authorizeBroadcastSend } from './authorization.ts'
import {
  checkBatch,
  type OutgoingBroadcast,
  PAYLOAD_TOO_LARGE,
  payloadBytes,
  singlePayload,
} from './broadcast-request.ts'
import type { RealtimeHub } from './realtime-hub.ts'
import { type Subscriber, verifySubscriberToken } from './tokens.ts'

const SINGLE_ROUTE = /^\/api\/broadcast\/([^/]+)\/events\/([^/]+)$/

/** Whether the caller may send to a private topic; `unavailable` when that cannot be checked. */
type WriteCheck = 'allowed' | 'refused' | 'unavailable'

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body))
  }
}

function bearerToken(req: IncomingMessage): string | null {
  const match = /^bearer\s+(\S+)\s*$/i.exec(headerValue(req, 'authorization') ?? '')
  return match?.[1] ?? null
}

function mediaType(req: IncomingMessage): string | null {
  const raw = headerValue(req, 'content-type')
  return raw === null ? null : (raw.split(';')[0] ?? '').trim().toLowerCase()
}

/** Phoenix's answers to a body it cannot parse: the status text as a JSON string. */
function bodyFailure(error: unknown): HttpFailure {
  if (error instanceof BodyTooLargeError) return new HttpFailure(413, 'Request Entity Too Large')
  if (error instanceof InvalidJsonError) return new HttpFailure(400, 'Bad Request')
  throw error
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new HttpFailure(400, 'Bad Request')
  }
}

export class BroadcastApi {
  constructor(private readonly hub: RealtimeHub) {}

  private get maxBodyBytes(): number {
    return this.hub.limits.maxRequestBodyBytes
  }

  /** Answers the request if `path` is a broadcast endpoint; false otherwise. */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    url: URL,
  ): Promise<boolean> {
    const single = SINGLE_ROUTE.exec(path)
    if (req.method !== 'POST' || (path !== '/api/broadcast' && !single)) return false
    try {
      const key = await checkApiKey(this.hub.jwt, req, url)
      if (!key.ok) throw new HttpFailure(401, { message: key.message })
      const caller = await this.caller(bearerToken(req) ?? key.apikey)
      if (single) {
        await this.sendOne(
          req,
          url,
          caller,
          decodeSegment(single[1] ?? ''),
          decodeSegment(single[2] ?? ''),
        )
      } else {
        await this.sendBatch(req, caller)
      }
      res.writeHead(202, { 'content-length': '0' })
      res.end()
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error
      sendJson(res, error.status, error.body)
    }
    return true
  }

  private async caller(token: string): Promise<Subscriber> {
    const result = await verifySubscriberToken(this.hub.jwt, token)
    if (!result.ok) throw new HttpFailure(401, { message: result.message })
    return result.subscriber
  }

  /** Supabase's batch endpoint: private messages the caller may not send are dropped, not refused. */
  private async sendBatch(req: IncomingMessage, caller: Subscriber): Promise<void> {
    // Phoenix parses JSON bodies only; any other body leaves the request without messages.
    const body = await this.readBody(
      req,
      /^application\/(.+\+)?json$/.test(mediaType(req) ?? '') ? 'json' : 'ignored',
    )
    const checked = checkBatch(body, this.hub.limits.maxPayloadBytes)
    if (!checked.ok) throw new HttpFailure(422, { errors: checked.errors })
    const allowed = new Map<string, boolean>()
    for (const outgoing of checked.messages) {
      if (outgoing.isPrivate) {
        let mayWrite = allowed.get(outgoing.topic)
        if (mayWrite === undefined) {
          mayWrite = (await this.mayWrite(caller, outgoing.topic)) === 'allowed'
          allowed.set(outgoing.topic, mayWrite)
        }
        if (!mayWrite) continue
      }
      this.publish(outgoing)
    }
  }

  /** Supabase's single-message endpoint: JSON or raw bytes; a refused private send is a 403. */
  private async sendOne(
    req: IncomingMessage,
    url: URL,
    caller: Subscriber,
    topic: string,
    event: string,
  ): Promise<void> {
    const type = mediaType(req)
    const binary = type === 'application/octet-stream'
    if (type !== null && !binary && type !== 'application/json') {
      throw new HttpFailure(415, {
        error: 'Unsupported Media Type. Use application/json or application/octet-stream',
      })
    }
    const body = await this.readBody(req, binary ? 'bytes' : type === null ? 'ignored' : 'json')
    const payload = binary ? (body as Buffer) : singlePayload(body)
    const size = Buffer.isBuffer(payload) ? payload.length : payloadBytes(payload)
    const isPrivate = url.searchParams.get('private') === 'true'
    const errors: Record<string, string[]> = {}
    if (size > this.hub.limits.maxPayloadBytes) errors.payload = [PAYLOAD_TOO_LARGE]
    // Persistence (replay) is not offered, as when Supabase's feature flag for it is off.
    if (!isPrivate && [...url.searchParams.keys()].some((k) => k.startsWith('persist')))
      errors.persist = ['can only be used on private channels']
    if (Object.keys(errors).length > 0) throw new HttpFailure(422, { errors })
    if (isPrivate) {
      const check = await this.mayWrite(caller, topic)
      if (check === 'unavailable')
        throw new HttpFailure(422, { message: 'Tenant database unavailable' })
      if (check === 'refused') throw new HttpFailure(403, { message: 'Unauthorized' })
    }
    this.publish({ topic, isPrivate, message: { event, payload, binary } })
  }

  /**
   * The body as Phoenix's parsers leave it: JSON parsed (undefined when empty), bytes kept, or
   * read and ignored. Too large is 413, malformed JSON 400, as Phoenix answers them.
   */
  private async readBody(req: IncomingMessage, as: 'json' | 'bytes' | 'ignored'): Promise<unknown> {
    try {
      if (as === 'json') return await readJsonBody(req, this.maxBodyBytes)
      const bytes = await readBody(req, this.maxBodyBytes)
      return as === 'bytes' ? bytes : undefined
    } catch (error) {
      throw bodyFailure(error)
    }
  }

  /** INSERT policies on realtime.messages decide, for a user whose session is still live. */
  private async mayWrite(caller: Subscriber, topic: string): Promise<WriteCheck> {
    try {
      if (await this.hub.sessionCheck.endedReason(caller)) return 'refused'
      return (await authorizeBroadcastSend(this.hub.pool, topic, caller)) ? 'allowed' : 'refused'
    } catch (error) {
      this.hub.log.warn('checking a broadcast failed', { error: String(error) })
      return 'unavailable'
    }
  }

  private publish(outgoing: OutgoingBroadcast): void {
    this.hub.publish(outgoing.isPrivate, outgoing.topic, outgoing.message)
  }
}
