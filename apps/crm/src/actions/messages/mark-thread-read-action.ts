'use server'

import { ok } from '@repo/actions/result'
import { markThreadRead } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { markThreadReadSchema } from './schema.ts'

/** Marks the customer's messages read; the read receipt reaches the portal through realtime. */
export const markThreadReadAction = staffAction(
  { name: 'messages.read', schema: markThreadReadSchema },
  async ({ input, ctx: { supabase } }) => ok(await markThreadRead(supabase, input.customerId, 'customer')),
)
