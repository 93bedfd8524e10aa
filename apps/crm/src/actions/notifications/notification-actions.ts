'use server'

import { ok } from '@repo/actions/result'
import { markAllStaffNotificationsRead, markStaffNotificationRead } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { markAllNotificationsReadSchema, markNotificationReadSchema } from './schema.ts'

/** Marks one of the signed-in staff member's notifications read (RLS: only their own). */
export const markNotificationReadAction = staffAction(
  { name: 'notifications.read', schema: markNotificationReadSchema, revalidate: ['/notifications'] },
  async ({ input, ctx: { supabase } }) => ok(await markStaffNotificationRead(supabase, input.notificationId)),
)

/** "Mark all read": every unread notification of the signed-in staff member. */
export const markAllNotificationsReadAction = staffAction(
  { name: 'notifications.read-all', schema: markAllNotificationsReadSchema, revalidate: ['/notifications'] },
  async ({ ctx: { supabase } }) => ok(await markAllStaffNotificationsRead(supabase)),
)
