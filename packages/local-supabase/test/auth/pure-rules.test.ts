import { describe, expect, it } from 'vitest'
import { banUntil } from '../../src/auth/ban-duration.ts'
import { AuthApiError } from '../../src/auth/errors.ts'
import { createTokenBuckets } from '../../src/auth/rate-limit.ts'
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
  it('token buckets: a burst, an even refill, give-backs, and keys kept apart', () => {
    let clock = 1_000
    const buckets = createTokenBuckets({ burst: 3, perWindow: 6, windowMs: 60_000 }, () => clock)
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false])
    expect(buckets.take('b')).toBe(true)
    clock += 9_999 // 6 per minute: one token every 10 s
    expect(buckets.take('a')).toBe(false)
    clock += 1
    expect(buckets.take('a')).toBe(true)
    expect(buckets.take('a')).toBe(false)
    buckets.giveBack('a')
    expect(buckets.take('a')).toBe(true)
    clock += 3_600_000 // never more than the burst
    expect([1, 2, 3, 4].map(() => buckets.take('a'))).toEqual([true, true, true, false])
  })

  it('token buckets stay bounded in memory and keep the keys that are limited', () => {
    const clock = 0
    const buckets = createTokenBuckets(
      { burst: 1, perWindow: 1, windowMs: 1_000_000 },
      () => clock,
      100,
    )
    expect(buckets.take('attacker')).toBe(true)
    for (let i = 0; i < 1_000; i += 1) buckets.take(`passer-by-${i}`)
    // The newest keys survive pruning; an exhausted key that keeps trying stays exhausted.
    expect(buckets.take('passer-by-999')).toBe(false)
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
