import { describe, expect, it } from 'vitest'
import { newPasswordSchema, safeNextPath, signInSchema } from './schema.ts'

describe('auth schemas', () => {
  it('requires a valid email and a password', () => {
    expect(signInSchema.safeParse({ email: 'alice@example.com', password: 'x' }).success).toBe(true)
    expect(signInSchema.safeParse({ email: 'nope', password: 'x' }).success).toBe(false)
    expect(signInSchema.safeParse({ email: 'alice@example.com', password: '' }).success).toBe(false)
  })

  it('checks new passwords match and are long enough', () => {
    expect(newPasswordSchema.safeParse({ password: 'longenough', confirm: 'longenough' }).success).toBe(true)
    const mismatch = newPasswordSchema.safeParse({ password: 'longenough', confirm: 'different1' })
    expect(mismatch.success).toBe(false)
    expect(mismatch.error?.issues[0]?.path).toEqual(['confirm'])
    expect(newPasswordSchema.safeParse({ password: 'short', confirm: 'short' }).success).toBe(false)
  })

  it('keeps redirects on this site', () => {
    expect(safeNextPath('/invoices/1')).toBe('/invoices/1')
    expect(safeNextPath('//evil.example')).toBe('/')
    expect(safeNextPath('https://evil.example')).toBe('/')
    expect(safeNextPath('/\\evil.example')).toBe('/')
    expect(safeNextPath(null)).toBe('/')
  })
})
