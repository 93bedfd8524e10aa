import { randomUUID } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY } from '../../src/keys.ts'
import { stackEnv, uniqueEmail } from '../helpers.ts'

const PASSWORD = 'correct-horse-battery'
const BROWSER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

function client(key: string): SupabaseClient {
  return createClient(stackEnv().API_URL, key, {
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    auth: { persistSession: false, autoRefreshToken: false },
  })
}

async function whoami(supabase: SupabaseClient) {
  const { data, error } = await supabase.rpc('keys_whoami')
  expect(error).toBeNull()
  return data as { role: string; sub: string | null }
}

describe('publishable and secret API keys', () => {
  it('are in the stack env as `supabase status` prints them', () => {
    expect(stackEnv().PUBLISHABLE_KEY).toBe(DEFAULT_PUBLISHABLE_KEY)
    expect(stackEnv().SECRET_KEY).toBe(DEFAULT_SECRET_KEY)
  })

  it('the publishable key acts as anon, and as the user once signed in', async () => {
    const supabase = client(stackEnv().PUBLISHABLE_KEY)
    expect(await whoami(supabase)).toEqual({ role: 'anon', sub: null })
    const email = uniqueEmail('publishable')
    const signUp = await supabase.auth.signUp({ email, password: PASSWORD })
    expect(signUp.error).toBeNull()
    const signIn = await supabase.auth.signInWithPassword({ email, password: PASSWORD })
    expect(signIn.error).toBeNull()
    expect(await whoami(supabase)).toEqual({ role: 'authenticated', sub: signIn.data.user!.id })
  })

  it('the secret key acts as the service role: admin API and REST', async () => {
    const supabase = client(stackEnv().SECRET_KEY)
    expect(await whoami(supabase)).toEqual({ role: 'service_role', sub: null })
    const email = uniqueEmail('secret')
    const created = await supabase.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
    })
    expect(created.error).toBeNull()
    const fetched = await supabase.auth.admin.getUserById(created.data.user!.id)
    expect(fetched.data.user?.email).toBe(email)
  })

  it('the publishable key is not an admin key', async () => {
    const { error } = await client(stackEnv().PUBLISHABLE_KEY).auth.admin.listUsers()
    expect(error?.status).toBe(403)
    expect(error?.code).toBe('not_admin')
  })

  it('refuses the secret key from a browser (by User-Agent), as Supabase does', async () => {
    const env = stackEnv()
    for (const path of ['/rest/v1/rpc/keys_whoami', '/auth/v1/admin/users']) {
      const res = await fetch(`${env.API_URL}${path}`, {
        method: path.startsWith('/rest') ? 'POST' : 'GET',
        headers: {
          apikey: env.SECRET_KEY,
          authorization: `Bearer ${env.SECRET_KEY}`,
          'user-agent': BROWSER_AGENT,
        },
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({ message: 'Forbidden use of secret API key in browser' })
    }
    // The publishable key is made for browsers.
    const res = await fetch(`${env.API_URL}/rest/v1/rpc/keys_whoami`, {
      method: 'POST',
      headers: { apikey: env.PUBLISHABLE_KEY, 'user-agent': BROWSER_AGENT },
    })
    expect(await res.json()).toEqual({ role: 'anon', sub: null })
  })

  it('an unknown sb_ key is not a JWT and gets nothing', async () => {
    const env = stackEnv()
    const res = await fetch(`${env.API_URL}/rest/v1/rpc/keys_whoami`, {
      method: 'POST',
      headers: {
        apikey: 'sb_publishable_not-this-stacks-key',
        authorization: 'Bearer sb_publishable_not-this-stacks-key',
      },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ code: 'PGRST301' })
    const auth = await fetch(`${env.API_URL}/auth/v1/user`, {
      headers: { apikey: 'sb_secret_guess' },
    })
    expect(auth.status).toBe(401)
    expect(await auth.json()).toMatchObject({ error_code: 'bad_jwt' })
  })

  it('a user token in Authorization wins over the publishable key, as through the gateway', async () => {
    const env = stackEnv()
    const supabase = client(env.PUBLISHABLE_KEY)
    const { data } = await supabase.auth.signUp({
      email: uniqueEmail('bearer'),
      password: PASSWORD,
    })
    const res = await fetch(`${env.API_URL}/rest/v1/rpc/keys_whoami`, {
      method: 'POST',
      headers: {
        apikey: env.PUBLISHABLE_KEY,
        authorization: `Bearer ${data.session!.access_token}`,
      },
    })
    expect(await res.json()).toEqual({ role: 'authenticated', sub: data.user!.id })
  })

  it('Realtime accepts the publishable key (sent as the socket apikey and as access_token)', async () => {
    const supabase = client(stackEnv().PUBLISHABLE_KEY)
    // What supabase-js sends as the token when nobody is signed in: the key itself, not a JWT.
    await supabase.realtime.setAuth(stackEnv().PUBLISHABLE_KEY)
    const channel = supabase.channel(`keys-${randomUUID()}`)
    const status = await new Promise<string>((resolve) => {
      channel.subscribe((s, err) => {
        if (s === 'SUBSCRIBED' || s === 'CHANNEL_ERROR') resolve(err ? `${s}: ${err.message}` : s)
      })
    })
    expect(status).toBe('SUBSCRIBED')
    await supabase.removeAllChannels()
  })

  it('Realtime refuses the secret key from a browser at the upgrade', async () => {
    const env = stackEnv()
    const url = `${env.REALTIME_URL}/websocket?apikey=${encodeURIComponent(env.SECRET_KEY)}&vsn=1.0.0`
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { 'user-agent': BROWSER_AGENT } })
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => reject(new Error('the socket opened')))
      ws.on('error', () => undefined)
    })
    expect(status).toBe(401)
  })
})
