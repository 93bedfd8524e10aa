// Files in Supabase Storage and their rows in `attachments` (docs/FILES.md). Uploads go to a
// path the storage policies understand; the row is written after the upload succeeded, so the
// customer's live view never shows a file that is not there yet.
import { ATTACHMENT_BUCKETS, ATTACHMENT_NAME_MAX_CHARS, type AttachmentBucket } from '../limits.ts'
import type { AttachmentKind, AttachmentRow, Client } from '../types.ts'
import {
  check,
  NotFoundError,
  PermissionError,
  RepositoryError,
  unwrap,
  unwrapOne,
  ValidationError,
} from './errors.ts'
import { assertUuid } from './validate.ts'

/** What a file is attached to; it decides the bucket and the folder. */
export type AttachmentTarget =
  | { type: 'job'; organizationId: string; jobId: string }
  | { type: 'quote'; organizationId: string; quoteId: string }
  | { type: 'invoice'; organizationId: string; invoiceId: string }
  /**
   * A customer's own file; `jobId` shows it with one of their appointments, `messageId` with a
   * message they sent (at most one of the two).
   */
  | {
      type: 'customer-upload'
      organizationId: string
      customerId: string
      jobId?: string | undefined
      messageId?: string | undefined
    }

/** A file's description as a browser `File` gives it. */
export interface FileFacts {
  name: string
  type: string
  size: number
}

/** Where one file goes: its bucket and object path. */
export interface PlannedUpload {
  bucket: AttachmentBucket
  path: string
}

export function bucketOf(target: AttachmentTarget): AttachmentBucket {
  switch (target.type) {
    case 'job':
      return 'job-photos'
    case 'quote':
    case 'invoice':
      return 'documents'
    case 'customer-upload':
      return 'customer-uploads'
  }
}

/** The folder of a target inside its bucket (no trailing slash). */
export function folderOf(target: AttachmentTarget): string {
  const org = assertUuid(target.organizationId, 'organizationId')
  switch (target.type) {
    case 'job':
      return `${org}/${assertUuid(target.jobId, 'jobId')}`
    case 'quote':
      return `${org}/quotes/${assertUuid(target.quoteId, 'quoteId')}`
    case 'invoice':
      return `${org}/invoices/${assertUuid(target.invoiceId, 'invoiceId')}`
    case 'customer-upload':
      return `${org}/${assertUuid(target.customerId, 'customerId')}`
  }
}

/** A file name safe in a URL path and a storage key: letters, digits, dot, dash, underscore. */
export function storageFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, '']
  const clean = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
  const safeStem = clean(stem).slice(0, 80) || 'file'
  const safeExt = clean(ext).slice(0, 10).toLowerCase()
  return safeExt ? `${safeStem}.${safeExt}` : safeStem
}

/**
 * Checks a file against its bucket's limits (the same ones Storage enforces) and names its object:
 * `<folder>/<id>-<safe name>`, so two uploads of `photo.jpg` never collide. The id is random, or
 * the attachment's own id when the phone chose it (a retried upload then names the same object).
 */
export function planUpload(
  target: AttachmentTarget,
  file: FileFacts,
  id: string = crypto.randomUUID(),
): PlannedUpload {
  const bucket = bucketOf(target)
  const limits = ATTACHMENT_BUCKETS[bucket]
  const name = file.name.trim()
  if (name.length === 0 || name.length > ATTACHMENT_NAME_MAX_CHARS) {
    throw new ValidationError('file.name', `must be 1 to ${ATTACHMENT_NAME_MAX_CHARS} characters`)
  }
  if (!(limits.mimeTypes as readonly string[]).includes(file.type)) {
    throw new ValidationError('file.type', `${file.type || 'unknown'} is not accepted here`)
  }
  if (file.size > limits.maxBytes) {
    throw new ValidationError('file.size', `must be at most ${limits.maxBytes / 1024 / 1024} MB`)
  }
  return { bucket, path: `${folderOf(target)}/${assertUuid(id, 'id')}-${storageFileName(name)}` }
}

/** storage-js's StorageError (and StorageApiError, which adds the HTTP status and code). */
interface StorageFailure {
  message: string
  status?: unknown
  statusCode?: unknown
}

function fromStorageError(error: StorageFailure, action: string): RepositoryError {
  const status = typeof error.status === 'number' ? error.status : null
  const code = typeof error.statusCode === 'string' ? error.statusCode : 'storage'
  const message = `${action} failed: ${error.message}`
  if (status === 403 || code === '403') return new PermissionError(message, code, status)
  return new RepositoryError(message, code, null, null, status)
}

/** A one-time URL the browser PUTs the file to (with upload progress), valid for two hours. */
export async function createAttachmentUploadUrl(
  client: Client,
  target: AttachmentTarget,
  file: FileFacts,
): Promise<PlannedUpload & { signedUrl: string; token: string }> {
  const plan = planUpload(target, file)
  const { data, error } = await client.storage.from(plan.bucket).createSignedUploadUrl(plan.path)
  if (error) throw fromStorageError(error, 'preparing the upload')
  return { ...plan, signedUrl: data.signedUrl, token: data.token }
}

/**
 * The upload of an attachment whose id the phone chose, safe to try again: no URL when the object
 * is already stored (an earlier try sent the bytes and lost the answer), else a one-time URL.
 */
export async function resumeAttachmentUpload(
  client: Client,
  target: AttachmentTarget,
  file: FileFacts,
  id: string,
): Promise<PlannedUpload & { signedUrl: string | null }> {
  const plan = planUpload(target, file, id)
  const bucket = client.storage.from(plan.bucket)
  const stored = await bucket.exists(plan.path).catch((error: StorageFailure) => {
    throw fromStorageError(error, 'checking the upload')
  })
  if (stored.data) return { ...plan, signedUrl: null }
  const { data, error } = await bucket.createSignedUploadUrl(plan.path)
  if (error) throw fromStorageError(error, 'preparing the upload')
  return { ...plan, signedUrl: data.signedUrl }
}

export interface RecordAttachmentInput {
  /** Chosen on the phone: recording the same id again answers the row already there. */
  id?: string
  target: AttachmentTarget
  /** The customer the target belongs to; looked up when left out (the database sets it from the record). */
  customerId?: string
  bucket: AttachmentBucket
  path: string
  file: FileFacts
  kind: AttachmentKind
}

/** The customer a job, quote or invoice belongs to (NotFoundError when the caller cannot read it). */
async function customerOf(client: Client, target: AttachmentTarget): Promise<string> {
  if (target.type === 'customer-upload') return target.customerId
  const id = assertUuid(
    target.type === 'job'
      ? target.jobId
      : target.type === 'quote'
        ? target.quoteId
        : target.invoiceId,
    'id',
  )
  const table = target.type === 'job' ? 'jobs' : target.type === 'quote' ? 'quotes' : 'invoices'
  const result = await client.from(table).select('customer_id').eq('id', id).maybeSingle()
  const row = unwrapOne(
    result as { data: { customer_id: string } | null; error: typeof result.error },
    'loading the record of the file',
    target.type,
    id,
  )
  return row.customer_id
}

/** Lists an uploaded file: the row customers and staff see (live). A refused row removes the upload. */
export async function recordAttachment(
  client: Client,
  input: RecordAttachmentInput,
): Promise<AttachmentRow> {
  const { target } = input
  if (bucketOf(target) !== input.bucket || !input.path.startsWith(`${folderOf(target)}/`)) {
    throw new ValidationError('path', 'is not in the folder of its record')
  }
  if (input.id) {
    const earlier = await client
      .from('attachments')
      .select('*')
      .eq('id', assertUuid(input.id, 'id'))
      .maybeSingle()
    check(earlier, 'looking up the file')
    if (earlier.data) return earlier.data
  }
  const customerId = input.customerId ?? (await customerOf(client, target))
  const result = await client
    .from('attachments')
    .insert({
      ...(input.id ? { id: input.id } : {}),
      organization_id: target.organizationId,
      customer_id: assertUuid(customerId, 'customerId'),
      job_id:
        target.type === 'job' || target.type === 'customer-upload' ? (target.jobId ?? null) : null,
      quote_id: target.type === 'quote' ? target.quoteId : null,
      invoice_id: target.type === 'invoice' ? target.invoiceId : null,
      message_id: target.type === 'customer-upload' ? (target.messageId ?? null) : null,
      bucket_id: input.bucket,
      object_path: input.path,
      name: input.file.name.trim().slice(0, ATTACHMENT_NAME_MAX_CHARS),
      mime_type: input.file.type,
      size_bytes: input.file.size,
      kind: input.kind,
    })
    .select('*')
    .single()
  if (result.error) {
    // The upload's object has a fresh name nobody else uses: without its row it would only linger.
    await client.storage.from(input.bucket).remove([input.path])
  }
  return unwrap(result, 'recording the file')
}

/** Uploads a file through supabase-js (no progress) and lists it: for server code and tests. */
export async function uploadAttachment(
  client: Client,
  input: Omit<RecordAttachmentInput, 'bucket' | 'path' | 'file'> & { file: Blob; name: string },
): Promise<AttachmentRow> {
  const facts = { name: input.name, type: input.file.type, size: input.file.size }
  const plan = planUpload(input.target, facts)
  const { error } = await client.storage
    .from(plan.bucket)
    .upload(plan.path, input.file, { contentType: facts.type, upsert: false })
  if (error) throw fromStorageError(error, 'uploading the file')
  return recordAttachment(client, { ...input, ...plan, file: facts })
}

/** Which attachments to list: one record's, those of some messages, or everything of a customer. */
export type AttachmentScope =
  | { jobId: string }
  | { quoteId: string }
  | { invoiceId: string }
  | { messageIds: readonly string[] }
  | { customerId: string }

/** Attachments of a job, quote, invoice, messages or customer, oldest first (RLS decides what is seen). */
export async function listAttachments(
  client: Client,
  scope: AttachmentScope,
): Promise<AttachmentRow[]> {
  let query = client.from('attachments').select('*')
  if ('jobId' in scope) query = query.eq('job_id', assertUuid(scope.jobId, 'jobId'))
  else if ('quoteId' in scope) query = query.eq('quote_id', assertUuid(scope.quoteId, 'quoteId'))
  else if ('invoiceId' in scope)
    query = query.eq('invoice_id', assertUuid(scope.invoiceId, 'invoiceId'))
  else if ('messageIds' in scope) {
    if (scope.messageIds.length === 0) return []
    query = query.in(
      'message_id',
      scope.messageIds.map((id) => assertUuid(id, 'messageId')),
    )
  } else query = query.eq('customer_id', assertUuid(scope.customerId, 'customerId'))
  const result = await query
    .order('created_at', { ascending: true })
    .order('id', { ascending: true })
    .limit(500)
  return unwrap(result, 'listing files')
}

export async function getAttachment(client: Client, attachmentId: string): Promise<AttachmentRow> {
  const id = assertUuid(attachmentId, 'attachmentId')
  return unwrapOne(
    await client.from('attachments').select('*').eq('id', id).maybeSingle(),
    'loading the file',
    'attachment',
    id,
  )
}

/** Width of thumbnails asked of Storage's image transformation (galleries show them at most this wide). */
export const THUMBNAIL_WIDTH = 320

/** How long signed links to files stay valid (an hour: pages re-sign on every render). */
export const SIGNED_URL_SECONDS = 3600

/** An attachment with links to show and download it (null where Storage refused one). */
export interface SignedAttachment extends AttachmentRow {
  url: string | null
  downloadUrl: string | null
  /** A small rendition of an image (Storage image transformation), else the image itself. */
  thumbnailUrl: string | null
}

export const isImageAttachment = (a: Pick<AttachmentRow, 'mime_type'>) =>
  a.mime_type.startsWith('image/') && a.mime_type !== 'image/heic' && a.mime_type !== 'image/heif'

/**
 * Signs links for attachments the caller may read (Storage checks its policies again). Thumbnails
 * use image transformation when the project has it (hosted Supabase on paid plans); where signing a
 * transformed link fails, the thumbnail is the image.
 */
export async function signAttachments(
  client: Client,
  attachments: readonly AttachmentRow[],
  options: { thumbnailWidth?: number } = {},
): Promise<SignedAttachment[]> {
  const byBucket = new Map<string, AttachmentRow[]>()
  for (const a of attachments) byBucket.set(a.bucket_id, [...(byBucket.get(a.bucket_id) ?? []), a])
  const urls = new Map<string, { url: string | null; downloadUrl: string | null }>()
  await Promise.all(
    [...byBucket].map(async ([bucket, rows]) => {
      const paths = rows.map((r) => r.object_path)
      const storage = client.storage.from(bucket)
      const [view, download] = await Promise.all([
        storage.createSignedUrls(paths, SIGNED_URL_SECONDS),
        storage.createSignedUrls(paths, SIGNED_URL_SECONDS, { download: true }),
      ])
      const viewUrls = new Map((view.data ?? []).map((s) => [s.path, s.error ? null : s.signedUrl]))
      const downloadUrls = new Map(
        (download.data ?? []).map((s) => [s.path, s.error ? null : s.signedUrl]),
      )
      for (const r of rows) {
        urls.set(r.id, {
          url: viewUrls.get(r.object_path) ?? null,
          downloadUrl: downloadUrls.get(r.object_path) ?? null,
        })
      }
    }),
  )
  const width = options.thumbnailWidth
  return Promise.all(
    attachments.map(async (a) => {
      const links = urls.get(a.id) ?? { url: null, downloadUrl: null }
      let thumbnailUrl = isImageAttachment(a) ? links.url : null
      if (width && thumbnailUrl) {
        const { data } = await client.storage
          .from(a.bucket_id)
          .createSignedUrl(a.object_path, SIGNED_URL_SECONDS, {
            transform: { width, height: width, resize: 'cover' },
          })
        thumbnailUrl = data?.signedUrl ?? thumbnailUrl
      }
      return { ...a, ...links, thumbnailUrl }
    }),
  )
}

/** Removes a file: its row first (so nobody is shown a missing file), then the stored object. */
export async function removeAttachment(client: Client, attachmentId: string): Promise<void> {
  const id = assertUuid(attachmentId, 'attachmentId')
  const result = await client.from('attachments').delete().eq('id', id).select('*')
  check(result, 'removing the file')
  const [row] = result.data ?? []
  if (!row) throw new NotFoundError('attachment', id)
  const { error } = await client.storage.from(row.bucket_id).remove([row.object_path])
  if (error) throw fromStorageError(error, 'removing the stored file')
}

/** The photos of a thread's messages, signed, by message id (messages without any are left out). */
export async function signedMessagePhotos(
  client: Client,
  messageIds: readonly string[],
): Promise<Record<string, SignedAttachment[]>> {
  const rows = await listAttachments(client, { messageIds })
  const signed = await signAttachments(client, rows, { thumbnailWidth: THUMBNAIL_WIDTH })
  const byMessage: Record<string, SignedAttachment[]> = {}
  for (const a of signed) {
    if (a.message_id) byMessage[a.message_id] = [...(byMessage[a.message_id] ?? []), a]
  }
  return byMessage
}
