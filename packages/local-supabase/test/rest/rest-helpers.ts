import { randomUUID } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import WebSocket from 'ws'
import { stackEnv, withPg } from '../helpers.ts'

// Node 20 has no global WebSocket; supabase-js builds a realtime client even when only REST is used.
const options = (headers: Record<string, string> = {}) => ({
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  global: { headers },
})

/** supabase-js with the anon key, as a browser makes it. */
export function anonClient(): SupabaseClient {
  const env = stackEnv()
  return createClient(env.API_URL, env.ANON_KEY, options())
}

/** supabase-js with the service-role key. */
export function serviceClient(): SupabaseClient {
  const env = stackEnv()
  return createClient(env.API_URL, env.SERVICE_ROLE_KEY, options())
}

export interface TestUser {
  id: string
  email: string
  token: string
  client: SupabaseClient
}

/** A user JWT signed with the stack's secret, as GoTrue would issue it. */
export async function mintToken(
  claims: Record<string, unknown>,
  expiresIn = 3600,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(new TextEncoder().encode(stackEnv().JWT_SECRET))
}

export function clientWithToken(token: string): SupabaseClient {
  const env = stackEnv()
  return createClient(env.API_URL, env.ANON_KEY, options({ Authorization: `Bearer ${token}` }))
}

/** Inserts a user into auth.users directly (independent of the auth API) and signs a token for it. */
export async function createTestUser(prefix = 'rest'): Promise<TestUser> {
  const id = randomUUID()
  const email = `${prefix}-${id.slice(0, 8)}@example.test`
  await withPg((db) =>
    db.query(
      `insert into auth.users (id, aud, role, email, created_at, updated_at) values ($1, 'authenticated', 'authenticated', $2, now(), now())`,
      [id, email],
    ),
  )
  const token = await mintToken({ sub: id, role: 'authenticated', aud: 'authenticated', email })
  return { id, email, token, client: clientWithToken(token) }
}

/** Raw fetch against /rest/v1 with the anon key unless headers say otherwise. */
export async function restFetch(
  path: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
) {
  const env = stackEnv()
  const res = await fetch(`${env.API_URL}/rest/v1${path}`, {
    ...init,
    headers: { apikey: env.ANON_KEY, ...init.headers },
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text === '' ? null : JSON.parse(text)
  } catch {
    json = null
  }
  return {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    text,
    json: json as Record<string, unknown> & unknown[],
  }
}

export const uniqueBatch = () => `b-${randomUUID().slice(0, 8)}`
