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

  it("redirects only where GoTrue's IsRedirectURLValid allows, else to the site URL", () => {
    const site = 'https://portal.example'
    const config = resolveConfig({
      siteUrl: site,
      additionalRedirectUrls: [
        'https://crm.example/auth/*',
        'http://localhost:3000/**',
        'https://*.preview.example',
      ],
    })
    const allowed = (url: string) => allowedRedirect(config, url) === url
    // The site itself: same scheme, host and port, any path.
    expect(allowed('https://portal.example/auth/confirm?next=/jobs')).toBe(true)
    expect(allowed('http://portal.example/auth/confirm')).toBe(false)
    expect(allowed('https://portal.example:8443/auth/confirm')).toBe(false)
    // Globs: `*` stops at `/` and `.`, `**` does not; an entry without wildcards is exact.
    expect(allowed('https://crm.example/auth/callback')).toBe(true)
    expect(allowed('https://crm.example/auth/callback/deeper')).toBe(false)
    expect(allowed('https://crm.example/elsewhere')).toBe(false)
    expect(allowed('http://localhost:3000/customers/42/jobs')).toBe(true)
    expect(allowed('https://pr-7.preview.example')).toBe(true)
    expect(allowed('https://a.b.preview.example')).toBe(false)
    // Loopback addresses are allowed, decimal IPs and control characters never.
    expect(allowed('http://127.0.0.1:9999/callback')).toBe(true)
    expect(allowed('http://2130706433/')).toBe(false)
    expect(allowed('\thttps://portal.example/')).toBe(false)
    expect(allowedRedirect(config, 'https://evil.example/steal')).toBe(site)
    expect(allowedRedirect(config, 'javascript:alert(1)')).toBe(site)
    expect(allowedRedirect(config, undefined)).toBe(site)
    // A site on localhost admits any port of it, as native apps need.
    const local = resolveConfig({ siteUrl: 'http://localhost:3001', additionalRedirectUrls: [] })
    expect(allowedRedirect(local, 'http://localhost:4000/auth/confirm')).toBe(
      'http://localhost:4000/auth/confirm',
    )
    expect(allowedRedirect(local, 'https://localhost:4000/')).toBe('http://localhost:3001')
  })
})
