import { listStaff } from '@repo/database/repositories'
import { Badge } from '@repo/ui/badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import type { Metadata } from 'next'
import { InviteStaffForm } from '@/components/staff/invite-staff-form.tsx'
import { PendingInvitation } from '@/components/staff/pending-invitation.tsx'
import { StaffRowEditor } from '@/components/staff/staff-row-editor.tsx'
import { can, membershipState, membershipStateLabel, staffRoleLabel } from '@repo/domain/staff'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Staff' }

export default async function StaffPage() {
  const { supabase, organization, staff: me } = await requireStaff()
  const team = await listStaff(supabase, organization.id, { includeInactive: true })
  const manage = can(me.role, 'staff.manage')
  const invite = can(me.role, 'staff.invite')
  const tone = { invited: 'info', active: 'success', inactive: 'neutral' } as const
  return (
    <div className="space-y-4">
      <LiveRefresh tables={['staff_members']} />
      <h1 className="text-2xl font-bold">Staff</h1>
      {invite ? <InviteStaffForm /> : <p className="text-sm text-slate-700">Owners and admins invite team members.</p>}
      {!manage ? <p className="text-sm text-slate-700">Only owners can change roles.</p> : null}
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <Table>
          <TableHeader className="bg-slate-50">
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Email</TableHead>
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {team.map((m) => {
              const state = membershipState(m)
              return (
                <TableRow key={m.id} className="border-slate-100" data-staff-state={state}>
                  <TableCell className="font-medium whitespace-nowrap">{m.full_name}</TableCell>
                  <TableCell>{m.email ?? '—'}</TableCell>
                  <TableCell>
                    {manage && state !== 'invited' ? <StaffRowEditor member={m} isSelf={m.id === me.id} /> : staffRoleLabel[m.role]}
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-wrap items-center gap-2 whitespace-nowrap">
                      <Badge tone={tone[state]}>{membershipStateLabel[state]}</Badge>
                      {m.user_id ? null : <span className="text-sm text-slate-700">no login</span>}
                      {state === 'invited' && invite ? <PendingInvitation member={m} /> : null}
                    </div>
                  </TableCell>
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  )
}
