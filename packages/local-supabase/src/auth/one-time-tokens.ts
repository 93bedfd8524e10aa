import { createHash, randomInt, randomUUID } from 'node:crypto'
import { fail } from './errors.ts'
import type { Db } from './transaction.ts'

/** GoTrue's token kinds in auth.one_time_tokens. */
export type TokenType =
  | 'confirmation_token'
  | 'recovery_token'
  | 'email_change_token_current'
  | 'email_change_token_new'

/** The auth.users column that records when each kind of token was last sent. */
const SENT_COLUMN: Record<TokenType, string> = {
  confirmation_token: 'confirmation_sent_at',
  recovery_token: 'recovery_sent_at',
  email_change_token_current: 'email_change_sent_at',
  email_change_token_new: 'email_change_sent_at',
}

/** How long an e-mailed OTP or link stays valid (GoTrue's MAILER_OTP_EXP default). */
export const OTP_LIFETIME_SECONDS = 3600

export interface IssuedToken {
  /** The six-digit code shown in the e-mail. */
  token: string
  /** What the link carries: sha224(email + code), as GoTrue computes it. */
  tokenHash: string
}

export function hashFor(email: string, token: string): string {
  return createHash('sha224')
    .update(email + token)
    .digest('hex')
}

/** Issues a fresh token for the user, replacing any earlier one of the same type. */
export async function issueToken(
  db: Db,
  userId: string,
  email: string,
  type: TokenType,
): Promise<IssuedToken> {
  const token = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const tokenHash = hashFor(email, token)
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
    userId,
    type,
  ])
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
     values ($1, $2, $3, $4, $5)`,
    [randomUUID(), userId, type, tokenHash, email],
  )
  await db.query(`update auth.users set ${SENT_COLUMN[type]} = now() where id = $1`, [userId])
  return { token, tokenHash }
}

/** Which stored token types each verify `type` accepts. */
const ACCEPTS: Record<string, TokenType[]> = {
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  magiclink: ['recovery_token', 'confirmation_token'],
  recovery: ['recovery_token'],
  email: ['confirmation_token', 'recovery_token'],
  email_change: ['email_change_token_current', 'email_change_token_new'],
}

export const VERIFY_TYPES = Object.keys(ACCEPTS)

/** GoTrue's words for an unknown or used token: a link (token hash), or a typed six-digit code. */
export const LINK_EXPIRED = 'Email link is invalid or has expired'
export const CODE_EXPIRED = 'Token has expired or is invalid'

/** Consumes a token (once): returns its user and what it was issued for, or fails as GoTrue does. */
export async function consumeToken(
  db: Db,
  verifyType: string,
  tokenHash: string,
  expiredMessage = LINK_EXPIRED,
): Promise<{ userId: string; tokenType: TokenType; relatesTo: string }> {
  const accepted = ACCEPTS[verifyType]
  if (!accepted) throw fail(400, 'validation_failed', 'Invalid email verification type')
  const { rows } = await db.query<{
    id: string
    user_id: string
    token_type: TokenType
    relates_to: string
    age: number
  }>(
    `select id, user_id, token_type, relates_to, extract(epoch from (now() - created_at))::float8 as age
       from auth.one_time_tokens where token_hash = $1 and token_type = any($2::text[]) for update`,
    [tokenHash, accepted],
  )
  const row = rows[0]
  if (!row || row.age > OTP_LIFETIME_SECONDS) throw fail(403, 'otp_expired', expiredMessage)
  await db.query('delete from auth.one_time_tokens where id = $1', [row.id])
  return { userId: row.user_id, tokenType: row.token_type, relatesTo: row.relates_to }
}
