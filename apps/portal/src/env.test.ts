import { describe, expect, it } from 'vitest'
import { readServerEnv } from './env.ts'

const key = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.anon'

describe('readServerEnv', () => {
  it('accepts the anon key or the publishable key', () => {
    const env = { NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321', NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: key }
    expect(readServerEnv((n) => env[n as keyof typeof env])).toEqual({ url: 'http://127.0.0.1:54321', anonKey: key })
  })

  it('names every missing variable', () => {
    expect(() => readServerEnv(() => undefined)).toThrow(/NEXT_PUBLIC_SUPABASE_URL[\s\S]*NEXT_PUBLIC_SUPABASE_ANON_KEY/)
  })

  it('rejects a URL that is not one', () => {
    expect(() => readServerEnv((n) => (n === 'NEXT_PUBLIC_SUPABASE_URL' ? 'localhost' : key))).toThrow(/must be a URL/)
  })
})
