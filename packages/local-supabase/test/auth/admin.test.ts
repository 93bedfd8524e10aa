import { describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail, withPg } from '../helpers.ts'
import {
  adminClient,
  footprint,
  PASSWORD,
  signedUpUser,
  userClient,
  userCount,
} from './auth-helpers.ts'

describe('admin API (service role only)', () => {
  it('creates, lists, gets, updates and deletes users with the service key', async () => {
    const admin = adminClient()
    const email = uniqueEmail('admin-create')
    const created = await admin.auth.admin.createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { name: 'Tech One' },
      app_metadata: { org: 'dirt-free' },
    })
    expect(created.error).toBeNull()
    const user = created.data.user
    expect(user).toMatchObject({
      email,
      user_metadata: { name: 'Tech One' },
      app_metadata: { provider: 'email', providers: ['email'], org: 'dirt-free' },
    })
    expect(user?.email_confirmed_at).toEqual(expect.any(String))
    const id = user?.id as string

    // The new user can sign in straight away.
    const signIn = await userClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(signIn.error).toBeNull()

    const other = await admin.auth.admin.createUser({ email: uniqueEmail('admin-other') })
    expect(other.error).toBeNull()
    const listed = await admin.auth.admin.listUsers({ page: 1, perPage: 2 })
    expect(listed.error).toBeNull()
    if (listed.error || !('total' in listed.data)) throw new Error('listUsers failed')
    expect(listed.data.users.length).toBe(2)
    expect(listed.data.total).toBeGreaterThanOrEqual(2)
    expect(listed.data.aud).toBe('authenticated')
    const first = await admin.auth.admin.listUsers({ page: 1, perPage: 1 })
    expect(first.data.users).toHaveLength(1)
    // Pagination comes from the x-total-count and link headers, as GoTrue sends them.
    if (!('nextPage' in first.data)) throw new Error('listUsers failed')
    expect(first.data.nextPage).toBe(2)
    expect(first.data.total).toBeGreaterThanOrEqual(2)
    const everyone = await admin.auth.admin.listUsers({ page: 1, perPage: 1000 })
    expect(everyone.data.users.map((u) => u.id)).toContain(id)

    const fetched = await admin.auth.admin.getUserById(id)
    expect(fetched.data.user?.email).toBe(email)

    const updated = await admin.auth.admin.updateUserById(id, {
      user_metadata: { phone_pref: 'sms' },
      app_metadata: { role: 'technician' },
    })
    expect(updated.error).toBeNull()
    expect(updated.data.user?.user_metadata).toEqual({ name: 'Tech One', phone_pref: 'sms' })
    expect(updated.data.user?.app_metadata).toMatchObject({ org: 'dirt-free', role: 'technician' })

    const deleted = await admin.auth.admin.deleteUser(id)
    expect(deleted.error).toBeNull()
    expect(await userCount(email)).toBe(0)
    const gone = await admin.auth.admin.getUserById(id)
    expect(gone.error?.code).toBe('user_not_found')
    expect(gone.error?.status).toBe(404)
    const noLogin = await userClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(noLogin.error?.code).toBe('invalid_credentials')
  })

  it('refuses the anon key and a user token with not_admin, changing nothing', async () => {
    const { session } = await signedUpUser('not-admin')
    const target = await signedUpUser('admin-target')
    const before = await footprint(target.userId)
    for (const key of [stackEnv().ANON_KEY, session.access_token]) {
      const client = adminClient(key)
      const email = uniqueEmail('forbidden')
      const create = await client.auth.admin.createUser({ email, password: PASSWORD })
      expect(create.error?.code).toBe('not_admin')
      expect(create.error?.status).toBe(403)
      expect(await userCount(email)).toBe(0)
      expect((await client.auth.admin.listUsers()).error?.code).toBe('not_admin')
      expect((await client.auth.admin.getUserById(target.userId)).error?.code).toBe('not_admin')
      const update = await client.auth.admin.updateUserById(target.userId, {
        user_metadata: { hacked: true },
      })
      expect(update.error?.code).toBe('not_admin')
      const invite = await client.auth.admin.inviteUserByEmail(email)
      expect(invite.error?.code).toBe('not_admin')
      const link = await client.auth.admin.generateLink({ type: 'magiclink', email: target.email })
      expect(link.error?.code).toBe('not_admin')
    }
    // deleteUser looks the user up first, so call the endpoint directly.
    const res = await fetch(`${stackEnv().API_URL}/auth/v1/admin/users/${target.userId}`, {
      method: 'DELETE',
      headers: { apikey: stackEnv().ANON_KEY, authorization: `Bearer ${session.access_token}` },
    })
    expect(res.status).toBe(403)
    expect(await footprint(target.userId)).toBe(before)
  })

  it('bans a user: no sign-in and no refresh until the ban is lifted', async () => {
    const { email, session, userId } = await signedUpUser('banned')
    const admin = adminClient()
    expect(
      (await admin.auth.admin.updateUserById(userId, { ban_duration: '24h' })).error,
    ).toBeNull()
    const signIn = await userClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(signIn.error?.code).toBe('user_banned')
    const refresh = await userClient().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(refresh.error).not.toBeNull()
    expect(
      (await admin.auth.admin.updateUserById(userId, { ban_duration: 'none' })).error,
    ).toBeNull()
    expect(
      (await userClient().auth.signInWithPassword({ email, password: PASSWORD })).error,
    ).toBeNull()
  })

  it('soft-deletes a user, who then cannot sign in', async () => {
    const { email, userId } = await signedUpUser('soft-deleted')
    expect((await adminClient().auth.admin.deleteUser(userId, true)).error).toBeNull()
    const deletedAt = await withPg(async (pg) => {
      const { rows } = await pg.query('select deleted_at from auth.users where id = $1', [userId])
      return rows[0]?.deleted_at
    })
    expect(deletedAt).toBeInstanceOf(Date)
    const signIn = await userClient().auth.signInWithPassword({ email, password: PASSWORD })
    expect(signIn.error?.code).toBe('invalid_credentials')
  })

  it('rejects a duplicate e-mail with email_exists and keeps the first user as it was', async () => {
    const { email, userId } = await signedUpUser('dupe-admin')
    const before = await footprint(userId)
    const again = await adminClient().auth.admin.createUser({ email, password: 'another-password' })
    expect(again.error?.code).toBe('email_exists')
    expect(again.error?.status).toBe(422)
    expect(await footprint(userId)).toBe(before)
  })

  it('returns user_not_found for an unknown or malformed id', async () => {
    const admin = adminClient()
    expect(
      (await admin.auth.admin.getUserById('00000000-0000-4000-8000-000000000000')).error?.code,
    ).toBe('user_not_found')
    const res = await fetch(`${stackEnv().API_URL}/auth/v1/admin/users/not-a-uuid`, {
      headers: {
        apikey: stackEnv().SERVICE_ROLE_KEY,
        authorization: `Bearer ${stackEnv().SERVICE_ROLE_KEY}`,
      },
    })
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error_code: 'user_not_found' })
  })
})
