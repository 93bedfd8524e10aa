import { avatarUrl } from '@repo/database/repositories'
import { initialsOf } from '@repo/domain/field-work'
import type { Metadata } from 'next'
import { AvatarForm } from '@/components/profile/avatar-form.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export const metadata: Metadata = { title: 'Your profile' }

/** The signed-in staff member's own profile: who they are and the photo customers see. */
export default async function ProfilePage() {
  const { supabase, staff, organization } = await requireStaff()
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{staff.full_name}</h1>
        <p className="text-slate-700">
          <span className="capitalize">{staff.role}</span> · {organization.name}
        </p>
      </div>
      <AvatarForm
        photoUrl={avatarUrl(supabase, staff.avatar_path)}
        initials={initialsOf(staff.full_name)}
      />
    </div>
  )
}
