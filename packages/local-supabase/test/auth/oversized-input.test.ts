import { describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail } from '../helpers.ts'
import {
  adminClient,
  footprint,
  jsonHeaders,
  PASSWORD,
  rawAuth,
  signedUpUser,
  userCount,
} from './auth-helpers.ts'

/** `{"a":{"a":…1…}}`, `levels` deep, as text (building it as an object and stringifying would overflow here). */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`
const DEEP = nested(10_000)
const BIG = JSON.stringify({ blob: 'x'.repeat(900 * 1024) })

const adminHeaders = () => ({
  ...jsonHeaders,
  apikey: stackEnv().SERVICE_ROLE_KEY,
  authorization: `Bearer ${stackEnv().SERVICE_ROLE_KEY}`,
})

function expectClearRefusal(res: { status: number; body: Record<string, unknown> | null }) {
  expect(res.status).toBe(400)
  expect(['bad_json', 'validation_failed']).toContain(res.body?.code)
  expect(String(res.body?.message)).not.toMatch(/stack|internal/i)
}

describe('deeply nested JSON in auth bodies', () => {
  it('sign-up with 10,000 levels of `data` is 400 and creates nothing', async () => {
    const email = uniqueEmail('deep-signup')
    const body = `{"email":"${email}","password":"${PASSWORD}","data":${DEEP}}`
    const res = await rawAuth('/signup', { headers: jsonHeaders, body })
    expectClearRefusal(res)
    expect(await userCount(email)).toBe(0)
  })

  it('PUT /user with 10,000 levels of `data` is 400 and changes nothing', async () => {
    const { session, userId } = await signedUpUser('deep-update')
    const before = await footprint(userId)
    const res = await rawAuth('/user', {
      method: 'PUT',
      headers: { ...jsonHeaders, authorization: `Bearer ${session.access_token}` },
      body: `{"data":${DEEP}}`,
    })
    expectClearRefusal(res)
    expect(await footprint(userId)).toBe(before)
  })

  it('admin create and update with 10,000 levels of metadata are 400', async () => {
    const email = uniqueEmail('deep-admin')
    const created = await rawAuth('/admin/users', {
      headers: adminHeaders(),
      body: `{"email":"${email}","user_metadata":${DEEP}}`,
    })
    expectClearRefusal(created)
    expect(await userCount(email)).toBe(0)

    const { userId } = await signedUpUser('deep-admin-update')
    const before = await footprint(userId)
    const updated = await rawAuth(`/admin/users/${userId}`, {
      method: 'PUT',
      headers: adminHeaders(),
      body: `{"app_metadata":${DEEP}}`,
    })
    expectClearRefusal(updated)
    expect(await footprint(userId)).toBe(before)
  })
})

describe('size of identity data (it travels in every access token)', () => {
  it('sign-up with 900 KB of metadata is refused clearly and creates nothing', async () => {
    const email = uniqueEmail('big-signup')
    const res = await rawAuth('/signup', {
      headers: jsonHeaders,
      body: `{"email":"${email}","password":"${PASSWORD}","data":${BIG}}`,
    })
    expect(res.status).toBe(400)
    expect(res.body?.code).toBe('validation_failed')
    expect(String(res.body?.message)).toMatch(/metadata/)
    expect(await userCount(email)).toBe(0)
  })

  it('anonymous sign-up and magic-link sign-up are held to the same limit', async () => {
    const anonymous = await rawAuth('/signup', { headers: jsonHeaders, body: `{"data":${BIG}}` })
    expect(anonymous.status).toBe(400)
    expect(anonymous.body?.code).toBe('validation_failed')
    const email = uniqueEmail('big-otp')
    const otp = await rawAuth('/otp', {
      headers: jsonHeaders,
      body: `{"email":"${email}","data":${BIG}}`,
    })
    expect(otp.status).toBe(400)
    expect(await userCount(email)).toBe(0)
  })

  it('PUT /user cannot grow the metadata past the limit, bit by bit either', async () => {
    const { client, session, userId } = await signedUpUser('big-update')
    const before = await footprint(userId)
    const once = await rawAuth('/user', {
      method: 'PUT',
      headers: { ...jsonHeaders, authorization: `Bearer ${session.access_token}` },
      body: `{"data":${BIG}}`,
    })
    expect(once.status).toBe(400)
    expect(once.body?.code).toBe('validation_failed')
    expect(await footprint(userId)).toBe(before)

    // Small updates are merged; the merged result is what counts.
    let refused = false
    for (let i = 0; i < 40 && !refused; i += 1) {
      const { error } = await client.auth.updateUser({ data: { [`k${i}`]: 'y'.repeat(1000) } })
      if (error) {
        expect(error.status).toBe(400)
        expect(error.code).toBe('validation_failed')
        refused = true
      }
    }
    expect(refused).toBe(true)
  })

  it('admin create and update are held to the same limit', async () => {
    const email = uniqueEmail('big-admin')
    const created = await adminClient().auth.admin.createUser({
      email,
      password: PASSWORD,
      app_metadata: { blob: 'x'.repeat(100_000) },
    })
    expect(created.error?.status).toBe(400)
    expect(created.error?.code).toBe('validation_failed')
    expect(await userCount(email)).toBe(0)

    const { userId } = await signedUpUser('big-admin-update')
    const before = await footprint(userId)
    const updated = await adminClient().auth.admin.updateUserById(userId, {
      user_metadata: { blob: 'x'.repeat(100_000) },
    })
    expect(updated.error?.status).toBe(400)
    expect(updated.error?.code).toBe('validation_failed')
    expect(await footprint(userId)).toBe(before)
  })

  it('metadata within the limit gives a token that REST accepts', async () => {
    const email = uniqueEmail('fits')
    const res = await rawAuth('/signup', {
      headers: jsonHeaders,
      body: JSON.stringify({ email, password: PASSWORD, data: { note: 'z'.repeat(1500) } }),
    })
    expect(res.status).toBe(200)
    const token = res.body?.access_token as string
    const rest = await fetch(`${stackEnv().REST_URL}/rest_books?select=id&limit=1`, {
      headers: { apikey: stackEnv().ANON_KEY, authorization: `Bearer ${token}` },
    })
    expect(rest.status).toBe(200)
  })
})
