'use server'

import type { ActionResult } from '@repo/actions/result'
import { ok } from '@repo/actions/result'
import { sendMessage } from '@repo/database/repositories'
import type { MessageRow } from '@repo/database/types'
import { customerAction } from '@/lib/customer-action'
import { sendMessageSchema } from './schema'

// A double-clicked send (same client id) within this process is answered once.
const recentSends = new Map<string, Promise<ActionResult<MessageRow>>>()

export const sendMessageAction = customerAction(
  {
    name: 'messages.send',
    schema: sendMessageSchema,
    errors: { fallback: 'Your message was not sent. Please try again.' },
    revalidate: ['/messages'],
  },
  async ({ input, ctx: { supabase, customer } }) => {
    const existing = recentSends.get(input.clientId)
    if (existing) return existing
    const run = sendMessage(supabase, {
      organizationId: customer.organization_id,
      customerId: customer.id,
      senderType: 'customer',
      body: input.body,
    }).then((message) => ok(message))
    recentSends.set(input.clientId, run)
    setTimeout(() => recentSends.delete(input.clientId), 60_000).unref?.()
    return run
  },
)
