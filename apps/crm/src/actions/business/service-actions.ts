'use server'

import { ok } from '@repo/actions/result'
import { createService, setServiceActive, setServiceBookableOnline } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { newServiceSchema, serviceActiveSchema, serviceBookableSchema } from './schema.ts'

/** The services the business offers (owners and admins); jobs and, later, quotes pick from them. */
export const createServiceAction = staffAction(
  {
    name: 'settings.service.create',
    schema: newServiceSchema,
    role: 'settings.manage',
    revalidate: ['/settings', '/customers'],
    errors: { unique: { field: 'name', message: 'There is already a service with this name.' } },
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(await createService(supabase, { organizationId: organization.id, ...input })),
)

export const setServiceActiveAction = staffAction(
  { name: 'settings.service.active', schema: serviceActiveSchema, role: 'settings.manage', revalidate: ['/settings'] },
  async ({ input, ctx: { supabase } }) => ok(await setServiceActive(supabase, input.serviceId, input.active)),
)

/** Whether customers may book a service online (the booking rules apply on top). */
export const setServiceBookableAction = staffAction(
  { name: 'settings.service.bookable', schema: serviceBookableSchema, role: 'settings.manage', revalidate: ['/settings', '/settings/scheduling'] },
  async ({ input, ctx: { supabase } }) => ok(await setServiceBookableOnline(supabase, input.serviceId, input.bookable)),
)
