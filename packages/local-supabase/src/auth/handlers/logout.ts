import type { Handler } from '../context.ts'
import { fail } from '../errors.ts'
import { endSessions, type LogoutScope } from '../sessions.ts'
import { inTransaction } from '../transaction.ts'
import { currentUser } from './user.ts'

const SCOPES = new Set<LogoutScope>(['global', 'local', 'others'])

/** POST /logout?scope=global|local|others: ends sessions, which revokes their refresh tokens. */
export const logout: Handler = async (req, url, deps) => {
  req.resume()
  const scope = (url.searchParams.get('scope') ?? 'global') as LogoutScope
  if (!SCOPES.has(scope))
    throw fail(400, 'validation_failed', 'scope must be one of global, local, others')
  await inTransaction(deps.ctx.pool, async (db) => {
    const { user, claims } = await currentUser(db, req, deps)
    await endSessions(db, user.id, claims.session_id, scope)
  })
  return { kind: 'json', status: 204, body: undefined }
}
