import { z } from 'zod'

const postgresChange = z.object({
  event: z.string().refine((e) => ['insert', 'update', 'delete', '*'].includes(e.toLowerCase()), {
    message: 'event must be INSERT, UPDATE, DELETE or *',
  }),
  schema: z.string().min(1, 'schema is required'),
  table: z.string().min(1).optional(),
  filter: z.string().optional(),
})

/** The phx_join payload realtime-js sends. Unknown keys are ignored, as Supabase ignores them. */
export const joinPayloadSchema = z.object({
  config: z
    .object({
      broadcast: z
        .object({ self: z.boolean().optional(), ack: z.boolean().optional() })
        .partial()
        .optional(),
      presence: z
        .object({ key: z.string().optional(), enabled: z.boolean().optional() })
        .partial()
        .optional(),
      postgres_changes: z
        .array(postgresChange)
        .max(100, 'at most 100 postgres_changes per channel')
        .optional(),
      private: z.boolean().optional(),
      /** With `wait`, the join is answered only once changes are flowing (or fails after `timeout` ms). */
      postgres_changes_options: z
        .object({
          wait: z.boolean().optional(),
          timeout: z.number().int().positive().max(60_000).optional(),
        })
        .optional(),
    })
    .optional(),
  access_token: z.string().optional(),
})

export type JoinPayload = z.infer<typeof joinPayloadSchema>
export type PostgresChangeRequest = z.infer<typeof postgresChange>

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')
}
