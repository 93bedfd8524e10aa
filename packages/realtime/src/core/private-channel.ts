import type { RealtimeChannel, RealtimeChannelOptions } from '@supabase/supabase-js'
import type { Client } from './types.ts'

type SubscribeCallback = Parameters<RealtimeChannel['subscribe']>[0]

/**
 * A private channel: the server admits the join, and each send or track, only if the RLS policies
 * on `realtime.messages` allow the signed-in user on this topic (Realtime Authorization; see
 * supabase/migrations/*_realtime_authorization.sql). Broadcast and presence channels are always
 * private; postgres_changes channels need not be (each row is checked against RLS already).
 */
export function privateChannel(
  client: Client,
  topic: string,
  config: NonNullable<RealtimeChannelOptions['config']> = {},
): RealtimeChannel {
  return client.channel(topic, { config: { ...config, private: true } })
}

/**
 * Joins `channel` once the socket carries the current session's token: a private join sent with
 * the anon key (the session is read asynchronously, so a first join can beat it) is refused.
 * A channel removed while the token was being read is not joined.
 */
export function subscribeAuthorized(
  client: Client,
  channel: RealtimeChannel,
  callback: SubscribeCallback,
): void {
  void client.realtime
    .setAuth()
    .catch(() => undefined)
    .then(() => {
      if (client.getChannels().includes(channel)) channel.subscribe(callback)
    })
}
