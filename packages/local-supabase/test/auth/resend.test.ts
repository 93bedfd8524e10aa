import { describe, expect, it } from 'vitest'
import { uniqueEmail } from '../helpers.ts'
import {
  adminClient,
  jsonHeaders,
  mailsTo,
  PASSWORD,
  rawAuth,
  signedUpUser,
  userClient,
} from './auth-helpers.ts'

const resend = (body: Record<string, unknown>) =>
  rawAuth('/resend', { headers: jsonHeaders, body: JSON.stringify(body) })

/** A user who signed up but never confirmed (confirmations are off here, so made by the admin). */
async function unconfirmedUser(prefix: string) {
  const email = uniqueEmail(prefix)
  const { data, error } = await adminClient().auth.admin.createUser({ email, password: PASSWORD })
  expect(error).toBeNull()
  return { email, id: data.user?.id as string }
}

describe('POST /resend (GoTrue Resend)', () => {
  it("refuses requests that do not say what to resend, in GoTrue's words", async () => {
    const email = uniqueEmail('resend-bad')
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [
        { type: 'invite', email },
        400,
        'validation_failed',
        'Missing one of these types: signup, email_change, sms, phone_change',
      ],
      [{ type: 'signup' }, 400, 'validation_failed', 'Type provided requires an email address'],
      [{ type: 'sms' }, 400, 'validation_failed', 'Type provided requires a phone number'],
      [
        { type: 'email_change', email, phone: '+15551234567' },
        400,
        'validation_failed',
        'Only an email address or phone number should be provided.',
      ],
      [{ type: 'email_change' }, 400, 'validation_failed', 'Missing email address or phone number'],
      [
        { type: 'signup', email: 'not-an-address' },
        400,
        'validation_failed',
        'Unable to validate email address: invalid format',
      ],
    ]
    for (const [body, status, code, message] of cases) {
      const res = await resend(body)
      expect({
        body,
        status: res.status,
        code: res.body?.code,
        message: res.body?.message,
      }).toEqual({
        body,
        status,
        code,
        message,
      })
    }
  })

  it('answers the phone types as a project with phone logins off (auth-js resend)', async () => {
    for (const type of ['sms', 'phone_change'] as const) {
      const { error } = await userClient().auth.resend({ type, phone: '+15551234567' })
      expect(error?.status).toBe(400)
      expect(error?.code).toBe('phone_provider_disabled')
      expect(error?.message).toBe('Phone logins are disabled')
    }
  })

  it('sends the confirmation again to an unconfirmed address, and it confirms', async () => {
    const { email } = await unconfirmedUser('resend-signup')
    const { data, error } = await userClient().auth.resend({ type: 'signup', email })
    expect(error).toBeNull()
    expect(data).toEqual({ user: null, session: null })
    const mails = await mailsTo(email)
    expect(mails.map((m) => m.type)).toEqual(['signup'])
    const verified = await userClient().auth.verifyOtp({
      type: 'signup',
      token_hash: mails[0]?.token_hash as string,
    })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.email_confirmed_at).toEqual(expect.any(String))
  })

  it('tells nothing about unknown or confirmed addresses, and mails them nothing', async () => {
    const { email: confirmed } = await signedUpUser('resend-confirmed')
    const unknown = uniqueEmail('resend-unknown')
    for (const email of [confirmed, unknown]) {
      const res = await resend({ type: 'signup', email })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({})
      expect(await mailsTo(email)).toEqual([])
    }
    // No e-mail change pending: nothing to resend either.
    expect((await resend({ type: 'email_change', email: confirmed })).body).toEqual({})
    expect(await mailsTo(confirmed)).toEqual([])
  })

  it('resends a pending e-mail change to both addresses (double_confirm_changes)', async () => {
    const { email, client } = await signedUpUser('resend-change')
    const newEmail = uniqueEmail('resend-change-new')
    const link = await adminClient().auth.admin.generateLink({
      type: 'email_change_new',
      email,
      newEmail,
    })
    expect(link.error).toBeNull()

    const { error } = await userClient().auth.resend({ type: 'email_change', email })
    expect(error).toBeNull()
    const toCurrent = await mailsTo(email)
    const toNew = await mailsTo(newEmail)
    expect(toCurrent.map((m) => m.type)).toEqual(['email_change'])
    expect(toNew.map((m) => m.type)).toEqual(['email_change'])
    // The resent links replace the generated one.
    const stale = await userClient().auth.verifyOtp({
      type: 'email_change',
      email: newEmail,
      token: link.data.properties?.email_otp as string,
    })
    expect(stale.error?.code).toBe('otp_expired')

    // Confirmations are off here (GoTrue's autoconfirm), so one confirmation completes the change.
    const verified = await userClient().auth.verifyOtp({
      type: 'email_change',
      token_hash: toNew[0]?.token_hash as string,
    })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.email).toBe(newEmail)
    const { data } = await client.auth.signInWithPassword({ email: newEmail, password: PASSWORD })
    expect(data.user?.email).toBe(newEmail)
  })
})
