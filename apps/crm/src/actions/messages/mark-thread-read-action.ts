'use server'

import { markThreadRead } from '@repo/database/repositories'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { markThreadReadSchema } from './schema.ts'

/** Marks the customer's messages read; the read receipt reaches the portal through realtime. */
export async function markThreadReadAction(input: { customerId: string }): Promise<ActionResult<number>> {
  return runStaffAction('messages.read', null, markThreadReadSchema, input, async ({ supabase }, data) =>
    ok(await markThreadRead(supabase, data.customerId, 'customer')),
  )
}
