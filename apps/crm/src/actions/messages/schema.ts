import { z } from 'zod'
import { recordId } from '../ids.ts'

export const messageSendSchema = z.object({
  customerId: recordId('Customer'),
  body: z.string().trim().min(1, 'Write a message first').max(4000, 'Messages are limited to 4000 characters'),
})

export const markThreadReadSchema = z.object({ customerId: recordId('Customer') })
