'use server'

import { ok } from '@repo/actions/result'
import { markThreadRead } from '@repo/database/repositories'
import { z } from 'zod'
import { customerAction, everywhere } from '@/lib/customer-action'

/** Marks the business's messages read when the customer has the thread open. */
export const markMessagesReadAction = customerAction(
  {
    name: 'messages.read',
    schema: z.undefined(),
    errors: { fallback: 'Could not update read receipts.' },
  },
  async ({ ctx: { supabase, customer }, revalidate }) => {
    const count = await markThreadRead(supabase, customer.id, 'staff')
    if (count > 0) revalidate(...everywhere)
    return ok(count)
  },
)
