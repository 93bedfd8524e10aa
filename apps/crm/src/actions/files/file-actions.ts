'use server'

import { fail, ok } from '@repo/actions/result'
import {
  type AttachmentTarget,
  bucketOf,
  createAttachmentUploadUrl,
  listAttachments,
  recordAttachment,
  removeAttachment,
  resumeAttachmentUpload,
  signAttachments,
  THUMBNAIL_WIDTH,
} from '@repo/database/repositories'
import { can, type Permission } from '@repo/domain/staff'
import { staffAction } from '@/lib/staff-action.ts'
import {
  type FileTarget,
  listFilesSchema,
  prepareUploadSchema,
  recordUploadSchema,
  removeFileSchema,
} from './schema.ts'

function storageTarget(target: FileTarget, organizationId: string): AttachmentTarget {
  switch (target.type) {
    case 'job':
      return { type: 'job', organizationId, jobId: target.id }
    case 'quote':
      return { type: 'quote', organizationId, quoteId: target.id }
    case 'invoice':
      return { type: 'invoice', organizationId, invoiceId: target.id }
  }
}

const pageOf = (target: FileTarget) =>
  target.type === 'job'
    ? '/jobs'
    : target.type === 'quote'
      ? `/quotes/${target.id}`
      : `/invoices/${target.id}`

/** Job photos: every staff member. Documents: who writes quotes and invoices (the same roles). */
const roleFor = (target: FileTarget): Permission =>
  target.type === 'job' ? 'jobs.photos' : 'quotes.manage'

/**
 * A signed upload URL for one file; the browser sends the bytes itself, with progress. With the
 * attachment's id (a queued photo): no URL when an earlier try already stored the bytes.
 */
export const prepareUploadAction = staffAction(
  { name: 'files.prepare', schema: prepareUploadSchema, role: 'jobs.photos' },
  async ({ input, ctx: { supabase, organization, staff } }) => {
    if (!can(staff.role, roleFor(input.target))) return fail('Your role may not add files here.')
    const target = storageTarget(input.target, organization.id)
    const upload: { signedUrl: string | null; path: string } = input.id
      ? await resumeAttachmentUpload(supabase, target, input.file, input.id)
      : await createAttachmentUploadUrl(supabase, target, input.file)
    return ok({ signedUrl: upload.signedUrl, path: upload.path })
  },
)

/** Lists an uploaded file: customers see it at once (realtime). */
export const recordUploadAction = staffAction(
  { name: 'files.record', schema: recordUploadSchema, role: 'jobs.photos' },
  async ({ input, ctx: { supabase, organization, staff }, revalidate }) => {
    if (!can(staff.role, roleFor(input.target))) return fail('Your role may not add files here.')
    if ((input.target.type === 'job') === (input.kind === 'document')) {
      return fail(
        input.kind === 'document' ? 'A job takes photos.' : 'Quotes and invoices take documents.',
      )
    }
    const target = storageTarget(input.target, organization.id)
    const attachment = await recordAttachment(supabase, {
      id: input.id,
      target,
      bucket: bucketOf(target),
      path: input.path,
      file: input.file,
      kind: input.kind,
    })
    revalidate(pageOf(input.target), `/customers/${attachment.customer_id}`)
    return ok(attachment)
  },
)

/** A record's files with links to show and download them. */
export const listFilesAction = staffAction(
  { name: 'files.list', schema: listFilesSchema, role: 'jobs.photos' },
  async ({ input, ctx: { supabase } }) => {
    const { target } = input
    const scope =
      target.type === 'job'
        ? { jobId: target.id }
        : target.type === 'quote'
          ? { quoteId: target.id }
          : { invoiceId: target.id }
    const rows = await listAttachments(supabase, scope)
    return ok(await signAttachments(supabase, rows, { thumbnailWidth: THUMBNAIL_WIDTH }))
  },
)

/** Removes a file and its stored object (RLS: office roles any, others what they added). */
export const removeFileAction = staffAction(
  { name: 'files.remove', schema: removeFileSchema, role: 'jobs.photos' },
  async ({ input, ctx: { supabase }, revalidate }) => {
    await removeAttachment(supabase, input.attachmentId)
    revalidate('/jobs', '/quotes', '/invoices', '/customers')
    return ok(null)
  },
)
