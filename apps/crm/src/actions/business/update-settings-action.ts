'use server'

import { ok } from '@repo/actions/result'
import { updateOrganization } from '@repo/database/repositories'
import { staffAction } from '@/lib/staff-action.ts'
import { businessSettingsSchema } from './schema.ts'

/** Owners and admins change the business's settings (RLS allows the same two roles). */
export const updateSettingsAction = staffAction(
  {
    name: 'settings.update',
    schema: businessSettingsSchema,
    role: 'settings.manage',
    // Everything shows the business's name, zone and rules: refresh every page.
    revalidate: [{ path: '/', type: 'layout' }],
    errors: { codes: { P0001: 'Pick a time zone from the list.' } },
  },
  async ({ input, ctx: { supabase, organization } }) => {
    const updated = await updateOrganization(supabase, organization.id, {
      name: input.name,
      timezone: input.timezone,
      country_code: input.countryCode,
      currency: input.currency,
      phone: input.phone ?? null,
      email: input.email,
      address: input.address ?? null,
      cancellation_notice_hours: input.cancellationNoticeHours,
      customers_may_confirm: input.customersMayConfirm,
      customers_may_reschedule: input.customersMayReschedule,
      customers_may_cancel: input.customersMayCancel,
      technicians_add_custom_lines: input.techniciansAddCustomLines,
      points_per_dollar: input.pointsPerDollar,
      points_per_job: input.pointsPerJob,
      settings_saved_at: new Date().toISOString(),
    })
    return ok(updated)
  },
)
