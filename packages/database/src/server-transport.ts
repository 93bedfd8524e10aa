import WebSocket from 'ws'

/**
 * supabase-js refuses to construct a client on Node 20, which has no global WebSocket. Server-side
 * clients rarely use realtime, but they must still be constructible: hand them `ws` there.
 */
export function serverRealtimeOptions(): { transport?: typeof globalThis.WebSocket } {
  if (typeof globalThis.WebSocket !== 'undefined') return {}
  return { transport: WebSocket as unknown as typeof globalThis.WebSocket }
}
