import { jobStatuses } from '@repo/domain/jobs'
import { z } from 'zod'
import { recordId, timestamp } from '../ids.ts'
import { completeVisitSchema } from './schema.ts'

// Changes a phone queued (maybe offline) and sends later, maybe twice: each has its idempotency
// key and the job as the phone saw it when the change was made.
const queued = {
  key: z.uuid({ message: 'The change has no valid key' }),
  jobId: recordId('Job'),
  expected: z.object({
    status: z.enum(jobStatuses, { message: 'Unknown job status' }),
    updatedAt: timestamp('Seen at'),
  }),
}

export const queuedStatusSchema = z.object({
  ...queued,
  status: z.enum(['en_route', 'in_progress', 'completed'], {
    message: 'Only a field step can be queued',
  }),
})

export const queuedCompletionSchema = completeVisitSchema.and(z.object(queued))
