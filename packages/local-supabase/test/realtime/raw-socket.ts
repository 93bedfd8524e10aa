import WebSocket from 'ws'
import { stackEnv } from '../helpers.ts'
import { waitForValue } from './realtime-helpers.ts'

export interface Frame {
  join_ref: string | null
  ref: string | null
  topic: string
  event: string
  payload: Record<string, unknown>
}

/** The payload of a `postgres_changes` frame: the binding ids that matched, and the change. */
export interface ChangeFrame {
  ids: number[]
  data: {
    type: 'INSERT' | 'UPDATE' | 'DELETE'
    table: string
    record?: Record<string, unknown>
    old_record?: Record<string, unknown>
  }
}

/** A bare WebSocket speaking the Phoenix protocol by hand, for what supabase-js never sends. */
export class RawSocket {
  readonly frames: Frame[] = []
  readonly binaryFrames: Buffer[] = []
  closed: { code: number; reason: string } | null = null
  private ref = 0

  private constructor(
    readonly ws: WebSocket,
    readonly vsn: '1.0.0' | '2.0.0',
  ) {
    ws.on('message', (data, isBinary) => {
      const buf = data as Buffer
      if (isBinary) {
        this.binaryFrames.push(buf)
        return
      }
      const parsed = JSON.parse(buf.toString())
      this.frames.push(
        Array.isArray(parsed)
          ? {
              join_ref: parsed[0],
              ref: parsed[1],
              topic: parsed[2],
              event: parsed[3],
              payload: parsed[4],
            }
          : parsed,
      )
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() }
    })
    ws.on('error', () => undefined)
  }

  static url(params: Record<string, string>): string {
    const url = new URL(`${stackEnv().API_URL.replace(/^http/, 'ws')}/realtime/v1/websocket`)
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
    return url.toString()
  }

  static async open(
    vsn: '1.0.0' | '2.0.0' = '2.0.0',
    apikey = stackEnv().ANON_KEY,
  ): Promise<RawSocket> {
    const ws = new WebSocket(RawSocket.url({ apikey, vsn }))
    const socket = new RawSocket(ws, vsn)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return socket
  }

  /** Sends a frame and returns its ref. */
  push(topic: string, event: string, payload: unknown, joinRef: string | null = null): string {
    this.ref += 1
    const ref = String(this.ref)
    this.ws.send(
      this.vsn === '2.0.0'
        ? JSON.stringify([joinRef, ref, topic, event, payload])
        : JSON.stringify({ topic, event, payload, ref, join_ref: joinRef }),
    )
    return ref
  }

  async reply(
    ref: string,
    timeoutMs = 10_000,
  ): Promise<{ status: string; response: Record<string, unknown> }> {
    const found = await waitForValue(
      () => this.frames.find((f) => f.event === 'phx_reply' && f.ref === ref),
      `reply ${ref}`,
      timeoutMs,
    )
    return found.payload as { status: string; response: Record<string, unknown> }
  }

  async request(topic: string, event: string, payload: unknown, joinRef: string | null = null) {
    return this.reply(this.push(topic, event, payload, joinRef))
  }

  async join(topic: string, payload: unknown = {}) {
    this.ref += 1
    const ref = String(this.ref)
    this.ws.send(
      this.vsn === '2.0.0'
        ? JSON.stringify([ref, ref, topic, 'phx_join', payload])
        : JSON.stringify({ topic, event: 'phx_join', payload, ref, join_ref: ref }),
    )
    return { ref, reply: await this.reply(ref) }
  }

  async heartbeat() {
    return this.request('phoenix', 'heartbeat', {})
  }

  async waitForEvent(topic: string, event: string, timeoutMs = 10_000): Promise<Frame> {
    return waitForValue(
      () => this.frames.find((f) => f.topic === topic && f.event === event),
      `${event} on ${topic}`,
      timeoutMs,
    )
  }

  /** Sends frame text as it is (for payloads JSON.stringify cannot build, such as deep nesting). */
  sendText(text: string): void {
    this.ws.send(text)
  }

  /** The `postgres_changes` frames received on a topic so far. */
  changes(topic: string): ChangeFrame[] {
    return this.frames
      .filter((f) => f.topic === topic && f.event === 'postgres_changes')
      .map((f) => f.payload as unknown as ChangeFrame)
  }

  /** Waits for the `system` message that says changes are flowing on a topic. */
  async waitForChangesFlowing(topic: string, timeoutMs = 10_000): Promise<void> {
    await waitForValue(
      () =>
        this.frames.find(
          (f) =>
            f.topic === topic &&
            f.event === 'system' &&
            f.payload.extension === 'postgres_changes' &&
            f.payload.status === 'ok',
        ),
      `changes flowing on ${topic}`,
      timeoutMs,
    )
  }

  /** Waits for a `system` error on a topic (a channel the server closed). */
  async waitForSystemError(topic: string, timeoutMs = 10_000): Promise<Frame> {
    return waitForValue(
      () =>
        this.frames.find(
          (f) => f.topic === topic && f.event === 'system' && f.payload.status === 'error',
        ),
      `a system error on ${topic}`,
      timeoutMs,
    )
  }

  async waitForClose(timeoutMs = 10_000): Promise<{ code: number; reason: string }> {
    return waitForValue(() => this.closed ?? undefined, 'the socket to close', timeoutMs)
  }

  close(): void {
    this.ws.terminate()
  }
}

/** Tries to open a socket; resolves with the HTTP status of a refused upgrade. */
export function refusedStatus(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    ws.on('open', () => {
      ws.terminate()
      reject(new Error('the upgrade was accepted'))
    })
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    ws.on('error', () => undefined)
  })
}
