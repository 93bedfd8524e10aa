import { ATTACHMENT_NAME_MAX_CHARS } from '@repo/database/limits'
import { jobPhotoKinds } from '@repo/domain/attachments'
import { z } from 'zod'
import { recordId } from '../ids.ts'

/** The file as the browser describes it (Storage checks the stored bytes again). */
const fileFacts = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'The file has no name')
    .max(ATTACHMENT_NAME_MAX_CHARS, 'The file name is too long'),
  type: z.string().min(1, 'The file type is unknown').max(255),
  size: z.number().int().min(0),
})

/** What staff attach files to: a job's photos, or a quote's or an invoice's documents. */
export const fileTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), id: recordId('Job') }),
  z.object({ type: z.literal('quote'), id: recordId('Quote') }),
  z.object({ type: z.literal('invoice'), id: recordId('Invoice') }),
])
export type FileTarget = z.infer<typeof fileTargetSchema>

// An id chosen on the phone makes the upload safe to retry: the same object, the same row.
const attachmentId = recordId('File').optional()

export const prepareUploadSchema = z.object({
  target: fileTargetSchema,
  file: fileFacts,
  id: attachmentId,
})

export const recordUploadSchema = z.object({
  id: attachmentId,
  target: fileTargetSchema,
  path: z.string().min(3).max(1024),
  file: fileFacts,
  // Photos of a job are before, after or other; a quote's or invoice's files are documents.
  kind: z.enum([...jobPhotoKinds, 'document']),
})

export const listFilesSchema = z.object({ target: fileTargetSchema })

export const removeFileSchema = z.object({ attachmentId: recordId('File') })
