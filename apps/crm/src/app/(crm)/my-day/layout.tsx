import type { Viewport } from 'next'
import type { ReactNode } from 'react'
import { requireStaff } from '@/lib/staff-context.ts'
import { ConnectionBar } from '@/offline/connection-bar.tsx'
import { OfflineQueueProvider } from '@/offline/offline-queue-provider.tsx'

export const viewport: Viewport = { themeColor: '#0369a1' }

/**
 * The technician's screens (My day and a visit) work without a connection: the service worker
 * keeps them, the queue keeps what the technician does until it is sent. Only these screens load
 * that code.
 */
export default async function MyDayLayout({ children }: { children: ReactNode }) {
  const { userId } = await requireStaff()
  return (
    <OfflineQueueProvider userId={userId}>
      <ConnectionBar />
      {children}
    </OfflineQueueProvider>
  )
}
