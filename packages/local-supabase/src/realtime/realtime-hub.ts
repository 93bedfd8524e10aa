import type pg from 'pg'
import type { JwtTools } from '../jwt.ts'
import type { Logger } from '../log.ts'
import type { ChangeRouter } from './change-router.ts'
import type { RealtimeLimits } from './limits.ts'
import type { PresenceDiff, PresenceRegistry } from './presence.ts'
import type { ProtocolVersion, UserBroadcast } from './protocol.ts'
import { encodeBroadcast } from './protocol.ts'
import type { ReplicationFeed } from './replication.ts'
import type { SchemaCache } from './schema-cache.ts'
import type { SessionCheck } from './session-check.ts'

/** Every channel topic starts with this; what follows is the channel's name (its sub-topic). */
export const TOPIC_PREFIX = 'realtime:'

/**
 * The hub's key for a channel topic (`realtime:<name>`): private and public channels of the same
 * name never share traffic.
 */
export function hubTopicOf(isPrivate: boolean, topic: string): string {
  return `${isPrivate ? 'private' : 'public'}\u0000${topic}`
}

/** What the hub needs from a joined channel to fan messages out to it. */
export interface TopicMember {
  readonly id: number
  readonly vsn: ProtocolVersion
  readonly topic: string
  canReceiveBroadcast(): boolean
  canReceivePresence(): boolean
  sendRaw(frame: string | Buffer): void
  sendEvent(event: string, payload: unknown): void
}

/** Shared state of the realtime server: topics, presence, the change feed. */
export class RealtimeHub {
  private members = new Map<string, Set<TopicMember>>()
  private nextChannelId = 1

  constructor(
    readonly pool: pg.Pool,
    readonly jwt: JwtTools,
    readonly log: Logger,
    readonly limits: RealtimeLimits,
    readonly schema: SchemaCache,
    readonly router: ChangeRouter,
    readonly feed: ReplicationFeed,
    readonly presence: PresenceRegistry,
    readonly sessionCheck: SessionCheck,
  ) {}

  newChannelId(): number {
    return this.nextChannelId++
  }

  join(hubTopic: string, member: TopicMember): void {
    let set = this.members.get(hubTopic)
    if (!set) {
      set = new Set()
      this.members.set(hubTopic, set)
    }
    set.add(member)
  }

  leave(hubTopic: string, member: TopicMember): void {
    const set = this.members.get(hubTopic)
    set?.delete(member)
    if (set?.size === 0) this.members.delete(hubTopic)
  }

  /**
   * Sends a user broadcast to the topic; encodes once per protocol version. `from` is the sending
   * channel (null for messages from the REST API or the database).
   */
  broadcast(
    hubTopic: string,
    from: TopicMember | null,
    includeSender: boolean,
    message: UserBroadcast,
  ): void {
    const encoded = new Map<ProtocolVersion, string | Buffer | null>()
    for (const member of this.members.get(hubTopic) ?? []) {
      if (member === from && !includeSender) continue
      if (!member.canReceiveBroadcast()) continue
      let frame = encoded.get(member.vsn)
      if (frame === undefined) {
        frame = encodeBroadcast(member.vsn, member.topic, message)
        encoded.set(member.vsn, frame)
      }
      if (frame !== null) member.sendRaw(frame)
    }
  }

  /** A broadcast from outside any channel (REST API, database) to channel `name`. */
  publish(isPrivate: boolean, name: string, message: UserBroadcast): void {
    const topic = `${TOPIC_PREFIX}${name}`
    this.broadcast(hubTopicOf(isPrivate, topic), null, false, message)
  }

  presenceDiff(hubTopic: string, diff: PresenceDiff): void {
    for (const member of this.members.get(hubTopic) ?? []) {
      if (member.canReceivePresence()) member.sendEvent('presence_diff', diff)
    }
  }
}
