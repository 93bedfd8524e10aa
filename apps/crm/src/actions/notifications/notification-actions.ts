'use server'

import { ok } from '@repo/actions/result'
import {
  markAllStaffNotificationsRead,
  markStaffNotificationRead,
  saveStaffDigestSetting,
} from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import {
  digestSettingSchema,
  markAllNotificationsReadSchema,
  markNotificationReadSchema,
} from './schema.ts'

/** Marks one of the signed-in staff member's notifications read (RLS: only their own). */
export const markNotificationReadAction = staffAction(
  {
    name: 'notifications.read',
    schema: markNotificationReadSchema,
    revalidate: ['/notifications'],
  },
  async ({ input, ctx: { supabase } }) =>
    ok(await markStaffNotificationRead(supabase, input.notificationId)),
)

/** "Mark all read": every unread notification of the signed-in staff member. */
export const markAllNotificationsReadAction = staffAction(
  {
    name: 'notifications.read-all',
    schema: markAllNotificationsReadSchema,
    revalidate: ['/notifications'],
  },
  async ({ ctx: { supabase } }) => ok(await markAllStaffNotificationsRead(supabase)),
)

/** The signed-in staff member's own digest setting (RLS: nobody else's). */
export const saveDigestSettingAction = staffAction(
  { name: 'notifications.digest', schema: digestSettingSchema, revalidate: ['/notifications'] },
  async ({ input, ctx: { supabase, organization, staff } }) =>
    ok(
      await saveStaffDigestSetting(supabase, {
        staffMemberId: staff.id,
        organizationId: organization.id,
        frequency: input.frequency,
        hour: input.hour,
      }),
    ),
)
