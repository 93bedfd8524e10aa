import { describe, expect, it } from 'vitest'
import { checkEnv, EnvError, readEnv, readPublicEnv, readServerEnv } from '../../src/env.ts'

const url = 'http://127.0.0.1:54321'
const key = 'eyJhbGciOiJIUzI1NiJ9.this-is-a-long-enough-key'

describe('readPublicEnv', () => {
  it('reads the URL and anon key, trimming a trailing slash', () => {
    expect(
      readPublicEnv({ NEXT_PUBLIC_SUPABASE_URL: `${url}/`, NEXT_PUBLIC_SUPABASE_ANON_KEY: key }),
    ).toEqual({ url, anonKey: key })
  })

  it('accepts the publishable key name instead of the anon key', () => {
    expect(
      readPublicEnv({ NEXT_PUBLIC_SUPABASE_URL: url, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: key })
        .anonKey,
    ).toBe(key)
  })

  it('names the missing variable', () => {
    expect(() => readPublicEnv({ NEXT_PUBLIC_SUPABASE_ANON_KEY: key })).toThrow(
      'Invalid environment: NEXT_PUBLIC_SUPABASE_URL is missing',
    )
    expect(() => readPublicEnv({ NEXT_PUBLIC_SUPABASE_URL: url })).toThrow(
      /NEXT_PUBLIC_SUPABASE_ANON_KEY is missing \(or set NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY\)/,
    )
  })

  it('rejects a malformed URL or key with the variable named', () => {
    const error = (() => {
      try {
        readPublicEnv({
          NEXT_PUBLIC_SUPABASE_URL: 'localhost:54321',
          NEXT_PUBLIC_SUPABASE_ANON_KEY: key,
        })
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(EnvError)
    expect((error as EnvError).variable).toBe('NEXT_PUBLIC_SUPABASE_URL')
    expect(() =>
      readPublicEnv({ NEXT_PUBLIC_SUPABASE_URL: url, NEXT_PUBLIC_SUPABASE_ANON_KEY: 'short' }),
    ).toThrow(/NEXT_PUBLIC_SUPABASE_ANON_KEY does not look like an API key/)
  })
})

describe('readServerEnv', () => {
  it('adds the service-role key and names it when missing', () => {
    const base = { NEXT_PUBLIC_SUPABASE_URL: url, NEXT_PUBLIC_SUPABASE_ANON_KEY: key }
    expect(readServerEnv({ ...base, SUPABASE_SERVICE_ROLE_KEY: key }).serviceRoleKey).toBe(key)
    expect(() => readServerEnv(base)).toThrow(
      'Invalid environment: SUPABASE_SERVICE_ROLE_KEY is missing',
    )
  })

  it('reads process.env at call time, not at import time', () => {
    const saved = { ...process.env }
    try {
      process.env.NEXT_PUBLIC_SUPABASE_URL = 'http://127.0.0.1:60001'
      process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY = key
      expect(readPublicEnv().url).toBe('http://127.0.0.1:60001')
      process.env.NEXT_PUBLIC_SUPABASE_URL = 'http://127.0.0.1:60002'
      expect(readPublicEnv().url).toBe('http://127.0.0.1:60002')
    } finally {
      process.env = saved
    }
  })
})

// The start-up check both apps run from next.config (the CRM needs every setting, the portal the
// public ones); these cases come from the apps' own readers, which this module replaced.
describe('checkEnv', () => {
  const crm = ['supabaseUrl', 'anonKey', 'serviceRoleKey', 'portalUrl', 'logLevel'] as const

  it('names every missing variable in one message', () => {
    try {
      checkEnv(crm, { phase: 'start' }, {})
      expect.unreachable('should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      const message = (error as Error).message
      expect(message).toContain('NEXT_PUBLIC_SUPABASE_URL is missing')
      expect(message).toMatch(/NEXT_PUBLIC_SUPABASE_URL[\s\S]*NEXT_PUBLIC_SUPABASE_ANON_KEY/)
      expect(message).toContain('SUPABASE_SERVICE_ROLE_KEY is missing')
    }
  })

  it('accepts the publishable-key name, defaults PORTAL_URL and rejects a non-URL', () => {
    const env = readEnv(['anonKey', 'portalUrl'], {
      NEXT_PUBLIC_SUPABASE_URL: url,
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'x'.repeat(40),
      SUPABASE_SERVICE_ROLE_KEY: 'y'.repeat(40),
    })
    expect(env.anonKey).toBe('x'.repeat(40))
    expect(env.portalUrl).toBe('http://localhost:3001')
    expect(() => checkEnv(crm, { phase: 'start' }, { NEXT_PUBLIC_SUPABASE_URL: 'not a url' })).toThrow(
      /must be an http\(s\) URL/,
    )
    expect(() => readEnv(['portalUrl'], { PORTAL_URL: 'localhost' })).toThrow(/PORTAL_URL must be an http\(s\) URL/)
  })

  it('lets a build through without a stack but not with a malformed value', () => {
    expect(() => checkEnv(crm, { phase: 'build' }, {})).not.toThrow()
    expect(() => checkEnv(crm, { phase: 'build' }, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/)
  })
})

// Supabase's API keys come in two styles: the legacy JWTs (anon, service_role) and the
// publishable/secret keys (`sb_publishable_…`, `sb_secret_…`), under the names of Supabase's
// templates. Either style works; a key in the wrong place is named before anything runs.
describe('either key style', () => {
  const publishable = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH'
  const secret = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz'
  const base = { NEXT_PUBLIC_SUPABASE_URL: url }

  it('takes the publishable key for the browser and the secret key for the server', () => {
    expect(
      readServerEnv({
        ...base,
        NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: publishable,
        SUPABASE_SECRET_KEY: secret,
      }),
    ).toEqual({ url, anonKey: publishable, serviceRoleKey: secret })
  })

  it('takes the legacy names with new-style values, and legacy values under the new names', () => {
    expect(
      readServerEnv({ ...base, NEXT_PUBLIC_SUPABASE_ANON_KEY: publishable, SUPABASE_SERVICE_ROLE_KEY: secret }),
    ).toEqual({ url, anonKey: publishable, serviceRoleKey: secret })
    expect(
      readServerEnv({ ...base, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: key, SUPABASE_SECRET_KEY: key }),
    ).toEqual({ url, anonKey: key, serviceRoleKey: key })
  })

  it('names both accepted variables when the server key is missing', () => {
    expect(() => readServerEnv({ ...base, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: publishable })).toThrow(
      'Invalid environment: SUPABASE_SERVICE_ROLE_KEY is missing (or set SUPABASE_SECRET_KEY)',
    )
  })

  it('refuses a secret key where a browser would get it', () => {
    for (const variable of ['NEXT_PUBLIC_SUPABASE_ANON_KEY', 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY']) {
      expect(() => readPublicEnv({ ...base, [variable]: secret })).toThrow(
        `Invalid environment: ${variable} holds a secret key (sb_secret_…), which must never reach a browser: use the publishable key (sb_publishable_…) or the anon key`,
      )
      // At build time too: a build must not inline it into a bundle.
      expect(() => checkEnv(['anonKey'], { phase: 'build' }, { [variable]: secret })).toThrow(EnvError)
    }
  })

  it('refuses the publishable key as the server admin key', () => {
    for (const variable of ['SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_SECRET_KEY']) {
      expect(() =>
        readServerEnv({ ...base, NEXT_PUBLIC_SUPABASE_ANON_KEY: key, [variable]: publishable }),
      ).toThrow(`${variable} holds the publishable key (sb_publishable_…), which has no admin rights`)
    }
  })
})
