'use client'

import type { StaffMemberRow } from '@repo/database/types'
import { useAction } from '@repo/actions/form'
import { type StaffRole, staffRoles } from '@repo/domain/staff'
import { updateStaffAction } from '@/actions/staff/update-staff-action.ts'

/** Role and active switch for one colleague (owners only; the action checks again). */
export function StaffRowEditor({ member, isSelf }: { member: StaffMemberRow; isSelf: boolean }) {
  const { run, pending } = useAction(updateStaffAction, { success: `${member.full_name} updated` })
  const save = (role: StaffRole, active: boolean) => run({ staffId: member.id, role, active })
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label>
        <span className="sr-only">Role for {member.full_name}</span>
        <select
          value={member.role}
          disabled={pending || isSelf}
          onChange={(e) => save(e.target.value as StaffRole, member.active)}
          className="min-h-9 rounded-lg border border-slate-300 bg-white px-2 capitalize"
        >
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={pending || isSelf}
        onClick={() => save(member.role, !member.active)}
        className="min-h-9 rounded-lg border border-slate-300 px-3 text-sm disabled:opacity-50"
      >
        {member.active ? 'Deactivate' : 'Reactivate'}
      </button>
    </div>
  )
}
