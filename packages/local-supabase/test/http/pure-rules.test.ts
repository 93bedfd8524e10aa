import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress, isLoopback, rateLimitKey } from '../../src/auth/client-address.ts'
import { resolveConfig } from '../../src/config.ts'
import { createCorsPolicy } from '../../src/http/cors-origins.ts'

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage

describe('client address', () => {
  it('is the socket peer unless that peer is a trusted proxy', () => {
    const none = new Set<string>()
    expect(clientAddress(request('::ffff:127.0.0.1', '203.0.113.9'), none)).toBe('127.0.0.1')
    expect(clientAddress(request('198.51.100.7', '203.0.113.9'), new Set(['127.0.0.1']))).toBe(
      '198.51.100.7',
    )
  })

  it('behind trusted proxies: the nearest hop that is not one of them', () => {
    const proxies = new Set(['127.0.0.1', '10.0.0.2'])
    // The left-most entry is whatever the client claimed: it is not believed.
    expect(clientAddress(request('127.0.0.1', '1.1.1.1, 203.0.113.9, 10.0.0.2'), proxies)).toBe(
      '203.0.113.9',
    )
    expect(clientAddress(request('127.0.0.1', '[2001:db8::1]:443'), proxies)).toBe('2001:db8::1')
    expect(clientAddress(request('127.0.0.1', 'not-an-address'), proxies)).toBe('127.0.0.1')
    expect(clientAddress(request('127.0.0.1'), proxies)).toBe('127.0.0.1')
  })

  it('counts IPv6 clients by their /64 and knows loopback', () => {
    expect(rateLimitKey('2001:db8:0:1::abcd')).toBe('2001:db8:0:1::/64')
    expect(rateLimitKey('2001:0db8:0000:0001:ffff:0:0:1')).toBe('2001:db8:0:1::/64')
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64')
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9')
    expect(isLoopback('127.0.0.1')).toBe(true)
    expect(isLoopback('127.3.2.1')).toBe(true)
    expect(isLoopback('::1')).toBe(true)
    expect(isLoopback('10.0.0.1')).toBe(false)
  })
})

describe('CORS origins', () => {
  it('allows exactly the listed origins, or any port where the entry says :*', () => {
    const policy = createCorsPolicy(['http://localhost:3001', 'http://127.0.0.1:*'], {
      exemptPaths: ['/auth/v1/_mailbox'],
    })
    expect(policy.allows('http://localhost:3001')).toBe(true)
    expect(policy.allows('http://127.0.0.1:43123')).toBe(true)
    for (const origin of [
      'http://localhost:3000',
      'https://localhost:3001',
      'http://localhost:3001.evil.example',
      'http://evil.example',
      'null',
      'http://localhost:3001/path',
    ]) {
      expect(policy.allows(origin), origin).toBe(false)
    }
    expect(policy.isExempt('/auth/v1/_mailbox/')).toBe(true)
    expect(policy.isExempt('/auth/v1/user')).toBe(false)
  })

  it('defaults to the site URL, the redirect URLs and the local apps, loopback names alike', () => {
    const config = resolveConfig({ siteUrl: 'https://portal.example.com/app' })
    expect(config.corsAllowedOrigins).toEqual(
      expect.arrayContaining([
        'https://portal.example.com',
        'http://localhost:3000',
        'http://127.0.0.1:3000',
        'http://[::1]:3001',
      ]),
    )
    expect(config.corsAllowedOrigins).not.toContain('*')
  })

  it('refuses settings that are not origins', () => {
    expect(() => resolveConfig({ corsAllowedOrigins: ['localhost:3000'] })).toThrow(/not an origin/)
    expect(() => resolveConfig({ corsAllowedOrigins: ['http://a.example/path'] })).toThrow(
      /not an origin/,
    )
    expect(() => resolveConfig({ apiExternalUrl: 'ftp://x' })).toThrow(/not a URL/)
  })
})
