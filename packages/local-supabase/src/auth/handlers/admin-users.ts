import type { IncomingMessage } from 'node:http'
import { banUntil } from '../ban-duration.ts'
import { type AuthDeps, type Handler, json } from '../context.ts'
import { fail } from '../errors.ts'
import { hashPassword } from '../passwords.ts'
import { type JsonObject, readJsonObject, requireAdmin, requireCaller } from '../request.ts'
import { inTransaction } from '../transaction.ts'
import { userJson } from '../user-json.ts'
import {
  findUserByEmail,
  findUserById,
  insertEmailIdentity,
  insertUser,
  loadUser,
  type UserRow,
  updateUserColumns,
} from '../users.ts'
import {
  isUuid,
  optionalBoolean,
  optionalObject,
  optionalString,
  validEmail,
  validPassword,
} from '../validation.ts'

export async function requireServiceRole(req: IncomingMessage, deps: AuthDeps): Promise<void> {
  requireAdmin(await requireCaller(req, deps.ctx.jwt))
}

const emailExists = () =>
  fail(422, 'email_exists', 'A user with this email address has already been registered')

function userIdFrom(path: string): string {
  const id = decodeURIComponent(path.slice('/admin/users/'.length))
  if (!isUuid(id)) throw fail(404, 'user_not_found', 'User not found')
  return id
}

async function existing(db: Parameters<typeof findUserById>[0], id: string): Promise<UserRow> {
  const user = await findUserById(db, id, true)
  if (!user) throw fail(404, 'user_not_found', 'User not found')
  return user
}

/** GET /admin/users?page=&per_page= */
export const listUsers: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const page = Number(url.searchParams.get('page') || 1)
  const perPage = Number(url.searchParams.get('per_page') || 50)
  if (
    !Number.isInteger(page) ||
    page < 1 ||
    !Number.isInteger(perPage) ||
    perPage < 1 ||
    perPage > 1000
  ) {
    throw fail(400, 'validation_failed', 'page must be >= 1 and per_page between 1 and 1000')
  }
  const db = await deps.ctx.pool.connect()
  try {
    const total = Number(
      (await db.query<{ n: string }>('select count(*) as n from auth.users')).rows[0]?.n ?? 0,
    )
    const { rows } = await db.query<{ id: string }>(
      'select id from auth.users order by created_at desc, id limit $1 offset $2',
      [perPage, (page - 1) * perPage],
    )
    const users = []
    for (const row of rows) {
      const loaded = await loadUser(db, row.id)
      if (loaded) users.push(userJson(loaded))
    }
    const lastPage = Math.max(1, Math.ceil(total / perPage))
    const links = []
    if (page < lastPage)
      links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`)
    links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`)
    return json({ users, aud: 'authenticated' }, 200, {
      'x-total-count': String(total),
      link: links.join(', '),
    })
  } finally {
    db.release()
  }
}

/** POST /admin/users */
export const createUser: Handler = async (req, _url, deps) => {
  await requireServiceRole(req, deps)
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const email = validEmail(body.email)
  const password =
    body.password === undefined || body.password === null ? undefined : validPassword(body.password)
  const userMetadata = optionalObject(body, 'user_metadata') ?? optionalObject(body, 'data') ?? {}
  const appMetadata = optionalObject(body, 'app_metadata') ?? {}
  const confirmed = optionalBoolean(body, 'email_confirm') ?? false
  const banDuration = optionalString(body, 'ban_duration')
  const role = optionalString(body, 'role')
  const id = optionalString(body, 'id')
  if (id !== undefined && !isUuid(id)) throw fail(400, 'validation_failed', 'id must be a UUID')
  const bannedUntil = banDuration === undefined ? undefined : banUntil(banDuration)
  const passwordHash = password === undefined ? null : await hashPassword(password)
  const created = await inTransaction(deps.ctx.pool, async (db) => {
    if (await findUserByEmail(db, email, true)) throw emailExists()
    if (id !== undefined && (await findUserById(db, id)))
      throw fail(422, 'user_already_exists', 'User already registered')
    const user = await insertUser(db, {
      id,
      email,
      passwordHash,
      userMetadata,
      appMetadata: { provider: 'email', providers: ['email'], ...appMetadata },
      confirmed,
      isAnonymous: false,
      role,
    })
    if (bannedUntil !== undefined)
      await updateUserColumns(db, user.id, { banned_until: bannedUntil })
    return loadUser(db, user.id)
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505') throw emailExists()
    throw error
  })
  return json(userJson(created as NonNullable<typeof created>))
}

/** GET /admin/users/:id */
export const getUserById: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const id = userIdFrom(url.pathname.slice(url.pathname.indexOf('/admin/users/')))
  const db = await deps.ctx.pool.connect()
  try {
    const loaded = await loadUser(db, id)
    if (!loaded) throw fail(404, 'user_not_found', 'User not found')
    return json(userJson(loaded))
  } finally {
    db.release()
  }
}

async function adminChanges(body: JsonObject, user: UserRow) {
  const email = body.email === undefined || body.email === null ? undefined : validEmail(body.email)
  const password =
    body.password === undefined || body.password === null ? undefined : validPassword(body.password)
  const userMetadata = optionalObject(body, 'user_metadata')
  const appMetadata = optionalObject(body, 'app_metadata')
  const emailConfirm = optionalBoolean(body, 'email_confirm')
  const banDuration = optionalString(body, 'ban_duration')
  const role = optionalString(body, 'role')
  return {
    email: email !== undefined && email !== user.email ? email : undefined,
    encrypted_password: password === undefined ? undefined : await hashPassword(password),
    raw_user_meta_data: userMetadata
      ? { ...(user.raw_user_meta_data ?? {}), ...userMetadata }
      : undefined,
    raw_app_meta_data: appMetadata
      ? { ...(user.raw_app_meta_data ?? {}), ...appMetadata }
      : undefined,
    email_confirmed_at: emailConfirm ? (user.email_confirmed_at ?? new Date()) : undefined,
    banned_until: banDuration === undefined ? undefined : banUntil(banDuration),
    role,
  }
}

/** PUT /admin/users/:id */
export const updateUserById: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const id = userIdFrom(url.pathname.slice(url.pathname.indexOf('/admin/users/')))
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const updated = await inTransaction(deps.ctx.pool, async (db) => {
    const user = await existing(db, id)
    const changes = await adminChanges(body, user)
    if (changes.email) {
      const other = await findUserByEmail(db, changes.email)
      if (other && other.id !== id) throw emailExists()
    }
    await updateUserColumns(db, id, changes)
    if (changes.email) await insertEmailIdentity(db, id, changes.email, true)
    if (changes.banned_until) await db.query('delete from auth.sessions where user_id = $1', [id])
    return loadUser(db, id)
  })
  return json(userJson(updated as NonNullable<typeof updated>))
}

/** DELETE /admin/users/:id (body `should_soft_delete` keeps the row but disables the user). */
export const deleteUserById: Handler = async (req, url, deps) => {
  await requireServiceRole(req, deps)
  const id = userIdFrom(url.pathname.slice(url.pathname.indexOf('/admin/users/')))
  const body = await readJsonObject(req, deps.ctx.config.maxBodyBytes)
  const soft = optionalBoolean(body, 'should_soft_delete') ?? false
  await inTransaction(deps.ctx.pool, async (db) => {
    await existing(db, id)
    if (soft) {
      await updateUserColumns(db, id, { deleted_at: new Date() })
      await db.query('delete from auth.sessions where user_id = $1', [id])
      await db.query('delete from auth.identities where user_id = $1', [id])
    } else {
      await db.query('delete from auth.users where id = $1', [id])
    }
  })
  return json({})
}
