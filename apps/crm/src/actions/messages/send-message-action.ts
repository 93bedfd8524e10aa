'use server'

import { ok } from '@repo/actions/result'
import { sendMessage } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { customerKey } from '../unknown-records.ts'
import { messageSendSchema } from './schema.ts'

export const sendMessageAction = staffAction(
  {
    name: 'messages.send',
    schema: messageSendSchema,
    role: 'messages.send',
    errors: { foreignKeys: customerKey },
    revalidate: ['/messages'],
  },
  async ({ input, ctx: { supabase, staff } }) =>
    ok(
      await sendMessage(supabase, {
        organizationId: staff.organization_id,
        customerId: input.customerId,
        senderType: 'staff',
        body: input.body,
      }),
    ),
)
