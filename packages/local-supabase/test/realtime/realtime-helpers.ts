import { randomUUID } from 'node:crypto'
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import { afterAll } from 'vitest'
import WebSocket from 'ws'
import { stackEnv, uniqueEmail, withPg } from '../helpers.ts'

/** A JWT as GoTrue would issue it, signed with the stack's secret. */
export async function mintToken(
  sub: string,
  options: {
    role?: string
    expiresInSeconds?: number
    secret?: string
    /** Further claims (an app's own), as a custom access token hook would add them. */
    claims?: Record<string, unknown>
  } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT({
    ...options.claims,
    sub,
    role: options.role ?? 'authenticated',
    aud: 'authenticated',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
    .sign(new TextEncoder().encode(options.secret ?? stackEnv().JWT_SECRET))
}

export async function createUser(): Promise<string> {
  const id = randomUUID()
  await withPg((db) =>
    db.query(
      `insert into auth.users (id, aud, role, email, created_at) values ($1, 'authenticated', 'authenticated', $2, now())`,
      [id, uniqueEmail('rt')],
    ),
  )
  return id
}

export async function createCustomer(userId: string | null, name = 'Customer'): Promise<string> {
  return withPg(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      'insert into public.rt_customers (portal_user_id, name) values ($1, $2) returning id',
      [userId, name],
    )
    return rows[0]!.id
  })
}

/** A signed-in customer: user, token and customer row. */
export async function createPortalUser(): Promise<{
  userId: string
  customerId: string
  token: string
}> {
  const userId = await createUser()
  const customerId = await createCustomer(userId)
  return { userId, customerId, token: await mintToken(userId) }
}

const openClients: SupabaseClient[] = []
afterAll(async () => {
  for (const client of openClients.splice(0)) await client.removeAllChannels()
})

export interface RealtimeUser {
  client: SupabaseClient
  /** Swaps the token the client hands to realtime (as a refreshed session would). */
  setToken(token: string): Promise<void>
}

/**
 * A supabase-js client whose realtime socket acts as `token` (anon key when omitted). The token is
 * supplied through `accessToken`, the supported way to give supabase-js a JWT minted elsewhere,
 * and is in place before the first join.
 */
export async function realtimeUser(
  token?: string,
  options: { vsn?: '1.0.0' | '2.0.0'; apiUrl?: string; anonKey?: string } = {},
): Promise<RealtimeUser> {
  const env = stackEnv()
  let current = token ?? options.anonKey ?? env.ANON_KEY
  const client = createClient(options.apiUrl ?? env.API_URL, options.anonKey ?? env.ANON_KEY, {
    accessToken: async () => current,
    // Node 20 has no global WebSocket: hand realtime-js the `ws` implementation.
    realtime: {
      transport: WebSocket as never,
      params: { log_level: 'error' },
      ...(process.env.REALTIME_TEST_TRACE
        ? {
            logger: (kind: string, msg: string, data: unknown) =>
              process.stderr.write(`${kind} ${msg} ${JSON.stringify(data)?.slice(0, 400)}\n`),
          }
        : {}),
      ...(options.vsn ? { vsn: options.vsn } : {}),
    },
  })
  openClients.push(client)
  // supabase-js resolves the token asynchronously; a join sent before that would carry no token.
  await client.realtime.setAuth(current)
  return {
    client,
    async setToken(next) {
      current = next
      await client.realtime.setAuth(next)
    },
  }
}

/** Subscribes and resolves once joined and (with postgres_changes bindings) once changes flow. */
export function subscribe(channel: RealtimeChannel, waitForPostgres = true): Promise<void> {
  const hasChanges = (channel.bindings.postgres_changes?.length ?? 0) > 0
  return new Promise((resolve, reject) => {
    let subscribed = false
    let flowing = !hasChanges || !waitForPostgres
    const done = () => subscribed && flowing && resolve()
    if (!flowing) {
      channel.on('system', {}, (payload: { extension?: string; status?: string }) => {
        if (payload.extension === 'postgres_changes' && payload.status === 'ok') {
          flowing = true
          done()
        }
      })
    }
    channel.subscribe((status, error) => {
      if (status === 'SUBSCRIBED') {
        subscribed = true
        done()
      } else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        reject(error ?? new Error(status))
      }
    })
  })
}

/** Waits until `check` passes; fails with `what` after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Waits until `find` returns something, and returns it. */
export async function waitForValue<T>(
  find: () => T | undefined,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = find()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`
}
