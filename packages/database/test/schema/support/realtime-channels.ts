import { createRequire } from 'node:module'
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js'
import type { Database } from '../../../src/database.types.ts'
import type { Persona } from './personas.ts'
import { stackEnv } from './stack.ts'

// Private realtime channels through supabase-js and the stack's Realtime server, as the apps use them.
// Node 20 has no global WebSocket; use the `ws` implementation the local stack itself runs on.
const requireFromStack = createRequire(
  createRequire(import.meta.url).resolve('@repo/local-supabase'),
)
const WebSocket = requireFromStack('ws') as unknown

/** Every client opened, so a test file's afterAll can close them. */
export const clients: SupabaseClient<Database>[] = []

/** A realtime client acting as the persona (anon: just the anon key). */
export async function realtimeAs(persona: Persona): Promise<SupabaseClient<Database>> {
  const env = stackEnv()
  const token = persona.token
  const client = createClient<Database>(env.API_URL, env.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    ...(token ? { accessToken: async () => token } : {}),
    realtime: { transport: WebSocket as never, params: { log_level: 'error' } },
  })
  if (token) await client.realtime.setAuth(token)
  clients.push(client)
  return client
}

export interface Joined {
  channel: RealtimeChannel
  broadcasts: unknown[]
  presence: () => string[]
}

/** Joins a private channel; rejects with the server's reason when the join is refused. */
export async function join(
  client: SupabaseClient<Database>,
  topic: string,
  presenceKey?: string,
  event = 'typing',
): Promise<Joined> {
  const broadcasts: unknown[] = []
  const channel = client
    .channel(topic, {
      config: {
        private: true,
        broadcast: { ack: true },
        ...(presenceKey ? { presence: { key: presenceKey } } : {}),
      },
    })
    .on('broadcast', { event }, (message) => broadcasts.push(message.payload))
  if (presenceKey) channel.on('presence', { event: 'sync' }, () => undefined)
  try {
    await new Promise<void>((resolve, reject) => {
      channel.subscribe((status, error) => {
        if (status === 'SUBSCRIBED') resolve()
        else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT')
          reject(error ?? new Error(status))
      })
    })
  } catch (error) {
    // Stop realtime-js from retrying the refused join.
    await client.removeChannel(channel)
    throw error
  }
  const presence = () => Object.keys(channel.presenceState()).sort()
  return { channel, broadcasts, presence }
}

export const REFUSED = /Unauthorized: You do not have permissions to read from this Channel topic/

export async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

export const quiet = () => new Promise((r) => setTimeout(r, 300))
