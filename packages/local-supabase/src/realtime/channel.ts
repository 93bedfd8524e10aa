import { randomUUID } from 'node:crypto'
import { ALL_PERMISSIONS, authorizeChannel, type ChannelPermissions } from './authorization.ts'
import type { ChangeListener, PostgresBinding } from './change-router.ts'
import type { PhoenixMessage, ProtocolVersion, UserBroadcast } from './protocol.ts'
import { encodeRawFrame } from './protocol.ts'
import { hubTopicOf, type RealtimeHub, TOPIC_PREFIX, type TopicMember } from './realtime-hub.ts'
import { effectiveToken, type Subscriber, verifySubscriberToken } from './tokens.ts'

/** How a channel talks back over its socket. */
export interface ChannelTransport {
  readonly vsn: ProtocolVersion
  /** The API key the socket connected with (stands in for an `sb_` access_token). */
  readonly socketToken: string
  send(frame: string | Buffer): void
  /** Called when the server closes the channel on its own (token expiry, failed re-authorization). */
  channelClosed(channel: ChannelSession): void
}

export interface ChannelSettings {
  topic: string
  joinRef: string | null
  isPrivate: boolean
  broadcastSelf: boolean
  broadcastAck: boolean
  presenceKey: string
  presenceEnabled: boolean
}

/** Node timers cannot wait longer than this. */
const MAX_TIMER_MS = 2_147_483_647

/** One joined channel: its identity, bindings, presence and broadcast handling. */
export class ChannelSession implements ChangeListener, TopicMember {
  readonly id: number
  readonly topic: string
  readonly subTopic: string
  readonly joinRef: string | null
  /** Private and public channels of the same name never see each other's traffic. */
  readonly hubTopic: string
  bindings: PostgresBinding[] = []
  private expiryTimer: NodeJS.Timeout | null = null
  private activated = false
  private closed = false
  /** Why the server closed the channel (token expired, session ended), if it did. */
  private closedBecause: string | null = null

  constructor(
    private readonly hub: RealtimeHub,
    private readonly transport: ChannelTransport,
    readonly settings: ChannelSettings,
    private current: Subscriber,
    private permissions: ChannelPermissions,
  ) {
    this.id = hub.newChannelId()
    this.topic = settings.topic
    this.subTopic = settings.topic.slice(TOPIC_PREFIX.length)
    this.joinRef = settings.joinRef
    this.hubTopic = hubTopicOf(settings.isPrivate, settings.topic)
    if (!settings.presenceKey) settings.presenceKey = randomUUID()
    // First, before anything that could fail: whatever happens next, the token's end is enforced.
    this.scheduleExpiry()
  }

  /** Set once the server has closed the channel: the reason, for a join not yet answered. */
  get closeReason(): string | null {
    return this.closed ? (this.closedBecause ?? 'Channel closed') : null
  }

  get vsn(): ProtocolVersion {
    return this.transport.vsn
  }

  subscriber(): Subscriber {
    return this.current
  }

  canReceiveBroadcast(): boolean {
    return this.permissions.broadcastRead
  }

  canReceivePresence(): boolean {
    return this.settings.presenceEnabled && this.permissions.presenceRead
  }

  /** Registers with the hub and the change router once the join has been answered. */
  activate(): void {
    if (this.closed) return
    this.activated = true
    this.hub.join(this.hubTopic, this)
    for (const binding of this.bindings) this.hub.router.add(binding)
    if (this.canReceivePresence())
      this.sendEvent('presence_state', this.hub.presence.state(this.hubTopic))
    if (this.bindings.length > 0) {
      this.hub.feed.whenReady(() => {
        if (this.closed) return
        this.sendEvent('system', {
          channel: this.subTopic,
          extension: 'postgres_changes',
          message: 'Subscribed to PostgreSQL',
          status: 'ok',
        })
      })
    }
  }

  sendRaw(frame: string | Buffer): void {
    if (!this.closed) this.transport.send(frame)
  }

  sendEvent(event: string, payload: unknown, ref: string | null = null): void {
    this.sendRaw(
      encodeRawFrame(this.vsn, this.joinRef, ref, this.topic, event, JSON.stringify(payload)),
    )
  }

  sendChange(ids: number[], dataJson: string): void {
    this.sendRaw(
      encodeRawFrame(
        this.vsn,
        this.joinRef,
        null,
        this.topic,
        'postgres_changes',
        `{"ids":${JSON.stringify(ids)},"data":${dataJson}}`,
      ),
    )
  }

  reply(ref: string | null, status: 'ok' | 'error', response: unknown): void {
    if (ref === null) return
    this.sendEvent('phx_reply', { status, response }, ref)
  }

  /** Handles a push from the client on this joined channel. */
  async handle(message: PhoenixMessage): Promise<void> {
    if (this.closed) {
      // A closed channel sends nothing else, but a push still gets its answer.
      if (message.ref !== null) {
        const answer = { status: 'error', response: { reason: 'unmatched topic' } }
        this.transport.send(
          encodeRawFrame(
            this.vsn,
            this.joinRef,
            message.ref,
            this.topic,
            'phx_reply',
            JSON.stringify(answer),
          ),
        )
      }
      return
    }
    const payload = message.payload as Record<string, unknown>
    switch (message.event) {
      case 'access_token':
        await this.swapToken(payload.access_token, message.ref)
        return
      case 'broadcast':
        this.onBroadcast(payload, message.ref)
        return
      case 'presence':
        this.onPresence(payload, message.ref)
        return
      default:
        this.reply(message.ref, 'error', { reason: `unknown event "${message.event}"` })
    }
  }

  /**
   * A channel-level error the client sees as a `system` message, then the channel closes. Before
   * its join is answered, the join answers with the error instead.
   */
  fail(message: string): void {
    if (this.closed) return
    if (this.activated) {
      this.sendEvent('system', {
        channel: this.subTopic,
        extension: 'system',
        message,
        status: 'error',
      })
      this.sendEvent('phx_close', {})
    }
    this.closedBecause = message
    // Out of the socket's channels first, so no later push can reach a half-closed channel.
    this.transport.channelClosed(this)
    this.dispose()
  }

  /** Leaves every registry; other members see this channel's presence leave. */
  dispose(): void {
    if (this.closed) return
    this.closed = true
    if (this.expiryTimer) clearTimeout(this.expiryTimer)
    // Stop receiving first; telling the others comes last, so nothing can leave it half-closed.
    for (const binding of this.bindings) this.hub.router.remove(binding)
    this.hub.leave(this.hubTopic, this)
    const diff = this.hub.presence.untrack(this.hubTopic, this.id)
    if (diff) this.hub.presenceDiff(this.hubTopic, diff)
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer)
    this.expiryTimer = null
    if (this.closed || this.current.expiresAt === null) return
    const delay = this.current.expiresAt * 1000 - Date.now()
    // A token valid for longer than a timer can wait is looked at again when the timer fires.
    this.expiryTimer =
      delay > MAX_TIMER_MS
        ? setTimeout(() => this.scheduleExpiry(), MAX_TIMER_MS)
        : setTimeout(() => this.fail('Token has expired'), Math.max(0, delay))
    this.expiryTimer.unref()
  }

  private async swapToken(token: unknown, ref: string | null): Promise<void> {
    const result = await verifySubscriberToken(
      this.hub.jwt,
      effectiveToken(token, this.transport.socketToken),
    )
    if (!result.ok) {
      this.fail(result.message)
      return
    }
    const ended = await this.hub.sessionCheck
      .endedReason(result.subscriber)
      .catch(() => 'Unable to check the session: the database is not available')
    if (ended) {
      this.fail(ended)
      return
    }
    if (this.closed) return
    let permissions = ALL_PERMISSIONS
    if (this.settings.isPrivate) {
      // If authorization cannot be checked, the channel must not keep its old rights.
      permissions = await authorizeChannel(this.hub.pool, this.subTopic, result.subscriber).catch(
        () => ({
          broadcastRead: false,
          broadcastWrite: false,
          presenceRead: false,
          presenceWrite: false,
        }),
      )
      if (!permissions.broadcastRead && !permissions.presenceRead) {
        this.fail(
          `Unauthorized: You do not have permissions to read from this Channel topic: ${this.subTopic}`,
        )
        return
      }
    }
    if (this.closed) return
    // Takes effect for the next change routed: the router re-reads the identity when sending.
    this.current = result.subscriber
    this.permissions = permissions
    this.scheduleExpiry()
    this.reply(ref, 'ok', {})
  }

  private onBroadcast(payload: Record<string, unknown>, ref: string | null): void {
    if (typeof payload.event !== 'string' || payload.event === '') {
      this.reply(ref, 'error', { reason: 'a broadcast needs an event name' })
      return
    }
    if (!this.permissions.broadcastWrite) {
      this.reply(ref, 'error', {
        reason: `Unauthorized: You do not have permissions to write to this Channel topic: ${this.subTopic}`,
      })
      return
    }
    const message: UserBroadcast = {
      event: payload.event,
      payload: payload.payload ?? {},
      binary: Buffer.isBuffer(payload.payload),
      meta: payload.meta,
    }
    this.hub.broadcast(this.hubTopic, this, this.settings.broadcastSelf, message)
    if (this.settings.broadcastAck) this.reply(ref, 'ok', {})
  }

  private onPresence(payload: Record<string, unknown>, ref: string | null): void {
    if (!this.permissions.presenceWrite) {
      this.reply(ref, 'error', {
        reason: `Unauthorized: You do not have permissions to track presence on this Channel topic: ${this.subTopic}`,
      })
      return
    }
    if (payload.event === 'track') {
      const meta = payload.payload
      if (
        meta !== undefined &&
        (meta === null || typeof meta !== 'object' || Array.isArray(meta))
      ) {
        this.reply(ref, 'error', { reason: 'presence payload must be an object' })
        return
      }
      const diff = this.hub.presence.track(
        this.hubTopic,
        this.id,
        this.settings.presenceKey,
        (meta ?? {}) as Record<string, unknown>,
      )
      this.hub.presenceDiff(this.hubTopic, diff)
      this.reply(ref, 'ok', {})
      return
    }
    if (payload.event === 'untrack') {
      const diff = this.hub.presence.untrack(this.hubTopic, this.id)
      if (diff) this.hub.presenceDiff(this.hubTopic, diff)
      this.reply(ref, 'ok', {})
      return
    }
    this.reply(ref, 'error', { reason: 'presence event must be track or untrack' })
  }
}
