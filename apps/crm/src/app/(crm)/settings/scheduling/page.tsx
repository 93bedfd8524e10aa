import {
  isUuid,
  listServices,
  listStaff,
  listTechnicianServices,
  listTimeOff,
  listWorkingHours,
} from '@repo/database/repositories'
import { can } from '@repo/domain/staff'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { BookingRulesForm } from '@/components/settings/booking-rules-form.tsx'
import { SettingsNav } from '@/components/settings/settings-nav.tsx'
import { TechnicianPicker } from '@/components/settings/technician-picker.tsx'
import { TechnicianSkills } from '@/components/settings/technician-skills.tsx'
import { TimeOffList } from '@/components/settings/time-off-list.tsx'
import { WorkingHoursEditor } from '@/components/settings/working-hours-editor.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Scheduling settings' }

const section = 'space-y-4 rounded-xl border border-slate-200 bg-white p-4 md:p-6'

/**
 * When the business can be booked: the online booking rules (owners and admins), each technician's
 * weekly hours and skills, and time off (owners, admins and office staff; technicians do not see it).
 */
export default async function SchedulingSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ staff?: string }>
}) {
  const { supabase, organization, staff } = await requireStaff()
  if (!can(staff.role, 'jobs.schedule')) redirect('/settings')
  const { staff: wanted } = await searchParams
  const [team, hours, timeOff, services, skills] = await Promise.all([
    listStaff(supabase, organization.id),
    listWorkingHours(supabase, organization.id),
    listTimeOff(supabase, organization.id, { from: new Date().toISOString() }),
    listServices(supabase, organization.id),
    listTechnicianServices(supabase, organization.id),
  ])
  // Whoever does jobs: the technicians, and anyone else who has working hours.
  const withHours = new Set(hours.map((h) => h.staff_member_id))
  const technicians = team.filter((s) => s.role === 'technician' || withHours.has(s.id))
  const selected =
    technicians.find((t) => isUuid(wanted) && t.id === wanted) ?? technicians[0] ?? null

  return (
    <div className="space-y-4">
      <LiveRefresh
        tables={['working_hours', 'time_off', 'organizations', 'services', 'staff_members']}
      />
      <h1 className="text-2xl font-bold">Settings</h1>
      <SettingsNav
        active="scheduling"
        showScheduling
        showNotifications={can(staff.role, 'settings.manage')}
      />
      <section aria-labelledby="booking-heading" className={section}>
        <h2 id="booking-heading" className="text-lg font-semibold">
          Online booking
        </h2>
        <BookingRulesForm
          organization={organization}
          canEdit={can(staff.role, 'settings.manage')}
        />
      </section>

      <section aria-labelledby="team-heading" className={section}>
        <div>
          <h2 id="team-heading" className="text-lg font-semibold">
            Working hours and skills
          </h2>
          <p className="text-sm text-slate-700">
            In {organization.timezone} time. Free times for booking come from these hours.
          </p>
        </div>
        {selected ? (
          <>
            <TechnicianPicker technicians={technicians} selectedId={selected.id} />
            <WorkingHoursEditor
              key={selected.id}
              technician={selected}
              shifts={hours.filter((h) => h.staff_member_id === selected.id)}
            />
            <TechnicianSkills
              key={`skills-${selected.id}`}
              technician={selected}
              services={services}
              skills={skills
                .filter((s) => s.staff_member_id === selected.id)
                .map((s) => s.service_id)}
            />
          </>
        ) : (
          <p className="text-sm text-slate-700">
            No technicians yet: invite one on the Staff page.
          </p>
        )}
      </section>

      <section aria-labelledby="time-off-heading" className={section}>
        <h2 id="time-off-heading" className="text-lg font-semibold">
          Time off
        </h2>
        <TimeOffList
          technicians={technicians}
          timeOff={timeOff}
          defaultStaffId={selected?.id ?? null}
        />
      </section>
    </div>
  )
}
