import type { Client } from '@repo/database/types'
import { createClient } from '@supabase/supabase-js'
import { inject } from 'vitest'
import WebSocket from 'ws'

export const demo = {
  password: 'password123',
  organizationId: '10000000-0000-4000-8000-000000000001',
  alice: '30000000-0000-4000-8000-000000000001',
  bob: '30000000-0000-4000-8000-000000000002',
} as const

/** A demo user signed in through Auth, as the CRM's server client would be. */
export async function signIn(email: string): Promise<Client> {
  const env = inject('stack')
  const client = createClient(env.API_URL, env.ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no global WebSocket; nothing here subscribes, but the client wants a transport.
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  }) as Client
  const { error } = await client.auth.signInWithPassword({ email, password: demo.password })
  if (error) throw new Error(`sign-in failed for ${email}: ${error.message}`)
  return client
}
