import { MAX_MESSAGE_CHARS } from '@repo/domain/messages'
import { z } from 'zod'
import { recordId } from '../ids.ts'

export const messageSendSchema = z.object({
  customerId: recordId('Customer'),
  body: z.string().trim().min(1, 'Write a message first').max(MAX_MESSAGE_CHARS, `Messages can be up to ${MAX_MESSAGE_CHARS} characters.`),
})

export const markThreadReadSchema = z.object({ customerId: recordId('Customer') })
