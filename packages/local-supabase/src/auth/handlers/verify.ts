import type { IncomingMessage } from 'node:http'
import { type AuthDeps, type Handler, json, tokenSettings } from '../context.ts'
import { AuthApiError, fail } from '../errors.ts'
import { consumeToken, hashFor, VERIFY_TYPES } from '../one-time-tokens.ts'
import { issueAuthCode, PKCE_PREFIX } from '../pkce.ts'
import { allowedRedirect, withParams } from '../redirects.ts'
import { readJsonObject } from '../request.ts'
import { type AuthMethod, startSession } from '../sessions.ts'
import { type Db, inTransaction } from '../transaction.ts'
import { findUserById, insertEmailIdentity, isActive, updateUserColumns } from '../users.ts'
import { optionalString, validEmail } from '../validation.ts'

const METHOD: Record<string, AuthMethod> = {
  signup: 'otp',
  email: 'otp',
  magiclink: 'magiclink',
  invite: 'invite',
  recovery: 'recovery',
  email_change: 'otp',
}

/** Consumes the token and applies what it proves: a confirmed address (or a changed one). */
async function confirmByToken(db: Db, type: string, tokenHash: string) {
  const token = await consumeToken(db, type, tokenHash)
  const user = await findUserById(db, token.userId, true)
  if (!user || !isActive(user))
    throw fail(403, 'otp_expired', 'Email link is invalid or has expired')
  if (token.tokenType === 'email_change_token_new') {
    await updateUserColumns(db, user.id, { email: token.relatesTo, email_confirmed_at: new Date() })
  } else if (!user.email_confirmed_at) {
    await updateUserColumns(db, user.id, { email_confirmed_at: new Date() })
  }
  await insertEmailIdentity(db, user.id, token.relatesTo, true)
  return (await findUserById(db, user.id)) as NonNullable<typeof user>
}

/** POST /verify: `{type, token_hash}` or `{type, email, token}`; answers with a session. */
export const verifyPost: Handler = async (req, _url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const type = optionalString(body, 'type')
  if (!type || !VERIFY_TYPES.includes(type)) {
    throw fail(
      400,
      'validation_failed',
      `Verify requires a valid type, one of: ${VERIFY_TYPES.join(', ')}`,
    )
  }
  const rawHash = optionalString(body, 'token_hash')
  let tokenHash: string
  if (rawHash)
    tokenHash = rawHash.startsWith(PKCE_PREFIX) ? rawHash.slice(PKCE_PREFIX.length) : rawHash
  else {
    const email = validEmail(body.email)
    const token = optionalString(body, 'token')
    if (!token)
      throw fail(
        400,
        'validation_failed',
        'Verify requires either a token_hash or an email and token',
      )
    tokenHash = hashFor(email, token.trim())
  }
  const settings = tokenSettings(req, deps)
  const session = await inTransaction(deps.ctx.pool, async (db) => {
    const user = await confirmByToken(db, type, tokenHash)
    return startSession(db, settings, user, METHOD[type] ?? 'otp', req.headers['user-agent'])
  })
  return json(session)
}

async function verifyLink(
  req: IncomingMessage,
  url: URL,
  deps: AuthDeps,
  redirectTo: string,
): Promise<string> {
  const type = url.searchParams.get('type') ?? ''
  const raw = url.searchParams.get('token') ?? ''
  if (!VERIFY_TYPES.includes(type) || raw === '') {
    throw fail(400, 'validation_failed', 'Verify requires a token and a valid type')
  }
  const pkce = raw.startsWith(PKCE_PREFIX)
  const tokenHash = pkce ? raw.slice(PKCE_PREFIX.length) : raw
  const settings = tokenSettings(req, deps)
  return inTransaction(deps.ctx.pool, async (db) => {
    const user = await confirmByToken(db, type, tokenHash)
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
