import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import { decodeProtectedHeader, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createLogger } from '../../src/log.ts'
import { resolveConfig } from '../../src/config.ts'
import { createJwtTools } from '../../src/jwt.ts'
import { importSigningKeys, parseSigningKeys } from '../../src/signing-keys.ts'
import { startStack } from '../../src/stack.ts'
import { startTestStack, type TestStack, tempDir } from '../../src/testing/index.ts'
import { stackEnv, uniqueEmail } from '../helpers.ts'

const PASSWORD = 'correct-horse-battery'
const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'migrations')

/** A private key as `supabase gen signing-key` writes it (kid, use, key_ops, alg, ext). */
async function generatedKey(alg: 'ES256' | 'RS256'): Promise<JWK & { kid: string }> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, kid: randomUUID(), use: 'sig', key_ops: ['sign', 'verify'], alg, ext: true }
}

async function mint(
  key: JWK & { kid?: string },
  claims: Record<string, unknown>,
  header: { kid?: string } = { kid: key.kid },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  // WebCrypto refuses a private key that also lists `verify`, so sign with the bare key.
  const { key_ops: _ops, ...privateKey } = key
  return new SignJWT({ aud: 'authenticated', ...claims })
    .setProtectedHeader({ alg: key.alg as string, typ: 'JWT', ...header })
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey)
}

/** Counts the requests a client sends, by path, to tell a local check from a call to Auth. */
function countingFetch(counts: Map<string, number>): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1)
    return fetch(input, init)
  }
}

let stack: TestStack
let keysDir: string
let es256: JWK & { kid: string }
let rs256: JWK & { kid: string }

beforeAll(async () => {
  es256 = await generatedKey('ES256')
  rs256 = await generatedKey('RS256')
  keysDir = await tempDir('signing-keys-')
  const file = path.join(keysDir, 'signing_keys.json')
  // The first key signs; the second (a key rotated out, say) still verifies.
  await writeFile(file, JSON.stringify([es256, rs256], null, 2))
  stack = await startTestStack({ config: { migrationsDir: FIXTURES, signingKeysPath: file } })
})

afterAll(async () => {
  await stack?.stop()
  if (keysDir) await rm(keysDir, { recursive: true, force: true })
})

function client(key: string, fetchImpl?: typeof fetch): SupabaseClient {
  return createClient(stack.info.API_URL, key, {
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
    auth: { persistSession: false, autoRefreshToken: false },
    global: fetchImpl ? { fetch: fetchImpl } : {},
  })
}

async function signedIn(fetchImpl?: typeof fetch) {
  const supabase = client(stack.info.ANON_KEY, fetchImpl)
  const { data, error } = await supabase.auth.signUp({
    email: uniqueEmail('keys'),
    password: PASSWORD,
  })
  expect(error).toBeNull()
  return { supabase, session: data.session!, user: data.user! }
}

describe('signing keys from signing_keys_path', () => {
  it('publishes the public part of every key at /.well-known/jwks.json', async () => {
    const res = await fetch(`${stack.info.API_URL}/auth/v1/.well-known/jwks.json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=600')
    const body = (await res.json()) as { keys: Array<Record<string, unknown>> }
    expect(body.keys.map((k) => k.kid)).toEqual([es256.kid, rs256.kid])
    expect(body.keys[0]).toEqual({
      kty: 'EC',
      kid: es256.kid,
      alg: 'ES256',
      use: 'sig',
      key_ops: ['verify'],
      ext: true,
      crv: 'P-256',
      x: es256.x,
      y: es256.y,
    })
    expect(body.keys[1]).toMatchObject({ kty: 'RSA', alg: 'RS256', n: rs256.n, e: rs256.e })
    for (const key of body.keys) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(member)
    }
  })

  it('signs access tokens with the first key, naming it in the header', async () => {
    const { session } = await signedIn()
    expect(decodeProtectedHeader(session.access_token)).toEqual({
      alg: 'ES256',
      kid: es256.kid,
      typ: 'JWT',
    })
  })

  it('signs the anon and service-role keys with it too, as the CLI does', () => {
    for (const key of [stack.info.ANON_KEY, stack.info.SERVICE_ROLE_KEY]) {
      expect(decodeProtectedHeader(key)).toMatchObject({ alg: 'ES256', kid: es256.kid })
    }
  })

  it('lets getClaims() verify a session locally, without asking Auth for the user', async () => {
    const counts = new Map<string, number>()
    const { supabase, user } = await signedIn(countingFetch(counts))
    const first = await supabase.auth.getClaims()
    const second = await supabase.auth.getClaims()
    expect(first.error).toBeNull()
    expect(first.data?.claims.sub).toBe(user.id)
    expect(first.data?.header).toMatchObject({ alg: 'ES256', kid: es256.kid })
    expect(second.data?.claims.sub).toBe(user.id)
    expect(counts.get('/auth/v1/user') ?? 0).toBe(0)
    // The key set is fetched once and cached (auth-js keeps it 10 minutes).
    expect(counts.get('/auth/v1/.well-known/jwks.json')).toBe(1)
  })

  it('getClaims() refuses a token whose signature does not match its key', async () => {
    const { supabase, user } = await signedIn()
    const forger = await generatedKey('ES256')
    const forged = await mint(forger, { sub: user.id, role: 'authenticated' }, { kid: es256.kid })
    const { data, error } = await supabase.auth.getClaims(forged)
    expect(data).toBeNull()
    expect(error?.message).toBe('Invalid JWT signature')
  })

  it('REST accepts tokens of every configured key and the JWT secret', async () => {
    const sub = randomUUID()
    const tokens = [
      await mint(rs256, { sub, role: 'authenticated' }),
      await mint(es256, { sub, role: 'authenticated' }),
      await new SignJWT({ sub, role: 'authenticated' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(stack.info.JWT_SECRET)),
    ]
    for (const token of tokens) {
      const { data, error } = await client(stack.info.ANON_KEY, (input, init) => {
        const headers = new Headers(init?.headers)
        headers.set('authorization', `Bearer ${token}`)
        return fetch(input, { ...init, headers })
      }).rpc('keys_whoami')
      expect(error).toBeNull()
      expect(data).toEqual({ role: 'authenticated', sub })
    }
  })

  it('REST refuses an unknown kid, a wrong key and an algorithm no key uses', async () => {
    const stranger = await generatedKey('ES256')
    const cases = [
      {
        token: await mint(stranger, { role: 'service_role' }),
        message: 'No suitable key or wrong key type',
      },
      {
        token: await mint(stranger, { role: 'service_role' }, { kid: es256.kid }),
        message: 'invalid JWT: unable to parse or verify signature',
      },
      {
        // An RS256 key's token presented as the ES256 key's.
        token: await mint(rs256, { role: 'service_role' }, { kid: es256.kid }),
        message: 'invalid JWT: unable to parse or verify signature',
      },
      {
        // Without a kid only HS256 (the secret) is accepted.
        token: await mint(es256, { role: 'service_role' }, {}),
        message: 'invalid JWT: unable to parse or verify signature',
      },
    ]
    for (const { token, message } of cases) {
      const res = await fetch(`${stack.info.API_URL}/rest/v1/rpc/keys_whoami`, {
        method: 'POST',
        headers: { apikey: stack.info.ANON_KEY, authorization: `Bearer ${token}` },
      })
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ code: 'PGRST301', message })
    }
  })

  it('Auth refuses a bearer with an unknown kid as GoTrue does', async () => {
    const stranger = await generatedKey('RS256')
    const token = await mint(stranger, { sub: randomUUID(), role: 'authenticated' })
    const { data, error } = await client(stack.info.ANON_KEY).auth.getUser(token)
    expect(data.user).toBeNull()
    expect(error?.status).toBe(403)
    expect(error?.code).toBe('bad_jwt')
    expect(error?.message).toBe(
      `invalid JWT: unable to parse or verify signature, token is unverifiable: error while executing keyfunc: invalid kid: ${stranger.kid}`,
    )
  })

  it('Realtime accepts a token of the second key and refuses an unknown kid', async () => {
    const { user } = await signedIn()
    const good = await mint(rs256, { sub: user.id, role: 'authenticated' })
    const stranger = await generatedKey('ES256')
    const bad = await mint(stranger, { sub: user.id, role: 'authenticated' })
    const outcomes: string[] = []
    for (const token of [good, bad]) {
      const supabase = client(stack.info.ANON_KEY)
      await supabase.realtime.setAuth(token)
      const result = await new Promise<string>((resolve) => {
        supabase.channel(`keys-${randomUUID()}`).subscribe((status, err) => {
          if (status === 'SUBSCRIBED') resolve(status)
          if (status === 'CHANNEL_ERROR') resolve(`${status}: ${err?.message}`)
        })
      })
      outcomes.push(result)
      await supabase.removeAllChannels()
    }
    expect(outcomes[0]).toBe('SUBSCRIBED')
    expect(outcomes[1]).toBe(
      `CHANNEL_ERROR: Failed to generate JWT signer for key ID (kid) "${stranger.kid}", check your JWT secret or JWKS configuration`,
    )
  })
})

describe('without signing keys (the default)', () => {
  it('signs HS256 with the JWT secret, without a kid, and publishes no keys', async () => {
    const env = stackEnv()
    const jwks = await fetch(`${env.API_URL}/auth/v1/.well-known/jwks.json`)
    expect(await jwks.json()).toEqual({ keys: [] })
    const supabase = createClient(env.API_URL, env.ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
    })
    const { data } = await supabase.auth.signUp({ email: uniqueEmail('hs256'), password: PASSWORD })
    expect(decodeProtectedHeader(data.session!.access_token)).toEqual({ alg: 'HS256', typ: 'JWT' })
  })
})

describe('the signing keys file', () => {
  const file = 'supabase/signing_keys.json'
  const key = { kty: 'EC', kid: 'k1', alg: 'ES256', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' }

  it('must be a JSON array of keys with kid and an algorithm the CLI supports', () => {
    expect(() => parseSigningKeys('{', file)).toThrow(/is not valid JSON/)
    expect(() => parseSigningKeys(JSON.stringify(key), file)).toThrow(/must hold a JSON array/)
    expect(() => parseSigningKeys(JSON.stringify([{ ...key, kid: undefined }]), file)).toThrow(
      'supabase/signing_keys.json: key 1 has no "kid"',
    )
    expect(() => parseSigningKeys(JSON.stringify([{ ...key, alg: 'HS256' }]), file)).toThrow(
      'supabase/signing_keys.json: key 1: "alg" must be one of ES256, RS256, got "HS256"',
    )
    expect(() => parseSigningKeys(JSON.stringify([{ ...key, kty: 'RSA' }]), file)).toThrow(
      /ES256 key must be/,
    )
    expect(() => parseSigningKeys(JSON.stringify([key, key]), file)).toThrow(
      'two keys share the kid "k1"',
    )
    expect(parseSigningKeys(JSON.stringify([key]), file)).toEqual([key])
  })

  it('is found as the CLI finds it: [auth] signing_keys_path, relative to supabase/', async () => {
    const projectDir = await tempDir('signing-keys-project-')
    await mkdir(path.join(projectDir, 'supabase'))
    await writeFile(
      path.join(projectDir, 'supabase', 'config.toml'),
      '[auth]\nsigning_keys_path = "./signing_keys.json"\n',
    )
    expect(resolveConfig({ projectDir }).signingKeysPath).toBe(
      path.join(projectDir, 'supabase', 'signing_keys.json'),
    )
    await writeFile(path.join(projectDir, 'supabase', 'config.toml'), '[auth]\n')
    expect(resolveConfig({ projectDir }).signingKeysPath).toBeNull()
    await rm(projectDir, { recursive: true, force: true })
  })

  it('must hold a key that can sign', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const { d: _d, ...publicOnly } = await exportJWK(privateKey)
    const keys = await importSigningKeys(
      parseSigningKeys(JSON.stringify([{ ...publicOnly, kid: 'p', alg: 'ES256' }]), file),
    )
    expect(() => createJwtTools({ secret: 'x'.repeat(32), signingKeys: keys })).toThrow(
      /^no signing key/,
    )
  })

  it('stops the stack before it starts when missing', async () => {
    // Nothing is created: the data dir named here does not exist and never will.
    await expect(
      startStack(
        {
          dataDir: '/nonexistent/data',
          databaseUrl: null,
          signingKeysPath: '/nonexistent/signing_keys.json',
        },
        { logger: createLogger('silent') },
      ),
    ).rejects.toThrow('cannot read the signing keys file /nonexistent/signing_keys.json: ENOENT')
  })
})
