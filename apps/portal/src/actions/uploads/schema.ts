import { ATTACHMENT_NAME_MAX_CHARS } from '@repo/database/limits'
import { z } from 'zod'
import { jobIdSchema } from '../appointments/schema'

const fileFacts = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'The file has no name')
    .max(ATTACHMENT_NAME_MAX_CHARS, 'The file name is too long'),
  type: z.string().min(1, 'The file type is unknown').max(255),
  size: z.number().int().min(0),
})

const jobId = jobIdSchema

/** A photo for one of the customer's appointments (stored in their own folder). */
export const prepareMyUploadSchema = z.object({ jobId, file: fileFacts })

export const recordMyUploadSchema = z.object({
  jobId,
  path: z.string().min(3).max(1024),
  file: fileFacts,
})

/** A photo for a message the customer has just sent (stored in their own folder). */
export const prepareMessagePhotoSchema = z.object({ messageId: z.uuid(), file: fileFacts })

export const recordMessagePhotoSchema = z.object({
  messageId: z.uuid(),
  path: z.string().min(3).max(1024),
  file: fileFacts,
})
