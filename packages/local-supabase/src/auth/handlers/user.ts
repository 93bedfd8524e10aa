import type { IncomingMessage } from 'node:http'
import { type AuthDeps, type Handler, json } from '../context.ts'
import { startEmailChange } from '../email-change.ts'
import { deliver, type PreparedMail } from '../email-links.ts'
import { fail } from '../errors.ts'
import { codeChallengeFrom } from '../pkce.ts'
import { autoconfirms } from '../provider-switches.ts'
import { hashPassword, passwordMatches } from '../passwords.ts'
import { readJsonObject, requireCaller, requireUserClaims } from '../request.ts'
import { sessionExists } from '../sessions.ts'
import { type Db, inTransaction } from '../transaction.ts'
import { userJson } from '../user-json.ts'
import {
  findUserByEmail,
  findUserById,
  identitiesOf,
  insertEmailIdentity,
  isActive,
  updateUserColumns,
} from '../users.ts'
import { optionalObject, optionalString, validEmail, validPassword } from '../validation.ts'

/**
 * The signed-in user behind a request: a valid access token whose session still exists
 * (signing out ends the session, so its access tokens stop working here at once).
 */
export async function currentUser(db: Db, req: IncomingMessage, deps: AuthDeps, lock = false) {
  const claims = requireUserClaims(await requireCaller(req, deps.ctx.jwt))
  if (claims.session_id && !(await sessionExists(db, claims.session_id))) {
    throw fail(403, 'session_not_found', 'Session from session_id claim in JWT does not exist')
  }
  const user = await findUserById(db, claims.sub, lock)
  if (!user || user.deleted_at)
    throw fail(403, 'user_not_found', 'User from sub claim in JWT does not exist')
  if (!isActive(user)) throw fail(403, 'user_banned', 'User is banned')
  return { user, claims }
}

/** GET /user */
export const getUser: Handler = async (req, _url, deps) => {
  const db = await deps.ctx.pool.connect()
  try {
    const { user } = await currentUser(db, req, deps)
    return json(userJson({ user, identities: await identitiesOf(db, user.id) }))
  } finally {
    db.release()
  }
}

/** PUT /user: e-mail, password and `data` (merged into user_metadata). */
export const updateUser: Handler = async (req, url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const data = optionalObject(body, 'data')
  const email = body.email === undefined || body.email === null ? undefined : validEmail(body.email)
  const password =
    body.password === undefined || body.password === null ? undefined : validPassword(body.password)
  if (body.phone !== undefined && body.phone !== null && body.phone !== '') {
    throw fail(400, 'phone_provider_disabled', 'Phone updates are disabled')
  }
  const passwordHash = password === undefined ? undefined : await hashPassword(password)
  let mails: PreparedMail[] = []
  const reply = await inTransaction(deps.ctx.pool, async (db) => {
    const { user } = await currentUser(db, req, deps, true)
    if (password !== undefined && (await passwordMatches(password, user.encrypted_password))) {
      throw fail(422, 'same_password', 'New password should be different from the old password.')
    }
    const emailChanges = email !== undefined && email !== user.email
    if (emailChanges) {
      const other = await findUserByEmail(db, email)
      if (other && other.id !== user.id)
        throw fail(
          422,
          'email_exists',
          'A user with this email address has already been registered',
        )
    }
    // With confirmations off (GoTrue's autoconfirm) a new address takes effect at once; with them
    // on, it waits for the link(s) mailed by startEmailChange.
    const confirmsNow = autoconfirms(deps.ctx.config.auth)
    const switchesNow = emailChanges && confirmsNow
    const upgradesAnonymous = user.is_anonymous && switchesNow
    if (emailChanges && !confirmsNow) {
      const redirectTo = url.searchParams.get('redirect_to') ?? optionalString(body, 'redirect_to')
      mails = await startEmailChange(
        db,
        req,
        deps,
        user,
        email,
        redirectTo,
        codeChallengeFrom(body),
      )
    }
    await updateUserColumns(db, user.id, {
      email: switchesNow ? email : undefined,
      email_confirmed_at: switchesNow ? new Date() : undefined,
      encrypted_password: passwordHash,
      raw_user_meta_data: data ? { ...(user.raw_user_meta_data ?? {}), ...data } : undefined,
      is_anonymous: upgradesAnonymous ? false : undefined,
      raw_app_meta_data: upgradesAnonymous
        ? { provider: 'email', providers: ['email'] }
        : undefined,
    })
    if (switchesNow) await insertEmailIdentity(db, user.id, email, true)
    const updated = await findUserById(db, user.id)
    if (!updated) throw fail(404, 'user_not_found', 'User not found')
    return json(userJson({ user: updated, identities: await identitiesOf(db, user.id) }))
  })
  for (const mail of mails) deliver(deps, mail)
  return reply
}
