import { describe, expect, it } from 'vitest'
import { banUntil } from '../../src/auth/ban-duration.ts'
import { AuthApiError } from '../../src/auth/errors.ts'
import { createAttemptLimiter } from '../../src/auth/rate-limit.ts'
import { allowedRedirect } from '../../src/auth/redirects.ts'
import { validEmail, validPassword } from '../../src/auth/validation.ts'
import { resolveConfig } from '../../src/config.ts'

const codeOf = (work: () => unknown) => {
  try {
    work()
  } catch (error) {
    return error instanceof AuthApiError ? `${error.status} ${error.errorCode}` : String(error)
  }
  return 'no error'
}

describe('auth rules without the network', () => {
  it('counts failed attempts per e-mail and forgets them when the window ends', () => {
    let clock = 1_000
    const limiter = createAttemptLimiter(2, 60_000, () => clock)
    limiter.recordFailure('a@example.test')
    expect(limiter.allowed('a@example.test')).toBe(true)
    limiter.recordFailure('a@example.test')
    expect(limiter.allowed('a@example.test')).toBe(false)
    expect(limiter.allowed('b@example.test')).toBe(true)
    clock += 60_000
    expect(limiter.allowed('a@example.test')).toBe(true)
    limiter.recordFailure('b@example.test')
    limiter.recordFailure('b@example.test')
    limiter.reset('b@example.test')
    expect(limiter.allowed('b@example.test')).toBe(true)
  })

  it('parses ban durations as GoTrue does', () => {
    expect(banUntil('none')).toBeNull()
    expect(banUntil('24h', 0)?.getTime()).toBe(86_400_000)
    expect(banUntil('1h30m', 0)?.getTime()).toBe(5_400_000)
    expect(banUntil('90s', 0)?.getTime()).toBe(90_000)
    expect(codeOf(() => banUntil('forever'))).toBe('400 validation_failed')
    expect(codeOf(() => banUntil('24h; drop table auth.users'))).toBe('400 validation_failed')
  })

  it('normalises e-mails and refuses anything that is not one', () => {
    expect(validEmail('  Someone@Example.COM ')).toBe('someone@example.com')
    for (const bad of [
      '',
      'plain',
      'a@b',
      "x' or 1=1 --@example.com",
      'a@example.test; select 1',
      42,
      null,
    ]) {
      expect(codeOf(() => validEmail(bad))).toBe('400 validation_failed')
    }
    expect(codeOf(() => validEmail(`${'a'.repeat(250)}@example.com`))).toBe('400 validation_failed')
  })

  it('requires passwords of 6 to 72 bytes', () => {
    expect(validPassword('secret')).toBe('secret')
    expect(codeOf(() => validPassword('12345'))).toBe('422 weak_password')
    expect(codeOf(() => validPassword(''))).toBe('400 validation_failed')
    expect(codeOf(() => validPassword('x'.repeat(73)))).toBe('422 validation_failed')
  })

  it('only redirects to the site URL or an allowed URL', () => {
    const config = resolveConfig({
      siteUrl: 'http://localhost:3001',
      additionalRedirectUrls: ['http://localhost:3000/auth'],
    })
    expect(allowedRedirect(config, 'http://localhost:3001/auth/confirm?next=/jobs')).toBe(
      'http://localhost:3001/auth/confirm?next=/jobs',
    )
    expect(allowedRedirect(config, 'http://localhost:3000/auth/callback')).toBe(
      'http://localhost:3000/auth/callback',
    )
    expect(allowedRedirect(config, 'http://localhost:3000/elsewhere')).toBe('http://localhost:3001')
    expect(allowedRedirect(config, 'https://evil.example/steal')).toBe('http://localhost:3001')
    expect(allowedRedirect(config, 'javascript:alert(1)')).toBe('http://localhost:3001')
    expect(allowedRedirect(config, undefined)).toBe('http://localhost:3001')
  })
})
