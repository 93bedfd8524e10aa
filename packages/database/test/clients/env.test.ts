import { describe, expect, it } from 'vitest'
import { EnvError, readPublicEnv, readServerEnv } from '../../src/env.ts'

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
