import { beforeAll, describe, expect, it } from 'vitest'
import {
  provisionPortalUser,
  RepositoryError,
  revokePortalAccess,
  ValidationError,
} from '../../src/repositories/index.ts'
import {
  anonClient,
  createWorld,
  serviceClient,
  sql,
  unique,
  type World,
} from '../helpers/stack.ts'

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
})
