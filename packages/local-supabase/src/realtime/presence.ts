import { randomBytes } from 'node:crypto'

export type PresenceMeta = Record<string, unknown> & { phx_ref: string }
export type PresenceState = Record<string, { metas: PresenceMeta[] }>
export interface PresenceDiff {
  joins: PresenceState
  leaves: PresenceState
}

interface Entry {
  key: string
  meta: PresenceMeta
}

function newRef(): string {
  return randomBytes(8).toString('base64url')
}

/** Phoenix Presence for one server: who is tracked on which topic, one entry per channel. */
export class PresenceRegistry {
  /** topic -> channel id -> entry */
  private topics = new Map<string, Map<number, Entry>>()

  state(topic: string): PresenceState {
    const state: PresenceState = {}
    for (const entry of this.topics.get(topic)?.values() ?? []) {
      const slot = state[entry.key] ?? { metas: [] }
      slot.metas.push(entry.meta)
      state[entry.key] = slot
    }
    return state
  }

  /** Tracks (or re-tracks, replacing) a channel's presence; returns the diff to fan out. */
  track(
    topic: string,
    channelId: number,
    key: string,
    payload: Record<string, unknown>,
  ): PresenceDiff {
    let entries = this.topics.get(topic)
    if (!entries) {
      entries = new Map()
      this.topics.set(topic, entries)
    }
    const previous = entries.get(channelId)
    const meta: PresenceMeta = { ...payload, phx_ref: newRef() }
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref
    entries.set(channelId, { key, meta })
    const diff: PresenceDiff = { joins: { [key]: { metas: [meta] } }, leaves: {} }
    if (previous) diff.leaves[previous.key] = { metas: [previous.meta] }
    return diff
  }

  /** Forgets a channel's presence; null when it tracked nothing. */
  untrack(topic: string, channelId: number): PresenceDiff | null {
    const entries = this.topics.get(topic)
    const previous = entries?.get(channelId)
    if (!entries || !previous) return null
    entries.delete(channelId)
    if (entries.size === 0) this.topics.delete(topic)
    return { joins: {}, leaves: { [previous.key]: { metas: [previous.meta] } } }
  }
}
