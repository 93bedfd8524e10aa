'use server'

import { sendMessage } from '@repo/database/repositories'
import type { MessageRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, fail, invalid, ok } from '@/lib/action-result'
import { createLogger } from '@/lib/logger'
import { requirePortalSession } from '@/lib/portal-session'
import { friendlyError } from '../error-message'
import { sendMessageSchema } from './schema'

const log = createLogger('messages')

// A double-clicked send (same client id) within this process is answered once.
const recentSends = new Map<string, Promise<ActionResult<MessageRow>>>()

export async function sendMessageAction(input: { body: string; clientId: string }): Promise<ActionResult<MessageRow>> {
  const parsed = sendMessageSchema.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const existing = recentSends.get(parsed.data.clientId)
  if (existing) return existing
  const run = (async () => {
    const { supabase, customer } = await requirePortalSession()
    try {
      const message = await sendMessage(supabase, {
        organizationId: customer.organization_id,
        customerId: customer.id,
        senderType: 'customer',
        body: parsed.data.body,
      })
      revalidatePath('/messages')
      return ok(message)
    } catch (error) {
      log.warn('send failed', { error: String(error) })
      return fail(friendlyError(error, 'Your message was not sent. Please try again.'))
    }
  })()
  recentSends.set(parsed.data.clientId, run)
  setTimeout(() => recentSends.delete(parsed.data.clientId), 60_000).unref?.()
  return run
}
