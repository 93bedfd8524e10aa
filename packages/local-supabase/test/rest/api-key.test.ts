import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { authenticate } from '../../src/rest/auth.ts'
import { RestError } from '../../src/rest/errors.ts'

const roles = new Set(['anon', 'authenticated', 'service_role'])
const request = (headers: Record<string, string> = {}) =>
  ({ headers }) as unknown as IncomingMessage
const url = new URL('http://127.0.0.1/rest/v1/things')
const neverCalled = async () => {
  throw new Error('no token should be verified')
}

describe('REST requests without a key', () => {
  it('run as anon when keys are not required (the Supabase CLI gateway)', async () => {
    const auth = await authenticate(request(), url, neverCalled, roles, false)
    expect(auth).toEqual({ role: 'anon', claims: { role: 'anon' }, anonymous: true })
  })

  it('are refused with 401 PGRST302 when keys are required (hosted Supabase)', async () => {
    const refused = await authenticate(
      request({ apikey: '' }),
      url,
      neverCalled,
      roles,
      true,
    ).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(RestError)
    expect((refused as RestError).status).toBe(401)
    expect((refused as RestError).toJson()).toEqual({
      code: 'PGRST302',
      details: null,
      hint: 'No `apikey` request header or url param was found.',
      message: 'No API key found in request',
    })
  })
})
