import { createHash, randomUUID } from 'node:crypto'
import { fail } from './errors.ts'
import type { JsonObject } from './request.ts'
import type { Db } from './transaction.ts'

/** Links that belong to a PKCE flow carry this prefix on their token, as GoTrue's do. */
export const PKCE_PREFIX = 'pkce_'

/** How long an issued auth code may wait for its exchange (GoTrue: 5 minutes). */
const AUTH_CODE_LIFETIME_SECONDS = 300

export interface CodeChallenge {
  challenge: string
  method: 's256' | 'plain'
}

/** Reads `code_challenge` / `code_challenge_method` from a body, if the client is in PKCE flow. */
export function codeChallengeFrom(body: JsonObject): CodeChallenge | null {
  const challenge = body.code_challenge
  const method = body.code_challenge_method
  if (challenge === undefined || challenge === null || challenge === '') return null
  if (typeof challenge !== 'string' || challenge.length < 43 || challenge.length > 128) {
    throw fail(400, 'validation_failed', 'code_challenge must be a string of 43 to 128 characters')
  }
  const normalised = typeof method === 'string' ? method.toLowerCase() : ''
  if (normalised !== 's256' && normalised !== 'plain') {
    throw fail(400, 'validation_failed', 'code_challenge_method must be s256 or plain')
  }
  return { challenge, method: normalised }
}

/** Remembers the challenge until the user follows the e-mail link. */
export async function saveFlowState(
  db: Db,
  userId: string,
  method: string,
  code: CodeChallenge,
): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
       created_at, updated_at, authentication_method)
     values ($1, $2, $3, $4, $5, 'email', now(), now(), $6)`,
    [randomUUID(), userId, randomUUID(), code.method, code.challenge, method],
  )
}

/** The link was followed: hand out the auth code of the user's newest pending flow. */
export async function issueAuthCode(
  db: Db,
  userId: string,
  method: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select id from auth.flow_state
      where user_id = $1 and authentication_method = $2 and auth_code_issued_at is null
      order by created_at desc limit 1 for update`,
    [userId, method],
  )
  const flow = rows[0]
  if (!flow) return null
  const code = randomUUID()
  await db.query(
    'update auth.flow_state set auth_code = $2, auth_code_issued_at = now(), updated_at = now() where id = $1',
    [flow.id, code],
  )
  return code
}

function challengeFor(verifier: string, method: string): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url')
}

/** Exchanges an auth code plus the verifier only the original client knows, exactly once. */
export async function redeemAuthCode(
  db: Db,
  authCode: string,
  verifier: string,
): Promise<{ userId: string; method: string }> {
  const { rows } = await db.query<{
    id: string
    user_id: string | null
    code_challenge: string
    code_challenge_method: string
    authentication_method: string
    age: number
  }>(
    `select id, user_id, code_challenge, code_challenge_method, authentication_method,
            extract(epoch from (now() - auth_code_issued_at))::float8 as age
       from auth.flow_state where auth_code = $1 and auth_code_issued_at is not null for update`,
    [authCode],
  )
  const flow = rows[0]
  if (!flow?.user_id)
    throw fail(404, 'flow_state_not_found', 'invalid flow state, no valid flow state found')
  if (flow.age > AUTH_CODE_LIFETIME_SECONDS) {
    throw fail(400, 'flow_state_expired', 'invalid flow state, flow state has expired')
  }
  if (challengeFor(verifier, flow.code_challenge_method) !== flow.code_challenge) {
    throw fail(
      403,
      'bad_code_verifier',
      'code challenge does not match previously saved code verifier',
    )
  }
  await db.query('delete from auth.flow_state where id = $1', [flow.id])
  return { userId: flow.user_id, method: flow.authentication_method }
}
