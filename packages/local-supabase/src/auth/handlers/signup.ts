import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { spend } from '../auth-limits.ts'
import { rateLimitKey } from '../client-address.ts'
import { type AuthDeps, type Handler, json, tokenSettings } from '../context.ts'
import { deliver, prepareEmailLink } from '../email-links.ts'
import { fail } from '../errors.ts'
import { hashPassword } from '../passwords.ts'
import { codeChallengeFrom } from '../pkce.ts'
import { anonymousSignInsDisabled, autoconfirms, signupsDisabled } from '../provider-switches.ts'
import { type JsonObject, readJsonObject } from '../request.ts'
import { startSession } from '../sessions.ts'
import { type Db, inTransaction } from '../transaction.ts'
import { userJson } from '../user-json.ts'
import { findUserByEmail, insertUser, loadUser, type UserRow } from '../users.ts'
import { optionalObject, optionalString, validEmail, validPassword } from '../validation.ts'

const present = (value: unknown) => value !== undefined && value !== null && value !== ''

/** Anonymous sign-in: `[auth] enable_anonymous_sign_ins`, then `enable_signup`, as GoTrue checks. */
async function signUpAnonymously(req: IncomingMessage, deps: AuthDeps, data: JsonObject) {
  const { auth } = deps.ctx.config
  if (!auth.enableAnonymousSignIns) throw anonymousSignInsDisabled()
  spend(deps.limits.anonymousSignIns, rateLimitKey(deps.addressOf(req)))
  if (!auth.enableSignup) throw signupsDisabled()
  const settings = tokenSettings(req, deps)
  const session = await inTransaction(deps.ctx.pool, async (db) => {
    const user = await insertUser(db, {
      email: null,
      passwordHash: null,
      userMetadata: data,
      appMetadata: { provider: 'anonymous', providers: ['anonymous'] },
      confirmed: false,
      isAnonymous: true,
    })
    return startSession(db, settings, user, 'anonymous', req.headers['user-agent'])
  })
  return json(session)
}

/**
 * What GoTrue answers, with confirmations on, for an address that is already registered: a
 * made-up unconfirmed user, so the answer does not tell whether the address has an account.
 */
function obfuscatedUser(email: string, data: JsonObject) {
  const now = new Date().toISOString()
  return {
    id: randomUUID(),
    aud: 'authenticated',
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  }
}

/** Sends the sign-up confirmation mail (a PKCE flow when the client sent a code challenge). */
async function sendConfirmation(
  db: Db,
  req: IncomingMessage,
  url: URL,
  deps: AuthDeps,
  user: UserRow,
  body: JsonObject,
) {
  return prepareEmailLink(db, req, deps, {
    userId: user.id,
    email: user.email as string,
    type: 'signup',
    redirectTo: url.searchParams.get('redirect_to') ?? optionalString(body, 'redirect_to'),
    pkce: codeChallengeFrom(body),
    data: user.raw_user_meta_data,
  })
}

/**
 * POST /signup: e-mail + password, or nothing at all for an anonymous user. With
 * `[auth.email] enable_confirmations` off (the CLI's default) the address counts as confirmed and
 * the answer is a session; with it on, a confirmation mail goes out and the answer is the user.
 */
export const signup: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const data = optionalObject(body, 'data') ?? {}
  if (present(body.phone)) {
    throw fail(400, 'phone_provider_disabled', 'Phone signups are disabled')
  }
  if (!present(body.email) && !present(body.password)) return signUpAnonymously(req, deps, data)

  const { auth } = deps.ctx.config
  spend(deps.limits.signInSignUps, rateLimitKey(deps.addressOf(req)))
  if (!auth.enableSignup) throw signupsDisabled()
  if (!present(body.password)) {
    throw fail(400, 'validation_failed', 'Signup requires a valid password')
  }
  const password = validPassword(body.password)
  if (!auth.emailEnabled) throw fail(400, 'email_provider_disabled', 'Email signups are disabled')
  const email = validEmail(body.email)
  const passwordHash = await hashPassword(password)
  const confirmed = autoconfirms(auth)
  const settings = tokenSettings(req, deps)

  const outcome = await inTransaction(deps.ctx.pool, async (db) => {
    const existing = await findUserByEmail(db, email, true)
    if (existing?.email_confirmed_at || (existing && confirmed)) {
      // An unconfirmed account is not confirmed by someone else's sign-up (GoTrue would).
      if (confirmed) throw fail(422, 'user_already_exists', 'User already registered')
      return { kind: 'hidden' as const }
    }
    const user =
      existing ??
      (await insertUser(db, {
        email,
        passwordHash,
        userMetadata: data,
        appMetadata: { provider: 'email', providers: ['email'] },
        confirmed,
        isAnonymous: false,
      }))
    if (confirmed) {
      return {
        kind: 'session' as const,
        session: await startSession(db, settings, user, 'password', req.headers['user-agent']),
      }
    }
    const mail = await sendConfirmation(db, req, url, deps, user, body)
    const loaded = await loadUser(db, user.id)
    return { kind: 'confirm' as const, mail, user: loaded as NonNullable<typeof loaded> }
  }).catch((error: unknown) => {
    // Two sign-ups racing for one address: the unique index decides, the loser gets GoTrue's error.
    if ((error as { code?: string }).code === '23505')
      throw fail(422, 'user_already_exists', 'User already registered')
    throw error
  })

  if (outcome.kind === 'session') return json(outcome.session)
  if (outcome.kind === 'hidden') return json(obfuscatedUser(email, data))
  deliver(deps, outcome.mail)
  const shown = userJson(outcome.user)
  // An invited user's details are not handed to whoever signs up with the address.
  if (outcome.user.user.invited_at) return json({ ...shown, user_metadata: {}, identities: [] })
  return json(shown)
}
