import { describe, expect, it } from 'vitest'
import { stackEnv, uniqueEmail } from '../helpers.ts'
import {
  adminClient,
  jsonHeaders,
  PASSWORD,
  rawAuth,
  signedUpUser,
  userClient,
} from './auth-helpers.ts'

const generate = (body: Record<string, unknown>) =>
  adminClient().auth.admin.generateLink(body as never)

describe('POST /admin/generate_link for e-mail changes (GoTrue adminGenerateLink)', () => {
  it('email_change_new: the link to the new address changes the address when followed', async () => {
    const { email, userId } = await signedUpUser('link-change-new')
    const newEmail = uniqueEmail('link-change-new-to')
    const { data, error } = await generate({
      type: 'email_change_new',
      email,
      newEmail,
      options: { redirectTo: 'http://localhost:3001/account' },
    })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(userId)
    expect(data.user?.email).toBe(email)
    expect(data.user?.new_email).toBe(newEmail)
    expect(data.properties?.verification_type).toBe('email_change_new')
    expect(data.properties?.redirect_to).toBe('http://localhost:3001/account')
    const action = new URL(data.properties?.action_link as string)
    expect(action.pathname).toBe('/auth/v1/verify')
    expect(action.searchParams.get('type')).toBe('email_change')

    const followed = await fetch(action, { redirect: 'manual' })
    expect(followed.status).toBe(303)
    const landing = new URL(followed.headers.get('location') as string)
    expect(`${landing.origin}${landing.pathname}`).toBe('http://localhost:3001/account')
    const fragment = new URLSearchParams(landing.hash.slice(1))
    expect(fragment.get('type')).toBe('email_change')
    const signedIn = userClient()
    const { data: user } = await signedIn.auth.getUser(fragment.get('access_token') as string)
    expect(user.user?.email).toBe(newEmail)
    expect(user.user?.new_email).toBeUndefined()
  })

  it('email_change_current: the code for the current address completes the change', async () => {
    const { email } = await signedUpUser('link-change-current')
    const newEmail = uniqueEmail('link-change-current-to')
    const { data, error } = await generate({ type: 'email_change_current', email, newEmail })
    expect(error).toBeNull()
    expect(data.properties?.verification_type).toBe('email_change_current')
    const verified = await userClient().auth.verifyOtp({
      type: 'email_change',
      token_hash: data.properties?.hashed_token as string,
    })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.email).toBe(newEmail)
    const again = await userClient().auth.signInWithPassword({
      email: newEmail,
      password: PASSWORD,
    })
    expect(again.error).toBeNull()
  })

  it("hashes email_change_new's hashed_token with the current address, as GoTrue does", async () => {
    const { email } = await signedUpUser('link-change-hash')
    const newEmail = uniqueEmail('link-change-hash-to')
    const { data } = await generate({ type: 'email_change_new', email, newEmail })
    // GoTrue's hashed_token here does not verify; the code with the new address does.
    const byHash = await userClient().auth.verifyOtp({
      type: 'email_change',
      token_hash: data.properties?.hashed_token as string,
    })
    expect(byHash.error?.code).toBe('otp_expired')
    const byCode = await userClient().auth.verifyOtp({
      type: 'email_change',
      email: newEmail,
      token: data.properties?.email_otp as string,
    })
    expect(byCode.error).toBeNull()
    expect(byCode.data.user?.email).toBe(newEmail)
  })

  it("refuses what GoTrue refuses, with GoTrue's codes", async () => {
    const { email } = await signedUpUser('link-change-errors')
    const { email: taken } = await signedUpUser('link-change-taken')
    const unknown = await generate({
      type: 'email_change_new',
      email: uniqueEmail('nobody'),
      newEmail: uniqueEmail('x'),
    })
    expect([unknown.error?.status, unknown.error?.code, unknown.error?.message]).toEqual([
      404,
      'user_not_found',
      'User with this email not found',
    ])
    const clash = await generate({ type: 'email_change_new', email, newEmail: taken })
    expect([clash.error?.status, clash.error?.code]).toEqual([422, 'email_exists'])
    const noAddress = await generate({ type: 'email_change_current', email })
    expect([noAddress.error?.status, noAddress.error?.code]).toEqual([400, 'validation_failed'])
    const badType = await rawAuth('/admin/generate_link', {
      headers: { ...jsonHeaders, authorization: `Bearer ${adminKey()}` },
      apikey: adminKey(),
      body: JSON.stringify({ type: 'email_change', email }),
    })
    expect([badType.status, badType.body?.code, badType.body?.message]).toEqual([
      400,
      'validation_failed',
      'Invalid email action link type requested: email_change',
    ])
  })

  it('a magic link for an unknown address signs it up, as GoTrue does', async () => {
    const email = uniqueEmail('link-magic-new')
    const { data, error } = await generate({ type: 'magiclink', email })
    expect(error).toBeNull()
    expect(data.properties?.verification_type).toBe('signup')
    expect(data.user?.email).toBe(email)
  })
})

const adminKey = () => stackEnv().SERVICE_ROLE_KEY
