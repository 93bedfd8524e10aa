'use server'

import { ok } from '@repo/actions/result'
import { retryDelivery } from '@repo/database/repositories'
import { z } from 'zod'
import { staffAction } from '@/lib/staff-action.ts'
import { recordId } from '../ids.ts'

/** "Retry" in the delivery log: a dead delivery goes back to the queue (the database checks the row). */
export const retryDeliveryAction = staffAction(
  {
    name: 'notifications.delivery.retry',
    schema: z.object({ deliveryId: recordId('Delivery') }),
    role: 'settings.manage',
    revalidate: ['/settings/notifications/deliveries'],
  },
  async ({ input, ctx: { supabase } }) => ok(await retryDelivery(supabase, input.deliveryId)),
)
