import { describe, expect, it } from 'vitest'
import {
  acceptStaffInvitation,
  createOrganization,
  inviteStaffMember,
  listStaff,
  RepositoryError,
  revokeStaffInvitation,
} from '../../src/repositories/index.ts'
import { createClient } from '@supabase/supabase-js'
import type { Client } from '../../src/types.ts'
import { anonClient, clientAs, createAuthUser, createWorld, serviceClient, sql, stackEnv, unique } from '../helpers/stack.ts'

const copy = { invitation_title: 'Join Sparkle HVAC', invitation_text: 'Choose a password.' }

async function founder() {
  const user = await createAuthUser('founder')
  return { ...user, client: await clientAs(user.id, user.email) }
}

describe('a business signs up', () => {
  it('on a database without the demo data: a founder signs up through Auth, founds a business and sees only it', async () => {
    expect(await sql(`select 1 from public.organizations where slug = 'dirt-free'`)).toEqual([])
    const email = `${unique('founder')}@example.test`
    const visitor = anonClient()
    const signedUp = await visitor.auth.signUp({ email, password: 'founder-pass-1', options: { data: { full_name: 'Fay Founder' } } })
    expect(signedUp.error).toBeNull()
    const session = signedUp.data.session
    if (!session) throw new Error('sign-up returned no session (are e-mail confirmations on?)')
    // The session Auth issued, not a token made by the test.
    const env = stackEnv()
    const founder: Client = createClient(env.API_URL, env.ANON_KEY, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { Authorization: `Bearer ${session.access_token}` } },
    })
    const org = await createOrganization(founder, { name: 'Fresh Start Plumbing', timezone: 'America/Denver', ownerName: 'Fay Founder' })
    const visible = await founder.from('organizations').select('id')
    expect(visible.data).toEqual([{ id: org.id }])
  })

  it('makes the business and its owner in one call, with a free slug', async () => {
    const first = await founder()
    const name = `Sparkle HVAC ${unique('n')}`
    const org = await createOrganization(first.client, {
      name,
      timezone: 'America/Denver',
      ownerName: 'Sam Sparkle',
      countryCode: 'us',
      currency: 'usd',
      phone: '(303) 555-0100',
    })
    expect(org).toMatchObject({ name, timezone: 'America/Denver', country_code: 'US', currency: 'USD', phone: '(303) 555-0100' })
    expect(org.slug).toMatch(/^sparkle-hvac-/)
    const team = await listStaff(first.client, org.id)
    expect(team).toEqual([expect.objectContaining({ user_id: first.id, full_name: 'Sam Sparkle', role: 'owner', email: first.email })])
    expect(team[0]?.joined_at).not.toBeNull()

    // The same name again gets the next slug.
    const second = await founder()
    const twin = await createOrganization(second.client, { name, timezone: 'America/Denver', ownerName: 'Twin' })
    expect(twin.slug).toBe(`${org.slug}-2`)
  })

  it('refuses a second business for the same login, a customer login, strangers and unknown zones, leaving nothing behind', async () => {
    const owner = await founder()
    await createOrganization(owner.client, { name: 'First Co', timezone: 'UTC', ownerName: 'Owner' })
    await expect(createOrganization(owner.client, { name: 'Second Co', timezone: 'UTC', ownerName: 'Owner' })).rejects.toMatchObject({
      code: '23505',
    })

    const world = await createWorld()
    await expect(
      createOrganization(world.customer.client, { name: 'Sneaky', timezone: 'UTC', ownerName: 'Alice' }),
    ).rejects.toMatchObject({ code: '42501' })
    await expect(createOrganization(anonClient(), { name: 'Nobody', timezone: 'UTC', ownerName: 'X' })).rejects.toBeInstanceOf(
      RepositoryError,
    )

    const lost = await founder()
    const slugName = unique('Zoneless')
    await expect(createOrganization(lost.client, { name: slugName, timezone: 'Mars/Olympus', ownerName: 'X' })).rejects.toThrow(/time zone/i)
    expect(await sql('select 1 from public.organizations where name = $1', [slugName])).toEqual([])
    expect(await sql('select 1 from public.staff_members where user_id = $1', [lost.id])).toEqual([])
  })

  it('two submits at once make one business', async () => {
    const owner = await founder()
    const name = unique('Double Click Co')
    const results = await Promise.allSettled([
      createOrganization(owner.client, { name, timezone: 'UTC', ownerName: 'Owner' }),
      createOrganization(owner.client, { name, timezone: 'UTC', ownerName: 'Owner' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(await sql('select 1 from public.organizations where name = $1', [name])).toHaveLength(1)
  })
})

describe('staff invitations', () => {
  it('invite → linked login, pending until accepted; only owners and admins invite; logins are never linked by hand', async () => {
    const world = await createWorld()
    const email = `${unique('tech')}@example.test`
    const member = await inviteStaffMember(world.staff.client, serviceClient(), {
      organizationId: world.organizationId,
      email,
      fullName: 'Tina Tech',
      role: 'technician',
      redirectTo: 'http://localhost:3000/auth/confirm',
      copy,
    })
    expect(member).toMatchObject({ email, role: 'technician', joined_at: null })
    expect(member.user_id).not.toBeNull()
    expect(member.invited_at).not.toBeNull()
    const invitee = await clientAs(member.user_id as string, email)
    expect(await acceptStaffInvitation(invitee)).toBe(1)
    expect(await acceptStaffInvitation(invitee)).toBe(0)
    const [row] = await sql<{ joined_at: string | null }>('select joined_at from public.staff_members where id = $1', [member.id])
    expect(row?.joined_at).not.toBeNull()

    // The same address twice, and a technician inviting: refused, nothing added.
    await expect(
      inviteStaffMember(world.staff.client, serviceClient(), { organizationId: world.organizationId, email, fullName: 'Again', role: 'office', redirectTo: 'http://localhost:3000/auth/confirm', copy }),
    ).rejects.toMatchObject({ code: 'already_staff' })
    await expect(
      inviteStaffMember(world.technician.client, serviceClient(), {
        organizationId: world.organizationId,
        email: `${unique('x')}@example.test`,
        fullName: 'Nope',
        role: 'office',
        redirectTo: 'http://localhost:3000/auth/confirm',
        copy,
      }),
    ).rejects.toMatchObject({ code: '42501' })

    // An owner cannot make any existing login staff by writing its id.
    const stranger = await createAuthUser('stranger')
    const forged = await world.staff.client
      .from('staff_members')
      .insert({ organization_id: world.organizationId, full_name: 'Forged', role: 'admin', user_id: stranger.id })
    expect(forged.error?.code).toBe('42501')
    const relinked = await world.staff.client.from('staff_members').update({ user_id: stranger.id }).eq('id', member.id)
    expect(relinked.error?.code).toBe('42501')
  })

  it('an unaccepted invitation can be withdrawn (its unused login goes too); an accepted one cannot', async () => {
    const world = await createWorld()
    const invite = (email: string) =>
      inviteStaffMember(world.staff.client, serviceClient(), {
        organizationId: world.organizationId,
        email,
        fullName: 'Pending Person',
        role: 'office',
        redirectTo: 'http://localhost:3000/auth/confirm',
        copy,
      })
    const pending = await invite(`${unique('pending')}@example.test`)
    await revokeStaffInvitation(world.staff.client, serviceClient(), pending.id)
    expect(await sql('select 1 from public.staff_members where id = $1', [pending.id])).toEqual([])
    expect(await sql('select 1 from auth.users where id = $1', [pending.user_id])).toEqual([])

    const joined = await invite(`${unique('joined')}@example.test`)
    await acceptStaffInvitation(await clientAs(joined.user_id as string, joined.email as string))
    await expect(revokeStaffInvitation(world.staff.client, serviceClient(), joined.id)).rejects.toMatchObject({ code: 'not_pending' })
  })
})
