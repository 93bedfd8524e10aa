import { randomUUID } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import pg from 'pg'
import { inject } from 'vitest'
import type { Database } from '../../../src/database.types.ts'

export const stackEnv = () => inject('stack')

/** One owner-level pool per test file, for set-up and for checking what is really stored. */
let pool: pg.Pool | null = null
export function adminPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: stackEnv().DB_URL, max: 4 })
  return pool
}
export async function closeAdminPool(): Promise<void> {
  await pool?.end()
  pool = null
}

export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  return (await adminPool().query<T>(text, values)).rows
}

/** A unique suffix so rows of different files and runs never collide. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`

/** Creates a confirmed auth user directly (the Auth API is not needed for RLS tests). */
export async function createAuthUser(label: string): Promise<{ id: string; email: string }> {
  const id = randomUUID()
  const email = `${unique(label)}@schema.test`
  await sql(
    `insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2, now(),
             '{"provider":"email","providers":["email"]}', now(), now())`,
    [id, email],
  )
  return { id, email }
}

/** An access token as GoTrue would issue it for this user, for a session that exists. */
export async function accessTokenFor(userId: string, email: string): Promise<string> {
  const secret = new TextEncoder().encode(stackEnv().JWT_SECRET)
  const sessionId = randomUUID()
  // Realtime ends a channel whose session_id names no session (signed out), as GoTrue would.
  await sql(
    'insert into auth.sessions (id, user_id, created_at, updated_at) values ($1, $2, now(), now())',
    [sessionId, userId],
  )
  return new SignJWT({
    sub: userId,
    email,
    role: 'authenticated',
    aud: 'authenticated',
    session_id: sessionId,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret)
}

/**
 * These tests use REST and rpc only. Node 20 has no global WebSocket and supabase-js wants one
 * at construction, so it gets a transport that refuses to open (a socket would be a bug here).
 */
class NoRealtime {
  constructor() {
    throw new Error('The schema tests do not open realtime sockets')
  }
}

const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: NoRealtime as unknown as typeof globalThis.WebSocket },
} as const

export type TypedClient = SupabaseClient<Database>

/** supabase-js signed in with a minted token, as the browser client of that user. */
export function userClient(token: string): TypedClient {
  const env = stackEnv()
  return createClient<Database>(env.API_URL, env.ANON_KEY, {
    ...clientOptions,
    accessToken: async () => token,
  })
}

export function anonClient(): TypedClient {
  const env = stackEnv()
  return createClient<Database>(env.API_URL, env.ANON_KEY, clientOptions)
}

export function serviceClient(): TypedClient {
  const env = stackEnv()
  return createClient<Database>(env.API_URL, env.SERVICE_ROLE_KEY, clientOptions)
}

/** The single row a query must return (fails the test clearly when it is missing). */
export async function one<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T> {
  const rows = await sql<T>(text, values)
  const [row] = rows
  if (rows.length !== 1 || row === undefined)
    throw new Error(`expected one row, got ${rows.length}: ${text}`)
  return row
}

/** A value a previous step must have produced. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing ${what}`)
  return value
}
