import type pg from 'pg'
import {
  accessTokenFor,
  adminPool,
  anonClient,
  createAuthUser,
  serviceClient,
  type TypedClient,
  userClient,
} from './stack.ts'

export type PersonaKind = 'user' | 'anon' | 'service'

/** Someone calling the API: a signed-in user, the anon key, or the service-role key. */
export interface Persona {
  name: string
  kind: PersonaKind
  userId: string | null
  token: string | null
}

export async function userPersona(
  name: string,
): Promise<Persona & { userId: string; token: string }> {
  const user = await createAuthUser(name)
  return { name, kind: 'user', userId: user.id, token: await accessTokenFor(user.id, user.email) }
}

export const anonPersona: Persona = { name: 'anon', kind: 'anon', userId: null, token: null }
export const servicePersona: Persona = {
  name: 'service role',
  kind: 'service',
  userId: null,
  token: null,
}

/** The claims and database role PostgREST would set for this persona. */
function claimsOf(persona: Persona): { role: string; claims: Record<string, unknown> } {
  if (persona.kind === 'anon') return { role: 'anon', claims: { role: 'anon' } }
  if (persona.kind === 'service') return { role: 'service_role', claims: { role: 'service_role' } }
  return {
    role: 'authenticated',
    claims: { sub: persona.userId, role: 'authenticated', aud: 'authenticated' },
  }
}

/**
 * Runs `work` in one committed transaction with the persona's rights, exactly as the REST API
 * does it: request.jwt.claims set locally, then SET LOCAL ROLE. A failure rolls back.
 */
export async function asPersona<T>(
  persona: Persona,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await adminPool().connect()
  const { role, claims } = claimsOf(persona)
  try {
    await client.query('begin')
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(claims),
    ])
    await client.query(`set local role ${client.escapeIdentifier(role)}`)
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** supabase-js for the persona (REST and rpc through the local stack). */
export function clientFor(persona: Persona): TypedClient {
  if (persona.kind === 'anon') return anonClient()
  if (persona.kind === 'service') return serviceClient()
  return userClient(persona.token as string)
}
