import { describe, expect, it } from 'vitest'
import { uniqueEmail, withPg } from '../helpers.ts'
import {
  adminClient,
  latestMail,
  PASSWORD,
  rawAuth,
  signedUpUser,
  userClient,
} from './auth-helpers.ts'

const REDIRECT = 'http://localhost:3001/auth/confirm'

async function follow(link: string): Promise<URL> {
  const res = await fetch(link, { redirect: 'manual' })
  expect(res.status).toBe(303)
  return new URL(res.headers.get('location') as string)
}

describe('e-mail links: invite, magic link, recovery, PKCE (local mailbox)', () => {
  it('invites a user; the invitation link signs them in and confirms the address', async () => {
    const email = uniqueEmail('invited')
    const invited = await adminClient().auth.admin.inviteUserByEmail(email, {
      data: { invited_by: 'office' },
      redirectTo: REDIRECT,
    })
    expect(invited.error).toBeNull()
    expect(invited.data.user).toMatchObject({ email, user_metadata: { invited_by: 'office' } })
    expect(invited.data.user?.invited_at).toEqual(expect.any(String))
    expect(invited.data.user?.email_confirmed_at).toBeUndefined()

    const mail = await latestMail(email)
    expect(mail).toMatchObject({ to: email, type: 'invite', subject: 'You have been invited' })
    expect(mail.token).toMatch(/^\d{6}$/)
    expect(mail.link).toContain('/auth/v1/verify?')

    const landing = await follow(mail.link)
    expect(`${landing.origin}${landing.pathname}`).toBe(REDIRECT)
    const fragment = new URLSearchParams(landing.hash.slice(1))
    expect(fragment.get('type')).toBe('invite')
    expect(fragment.get('token_type')).toBe('bearer')
    const client = userClient()
    const set = await client.auth.setSession({
      access_token: fragment.get('access_token') as string,
      refresh_token: fragment.get('refresh_token') as string,
    })
    expect(set.error).toBeNull()
    expect(set.data.user?.email).toBe(email)
    expect(set.data.user?.email_confirmed_at).toEqual(expect.any(String))
    // The invited user now chooses a password.
    expect((await client.auth.updateUser({ password: PASSWORD })).error).toBeNull()
    expect(
      (await userClient().auth.signInWithPassword({ email, password: PASSWORD })).error,
    ).toBeNull()

    // An invitation link works once.
    const again = await follow(mail.link)
    expect(new URLSearchParams(again.hash.slice(1)).get('error_code')).toBe('otp_expired')
  })

  it('sends a magic link (OTP) and verifyOtp with its token_hash signs the user in', async () => {
    const { email, userId } = await signedUpUser('magic')
    const client = userClient()
    const sent = await client.auth.signInWithOtp({ email, options: { shouldCreateUser: false } })
    expect(sent.error).toBeNull()
    const mail = await latestMail(email)
    expect(mail.type).toBe('magiclink')

    const verified = await client.auth.verifyOtp({ token_hash: mail.token_hash, type: 'email' })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.id).toBe(userId)
    expect(verified.data.session?.access_token).toEqual(expect.any(String))
    expect((await client.auth.getUser()).data.user?.id).toBe(userId)

    const reused = await userClient().auth.verifyOtp({ token_hash: mail.token_hash, type: 'email' })
    expect(reused.error?.code).toBe('otp_expired')
  })

  it('creates the user on first OTP and accepts the six-digit code with the e-mail', async () => {
    const email = uniqueEmail('otp-new')
    const client = userClient()
    expect(
      (await client.auth.signInWithOtp({ email, options: { data: { source: 'portal' } } })).error,
    ).toBeNull()
    // Confirmations are off here: GoTrue signs the address up confirmed and sends a magic link.
    const mail = await latestMail(email)
    expect(mail.type).toBe('magiclink')
    const wrong = await client.auth.verifyOtp({
      email,
      token: mail.token === '000000' ? '111111' : '000000',
      type: 'email',
    })
    expect(wrong.error?.code).toBe('otp_expired')
    const ok = await client.auth.verifyOtp({ email, token: mail.token, type: 'email' })
    expect(ok.error).toBeNull()
    expect(ok.data.user).toMatchObject({ email, user_metadata: { source: 'portal' } })
    expect(ok.data.user?.email_confirmed_at).toEqual(expect.any(String))
  })

  it('refuses OTP sign-up when shouldCreateUser is false, creating nothing', async () => {
    const email = uniqueEmail('otp-nocreate')
    const res = await userClient().auth.signInWithOtp({
      email,
      options: { shouldCreateUser: false },
    })
    expect(res.error?.code).toBe('otp_disabled')
    const count = await withPg(
      async (pg) =>
        (await pg.query('select count(*)::int as n from auth.users where email = $1', [email]))
          .rows[0].n,
    )
    expect(count).toBe(0)
  })

  it('PKCE: the link redirects with ?code= and exchangeCodeForSession returns the session', async () => {
    const { email, userId } = await signedUpUser('pkce')
    const client = userClient({ flowType: 'pkce' })
    expect(
      (await client.auth.signInWithOtp({ email, options: { emailRedirectTo: REDIRECT } })).error,
    ).toBeNull()
    const mail = await latestMail(email)
    expect(new URL(mail.link).searchParams.get('token')).toMatch(/^pkce_/)
    const landing = await follow(mail.link)
    const code = landing.searchParams.get('code')
    expect(code).toEqual(expect.any(String))
    expect(landing.hash).toBe('')

    const exchanged = await client.auth.exchangeCodeForSession(code as string)
    expect(exchanged.error).toBeNull()
    expect(exchanged.data.user?.id).toBe(userId)
    expect(exchanged.data.session?.refresh_token).toEqual(expect.any(String))

    // A code is good for one exchange only, and only with the right verifier.
    const replay = await rawAuth('/token?grant_type=pkce', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth_code: code, code_verifier: 'x'.repeat(43) }),
    })
    expect(replay.status).toBe(404)
    expect(replay.body?.error_code).toBe('flow_state_not_found')
  })

  it('PKCE: a wrong code verifier is refused and the code stays unused', async () => {
    const { email } = await signedUpUser('pkce-bad')
    const client = userClient({ flowType: 'pkce' })
    await client.auth.signInWithOtp({ email, options: { emailRedirectTo: REDIRECT } })
    const code = (await follow((await latestMail(email)).link)).searchParams.get('code') as string
    const wrong = await rawAuth('/token?grant_type=pkce', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth_code: code, code_verifier: 'y'.repeat(43) }),
    })
    expect(wrong.status).toBe(403)
    expect(wrong.body?.error_code).toBe('bad_code_verifier')
    expect((await client.auth.exchangeCodeForSession(code)).error).toBeNull()
  })

  it('sends a recovery link; following it allows a new password', async () => {
    const { email, userId } = await signedUpUser('recover')
    const client = userClient()
    expect(
      (await client.auth.resetPasswordForEmail(email, { redirectTo: REDIRECT })).error,
    ).toBeNull()
    const mail = await latestMail(email)
    expect(mail.type).toBe('recovery')
    const verified = await client.auth.verifyOtp({ token_hash: mail.token_hash, type: 'recovery' })
    expect(verified.data.user?.id).toBe(userId)
    expect((await client.auth.updateUser({ password: 'recovered-password' })).error).toBeNull()
    expect(
      (await userClient().auth.signInWithPassword({ email, password: 'recovered-password' })).error,
    ).toBeNull()
    // Unknown addresses get the same answer and no mail.
    const unknown = uniqueEmail('nobody')
    expect((await client.auth.resetPasswordForEmail(unknown)).error).toBeNull()
    await expect(latestMail(unknown)).rejects.toThrow(/no mail/)
  })

  it('generate_link returns the link properties without sending mail', async () => {
    const { email, userId } = await signedUpUser('genlink')
    const { data, error } = await adminClient().auth.admin.generateLink({
      type: 'magiclink',
      email,
      options: { redirectTo: REDIRECT },
    })
    expect(error).toBeNull()
    expect(data.user?.id).toBe(userId)
    expect(data.properties).toMatchObject({ verification_type: 'magiclink', redirect_to: REDIRECT })
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/)
    const verified = await userClient().auth.verifyOtp({
      token_hash: data.properties?.hashed_token as string,
      type: 'magiclink',
    })
    expect(verified.data.user?.id).toBe(userId)
  })
})
