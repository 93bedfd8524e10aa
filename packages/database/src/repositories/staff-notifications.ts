import type { Client, StaffNotificationRow } from '../types.ts'
import { check, unwrap } from './errors.ts'
import { assertUuid, pageRange } from './validate.ts'

export interface StaffInbox {
  notifications: StaffNotificationRow[]
  unread: number
}

/**
 * The signed-in staff member's notifications, newest first, with how many are unread in all
 * (RLS returns only their own).
 */
export async function listStaffNotifications(
  client: Client,
  options: { limit?: number; offset?: number; unreadOnly?: boolean } = {},
): Promise<StaffInbox> {
  const { from, to } = pageRange(options.limit ?? 20, options.offset)
  let query = client.from('staff_notifications').select('*')
  if (options.unreadOnly) query = query.is('read_at', null)
  const [list, unread] = await Promise.all([
    query.order('created_at', { ascending: false }).order('id', { ascending: false }).range(from, to),
    client.from('staff_notifications').select('id', { count: 'exact', head: true }).is('read_at', null),
  ])
  check(unread, 'counting unread notifications')
  return { notifications: unwrap(list, 'listing notifications'), unread: unread.count ?? 0 }
}

/** Marks one of the caller's notifications read (idempotent: a read one keeps its time). */
export async function markStaffNotificationRead(client: Client, notificationId: string): Promise<void> {
  const id = assertUuid(notificationId, 'notificationId')
  check(
    await client.from('staff_notifications').update({ read_at: new Date().toISOString() }).eq('id', id).is('read_at', null),
    'marking a notification read',
  )
}

/** Marks every notification of the caller read up to `before` (default now); returns how many. */
export async function markAllStaffNotificationsRead(client: Client, before?: string): Promise<number> {
  const result = await client.rpc('mark_staff_notifications_read', before ? { p_before: before } : {})
  return Number(unwrap(result, 'marking notifications read'))
}
