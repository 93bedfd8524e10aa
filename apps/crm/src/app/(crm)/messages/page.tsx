import { listInboxThreads } from '@repo/database/repositories'
import type { Metadata } from 'next'
import { InboxList } from '@/components/messages/inbox-list.tsx'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Messages' }

export default async function MessagesPage() {
  const { supabase, organization } = await requireStaff()
  const threads = await listInboxThreads(supabase, organization.id)
  return (
    <div className="space-y-4">
      <LiveRefresh tables={['messages']} />
      <h1 className="text-2xl font-bold">Messages</h1>
      <InboxList threads={threads} timeZone={organization.timezone} />
    </div>
  )
}
