import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { ChannelSession, ChannelTransport } from './channel.ts'
import { openChannel } from './channel-join.ts'
import {
  decodeFrame,
  encodeFrame,
  FrameError,
  FrameRefused,
  type PhoenixMessage,
  type ProtocolVersion,
} from './protocol.ts'
import { type RealtimeHub, TOPIC_PREFIX } from './realtime-hub.ts'

/** Close codes a client sees with a reason (RFC 6455 numbers). */
const CLOSE_POLICY = 1008
const CLOSE_INVALID_DATA = 1007
const CLOSE_GOING_AWAY = 1001

/** Frames received but not yet handled, per socket. */
const MAX_WAITING_FRAMES = 1_000

/** WebSocket close reasons are limited to 123 bytes. */
function closeReason(text: string): string {
  return Buffer.byteLength(text) <= 123
    ? text
    : `${Buffer.from(text).subarray(0, 120).toString('utf8')}...`
}

/** One client WebSocket: decodes frames, answers heartbeats, and routes pushes to its channels. */
export class SocketSession implements ChannelTransport {
  readonly channels = new Map<string, ChannelSession>()
  lastSeen = Date.now()
  private inbox: Promise<void> = Promise.resolve()
  private joinWindowStart = 0
  private joinsInWindow = 0
  private closing = false
  private waiting = 0
  private waitingBytes = 0
  private disposed = false
  private corked = false

  constructor(
    private readonly hub: RealtimeHub,
    private readonly ws: WebSocket,
    readonly vsn: ProtocolVersion,
    /** The apikey the socket connected with: the identity of joins that carry no access_token. */
    readonly socketToken: string,
    private readonly onGone: (session: SocketSession) => void,
  ) {
    ws.on('message', (data, isBinary) => {
      this.lastSeen = Date.now()
      const buf = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data)
      // A client that sends faster than its frames can be handled is cut off, not buffered forever.
      if (
        this.waiting >= MAX_WAITING_FRAMES ||
        this.waitingBytes + buf.length > this.hub.limits.maxWaitingBytes
      ) {
        this.close(CLOSE_POLICY, 'Too many messages waiting: slow down')
        return
      }
      this.waiting += 1
      this.waitingBytes += buf.length
      // One message at a time per socket, so a join finishes before the next push is looked at.
      this.inbox = this.inbox
        .then(() => this.receive(buf, isBinary))
        .catch((error: unknown) => {
          this.hub.log.error('realtime message handling failed', {
            error: String((error as Error)?.stack ?? error),
          })
        })
        .finally(() => {
          this.waiting -= 1
          this.waitingBytes -= buf.length
        })
    })
    ws.on('close', () => this.dispose())
    // Oversized frames and protocol violations: ws closes the socket itself; just keep the server alive.
    ws.on('error', (error) => this.hub.log.debug('websocket error', { error: error.message }))
  }

  send(frame: string | Buffer): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return
    if (this.ws.bufferedAmount > this.hub.limits.maxQueuedBytes) {
      this.close(CLOSE_POLICY, 'Too many messages queued: the client is not reading fast enough')
      return
    }
    this.corkUntilNextTick()
    this.ws.send(frame)
  }

  /**
   * Frames sent in one turn of the event loop (a batch of changes reaching this socket) leave in
   * one write instead of one system call each.
   */
  private corkUntilNextTick(): void {
    if (this.corked) return
    // ws keeps its TCP socket to itself; corking it only delays the writes to the end of this tick.
    const socket = (this.ws as unknown as { _socket?: Duplex })._socket
    if (!socket) return
    this.corked = true
    socket.cork()
    process.nextTick(() => {
      this.corked = false
      socket.uncork()
    })
  }

  channelClosed(channel: ChannelSession): void {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic)
  }

  /** Closes the socket with a reason; if the peer does not finish the handshake, drops it. */
  close(code: number, reason: string): void {
    if (this.closing) return
    this.closing = true
    this.dispose()
    this.ws.close(code, closeReason(reason))
    setTimeout(() => this.ws.terminate(), 2_000).unref()
  }

  shutdown(): void {
    this.close(CLOSE_GOING_AWAY, 'server shutting down')
  }

  terminate(): void {
    this.dispose()
    this.ws.terminate()
  }

  private dispose(): void {
    if (this.disposed) return
    this.disposed = true
    for (const channel of this.channels.values()) channel.dispose()
    this.channels.clear()
    this.onGone(this)
  }

  private reply(message: PhoenixMessage, status: 'ok' | 'error', response: unknown): void {
    if (message.ref === null) return
    this.send(
      encodeFrame(this.vsn, {
        joinRef: message.joinRef,
        ref: message.ref,
        topic: message.topic,
        event: 'phx_reply',
        payload: { status, response },
      }),
    )
  }

  private async receive(data: Buffer, isBinary: boolean): Promise<void> {
    if (this.disposed) return
    let message: PhoenixMessage
    try {
      message = decodeFrame(data, isBinary, this.vsn, this.hub.limits)
    } catch (error) {
      if (error instanceof FrameRefused) {
        // Refused before any handling, so no half-done join or push is left behind.
        this.reply(error.frame, 'error', { reason: error.reason })
        return
      }
      if (error instanceof FrameError) {
        this.close(CLOSE_INVALID_DATA, `malformed frame: ${error.message}`)
        return
      }
      throw error
    }
    if (message.topic === 'phoenix') {
      if (message.event === 'heartbeat') this.reply(message, 'ok', {})
      else
        this.reply(message, 'error', {
          reason: `unknown event "${message.event}" on topic phoenix`,
        })
      return
    }
    if (message.event === 'phx_join') {
      await this.join(message)
      return
    }
    const channel = this.channels.get(message.topic)
    if (
      !channel ||
      (message.joinRef !== null && channel.joinRef !== null && message.joinRef !== channel.joinRef)
    ) {
      this.reply(message, 'error', { reason: 'unmatched topic' })
      return
    }
    if (message.event === 'phx_leave') {
      channel.dispose()
      this.channels.delete(message.topic)
      this.reply(message, 'ok', {})
      return
    }
    try {
      await channel.handle(message)
    } catch (error) {
      this.hub.log.error('realtime push failed', {
        event: message.event,
        error: String((error as Error)?.stack ?? error),
      })
      this.reply(message, 'error', { reason: `Unable to handle "${message.event}"` })
    }
  }

  private joinAllowed(): string | null {
    const now = Date.now()
    if (now - this.joinWindowStart >= 1_000) {
      this.joinWindowStart = now
      this.joinsInWindow = 0
    }
    this.joinsInWindow += 1
    if (this.joinsInWindow > this.hub.limits.maxJoinsPerSecond) return 'Too many joins per second'
    if (this.channels.size >= this.hub.limits.maxChannelsPerSocket) return 'Too many channels'
    return null
  }

  private changesFlowing(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        cancel()
        resolve(false)
      }, timeoutMs)
      const cancel = this.hub.feed.whenReady(() => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  }

  private async join(message: PhoenixMessage): Promise<void> {
    if (!message.topic.startsWith(TOPIC_PREFIX) || message.topic.length === TOPIC_PREFIX.length) {
      this.reply(message, 'error', { reason: 'unmatched topic' })
      return
    }
    // Joining a topic again replaces the earlier channel, as Phoenix does.
    const existing = this.channels.get(message.topic)
    if (existing) {
      existing.sendEvent('phx_close', {})
      existing.dispose()
      this.channels.delete(message.topic)
    }
    const refusal = this.joinAllowed()
    if (refusal) {
      this.reply(message, 'error', { reason: refusal })
      return
    }
    let result: Awaited<ReturnType<typeof openChannel>>
    try {
      result = await openChannel(this.hub, this, message, this.socketToken)
    } catch (error) {
      // The database is unreachable or failed: say so rather than leave the join unanswered.
      this.hub.log.warn('join failed', { topic: message.topic, error: (error as Error).message })
      this.reply(message, 'error', { reason: 'Unable to join: the database is not available' })
      return
    }
    if (this.disposed) {
      if (result.ok) result.channel.dispose()
      return
    }
    if (!result.ok) {
      this.reply(message, 'error', { reason: result.reason })
      return
    }
    if (result.waitForChangesMs !== null && !(await this.changesFlowing(result.waitForChangesMs))) {
      result.channel.dispose()
      this.reply(message, 'error', {
        reason: 'Unable to subscribe to changes: the change stream is not ready',
      })
      return
    }
    if (this.disposed) {
      result.channel.dispose()
      return
    }
    // Closed while the join was prepared (its token expired, say): the join fails with that.
    const closed = result.channel.closeReason
    if (closed !== null) {
      this.reply(message, 'error', { reason: closed })
      return
    }
    this.channels.set(message.topic, result.channel)
    this.reply(message, 'ok', result.response)
    try {
      result.channel.activate()
    } catch (error) {
      this.hub.log.error('channel set-up failed', {
        error: String((error as Error)?.stack ?? error),
      })
      result.channel.fail('Unable to set up the channel')
    }
  }
}
