import { listStaff } from '@repo/database/repositories'
import { Badge } from '@repo/ui/badge'
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@repo/ui/table'
import type { Metadata } from 'next'
import { StaffRowEditor } from '@/components/staff/staff-row-editor.tsx'
import { can } from '@repo/domain/staff'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Staff' }

export default async function StaffPage() {
  const { supabase, organization, staff: me } = await requireStaff()
  const team = await listStaff(supabase, organization.id, { includeInactive: true })
  const manage = can(me.role, 'staff.manage')
  return (
    <div className="space-y-4">
      <LiveRefresh tables={['staff_members']} />
      <h1 className="text-2xl font-bold">Staff</h1>
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
            {team.map((m) => (
              <TableRow key={m.id} className="border-slate-100">
                <TableCell className="font-medium whitespace-nowrap">{m.full_name}</TableCell>
                <TableCell>{m.email ?? '—'}</TableCell>
                <TableCell>
                  {manage ? <StaffRowEditor member={m} isSelf={m.id === me.id} /> : <span className="capitalize">{m.role}</span>}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <Badge tone={m.active ? 'success' : 'neutral'}>{m.active ? 'Active' : 'Inactive'}</Badge>
                  {m.user_id ? '' : ' · no login'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  )
}
