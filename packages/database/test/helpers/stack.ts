import { randomUUID } from 'node:crypto'
import { createClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import pg from 'pg'
import { inject } from 'vitest'
import { serverRealtimeOptions } from '../../src/server-transport.ts'
import type { Client } from '../../src/types.ts'

export const stackEnv = () => inject('stack')

const noSession = {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: serverRealtimeOptions(),
} as const

/** The service-role client (bypasses RLS): only for admin repositories and set-up. */
export function serviceClient(): Client {
  const env = stackEnv()
  return createClient(env.API_URL, env.SERVICE_ROLE_KEY, noSession)
}

export function anonClient(): Client {
  const env = stackEnv()
  return createClient(env.API_URL, env.ANON_KEY, noSession)
}

/** A client acting as a user, with a token signed by the stack's JWT secret. */
export async function clientAs(userId: string, email: string): Promise<Client> {
  const env = stackEnv()
  const token = await new SignJWT({ role: 'authenticated', aud: 'authenticated', email })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(env.JWT_SECRET))
  return createClient(env.API_URL, env.ANON_KEY, {
    ...noSession,
    global: { headers: { Authorization: `Bearer ${token}` } },
  })
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: stackEnv().DB_URL })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

let counter = 0
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${process.pid}-${++counter}`.toLowerCase()

export async function createAuthUser(prefix: string): Promise<{ id: string; email: string }> {
  const id = randomUUID()
  const email = `${unique(prefix)}@example.test`
  await sql(
    `insert into auth.users (id, email, aud, role, email_confirmed_at) values ($1, $2, 'authenticated', 'authenticated', now())`,
    [id, email],
  )
  return { id, email }
}

export interface Person {
  id: string
  userId: string
  email: string
  client: Client
}

export interface World {
  organizationId: string
  staff: Person
  technician: Person
  customer: Person
  otherCustomer: Person
}

/** An organization with an owner, a technician and two customers with portal logins. */
export async function createWorld(): Promise<World> {
  const [org] = await sql<{ id: string }>(
    `insert into public.organizations (name, slug) values ('Dirt Free Test', $1) returning id`,
    [unique('org')],
  )
  const organizationId = org?.id ?? ''
  const staffMember = async (role: string, name: string): Promise<Person> => {
    const user = await createAuthUser(role)
    const [row] = await sql<{ id: string }>(
      `insert into public.staff_members (organization_id, user_id, full_name, email, role) values ($1, $2, $3, $4, $5) returning id`,
      [organizationId, user.id, name, user.email, role],
    )
    return {
      id: row?.id ?? '',
      userId: user.id,
      email: user.email,
      client: await clientAs(user.id, user.email),
    }
  }
  const customer = async (name: string): Promise<Person> => {
    const user = await createAuthUser(name)
    const [row] = await sql<{ id: string }>(
      `insert into public.customers (organization_id, portal_user_id, first_name, last_name, email, notification_preferences)
       values ($1, $2, $3, 'Tester', $4, '{}'::jsonb) returning id`,
      [organizationId, user.id, name, user.email],
    )
    return {
      id: row?.id ?? '',
      userId: user.id,
      email: user.email,
      client: await clientAs(user.id, user.email),
    }
  }
  return {
    organizationId,
    staff: await staffMember('owner', 'Olivia Owner'),
    technician: await staffMember('technician', 'Terry Tech'),
    customer: await customer('alice'),
    otherCustomer: await customer('bob'),
  }
}

/** ISO time `hours` from now. */
export const hoursFromNow = (hours: number) =>
  new Date(Date.now() + hours * 3_600_000).toISOString()
