'use server'

import { markThreadRead } from '@repo/database/repositories'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, ok } from '@/lib/action-result'
import { requirePortalSession } from '@/lib/portal-session'

/** Marks the business's messages read when the customer has the thread open. */
export async function markMessagesReadAction(): Promise<ActionResult<number>> {
  const { supabase, customer } = await requirePortalSession()
  try {
    const count = await markThreadRead(supabase, customer.id, 'staff')
    if (count > 0) revalidatePath('/', 'layout')
    return ok(count)
  } catch {
    return fail('Could not update read receipts.')
  }
}
