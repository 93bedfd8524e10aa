import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js'
import { expect } from 'vitest'
import WebSocket from 'ws'
import { stackEnv, uniqueEmail, withPg } from '../helpers.ts'

export const PASSWORD = 'correct-horse-battery'

/** A service-role client for admin calls (server-side only in the product). */
export function adminClient(key = stackEnv().SERVICE_ROLE_KEY): SupabaseClient {
  return createClient(stackEnv().API_URL, key, {
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    auth: { persistSession: false, autoRefreshToken: false },
  })
}

/** A fresh anon client that keeps its session in memory (as a browser tab would). */
export function userClient(options: { flowType?: 'implicit' | 'pkce' } = {}): SupabaseClient {
  const env = stackEnv()
  const store = new Map<string, string>()
  return createClient(env.API_URL, env.ANON_KEY, {
    // Node 20 has no global WebSocket; auth tests never open the socket, but the client insists on one.
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    auth: {
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      flowType: options.flowType ?? 'implicit',
      storage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => void store.set(k, v),
        removeItem: (k) => void store.delete(k),
      },
    },
  })
}

/** Signs up a new user through the official client and returns it signed in. */
export async function signedUpUser(prefix = 'auth') {
  const client = userClient()
  const email = uniqueEmail(prefix)
  const { data, error } = await client.auth.signUp({ email, password: PASSWORD })
  expect(error).toBeNull()
  const session = data.session as Session
  expect(session).toBeTruthy()
  return { client, email, session, userId: session.user.id }
}

export interface RawResponse {
  status: number
  headers: Headers
  body: Record<string, unknown> | null
}

/** A raw HTTP call to /auth/v1, for what the official client never sends (bad input). */
export async function rawAuth(
  path: string,
  init: {
    method?: string
    headers?: Record<string, string>
    body?: string
    apikey?: string | null
  } = {},
): Promise<RawResponse> {
  const env = stackEnv()
  const headers: Record<string, string> = { ...init.headers }
  const key = init.apikey === undefined ? env.ANON_KEY : init.apikey
  if (key !== null) headers.apikey = key
  const res = await fetch(`${env.API_URL}/auth/v1${path}`, {
    method: init.method ?? 'POST',
    headers,
    body: init.body,
    redirect: 'manual',
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  }
}

export const jsonHeaders = {
  'content-type': 'application/json',
  'x-supabase-api-version': '2024-01-01',
}

/**
 * Everything stored about one e-mail address or user id: the user row, identities, sessions,
 * refresh tokens, one-time tokens and flow state. Equal snapshots mean nothing changed.
 */
export async function footprint(emailOrId: string): Promise<string> {
  return withPg(async (pg) => {
    const { rows } = await pg.query<{ snapshot: string }>(
      `with u as (select * from auth.users where lower(email) = lower($1) or id::text = $1)
       select json_build_object(
         'users', (select coalesce(json_agg(u order by id), '[]') from u),
         'identities', (select coalesce(json_agg(i order by i.id), '[]') from auth.identities i where i.user_id in (select id from u) or i.email = lower($1)),
         'sessions', (select coalesce(json_agg(s order by s.id), '[]') from auth.sessions s where s.user_id in (select id from u)),
         'refresh_tokens', (select coalesce(json_agg(r order by r.id), '[]') from auth.refresh_tokens r where r.user_id in (select id::text from u)),
         'one_time_tokens', (select coalesce(json_agg(o order by o.id), '[]') from auth.one_time_tokens o where o.user_id in (select id from u) or o.relates_to = lower($1)),
         'flow_state', (select coalesce(json_agg(f order by f.id), '[]') from auth.flow_state f where f.user_id in (select id from u))
       )::text as snapshot`,
      [emailOrId],
    )
    return rows[0]?.snapshot ?? ''
  })
}

export async function userCount(email: string): Promise<number> {
  return withPg(async (pg) => {
    const { rows } = await pg.query<{ n: number }>(
      'select count(*)::int as n from auth.users where lower(email) = lower($1)',
      [email],
    )
    return rows[0]?.n ?? -1
  })
}

export interface MailEntry {
  to: string
  subject: string
  type: string
  link: string
  token: string
  token_hash: string
  created_at: string
}

/** The newest mail recorded for an address by the stack's local mailbox. */
export async function latestMail(email: string): Promise<MailEntry> {
  const res = await fetch(
    `${stackEnv().API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`,
  )
  expect(res.status).toBe(200)
  const mails = (await res.json()) as MailEntry[]
  const mail = mails.at(-1)
  if (!mail) throw new Error(`no mail recorded for ${email}`)
  return mail
}

/** Every mail recorded for an address, oldest first (`apiUrl`: another stack's). */
export async function mailsTo(email: string, apiUrl = stackEnv().API_URL): Promise<MailEntry[]> {
  const res = await fetch(`${apiUrl}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`)
  expect(res.status).toBe(200)
  return (await res.json()) as MailEntry[]
}
