import { describe, expect, it } from 'vitest'
import { jsonHeaders, rawAuth, userClient } from './auth-helpers.ts'

/** An unsigned JWT-shaped token naming `iss`: enough for GoTrue to tell which issuer it is. */
const tokenFrom = (iss: string) =>
  ['{"alg":"RS256"}', JSON.stringify({ iss, sub: '1', aud: 'x' }), 'sig']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.')

const token = (grant: string, body: Record<string, unknown>) =>
  rawAuth(`/token?grant_type=${grant}`, { headers: jsonHeaders, body: JSON.stringify(body) })

describe('providers this stack does not offer answer as GoTrue with them off', () => {
  it('signInWithIdToken: provider_disabled naming the issuer', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ provider: 'google', token: 'x' }, 'https://accounts.google.com'],
      [{ provider: 'facebook', token: 'x' }, 'https://www.facebook.com'],
      [
        { provider: 'apple', token: tokenFrom('https://appleid.apple.com') },
        'https://appleid.apple.com',
      ],
      [
        { provider: 'azure', token: tokenFrom('https://login.microsoftonline.com/t/v2.0') },
        'https://login.microsoftonline.com/t/v2.0',
      ],
      [{ provider: 'keycloak', token: 'x' }, ''],
    ]
    for (const [credentials, issuer] of cases) {
      const { data, error } = await userClient().auth.signInWithIdToken(credentials as never)
      expect(data.session).toBeNull()
      expect([error?.status, error?.code, error?.message]).toEqual([
        400,
        'provider_disabled',
        `Provider (issuer "${issuer}") is not enabled`,
      ])
    }
  })

  it('signInWithIdToken: the checks GoTrue makes before the provider', async () => {
    const apple = await userClient().auth.signInWithIdToken({ provider: 'apple', token: 'garbage' })
    expect([apple.error?.code, apple.error?.message]).toEqual([
      'validation_failed',
      'Unable to detect issuer in ID token for Apple provider',
    ])
    const notApple = await userClient().auth.signInWithIdToken({
      provider: 'apple',
      token: tokenFrom('https://accounts.google.com'),
    })
    expect(notApple.error?.message).toBe('Detected ID token issuer is not an Apple ID token issuer')
    const custom = await userClient().auth.signInWithIdToken({ provider: 'acme', token: 'x' })
    expect([custom.error?.status, custom.error?.code, custom.error?.message]).toEqual([
      400,
      'validation_failed',
      'Custom OIDC provider "acme" not allowed',
    ])
    // OAuth-style errors, whatever API version the client announces.
    const missing = await token('id_token', { provider: 'google' })
    expect([missing.status, missing.body]).toEqual([
      400,
      { error: 'invalid request', error_description: 'id_token required' },
    ])
    const unnamed = await token('id_token', { id_token: 'x' })
    expect(unnamed.body).toEqual({
      error: 'invalid request',
      error_description: 'provider or client_id and issuer required',
    })
    const viaClient = await userClient().auth.signInWithIdToken({ provider: 'google', token: '' })
    expect([viaClient.error?.status, viaClient.error?.message]).toEqual([400, 'id_token required'])
  })

  it('web3 grant: web3_provider_disabled, not unsupported_grant_type', async () => {
    const res = await token('web3', { chain: 'ethereum', message: 'm', signature: 's' })
    expect([res.status, res.body]).toEqual([
      422,
      { code: 'web3_provider_disabled', message: 'Web3 provider is disabled' },
    ])
    const old = await rawAuth('/token?grant_type=web3', { body: '{}' })
    expect(old.body).toEqual({
      code: 422,
      error_code: 'web3_provider_disabled',
      msg: 'Web3 provider is disabled',
    })
  })

  it('verifyOtp with a phone: no phone account can hold a code', async () => {
    const sms = await userClient().auth.verifyOtp({
      phone: '+1 555 123 4567',
      token: '123456',
      type: 'sms',
    })
    expect([sms.error?.status, sms.error?.code, sms.error?.message]).toEqual([
      403,
      'otp_expired',
      'Token has expired or is invalid',
    ])
    const change = await userClient().auth.verifyOtp({
      phone: '+15551234567',
      token: '123456',
      type: 'phone_change',
    })
    expect(change.error?.code).toBe('otp_expired')
    const malformed = await userClient().auth.verifyOtp({
      phone: 'call me',
      token: '1',
      type: 'sms',
    })
    expect([malformed.error?.status, malformed.error?.code, malformed.error?.message]).toEqual([
      400,
      'validation_failed',
      'Invalid phone number format (E.164 required)',
    ])
  })

  it("POST /verify checks its fields in GoTrue's order and words", async () => {
    const verify = (body: Record<string, unknown>) =>
      rawAuth('/verify', { headers: jsonHeaders, body: JSON.stringify(body) })
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ token_hash: 'h' }, 400, 'validation_failed', 'Verify requires a verification type'],
      [
        { type: 'email' },
        400,
        'validation_failed',
        'Verify requires either a token or a token hash',
      ],
      [
        { type: 'email', token: '1', token_hash: 'h' },
        400,
        'validation_failed',
        'Verify requires either a token or a token hash',
      ],
      [
        { type: 'email', token: '1' },
        400,
        'validation_failed',
        'Only an email address or phone number should be provided on verify',
      ],
      [
        { type: 'email', token_hash: 'h', email: 'a@example.com' },
        400,
        'validation_failed',
        'Only the token_hash and type should be provided',
      ],
      [
        { type: 'sms', token_hash: 'h' },
        400,
        'validation_failed',
        'Invalid email verification type',
      ],
      [
        { type: 'email', token_hash: 'h' },
        403,
        'otp_expired',
        'Email link is invalid or has expired',
      ],
      [
        { type: 'email', token: '123456', email: 'nobody@example.com' },
        403,
        'otp_expired',
        'Token has expired or is invalid',
      ],
      [
        { type: 'email', token: '1', email: 'nope' },
        422,
        'validation_failed',
        'Invalid email format',
      ],
    ]
    for (const [body, status, code, message] of cases) {
      const res = await verify(body)
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
})
