import { describe, expect, it } from 'vitest'
import { fail, ok, submittedValue, withValues } from './result.ts'

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData()
  for (const [k, v] of Object.entries(entries)) form.set(k, v)
  return form
}

describe('withValues', () => {
  const form = formOf({ email: 'alice@example.com', password: 'secret' })

  it('echoes only the named fields with a failure, so the form can show them again', () => {
    const result = withValues(fail('Email or password is incorrect.'), form, ['email'])
    expect(result).toEqual({
      ok: false,
      error: 'Email or password is incorrect.',
      values: { email: 'alice@example.com' },
    })
    expect(submittedValue(result, 'email')).toBe('alice@example.com')
    expect(submittedValue(result, 'password')).toBeUndefined()
  })

  it('leaves a success alone', () => {
    const result = withValues(ok('sent'), form, ['email'])
    expect(result).toEqual({ ok: true, data: 'sent' })
    expect(submittedValue(result, 'email')).toBeUndefined()
    expect(submittedValue(null, 'email')).toBeUndefined()
  })

  it('turns a missing field into an empty string', () => {
    expect(submittedValue(withValues(fail('x'), form, ['phone']), 'phone')).toBe('')
  })
})
