import { fail } from '../errors.ts'
import type { JsonObject } from '../request.ts'

/**
 * The grants of providers this stack never enables (it has no OAuth, OIDC or Web3 providers),
 * answered as GoTrue answers them on a project where those providers are off.
 */

/** GoTrue's OAuth-style error: `400 {error, error_description}`, whatever the API version. */
export class OAuthGrantError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description)
  }
}

/** `grant_type=web3`: refused before the body is read when no chain is enabled. */
export function web3Grant(): never {
  throw fail(422, 'web3_provider_disabled', 'Web3 provider is disabled')
}

const APPLE_ISSUERS = ['https://appleid.apple.com', 'https://account.apple.com']

/** Built-in OIDC providers and the issuer GoTrue names when one is off. */
const FIXED_ISSUERS: Record<string, string> = {
  google: 'https://accounts.google.com',
  facebook: 'https://www.facebook.com',
  kakao: 'https://kauth.kakao.com',
  vercel_marketplace: 'https://marketplace.vercel.com',
  snapchat: 'https://accounts.snapchat.com/accounts/oauth2/token',
}

/** The unverified `iss` of a JWT, as GoTrue reads it to tell Apple's and Azure's issuers apart. */
function issuerOf(idToken: string): string | null {
  const parts = idToken.split('.')
  if (parts.length !== 3) return null
  try {
    const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'))
    return typeof payload?.iss === 'string' ? payload.iss : null
  } catch {
    return null
  }
}

const isAzureIssuer = (issuer: string) =>
  issuer.startsWith('https://login.microsoftonline.com/') ||
  issuer.startsWith('https://sts.windows.net/')

const providerDisabled = (issuer: string) =>
  fail(400, 'provider_disabled', `Provider (issuer ${JSON.stringify(issuer)}) is not enabled`)

/** The issuer of a provider that detects it from the token (Apple, Azure), or GoTrue's refusal. */
function detectedIssuer(
  body: JsonObject,
  name: string,
  matches: (issuer: string) => boolean,
): string {
  const requested = typeof body.issuer === 'string' ? body.issuer : ''
  const issuer = issuerOf(String(body.id_token))
  if (issuer === null) {
    throw fail(400, 'validation_failed', `Unable to detect issuer in ID token for ${name} provider`)
  }
  if (!matches(issuer)) {
    throw fail(
      400,
      'validation_failed',
      `Detected ID token issuer is not an ${name} ID token issuer`,
    )
  }
  if (requested !== '' && requested !== issuer) {
    throw fail(400, 'validation_failed', 'Provided issuer does not match ID token issuer')
  }
  return issuer
}

/** `grant_type=id_token` (signInWithIdToken): every provider is off, so GoTrue's refusals. */
export function idTokenGrant(body: JsonObject): never {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '')
  const provider = text('provider')
  const issuer = text('issuer')
  if (text('id_token') === '') throw new OAuthGrantError('invalid request', 'id_token required')
  if (provider === '' && (text('client_id') === '' || issuer === '')) {
    throw new OAuthGrantError('invalid request', 'provider or client_id and issuer required')
  }
  if (provider === 'apple' || APPLE_ISSUERS.includes(issuer)) {
    throw providerDisabled(detectedIssuer(body, 'Apple', (i) => APPLE_ISSUERS.includes(i)))
  }
  const fixed = Object.entries(FIXED_ISSUERS).find(
    ([name, iss]) => provider === name || issuer === iss,
  )
  if (fixed && fixed[0] === 'google') throw providerDisabled(fixed[1])
  if (provider === 'azure' || isAzureIssuer(issuer)) {
    throw providerDisabled(detectedIssuer(body, 'Azure', isAzureIssuer))
  }
  if (fixed && fixed[0] === 'facebook') throw providerDisabled(fixed[1])
  // Keycloak's issuer is its configured URL, and this stack configures none.
  if (provider === 'keycloak') throw providerDisabled('')
  if (fixed) throw providerDisabled(fixed[1])
  if (provider.startsWith('custom:')) {
    throw fail(400, 'validation_failed', 'Custom OAuth providers are disabled')
  }
  throw fail(
    400,
    'validation_failed',
    `Custom OIDC provider ${JSON.stringify(provider)} not allowed`,
  )
}
