import { decodeJwt } from 'jose'
import { describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail, withPg } from '../helpers.ts'
import { PASSWORD, signedUpUser, userClient } from './auth-helpers.ts'

describe('sign-up and sign-in through supabase-js', () => {
  it('signs up with e-mail and password and returns a GoTrue session', async () => {
    const client = userClient()
    const email = uniqueEmail('signup')
    const { data, error } = await client.auth.signUp({
      email,
      password: PASSWORD,
      options: { data: { full_name: 'Dana Client' } },
    })
    expect(error).toBeNull()
    const session = data.session
    expect(session?.token_type).toBe('bearer')
    expect(session?.expires_in).toBe(3600)
    expect(session?.refresh_token).toEqual(expect.any(String))
    expect(session?.expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000))
    const user = data.user
    expect(user).toMatchObject({
      aud: 'authenticated',
      role: 'authenticated',
      email,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Dana Client' },
      is_anonymous: false,
    })
    expect(user?.email_confirmed_at).toEqual(expect.any(String))
    expect(user?.confirmed_at).toEqual(expect.any(String))
    expect(user?.identities?.[0]).toMatchObject({ provider: 'email', user_id: user?.id })

    const claims = decodeJwt(session?.access_token as string)
    expect(claims).toMatchObject({
      iss: `${stackEnv().API_URL}/auth/v1`,
      sub: user?.id,
      aud: 'authenticated',
      role: 'authenticated',
      email,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Dana Client' },
      is_anonymous: false,
      aal: 'aal1',
    })
    expect(claims.session_id).toEqual(expect.any(String))
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600)
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }])

    const stored = await withPg((pg) =>
      pg.query('select encrypted_password, raw_user_meta_data from auth.users where id = $1', [
        user?.id,
      ]),
    )
    expect(stored.rows[0].encrypted_password).toMatch(/^\$2[aby]\$10\$/)
    expect(stored.rows[0].raw_user_meta_data).toEqual({ full_name: 'Dana Client' })
  })

  it('signs up in PKCE flow (as @supabase/ssr does) and still gets a session, auto-confirmed', async () => {
    const client = userClient({ flowType: 'pkce' })
    const email = uniqueEmail('signup-pkce')
    const { data, error } = await client.auth.signUp({ email, password: PASSWORD })
    expect(error).toBeNull()
    expect(data.session?.user.email).toBe(email)
    expect((await client.auth.getClaims()).data?.claims.sub).toBe(data.user?.id)
  })

  it('signs in with the password, and getUser returns the same user', async () => {
    const { email, userId } = await signedUpUser('signin')
    const client = userClient()
    const { data, error } = await client.auth.signInWithPassword({
      email: email.toUpperCase(),
      password: PASSWORD,
    })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(userId)
    expect(data.user?.last_sign_in_at).toEqual(expect.any(String))
    const got = await client.auth.getUser()
    expect(got.error).toBeNull()
    expect(got.data.user?.id).toBe(userId)
    expect(got.data.user?.email).toBe(email)
  })

  it('accepts bcrypt hashes made by pgcrypto, as the seed writes them', async () => {
    const email = uniqueEmail('seeded')
    const id = await withPg(async (pg) => {
      const { rows } = await pg.query(
        `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
           raw_user_meta_data, created_at, updated_at)
         values (gen_random_uuid(), 'authenticated', 'authenticated', $1, extensions.crypt($2, extensions.gen_salt('bf')),
           now(), '{"provider":"email","providers":["email"]}', '{}', now(), now())
         returning id`,
        [email, 'seeded-password'],
      )
      return rows[0].id as string
    })
    const client = userClient()
    const ok = await client.auth.signInWithPassword({ email, password: 'seeded-password' })
    expect(ok.error).toBeNull()
    expect(ok.data.user?.id).toBe(id)
    const wrong = await userClient().auth.signInWithPassword({
      email,
      password: 'not-the-password',
    })
    expect(wrong.error?.code).toBe('invalid_credentials')
  })

  it('updates e-mail, password and metadata with updateUser', async () => {
    const { client, userId } = await signedUpUser('update')
    const newEmail = uniqueEmail('updated')
    const { data, error } = await client.auth.updateUser({
      email: newEmail,
      password: 'a-brand-new-password',
      data: { plan: 'gold' },
    })
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      id: userId,
      email: newEmail,
      user_metadata: { plan: 'gold' },
    })
    const again = await userClient().auth.signInWithPassword({
      email: newEmail,
      password: 'a-brand-new-password',
    })
    expect(again.error).toBeNull()
    expect(again.data.user?.id).toBe(userId)
    const merged = await client.auth.updateUser({ data: { theme: 'dark' } })
    expect(merged.data.user?.user_metadata).toEqual({ plan: 'gold', theme: 'dark' })
  })

  it('signs in anonymously and can later become a permanent user', async () => {
    const client = userClient()
    const { data, error } = await client.auth.signInAnonymously({
      options: { data: { source: 'kiosk' } },
    })
    expect(error).toBeNull()
    expect(data.user).toMatchObject({
      is_anonymous: true,
      role: 'authenticated',
      user_metadata: { source: 'kiosk' },
      app_metadata: { provider: 'anonymous', providers: ['anonymous'] },
    })
    expect(decodeJwt(data.session?.access_token as string)).toMatchObject({
      is_anonymous: true,
      sub: data.user?.id,
    })
    expect(decodeJwt(data.session?.access_token as string).amr).toEqual([
      { method: 'anonymous', timestamp: expect.any(Number) },
    ])
    const email = uniqueEmail('converted')
    const upgraded = await client.auth.updateUser({ email, password: PASSWORD })
    expect(upgraded.error).toBeNull()
    expect(upgraded.data.user).toMatchObject({
      id: data.user?.id,
      email,
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    })
    expect(upgraded.data.user?.identities?.map((i) => i.provider)).toEqual(['email'])
    const signIn = await userClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(signIn.data.user?.id).toBe(data.user?.id)
  })

  it('auth.uid() inside Postgres is the signed-in user when the token claims are set', async () => {
    const { session, userId } = await signedUpUser('uid')
    const claims = decodeJwt(session.access_token)
    const result = await withPg(async (pg) => {
      await pg.query('begin')
      try {
        await pg.query('set local role authenticated')
        await pg.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify(claims),
        ])
        const { rows } = await pg.query(
          'select auth.uid() as uid, auth.role() as role, auth.jwt() ->> $1 as email',
          ['email'],
        )
        return rows[0]
      } finally {
        await pg.query('rollback')
      }
    })
    expect(result).toEqual({ uid: userId, role: 'authenticated', email: session.user.email })
  })

  it('serves /settings and /health', async () => {
    const settings = await fetch(`${stackEnv().API_URL}/auth/v1/settings`, {
      headers: { apikey: stackEnv().ANON_KEY },
    })
    expect(settings.status).toBe(200)
    expect(await settings.json()).toMatchObject({
      external: { email: true, anonymous_users: true },
      mailer_autoconfirm: true,
    })
    const health = await fetch(`${stackEnv().API_URL}/auth/v1/health`)
    expect(await health.json()).toMatchObject({ name: 'GoTrue' })
  })
})
