import { spend } from '../auth-limits.ts'
import { rateLimitKey } from '../client-address.ts'
import { type Handler, json, tokenSettings } from '../context.ts'
import { fail } from '../errors.ts'
import { hashPassword } from '../passwords.ts'
import { readJsonObject } from '../request.ts'
import { startSession } from '../sessions.ts'
import { inTransaction } from '../transaction.ts'
import { findUserByEmail, insertUser } from '../users.ts'
import { optionalObject, validEmail, validPassword } from '../validation.ts'

/**
 * POST /signup: e-mail + password, or nothing at all for an anonymous user. The local stack
 * auto-confirms (like `supabase start`), so both answer with a session.
 */
export const signup: Handler = async (req, _url, deps) => {
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const data = optionalObject(body, 'data') ?? {}
  if (body.phone !== undefined && body.phone !== null && body.phone !== '') {
    throw fail(400, 'phone_provider_disabled', 'Phone signups are disabled')
  }
  const hasEmail = body.email !== undefined && body.email !== null && body.email !== ''
  const hasPassword = body.password !== undefined && body.password !== null && body.password !== ''
  const settings = tokenSettings(req, deps)
  const userAgent = req.headers['user-agent']
  const address = rateLimitKey(deps.addressOf(req))

  if (!hasEmail && !hasPassword) {
    spend(deps.limits.anonymousSignIns, address)
    const session = await inTransaction(deps.ctx.pool, async (db) => {
      const user = await insertUser(db, {
        email: null,
        passwordHash: null,
        userMetadata: data,
        appMetadata: { provider: 'anonymous', providers: ['anonymous'] },
        confirmed: false,
        isAnonymous: true,
      })
      return startSession(db, settings, user, 'anonymous', userAgent)
    })
    return json(session)
  }

  spend(deps.limits.signInSignUps, address)
  const email = validEmail(body.email)
  if (!hasPassword) throw fail(400, 'validation_failed', 'Signup requires a valid password')
  const password = validPassword(body.password)
  const passwordHash = await hashPassword(password)
  const session = await inTransaction(deps.ctx.pool, async (db) => {
    if (await findUserByEmail(db, email, true))
      throw fail(422, 'user_already_exists', 'User already registered')
    const user = await insertUser(db, {
      email,
      passwordHash,
      userMetadata: data,
      appMetadata: { provider: 'email', providers: ['email'] },
      confirmed: true,
      isAnonymous: false,
    })
    return startSession(db, settings, user, 'password', userAgent)
  }).catch((error: unknown) => {
    // Two sign-ups racing for one address: the unique index decides, the loser gets GoTrue's error.
    if ((error as { code?: string }).code === '23505')
      throw fail(422, 'user_already_exists', 'User already registered')
    throw error
  })
  return json(session)
}
