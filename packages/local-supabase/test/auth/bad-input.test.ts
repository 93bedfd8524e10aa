import { SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail } from '../helpers.ts'
import {
  footprint,
  jsonHeaders,
  PASSWORD,
  rawAuth,
  signedUpUser,
  userClient,
  userCount,
} from './auth-helpers.ts'

const secret = () => new TextEncoder().encode(stackEnv().JWT_SECRET)
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

async function tokens(sub: string) {
  const now = Math.floor(Date.now() / 1000)
  const claims = { sub, role: 'authenticated', aud: 'authenticated' }
  return {
    expired: await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(secret()),
    forged: await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode('not-the-secret-of-this-stack-at-all-00000')),
    unsigned: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now + 3600 })}.`,
    forgedServiceRole: await new SignJWT({ role: 'service_role' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode('another-wrong-secret-value-000000000000')),
  }
}

describe('bad input: a clear GoTrue error and no change in the database', () => {
  it('uses GoTrue error shapes for both API versions', async () => {
    const email = uniqueEmail('shape')
    const body = JSON.stringify({ email, password: '123' })
    const modern = await rawAuth('/signup', { headers: jsonHeaders, body })
    expect(modern.status).toBe(422)
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    expect(modern.body).toEqual({
      code: 'weak_password',
      message: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    })
    const legacy = await rawAuth('/signup', {
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(legacy.headers.get('x-supabase-api-version')).toBeNull()
    expect(legacy.body).toEqual({
      code: 422,
      error_code: 'weak_password',
      msg: 'Password should be at least 6 characters.',
      weak_password: { reasons: ['length'] },
    })
    expect(await userCount(email)).toBe(0)
  })

  it('weak password through supabase-js: weak_password with reasons, no user', async () => {
    const email = uniqueEmail('weak')
    const { error } = await userClient().auth.signUp({ email, password: '12345' })
    expect(error?.code).toBe('weak_password')
    expect(error?.status).toBe(422)
    expect((error as { reasons?: string[] }).reasons).toEqual(['length'])
    expect(await userCount(email)).toBe(0)
  })

  it('malformed JSON, non-object JSON and wrong content type', async () => {
    const email = uniqueEmail('malformed')
    const broken = await rawAuth('/signup', {
      headers: jsonHeaders,
      body: `{"email":"${email}","password":`,
    })
    expect(broken.status).toBe(400)
    expect(broken.body?.code).toBe('bad_json')
    const array = await rawAuth('/signup', {
      headers: jsonHeaders,
      body: JSON.stringify([{ email, password: PASSWORD }]),
    })
    expect(array.status).toBe(400)
    expect(array.body?.code).toBe('bad_json')
    const form = await rawAuth('/signup', {
      headers: { ...jsonHeaders, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    })
    expect(form.status).toBe(415)
    expect(form.body?.code).toBe('bad_json')
    expect(await userCount(email)).toBe(0)
  })

  it('missing and mistyped fields are validation_failed', async () => {
    const email = uniqueEmail('missing')
    const cases: Array<[string, object]> = [
      ['/signup', { email }],
      ['/signup', { password: PASSWORD, email: '', data: 'x' }],
      ['/signup', { email, password: PASSWORD, data: 'not an object' }],
      ['/signup', { email: 42, password: PASSWORD }],
      ['/token?grant_type=password', { password: PASSWORD }],
      ['/token?grant_type=password', { email }],
      ['/token?grant_type=refresh_token', {}],
      ['/token?grant_type=pkce', { auth_code: 'abc' }],
      ['/otp', {}],
      ['/verify', { type: 'email' }],
      ['/verify', { type: 'not-a-type', token_hash: 'abc' }],
    ]
    for (const [path, body] of cases) {
      const res = await rawAuth(path, { headers: jsonHeaders, body: JSON.stringify(body) })
      expect({ path, body, status: res.status, code: res.body?.code }).toEqual({
        path,
        body,
        status: 400,
        code: 'validation_failed',
      })
    }
    expect(await userCount(email)).toBe(0)
  })

  it('metadata Postgres cannot store (a NUL character) is validation_failed, not a server error', async () => {
    const email = uniqueEmail('nul')
    const { error } = await userClient().auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { note: 'a\u0000b' } },
    })
    expect(error?.code).toBe('validation_failed')
    expect(error?.status).toBe(400)
    expect(await userCount(email)).toBe(0)
  })

  it('an unknown grant type is unsupported_grant_type', async () => {
    const res = await rawAuth('/token?grant_type=client_credentials', {
      headers: jsonHeaders,
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(res.body?.code).toBe('unsupported_grant_type')
  })

  it('SQL-looking e-mails are just invalid e-mails and touch nothing', async () => {
    const { email, userId } = await signedUpUser('sql-victim')
    const before = await footprint(userId)
    const attacks = [
      `${email}' OR '1'='1`,
      `' OR 1=1; --`,
      `x@example.test'; drop table auth.users; --`,
      `"${email}" --`,
      `${email}\u0000`,
    ]
    for (const attack of attacks) {
      const signIn = await userClient().auth.signInWithPassword({
        email: attack,
        password: 'whatever-password',
      })
      expect(signIn.error?.code).toBe('validation_failed')
      const signUp = await userClient().auth.signUp({ email: attack, password: PASSWORD })
      expect(signUp.error?.code).toBe('validation_failed')
    }
    expect(await footprint(userId)).toBe(before)
    expect(await userCount(email)).toBe(1)
  })

  it('wrong password and duplicate sign-up leave the user untouched', async () => {
    const { email, userId } = await signedUpUser('untouched')
    const before = await footprint(userId)
    const wrong = await userClient().auth.signInWithPassword({ email, password: 'wrong-password' })
    expect(wrong.error?.code).toBe('invalid_credentials')
    expect(wrong.error?.status).toBe(400)
    const unknown = await userClient().auth.signInWithPassword({
      email: uniqueEmail('ghost'),
      password: PASSWORD,
    })
    expect(unknown.error?.code).toBe('invalid_credentials')
    const dupe = await userClient().auth.signUp({ email, password: 'other-password' })
    expect(dupe.error?.code).toBe('user_already_exists')
    expect(dupe.error?.status).toBe(422)
    expect(await footprint(userId)).toBe(before)
  })

  it('bad updates (weak password, invalid e-mail, same password) change nothing', async () => {
    const { client, userId } = await signedUpUser('bad-update')
    const before = await footprint(userId)
    expect((await client.auth.updateUser({ password: '123', data: { x: 1 } })).error?.code).toBe(
      'weak_password',
    )
    expect(
      (await client.auth.updateUser({ email: 'not-an-email', data: { x: 1 } })).error?.code,
    ).toBe('validation_failed')
    expect((await client.auth.updateUser({ password: PASSWORD, data: { x: 1 } })).error?.code).toBe(
      'same_password',
    )
    const taken = await signedUpUser('taken')
    expect((await client.auth.updateUser({ email: taken.email, data: { x: 1 } })).error?.code).toBe(
      'email_exists',
    )
    expect(await footprint(userId)).toBe(before)
  })

  it('expired, forged and alg:none JWTs are refused as API key and as bearer', async () => {
    const { userId } = await signedUpUser('jwt')
    const before = await footprint(userId)
    const bad = await tokens(userId)
    for (const token of [bad.expired, bad.forged, bad.unsigned]) {
      const asKey = await rawAuth('/user', { method: 'GET', headers: jsonHeaders, apikey: token })
      expect(asKey.status).toBe(401)
      expect(asKey.body?.code).toBe('bad_jwt')
      const asBearer = await rawAuth('/user', {
        method: 'PUT',
        headers: { ...jsonHeaders, authorization: `Bearer ${token}` },
        body: JSON.stringify({ data: { pwned: true } }),
      })
      expect(asBearer.status).toBe(403)
      expect(asBearer.body?.code).toBe('bad_jwt')
    }
    const fakeAdmin = await rawAuth('/admin/users', {
      headers: { ...jsonHeaders, authorization: `Bearer ${bad.forgedServiceRole}` },
      body: JSON.stringify({ email: uniqueEmail('fake-admin'), password: PASSWORD }),
    })
    expect(fakeAdmin.status).toBe(403)
    expect(fakeAdmin.body?.code).toBe('bad_jwt')
    expect(await footprint(userId)).toBe(before)
  })

  it('a missing or wrong API key is refused before anything runs', async () => {
    const email = uniqueEmail('no-key')
    const body = JSON.stringify({ email, password: PASSWORD })
    const none = await rawAuth('/signup', { headers: jsonHeaders, body, apikey: null })
    expect(none.status).toBe(401)
    expect(none.body?.code).toBe('no_authorization')
    const garbage = await rawAuth('/signup', {
      headers: jsonHeaders,
      body,
      apikey: 'definitely-not-a-jwt',
    })
    expect(garbage.status).toBe(401)
    expect(garbage.body?.code).toBe('bad_jwt')
    const userWithoutToken = await rawAuth('/user', { method: 'GET', headers: jsonHeaders })
    expect(userWithoutToken.status).toBe(403)
    expect(userWithoutToken.body?.code).toBe('bad_jwt')
    expect(await userCount(email)).toBe(0)
  })

  it('a body over the size limit is 413 and creates nothing', async () => {
    const email = uniqueEmail('huge')
    const body = JSON.stringify({
      email,
      password: PASSWORD,
      data: { blob: 'x'.repeat(1024 * 1024) },
    })
    const res = await rawAuth('/signup', { headers: jsonHeaders, body })
    expect(res.status).toBe(413)
    expect(res.body?.code).toBe('request_too_large')
    expect(await userCount(email)).toBe(0)
  })
})
