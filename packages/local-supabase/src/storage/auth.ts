import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import type { JwtClaims, JwtResult } from '../jwt.ts'
import type { RequestAuth } from '../rest/auth.ts'
import { storageErrors } from './errors.ts'

const ROLES_SQL = `select r.rolname from pg_auth_members m
  join pg_roles r on r.oid = m.roleid
  join pg_roles a on a.oid = m.member
  where a.rolname = 'authenticator'`
const ROLES_TTL_MS = 5_000

/** The roles a token may name: those granted to `authenticator`, re-read every few seconds. */
export function createRoleList(pool: pg.Pool): () => Promise<Set<string>> {
  let cached: { roles: Set<string>; at: number } | null = null
  return async () => {
    if (cached && Date.now() - cached.at < ROLES_TTL_MS) return cached.roles
    const { rows } = await pool.query<{ rolname: string }>(ROLES_SQL)
    cached = { roles: new Set(rows.map((r) => r.rolname)), at: Date.now() }
    return cached.roles
  }
}

/** Who a storage request acts as; `sub` becomes the object's owner. */
export interface StorageAuth extends RequestAuth {
  sub: string | null
}

/** The service role as a request identity: signed uploads and public reads act with it. */
export const SERVICE_AUTH: StorageAuth = {
  role: 'service_role',
  claims: { role: 'service_role' },
  anonymous: false,
  sub: null,
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * Verifies `Authorization: Bearer <jwt>` (else `apikey`), as Storage's JWT hook does: a missing,
 * forged or expired token is `AccessDenied` with the verifier's message.
 */
export async function authenticateStorage(
  req: IncomingMessage,
  verify: (token: string) => Promise<JwtResult>,
  roles: () => Promise<Set<string>>,
): Promise<StorageAuth> {
  const bearer = header(req, 'authorization')
    ?.replace(/^Bearer\s+/i, '')
    .trim()
  const token = bearer || header(req, 'apikey')
  if (!token) throw storageErrors.accessDenied('jwt must be provided')
  const result = await verify(token)
  if (!result.ok) {
    throw storageErrors.accessDenied(
      result.reason === 'expired' ? 'jwt expired' : 'invalid signature',
    )
  }
  const claims: JwtClaims = result.claims
  const role = typeof claims.role === 'string' && claims.role !== '' ? claims.role : 'anon'
  if (!(await roles()).has(role)) {
    throw storageErrors.accessDenied(`role "${role}" does not exist`)
  }
  return {
    role,
    claims: { ...claims, role },
    anonymous: role === 'anon',
    sub: typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : null,
  }
}
