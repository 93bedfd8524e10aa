import { beforeAll, describe, expect, it } from 'vitest'
import {
  provisionPortalUser,
  RepositoryError,
  resendInvite,
  revokePortalAccess,
  ValidationError,
} from '../../src/repositories/index.ts'
import {
  anonClient,
  createWorld,
  serviceClient,
  sql,
  stackEnv,
  unique,
  type World,
} from '../helpers/stack.ts'

/** The mails the local stack recorded for an address (nothing leaves the machine). */
async function mails(email: string): Promise<Array<{ type: string; token_hash: string }>> {
  const response = await fetch(`${stackEnv().API_URL}/auth/v1/_mailbox?email=${encodeURIComponent(email)}`)
  return (await response.json()) as Array<{ type: string; token_hash: string }>
}

let world: World
beforeAll(async () => {
  world = await createWorld()
})

async function customerWithoutLogin(): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into public.customers (organization_id, first_name, notification_preferences) values ($1, 'Dana', '{}'::jsonb) returning id`,
    [world.organizationId],
  )
  return row?.id ?? ''
}

describe('portal provisioning', () => {
  it('creates a login, links it, and the customer can sign in and see their record', async () => {
    const customerId = await customerWithoutLogin()
    const email = `${unique('dana')}@example.test`
    const result = await provisionPortalUser(serviceClient(), {
      customerId,
      email,
      password: 'password123',
    })
    expect(result.customer.portal_user_id).toBe(result.userId)
    expect(result.invited).toBe(false)

    const portal = anonClient()
    const signedIn = await portal.auth.signInWithPassword({ email, password: 'password123' })
    expect(signedIn.error).toBeNull()
    const { data } = await portal.from('customers').select('id')
    expect(data?.map((row) => row.id)).toEqual([customerId])

    const revoked = await revokePortalAccess(serviceClient(), customerId, { deleteUser: true })
    expect(revoked.portal_user_id).toBeNull()
  })

  it('refuses a second login for the same customer and leaves no stray user', async () => {
    const email = `${unique('again')}@example.test`
    await expect(
      provisionPortalUser(serviceClient(), {
        customerId: world.customer.id,
        email,
        password: 'password123',
      }),
    ).rejects.toBeInstanceOf(RepositoryError)
    expect(await sql(`select id from auth.users where email = $1`, [email])).toEqual([])
  })

  it('validates input first', async () => {
    const customerId = await customerWithoutLogin()
    await expect(
      provisionPortalUser(serviceClient(), { customerId, email: 'not-an-email' }),
    ).rejects.toBeInstanceOf(ValidationError)
    await expect(
      provisionPortalUser(serviceClient(), { customerId, email: 'a@b.test', password: 'short' }),
    ).rejects.toThrow(/password/)
  })

  it('resending e-mails the invitation again until it is accepted, then a sign-in link', async () => {
    const customerId = await customerWithoutLogin()
    const email = `${unique('resend')}@example.test`
    const redirectTo = 'http://localhost:3001/auth/confirm'
    const { userId, invited } = await provisionPortalUser(serviceClient(), { customerId, email, redirectTo })
    expect(invited).toBe(true)
    expect((await mails(email)).map((m) => m.type)).toEqual(['invite'])

    expect(await resendInvite(serviceClient(), email, redirectTo)).toBe('invite')
    const invites = (await mails(email)).filter((m) => m.type === 'invite')
    expect(invites).toHaveLength(2)
    // The newest invitation works: the customer accepts it.
    const accepted = await anonClient().auth.verifyOtp({ type: 'invite', token_hash: invites[1]?.token_hash ?? '' })
    expect(accepted.error).toBeNull()
    expect(accepted.data.user?.id).toBe(userId)

    expect(await resendInvite(serviceClient(), email, redirectTo)).toBe('magiclink')
    const links = (await mails(email)).filter((m) => m.type === 'magiclink')
    expect(links).toHaveLength(1)
    const signedIn = await anonClient().auth.verifyOtp({ type: 'magiclink', token_hash: links[0]?.token_hash ?? '' })
    expect(signedIn.data.user?.id).toBe(userId)

    await revokePortalAccess(serviceClient(), customerId, { deleteUser: true })
  })

  it('refuses a malformed address before calling Auth', async () => {
    await expect(resendInvite(serviceClient(), 'not-an-email')).rejects.toBeInstanceOf(ValidationError)
  })
})
