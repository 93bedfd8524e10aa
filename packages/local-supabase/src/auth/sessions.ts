import { randomBytes, randomUUID } from 'node:crypto'
import type { JwtClaims, JwtTools } from '../jwt.ts'
import { AuthApiError, fail } from './errors.ts'
import type { Db } from './transaction.ts'
import { userJson } from './user-json.ts'
import { findUserById, identitiesOf, isActive, type UserRow } from './users.ts'

export type AuthMethod =
  | 'password'
  | 'otp'
  | 'magiclink'
  | 'invite'
  | 'recovery'
  | 'anonymous'
  | 'email/signup'
  | 'pkce'

export interface TokenSettings {
  jwt: JwtTools
  /** Access-token lifetime in seconds. */
  expiresIn: number
  /** `iss` claim: `<API_URL>/auth/v1`. */
  issuer: string
}

function newRefreshToken(): string {
  return randomBytes(16).toString('base64url')
}

async function signAccessToken(
  settings: TokenSettings,
  user: UserRow,
  sessionId: string,
  amr: Array<{ method: string; timestamp: number }>,
): Promise<string> {
  const claims: JwtClaims = {
    iss: settings.issuer,
    sub: user.id,
    aud: user.aud ?? 'authenticated',
    role: user.role ?? 'authenticated',
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    aal: 'aal1',
    amr,
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  }
  return settings.jwt.sign(claims, settings.expiresIn)
}

async function amrOf(db: Db, sessionId: string) {
  const { rows } = await db.query<{ authentication_method: string; created_at: Date }>(
    'select authentication_method, created_at from auth.mfa_amr_claims where session_id = $1 order by created_at',
    [sessionId],
  )
  return rows.map((r) => ({
    method: r.authentication_method,
    timestamp: Math.floor(r.created_at.getTime() / 1000),
  }))
}

/** GoTrue's session JSON: what every sign-in, refresh, verify and exchange returns. */
async function sessionJson(
  db: Db,
  settings: TokenSettings,
  userId: string,
  sessionId: string,
  refreshToken: string,
) {
  const user = (await findUserById(db, userId)) as UserRow
  const accessToken = await signAccessToken(settings, user, sessionId, await amrOf(db, sessionId))
  const now = Math.floor(Date.now() / 1000)
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: settings.expiresIn,
    expires_at: now + settings.expiresIn,
    refresh_token: refreshToken,
    user: userJson({ user, identities: await identitiesOf(db, userId) }),
  }
}

export type SessionJson = Awaited<ReturnType<typeof sessionJson>>

/** Starts a new session for a user who just proved who they are. */
export async function startSession(
  db: Db,
  settings: TokenSettings,
  user: UserRow,
  method: AuthMethod,
  userAgent?: string,
): Promise<SessionJson> {
  if (!isActive(user)) throw fail(400, 'user_banned', 'User is banned')
  const sessionId = randomUUID()
  await db.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent)
     values ($1, $2, now(), now(), 'aal1', $3)`,
    [sessionId, user.id, userAgent ?? null],
  )
  await db.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
     values ($1, now(), now(), $2, $3)`,
    [sessionId, method, randomUUID()],
  )
  const token = newRefreshToken()
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), null, $3)`,
    [token, user.id, sessionId],
  )
  await db.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id])
  await db.query(
    `update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = 'email'`,
    [user.id],
  )
  return sessionJson(db, settings, user.id, sessionId, token)
}

/** `[auth]` refresh-token settings (GoTrue's SECURITY_REFRESH_TOKEN_*). */
export interface RefreshPolicy {
  /** Seconds a revoked token may still be exchanged (`refresh_token_reuse_interval`). */
  reuseIntervalSeconds: number
  /** `enable_refresh_token_rotation`: a replay outside the interval ends the whole session. */
  rotation: boolean
}

const alreadyUsed = () =>
  new AuthApiError(
    400,
    'refresh_token_already_used',
    'Invalid Refresh Token: Already Used',
    {},
    true,
  )

/**
 * A revoked token presented again, decided as GoTrue decides it: the direct parent of the
 * session's active token gets that active token back (the client lost the answer of its last
 * refresh); any other revoked token is exchanged only within the reuse interval after its
 * revocation (concurrent refreshes); outside it the token counts as stolen, and with rotation on
 * every token of the session is revoked.
 */
async function reuseRevoked(
  db: Db,
  presented: { id: string; session_id: string },
  token: string,
  policy: RefreshPolicy,
): Promise<string | null> {
  const active = await db.query<{ token: string; parent: string | null }>(
    `select token, parent from auth.refresh_tokens
      where session_id = $1 and revoked = false order by id desc limit 1`,
    [presented.session_id],
  )
  if (active.rows[0]?.parent === token) return active.rows[0].token
  const { rows } = await db.query<{ within: boolean }>(
    `select updated_at + make_interval(secs => $2) > now() as within
       from auth.refresh_tokens where id = $1`,
    [presented.id, policy.reuseIntervalSeconds],
  )
  if (rows[0]?.within) return null
  if (policy.rotation) {
    await db.query(
      'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false',
      [presented.session_id],
    )
  }
  throw alreadyUsed()
}

/**
 * Refresh-token rotation: the presented token is revoked and a child issued. A revoked token is
 * answered as `reuseRevoked` decides.
 */
export async function refreshSession(
  db: Db,
  settings: TokenSettings,
  presented: string,
  policy: RefreshPolicy,
): Promise<SessionJson> {
  const { rows } = await db.query<{
    id: string
    user_id: string
    revoked: boolean
    session_id: string | null
  }>(
    'select id, user_id, revoked, session_id from auth.refresh_tokens where token = $1 for update',
    [presented],
  )
  const row = rows[0]
  if (!row?.session_id)
    throw fail(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  // Serialises refreshes of one session, so two racing requests see each other's rotation.
  await db.query('select id from auth.sessions where id = $1 for update', [row.session_id])
  const user = await findUserById(db, row.user_id)
  if (!user)
    throw fail(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  if (!isActive(user)) throw fail(400, 'user_banned', 'User is banned')
  let token = row.revoked
    ? await reuseRevoked(db, { id: row.id, session_id: row.session_id }, presented, policy)
    : null
  if (token === null) {
    await db.query(
      'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1 and revoked = false',
      [row.id],
    )
    token = newRefreshToken()
    await db.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
      [token, user.id, presented, row.session_id],
    )
  }
  await db.query(
    'update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1',
    [row.session_id],
  )
  return sessionJson(db, settings, user.id, row.session_id, token)
}

export type LogoutScope = 'global' | 'local' | 'others'

/** Ends sessions (and with them their refresh tokens, by cascade). */
export async function endSessions(
  db: Db,
  userId: string,
  sessionId: string | undefined,
  scope: LogoutScope,
) {
  if (scope === 'global' || !sessionId) {
    await db.query('delete from auth.sessions where user_id = $1', [userId])
  } else if (scope === 'local') {
    await db.query('delete from auth.sessions where id = $1 and user_id = $2', [sessionId, userId])
  } else {
    await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId])
  }
}

export async function sessionExists(db: Db, sessionId: string): Promise<boolean> {
  const { rowCount } = await db.query('select 1 from auth.sessions where id = $1', [sessionId])
  return (rowCount ?? 0) > 0
}
