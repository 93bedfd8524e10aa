'use server'

import { ok } from '@repo/actions/result'
import { bucketOf, createAttachmentUploadUrl, recordAttachment } from '@repo/database/repositories'
import { customerAction } from '@/lib/customer-action'
import {
  prepareMessagePhotoSchema,
  prepareMyUploadSchema,
  recordMessagePhotoSchema,
  recordMyUploadSchema,
} from './schema'

/** A signed URL to upload a photo into the customer's own folder (Storage checks it is theirs). */
export const prepareMyUploadAction = customerAction(
  { name: 'uploads.prepare', schema: prepareMyUploadSchema },
  async ({ input, ctx: { supabase, customer } }) => {
    const target = {
      type: 'customer-upload' as const,
      organizationId: customer.organization_id,
      customerId: customer.id,
      jobId: input.jobId,
    }
    const upload = await createAttachmentUploadUrl(supabase, target, input.file)
    return ok({ signedUrl: upload.signedUrl, path: upload.path })
  },
)

/** Lists the uploaded photo with the appointment: staff see it on the job. */
export const recordMyUploadAction = customerAction(
  { name: 'uploads.record', schema: recordMyUploadSchema },
  async ({ input, ctx: { supabase, customer }, revalidate }) => {
    const target = {
      type: 'customer-upload' as const,
      organizationId: customer.organization_id,
      customerId: customer.id,
      jobId: input.jobId,
    }
    const attachment = await recordAttachment(supabase, {
      target,
      customerId: customer.id,
      bucket: bucketOf(target),
      path: input.path,
      file: input.file,
      kind: 'customer_upload',
    })
    revalidate(`/appointments/${input.jobId}`)
    return ok(attachment)
  },
)

/** A signed URL for a photo that goes with a message the customer sent. */
export const prepareMessagePhotoAction = customerAction(
  { name: 'uploads.prepare-message-photo', schema: prepareMessagePhotoSchema },
  async ({ input, ctx: { supabase, customer } }) => {
    const target = {
      type: 'customer-upload' as const,
      organizationId: customer.organization_id,
      customerId: customer.id,
      messageId: input.messageId,
    }
    const upload = await createAttachmentUploadUrl(supabase, target, input.file)
    return ok({ signedUrl: upload.signedUrl, path: upload.path })
  },
)

/** Lists the photo with its message: staff see it in the conversation, live. */
export const recordMessagePhotoAction = customerAction(
  {
    name: 'uploads.record-message-photo',
    schema: recordMessagePhotoSchema,
    revalidate: ['/messages'],
  },
  async ({ input, ctx: { supabase, customer } }) => {
    const target = {
      type: 'customer-upload' as const,
      organizationId: customer.organization_id,
      customerId: customer.id,
      messageId: input.messageId,
    }
    const attachment = await recordAttachment(supabase, {
      target,
      customerId: customer.id,
      bucket: bucketOf(target),
      path: input.path,
      file: input.file,
      kind: 'customer_upload',
    })
    return ok(attachment)
  },
)
