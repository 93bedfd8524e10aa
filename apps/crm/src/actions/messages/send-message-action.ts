'use server'

import { sendMessage } from '@repo/database/repositories'
import type { MessageRow } from '@repo/database/types'
import { revalidatePath } from 'next/cache'
import { type ActionResult, ok } from '@/lib/action-result.ts'
import { runStaffAction } from '@/lib/staff-action.ts'
import { messageSendSchema } from './schema.ts'

export async function sendMessageAction(input: { customerId: string; body: string }): Promise<ActionResult<MessageRow>> {
  return runStaffAction(
    'messages.send',
    'messages.send',
    messageSendSchema,
    input,
    async ({ supabase, staff }, data) => {
      const message = await sendMessage(supabase, {
        organizationId: staff.organization_id,
        customerId: data.customerId,
        senderType: 'staff',
        body: data.body,
      })
      revalidatePath('/messages')
      return ok(message)
    },
    { foreignKeyField: 'customerId' },
  )
}
