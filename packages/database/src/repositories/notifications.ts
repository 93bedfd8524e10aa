import type { Client, Enums } from '../types.ts'
import { unwrap } from './errors.ts'
import { assertUuid } from './validate.ts'

/**
 * Switches one group of a customer's notifications off on one channel (an unsubscribe link) and
 * withdraws those still waiting. Service role only; false when the customer is gone.
 */
export async function unsubscribeFromNotifications(
  client: Client,
  input: {
    customerId: string
    /** A notification group (appointments, reminders, billing, messages, reviews); the database refuses others. */
    group: string
    channel: Enums<'notification_channel'>
  },
): Promise<boolean> {
  const result = await client.rpc('unsubscribe_notifications', {
    p_customer_id: assertUuid(input.customerId, 'customerId'),
    p_group: input.group,
    p_channel: input.channel,
  })
  return unwrap(result, 'unsubscribing from notifications') === true
}
