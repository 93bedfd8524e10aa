'use client'

import { useAction } from '@repo/actions/form'
import type { StaffMemberRow, TimeOffRow } from '@repo/database/types'
import { describeTimeOff } from '@repo/domain/availability'
import { Button } from '@repo/ui/button'
import { useOptimistic } from 'react'
import { removeTimeOffAction } from '@/actions/availability/availability-actions.ts'
import { useStaffSession } from '@/components/shell/staff-session.tsx'
import { TimeOffForm } from './time-off-form.tsx'

/** Upcoming time off of every technician (dates in the business's zone), and a form to add some. */
export function TimeOffList({
  technicians,
  timeOff,
  defaultStaffId,
}: {
  technicians: StaffMemberRow[]
  timeOff: TimeOffRow[]
  defaultStaffId: string | null
}) {
  const { timeZone } = useStaffSession()
  const names = new Map(technicians.map((t) => [t.id, t.full_name]))
  const [shown, hide] = useOptimistic(timeOff, (rows: TimeOffRow[], id: string) =>
    rows.filter((r) => r.id !== id),
  )
  const remove = useAction(removeTimeOffAction, { success: 'Time off removed' })
  return (
    <div className="space-y-4">
      {shown.length === 0 ? (
        <p className="text-sm text-slate-700">No upcoming time off.</p>
      ) : (
        <ul
          aria-label="Upcoming time off"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200"
        >
          {shown.map((row) => {
            const who = names.get(row.staff_member_id) ?? 'Former staff member'
            const when = describeTimeOff(row, timeZone)
            return (
              <li
                key={row.id}
                data-time-off={row.id}
                className="flex flex-wrap items-center justify-between gap-2 p-3"
              >
                <div className="min-w-0">
                  <p className="font-medium">{who}</p>
                  <p className="text-sm">{when}</p>
                  {row.reason ? (
                    <p className="text-sm break-words text-slate-700">{row.reason}</p>
                  ) : null}
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Remove time off for ${who}, ${when}`}
                  onClick={() => remove.run({ timeOffId: row.id }, () => hide(row.id))}
                >
                  Remove
                </Button>
              </li>
            )
          })}
        </ul>
      )}
      {technicians.length > 0 ? (
        <TimeOffForm technicians={technicians} defaultStaffId={defaultStaffId} />
      ) : null}
    </div>
  )
}
