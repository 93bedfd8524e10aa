import type { IncomingMessage } from 'node:http'
import { spend } from '../auth-limits.ts'
import { rateLimitKey } from '../client-address.ts'
import type { AuthDeps } from '../context.ts'
import { type Handler, json, tokenSettings } from '../context.ts'
import { fail } from '../errors.ts'
import { passwordMatches } from '../passwords.ts'
import { redeemAuthCode } from '../pkce.ts'
import { type JsonObject, readJsonObject } from '../request.ts'
import { refreshSession, startSession } from '../sessions.ts'
import { inTransaction, withConnection } from '../transaction.ts'
import { findUserByEmail, findUserById, isActive } from '../users.ts'
import { emailLoginsDisabled } from '../provider-switches.ts'
import { validEmail } from '../validation.ts'
import { idTokenGrant, OAuthGrantError, web3Grant } from './external-grants.ts'

const invalidCredentials = () => fail(400, 'invalid_credentials', 'Invalid login credentials')

async function passwordGrant(req: IncomingMessage, body: JsonObject, deps: AuthDeps) {
  if (body.phone !== undefined && body.phone !== null && body.phone !== '') {
    throw fail(400, 'phone_provider_disabled', 'Phone logins are disabled')
  }
  if (!deps.ctx.config.auth.emailEnabled) throw emailLoginsDisabled(422)
  const email = validEmail(body.email)
  if (typeof body.password !== 'string' || body.password === '') {
    throw fail(400, 'validation_failed', 'A password is required')
  }
  const password = body.password
  // Reserved before anything is awaited: concurrent guesses cannot outrun the limit. Counted per
  // account *and* address, so guesses from one address never lock the owner out elsewhere.
  const attemptKey = `${email}|${rateLimitKey(deps.addressOf(req))}`
  spend(
    deps.limits.passwordFailures,
    attemptKey,
    'Too many failed sign-in attempts for this account from this address, please try again later',
  )
  const settings = tokenSettings(req, deps)
  // Look up, then compare outside any transaction: bcrypt is slow and should not hold a connection.
  const found = await withConnection(deps, (db) => findUserByEmail(db, email))
  const usable = found !== null && found.deleted_at === null
  const ok = await passwordMatches(password, usable ? found.encrypted_password : null)
  if (!found || !ok) throw invalidCredentials()
  // A right password is no failed attempt.
  deps.limits.passwordFailures.giveBack(attemptKey)
  return inTransaction(deps.ctx.pool, async (db) => {
    // Re-read under lock: the user may have been banned or changed meanwhile.
    const user = await findUserById(db, found.id, true)
    if (!user || user.deleted_at || user.encrypted_password !== found.encrypted_password) {
      throw invalidCredentials()
    }
    if (!isActive(user)) throw fail(400, 'user_banned', 'User is banned')
    if (!user.email_confirmed_at) throw fail(400, 'email_not_confirmed', 'Email not confirmed')
    return startSession(db, settings, user, 'password', req.headers['user-agent'])
  })
}

async function refreshGrant(req: IncomingMessage, body: JsonObject, deps: AuthDeps) {
  const token = body.refresh_token
  if (typeof token !== 'string' || token === '') {
    throw fail(400, 'validation_failed', 'refresh_token is required')
  }
  const settings = tokenSettings(req, deps)
  const { auth } = deps.ctx.config
  const policy = {
    reuseIntervalSeconds: auth.refreshTokenReuseInterval,
    rotation: auth.refreshTokenRotation,
  }
  return inTransaction(deps.ctx.pool, (db) => refreshSession(db, settings, token, policy))
}

async function pkceGrant(req: IncomingMessage, body: JsonObject, deps: AuthDeps) {
  const { auth_code: authCode, code_verifier: verifier } = body
  if (
    typeof authCode !== 'string' ||
    authCode === '' ||
    typeof verifier !== 'string' ||
    verifier === ''
  ) {
    throw fail(
      400,
      'validation_failed',
      'invalid request: both auth code and code verifier should be non-empty',
    )
  }
  const settings = tokenSettings(req, deps)
  return inTransaction(deps.ctx.pool, async (db) => {
    const flow = await redeemAuthCode(db, authCode, verifier)
    const user = await findUserById(db, flow.userId)
    if (!user) throw fail(404, 'user_not_found', 'User not found')
    return startSession(db, settings, user, 'pkce', req.headers['user-agent'])
  })
}

const GRANTS = {
  password: passwordGrant,
  refresh_token: refreshGrant,
  pkce: pkceGrant,
  id_token: async (_req: IncomingMessage, body: JsonObject) => idTokenGrant(body),
} as const

/** POST /token?grant_type=password|refresh_token|pkce (id_token and web3: providers are off). */
export const token: Handler = async (req, url, deps) => {
  const grantType = url.searchParams.get('grant_type') ?? ''
  if (grantType === 'web3') {
    req.resume()
    web3Grant()
  }
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType as keyof typeof GRANTS] : null
  if (!grant) {
    req.resume()
    throw fail(400, 'unsupported_grant_type', 'unsupported_grant_type')
  }
  // One bucket per address for every grant, as GoTrue's token limiter.
  spend(deps.limits.token, rateLimitKey(deps.addressOf(req)))
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  try {
    return json(await grant(req, body, deps))
  } catch (error) {
    if (error instanceof OAuthGrantError) {
      return json({ error: error.error, error_description: error.description }, 400)
    }
    throw error
  }
}
