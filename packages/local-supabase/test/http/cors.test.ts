import { describe, expect, it } from 'vitest'
import { stackEnv } from '../helpers.ts'

const EVIL = 'https://evil.example'
// The test stack keeps the default app origins: the CRM and the portal on localhost.
const PORTAL = 'http://localhost:3001'
const CRM_BY_IP = 'http://127.0.0.1:3000'

const corsHeaders = (res: Response) =>
  Object.fromEntries([...res.headers].filter(([name]) => name.startsWith('access-control-')))

function preflight(path: string, origin: string) {
  return fetch(`${stackEnv().API_URL}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'apikey, content-type, x-client-info',
    },
  })
}

function get(path: string, origin?: string) {
  return fetch(`${stackEnv().API_URL}${path}`, {
    headers: { apikey: stackEnv().ANON_KEY, ...(origin ? { origin } : {}) },
  })
}

const PATHS = ['/auth/v1/recover', '/rest/v1/rest_books', '/realtime/v1/api/broadcast']

describe('CORS: only the configured app origins may read answers', () => {
  it.each(PATHS)('a foreign origin gets no CORS grant on %s', async (path) => {
    const pre = await preflight(path, EVIL)
    expect(corsHeaders(pre)).toEqual({})
    const res = await get(path, EVIL)
    expect(corsHeaders(res)).toEqual({})
    expect(res.headers.get('vary')).toMatch(/origin/i)
  })

  it.each(PATHS)('the apps get the grant, with credentials, on %s', async (path) => {
    for (const origin of [PORTAL, CRM_BY_IP]) {
      const pre = await preflight(path, origin)
      expect(pre.status).toBe(204)
      expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
      expect(pre.headers.get('access-control-allow-credentials')).toBe('true')
      expect(pre.headers.get('access-control-allow-headers')).toContain('apikey')
      const res = await get(path, origin)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-expose-headers')).toContain('content-range')
    }
  })

  it('never answers a wildcard together with credentials', async () => {
    for (const origin of [
      undefined,
      'null',
      EVIL,
      `${PORTAL}.evil.example`,
      'http://localhost:3002',
    ]) {
      const res = await get('/rest/v1/rest_books', origin)
      const allowed = res.headers.get('access-control-allow-origin')
      expect(
        allowed === '*' && res.headers.get('access-control-allow-credentials') === 'true',
      ).toBe(false)
      expect(allowed).toBeNull()
    }
  })
})
