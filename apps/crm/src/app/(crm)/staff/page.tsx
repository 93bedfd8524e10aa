import { listStaff } from '@repo/database/repositories'
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
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id} className="border-t border-slate-100">
                <td className="px-3 py-2 font-medium">{m.full_name}</td>
                <td className="px-3 py-2">{m.email ?? '—'}</td>
                <td className="px-3 py-2">
                  {manage ? <StaffRowEditor member={m} isSelf={m.id === me.id} /> : <span className="capitalize">{m.role}</span>}
                </td>
                <td className="px-3 py-2">{m.active ? 'Active' : 'Inactive'}{m.user_id ? '' : ' · no login'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
