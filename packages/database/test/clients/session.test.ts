// verifySession against a stack that signs tokens with an ES256 key, as new hosted projects do, so
// getClaims() verifies locally against the published key set: a genuine session passes and reads
// as its user; a token with a changed payload, one signed by another key and an expired one are
// refused, by the page's check and by the proxy alike.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startTestStack, type TestStack, tempDir } from '@repo/local-supabase/testing'
import { createServerClient } from '@supabase/ssr'
import { type JWK, SignJWT, importJWK } from 'jose'
import { NextRequest } from 'next/server'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { updateSession } from '../../src/proxy.ts'
import { getPortalAccount } from '../../src/repositories/portal-account.ts'
import { serverRealtimeOptions } from '../../src/server-transport.ts'
import { verifySession } from '../../src/session.ts'

const PASSWORD = 'password123'
let stack: TestStack
let dir: string
let signingKey: JWK & { kid: string }
let userId: string
let email: string
let customerId: string

beforeAll(async () => {
  dir = await tempDir('session-test-')
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  signingKey = { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: randomUUID(), alg: 'ES256' }
  const keysFile = path.join(dir, 'signing_keys.json')
  await writeFile(keysFile, JSON.stringify([signingKey]))
  stack = await startTestStack({ config: { signingKeysPath: keysFile } })

  email = `session-${randomUUID()}@example.test`
  const created = await fetch(`${stack.info.API_URL}/auth/v1/admin/users`, {
    method: 'POST',
    headers: {
      apikey: stack.info.SERVICE_ROLE_KEY,
      authorization: `Bearer ${stack.info.SERVICE_ROLE_KEY}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ email, password: PASSWORD, email_confirm: true }),
  })
  expect(created.status).toBe(200)
  userId = ((await created.json()) as { id: string }).id
  const db = new pg.Client({ connectionString: stack.info.DB_URL })
  await db.connect()
  try {
    const org = await db.query<{ id: string }>(
      `insert into public.organizations (name, slug) values ('Session Test', $1) returning id`,
      [`session-${randomUUID()}`],
    )
    const customer = await db.query<{ id: string }>(
      `insert into public.customers (organization_id, portal_user_id, first_name, email)
       values ($1, $2, 'Sam', $3) returning id`,
      [org.rows[0]?.id, userId, email],
    )
    customerId = customer.rows[0]?.id ?? ''
  } finally {
    await db.end()
  }
})

afterAll(async () => {
  await stack?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

const env = () => ({ url: stack.info.API_URL, anonKey: stack.info.ANON_KEY })

/** Signs in as the browser would; the auth cookies @supabase/ssr wrote. */
async function signIn(): Promise<Map<string, string>> {
  const jar = new Map<string, string>()
  const client = createServerClient(stack.info.API_URL, stack.info.ANON_KEY, {
    realtime: serverRealtimeOptions(),
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => {
        for (const { name, value } of cookies) value ? jar.set(name, value) : jar.delete(name)
      },
    },
  })
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD })
  expect(error).toBeNull()
  return jar
}

const cookieMethods = (jar: Map<string, string>) => ({
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  setAll: (cookies: Array<{ name: string; value: string }>) => {
    for (const { name, value } of cookies) value ? jar.set(name, value) : jar.delete(name)
  },
})

interface StoredSession {
  access_token: string
  refresh_token: string
  expires_at: number
}

/** The session @supabase/ssr stored (possibly in chunks), edited and written back as one cookie. */
function editSession(jar: Map<string, string>, edit: (s: StoredSession) => StoredSession) {
  const names = [...jar.keys()].filter((n) => /^sb-.+-auth-token(\.\d+)?$/.test(n)).sort()
  const base = (names[0] as string).replace(/\.\d+$/, '')
  const stored = names.map((n) => jar.get(n)).join('')
  const session = JSON.parse(
    Buffer.from(stored.replace(/^base64-/, ''), 'base64url').toString('utf8'),
  )
  for (const n of names) jar.delete(n)
  const edited = edit(session)
  jar.set(base, `base64-${Buffer.from(JSON.stringify(edited)).toString('base64url')}`)
}

const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >

/** A genuine access token for the test user, signed with the project's key, valid from `iat` to `exp`. */
async function signWithProjectKey(iat: number, exp: number): Promise<string> {
  return new SignJWT({ role: 'authenticated', aud: 'authenticated', email })
    .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await importJWK(signingKey, 'ES256'))
}

describe('verifySession (asymmetric signing keys)', () => {
  it('accepts a genuine session and its client reads as that user under RLS', async () => {
    const { session, error } = await verifySession(env(), cookieMethods(await signIn()))
    expect(error).toBeNull()
    expect(session?.userId).toBe(userId)
    expect(session?.claims.role).toBe('authenticated')
    const account = session ? await getPortalAccount(session.supabase, session.userId) : null
    expect(account?.customer.id).toBe(customerId)
  })

  it('refuses a token whose payload was changed after signing', async () => {
    const jar = await signIn()
    editSession(jar, (s) => {
      const [header, , signature] = s.access_token.split('.')
      const payload = { ...payloadOf(s.access_token), sub: randomUUID() }
      const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`
      return { ...s, access_token: forged }
    })
    const { session, error } = await verifySession(env(), cookieMethods(jar))
    expect(session).toBeNull()
    expect(error?.message).toMatch(/signature/i)
  })

  it('refuses a token signed by another key under the real key id', async () => {
    const jar = await signIn()
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const other = await importJWK(
      { ...(privateKey.export({ format: 'jwk' }) as JWK), alg: 'ES256' },
      'ES256',
    )
    const forged = await new SignJWT({ role: 'authenticated', aud: 'authenticated', email })
      .setProtectedHeader({ alg: 'ES256', kid: signingKey.kid, typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(other)
    editSession(jar, (s) => ({ ...s, access_token: forged }))
    const { session } = await verifySession(env(), cookieMethods(jar))
    expect(session).toBeNull()
  })

  it('refuses an expired token that cannot be refreshed', async () => {
    const jar = await signIn()
    const now = Math.floor(Date.now() / 1000)
    const expired = await signWithProjectKey(now - 7200, now - 3600)
    editSession(jar, (s) => ({
      ...s,
      access_token: expired,
      expires_at: now - 3600,
      refresh_token: 'not-a-refresh-token',
    }))
    const { session } = await verifySession(env(), cookieMethods(jar))
    expect(session).toBeNull()
  })

  it('still refuses a changed copy of a token it has already verified', async () => {
    const jar = await signIn()
    expect((await verifySession(env(), cookieMethods(jar))).session?.userId).toBe(userId)
    editSession(jar, (s) => {
      const [header, , signature] = s.access_token.split('.')
      const payload = { ...payloadOf(s.access_token), sub: randomUUID() }
      const forged = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`
      return { ...s, access_token: forged }
    })
    expect((await verifySession(env(), cookieMethods(jar))).session).toBeNull()
  })

  it('remembers a verified token only until it expires', async () => {
    const jar = await signIn()
    const now = Math.floor(Date.now() / 1000)
    const shortLived = await signWithProjectKey(now, now + 2)
    // The stored session claims a later expiry, so the client does not refresh it first: only the
    // token's own `exp` can end it.
    editSession(jar, (s) => ({ ...s, access_token: shortLived, expires_at: now + 3600 }))
    expect((await verifySession(env(), cookieMethods(jar))).session?.userId).toBe(userId)
    await new Promise((resolve) => setTimeout(resolve, (now + 3) * 1000 - Date.now()))
    const later = await verifySession(env(), cookieMethods(jar))
    expect(later.session).toBeNull()
    expect(later.error?.message).toMatch(/expired/i)
  })

  describe('the proxy', () => {
    const saved = { ...process.env }
    afterEach(() => {
      process.env = { ...saved }
    })
    const isProtectedPath = (p: string) => !p.startsWith('/auth')
    const cookieHeader = (jar: Map<string, string>) =>
      [...jar].map(([name, value]) => `${name}=${value}`).join('; ')

    it('passes a genuine session and sends a forged one to sign in', async () => {
      process.env.NEXT_PUBLIC_SUPABASE_URL = stack.info.API_URL
      process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = stack.info.ANON_KEY
      const jar = await signIn()
      const genuine = await updateSession(
        new NextRequest('http://localhost:3001/appointments', {
          headers: { cookie: cookieHeader(jar) },
        }),
        { isProtectedPath },
      )
      expect(genuine.headers.get('x-middleware-next')).toBe('1')

      editSession(jar, (s) => {
        const [header, , signature] = s.access_token.split('.')
        const payload = { ...payloadOf(s.access_token), sub: randomUUID() }
        return {
          ...s,
          access_token: `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`,
        }
      })
      const forged = await updateSession(
        new NextRequest('http://localhost:3001/appointments', {
          headers: { cookie: cookieHeader(jar) },
        }),
        { isProtectedPath },
      )
      expect(forged.status).toBe(307)
      expect(new URL(forged.headers.get('location') ?? '').pathname).toBe('/auth/login')
    })
  })
})
