import { readPublicEnv } from '@repo/database/env'
import { parsePreferences } from '@repo/domain/notifications'
import type { ReactNode } from 'react'
import { PortalLive } from '@/components/live/portal-live'
import { PortalHeader } from '@/components/shell/portal-header'
import { PortalNav } from '@/components/shell/portal-nav'
import { loadUnreadCount, requirePortalSession } from '@/lib/portal-session'

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const [{ customer, organization, userId }, unread] = await Promise.all([
    requirePortalSession(),
    loadUnreadCount(),
  ])
  return (
    <PortalLive
      customerId={customer.id}
      organizationId={organization.id}
      timeZone={organization.timezone}
      currency={organization.currency}
      userId={userId}
      customerName={`${customer.first_name} ${customer.last_name}`}
      unreadCount={unread}
      preferences={parsePreferences(customer.notification_preferences)}
      supabaseEnv={readPublicEnv()}
    >
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <PortalHeader businessName={organization.name} customerFirstName={customer.first_name} />
      <div className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 pb-24 pt-4 md:flex-row md:pb-8">
        <PortalNav onlineBooking={organization.online_booking} />
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </PortalLive>
  )
}
