import { createHmac } from 'node:crypto'
import type { Database } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'
import WebSocket from 'ws'
import type { Client } from '../../src/core/types.ts'

let override: ReturnType<typeof inject<'stack'>> | null = null

/** The stack the helpers talk to: the run's shared one, unless a file started its own. */
export const stackEnv = () => override ?? inject('stack')

/** Points the helpers at a stack this file started itself (e.g. to restart it). */
export function useStack(env: ReturnType<typeof inject<'stack'>> | null): void {
  override = env
}

const clients: Client[] = []

function track(client: Client): Client {
  clients.push(client)
  return client
}

/** Closes every client a test file made (call in afterAll). */
export async function closeClients(): Promise<void> {
  for (const client of clients.splice(0)) {
    await client.removeAllChannels()
    client.realtime.disconnect()
  }
}

const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
  // Node 20 has no global WebSocket; browsers and jsdom's are replaced by the ws package here.
  realtime: {
    transport: WebSocket as unknown as typeof globalThis.WebSocket,
    heartbeatIntervalMs: 5_000,
  },
} as const

// HS256 by hand: jose resolves to its web build under jsdom, where Node's key types do not pass.
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

/** A client acting as the given user, with a token minted from the stack's JWT secret. */
export async function clientForUser(
  userId: string,
  email: string,
  transport: typeof WebSocket = WebSocket,
): Promise<Client> {
  const env = stackEnv()
  const now = Math.floor(Date.now() / 1000)
  const token = signJwt(
    { sub: userId, role: 'authenticated', aud: 'authenticated', email, iat: now, exp: now + 3600 },
    env.JWT_SECRET,
  )
  return track(
    createClient<Database>(env.API_URL, env.ANON_KEY, {
      ...clientOptions,
      realtime: {
        ...clientOptions.realtime,
        transport: transport as unknown as typeof globalThis.WebSocket,
      },
      accessToken: async () => token,
    }),
  )
}

/** A client that signs in through the Auth API like the portal does (refresh tokens included). */
export function passwordClient(): Client {
  const env = stackEnv()
  return track(createClient<Database>(env.API_URL, env.ANON_KEY, clientOptions))
}

export function serviceClient(): Client {
  const env = stackEnv()
  return track(createClient<Database>(env.API_URL, env.SERVICE_ROLE_KEY, clientOptions))
}

/** Owner-level SQL for fixtures and for checking what is stored. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stackEnv().DB_URL })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** Live channels of a client (joined, not leaving or closed). */
export function joinedChannels(client: Client) {
  return client.getChannels().filter((channel) => channel.state === 'joined')
}

/**
 * A network that delivers every postgres_changes frame twice, as a flaky proxy or a resent frame
 * would: the real server and the real client, with duplicates in between.
 */
class DuplicatingWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    const inherited = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')
    Object.defineProperty(this, 'onmessage', {
      configurable: true,
      get: () => inherited?.get?.call(this),
      set: (handler: ((event: WebSocket.MessageEvent) => void) | null) => {
        const twice = handler
          ? (event: WebSocket.MessageEvent) => {
              handler(event)
              if (String(event.data).includes('postgres_changes')) handler(event)
            }
          : null
        inherited?.set?.call(this, twice)
      },
    })
  }
}

/** Like clientForUser, over a network that duplicates change frames. */
export async function duplicatingClientForUser(userId: string, email: string): Promise<Client> {
  return clientForUser(userId, email, DuplicatingWebSocket as unknown as typeof WebSocket)
}

/** Changes committed right after a join can miss the new binding on the server; give it a moment. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 300))
