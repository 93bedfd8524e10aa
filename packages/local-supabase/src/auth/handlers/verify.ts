import type { IncomingMessage } from 'node:http'
import { type AuthDeps, type Handler, json, tokenSettings } from '../context.ts'
import { confirmEmailChange, SINGLE_CONFIRMATION_ACCEPTED } from '../email-change.ts'
import { AuthApiError, fail } from '../errors.ts'
import {
  CODE_EXPIRED,
  consumeToken,
  hashFor,
  LINK_EXPIRED,
  VERIFY_TYPES,
} from '../one-time-tokens.ts'
import { issueAuthCode, PKCE_PREFIX } from '../pkce.ts'
import { allowedRedirect, withParams } from '../redirects.ts'
import { type JsonObject, readJsonObject } from '../request.ts'
import { type AuthMethod, startSession } from '../sessions.ts'
import { type Db, inTransaction } from '../transaction.ts'
import { findUserById, insertEmailIdentity, isActive, updateUserColumns } from '../users.ts'
import { optionalString, validEmail } from '../validation.ts'
import { validPhone } from '../phone.ts'

const METHOD: Record<string, AuthMethod> = {
  signup: 'otp',
  email: 'otp',
  magiclink: 'magiclink',
  invite: 'invite',
  recovery: 'recovery',
  email_change: 'otp',
}

/**
 * Consumes the token and applies what it proves: a confirmed address, or (step of) a change of
 * address. 'pending' is the first half of a change that both addresses must confirm.
 */
async function confirmByToken(
  db: Db,
  deps: AuthDeps,
  type: string,
  tokenHash: string,
  expiredMessage = LINK_EXPIRED,
) {
  const token = await consumeToken(db, type, tokenHash, expiredMessage)
  const user = await findUserById(db, token.userId, true)
  if (!user || !isActive(user)) throw fail(403, 'otp_expired', expiredMessage)
  if (
    token.tokenType === 'email_change_token_current' ||
    token.tokenType === 'email_change_token_new'
  ) {
    if (!user.email_change) throw fail(403, 'otp_expired', expiredMessage)
    return confirmEmailChange(db, deps, user)
  }
  if (!user.email_confirmed_at) {
    await updateUserColumns(db, user.id, { email_confirmed_at: new Date() })
  }
  await insertEmailIdentity(db, user.id, token.relatesTo, true)
  return (await findUserById(db, user.id)) as NonNullable<typeof user>
}

const present = (body: JsonObject, key: string) =>
  body[key] !== undefined && body[key] !== null && body[key] !== ''

/**
 * What a POST /verify body names, checked in GoTrue's order: a token hash alone, or a six-digit
 * code with the address (or phone) it was sent to.
 */
function tokenHashOf(body: JsonObject): { hash: string; expired: string; phone: boolean } {
  const token = optionalString(body, 'token') ?? ''
  const rawHash = optionalString(body, 'token_hash') ?? ''
  if ((token === '') === (rawHash === '')) {
    throw fail(400, 'validation_failed', 'Verify requires either a token or a token hash')
  }
  if (token !== '') {
    const hasEmail = present(body, 'email')
    const hasPhone = present(body, 'phone')
    if (hasPhone && !hasEmail) {
      const phone = validPhone(body.phone)
      return { hash: hashFor(phone, token), expired: CODE_EXPIRED, phone: true }
    }
    if (hasEmail && !hasPhone) {
      let email: string
      try {
        email = validEmail(body.email)
      } catch {
        throw fail(422, 'validation_failed', 'Invalid email format')
      }
      return { hash: hashFor(email, token.trim()), expired: CODE_EXPIRED, phone: false }
    }
    throw fail(
      400,
      'validation_failed',
      'Only an email address or phone number should be provided on verify',
    )
  }
  if (present(body, 'email') || present(body, 'phone') || present(body, 'redirect_to')) {
    throw fail(400, 'validation_failed', 'Only the token_hash and type should be provided')
  }
  const hash = rawHash.startsWith(PKCE_PREFIX) ? rawHash.slice(PKCE_PREFIX.length) : rawHash
  return { hash, expired: LINK_EXPIRED, phone: false }
}

/** POST /verify: `{type, token_hash}` or `{type, email, token}`; answers with a session. */
export const verifyPost: Handler = async (req, _url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const type = optionalString(body, 'type') ?? ''
  if (type === '') throw fail(400, 'validation_failed', 'Verify requires a verification type')
  const { hash, expired, phone } = tokenHashOf(body)
  // Phone auth is off, so no phone account holds a code: GoTrue finds no one to verify.
  if (phone) throw fail(403, 'otp_expired', CODE_EXPIRED)
  if (!VERIFY_TYPES.includes(type)) {
    // A code typed for a kind of mail that has none matches nothing; a hash names a wrong kind.
    if (expired === CODE_EXPIRED) throw fail(403, 'otp_expired', CODE_EXPIRED)
    throw fail(400, 'validation_failed', 'Invalid email verification type')
  }
  const settings = tokenSettings(req, deps)
  return inTransaction(deps.ctx.pool, async (db) => {
    const user = await confirmByToken(db, deps, type, hash, expired)
    if (user === 'pending') return json({ msg: SINGLE_CONFIRMATION_ACCEPTED, code: '200' })
    return json(
      await startSession(db, settings, user, METHOD[type] ?? 'otp', req.headers['user-agent']),
    )
  })
}

async function verifyLink(
  req: IncomingMessage,
  url: URL,
  deps: AuthDeps,
  redirectTo: string,
): Promise<string> {
  const type = url.searchParams.get('type') ?? ''
  const raw = url.searchParams.get('token') ?? ''
  if (type === '') throw fail(400, 'validation_failed', 'Verify requires a verification type')
  if (raw === '') throw fail(400, 'validation_failed', 'Verify requires a token or a token hash')
  const pkce = raw.startsWith(PKCE_PREFIX)
  const tokenHash = pkce ? raw.slice(PKCE_PREFIX.length) : raw
  const settings = tokenSettings(req, deps)
  return inTransaction(deps.ctx.pool, async (db) => {
    const user = await confirmByToken(db, deps, type, tokenHash)
    if (user === 'pending') {
      const params = { message: SINGLE_CONFIRMATION_ACCEPTED, sb: '' }
      const target = pkce
        ? withParams(redirectTo, { message: params.message }, 'query')
        : redirectTo
      return withParams(target, params, 'hash')
    }
    if (pkce) {
      const code = await issueAuthCode(db, user.id, type)
      if (!code)
        throw fail(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found')
      return withParams(redirectTo, { code }, 'query')
    }
    const session = await startSession(
      db,
      settings,
      user,
      METHOD[type] ?? 'otp',
      req.headers['user-agent'],
    )
    return withParams(
      redirectTo,
      {
        access_token: session.access_token,
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: session.refresh_token,
        token_type: 'bearer',
        type,
      },
      'hash',
    )
  })
}

/** GET /verify: the link in the e-mail. Redirects with tokens in the fragment, or `?code=` for PKCE. */
export const verifyGet: Handler = async (req, url, deps) => {
  const redirectTo = allowedRedirect(deps.ctx.config, url.searchParams.get('redirect_to'))
  try {
    return { kind: 'redirect', location: await verifyLink(req, url, deps, redirectTo) }
  } catch (error) {
    if (!(error instanceof AuthApiError)) throw error
    const params = {
      error: 'access_denied',
      error_code: error.errorCode,
      error_description: error.message,
    }
    return { kind: 'redirect', location: withParams(redirectTo, params, 'hash') }
  }
}
