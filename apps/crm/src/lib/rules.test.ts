import { describe, expect, it } from 'vitest'
import { EnvError, readServerEnv } from './env.ts'

describe('env', () => {
  it('names every missing variable in one message', () => {
    try {
      readServerEnv({})
      expect.unreachable('should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      const message = (error as Error).message
      expect(message).toContain('NEXT_PUBLIC_SUPABASE_URL (or SUPABASE_URL): is missing')
      expect(message).toContain('SUPABASE_SERVICE_ROLE_KEY: is missing')
    }
  })

  it('accepts the publishable-key name and rejects a non-URL', () => {
    const env = readServerEnv({
      NEXT_PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
      NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'x'.repeat(40),
      SUPABASE_SERVICE_ROLE_KEY: 'y'.repeat(40),
    })
    expect(env.supabaseAnonKey).toBe('x'.repeat(40))
    expect(env.portalUrl).toBe('http://localhost:3001')
    expect(() => readServerEnv({ NEXT_PUBLIC_SUPABASE_URL: 'not a url' })).toThrow(/must be an http\(s\) URL/)
  })
})

describe('repository error messages', async () => {
  const { describeRepositoryError } = await import('./repository-errors.ts')

  it('puts a duplicate invoice number on the number field', () => {
    expect(describeRepositoryError({ code: '23505' }, { uniqueField: 'number', uniqueMessage: 'Invoice number already used' })).toEqual({
      error: 'Invoice number already used',
      fieldErrors: { number: ['Invoice number already used'] },
    })
  })

  it('explains unknown linked ids, permission refusals and missing rows without leaking SQL', () => {
    expect(describeRepositoryError({ code: '23503', message: 'insert violates fk "jobs_customer"' }, { foreignKeyField: 'customerId' }).fieldErrors).toEqual({
      customerId: ['A linked record does not exist (or is not in your organization).'],
    })
    expect(describeRepositoryError({ code: '42501', message: 'new row violates row-level security' }).error).toMatch(/role does not allow/)
    expect(describeRepositoryError({ code: 'not_found' }).error).toMatch(/no longer exists/)
    expect(describeRepositoryError(new Error('socket hang up')).error).toBe('Something went wrong; nothing was changed. Please try again.')
  })
})
