import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { type AuthDeps, type Handler, json } from '../context.ts'
import { deliver, type PreparedMail, prepareEmailLink } from '../email-links.ts'
import { fail } from '../errors.ts'
import type { MailType } from '../mailbox.ts'
import { hashPassword } from '../passwords.ts'
import { codeChallengeFrom } from '../pkce.ts'
import { autoconfirms, emailLoginsDisabled, signupsDisabled } from '../provider-switches.ts'
import { type JsonObject, readJsonObject } from '../request.ts'
import { hashFor } from '../one-time-tokens.ts'
import { type Db, inTransaction, withConnection } from '../transaction.ts'
import { userJson } from '../user-json.ts'
import {
  findUserByEmail,
  findUserById,
  insertUser,
  isActive,
  loadUser,
  type UserRow,
  updateUserColumns,
} from '../users.ts'
import {
  optionalBoolean,
  optionalObject,
  optionalString,
  validEmail,
  validPassword,
} from '../validation.ts'
import { requireServiceRole } from './admin-users.ts'

const redirectOf = (url: URL, body: JsonObject) =>
  url.searchParams.get('redirect_to') ?? optionalString(body, 'redirect_to')

function newEmailUser(
  db: Db,
  email: string,
  data: JsonObject,
  invited = false,
  passwordHash: string | null = null,
  confirmed = false,
) {
  return insertUser(db, {
    email,
    passwordHash,
    userMetadata: data,
    appMetadata: { provider: 'email', providers: ['email'] },
    confirmed,
    isAnonymous: false,
    invited,
  })
}

/** Shared by /otp and /magiclink: a magic link (and six-digit code) for a new or known address. */
async function sendMagicLink(
  req: IncomingMessage,
  url: URL,
  deps: AuthDeps,
  body: JsonObject,
  createUser: boolean,
) {
  const { auth } = deps.ctx.config
  if (!auth.emailEnabled) throw emailLoginsDisabled()
  const email = validEmail(body.email)
  const data = optionalObject(body, 'data') ?? {}
  const pkce = codeChallengeFrom(body)
  const mail = await inTransaction(deps.ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true)
    let type: MailType = 'magiclink'
    if (!user) {
      if (!createUser) throw fail(422, 'otp_disabled', 'Signups not allowed for otp')
      if (!auth.enableSignup) throw signupsDisabled()
      // As GoTrue: with confirmations off the new user is confirmed and gets a magic link; with
      // them on, the sign-up confirmation (which signs in as well).
      const confirmed = autoconfirms(auth)
      user = await newEmailUser(db, email, data, false, null, confirmed)
      if (!confirmed) type = 'signup'
    } else if (!user.email_confirmed_at) {
      type = 'signup'
    }
    if (!isActive(user)) throw fail(400, 'user_banned', 'User is banned')
    return prepareEmailLink(db, req, deps, {
      userId: user.id,
      email,
      type,
      redirectTo: redirectOf(url, body),
      pkce,
      data: user.raw_user_meta_data,
    })
  })
  await deliver(deps, mail)
  return json({})
}

/** POST /otp (e-mail only; phone OTP is not offered locally). */
export const otp: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  if (body.phone !== undefined && body.phone !== null && body.phone !== '') {
    throw fail(400, 'phone_provider_disabled', 'Phone OTPs are disabled')
  }
  return sendMagicLink(req, url, deps, body, optionalBoolean(body, 'create_user') ?? true)
}

/** POST /magiclink (the older endpoint; always creates the user). */
export const magiclink: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  return sendMagicLink(req, url, deps, body, true)
}

/** POST /recover: a password-reset link. Unknown addresses get the same answer (no enumeration). */
export const recover: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  if (!deps.ctx.config.auth.emailEnabled) throw emailLoginsDisabled()
  const email = validEmail(body.email)
  const pkce = codeChallengeFrom(body)
  const mail = await inTransaction(deps.ctx.pool, async (db) => {
    const user = await findUserByEmail(db, email, true)
    if (!user || !isActive(user)) return null
    return prepareEmailLink(db, req, deps, {
      userId: user.id,
      email,
      type: 'recovery',
      redirectTo: redirectOf(url, body),
      pkce,
      data: user.raw_user_meta_data,
    })
  })
  if (mail) await deliver(deps, mail)
  return json({})
}

async function inviteUser(db: Db, email: string, data: JsonObject): Promise<UserRow> {
  const user = await findUserByEmail(db, email, true)
  if (user?.email_confirmed_at)
    throw fail(422, 'email_exists', 'A user with this email address has already been registered')
  if (!user) return newEmailUser(db, email, data, true)
  await updateUserColumns(db, user.id, { invited_at: new Date() })
  return user
}

/** POST /invite (service role): creates the user and mails an invitation link. */
export const invite: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const email = validEmail(body.email)
  const data = optionalObject(body, 'data') ?? {}
  const { mail, loaded } = await inTransaction(deps.ctx.pool, async (db) => {
    const user = await inviteUser(db, email, data)
    const prepared = await prepareEmailLink(db, req, deps, {
      userId: user.id,
      email,
      type: 'invite',
      redirectTo: redirectOf(url, body),
      data: user.raw_user_meta_data ?? data,
    })
    return { mail: prepared, loaded: await loadUser(db, user.id) }
  })
  await deliver(deps, mail)
  return json(userJson(loaded as NonNullable<typeof loaded>))
}

const LINK_TYPES = new Set(['signup', 'invite', 'magiclink', 'recovery'])
const CHANGE_TYPES = new Set(['email_change_current', 'email_change_new'])

const emailExists = () =>
  fail(422, 'email_exists', 'A user with this email address has already been registered')

/** generate_link for `email_change_current` / `email_change_new`, as GoTrue's adminGenerateLink. */
async function changeLink(
  db: Db,
  req: IncomingMessage,
  deps: AuthDeps,
  user: UserRow,
  type: string,
  body: JsonObject,
  redirectTo: string | undefined | null,
): Promise<PreparedMail> {
  if (type === 'email_change_current' && !deps.ctx.config.auth.secureEmailChange) {
    throw fail(
      400,
      'validation_failed',
      'Enable secure email change to generate link for current email',
    )
  }
  const newEmail = validEmail(body.new_email)
  const other = await findUserByEmail(db, newEmail)
  if (other && other.id !== user.id) throw emailExists()
  const current = user.email as string
  await updateUserColumns(db, user.id, { email_change: newEmail, email_change_confirm_status: 0 })
  const forCurrent = type === 'email_change_current'
  return prepareEmailLink(db, req, deps, {
    userId: user.id,
    email: forCurrent ? current : newEmail,
    type: 'email_change',
    tokenType: forCurrent ? 'email_change_token_current' : 'email_change_token_new',
    change: { from: current, to: newEmail },
    redirectTo,
    data: user.raw_user_meta_data,
  })
}

/** POST /admin/generate_link: the link a mail would carry, returned instead of sent. */
export const generateLink: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const requested = optionalString(body, 'type') ?? ''
  const email = validEmail(body.email)
  if (!LINK_TYPES.has(requested) && !CHANGE_TYPES.has(requested)) {
    throw fail(400, 'validation_failed', `Invalid email action link type requested: ${requested}`)
  }
  const data = optionalObject(body, 'data') ?? {}
  const redirectTo = redirectOf(url, body)
  const outcome = await inTransaction(deps.ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true)
    let type = requested
    if (!user && (type === 'recovery' || CHANGE_TYPES.has(type))) {
      throw fail(404, 'user_not_found', 'User with this email not found')
    }
    // GoTrue signs an unknown address up instead of sending it a magic link.
    if (!user && type === 'magiclink') type = 'signup'
    if (CHANGE_TYPES.has(type)) {
      const mail = await changeLink(db, req, deps, user as UserRow, type, body, redirectTo)
      return { mail, type, userId: (user as UserRow).id }
    }
    if (type === 'invite') user = await inviteUser(db, email, data)
    else if (type === 'signup' && user) {
      if (user.email_confirmed_at) throw emailExists()
      await updateUserColumns(db, user.id, {
        raw_user_meta_data: { ...(user.raw_user_meta_data ?? {}), ...data },
      })
    } else if (type === 'signup') {
      const password =
        requested === 'signup' ? signupPassword(body.password) : randomBytes(32).toString('hex')
      user = await newEmailUser(db, email, data, false, await hashPassword(password))
    }
    const active = user as UserRow
    const mail = await prepareEmailLink(db, req, deps, {
      userId: active.id,
      email,
      type: type as MailType,
      redirectTo,
      data: (await findUserById(db, active.id))?.raw_user_meta_data,
    })
    return { mail, type, userId: active.id }
  })
  const loaded = await withConnection(deps, (db) => loadUser(db, outcome.userId))
  return json({
    ...userJson(loaded as NonNullable<typeof loaded>),
    action_link: outcome.mail.link,
    email_otp: outcome.mail.token,
    // GoTrue hashes the OTP with `email` even for a new address's link, whose own hash differs.
    hashed_token: hashFor(email, outcome.mail.token),
    redirect_to: outcome.mail.redirectTo,
    verification_type: outcome.type,
  })
}

/** generate_link's sign-up password: required, as for POST /signup. */
function signupPassword(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    throw fail(400, 'validation_failed', 'Signup requires a valid password')
  }
  return validPassword(value)
}
