import type { IncomingMessage } from 'node:http'
import { type AuthDeps, type Handler, json } from '../context.ts'
import { deliver, type PreparedMail, prepareEmailLink } from '../email-links.ts'
import { fail } from '../errors.ts'
import type { MailType } from '../mailbox.ts'
import { hashPassword } from '../passwords.ts'
import { codeChallengeFrom } from '../pkce.ts'
import { type JsonObject, readJsonObject } from '../request.ts'
import { type Db, inTransaction } from '../transaction.ts'
import { userJson } from '../user-json.ts'
import {
  findUserByEmail,
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
) {
  return insertUser(db, {
    email,
    passwordHash,
    userMetadata: data,
    appMetadata: { provider: 'email', providers: ['email'] },
    confirmed: false,
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
  const email = validEmail(body.email)
  const data = optionalObject(body, 'data') ?? {}
  const pkce = codeChallengeFrom(body)
  const mail = await inTransaction(deps.ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true)
    let type: MailType = 'magiclink'
    if (!user) {
      if (!createUser) throw fail(422, 'otp_disabled', 'Signups not allowed for otp')
      user = await newEmailUser(db, email, data)
      type = 'signup'
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

/** POST /admin/generate_link: the link a mail would carry, returned instead of sent. */
export const generateLink: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const type = optionalString(body, 'type') ?? ''
  if (!LINK_TYPES.has(type)) {
    throw fail(400, 'validation_failed', 'type must be one of signup, invite, magiclink, recovery')
  }
  const email = validEmail(body.email)
  const data = optionalObject(body, 'data') ?? {}
  const password = type === 'signup' ? validPassword(body.password) : undefined
  const passwordHash = password === undefined ? null : await hashPassword(password)
  const { mail, loaded } = await inTransaction(deps.ctx.pool, async (db) => {
    let user = await findUserByEmail(db, email, true)
    if (type === 'invite') user = await inviteUser(db, email, data)
    else if (type === 'signup') {
      if (user)
        throw fail(
          422,
          'email_exists',
          'A user with this email address has already been registered',
        )
      user = await newEmailUser(db, email, data, false, passwordHash)
    } else if (!user) {
      if (type === 'recovery') throw fail(404, 'user_not_found', 'User with this email not found')
      user = await newEmailUser(db, email, data)
    }
    const prepared: PreparedMail = await prepareEmailLink(db, req, deps, {
      userId: user.id,
      email,
      type: type as MailType,
      redirectTo: redirectOf(url, body),
      data: user.raw_user_meta_data,
    })
    return { mail: prepared, loaded: await loadUser(db, user.id) }
  })
  return json({
    ...userJson(loaded as NonNullable<typeof loaded>),
    action_link: mail.link,
    email_otp: mail.token,
    hashed_token: mail.token_hash,
    redirect_to: mail.redirectTo,
    verification_type: mail.verificationType,
  })
}
