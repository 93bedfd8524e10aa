import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'

export const stackEnv = () => inject('stack')

/** A supabase-js client as a browser would make it, with the anon key. */
export function anonClient(): SupabaseClient {
  const env = stackEnv()
  return createClient(env.API_URL, env.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
}

/** A supabase-js client with the service-role key (server-side admin work). */
export function serviceClient(): SupabaseClient {
  const env = stackEnv()
  return createClient(env.API_URL, env.SERVICE_ROLE_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
  })
}

/** An owner-level Postgres connection for set-up and for checking what is really stored. */
export async function withPg<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stackEnv().DB_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

let counter = 0
/** A unique e-mail per call, so test files never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.test`
}
