import { readPublicEnv } from '@repo/database/env'
import { SignOutForm } from '@repo/ui/sign-out-form'
import { listStaffNotifications } from '@repo/database/repositories'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { signOutAction } from '@/actions/auth/sign-out-action.ts'
import { CrmRealtimeProvider } from '@/components/shell/crm-realtime-provider.tsx'
import { MainNav } from '@/components/shell/main-nav.tsx'
import { NotificationBell } from '@/components/shell/notification-bell.tsx'
import { OrgLiveStatus } from '@/components/shell/org-live-status.tsx'
import { StaffSessionProvider } from '@/components/shell/staff-session.tsx'
import { requireStaff } from '@/lib/staff-context.ts'

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const { staff, organization, userId, supabase } = await requireStaff()
  const inbox = await listStaffNotifications(supabase, { limit: 8 })
  return (
    <StaffSessionProvider
      value={{
        userId,
        staffId: staff.id,
        fullName: staff.full_name,
        role: staff.role,
        organizationId: organization.id,
        organizationName: organization.name,
        timeZone: organization.timezone,
        currency: organization.currency,
      }}
    >
      <CrmRealtimeProvider env={readPublicEnv()}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2 lg:gap-3">
          <span className="line-clamp-2 min-w-0 font-bold leading-tight break-words text-sky-800 lg:mr-2">{organization.name}</span>
          <MainNav
            title={organization.name}
            account={
              <>
                <p className="text-sm text-slate-700">
                  {staff.full_name} · <span className="capitalize">{staff.role}</span>
                </p>
                <SignOutForm action={signOutAction} />
              </>
            }
          />
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <OrgLiveStatus />
            <NotificationBell initial={inbox} />
            <Link href="/profile" className="hidden text-sm text-slate-700 hover:underline xl:inline">
              {staff.full_name} · <span className="capitalize">{staff.role}</span>
            </Link>
            <div className="hidden lg:block">
              <SignOutForm action={signOutAction} />
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      </CrmRealtimeProvider>
    </StaffSessionProvider>
  )
}
