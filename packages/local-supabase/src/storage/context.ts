import type { IncomingMessage, ServerResponse } from 'node:http'
import type pg from 'pg'
import type { StackConfig } from '../config.ts'
import type { JwtTools } from '../jwt.ts'
import type { Logger } from '../log.ts'
import { inRequestTransaction } from '../rest/transaction.ts'
import type { StorageAuth } from './auth.ts'
import { storageErrors } from './errors.ts'
import type { FileStore } from './file-store.ts'

/** What every storage handler shares. */
export interface StorageContext {
  /** Request transactions run as the caller's role on this pool. */
  pool: pg.Pool
  /** Owner-level pool: bucket limits, public and signed reads, which act for the service. */
  owner: pg.Pool
  files: FileStore
  jwt: JwtTools
  config: StackConfig
  /** Largest object any upload may store (`[storage] file_size_limit`). */
  fileSizeLimit: number
  log: Logger
}

/** One storage request: who sent it, and the URL it came with. */
export interface StorageRequest {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  auth: StorageAuth
}

/**
 * Runs `work` in one transaction as the caller (their role and JWT claims, set as the REST API
 * sets them), so RLS on storage.objects and storage.buckets decides. `rollback` tries a write
 * and undoes it: Storage checks upload permission that way before reading the body.
 */
export function asCaller<T>(
  s: StorageContext,
  r: Pick<StorageRequest, 'req' | 'url' | 'auth'>,
  readOnly: boolean,
  work: (client: pg.PoolClient) => Promise<T>,
  rollback = false,
): Promise<T> {
  return inRequestTransaction(
    s.pool,
    {
      readOnly,
      auth: r.auth,
      schema: 'storage',
      method: r.req.method ?? 'GET',
      path: r.url.pathname,
      req: r.req,
      statementTimeoutMs: s.config.statementTimeoutMs,
    },
    work,
    rollback,
  )
}

export interface BucketRow {
  id: string
  public: boolean
  file_size_limit: string | null
  allowed_mime_types: string[] | null
}

/** A bucket read for the service (its limits apply to everyone), or `Bucket not found`. */
export async function bucketForService(s: StorageContext, id: string): Promise<BucketRow> {
  const { rows } = await s.owner.query<BucketRow>(
    'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
    [id],
  )
  const bucket = rows[0]
  if (!bucket) throw storageErrors.noSuchBucket()
  return bucket
}

/** Serialises writers of one object name (upload, copy, move) for the rest of the transaction. */
export async function lockObjectName(
  client: pg.PoolClient,
  bucket: string,
  name: string,
): Promise<void> {
  await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `storage:${bucket}/${name}`,
  ])
}

/** The row a name has now, read for the service (the caller may not see it). */
export async function currentVersion(
  s: StorageContext,
  bucket: string,
  name: string,
): Promise<{ id: string; version: string | null } | null> {
  const { rows } = await s.owner.query<{ id: string; version: string | null }>(
    'select id, version from storage.objects where bucket_id = $1 and name = $2',
    [bucket, name],
  )
  return rows[0] ?? null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `owner` is a uuid column: a `sub` that is not one is kept in `owner_id` only. */
export function ownerColumns(sub: string | null): { owner: string | null; ownerId: string | null } {
  return { owner: sub && UUID.test(sub) ? sub : null, ownerId: sub }
}
