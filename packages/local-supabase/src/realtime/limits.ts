/** Bounds that keep one client from hurting the others. */
export interface RealtimeLimits {
  /** Largest frame a client may send: ws closes the socket with 1009 beyond it. */
  maxFrameBytes: number
  /**
   * Frames larger than this (and within maxFrameBytes) are refused with an error reply; REST
   * broadcasts whose payload is larger get 422.
   */
  maxPayloadBytes: number
  /** Largest body the REST broadcast API reads (Phoenix's parser default); 413 beyond. */
  maxRequestBodyBytes: number
  /** Levels of nesting a frame's payload may have; deeper frames are refused with an error reply. */
  maxPayloadDepth: number
  /** Bytes of received frames waiting to be handled before the socket is closed (1008). */
  maxWaitingBytes: number
  /** Bytes queued for one socket before it is disconnected as too slow. */
  maxQueuedBytes: number
  maxChannelsPerSocket: number
  /** Joins one socket may make per second; the rest are refused. */
  maxJoinsPerSecond: number
  /** A socket silent (no heartbeat, no message) this long is closed. */
  idleTimeoutMs: number
  /** How often every joined channel's session is checked against auth.sessions and auth.users. */
  sessionCheckIntervalMs: number
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  maxFrameBytes: 2 * 1024 * 1024,
  maxPayloadBytes: 1024 * 1024,
  maxRequestBodyBytes: 8_000_000,
  maxPayloadDepth: 64,
  maxWaitingBytes: 16 * 1024 * 1024,
  maxQueuedBytes: 4 * 1024 * 1024,
  maxChannelsPerSocket: 100,
  maxJoinsPerSecond: 100,
  idleTimeoutMs: 60_000,
  sessionCheckIntervalMs: 5_000,
}
