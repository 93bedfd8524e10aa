'use server'

import { fail, ok } from '@repo/actions/result'
import {
  addTimeOff,
  removeTimeOff,
  replaceWorkingHours,
  setTechnicianServices,
} from '@repo/database/repositories'
import { timeOffRange } from '@repo/domain/availability'
import { staffAction } from '@/lib/staff-action.ts'
import { skillsSchema, timeOffRemoveSchema, timeOffSchema, workingHoursSchema } from './schema.ts'

// Whoever schedules jobs keeps the schedule's availability: owners, admins and office staff (RLS on
// working_hours, time_off and technician_services allows the same roles).
const role = 'jobs.schedule'
const technicianKey = {
  staff_member_id: { field: 'staffMemberId', message: 'Unknown technician.' },
} as const

/** Replaces a technician's week in one transaction (set_working_hours): all saved or none. */
export const saveWorkingHoursAction = staffAction(
  {
    name: 'availability.hours',
    schema: workingHoursSchema,
    role,
    revalidate: ['/settings/scheduling', '/jobs'],
    errors: {
      codes: { '23P01': 'Two shifts on the same day overlap.', PT404: 'Unknown technician.' },
      foreignKeys: technicianKey,
    },
  },
  async ({ input, ctx: { supabase } }) =>
    ok(
      await replaceWorkingHours(
        supabase,
        input.staffMemberId,
        input.shifts.map((s) => ({
          weekday: s.weekday,
          starts_at: s.starts_at,
          ends_at: s.ends_at,
        })),
      ),
    ),
)

export const addTimeOffAction = staffAction(
  {
    name: 'availability.time_off.add',
    schema: timeOffSchema,
    role,
    revalidate: ['/settings/scheduling', '/jobs'],
    errors: { foreignKeys: technicianKey },
  },
  async ({ input, ctx: { supabase, organization } }) => {
    const range = timeOffRange(
      input.allDay
        ? { allDay: true, firstDay: input.firstDay, lastDay: input.lastDay }
        : { allDay: false, day: input.day, startTime: input.startTime, endTime: input.endTime },
      organization.timezone,
    )
    if (!range.ok) return fail(range.message, { [range.field]: [range.message] })
    return ok(
      await addTimeOff(supabase, {
        organization_id: organization.id,
        staff_member_id: input.staffMemberId,
        ...range.range,
        reason: input.reason,
      }),
    )
  },
)

export const removeTimeOffAction = staffAction(
  {
    name: 'availability.time_off.remove',
    schema: timeOffRemoveSchema,
    role,
    revalidate: ['/settings/scheduling', '/jobs'],
  },
  async ({ input, ctx: { supabase } }) => {
    await removeTimeOff(supabase, input.timeOffId)
    return ok(input.timeOffId)
  },
)

/** Which services a technician does; none ticked: every service. */
export const saveSkillsAction = staffAction(
  {
    name: 'availability.skills',
    schema: skillsSchema,
    role,
    revalidate: ['/settings/scheduling'],
    errors: {
      foreignKeys: {
        ...technicianKey,
        service_id: { field: 'serviceIds', message: 'A service is no longer in the catalogue.' },
      },
    },
  },
  async ({ input, ctx: { supabase, organization } }) =>
    ok(
      await setTechnicianServices(supabase, organization.id, input.staffMemberId, input.serviceIds),
    ),
)
