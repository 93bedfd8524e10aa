import { z } from 'zod'
import { recordId, timestamp } from '../ids.ts'

const checklistItem = z
  .string()
  .trim()
  .min(1, 'An item needs some text')
  .max(200, 'Items are at most 200 characters')

export const checklistTickSchema = z.object({
  jobId: recordId('Job'),
  item: checklistItem,
  done: z.boolean(),
})

export const jobPositionSchema = z.object({
  jobId: recordId('Job'),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().nonnegative().nullable(),
  recordedAt: timestamp('Recorded at'),
})

/** One item per line in the settings form; blank lines dropped, duplicates refused. */
export const serviceChecklistSchema = z.object({
  serviceId: recordId('Service'),
  items: z
    .array(checklistItem)
    .max(30, 'A checklist has at most 30 items')
    .refine((items) => new Set(items).size === items.length, 'Each item may appear once'),
})

/** Completing a visit, with the customer's signature when they gave one. */
export const completeVisitSchema = z
  .object({
    jobId: recordId('Job'),
    signerName: z.string().trim().max(200, 'A name is at most 200 characters').nullable(),
    signaturePng: z
      .string()
      .startsWith('data:image/png;base64,', 'The signature must be a PNG image')
      .max(400_000, 'The signature image is too large')
      .nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.signaturePng && !v.signerName) {
      ctx.addIssue({ code: 'custom', path: ['signerName'], message: 'Who is signing?' })
    }
  })
