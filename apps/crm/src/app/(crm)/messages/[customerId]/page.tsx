import { listInboxThreads, listThread, signedMessagePhotos } from '@repo/database/repositories'
import type { Metadata } from 'next'
import Link from 'next/link'
import { InboxList } from '@/components/messages/inbox-list.tsx'
import { MessageThread } from '@/components/messages/message-thread.tsx'
import { loadCustomer } from '@/lib/load-customer.ts'
import { requireStaff } from '@/lib/staff-context.ts'
import { LiveRefresh } from '@/live/live-refresh.tsx'

export const metadata: Metadata = { title: 'Conversation' }

export default async function ConversationPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params
  const customer = await loadCustomer(customerId)
  const { supabase, organization } = await requireStaff()
  const [threads, messages] = await Promise.all([listInboxThreads(supabase, organization.id), listThread(supabase, customerId)])
  const photos = await signedMessagePhotos(supabase, messages.map((m) => m.id))
  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
      {/* A customer's photo is recorded just after its message: the thread follows both. */}
      <LiveRefresh tables={['messages', 'attachments']} />
      <div className="hidden lg:block">
        <InboxList threads={threads} activeCustomerId={customerId} timeZone={organization.timezone} />
      </div>
      <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <div className="flex items-center justify-between">
          <h1 className="text-xl font-bold">
            {customer.first_name} {customer.last_name}
          </h1>
          <Link href={`/customers/${customer.id}`} prefetch={false} className="text-sm text-sky-800 hover:underline">
            Customer record
          </Link>
        </div>
        <MessageThread customer={customer} messages={messages} photos={photos} />
      </div>
    </div>
  )
}
