import { randomUUID } from 'node:crypto'
import { assertMetadataFits } from './metadata-size.ts'
import type { JsonObject } from './request.ts'
import type { Db } from './transaction.ts'

/** The auth.users columns the API reads. */
export interface UserRow {
  id: string
  aud: string | null
  role: string | null
  email: string | null
  encrypted_password: string | null
  email_confirmed_at: Date | null
  invited_at: Date | null
  confirmation_sent_at: Date | null
  recovery_sent_at: Date | null
  phone: string | null
  phone_confirmed_at: Date | null
  confirmed_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: JsonObject | null
  raw_user_meta_data: JsonObject | null
  created_at: Date | null
  updated_at: Date | null
  banned_until: Date | null
  deleted_at: Date | null
  is_anonymous: boolean
  /** The address an e-mail change waits to switch to ('' or null when none is pending). */
  email_change: string | null
  email_change_sent_at: Date | null
  /** 1 once one of the two addresses of a secure e-mail change has confirmed. */
  email_change_confirm_status: number | null
}

export interface IdentityRow {
  id: string
  provider_id: string
  user_id: string
  identity_data: JsonObject
  provider: string
  last_sign_in_at: Date | null
  created_at: Date | null
  updated_at: Date | null
  email: string | null
}

export interface UserWithIdentities {
  user: UserRow
  identities: IdentityRow[]
}

const USER_COLUMNS = `id, aud, role, email, encrypted_password, email_confirmed_at, invited_at,
  confirmation_sent_at, recovery_sent_at, phone, phone_confirmed_at, confirmed_at, last_sign_in_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at, banned_until, deleted_at, is_anonymous,
  email_change, email_change_sent_at, email_change_confirm_status`

export async function findUserById(db: Db, id: string, lock = false): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where id = $1${lock ? ' for update' : ''}`,
    [id],
  )
  return rows[0] ?? null
}

export async function findUserByEmail(
  db: Db,
  email: string,
  lock = false,
): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    `select ${USER_COLUMNS} from auth.users where lower(email) = $1 and is_sso_user = false${lock ? ' for update' : ''}`,
    [email],
  )
  return rows[0] ?? null
}

export async function identitiesOf(db: Db, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>(
    `select id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at, email
       from auth.identities where user_id = $1 order by created_at`,
    [userId],
  )
  return rows
}

export async function loadUser(db: Db, id: string): Promise<UserWithIdentities | null> {
  const user = await findUserById(db, id)
  if (!user) return null
  return { user, identities: await identitiesOf(db, id) }
}

export interface NewUser {
  id?: string
  email: string | null
  passwordHash: string | null
  userMetadata: JsonObject
  appMetadata: JsonObject
  confirmed: boolean
  isAnonymous: boolean
  invited?: boolean
  role?: string
}

/** Inserts the user and, for e-mail users, the `email` identity GoTrue keeps beside it. */
export async function insertUser(db: Db, input: NewUser): Promise<UserRow> {
  assertMetadataFits(input.userMetadata, input.appMetadata)
  const id = input.id ?? randomUUID()
  await db.query(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       invited_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at, is_anonymous,
       confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3, $4,
       case when $5::boolean then now() end, case when $6::boolean then now() end,
       $7::jsonb, $8::jsonb, now(), now(), $9, '', '', '', '')`,
    [
      id,
      input.role ?? 'authenticated',
      input.email,
      input.passwordHash,
      input.confirmed,
      input.invited ?? false,
      JSON.stringify(input.appMetadata),
      JSON.stringify(input.userMetadata),
      input.isAnonymous,
    ],
  )
  if (input.email) await insertEmailIdentity(db, id, input.email, input.confirmed)
  return (await findUserById(db, id)) as UserRow
}

export async function insertEmailIdentity(
  db: Db,
  userId: string,
  email: string,
  verified: boolean,
) {
  await db.query(
    `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
     values ($1::text, $1::uuid, $2::jsonb, 'email', now(), now())
     on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [
      userId,
      JSON.stringify({ sub: userId, email, email_verified: verified, phone_verified: false }),
    ],
  )
}

/** Applies only the given columns; keys are fixed column names, values are bound parameters. */
export async function updateUserColumns(
  db: Db,
  id: string,
  changes: Partial<Record<UpdatableColumn, unknown>>,
): Promise<void> {
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined)
  const sets = entries.map(([column], i) => {
    if (!UPDATABLE_COLUMNS.has(column as UpdatableColumn))
      throw new Error(`not an updatable column: ${column}`)
    const cast = JSON_COLUMNS.has(column) ? '::jsonb' : ''
    return `${column} = $${i + 2}${cast}`
  })
  const values = entries.map(([column, v]) => (JSON_COLUMNS.has(column) ? JSON.stringify(v) : v))
  await db.query(
    `update auth.users set ${[...sets, 'updated_at = now()'].join(', ')} where id = $1`,
    [id, ...values],
  )
  // Checked on the merged row: small updates must not add up to an unusable token.
  if (entries.some(([column]) => JSON_COLUMNS.has(column))) {
    const { rows } = await db.query<Pick<UserRow, 'raw_user_meta_data' | 'raw_app_meta_data'>>(
      'select raw_user_meta_data, raw_app_meta_data from auth.users where id = $1',
      [id],
    )
    const row = rows[0]
    if (row) assertMetadataFits(row.raw_user_meta_data, row.raw_app_meta_data)
  }
}

export type UpdatableColumn =
  | 'email'
  | 'encrypted_password'
  | 'email_confirmed_at'
  | 'raw_user_meta_data'
  | 'raw_app_meta_data'
  | 'banned_until'
  | 'deleted_at'
  | 'last_sign_in_at'
  | 'is_anonymous'
  | 'role'
  | 'invited_at'
  | 'confirmation_sent_at'
  | 'recovery_sent_at'
  | 'email_change'
  | 'email_change_sent_at'
  | 'email_change_confirm_status'

const UPDATABLE_COLUMNS = new Set<UpdatableColumn>([
  'email',
  'encrypted_password',
  'email_confirmed_at',
  'raw_user_meta_data',
  'raw_app_meta_data',
  'banned_until',
  'deleted_at',
  'last_sign_in_at',
  'is_anonymous',
  'role',
  'invited_at',
  'confirmation_sent_at',
  'recovery_sent_at',
  'email_change',
  'email_change_sent_at',
  'email_change_confirm_status',
])
const JSON_COLUMNS = new Set(['raw_user_meta_data', 'raw_app_meta_data'])

/** A user may act unless banned (until a future time) or soft-deleted. */
export function isActive(user: UserRow): boolean {
  if (user.deleted_at) return false
  return !(user.banned_until && user.banned_until.getTime() > Date.now())
}
