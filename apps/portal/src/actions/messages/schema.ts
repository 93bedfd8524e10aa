import { z } from 'zod'
import { MAX_MESSAGE_CHARS } from '@repo/domain/messages'

// Same limit as the database repository; checked here first for a friendly field message.
export { MAX_MESSAGE_CHARS }

export const sendMessageSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { message: 'Write a message first.' })
    .max(MAX_MESSAGE_CHARS, { message: `Messages can be up to ${MAX_MESSAGE_CHARS} characters.` }),
  /** Client-made id so a double-clicked send is stored once. */
  clientId: z.uuid(),
})
